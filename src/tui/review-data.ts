/**
 * What the review screen derives once from a comparison: row keys, the worst severity of each
 * row, the text that `/` searches. Pure; computed once per run so that key presses stay cheap.
 */
import {rowKeys} from '../core/decisions.js';
import {rowSuggestion} from '../core/row-suggestion.js';
import {severities, type Check, type Comparison, type Row, type Severity, type Suggestion, type TocItem} from '../core/types.js';
import {openDifferences, rowSeverity} from '../report/findings.js';

/** The comparison and everything the reducer and the views look up per row. */
export type ReviewData = {
	readonly comparison: Comparison;
	/** The input as the user named it (a path, or `-`). */
	readonly inputName: string;
	/** `rowKeys(comparison.rows)`: the key each row's decision is saved under. */
	readonly keys: readonly string[];
	/** Key → row index. */
	readonly rowOfKey: ReadonlyMap<string, number>;
	/** The most serious severity among each row's differences; undefined for a row without any. */
	readonly worst: readonly (Severity | undefined)[];
	/** Lower-cased label and title of both sides, for `/`. */
	readonly haystack: readonly string[];
	/** How many rows differ (and so wait for a decision). */
	readonly differing: number;
	/** The suggestion for each row as a whole (`rowSuggestion`), which `y` accepts. */
	readonly suggestions: readonly (Suggestion | undefined)[];
	/** The checks on each row's lines in A or B (a page out of order, a numbering slip); page offsets span many rows and show in the header. */
	readonly checks: readonly (readonly Check[])[];
};

/** The checks that fall on each row's items, by the lines they name in A and B. */
function checksOfRows(comparison: Comparison): Array<readonly Check[]> {
	const [a, b] = comparison.printings;
	const byLine = new Map<string, Check[]>();
	for (const check of comparison.checks) {
		if (check.kind === 'page-offset') continue;
		const key = `${check.printing} ${check.lines[0]}`;
		byLine.set(key, [...(byLine.get(key) ?? []), check]);
	}

	const none: readonly Check[] = [];
	if (byLine.size === 0) return comparison.rows.map(() => none);
	return comparison.rows.map((row) => {
		const found: Check[] = [];
		for (const [printing, item] of [[a?.id, row.a], [b?.id, row.b]] as const) {
			if (!item) continue;
			for (let line = item.lines[0]; line <= item.lines[1]; line++) found.push(...(byLine.get(`${printing} ${line}`) ?? []));
		}

		return found.length === 0 ? none : found;
	});
}

/** Rank of a severity: 0 for substantive, 2 for cosmetic. */
export function severityRank(severity: Severity): number {
	return severities.indexOf(severity);
}

/**
 * Whether a row has anything to decide: it carries a difference that no check explains (a page
 * that only follows a repaginated edition's offset is not for the reviewer, #7), or it is not
 * `same` and carries none.
 */
export function isDiffering(row: Row): boolean {
	return openDifferences(row).length > 0 || (row.status !== 'same' && row.differences.length === 0);
}

/** The most serious severity of a row's differences that no check explains. */
export function worstSeverity(row: Row): Severity | undefined {
	// A differing row without classified differences still needs a look: treat it as minor.
	return rowSeverity(row) ?? (isDiffering(row) ? 'minor' : undefined);
}

/** An item as a reader sees it in the list: label, then title. */
export function displayTitle(item: TocItem | null): string {
	if (!item) return '';
	const title = item.label ? `${item.label} ${item.title}` : item.title;
	// A screen shows a few hundred characters of a reading at most; OCR debris can hold 100,000,
	// and measuring that on every frame would freeze the screen.
	return title.length > displayLimit ? `${title.slice(0, displayLimit)}…` : title;
}

/** The longest reading the screen draws, in characters. */
const displayLimit = 2000;

/** Derive the per-row lookups the review screen needs. */
export function prepareReview(comparison: Comparison, inputName: string): ReviewData {
	const {rows} = comparison;
	const keys = rowKeys(rows);
	return {
		comparison,
		inputName,
		keys,
		rowOfKey: new Map(keys.map((key, index) => [key, index])),
		worst: rows.map((row) => worstSeverity(row)),
		haystack: rows.map((row) => `${displayTitle(row.a)}\u0000${displayTitle(row.b)}`.toLowerCase()),
		differing: rows.filter((row) => isDiffering(row)).length,
		suggestions: rows.map((row) => rowSuggestion(row)),
		checks: checksOfRows(comparison),
	};
}
