/**
 * The entry list widget's state: which rows it shows (the filter, the least severity shown), the
 * cursor, the scroll window (`visibleFrom/visibleTo`, as in ink-ui) and where a search began; its
 * actions and reducer. Pure, and blind to the rest of the screen: what it needs to know of the
 * rows (their severities, checks, decisions) and of its room comes in a `ListContext`, as the help
 * is told how far it may scroll. The screen words what a move finds (`findRow`, `searchRows`).
 */
import {assertNever, severities, type Severity} from '../core/types.js';
import {severityRank} from './review-data.js';

/** Which rows the list shows. */
export type Filter = 'all' | 'differences' | 'undecided';

/** The filters in the order `Tab` cycles through them. */
export const filters = ['all', 'differences', 'undecided'] as const satisfies readonly Filter[];

/** The list: the rows it shows, the selection and the window on screen. */
export type ListState = {
	readonly filter: Filter;
	/** The least serious severity still shown. @default 'cosmetic' */
	readonly minSeverity: Severity;
	/** Row indices the list shows, in order. */
	readonly visible: readonly number[];
	/** Position of the selection in `visible`. */
	readonly cursor: number;
	/** Position in `visible` of the first row on screen (ink-ui's `visibleFrom`). */
	readonly top: number;
	/** The cursor when `/` was pressed, restored by `Esc`. */
	readonly searchOrigin: number;
	/** The last search, repeated by `/` and an empty prompt. */
	readonly lastSearch: string;
};

/** What moves the list's cursor, or changes which rows it shows. */
export type ListAction =
	| {readonly type: 'cursor-down'}
	| {readonly type: 'cursor-up'}
	| {readonly type: 'page-down'}
	| {readonly type: 'page-up'}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'cycle-filter'}
	| {readonly type: 'cycle-severity'};

/** What the list reads of the rest of the screen: the rows (one entry of `worst` each) and its room. */
export type ListContext = {
	/** Each row's most serious open difference; undefined for a row that does not differ. */
	readonly worst: readonly (Severity | undefined)[];
	/** Whether a row carries a check (a page out of order, an entry only a third printing has). */
	readonly hasCheck: (row: number) => boolean;
	/** Whether a row differs and has no verdict yet. */
	readonly isUndecided: (row: number) => boolean;
	/** Lines the list has on screen: none while the terminal is too small. */
	readonly lines: number;
	/** Lines a row takes: one side by side, two stacked (one when both sides agree). */
	readonly rowHeight: (row: number) => number;
};

/** A list under `filter` that shows nothing yet (`refilterList` fills it). */
export function listOf(filter: Filter): ListState {
	return {filter, minSeverity: 'cosmetic', visible: [], cursor: 0, top: 0, searchOrigin: 0, lastSearch: ''};
}

/** The row index under the cursor, or undefined when the list is empty. */
export function selectedOf(list: ListState): number | undefined {
	return list.visible[list.cursor];
}

/** The rows the filter and the least severity let through, in order. */
export function shownRows(list: ListState, context: ListContext): number[] {
	const result: number[] = [];
	const {worst} = context;
	for (let row = 0; row < worst.length; row++) {
		const severity = worst[row];
		if (severity !== undefined && severityRank(severity) > severityRank(list.minSeverity)) continue;
		switch (list.filter) {
			case 'all': {
				result.push(row);
				break;
			}

			case 'differences': {
				// A row with a check (an entry only a third printing has) is worth a look too.
				if (severity !== undefined || context.hasCheck(row)) result.push(row);
				break;
			}

			case 'undecided': {
				if (context.isUndecided(row)) result.push(row);
				break;
			}

			default: {
				assertNever(list.filter);
			}
		}
	}

	return result;
}

