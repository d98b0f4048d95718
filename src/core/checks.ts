/**
 * Checks of each printing on its own, and of the two printings' pages against each other: what
 * a proofreader looks for before comparing entry by entry.
 *
 * - `page-order`: a page out of the order of its neighbours (203 → 97 → 205; 45 → 4 → 47), or a
 *   run of pages that goes backwards without a heading to start a new list.
 * - `numbering`: a numbering sequence with a gap (I, II, IV), a repeat (II, II), a number out of
 *   place (I, II, II, IV: the second II should be III) or a misread numeral (`П.` for `II.`).
 * - `page-offset`: a run of paired entries whose pages all differ by the same amount, as in a
 *   repaginated edition; reported once, and the page differences it explains are marked.
 * - `title-page`: the lines of one printing's title page that the other lacks; reported once, and
 *   their differences are marked, so that they ask no decision.
 *
 * Every check is linear in the number of items.
 *
 * Long (about 450 lines): each kind of check with the helpers it alone uses, so that what makes a
 * finding and how it is worded sit together.
 */
import {ocrRomanValue, romanValue, toRoman} from './labels.js';
import {pageNumber} from './parse.js';
import type {Check, Difference, LabelValue, Printing, RowDraft, TocItem} from './types.js';

/** Lines from the first to the last of some items. */
function span(first: TocItem, last: TocItem = first): readonly [number, number] {
	return [first.lines[0], last.lines[1]];
}

// ---------------------------------------------------------------------------------------------
// Page order

/** An Arabic page of an entry, for ordering; Roman front-matter pages are left out. */
export function orderedPage(item: TocItem): number | undefined {
	if (item.type !== 'entry' || item.page === undefined || pageNumber(item.page) === undefined) return undefined;
	return pageNumber(item.page);
}

type Paged = {readonly item: TocItem; readonly page: number};

/**
 * Pages in each list of a printing: a heading without a page (`ILLUSTRATIONS`) may start a new
 * list whose pages begin again, so it ends the current one when the pages then go back.
 */
export function pageLists(items: readonly TocItem[]): Paged[][] {
	const lists: Paged[][] = [[]];
	let headingSince = false;
	for (const item of items) {
		if (item.type === 'heading' && item.page === undefined) headingSince = true;
		const page = orderedPage(item);
		if (page === undefined) continue;
		const current = lists.at(-1)!;
		const last = current.at(-1);
		if (headingSince && last !== undefined && page < last.page) lists.push([]);
		lists.at(-1)!.push({item, page});
		headingSince = false;
	}

	return lists;
}

/** Pages that break the order of their list, in one printing. */
export function checkPageOrder(printing: Printing): Check[] {
	const checks: Check[] = [];
	for (const list of pageLists(printing.items)) {
		// The last page that kept the order: an outlier must not become the next one's yardstick.
		let good: number | undefined;
		for (const [i, {item, page}] of list.entries()) {
			const next = list[i + 1]?.page;
			if (good === undefined) {
				good = page;
				continue;
			}

			// One page out of place between neighbours that agree with each other: a misprint or a misreading.
			if (next !== undefined && good <= next && (page < good || page > next)) {
				checks.push({printing: printing.id, lines: span(item), kind: 'page-order', message: `page ${item.page} breaks the order ${good} → ${page} → ${next}`});
				continue;
			}

			if (page < good) {
				checks.push({printing: printing.id, lines: span(item), kind: 'page-order', message: `page ${item.page} runs backwards after page ${good}`});
			}

			good = page;
		}
	}

	return checks;
}

// ---------------------------------------------------------------------------------------------
// Numbering

/** Letters as lists number with them; Russian lists skip ё, й, ъ, ы and ь. */
const letterOrder = ['abcdefghijklmnopqrstuvwxyz', 'абвгдежзиклмнопрстуфхцчшщэюя'] as const;

/** The position of a label in its sequence (1 for `I.`, `1.`, `(a)`), or undefined. */
export function ordinal(value: LabelValue): number | undefined {
	switch (value.kind) {
		case 'roman':
		case 'arabic': {
			return value.value;
		}

		case 'letter': {
			for (const alphabet of letterOrder) {
				const at = alphabet.indexOf(value.value);
				if (at >= 0) return at + 1;
			}

			return undefined;
		}

		case 'word': {
			return value.value;
		}
	}
}

/**
 * Which sequence a label belongs to: its kind, the division word (`chapter`), and for Arabic the
 * depth of a dotted number (`1.` and `1.2` are two sequences).
 */
