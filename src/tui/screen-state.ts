/**
 * What the screen's reducers share: the queries on the whole state (the selected row, its
 * decision, whether it waits for one), the context each widget is given from it (what the list
 * reads, what the detail pane shows), and `settle`, which lays the screen out after every change
 * and scrolls the list to its cursor. Pure. The widgets' own slices know nothing of `State`; this
 * file is where the screen tells them about each other.
 */
import type {Decision} from '../core/decisions.js';
import {detailWanted, type DetailContent} from './detail-state.js';
import {keyFor} from './keymap.js';
import {computeLayout} from './layout.js';
import {clampCursor, findRow, refilterList, scrollList, searchRows, selectedOf, windowOf, type ListContext} from './list-state.js';
import type {ReviewData} from './review-data.js';
import {saveAlertLines} from './save-alert.js';
import type {State, Status} from './state-types.js';

/** The row index under the cursor, or undefined when the list is empty. */
export function selectedRow(state: State): number | undefined {
	return selectedOf(state.list);
}

/** The decision saved for a row, if any. */
export function decisionFor(state: State, row: number): Decision | undefined {
	const key = state.data.keys[row];
	return key === undefined ? undefined : state.decisions.get(key);
}

/** Decisions whose key matches no row of this comparison. */
export function orphanDecisions(state: State): readonly Decision[] {
	return state.orphans;
}

/** Whether a row differs and has no verdict yet. */
export function isUndecided(state: State, row: number): boolean {
	return state.data.worst[row] !== undefined && decisionFor(state, row)?.verdict === undefined;
}

/** Lines a row takes in the list: one side by side, two stacked (one when both sides agree). */
export function rowHeight(state: State, row: number): number {
	if (state.layout.kind !== 'screen' || state.layout.wide) return 1;
	return state.data.comparison.rows[row]?.status === 'same' ? 1 : 2;
}

/** What the list reads of the screen: the rows' severities, checks and decisions, and its room. */
export function listContext(state: State): ListContext {
	return {
		worst: state.data.worst,
		hasCheck: (row) => (state.data.checks[row]?.length ?? 0) > 0,
		isUndecided: (row) => isUndecided(state, row),
		lines: state.layout.kind === 'screen' ? state.layout.listLines : 0,
		rowHeight: (row) => rowHeight(state, row),
	};
}

/** Positions in the list's `visible` that are on screen: `from` inclusive, `to` exclusive. */
export function visibleWindow(state: State): {readonly from: number; readonly to: number} {
	return windowOf(state.list, listContext(state));
}

/** Count the differing rows of this comparison that carry a verdict. */
export function countDecided(data: ReviewData, decisions: ReadonlyMap<string, Decision>): number {
	let count = 0;
	for (const [key, decision] of decisions) {
		const row = data.rowOfKey.get(key);
		if (row !== undefined && decision.verdict !== undefined && data.worst[row] !== undefined) count++;
	}

	return count;
}

/** What the detail pane shows now: the export menu or the orphaned decisions while open, else the selected row. */
export function detailContent(state: State): DetailContent {
	if (state.mode === 'export') return {kind: 'export', menu: state.menu};
	const ids = state.data.comparison.printings.map((printing) => printing.id);
	if (state.mode === 'orphans') return {kind: 'orphans', orphans: orphanDecisions(state), ids};
	const index = selectedRow(state);
	if (index === undefined) return {kind: 'no-row'};
	const {comparison} = state.data;
	return {
		kind: 'row',
		index,
		count: comparison.rows.length,
		row: comparison.rows[index]!,
		decision: decisionFor(state, index),
		differs: state.data.worst[index] !== undefined,
		suggestion: state.data.suggestions[index],
		checks: state.data.checks[index] ?? [],
		otherIds: ids.slice(2),
		ids,
		expanded: state.detail.expanded,
	};
}

/** Clamp the cursor, lay the screen out again and move the list's window so the cursor shows. */
export function settle(state: State): State {
	const clamped: State = {...state, list: clampCursor(state.list)};
	const {size} = clamped;
	// The detail pane as tall as what it shows wants; a failed save takes a line of its own until a save succeeds.
	const layout = computeLayout(size, detailWanted(detailContent(clamped), size.columns), saveAlertLines(clamped.saveError, clamped.unsaved.size, size.columns));
	const laidOut: State = {...clamped, layout};
	return {...laidOut, list: scrollList(laidOut.list, listContext(laidOut))};
}

/** Recompute the rows the list shows (a filter, or a decision under `undecided`), keeping the selection where it can. */
export function refilter(state: State): State {
	return settle({...state, list: refilterList(state.list, listContext(state))});
}

/** What a move leaves on the status line: an error stays until it is dealt with; a message goes. */
export function afterMove(status: Status | undefined): Status | undefined {
	return status?.kind === 'error' ? status : undefined;
}

/** Put the cursor at a position in the list. */
export function moveTo(state: State, cursor: number): State {
	return settle({...state, list: {...state.list, cursor}, status: afterMove(state.status)});
}

/** Move to the next shown row (or the previous) that `wanted` accepts, going round; `none` says why there is none. */
function moveToRow(state: State, direction: 1 | -1, wanted: (row: number) => boolean, none: () => string): State {
	const found = findRow(state.list, direction, wanted);
	if (found === undefined) return {...state, status: {kind: 'info', message: none()}};
	const next = moveTo(state, found.position);
	return found.wrapped ? {...next, status: {kind: 'info', message: `Wrapped to the ${direction === 1 ? 'top' : 'bottom'}.`}} : next;
}

/** The next (or previous) difference shown that has no verdict yet (`n`, `N`). */
export function findUndecided(state: State, direction: 1 | -1): State {
	return moveToRow(
		state,
		direction,
		(row) => isUndecided(state, row),
		() => 'Every difference shown is decided.',
	);
}

/** The next row that carries a check (a page out of order, a numbering slip, an entry only C has). */
export function findCheck(state: State): State {
	const hasCheck = (row: number): boolean => (state.data.checks[row]?.length ?? 0) > 0;
	// Said only when no shown row has one: whether any row has, and whether the filter hides it.
	const none = (): string =>
		!state.data.checks.some((checks) => checks.length > 0)
			? 'No row carries a check.'
			: state.list.filter === 'all'
				? 'No row shown carries a check.'
				: `The checks are on rows this filter hides (${keyFor('cycle-filter')} shows all rows).`;
	return moveToRow(state, 1, hasCheck, none);
}

/** Move to the first title from position `from` on that holds `query`, or back to where the search began with a message. */
export function search(state: State, query: string, from: number): State {
	const needle = query.toLowerCase();
	if (needle === '') return moveTo(state, state.list.searchOrigin);
	const position = searchRows(state.list, state.data.haystack, needle, from);
	if (position !== undefined) return settle({...state, list: {...state.list, cursor: position}, status: undefined});
	const hint = state.list.filter === 'all' ? '' : ` (${keyFor('cycle-filter')} shows more rows)`;
	return settle({...state, list: {...state.list, cursor: state.list.searchOrigin}, status: {kind: 'error', message: `No title contains "${query}"${hint}.`}});
}