/** Recompute the rows shown, keeping the selection on the same row, or on the next one shown. */
export function refilterList(list: ListState, context: ListContext): ListState {
	const current = selectedOf(list);
	const visible = shownRows(list, context);
	let cursor = 0;
	if (current !== undefined) {
		cursor = lowerBound(visible, current);
		if (cursor >= visible.length) cursor = Math.max(0, visible.length - 1);
	}

	return {...list, visible, cursor};
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

/** Positions in `visible` that are on screen: `from` inclusive, `to` exclusive. */
export function windowOf(list: ListState, context: ListContext): {readonly from: number; readonly to: number} {
	let to = list.top;
	let used = 0;
	while (to < list.visible.length) {
		const height = context.rowHeight(list.visible[to]!);
		// The first row always shows, clipped if need be, so the cursor is never off screen.
		if (used + height > context.lines && to > list.top) break;
		used += height;
		to++;
	}

	return {from: list.top, to};
}

/** Rows a page key moves by: those on screen less one, which stays in view. */
function pageRows(list: ListState, context: ListContext): number {
	const {from, to} = windowOf(list, context);
	return Math.max(1, to - from - 1);
}

/** The cursor within the rows shown. */
export function clampCursor(list: ListState): ListState {
	const count = list.visible.length;
	const cursor = count === 0 ? 0 : Math.min(Math.max(0, list.cursor), count - 1);
	return cursor === list.cursor ? list : {...list, cursor};
}

/** Move the scroll window so that the cursor shows, with a little context round it, and no blank lines below. */
export function scrollList(list: ListState, context: ListContext): ListState {
	const top = windowTop(list, context);
	return top === list.top ? list : {...list, top};
}

function windowTop(list: ListState, context: ListContext): number {
	const {visible, cursor} = list;
	const {lines} = context;
	if (lines <= 0 || visible.length === 0) return 0;
	const height = (position: number) => context.rowHeight(visible[position]!);
	// Keep a couple of rows of context around the cursor when the list is tall enough.
	const margin = lines >= 12 ? 2 : 0;
	let top = Math.min(list.top, Math.max(0, cursor - margin));
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

/**
 * The list after an action: the cursor moved (the screen then clamps it and scrolls to it, once
 * it has laid the screen out), or the rows shown changed. Pure and total.
 */
export function reduceList(list: ListState, action: ListAction, context: ListContext): ListState {
	switch (action.type) {
		case 'cursor-down': {
			return {...list, cursor: list.cursor + 1};
		}

		case 'cursor-up': {
			return {...list, cursor: list.cursor - 1};
		}

		case 'page-down': {
			const step = pageRows(list, context);
			return {...list, top: list.top + step, cursor: list.cursor + step};
		}

		case 'page-up': {
			const step = pageRows(list, context);
			return {...list, top: Math.max(0, list.top - step), cursor: list.cursor - step};
		}

		case 'first': {
			return {...list, cursor: 0};
		}

		case 'last': {
			return {...list, cursor: list.visible.length - 1};
		}

		case 'cycle-filter': {
			const filter = filters[(filters.indexOf(list.filter) + 1) % filters.length]!;
			return refilterList({...list, filter}, context);
		}

		case 'cycle-severity': {
			// cosmetic (all) → minor → substantive → cosmetic
			const index = severities.indexOf(list.minSeverity);
			const minSeverity = severities[(index + severities.length - 1) % severities.length]!;
			return refilterList({...list, minSeverity}, context);
		}

		default: {
			return assertNever(action);
		}
	}
}

/**
 * The next position shown (or the previous) whose row `wanted` accepts, going round; whether it
 * went round the end to get there. Undefined when no row shown is wanted.
 */
export function findRow(
	list: ListState,
	direction: 1 | -1,
	wanted: (row: number) => boolean,
): {readonly position: number; readonly wrapped: boolean} | undefined {
	const count = list.visible.length;
	for (let step = 1; step <= count; step++) {
		const position = (((list.cursor + direction * step) % count) + count) % count;
		if (wanted(list.visible[position]!)) return {position, wrapped: direction === 1 ? position <= list.cursor : position >= list.cursor};
	}

	return undefined;
}

/** The first position from `from` on (going round) whose row's text holds `needle` (lower case); undefined when none does. */
export function searchRows(list: ListState, haystack: readonly string[], needle: string, from: number): number | undefined {
	const count = list.visible.length;
	for (let step = 0; step < count; step++) {
		const position = (from + step) % count;
		if (haystack[list.visible[position]!]!.includes(needle)) return position;
	}

	return undefined;
}
