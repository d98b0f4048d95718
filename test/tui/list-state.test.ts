/** The entry list reduces its own slice (#14), told of the rows and its room by a context, with no screen around it. */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Severity} from '../../src/core/types.js';
import {
	clampCursor,
	findRow,
	listOf,
	reduceList,
	refilterList,
	scrollList,
	searchRows,
	selectedOf,
	shownRows,
	windowOf,
	type Filter,
	type ListAction,
	type ListContext,
	type ListState,
} from '../../src/tui/list-state.js';

/** Seven rows: 0, 2 and 5 agree; 2 carries a check; 1 is decided. */
const worst: ReadonlyArray<Severity | undefined> = [undefined, 'minor', undefined, 'substantive', 'cosmetic', undefined, 'minor'];
const decided = new Set([1]);

function context(lines = 3, rowHeight: (row: number) => number = () => 1): ListContext {
	return {
		worst,
		hasCheck: (row) => row === 2,
		isUndecided: (row) => worst[row] !== undefined && !decided.has(row),
		lines,
		rowHeight,
	};
}

function list(filter: Filter = 'all', changes: Partial<ListState> = {}): ListState {
	return {...refilterList(listOf(filter), context()), ...changes};
}

const acting = (start: ListState, ...actions: Array<ListAction['type']>): ListState =>
	actions.reduce((current, type) => clampCursor(reduceList(current, {type}, context())), start);

describe('which rows the list shows', () => {
	it.each([
		['all', 'cosmetic', [0, 1, 2, 3, 4, 5, 6]],
		['differences', 'cosmetic', [1, 2, 3, 4, 6]],
		['undecided', 'cosmetic', [3, 4, 6]],
		['all', 'minor', [0, 1, 2, 3, 5, 6]],
		['differences', 'substantive', [2, 3]],
		['undecided', 'substantive', [3]],
	] as const)('under %s, %s and up: %j', (filter, minSeverity, expected) => {
		expect(shownRows({...listOf(filter), minSeverity}, context())).toEqual(expected);
	});

	it('cycles the filter and the least severity, keeping the selection on its row or the next one shown', () => {
		const onRow5 = list('all', {cursor: 5});
		const differences = acting(onRow5, 'cycle-filter');
		expect(differences.filter).toBe('differences');
		expect(selectedOf(differences)).toBe(6);
		const minor = acting(list('differences', {cursor: 3}), 'cycle-severity');
		expect(minor.minSeverity).toBe('minor');
		expect(minor.visible).toEqual([1, 2, 3, 6]);
		expect(selectedOf(minor)).toBe(6);
		expect(acting(minor, 'cycle-severity', 'cycle-severity').minSeverity).toBe('cosmetic');
		expect(acting(differences, 'cycle-filter', 'cycle-filter').filter).toBe('all');
	});

	it('selects nothing when nothing is shown', () => {
		const empty = refilterList({...listOf('undecided'), minSeverity: 'substantive', cursor: 4}, {...context(), isUndecided: () => false});
		expect(empty.visible).toEqual([]);
		expect(selectedOf(empty)).toBeUndefined();
		expect(clampCursor(empty).cursor).toBe(0);
	});
});

describe('moving the cursor', () => {
	it('moves one row, to the ends, and stops there once clamped', () => {
		expect(acting(list(), 'cursor-down', 'cursor-down').cursor).toBe(2);
		expect(acting(list(), 'cursor-up').cursor).toBe(0);
		expect(acting(list(), 'last').cursor).toBe(6);
		expect(acting(list(), 'last', 'cursor-down').cursor).toBe(6);
		expect(acting(list(), 'last', 'first').cursor).toBe(0);
	});

	it('pages by the rows on screen less one, moving the window with it', () => {
		const paged = reduceList(list(), {type: 'page-down'}, context(3));
		expect(paged).toMatchObject({cursor: 2, top: 2});
		expect(reduceList(paged, {type: 'page-up'}, context(3))).toMatchObject({cursor: 0, top: 0});
	});

	it('scrolls the window to the cursor, and leaves no blank lines below when rows above can fill them', () => {
		const down = scrollList(list('all', {cursor: 5}), context(3));
		expect(windowOf(down, context(3))).toEqual({from: 3, to: 6});
		const back = scrollList({...down, top: 6, cursor: 6}, context(3));
		expect(windowOf(back, context(3))).toEqual({from: 4, to: 7});
	});

	it('counts a row two lines tall as two', () => {
		const stacked = context(4, (row) => (worst[row] === undefined ? 1 : 2));
		expect(windowOf(list(), stacked)).toEqual({from: 0, to: 3});
		expect(windowOf(scrollList(list('all', {cursor: 4}), stacked), stacked)).toEqual({from: 3, to: 5});
	});

	it('keeps the cursor inside the window whatever the moves and the room (property)', () => {
		const actions = fc.constantFrom<ListAction['type']>('cursor-down', 'cursor-up', 'page-down', 'page-up', 'first', 'last', 'cycle-filter', 'cycle-severity');
		fc.assert(
			fc.property(fc.array(actions, {maxLength: 30}), fc.integer({min: 1, max: 8}), fc.boolean(), (types, lines, tall) => {
				const room = context(lines, (row) => (tall && worst[row] !== undefined ? 2 : 1));
				const final = types.reduce((current, type) => scrollList(clampCursor(reduceList(current, {type}, room)), room), list());
				if (final.visible.length === 0) return true;
				const {from, to} = windowOf(final, room);
				return final.cursor >= from && final.cursor < to;
			}),
		);
	});
});

describe('finding rows', () => {
	it('finds the next wanted row, going round the end, and says when it went round', () => {
		const undecided = (row: number) => context().isUndecided(row);
		expect(findRow(list('all', {cursor: 3}), 1, undecided)).toEqual({position: 4, wrapped: false});
		expect(findRow(list('all', {cursor: 6}), 1, undecided)).toEqual({position: 3, wrapped: true});
		expect(findRow(list('all', {cursor: 3}), -1, undecided)).toEqual({position: 6, wrapped: true});
		// The row under the cursor is found last, once round.
		expect(findRow(list('all', {cursor: 3}), 1, (row) => row === 3)).toEqual({position: 3, wrapped: true});
		expect(findRow(list(), 1, () => false)).toBeUndefined();
	});

	it('searches the rows shown from a position on, going round', () => {
		const haystack = ['preface', 'the state', 'notes', 'the party', 'index', 'state and revolution', 'letters'];
		expect(searchRows(list(), haystack, 'state', 0)).toBe(1);
		expect(searchRows(list(), haystack, 'state', 2)).toBe(5);
		expect(searchRows(list(), haystack, 'preface', 3)).toBe(0);
		expect(searchRows(list('differences'), haystack, 'preface', 0)).toBeUndefined();
	});
});