export function sequenceOf(label: string, value: LabelValue): string {
	switch (value.kind) {
		case 'word': {
			return `word ${value.word}`;
		}

		case 'arabic': {
			return `arabic ${/^[\d.]*/.exec(label)![0].replace(/\.$/, '').split('.').length}`;
		}

		case 'letter': {
			return `letter ${/[a-z]/.test(value.value) ? 'latin' : 'cyrillic'}`;
		}

		case 'roman': {
			return 'roman';
		}
	}
}

/** A position in a sequence written as the sequence writes it: `III`, `3`, `c`. */
function writeOrdinal(sample: LabelValue, label: string, n: number): string {
	switch (sample.kind) {
		case 'roman': {
			return toRoman(n);
		}

		case 'arabic': {
			// A dotted number keeps its parents: after `1.2.` comes `1.3.`, not `3`.
			const dotted = /^((?:\d+\.)+)\d+(\.?)$/.exec(label);
			return dotted ? `${dotted[1]}${n}${dotted[2]}` : String(n);
		}

		case 'letter': {
			return (/[a-z]/.test(sample.value) ? letterOrder[0] : letterOrder[1]).charAt(n - 1) || String(n);
		}

		case 'word': {
			// `Chapter II` counts in Roman numerals, `Part 2` and `Part Two` in Arabic ones.
			return /\s[IVXLCDM]+\.?$/i.test(label) ? `${label.replace(/\s\S+$/, '')} ${toRoman(n)}` : `${label.replace(/\s\S+$/, '')} ${n}`;
		}
	}
}

/** A Roman label that only reads as a numeral through OCR confusions (`П.`, `Il.`, `1V.`). */
export function misreadRoman(label: string): string | undefined {
	// Nearly every label is a clean numeral: answer those without reading them.
	if (/^[IVXLCDM]+\.?$/.test(label)) return undefined;
	const numeral = /^[^\s.):]+/.exec(label)?.[0];
	if (numeral === undefined || (romanValue(numeral) !== undefined && numeral === numeral.toUpperCase())) return undefined;
	const value = ocrRomanValue(numeral);
	return value === undefined ? undefined : toRoman(value);
}

/** A numbered item with its label, the label's value and its place in counting order. */
export type Numbered = {readonly item: TocItem; readonly label: string; readonly value: LabelValue; readonly n: number};

/**
 * The numbered items of a printing, by sequence (`I.`, `1.`, `1.2`, `(a)`…
 * each count on their own), in order. The numbering checks and the suggestions read the same.
 */
export function numberedSequences(printing: Printing): ReadonlyMap<string, readonly Numbered[]> {
	// Made once a printing (#17): the checks and the suggestions both read them.
	let known = sequencesOf.get(printing);
	if (known === undefined) {
		known = findSequences(printing);
		sequencesOf.set(printing, known);
	}

	return known;
}

const sequencesOf = new WeakMap<Printing, ReadonlyMap<string, readonly Numbered[]>>();

function findSequences(printing: Printing): ReadonlyMap<string, readonly Numbered[]> {
	const sequences = new Map<string, Numbered[]>();
	for (const item of printing.items) {
		if (item.label === undefined || item.labelValue === undefined) continue;
		const n = ordinal(item.labelValue);
		if (n === undefined) continue;
		const numbered = {item, label: item.label, value: item.labelValue, n};
		const key = sequenceOf(item.label, item.labelValue);
		const list = sequences.get(key);
		if (list === undefined) sequences.set(key, [numbered]);
		else list.push(numbered);
	}

	return sequences;
}

/** Numbering that skips, repeats, goes back or was misread, in one printing. */
export function checkNumbering(printing: Printing): Check[] {
	const checks: Check[] = [];
	const sequences = numberedSequences(printing);
	// Misread numerals first, in reading order.
	const numbered = [...sequences.values()].flat().sort((x, y) => x.item.index - y.item.index);
	for (const {item, label, value} of numbered) {
		const meant = value.kind === 'roman' ? misreadRoman(label) : undefined;
		if (meant !== undefined)
			checks.push({printing: printing.id, lines: span(item), kind: 'numbering', message: `“${label}” reads as ${meant}: a misread numeral`});
	}

	for (const list of sequences.values()) {
		// The number the previous label should have had, once a misplaced one is set right.
		let previous: number | undefined;
		let previousLabel = '';
		for (const [i, {item, label, value, n}] of list.entries()) {
			const write = (k: number): string => writeOrdinal(value, label, k);
			const following = list[i + 1];
			const next = following?.n;
			const report = (message: string): void => {
				checks.push({printing: printing.id, lines: span(item), kind: 'numbering', message});
			};

			// A sequence starts again at its first number (the chapters of a new part, an appendix).
			if (previous === undefined || n === 1) {
				previous = n;
				previousLabel = label;
				continue;
			}

			if (n !== previous + 1 && next === previous + 2) {
				report(`“${label}” between “${previousLabel}” and “${following!.label}” should be ${write(previous + 1)}`);
				previous += 1;
				continue;
			}

			if (n === previous) report(`“${label}” repeats the number before it`);
			else if (n > previous + 1) {
				const missing = n - previous - 1 === 1 ? write(previous + 1) : `${write(previous + 1)} to ${write(n - 1)}`;
				report(`the numbering skips from “${previousLabel}” to “${label}”: ${missing} missing`);
			} else if (n < previous) report(`“${label}” goes back after “${previousLabel}”`);
			previous = n;
			previousLabel = label;
		}
	}

	return checks;
}

