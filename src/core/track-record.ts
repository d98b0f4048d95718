/**
 * A printing's track record (#16): where the evidence settles a difference, which printing's
 * reading lost? A printing shown wrong in 40 of 42 settled differences is the likelier to be wrong
 * in a difference nothing else settles: the editor's old rule of following the better witness
 * where the variants are balanced. Only differences between two paired entries count (an entry
 * one printing lacks says nothing of how well the other reads), and only suggestions of 0.8 or
 * more. The record speaks only when it is lopsided (three in four or more against one printing,
 * with ten or more settled) and never alone reaches 0.9 (it is a prior, not a proof; weight at
 * most 1.5, alone 0.82). On two scans of similar quality it stays silent.
 *
 * The record is kept per kind of difference as well: a printing whose pages lost is the likelier
 * wrong on a page (`suggest.ts` takes the kind's own record when it is long enough).
 *
 * Pure.
 */
import {type Evidence, type Side} from './evidence.js';

/** How many settled differences each printing's reading lost. */
export type TrackRecord = Readonly<Record<Side, number>>;

/** A suggestion this sure or more counts as settled. */
const settled = 0.8;
/** Fewest settled differences for a record. */
export const recordLength = 10;
/** A record this lopsided or more speaks. */
const lopsided = 0.9;
/** The most a record weighs (alone 0.82: under the `y` key's 0.9). */
const heaviest = 1.5;

/** Count the settled suggestions by the printing whose reading lost. */
export function trackRecord(suggestions: Iterable<{readonly reading: Side | null; readonly confidence: number}>): TrackRecord {
	let a = 0;
	let b = 0;
	for (const suggestion of suggestions) {
		if (suggestion.reading === null || suggestion.confidence < settled) continue;
		if (suggestion.reading === 'a') b++;
		else a++;
	}

	return {a, b};
}

/**
 * The record as evidence: for the printing that lost fewer, weighing half the log-odds of the
 * smoothed share (Laplace: one more loss each), at most 1.5; nothing when the record is short or
 * even.
 *
 * @example
 * recordEvidence({a: 1, b: 30}, {a: 'A', b: 'B'}) // [{weight: 1.5, why: 'B's reading lost 30 of the 31 differences settled on other evidence'}]
 */
export function recordEvidence(record: TrackRecord, ids: Readonly<Record<Side, string>>, kind?: string): Evidence[] {
	const total = record.a + record.b;
	if (total < recordLength) return [];
	const share = (record.b + 1) / (total + 2);
	if (share < lopsided && share > 1 - lopsided) return [];
	const weight = Math.max(-heaviest, Math.min(heaviest, Math.log(share / (1 - share)) / 2));
	const loser: Side = weight > 0 ? 'b' : 'a';
	const which = kind === undefined ? 'differences' : `${kind} differences`;
	return [{weight, why: `${ids[loser]}'s reading lost ${record[loser]} of the ${total} ${which} settled on other evidence`}];
}
