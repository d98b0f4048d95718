/**
 * The detail pane widget's state (whether it shows the selected row's readings in full), its
 * action and reducer; and what the pane shows, as data (`DetailContent`: the selected row, the
 * export menu or the orphaned decisions), which the screen works out once, for the layout to
 * measure (`detailWanted`) and the view to draw.
 */
import type {Decision} from '../core/decisions.js';
import type {Check, Row, Suggestion} from '../core/types.js';
import {columns} from './columns.js';
import type {ExportMenuState} from './export-menu-state.js';
import {wrappedLines} from './layout.js';
import {displayTitle} from './review-data.js';

/** The detail pane: whether the selected row's readings show in full (`Enter`). */
export type DetailState = {readonly expanded: boolean};

/** What folds or unfolds the readings. */
export type DetailAction = {readonly type: 'toggle-expand'};

/** The pane after an action: its one action folds or unfolds it. Pure and total. */
export function reduceDetail(detail: DetailState, _action: DetailAction): DetailState {
	return {expanded: !detail.expanded};
}

/** The selected row, and what the pane shows of it. */
export type RowDetail = {
	readonly kind: 'row';
	/** The row's index in the comparison. */
	readonly index: number;
	/** How many rows the comparison has. */
	readonly count: number;
	readonly row: Row;
	readonly decision: Decision | undefined;
	/** Whether the row has an open difference, and so waits for a decision. */
	readonly differs: boolean;
	/** The suggestion for the row as a whole, which `y` accepts. */
	readonly suggestion: Suggestion | undefined;
	/** The checks shown on the row. */
	readonly checks: readonly Check[];
	/** The ids of the printings after A and B, for their readings (`C`, `D` …). */
	readonly otherIds: readonly string[];
	/** Every printing's id (A, B, C …): with more than two, the number keys choose the further ones. */
	readonly ids: readonly string[];
	readonly expanded: boolean;
};

/** What the detail pane shows: the selected row (or that none is), the export menu, or the orphaned decisions. */
export type DetailContent =
	| RowDetail
	| {readonly kind: 'no-row'}
	| {readonly kind: 'export'; readonly menu: ExportMenuState}
	| {readonly kind: 'orphans'; readonly orphans: readonly Decision[]; readonly ids: readonly string[]};

/**
 * Lines of a row's detail besides its readings, differences, rule, decision and note: each
 * further printing's reading, each check, the suggestion, and where the readings are on the scan.
 */
export function detailAsides(row: Row, checks: readonly Check[]): number {
	const suggested = row.differences.some((difference) => difference.suggestion !== undefined) ? 1 : 0;
	// Read from OCR files: a line saying where each reading is on the scan (#15).
	const scanned = row.a?.place !== undefined || row.b?.place !== undefined ? 1 : 0;
	return (row.others?.length ?? 0) + checks.length + suggested + scanned;
}

/** Lines the pane would like at `width` columns: all of an expanded row, the whole menu or list; 0 for its standard height. */
export function detailWanted(content: DetailContent, width: number): number {
	switch (content.kind) {
		case 'export': {
			// Its rule, one line per format, and its hint.
			return content.menu.formats.length + 2;
		}

		case 'orphans': {
			// A rule and one line each.
			return content.orphans.length + 1;
		}

		case 'no-row': {
			return 0;
		}

		case 'row': {
			if (!content.expanded) return 0;
			const {row, decision} = content;
			// The readings wrap beside a 21-column prefix (side, lines, page); word wrapping may take a
			// line more than the characters alone would.
			const room = Math.max(10, width - 22);
			const reading = (text: string) => wrappedLines(text, room) + (columns(text) > room ? 1 : 0);
			return (
				2 +
				detailAsides(row, content.checks) +
				reading(displayTitle(row.a)) +
				reading(displayTitle(row.b)) +
				row.differences.length +
				// The decision line is in the 2 above (with the rule); a long correction wraps below it.
				(decision?.note ? reading(decision.note) : 0) +
				(decision?.text ? wrappedLines(decision.text, room) : 0)
			);
		}
	}
}
