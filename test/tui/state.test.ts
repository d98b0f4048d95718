import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import fc from 'fast-check';
import {rowKeys} from '../../src/core/decisions.js';
import {displayTitle, prepareReview} from '../../src/tui/review-data.js';
import {decisionList, initialState, isUndecided, orphanDecisions, reducer, selectedRow, visibleWindow, type Action, type State} from '../../src/tui/state.js';
import {bigComparison, seedComparison, suggestedComparison} from './fixtures.js';
import {repaginatedText, threePrintingsWithANote} from '../report/fixtures.js';

function start(options: Parameters<typeof initialState>[1] = {}): State {
	return initialState(prepareReview(seedComparison(), 'vol31.txt'), options);
}

function run(state: State, ...actions: Array<Action | Action['type']>): State {
	return actions.reduce<State>((current, action) => reducer(current, typeof action === 'string' ? ({type: action} as Action) : action), state);
}

describe('moving', () => {
	it('moves down and up and stops at the ends', () => {
		const state = start();
		expect(selectedRow(run(state, 'cursor-down', 'cursor-down'))).toBe(2);
		expect(selectedRow(run(state, 'cursor-up'))).toBe(0);
		expect(selectedRow(run(state, 'last', 'cursor-down'))).toBe(11);
		expect(selectedRow(run(state, 'last', 'first'))).toBe(0);
	});

	it('jumps to the next and previous undecided difference, wrapping round', () => {
		const state = start();
		const next = run(state, 'next-undecided');
		expect(selectedRow(next)).toBe(1);
		expect(selectedRow(run(next, 'next-undecided'))).toBe(4);
		const wrapped = run(state, 'previous-undecided');
		expect(selectedRow(wrapped)).toBe(11);
		expect(wrapped.status?.message).toMatch(/wrapped/i);
	});

	it('skips decided rows with n', () => {
		const state = run(start(), 'next-undecided', 'next-undecided', 'decide-a', 'first', 'next-undecided', 'next-undecided');
		expect(selectedRow(state)).toBe(6);
	});

	it('pages by a screenful and keeps the cursor in the window on 10,000 rows', () => {
		let state = initialState(prepareReview(bigComparison(10_000), 'big.txt'), {size: {columns: 120, rows: 40}});
		state = run(state, 'page-down', 'page-down');
		const {from, to} = visibleWindow(state);
		expect(state.list.cursor).toBeGreaterThan(40);
		expect(state.list.cursor).toBeGreaterThanOrEqual(from);
		expect(state.list.cursor).toBeLessThan(to);
		state = run(state, 'last');
		expect(selectedRow(state)).toBe(9999);
		expect(visibleWindow(state).to).toBe(10_000);
	});

	it('keeps the cursor inside the window whatever the moves (property)', () => {
		const moves = fc.constantFrom<Action['type']>(
			'cursor-down',
			'cursor-up',
			'page-down',
			'page-up',
			'first',
			'last',
			'next-undecided',
			'cycle-filter',
			'cycle-severity',
			'decide-b',
			'undo',
			'toggle-expand',
		);
		const sizes = fc.record({columns: fc.integer({min: 60, max: 200}), rows: fc.integer({min: 12, max: 60})});
		fc.assert(
			fc.property(fc.array(moves, {maxLength: 40}), sizes, (actions, size) => {
				const state = run(initialState(prepareReview(bigComparison(300), 'big.txt'), {size}), ...actions);
				if (state.list.visible.length === 0) return true;
				const {from, to} = visibleWindow(state);
				return state.list.cursor >= from && state.list.cursor < to;
			}),
			{numRuns: 200},
		);
	});
});

