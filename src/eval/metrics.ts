/**
 * Scoring a comparison against the noise model's truth. Pure: truth and rows in, counts out.
 *
 * - Alignment: each paired row stands for pairs of truth items, found by the items' first lines
 *   inside the row's line ranges (zipped in order, so a row that joins two lines on both sides
 *   stands for both pairs). Precision and recall of those pairs against the truth pairs.
 * - Differences: for each row that holds at least one true pair, the multiset of predicted kinds
 *   against the multiset of injected kinds (kinds the truth marks optional are not counted
 *   against the engine). Rows for unpaired items are scored the same way against `missing`,
 *   `extra` or `truncation`; a truly paired item shown as unpaired counts its kinds as false.
 * - Lines: pair counting over (A line, B line) pairs of the same entry (`scoreLines`).
 * - Furniture (running heads): a row made only of furniture lines is allowed when the engine marks
 *   its items as furniture; otherwise its kinds are false and it is a `furniture` mismatch.
 * - Split: the first boundary found equals the true one.
 *
 * Long (about 550 lines): every score of the evaluation, on one truth and one set of rows.
 */
import type {RowStatus} from '../core/types.js';
import {itemLines} from './draft.js';
import type {EvalKind, InjectedDifference, NoisyPair, TruthItem} from './noise.js';

/** True positives, false positives, false negatives. */
export type Counts = {readonly tp: number; readonly fp: number; readonly fn: number};

/** Precision, recall and F1 (1 when there was nothing to find and nothing was found). */
export type Prf = {readonly precision: number; readonly recall: number; readonly f1: number};

/** The part of a printed item the metrics read; `furniture` is the engine's mark for a running head. */
export type ScoredItem = {readonly lines: readonly [number, number]; readonly text: string; readonly furniture?: boolean};

/** The part of a `Row` the metrics read; `Row` from the core satisfies it. */
export type ScoredRow = {
	readonly status: RowStatus;
	readonly a: ScoredItem | null;
	readonly b: ScoredItem | null;
	readonly differences: ReadonlyArray<{
		readonly kind: EvalKind;
		readonly a: string;
		readonly b: string;
		readonly suggestion?: {readonly reading: 'a' | 'b' | null; readonly confidence: number; readonly why?: string};
	}>;
};

/**
 * How the suggestions fared against the truth on differences found with the kind injected: right
 * (the clean original), wrong (the noisy reading), even (`reading: null`), none (no suggestion);
 * `sure` and `sureRight` count the suggestions at 0.9 or above; `bands` and `bandsRight` count
 * the suggestions of a reading, and the right ones, by confidence band (`confidenceBands`).
 * `neither` (real OCR only) counts the differences where neither printing is right.
 */
export type SuggestionCounts = {
	readonly right: number;
	readonly wrong: number;
	readonly even: number;
	readonly none: number;
	readonly sure: number;
	readonly sureRight: number;
	readonly bands: readonly number[];
	readonly bandsRight: readonly number[];
	/** Real OCR: differences where neither printing reads what was drawn (no reading can be right), and the suggestions of a reading among them. */
	readonly neither?: number;
	readonly neitherNamed?: number;
};

/** The confidence bands of the calibration report: 0.5–0.6, 0.6–0.7, 0.7–0.8, 0.8–0.9, 0.9–1.0 (each includes its lower bound). */
export const confidenceBands = [0.5, 0.6, 0.7, 0.8, 0.9] as const;

/** The band a confidence falls in (its index in `confidenceBands`); 1.0 falls in the last. */
export function bandOf(confidence: number): number {
	// Rounded to two decimals first, as reports show it: 0.9 is in the last band however it was summed.
	const rounded = Math.round(confidence * 100) / 100;
	let band = 0;
	for (const [k, lower] of confidenceBands.entries()) if (rounded >= lower) band = k;
	return band;
}

/** The counts of one suggestion: `right` is whether it named the right reading; undefined when none or even. */
export function suggestionOutcome(suggestion: {readonly reading: 'a' | 'b' | null; readonly confidence: number} | undefined, right: boolean): SuggestionCounts {
	const named = suggestion !== undefined && suggestion.reading !== null;
	const bands = confidenceBands.map(() => 0);
	const bandsRight = confidenceBands.map(() => 0);
	if (named) {
		const band = bandOf(suggestion.confidence);
		bands[band] = 1;
		bandsRight[band] = right ? 1 : 0;
	}

	return {
		right: named && right ? 1 : 0,
		wrong: named && !right ? 1 : 0,
		even: suggestion?.reading === null ? 1 : 0,
		none: suggestion === undefined ? 1 : 0,
		sure: named && suggestion.confidence >= 0.9 ? 1 : 0,
		sureRight: named && right && suggestion.confidence >= 0.9 ? 1 : 0,
		bands,
		bandsRight,
	};
}

