/**
 * Evidence on an entry that one of two printings lacks (#16): is it a real entry the other
 * printing lost, or something the printing that has it should not? A contents page says so itself:
 * - the other printing stops before it (its end is lost: the seed's second printing stops early);
 * - its page lies in its own printing's run of pages, between its neighbours;
 * - the other printing's pages leave room for it there (`B's pages go from 43 to 51`);
 * - its numbering continues its own sequence, and the other printing's numbering jumps over it
 *   (`B's numbering goes from XI to XIII`).
 * Each speaks for the printing that has the entry: keep it (or, for the printing that lacks it,
 * insert it). A line with neither page nor numbering (a title-page line, a heading) gets no
 * evidence but the first, so that an edition's own additions are left to the reviewer.
 *
 * Pure; made once for all rows (`presenceIndex`), then asked row by row.
 */
import {ordinal, sequenceOf} from './checks.js';
import {strong, toward, weak, otherSide, type Evidence, type Side} from './evidence.js';
import {pageNumber} from './parse.js';
import type {RowDraft, TocItem} from './types.js';

/** A row's number and a value read from one side's item there. */
type Mark = {readonly row: number; readonly value: number; readonly shown: string};

/** Per side: the rows whose item has a page, and per numbering sequence the rows numbered in it. */
type SideIndex = {
	readonly paged: readonly Mark[];
	readonly numbered: ReadonlyMap<string, readonly Mark[]>;
	/** The last row that holds an item of this side. */
	readonly last: number;
};

/** What presence evidence reads, made once for all rows. */
export type PresenceIndex = Readonly<Record<Side, SideIndex>>;

/** The sequence and ordinal of an item's numbering, when it has one that counts. */
function numbering(item: TocItem): {readonly sequence: string; readonly n: number} | undefined {
	if (item.label === undefined || item.labelValue === undefined) return undefined;
	const n = ordinal(item.labelValue);
	return n === undefined ? undefined : {sequence: sequenceOf(item.label, item.labelValue), n};
}

function sideIndex(rows: readonly RowDraft[], side: Side): SideIndex {
	const paged: Mark[] = [];
	const numbered = new Map<string, Mark[]>();
	let last = -1;
	for (const [row, draft] of rows.entries()) {
		const item = draft[side];
		if (item === null) continue;
		last = row;
		const page = pageNumber(item.page);
		if (page !== undefined) paged.push({row, value: page, shown: item.page!.trim()});
		const number = numbering(item);
		if (number !== undefined) {
			const list = numbered.get(number.sequence) ?? [];
			list.push({row, value: number.n, shown: item.label!.trim()});
			numbered.set(number.sequence, list);
		}
	}

	return {paged, numbered, last};
}

/** Index the rows once: each side's pages, numbering and last row. */
export function presenceIndex(rows: readonly RowDraft[]): PresenceIndex {
	return {a: sideIndex(rows, 'a'), b: sideIndex(rows, 'b')};
}

/** The marks nearest before and after `row` (binary search on the row numbers). */
function around(marks: readonly Mark[], row: number): {readonly before: Mark | undefined; readonly after: Mark | undefined} {
	let lo = 0;
	let hi = marks.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (marks[mid]!.row < row) lo = mid + 1;
		else hi = mid;
	}

	const after = marks[lo]?.row === row ? marks[lo + 1] : marks[lo];
	return {before: marks[lo - 1], after};
}

/** The page of `side`'s item in a row, when it has one. */
const pageAt = (rows: readonly RowDraft[], row: number, side: Side): number | undefined => pageNumber(rows[row]?.[side]?.page);

/**
 * The evidence on row `row`, whose item only one of A and B has; empty when neither or both have
 * one. `ids` names the printings in the reasons.
 *
 * @example
 * presenceEvidence(rows, index, 12, {a: 'A', b: 'B'}) // [{weight: 2.2, why: 'B stops before this entry …'}, …]
 */
export function presenceEvidence(rows: readonly RowDraft[], index: PresenceIndex, row: number, ids: Readonly<Record<Side, string>>): Evidence[] {
	const draft = rows[row];
	if (draft === undefined || (draft.a === null) === (draft.b === null)) return [];
	const side: Side = draft.a === null ? 'b' : 'a';
	const other = otherSide(side);
	const item = draft[side]!;
	const evidence: Evidence[] = [];
	const last = index[other].last;
	if (last >= 0 && row > last) {
		// A truncation (entries enough past the other printing's end, as buildRows counts them): its
		// end is lost, not one entry added.
		const truncated = draft.differences.some((difference) => difference.kind === 'truncation');
		evidence.push(toward(side, truncated ? strong : weak, `${ids[other]} stops before this entry`));
	}

	const page = pageNumber(item.page);
	if (page !== undefined) {
		const own = around(index[side].paged, row);
		if (own.before !== undefined && own.after !== undefined && own.before.value <= page && page <= own.after.value) {
			evidence.push(toward(side, weak, `page ${page} fits between ${own.before.shown} and ${own.after.shown} in ${ids[side]}`));
			// The other printing's pages around the row, moved by their offset where the row before pairs two pages.
			const theirs = around(index[other].paged, row);
			// Room only where both neighbours keep one offset: pages renumbered after the row leave none.
			const {before, after} = theirs;
			const shiftBefore = before === undefined ? undefined : pageAt(rows, before.row, side);
			const shiftAfter = after === undefined ? undefined : pageAt(rows, after.row, side);
			if (before !== undefined && after !== undefined && shiftBefore !== undefined && shiftAfter !== undefined && row <= last) {
				const offset = before.value - shiftBefore;
				const expected = page + offset;
				if (after.value - shiftAfter === offset && before.value <= expected && expected <= after.value && before.value < after.value)
					evidence.push(toward(side, weak, `${ids[other]}'s pages go from ${before.shown} to ${after.shown} there, with room for it`));
			}
		}
	}

	const number = numbering(item);
	if (number !== undefined) {
		const own = around(index[side].numbered.get(number.sequence) ?? [], row);
		const theirs = around(index[other].numbered.get(number.sequence) ?? [], row);
		const continues = own.before?.value === number.n - 1 || own.after?.value === number.n + 1;
		if (continues && theirs.before?.value === number.n - 1 && theirs.after?.value === number.n + 1) {
			evidence.push(
				toward(side, strong, `${ids[other]}'s numbering goes from ${theirs.before.shown} to ${theirs.after.shown}: ${item.label!.trim()} is missing there`),
			);
		} else if (continues) {
			evidence.push(toward(side, weak, `${item.label!.trim()} continues ${ids[side]}'s numbering`));
		}
	}

	return evidence;
}