describe('filters', () => {
	it('cycles all rows, differences only and undecided only', () => {
		const state = start();
		expect(state.list.visible).toHaveLength(12);
		const differences = run(state, 'cycle-filter');
		expect(differences.list.filter).toBe('differences');
		expect(differences.list.visible).toEqual([1, 4, 6, 7, 9, 10, 11]);
		const undecided = run(state, 'next-undecided', 'decide-b', 'cycle-filter', 'cycle-filter');
		expect(undecided.list.filter).toBe('undecided');
		expect(undecided.list.visible).toEqual([4, 6, 7, 9, 10, 11]);
		expect(run(undecided, 'cycle-filter').list.filter).toBe('all');
	});

	it('hides rows below the lowest severity shown', () => {
		const minor = run(start(), 'cycle-filter', 'cycle-severity');
		expect(minor.list.minSeverity).toBe('minor');
		expect(minor.list.visible).toEqual([1, 4, 6, 9, 10, 11]);
		const substantive = run(minor, 'cycle-severity');
		expect(substantive.list.visible).toEqual([6, 9, 10, 11]);
		expect(run(substantive, 'cycle-severity').list.minSeverity).toBe('cosmetic');
	});

	it('keeps the selection on the same row when the filter changes', () => {
		const state = run(start(), 'next-undecided', 'next-undecided', 'cycle-filter');
		expect(selectedRow(state)).toBe(4);
	});

	it('moves on to the next undecided row once the selected one is decided under "undecided"', () => {
		const state = run(start({filter: 'undecided'}), 'cursor-down', 'decide-a');
		expect(selectedRow(state)).toBe(6);
		expect(state.list.visible).not.toContain(4);
	});
});