/** The sum of two suggestion counts. */
export function sumSuggestions(x: SuggestionCounts, y: SuggestionCounts): SuggestionCounts {
	return {
		right: x.right + y.right,
		wrong: x.wrong + y.wrong,
		even: x.even + y.even,
		none: x.none + y.none,
		sure: x.sure + y.sure,
		sureRight: x.sureRight + y.sureRight,
		bands: confidenceBands.map((_, k) => (x.bands[k] ?? 0) + (y.bands[k] ?? 0)),
		bandsRight: confidenceBands.map((_, k) => (x.bandsRight[k] ?? 0) + (y.bandsRight[k] ?? 0)),
		...(x.neither === undefined && y.neither === undefined
			? {}
			: {neither: (x.neither ?? 0) + (y.neither ?? 0), neitherNamed: (x.neitherNamed ?? 0) + (y.neitherNamed ?? 0)}),
	};
}

/** One way the engine's answer differs from the truth, precise enough to debug the engine. */
export type Mismatch = {
	readonly type: 'pair-missed' | 'pair-wrong' | 'differences' | 'split' | 'furniture' | 'lines' | 'suggestion';
	/** The A item concerned, with its line numbers and text. */
	readonly a?: ScoredItem;
	readonly b?: ScoredItem;
	readonly expected: string;
	readonly got: string;
};

/** The score of one comparison. */
export type PairScore = {
	readonly alignment: Counts;
	/** Line-level alignment (`scoreLines`). */
	readonly lines: Counts;
	readonly differences: Counts;
	readonly byKind: Readonly<Partial<Record<EvalKind, Counts>>>;
	/** Whether the split was found; absent when there was nothing to split. */
	readonly split?: boolean;
	/** Rows made of page furniture that the engine did not mark as furniture; absent when the truth has no furniture. */
	readonly furnitureRows?: number;
	readonly mismatches: readonly Mismatch[];
	/** Suggestion outcomes by kind. */
	readonly suggestions: Readonly<Partial<Record<EvalKind, SuggestionCounts>>>;
};

/** No suggestions yet. */
export const zeroSuggestions: SuggestionCounts = {
	right: 0,
	wrong: 0,
	even: 0,
	none: 0,
	sure: 0,
	sureRight: 0,
	bands: confidenceBands.map(() => 0),
	bandsRight: confidenceBands.map(() => 0),
};

/** Add suggestion counts by kind into `into`. */
export function addSuggestions(into: Partial<Record<EvalKind, SuggestionCounts>>, more: Readonly<Partial<Record<EvalKind, SuggestionCounts>>>): void {
	for (const [kind, counts] of Object.entries(more) as Array<[EvalKind, SuggestionCounts]>) {
		into[kind] = sumSuggestions(into[kind] ?? zeroSuggestions, counts);
	}
}

/**
 * Score the suggestions on one row against the injected differences whose clean side is known:
 * each is matched to a found difference of the same kind (the one whose readings hold the
 * injected ones, else the first of the kind).
 */
export function scoreSuggestions(injected: readonly InjectedDifference[], found: ScoredRow['differences']): Partial<Record<EvalKind, SuggestionCounts>> {
	const counts: Partial<Record<EvalKind, SuggestionCounts>> = {};
	const used = new Set<number>();
	for (const truth of injected) {
		if (truth.noisy === undefined) continue;
		const candidates = found.map((d, k) => [d, k] as const).filter(([d, k]) => d.kind === truth.kind && !used.has(k));
		const holds = candidates.find(
			([d]) =>
				(truth.a === '' || d.a.includes(truth.a.trim()) || truth.a.includes(d.a)) && (truth.b === '' || d.b.includes(truth.b.trim()) || truth.b.includes(d.b)),
		);
		const match = holds ?? candidates[0];
		if (match === undefined) continue;
		used.add(match[1]);
		addSuggestions(counts, {[truth.kind]: outcomeOf(match[0].suggestion, truth.noisy === 'a' ? 'b' : 'a')});
	}

	return counts;
}