// ---------------------------------------------------------------------------------------------
// Page offset between printings

/** The shortest run of paired entries with one page offset that counts as a repagination. */
const offsetRun = 3;

/** A run of rows whose pages in B differ from A's by `offset`. */
export type PageOffset = {
	readonly offset: number;
	/** Indices in `rows` of the rows with that offset. */
	readonly rows: readonly number[];
};

/**
 * Runs of at least three paired entries whose pages all differ by one and the same amount. A
 * single entry with another difference inside a run does not end it (its page stays a
 * difference of its own).
 */
export function findPageOffsets(rows: readonly RowDraft[]): PageOffset[] {
	const deltas: Array<{readonly row: number; readonly delta: number}> = [];
	for (const [index, row] of rows.entries()) {
		if (row.a === null || row.b === null) continue;
		const pa = orderedPage(row.a);
		const pb = orderedPage(row.b);
		if (pa !== undefined && pb !== undefined) deltas.push({row: index, delta: pb - pa});
	}

	return constantRuns(deltas);
}

/**
 * Runs of at least `offsetRun` rows whose differences (B less A, in rows order) are one and the
 * same non-zero amount; a single row with another amount inside a run does not end it.
 */
function constantRuns(deltas: ReadonlyArray<{readonly row: number; readonly delta: number}>): PageOffset[] {
	const runs: PageOffset[] = [];
	let k = 0;
	while (k < deltas.length) {
		const {delta} = deltas[k]!;
		if (delta === 0) {
			k++;
			continue;
		}

		const members: number[] = [];
		let end = k;
		while (end < deltas.length) {
			if (deltas[end]!.delta === delta) members.push(deltas[end]!.row);
			else if (deltas[end + 1]?.delta !== delta) break;
			end++;
		}

		if (members.length >= offsetRun) runs.push({offset: delta, rows: members});
		k = members.length >= offsetRun ? end : k + 1;
	}

	return runs;
}

/** One check for each page offset: where it holds in B and by how much. */
export function offsetChecks(rows: readonly RowDraft[], offsets: readonly PageOffset[], ids: readonly [string, string]): Check[] {
	return offsets.map(({offset, rows: members}) => {
		const first = rows[members[0]!]!.b!;
		const last = rows[members.at(-1)!]!.b!;
		const [a, b] = ids;
		const way = offset > 0 ? `${offset} ahead of` : `${-offset} behind`;
		return {
			printing: b,
			lines: span(first, last),
			kind: 'page-offset',
			message: `${b}'s pages run ${way} ${a}'s on ${members.length} entries (a repaginated edition?): their page differences are explained by the offset`,
			offset,
		};
	});
}

/**
 * Runs of at least three paired entries whose numbering differs by one and the same amount, in
 * the same sequence (`XIV.` / `XIII.`, `XV.` / `XIV.`, …): the other printing numbers them anew
 * after an entry it moved, dropped or added. Reported once, as the run; each number difference
 * stays (the reviewer decides which numbering is right).
 */
export function renumberingChecks(rows: readonly RowDraft[], ids: readonly [string, string]): Check[] {
	// Each sequence on its own (chapters `II.` apart from their sections `1.`), in rows order.
	const bySequence = new Map<string, Array<{readonly row: number; readonly delta: number}>>();
	for (const [index, row] of rows.entries()) {
		if (row.a?.label === undefined || row.b?.label === undefined || row.a.labelValue === undefined || row.b.labelValue === undefined) continue;
		const sequence = sequenceOf(row.a.label, row.a.labelValue);
		if (sequence !== sequenceOf(row.b.label, row.b.labelValue)) continue;
		const na = ordinal(row.a.labelValue);
		const nb = ordinal(row.b.labelValue);
		if (na === undefined || nb === undefined) continue;
		const deltas = bySequence.get(sequence) ?? [];
		deltas.push({row: index, delta: nb - na});
		bySequence.set(sequence, deltas);
	}

	const [a, b] = ids;
	return [...bySequence.values()]
		.flatMap((deltas) => constantRuns(deltas))
		.sort((x, y) => x.rows[0]! - y.rows[0]!)
		.map(({offset, rows: members}) => {
			const first = rows[members[0]!]!;
			const last = rows[members.at(-1)!]!;
			const way = offset > 0 ? `${offset} ahead of` : `${-offset} behind`;
			return {
				printing: b,
				lines: span(first.b!, last.b!),
				kind: 'renumbering',
				message:
					`${b}'s numbering runs ${way} ${a}'s on ${members.length} entries ` +
					`(“${first.a!.label}” is “${first.b!.label}” … “${last.a!.label}” is “${last.b!.label}”): an entry moved, dropped or added before them?`,
			};
		});
}