describe('decisions', () => {
	it('records each verdict with both readings and counts it at once', () => {
		const state = run(start(), 'next-undecided', 'next-undecided', 'decide-b');
		const [decision] = decisionList(state);
		expect(decision).toEqual({
			key: rowKeys(seedComparison().rows)[4],
			verdict: 'b',
			a: "II. An Essential Condition of the Bolsheviki's Success\t23",
			b: "II. An Essential Condition of the Bolsheviks' Success\t23",
		});
		expect(state.decided).toBe(1);
		expect(state.revision).toBe(1);
		expect(run(state, 'decide-not-error').decisions.get(decision!.key)?.verdict).toBe('not-error');
	});

	it('decides for the printing a number key names: 1 is A, 2 is B; past the last, says how many there are (#16)', () => {
		const state = run(start(), 'next-undecided', 'next-undecided', {type: 'decide-printing', printing: 1});
		expect(decisionList(state)[0]).toMatchObject({verdict: 'b'});
		expect(run(state, {type: 'decide-printing', printing: 0}).decisions.get(decisionList(state)[0]!.key)?.verdict).toBe('a');
		const none = run(state, {type: 'decide-printing', printing: 2});
		expect(none.decisions).toBe(state.decisions);
		expect(none.status?.message).toBe('There is no printing 3: the comparison has 2 (A, B).');
	});

	it('decides for a further printing, keeping its reading, and undoes it (#16)', () => {
		const three = initialState(prepareReview(compare(threePrintingsWithANote()), 'a.txt'));
		const row = three.data.comparison.rows.findIndex((each) => each.status === 'only-other');
		const at = run(three, ...Array.from({length: row}, (): Action['type'] => 'cursor-down'));
		expect(selectedRow(at)).toBe(row);
		const state = run(at, {type: 'decide-printing', printing: 2});
		expect(decisionList(state)).toEqual([{key: three.data.keys[row], verdict: 'c', others: {C: 'A Note on the Translation\t15'}}]);
		expect(state.status?.message).toBe(`Row ${row + 1}: printing C is right.`);
		expect(state.decided).toBe(1);
		// B has no such entry: choosing it says so.
		expect(run(at, {type: 'decide-printing', printing: 1}).status?.message).toBe(`Row ${row + 1}: printing B is right (it has no such entry).`);
		expect(run(state, 'undo').decisions.size).toBe(0);
	});

	it('does not count a verdict on an identical row', () => {
		const state = run(start(), 'decide-a');
		expect(state.decisions.size).toBe(0);
		expect(state.status?.message).toMatch(/same in both printings/);
	});

	it('edits the correct reading from a prefilled prompt', () => {
		let state = run(start(), 'next-undecided', 'next-undecided', 'edit-start');
		expect(state.mode).toBe('edit');
		expect(state.prompt.value).toBe("II. An Essential Condition of the Bolsheviki's Success  23");
		state = run(state, 'prompt-clear', {type: 'prompt-insert', text: "II. An Essential Condition of the Bolsheviks' Success 23"}, 'prompt-submit');
		expect(state.mode).toBe('browse');
		expect(decisionList(state)[0]).toMatchObject({verdict: 'edit', text: "II. An Essential Condition of the Bolsheviks' Success 23"});
	});

	it('adds a note without a verdict, and keeps it when a verdict follows', () => {
		let state = run(start(), 'note-start', {type: 'prompt-insert', text: 'checked against the 1964 printing'}, 'prompt-submit');
		expect(decisionList(state)[0]).toMatchObject({note: 'checked against the 1964 printing'});
		expect(state.decided).toBe(0);
		state = run(state, 'next-undecided', 'note-start', {type: 'prompt-insert', text: 'see errata'}, 'prompt-submit', 'decide-a');
		expect(state.decisions.get(state.data.keys[1]!)).toMatchObject({verdict: 'a', note: 'see errata'});
	});

	it('undoes many levels, in order, and says so when there is nothing left', () => {
		const decided = run(start(), 'next-undecided', 'decide-a', 'decide-b', 'next-undecided', 'decide-not-error');
		expect(decided.decided).toBe(2);
		const once = run(decided, 'undo');
		expect(once.decided).toBe(1);
		expect(selectedRow(once)).toBe(4);
		const twice = run(once, 'undo');
		expect(twice.decisions.get(twice.data.keys[1]!)?.verdict).toBe('a');
		const all = run(twice, 'undo');
		expect(all.decisions.size).toBe(0);
		expect(run(all, 'undo').status?.message).toBe('Nothing to undo.');
		expect(all.revision).toBe(6);
	});

	it('keeps decisions that match no row, and writes them back untouched', () => {
		const orphan = {key: 'gone', verdict: 'a' as const, a: 'Old entry\t12', b: 'Old entry\t13'};
		const state = run(start({decisions: [orphan]}), 'next-undecided', 'decide-b');
		expect(orphanDecisions(state)).toEqual([orphan]);
		expect(decisionList(state)[0]).toBe(orphan);
		expect(decisionList(state)).toHaveLength(2);
	});

	it('loads saved decisions onto their rows', () => {
		const key = rowKeys(seedComparison().rows)[6]!;
		const state = start({decisions: [{key, verdict: 'b'}]});
		expect(state.decided).toBe(1);
		expect(isUndecided(state, 6)).toBe(false);
	});
});

describe('search', () => {
	it('finds titles as you type and Esc returns to where the search began', () => {
		let state = run(start(), 'search-start', {type: 'prompt-insert', text: 'presid'});
		expect(selectedRow(state)).toBe(6);
		expect(state.mode).toBe('search');
		state = run(state, 'prompt-cancel');
		expect(selectedRow(state)).toBe(0);
	});

	it('repeats the last search with an empty prompt', () => {
		let state = run(start(), 'search-start', {type: 'prompt-insert', text: 'the'}, 'prompt-submit');
		const first = selectedRow(state)!;
		state = run(state, 'search-start', 'prompt-submit');
		expect(selectedRow(state)).toBeGreaterThan(first);
	});

	it('says when nothing matches', () => {
		const state = run(start(), 'search-start', {type: 'prompt-insert', text: 'zzz'}, 'prompt-submit');
		expect(state.status).toEqual({kind: 'error', message: 'No title contains "zzz".'});
	});
});