/** Score the suggestion on an entry that one printing lacks, against the side known to be clean. */
export function scoreSingle(kind: EvalKind, clean: 'a' | 'b', found: ScoredRow['differences']): Partial<Record<EvalKind, SuggestionCounts>> {
	const difference = found.find((d) => d.kind === kind);
	if (difference === undefined) return {};
	return {[kind]: outcomeOf(difference.suggestion, clean)};
}

/** How one suggestion fared when `clean` is the printing that holds the original reading. */
function outcomeOf(suggestion: ScoredRow['differences'][number]['suggestion'], clean: 'a' | 'b'): SuggestionCounts {
	return suggestionOutcome(suggestion, suggestion?.reading === clean);
}

/** An empty count. */
export const zeroCounts: Counts = {tp: 0, fp: 0, fn: 0};

/** Add counts. */
export function addCounts(x: Counts, y: Counts): Counts {
	return {tp: x.tp + y.tp, fp: x.fp + y.fp, fn: x.fn + y.fn};
}

/**
 * Precision, recall and F1 of counts.
 *
 * @example
 * prf({tp: 9, fp: 1, fn: 0}); // {precision: 0.9, recall: 1, f1: 0.947…}
 */
export function prf(counts: Counts): Prf {
	const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
	const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return {precision, recall, f1};
}

/** Compare two multisets of kinds; kinds in `optional` that were not expected are not false positives. */
export function compareKinds(expected: readonly EvalKind[], got: readonly EvalKind[], optional: readonly EvalKind[] = []): Partial<Record<EvalKind, Counts>> {
	const count = (kinds: readonly EvalKind[]) => {
		const map = new Map<EvalKind, number>();
		for (const kind of kinds) map.set(kind, (map.get(kind) ?? 0) + 1);
		return map;
	};

	const want = count(expected);
	const have = count(got);
	const result: Partial<Record<EvalKind, Counts>> = {};
	for (const kind of new Set([...want.keys(), ...have.keys()])) {
		const w = want.get(kind) ?? 0;
		const h = have.get(kind) ?? 0;
		const tp = Math.min(w, h);
		const fp = w === 0 && optional.includes(kind) ? 0 : h - tp;
		const counts = {tp, fp, fn: w - tp};
		if (counts.tp + counts.fp + counts.fn > 0) result[kind] = counts;
	}

	return result;
}

/** Add per-kind counts into `into`. */
export function addByKind(into: Partial<Record<EvalKind, Counts>>, more: Readonly<Partial<Record<EvalKind, Counts>>>): void {
	for (const [kind, counts] of Object.entries(more) as Array<[EvalKind, Counts]>) {
		into[kind] = addCounts(into[kind] ?? zeroCounts, counts);
	}
}

function totalOf(byKind: Readonly<Partial<Record<EvalKind, Counts>>>): Counts {
	return Object.values(byKind).reduce<Counts>((sum, counts) => addCounts(sum, counts), zeroCounts);
}

/** Items of a printing whose first line falls inside `lines`, in order. */
function itemsIn(byFirstLine: ReadonlyMap<number, number>, lines: readonly [number, number]): number[] {
	const found: number[] = [];
	for (let line = lines[0]; line <= lines[1]; line++) {
		const item = byFirstLine.get(line);
		if (item !== undefined) found.push(item);
	}

	return found;
}

function describeKinds(kinds: readonly string[]): string {
	return kinds.length === 0 ? '(none)' : [...kinds].sort().join(', ');
}

function describeDifferences(differences: ReadonlyArray<{readonly kind: string; readonly a: string; readonly b: string}>): string {
	return differences.length === 0 ? '(none)' : differences.map((d) => `${d.kind} ${JSON.stringify(d.a)}→${JSON.stringify(d.b)}`).join('; ');
}

const item = (truth: TruthItem): ScoredItem => ({lines: truth.lines, text: truth.text});
const where = (found: ScoredItem | null | undefined): string =>
	found ? `${found.lines[0]}${found.lines[1] === found.lines[0] ? '' : `-${found.lines[1]}`} ${JSON.stringify(found.text)}` : 'nothing';

/**
 * Score the rows of a comparison (and its split) against a noisy pair's truth.
 *
 * @example
 * const score = scoreComparison(pair, compare(pair.sources).rows);
 * prf(score.alignment).f1;
 */
