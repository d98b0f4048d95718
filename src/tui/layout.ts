/**
 * Screen geometry: how many lines each part of the review screen gets at a terminal size. Pure,
 * shared by the reducer (which owns the scroll window) and the views (which draw into it).
 */
import {columns} from './columns.js';

/** A terminal size in character cells. */
export type Size = {readonly columns: number; readonly rows: number};

/** Below this width the screen shows a short message instead of a broken layout. */
export const minColumns = 60;
/** Below this height the screen shows a short message instead of a broken layout. */
export const minRows = 12;
/** From this width on, A and B stand side by side; below it they are stacked. */
export const wideColumns = 120;

/** Where everything goes on the screen. */
export type Layout =
	| {readonly kind: 'too-small'; readonly size: Size}
	| {
			readonly kind: 'screen';
			readonly size: Size;
			/** A and B side by side (one line per row) rather than stacked (two). */
			readonly wide: boolean;
			/** Lines for the aligned list. */
			readonly listLines: number;
			/** Lines for the detail pane, its top rule included. */
			readonly detailLines: number;
	  };

/** Lines taken by everything but the list and the detail pane: header (2), column rule, strip, footer. */
const chromeLines = 5;

/**
 * How wide each printing's title column is side by side: half of what is left of the terminal
 * after the gutter, the page columns, the rule between the sides and the decision mark. The list
 * and its column heads use the same, so heads stand over their columns.
 */
export function wideTitleWidth(columns: number): number {
	return Math.max(8, Math.floor((columns - 27) / 2));
}

/**
 * Split the terminal between list and detail pane. `detailWanted` is what the detail pane would
 * like (more when a long title is expanded); the list always keeps at least three lines.
 * `alertLines` are taken by warnings that stay on screen (a save that failed). One line stays
 * free, because Ink clears the whole terminal on every frame once its output fills the screen.
 */
export function computeLayout(size: Size, detailWanted = 0, alertLines = 0): Layout {
	if (size.columns < minColumns || size.rows < minRows) return {kind: 'too-small', size};
	const usable = size.rows - 1 - chromeLines - alertLines;
	const standard = size.rows >= 30 ? 8 : size.rows >= 22 ? 6 : 4;
	const detailLines = Math.max(standard, Math.min(detailWanted, usable - 3));
	return {
		kind: 'screen',
		size,
		wide: size.columns >= wideColumns,
		listLines: Math.max(1, usable - detailLines),
		detailLines,
	};
}

/** How many lines a text takes when wrapped at `width` columns (at least one). */
export function wrappedLines(text: string, width: number): number {
	if (width <= 0) return 1;
	return Math.max(1, Math.ceil(columns(text) / width));
}