describe('screen', () => {
	it('reports a terminal under 60 columns as too small', () => {
		expect(run(start(), {type: 'resize', size: {columns: 50, rows: 40}}).layout.kind).toBe('too-small');
		expect(run(start(), {type: 'resize', size: {columns: 80, rows: 24}}).layout).toMatchObject({kind: 'screen', wide: false});
	});

	it('opens the export menu only when there are formats, and requests the chosen one', () => {
		expect(run(start(), 'export-start').status?.kind).toBe('error');
		const state = run(start({formats: ['json', 'text']}), 'export-start', 'export-next', 'export-submit');
		expect(state.menu.request).toEqual({id: 1, format: 'text'});
		expect(state.mode).toBe('browse');
	});

	it('grows the detail pane when a long title is expanded', () => {
		const state = run(start({size: {columns: 80, rows: 40}}), 'next-undecided', 'next-undecided', 'next-undecided', 'next-undecided');
		const expanded = run(state, 'toggle-expand');
		if (state.layout.kind !== 'screen' || expanded.layout.kind !== 'screen') throw new Error('expected a screen layout');
		expect(expanded.layout.detailLines).toBeGreaterThanOrEqual(state.layout.detailLines);
		expect(expanded.layout.listLines).toBeLessThanOrEqual(state.layout.listLines);
	});
});

describe('accepting suggestions (#7)', () => {
	const suggested = (): State => initialState(prepareReview(suggestedComparison(), 'vol31.txt'));
	const verdicts = (state: State): Array<[number, string | undefined]> =>
		state.data.keys.flatMap((key, row) =>
			state.decisions.get(key)?.verdict === undefined ? [] : [[row, state.decisions.get(key)!.verdict] as [number, string]],
		);

	it('accepts every undecided row whose suggestion is at the level or above, as one undo step', () => {
		const state = run(suggested(), 'accept-suggestions');
		expect(verdicts(state)).toEqual([[9, 'a']]);
		expect(state.status?.message).toBe('Accepted one suggestion at 0.90 or above (u undoes them at once).');
		const undone = run(state, 'undo');
		expect(verdicts(undone)).toEqual([]);
		expect(undone.history).toHaveLength(0);
	});

	it('lowers the level with cycle-accept-level, and then accepts less sure suggestions', () => {
		const lowered = run(suggested(), 'cycle-accept-level', 'cycle-accept-level', 'cycle-accept-level');
		expect(lowered.acceptAbove).toBe(0.6);
		expect(lowered.status?.message).toBe('y now accepts suggestions at 0.60 or above: 2 undecided rows.');
		const state = run(lowered, 'accept-suggestions');
		expect(verdicts(state)).toEqual([
			[4, 'b'],
			[9, 'a'],
		]);
		expect(verdicts(run(state, 'undo'))).toEqual([]);
		expect(run(lowered, 'cycle-accept-level').acceptAbove).toBe(0.9);
	});

	it('leaves decided rows, their notes, and rows with even evidence alone', () => {
		let state = run(suggested(), 'last', 'cursor-up', 'cursor-up', 'decide-b');
		expect(selectedRow(state)).toBe(9);
		state = run(state, 'cycle-accept-level', 'cycle-accept-level', 'cycle-accept-level', 'accept-suggestions');
		expect(verdicts(state)).toEqual([
			[4, 'b'],
			[9, 'b'],
		]);
		// The PRESIDIUM row: A on its OCR error, even on its date: nothing to accept.
		expect(state.data.suggestions[6]).toBeUndefined();
		expect(run(state, 'undo', 'undo').history).toHaveLength(0);
	});

	it('accepts exactly the rows Y counts, each one that asks for a decision (a repaginated edition)', () => {
		const lowest = run(
			initialState(prepareReview(compare([{name: 'r.txt', text: repaginatedText}]), 'r.txt')),
			'cycle-accept-level',
			'cycle-accept-level',
			'cycle-accept-level',
		);
		const counted = Number(/: (\d+) undecided rows?/.exec(lowest.status?.message ?? '')?.[1]);
		const accepted = run(lowest, 'accept-suggestions');
		expect(verdicts(accepted)).toHaveLength(counted);
		for (const [row] of verdicts(accepted)) expect(lowest.data.worst[row]).toBeDefined();
	});

	it('says so when nothing is sure enough', () => {
		const state = run(suggested(), 'accept-suggestions', 'accept-suggestions');
		expect(state.status?.message).toBe('No undecided row has a suggestion at 0.90 or above (Y lowers the level).');
		expect(state.history).toHaveLength(1);
	});
});

