/**
 * The list and the detail pane: which rows show (filter, severity), the cursor and the scroll window
 * (`visibleFrom/visibleTo`, as in ink-ui), how tall the detail pane wants to be, moving and
 * searching; and the queries the views ask of a row (its decision, whether it waits for one).
 */
import type {Decision} from '../core/decisions.js';
import {assertNever} from '../core/types.js';
import {columns} from './columns.js';
import {computeLayout, wrappedLines} from './layout.js';
import {displayTitle, severityRank, type ReviewData} from './review-data.js';
import {saveAlertLines} from './save-alert.js';
import type {State} from './state-types.js';

/** The row index under the cursor, or undefined when the list is empty. */
export function selectedRow(state: State): number | undefined {
	return state.visible[state.cursor];
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

/** Positions in `visible` that are on screen: `from` inclusive, `to` exclusive. */
export function visibleWindow(state: State): {readonly from: number; readonly to: number} {
	const lines = state.layout.kind === 'screen' ? state.layout.listLines : 0;
	let to = state.top;
	let used = 0;
	while (to < state.visible.length) {
		const height = rowHeight(state, state.visible[to]!);
		// The first row always shows, clipped if need be, so the cursor is never off screen.
		if (used + height > lines && to > state.top) break;
		used += height;
		to++;
	}

	return {from: state.top, to};
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

function passesSeverity(state: State, row: number): boolean {
	const worst = state.data.worst[row];
	return worst === undefined || severityRank(worst) <= severityRank(state.minSeverity);
}

export function visibleRows(state: State): number[] {
	const result: number[] = [];
	const count = state.data.comparison.rows.length;
	for (let row = 0; row < count; row++) {
		const differs = state.data.worst[row] !== undefined;
		if (differs && !passesSeverity(state, row)) continue;
		switch (state.filter) {
			case 'all': {
				result.push(row);
				break;
			}

			case 'differences': {
				// A row with a check (an entry only a third printing has) is worth a look too.
				if (differs || (state.data.checks[row]?.length ?? 0) > 0) result.push(row);
				break;
			}

			case 'undecided': {
				if (isUndecided(state, row)) result.push(row);
				break;
			}

			default: {
				assertNever(state.filter);
			}
		}
	}

	return result;
}

/** Recompute `visible`, keeping the selection on the same row, or on the next one shown. */
export function refilter(state: State): State {
	const current = selectedRow(state);
	const visible = visibleRows(state);
	let cursor = 0;
	if (current !== undefined) {
		cursor = lowerBound(visible, current);
		if (cursor >= visible.length) cursor = Math.max(0, visible.length - 1);
	}

	return settle({...state, visible, cursor});
}

/** First position in a sorted array whose value is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < value) lo = mid + 1;
		else hi = mid;
	}

	return lo;
}

/** Lines of a row's detail besides its readings, differences, rule, decision and note: each further printing's reading, each check, and the suggestion. */
export function detailAsides(state: State, row: number): number {
	const item = state.data.comparison.rows[row]!;
	const suggested = item.differences.some((difference) => difference.suggestion !== undefined) ? 1 : 0;
	// Read from OCR files: a line saying where each reading is on the scan (#15).
	const scanned = item.a?.place !== undefined || item.b?.place !== undefined ? 1 : 0;
	return (item.others?.length ?? 0) + (state.data.checks[row]?.length ?? 0) + suggested + scanned;
}

/** Lines the detail pane would like for the selected row when expanded. */
function detailWanted(state: State): number {
	// The export menu: its rule, one line per format, and its hint.
	if (state.mode === 'export') return state.menu.formats.length + 2;
	// The orphaned decisions: a rule and one line each.
	if (state.mode === 'orphans') return orphanDecisions(state).length + 1;
	const row = selectedRow(state);
	if (!state.expanded || row === undefined) return 0;
	const item = state.data.comparison.rows[row]!;
	// The readings wrap beside a 21-column prefix (side, lines, page); word wrapping may take a
	// line more than the characters alone would.
	const width = Math.max(10, state.size.columns - 22);
	const reading = (text: string) => wrappedLines(text, width) + (columns(text) > width ? 1 : 0);
	const decision = decisionFor(state, row);
	return (
		2 +
		detailAsides(state, row) +
		reading(displayTitle(item.a)) +
		reading(displayTitle(item.b)) +
		item.differences.length +
		// The decision line is in the 2 above (with the rule); a long correction wraps below it.
		(decision?.note ? reading(decision.note) : 0) +
		(decision?.text ? wrappedLines(decision.text, width) : 0)
	);
}

/** Clamp the cursor, recompute the layout and move the scroll window so the cursor shows. */
export function settle(state: State): State {
	const count = state.visible.length;
	const cursor = count === 0 ? 0 : Math.min(Math.max(0, state.cursor), count - 1);
	let next: State = {...state, cursor};
	// A failed save takes a line of its own until a save succeeds.
	next = {...next, layout: computeLayout(next.size, detailWanted(next), saveAlertLines(next.saveError, next.unsaved.size, next.size.columns))};
	return {...next, top: windowTop(next)};
}

function windowTop(state: State): number {
	const {visible, cursor, layout} = state;
	if (layout.kind !== 'screen' || visible.length === 0) return 0;
	const lines = layout.listLines;
	const height = (position: number) => rowHeight(state, visible[position]!);
	// Keep a couple of rows of context around the cursor when the list is tall enough.
	const margin = lines >= 12 ? 2 : 0;
	let top = Math.min(state.top, Math.max(0, cursor - margin));
	const last = Math.min(visible.length - 1, cursor + margin);
	let used = 0;
	for (let position = top; position <= last; position++) used += height(position);
	while (top < cursor && used > lines) {
		used -= height(top);
		top++;
	}

	// Do not leave blank lines at the bottom when there are rows above to fill them.
	let tail = 0;
	for (let position = top; position < visible.length && tail <= lines; position++) tail += height(position);
	while (top > 0 && tail + height(top - 1) <= lines) {
		top--;
		tail += height(top);
	}

	return top;
}

export function moveTo(state: State, cursor: number): State {
	return settle({...state, cursor, status: state.status?.kind === 'error' ? state.status : undefined});
}

export function pageRows(state: State): number {
	const {from, to} = visibleWindow(state);
	return Math.max(1, to - from - 1);
}

/** Move to the next shown row (or the previous) that `wanted` accepts, wrapping round; `none` says why there is none. */
function findRow(state: State, direction: 1 | -1, wanted: (row: number) => boolean, none: () => string): State {
	const count = state.visible.length;
	for (let step = 1; step <= count; step++) {
		const position = (((state.cursor + direction * step) % count) + count) % count;
		if (wanted(state.visible[position]!)) {
			const wrapped = direction === 1 ? position <= state.cursor : position >= state.cursor;
			const next = moveTo(state, position);
			return wrapped ? {...next, status: {kind: 'info', message: `Wrapped to the ${direction === 1 ? 'top' : 'bottom'}.`}} : next;
		}
	}

	return {...state, status: {kind: 'info', message: none()}};
}

export function findUndecided(state: State, direction: 1 | -1): State {
	return findRow(
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
			: state.filter === 'all'
				? 'No row shown carries a check.'
				: 'The checks are on rows this filter hides (Tab shows all rows).';
	return findRow(state, 1, hasCheck, none);
}

export function search(state: State, query: string, from: number): State {
	const needle = query.toLowerCase();
	const count = state.visible.length;
	if (needle === '') return moveTo(state, state.searchOrigin);
	for (let step = 0; step < count; step++) {
		const position = (from + step) % count;
		if (state.data.haystack[state.visible[position]!]!.includes(needle)) return settle({...state, cursor: position, status: undefined});
	}

	const hint = state.filter === 'all' ? '' : ' (Tab shows more rows)';
	return settle({...state, cursor: state.searchOrigin, status: {kind: 'error', message: `No title contains "${query}"${hint}.`}});
}