/** Mark the page differences that an offset explains. */
export function explainPageOffsets(rows: readonly RowDraft[], offsets: readonly PageOffset[]): RowDraft[] {
	return explainRows(rows, new Set(offsets.flatMap((offset) => offset.rows)), 'page-offset', (difference) => difference.kind === 'page');
}

/** The rows in `found` with each difference that `applies` marked as explained `by` a check. */
function explainRows(
	rows: readonly RowDraft[],
	found: ReadonlySet<number>,
	by: NonNullable<Difference['explainedBy']>,
	applies: (difference: Difference) => boolean,
): RowDraft[] {
	if (found.size === 0) return rows as RowDraft[];
	return rows.map((row, index) =>
		found.has(index) ? {...row, differences: row.differences.map((difference) => (applies(difference) ? explained(difference, by) : difference))} : row,
	);
}

/**
 * A difference marked as explained by a check, made field by field where it has no suggestion
 * yet (#17): in Node 20 each spread `{...difference, explainedBy}` got a hidden class of its own,
 * which every later reader of the differences paid for.
 */
function explained(difference: Difference, by: NonNullable<Difference['explainedBy']>): Difference {
	if (difference.suggestion !== undefined) return {...difference, explainedBy: by};
	return {kind: difference.kind, severity: difference.severity, field: difference.field, a: difference.a, b: difference.b, explainedBy: by};
}

/**
 * The lines of a printing's title page that the other printing lacks (#16): rows before the
 * printing's first entry with a page, holding only an item of that printing, with neither page nor
 * numbering (`TRANSLATED FROM THE RUSSIAN`, `EDITED BY JULIUS KATZER` in the seed's second
 * printing). No entry, so no erratum: a check names them once, and their differences are marked
 * `explainedBy: 'title-page'`, so that the review asks no decision of them. A and B are compared;
 * a further printing may have the lines too (a third scan of B's edition).
 */
export function titlePageChecks(rows: readonly RowDraft[], ids: readonly [string, string]): {readonly rows: ReadonlySet<number>; readonly checks: Check[]} {
	const found = new Set<number>();
	const checks: Check[] = [];
	for (const [k, side] of (['a', 'b'] as const).entries()) {
		const other = side === 'a' ? 'b' : 'a';
		const firstEntry = rows.findIndex((row) => row[side]?.page !== undefined);
		if (firstEntry <= 0) continue;
		const members: number[] = [];
		for (let index = 0; index < firstEntry; index++) {
			const row = rows[index]!;
			const item = row[side];
			// Further printings may have the line too (a third scan of B's edition): none of them with a page or numbering.
			const further = (row.others ?? []).filter((each) => each !== null);
			if (item === null || row[other] !== null || item.label !== undefined || further.some((each) => each.page !== undefined || each.label !== undefined))
				continue;
			members.push(index);
		}

		if (members.length === 0) continue;
		for (const index of members) found.add(index);
		const first = rows[members[0]!]![side]!;
		const last = rows[members.at(-1)!]![side]!;
		const shown = `“${first.title}”${members.length > 1 ? ' …' : ''}`;
		checks.push({
			printing: ids[k]!,
			lines: [first.lines[0], last.lines[1]],
			kind: 'title-page',
			message:
				`${ids[k]}'s title page has ${members.length === 1 ? 'a line' : `${members.length} lines`} ${ids[1 - k]} lacks (${shown}), ` +
				`before its first entry: no ${members.length === 1 ? 'entry' : 'entries'}, so no erratum`,
		});
	}

	return {rows: found, checks};
}

/** Mark the differences of title-page lines one printing alone has (`titlePageChecks`). */
export function explainTitlePages(rows: readonly RowDraft[], found: ReadonlySet<number>): RowDraft[] {
	return explainRows(rows, found, 'title-page', () => true);
}

/** Every check of one printing on its own, in line order. */
export function checkPrinting(printing: Printing): Check[] {
	return [...checkPageOrder(printing), ...checkNumbering(printing)].sort((x, y) => x.lines[0] - y.lines[0]);
}