describe('displayTitle', () => {
	it('keeps single and double spaces of an entry as printed; a column head is no row at all (#12)', () => {
		const {printings} = compare([
			{name: 'a.txt', text: '    CHAPTER                                    PAGE\nI. Origins  and  Growth\t5\nII. End\t9'},
			{name: 'b.txt', text: 'I. Origins\t5\nII. End\t9'},
		]);
		expect(displayTitle(printings[0]!.items[0]!)).toBe('I. Origins  and  Growth');
		expect(printings[0]!.furniture?.map((line) => line.kind)).toEqual(['column-head']);
		expect(
			displayTitle(
				compare([
					{name: 'a.txt', text: 'I. Origins  and Growth\t5\nII. End\t9'},
					{name: 'b.txt', text: 'I. Origins\t5\nII. End\t9'},
				]).printings[0]!.items[0]!,
			),
		).toBe('I. Origins  and Growth');
		// In an entry, a wider gap may be the difference itself: it is shown as printed.
		expect(
			displayTitle(
				compare([
					{name: 'a.txt', text: 'I. Origins     and Growth\t5\nII. End\t9'},
					{name: 'b.txt', text: 'I. Origins\t5\nII. End\t9'},
				]).printings[0]!.items[0]!,
			),
		).toBe('I. Origins     and Growth');
	});
});

describe('moving to the checks', () => {
	const repaginated = () => initialState(prepareReview(compare([{name: 'r.txt', text: repaginatedText}]), 'r.txt'));
	const checkedRows = (state: State) => state.data.checks.flatMap((checks, row) => (checks.length > 0 ? [row] : []));

	it('moves to each row that carries a check in turn, and wraps round', () => {
		const state = repaginated();
		const rows = checkedRows(state);
		expect(rows.length).toBeGreaterThan(1);
		let moved = state;
		for (const row of rows) {
			moved = run(moved, 'next-check');
			expect(selectedRow(moved)).toBe(row);
		}

		moved = run(moved, 'next-check');
		expect(selectedRow(moved)).toBe(rows[0]);
		expect(moved.status?.message).toBe('Wrapped to the top.');
	});

	it('says when there is no check, or when the filter hides the rows that carry them', () => {
		expect(run(start(), 'next-check').status?.message).toBe('No row carries a check.');
		// The repaginated fixture's numbering checks are on rows that differ in nothing but the offset.
		const checked = initialState(prepareReview(compare([{name: 'r.txt', text: repaginatedText}]), 'r.txt'));
		expect(selectedRow(run(checked, 'next-check'))).toBe(checkedRows(checked)[0]);
		// The differences filter shows rows with checks too; undecided only hides those that ask for no decision.
		// Its first row is B's title page, which carries a check and asks no decision (#16): the next check is the one after.
		expect(selectedRow(run(checked, 'cycle-filter'))).toBe(checkedRows(checked)[0]);
		expect(selectedRow(run(checked, 'cycle-filter', 'next-check'))).toBe(checkedRows(checked)[1]);
		// Two printings that agree, a page out of order in both: checks on rows that differ in nothing.
		const text = ['Preface\t1', 'Origins\t5', 'The Quarrel\t97', 'The Campaign\t12', 'The Peace\t19', 'Index\t25'].join('\n');
		const same = initialState(
			prepareReview(
				compare([
					{name: 'a.txt', text},
					{name: 'b.txt', text},
				]),
				'a.txt',
			),
		);
		expect(checkedRows(same).length).toBeGreaterThan(0);
		expect(run(same, 'cycle-filter', 'cycle-filter', 'next-check').status?.message).toBe('The checks are on rows this filter hides (Tab shows all rows).');
	});
});