export function scoreComparison(truth: NoisyPair, scored: readonly ScoredRow[], split?: {readonly boundaries: readonly number[]}): PairScore {
	// The truth is about A and B: a row only a further printing has (`--third`) is none of its business (#16).
	const rows = scored.some((row) => row.a === null && row.b === null) ? scored.filter((row) => row.a !== null || row.b !== null) : scored;
	const aByLine = new Map(truth.a.items.map((x) => [x.lines[0], x.index]));
	const bByLine = new Map(truth.b.items.map((x) => [x.lines[0], x.index]));
	const truePartner = new Map(truth.pairs.map((pair) => [pair.a, pair]));
	const trueSingleA = new Map(truth.singles.filter((s) => s.side === 'a').map((s) => [s.item, s]));
	const trueSingleB = new Map(truth.singles.filter((s) => s.side === 'b').map((s) => [s.item, s]));
	const mismatches: Mismatch[] = [];
	const byKind: Partial<Record<EvalKind, Counts>> = {};
	const suggestions: Partial<Record<EvalKind, SuggestionCounts>> = {};

	const furnitureA = new Set(truth.furniture?.a ?? []);
	const furnitureB = new Set(truth.furniture?.b ?? []);
	let furnitureRows = 0;

	// Where each item ended up, for the mismatch messages.
	const rowOfA = new Map<number, ScoredRow>();
	const rowOfB = new Map<number, ScoredRow>();
	const predicted = new Set<string>();
	let alignment = zeroCounts;

	for (const row of rows) {
		const xs = row.a ? itemsIn(aByLine, row.a.lines) : [];
		const ys = row.b ? itemsIn(bByLine, row.b.lines) : [];
		for (const x of xs) rowOfA.set(x, row);
		for (const y of ys) rowOfB.set(y, row);

		// A row of page furniture only (no item of the truth starts in it): allowed when the engine
		// marked it as furniture, a false row otherwise. Only the families with running heads have any.
		if (furnitureA.size + furnitureB.size > 0 && xs.length === 0 && ys.length === 0) {
			const marked = (found: ScoredItem | null) => found === null || found.furniture === true;
			const isFurniture = touches(furnitureA, row.a) || touches(furnitureB, row.b);
			if (isFurniture && marked(row.a) && marked(row.b)) continue;
			if (isFurniture) {
				furnitureRows++;
				const counts = compareKinds(
					[],
					row.differences.map((d) => d.kind),
				);
				addByKind(byKind, counts);
				mismatches.push({
					type: 'furniture',
					...(row.a ? {a: row.a} : {}),
					...(row.b ? {b: row.b} : {}),
					expected: 'no row (page furniture), or a row the engine marks as furniture',
					got: `${describeDifferences(row.differences)} (row ${row.status}, not marked as furniture)`,
				});
				continue;
			}
		}

		if (row.a && row.b) {
			const truePairs = [];
			for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
				const x = xs[i]!;
				const y = ys[i]!;
				predicted.add(`${x}:${y}`);
				const pair = truePartner.get(x);
				if (pair?.b === y) {
					alignment = addCounts(alignment, {tp: 1, fp: 0, fn: 0});
					truePairs.push(pair);
				} else {
					alignment = addCounts(alignment, {tp: 0, fp: 1, fn: 0});
					const single = trueSingleA.get(x);
					mismatches.push({
						type: 'pair-wrong',
						a: item(truth.a.items[x]!),
						b: item(truth.b.items[y]!),
						expected: pair ? `A paired with B ${where(truth.b.items[pair.b])}` : `A unpaired (${single?.kind ?? '?'})`,
						got: `A paired with B ${where(truth.b.items[y])} (row ${row.status})`,
					});
				}
			}

			if (truePairs.length > 0) {
				const expected = truePairs.flatMap((pair) => pair.differences.map((d) => d.kind));
				const optional = truePairs.flatMap((pair) => pair.optional);
				const got = row.differences.map((d) => d.kind);
				const scored = scoreSuggestions(
					truePairs.flatMap((pair) => pair.differences),
					row.differences,
				);
				addSuggestions(suggestions, scored);
				// A sure suggestion that is wrong misleads the reviewer most: say which (as the real-OCR scorer does).
				if (Object.values(scored).some((counts) => counts.sure > counts.sureRight)) {
					const sure = row.differences.filter((d) => d.suggestion !== undefined && d.suggestion.reading !== null && d.suggestion.confidence >= 0.9);
					mismatches.push({
						type: 'suggestion',
						a: row.a,
						b: row.b,
						expected: describeDifferences(truePairs.flatMap((pair) => pair.differences)),
						got: sure
							.map(
								(d) =>
									`${d.kind} ${JSON.stringify(d.a)}/${JSON.stringify(d.b)}: ` +
									`${d.suggestion!.reading!.toUpperCase()} at ${d.suggestion!.confidence} (${d.suggestion!.why ?? ''})`,
							)
							.join('; '),
					});
				}
				const counts = compareKinds(expected, got, optional);
				addByKind(byKind, counts);
				const total = totalOf(counts);
				if (total.fp + total.fn > 0) {
					mismatches.push({
						type: 'differences',
						a: row.a,
						b: row.b,
						expected:
							describeDifferences(truePairs.flatMap((pair) => pair.differences)) + (optional.length > 0 ? ` [may also: ${describeKinds(optional)}]` : ''),
						got: `${describeDifferences(row.differences)} (row ${row.status})`,
					});
				}
			}

			continue;
		}

		// An unpaired row: its items should be unpaired in the truth too.
		const side = row.a ? 'a' : 'b';
		const items = side === 'a' ? xs : ys;
		const singles = side === 'a' ? trueSingleA : trueSingleB;
		const expected = items.flatMap((x) => {
			const single = singles.get(x);
			return single ? [single.kind] : [];
		});
		const counts = compareKinds(
			expected,
			row.differences.map((d) => d.kind),
		);
		addByKind(byKind, counts);
		// The printing that has an item the noise dropped from the other is the clean one.
		for (const x of items) {
			const single = singles.get(x);
			if (single?.dropped) addSuggestions(suggestions, scoreSingle(single.kind, side, row.differences));
		}

		const total = totalOf(counts);
		if (total.fp + total.fn > 0) {
			mismatches.push({
				type: 'differences',
				...(row.a ? {a: row.a} : {}),
				...(row.b ? {b: row.b} : {}),
				expected: expected.length === items.length ? describeKinds(expected) : 'a partner (the item is in both printings)',
				got: `${describeDifferences(row.differences)} (row ${row.status})`,
			});
		}
	}

	for (const pair of truth.pairs) {
		if (predicted.has(`${pair.a}:${pair.b}`)) continue;
		alignment = addCounts(alignment, {tp: 0, fp: 0, fn: 1});
		const row = rowOfA.get(pair.a);
		mismatches.push({
			type: 'pair-missed',
			a: item(truth.a.items[pair.a]!),
			b: item(truth.b.items[pair.b]!),
			expected: `paired${pair.differences.length > 0 ? `: ${describeDifferences(pair.differences)}` : ''}`,
			got: row ? `A in a ${row.status} row with B ${where(row.b)}; B in ${rowOfB.get(pair.b)?.status ?? 'no'} row` : 'A in no row',
		});
	}

	// Unpaired items the engine paired or did not show at all: their kind was not found.
	for (const single of truth.singles) {
		const row = (single.side === 'a' ? rowOfA : rowOfB).get(single.item);
		if (row && !(row.a && row.b)) continue;
		addByKind(byKind, {[single.kind]: {tp: 0, fp: 0, fn: 1}});
		const found = (single.side === 'a' ? truth.a : truth.b).items[single.item]!;
		mismatches.push({
			type: 'differences',
			...(single.side === 'a' ? {a: item(found)} : {b: item(found)}),
			expected: `only-${single.side} (${single.kind})`,
			got: row ? `paired with ${where(single.side === 'a' ? row.b : row.a)} (row ${row.status})` : 'in no row',
		});
	}

	// Pairs found at the level of entries whose lines the rows hold only in part (a wrapped entry
	// cut into a paired first line and lonely rest): the line-level score counts them.
	const lines = pairLines(truth, rows);
	for (const pair of truth.pairs) {
		if (!predicted.has(`${pair.a}:${pair.b}`)) continue;
		const a = truth.a.items[pair.a]!;
		const b = truth.b.items[pair.b]!;
		const missing = itemLines(a).flatMap((x) =>
			itemLines(b)
				.filter((y) => !lines.held.has(linePair(x, y)))
				.map((y) => `${x}-${y}`),
		);
		if (missing.length === 0) continue;
		const rowA = rowOfA.get(pair.a);
		mismatches.push({
			type: 'lines',
			a: item(a),
			b: item(b),
			expected: "every line of A's entry in one row with every line of B's",
			got: `line pairs ${missing.join(', ')} in no row (A's row: ${where(rowA?.a)}; B's row: ${where(rowOfB.get(pair.b)?.b)})`,
		});
	}

	let splitFound: boolean | undefined;
	if (truth.boundary !== undefined) {
		const boundary = split?.boundaries[0];
		splitFound = boundary === truth.boundary;
		if (!splitFound) {
			mismatches.push({
				type: 'split',
				expected: `B starts at line ${truth.boundary}`,
				got: boundary === undefined ? 'no split' : `B starts at line ${boundary}`,
			});
		}

		// With further printings in the file (`--third`), each must start where it does: C's first
		// lines counted in B ran the two together (#16).
		for (const [k, line] of (truth.later ?? []).entries()) {
			const got = split?.boundaries[k + 1];
			if (got === line) continue;
			splitFound = false;
			const id = String.fromCharCode(67 + k);
			mismatches.push({type: 'split', expected: `${id} starts at line ${line}`, got: got === undefined ? `no ${id}` : `${id} starts at line ${got}`});
		}
	}

	return {
		alignment,
		lines: lines.counts,
		differences: totalOf(byKind),
		byKind,
		...(splitFound === undefined ? {} : {split: splitFound}),
		...(truth.furniture === undefined ? {} : {furnitureRows}),
		mismatches,
		suggestions,
	};
}

