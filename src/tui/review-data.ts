/**
 * What the review screen looks up per row, gathered once from a comparison: row keys and worst
 * severities (decided in core, `Row.key` and `Row.worst`), the text that `/` searches, the checks
 * on each row. Pure; computed once per run so that key presses stay cheap.
 */
import {readAgainst} from '../core/classify.js';
import {checksByRow} from '../core/meaning.js';
import {highlightPair, type HighlightPair} from './highlight.js';
import {rowSuggestion} from '../core/row-suggestion.js';
import {severities, type Check, type Comparison, type Row, type Severity, type Suggestion, type TocItem} from '../core/types.js';

/** The comparison and everything the reducer and the views look up per row. */
export type ReviewData = {
	readonly comparison: Comparison;
	/** The input as the user named it (a path, or `-`). */
	readonly inputName: string;
	/** Each row's `key`: the key its decision is saved under. */
	readonly keys: readonly string[];
	/** Key → row index. */
	readonly rowOfKey: ReadonlyMap<string, number>;
	/** Each row's `worst`: the most serious severity of its open differences; undefined for a row that does not differ. */
	readonly worst: readonly (Severity | undefined)[];
	/** Lower-cased label and title of both sides (of the further printings, on a row only they have), for `/`. */
	readonly haystack: readonly string[];
	/** How many rows differ (and so wait for a decision): `summary.differing`. */
	readonly differing: number;
	/** The differences that no check explains, by severity, what the header counts: `summary.open.severity`. */
	readonly open: Readonly<Record<Severity, number>>;
	/** The suggestion for each row as a whole (`rowSuggestion`), which `y` accepts. */
	readonly suggestions: readonly (Suggestion | undefined)[];
	/** The checks shown on each row (a page out of order, a numbering slip, an item only a further printing has); page offsets show in the header. */
	readonly checks: readonly (readonly Check[])[];
};

/** Rank of a severity: 0 for substantive, 2 for cosmetic. */
export function severityRank(severity: Severity): number {
	return severities.indexOf(severity);
}

/**
 * A row's two items as the differences read them: a page left in one title where the other
 * printing has one (`…UKRAINE 4` / `…UKRAINE … 314`), leader dots read as words, specks at the
 * start. The list, the detail pane and the differences then show the same page and title.
 * Made once per row (the list draws each visible row on every frame).
 */
export function shownItems(row: Row): {readonly a: TocItem | null; readonly b: TocItem | null} {
	if (row.a === null || row.b === null || row.differences.length === 0) return row;
	let shown = shownMemo.get(row);
	if (shown === undefined) {
		const [a, b] = readAgainst(row.a, row.b, true);
		shown = {a, b};
		shownMemo.set(row, shown);
	}

	return shown;
}

const shownMemo = new WeakMap<Row, {readonly a: TocItem; readonly b: TocItem}>();

/** A row's titles and pages as shown (`shownItems`), split into the runs they share and the runs that differ. */
export function shownHighlights(row: Row): {readonly titles: HighlightPair; readonly pages: HighlightPair} {
	const shown = shownItems(row);
	return {titles: highlightPair(displayTitle(shown.a), displayTitle(shown.b)), pages: highlightPair(shown.a?.page ?? '', shown.b?.page ?? '')};
}

/** An item as a reader sees it in the list: label, then title. */
export function displayTitle(item: TocItem | null): string {
	if (!item) return '';
	// Spacing is kept as printed: it may be the very difference to review. (Column heads, whose gap
	// is wide, are page furniture and never a row.)
	const title = item.label ? `${item.label} ${item.title}` : item.title;
	// A screen shows a few hundred characters of a reading at most; OCR debris can hold 100,000,
	// and measuring that on every frame would freeze the screen.
	return title.length > displayLimit ? `${title.slice(0, displayLimit)}…` : title;
}

/** The longest reading the screen draws, in characters. */
const displayLimit = 2000;

/** Derive the per-row lookups the review screen needs. */
export function prepareReview(comparison: Comparison, inputName: string): ReviewData {
	const {rows, summary} = comparison;
	const keys = rows.map((row) => row.key);
	return {
		comparison,
		inputName,
		keys,
		rowOfKey: new Map(keys.map((key, index) => [key, index])),
		worst: rows.map((row) => row.worst),
		// A row only further printings have is found by their reading (#16).
		haystack: rows.map((row) => {
			const further = row.status === 'only-other' ? `\u0000${(row.others ?? []).map((item) => displayTitle(item)).join('\u0000')}` : '';
			return `${displayTitle(row.a)}\u0000${displayTitle(row.b)}${further}`.toLowerCase();
		}),
		differing: summary.differing,
		open: summary.open.severity,
		suggestions: rows.map((row) => rowSuggestion(row)),
		checks: checksByRow(comparison),
	};
}
