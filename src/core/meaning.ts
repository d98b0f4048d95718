/**
 * What a comparison means, decided once: each row's key, its open differences (those no check
 * explains) and its worst severity; where a printing stops early; and the counts. The reports,
 * the batch table, `--exit-code` and the review screen read these fields and word them; none works
 * them out again (jsdiff computes a change list once and every formatter only words it).
 */
import {confusionTable} from './confusions.js';
import {rowKeys} from './decisions.js';
import {summarize} from './summary.js';
import {
	severities,
	type Check,
	type Comparison,
	type Difference,
	type Language,
	type Printing,
	type Row,
	type RowDraft,
	type Severity,
	type SplitReport,
	type Truncation,
} from './types.js';

/**
 * A row's differences that no check explains. A page that only follows a repaginated edition's
 * offset is no erratum: its check names the offset once (#7). The JSON report alone keeps the
 * others, marked `explainedBy`.
 */
export function openDifferences(row: RowDraft): readonly Difference[] {
	return row.differences.some((difference) => difference.explainedBy !== undefined)
		? row.differences.filter((difference) => difference.explainedBy === undefined)
		: row.differences;
}

/** The most serious severity among `differences`, or undefined when there are none. */
export function worstOf(differences: readonly Difference[]): Severity | undefined {
	return severities.find((severity) => differences.some((difference) => difference.severity === severity));
}

/**
 * Give each row its key, its open differences and its worst severity (a row described before, and
 * changed since, is described afresh).
 */
export function describeRows(drafts: readonly RowDraft[]): Row[] {
	const keys = rowKeys(drafts);
	return drafts.map((row, index) => {
		// A draft described before loses its old description first (#17: most have none to lose, and the copy costs).
		const draft = 'key' in row || 'open' in row || 'worst' in row ? withoutDescription(row as RowDraft & Partial<Row>) : row;
		const open = openDifferences(draft);
		const worst = worstOf(open);
		return described(draft, keys[index]!, open, worst);
	});
}

/**
 * A draft with its description: field by field where the draft holds only the fields of a
 * `RowDraft` (#17: spreading rows of many shapes took 5 µs a row, a second on 2 × 100,000), else
 * spread, so that whatever else a caller's draft holds is kept.
 */
function described(draft: RowDraft, key: string, open: readonly Difference[], worst: Severity | undefined): Row {
	if (Object.keys(draft).length !== (draft.others === undefined ? 5 : 6)) return worst === undefined ? {...draft, key, open} : {...draft, key, open, worst};
	const row = {status: draft.status, a: draft.a, b: draft.b, similarity: draft.similarity, differences: draft.differences} as Writable<Row>;
	if (draft.others !== undefined) row.others = draft.others;
	row.key = key;
	row.open = open;
	if (worst !== undefined) row.worst = worst;
	return row;
}

/** A type with its fields writable, for building a value field by field. */
type Writable<T> = {-readonly [K in keyof T]: T[K]};

function withoutDescription(row: RowDraft & Partial<Row>): RowDraft {
	const {key: _key, open: _open, worst: _worst, ...draft} = row;
	return draft;
}

/** Whether a row carries a difference of kind `truncation`: it lies where one printing stops. */
export function isTruncated(row: RowDraft): boolean {
	return (row.a === null || row.b === null) && row.differences.some((difference) => difference.kind === 'truncation');
}

/**
 * Where a printing stops early: each run of rows lost at its end, with the printing that lacks them
 * and their lines in the other one.
 */
export function truncationsOf(rows: readonly RowDraft[], ids: readonly [string, string] = ['A', 'B']): Truncation[] {
	const found: Truncation[] = [];
	let index = 0;
	while (index < rows.length) {
		const first = rows[index]!;
		if (!isTruncated(first)) {
			index++;
			continue;
		}

		// The printing that stops is the one the items are missing from.
		const present = first.a === null ? 'b' : 'a';
		const lost = (row: RowDraft): boolean => isTruncated(row) && (present === 'a' ? row.a : row.b) !== null;
		// An item only a further printing has, among the lost ones, does not end the run (#16).
		let end = index + 1;
		let last = index;
		let items = 1;
		while (end < rows.length && (lost(rows[end]!) || rows[end]!.status === 'only-other')) {
			if (lost(rows[end]!)) {
				last = end;
				items++;
			}

			end++;
		}

		const itemOf = (row: RowDraft) => (present === 'a' ? row.a : row.b)!;
		found.push({
			printing: present === 'a' ? ids[1] : ids[0],
			items,
			lines: [itemOf(first).lines[0], itemOf(rows[last]!).lines[1]],
			rows: [index, last],
		});
		index = last + 1;
	}

	return found;
}

/** What `describeComparison` is given: the engine's findings, rows not yet described. */
export type ComparisonParts = {
	readonly printings: readonly Printing[];
	readonly split?: SplitReport | undefined;
	readonly language?: Language | undefined;
	readonly rows: readonly RowDraft[];
	readonly checks: readonly Check[];
};

/**
 * The comparison with what it means decided: rows with their keys, open differences and worst
 * severities, the truncations, the character confusions and the counts.
 */
export function describeComparison(parts: ComparisonParts): Comparison {
	const rows = describeRows(parts.rows);
	const [a, b] = parts.printings;
	return {
		printings: parts.printings,
		...(parts.split === undefined ? {} : {split: parts.split}),
		...(parts.language === undefined ? {} : {language: parts.language}),
		rows,
		checks: parts.checks,
		confusions: confusionTable(rows),
		truncations: truncationsOf(rows, [a?.id ?? 'A', b?.id ?? 'B']),
		summary: summarize(rows),
	};
}

/**
 * The checks on each row (page offsets aside, which span many): each is on the row whose item of
 * the check's printing holds the check's first line, or, for lines no row shows, the row of the
 * nearest item before them in that printing (the first row, when there is none before). The review
 * screen shows them on their rows, and the CSV in a column (#16).
 */
export function checksByRow(comparison: Comparison): Array<readonly Check[]> {
	const none: readonly Check[] = [];
	// Page offsets span many rows and show in the header.
	const placing = comparison.checks.filter((check) => check.kind !== 'page-offset');
	if (placing.length === 0) return comparison.rows.map(() => none);
	const ids = comparison.printings.map((printing) => printing.id);
	// Each printing's items on the rows, as [first line, row], in line order.
	const starts = new Map<string, Array<readonly [number, number]>>();
	for (const [row, {a, b, others = []}] of comparison.rows.entries()) {
		for (const [k, item] of [a, b, ...others].entries()) {
			if (!item) continue;
			const list = starts.get(ids[k]!) ?? [];
			list.push([item.lines[0], row]);
			starts.set(ids[k]!, list);
		}
	}

	for (const list of starts.values()) list.sort((x, y) => x[0] - y[0]);
	const found = comparison.rows.map((): Check[] => []);
	for (const check of placing) {
		const list = starts.get(check.printing);
		if (list === undefined) continue;
		// The last item that starts at or before the check's first line.
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (list[mid]![0] <= check.lines[0]) lo = mid + 1;
			else hi = mid;
		}

		found[list[Math.max(0, lo - 1)]![1]]!.push(check);
	}

	return found.map((list) => (list.length === 0 ? none : list));
}