/** Whether a row's item covers any of the lines. */
function touches(lines: ReadonlySet<number>, found: ScoredItem | null): boolean {
	if (found === null) return false;
	for (let line = found.lines[0]; line <= found.lines[1]; line++) if (lines.has(line)) return true;
	return false;
}

// A line pair as one number: lines stay far below a million in any file the evaluation makes.
const linePair = (a: number, b: number): number => a * 1_000_000 + b;

/**
 * Line-level alignment: pair counting over (A line, B line). The truth's pairs are every line of
 * an A item with every line of its B partner (own lines only: no blank line, no furniture); the
 * engine's are every line of a paired row's A side with every line of its B side (a row may join
 * several items on each side), counting only lines the truth knows as an item's or furniture's,
 * and no furniture line of an item the engine marks as furniture. Precision and recall: it
 * rewards a row that joins an entry's lines rightly even where the items are cut differently.
 *
 * @example
 * prf(scoreLines(pair, compare(pair.sources).rows)).f1;
 */
export function scoreLines(truth: NoisyPair, rows: readonly ScoredRow[]): Counts {
	return pairLines(truth, rows).counts;
}

/** The line-level counts, and the set of (A line, B line) pairs the engine's rows hold. */
function pairLines(truth: NoisyPair, rows: readonly ScoredRow[]): {counts: Counts; held: ReadonlySet<number>} {
	const known = (side: 'a' | 'b'): Set<number> => new Set([...truth[side].items.flatMap((found) => itemLines(found)), ...(truth.furniture?.[side] ?? [])]);
	const knownA = known('a');
	const knownB = known('b');
	const expected = new Set<number>();
	for (const pair of truth.pairs) {
		const linesB = itemLines(truth.b.items[pair.b]!);
		for (const x of itemLines(truth.a.items[pair.a]!)) for (const y of linesB) expected.add(linePair(x, y));
	}

	const seen = new Set<number>();
	let tp = 0;
	let fp = 0;
	const furnitureA = new Set(truth.furniture?.a ?? []);
	const furnitureB = new Set(truth.furniture?.b ?? []);
	// An item the engine marks as furniture stands for no furniture line (that row is allowed), but
	// for the lines of entries it holds: a column head the truth calls an item is still one.
	const linesOf = (found: ScoredItem, lines: ReadonlySet<number>, furniture: ReadonlySet<number>): number[] => {
		const inside: number[] = [];
		for (let line = found.lines[0]; line <= found.lines[1]; line++) {
			if (lines.has(line) && !(found.furniture === true && furniture.has(line))) inside.push(line);
		}

		return inside;
	};

	for (const row of rows) {
		if (!row.a || !row.b) continue;
		const linesB = linesOf(row.b, knownB, furnitureB);
		for (const x of linesOf(row.a, knownA, furnitureA)) {
			for (const y of linesB) {
				const key = linePair(x, y);
				if (seen.has(key)) continue;
				seen.add(key);
				if (expected.has(key)) tp++;
				else fp++;
			}
		}
	}

	return {counts: {tp, fp, fn: expected.size - tp}, held: seen};
}
