/**
 * The decisions on the review screen: deciding a row, correcting it, noting it, accepting the
 * suggestions, undoing any of these, and which changes a save has covered. Pure; the hook saves.
 */
import {chosenPrinting, itemAt, printingLetters, type Decision, type Verdict} from '../core/decisions.js';
import type {Row} from '../core/types.js';
import {keyFor} from './keymap.js';
import {countDecided, isUndecided, refilter, selectedRow, settle} from './screen-state.js';
import type {Change, State} from './state-types.js';

/** Words for a verdict, as the screen shows them: `printing C is right`; `ids` name the printings (A, B, C …). */
export function verdictLabel(verdict: Verdict, ids: readonly string[] = []): string {
	if (verdict === 'edit') return 'corrected reading';
	if (verdict === 'not-error') return 'not an error';
	const chosen = chosenPrinting(verdict)!;
	return `printing ${ids[chosen] ?? verdict.toUpperCase()} is right`;
}

function buildDecision(
	key: string,
	row: Row,
	ids: readonly string[],
	fields: {verdict?: Verdict | undefined; text?: string | undefined; note?: string | undefined},
): Decision | undefined {
	if (fields.verdict === undefined && !fields.note) return undefined;
	// A further printing's readings are kept where they are the row (an item neither A nor B has), or the one chosen.
	const chosen = chosenPrinting(fields.verdict);
	const others = (row.others ?? []).flatMap((item, k) =>
		item !== null && (row.status === 'only-other' || chosen === k + 2) ? [[ids[k + 2] ?? printingLetters[k + 2]!.toUpperCase(), item.text] as const] : [],
	);
	return {
		key,
		...(fields.verdict === undefined ? {} : {verdict: fields.verdict}),
		...(fields.verdict === 'edit' && fields.text !== undefined ? {text: fields.text} : {}),
		...(fields.note ? {note: fields.note} : {}),
		...(row.a ? {a: row.a.text} : {}),
		...(row.b ? {b: row.b.text} : {}),
		...(others.length > 0 ? {others: Object.fromEntries(others)} : {}),
	};
}

function sameDecision(left: Decision | undefined, right: Decision | undefined): boolean {
	return left?.verdict === right?.verdict && left?.text === right?.text && left?.note === right?.note && (left === undefined) === (right === undefined);
}

/** Apply a change to the selected row's decision, recording it for undo. */
export function changeDecision(
	state: State,
	update: (existing: Decision | undefined) => {verdict?: Verdict | undefined; text?: string | undefined; note?: string | undefined},
	message: (row: number) => string,
): State {
	const row = selectedRow(state);
	if (row === undefined) return {...state, status: {kind: 'info', message: 'No row selected.'}};
	const key = state.data.keys[row]!;
	const before = state.decisions.get(key);
	const after = buildDecision(key, state.data.comparison.rows[row]!, printingIds(state), update(before));
	if (sameDecision(before, after)) return {...state, mode: 'browse', status: {kind: 'info', message: `Row ${row + 1}: no change.`}};
	const change: Change = {key, before, after};
	const next = applyChanges(state, [change]);
	return refilter({...next, mode: 'browse', history: [...state.history, [change]], status: {kind: 'info', message: message(row)}});
}

/**
 * Apply changes in order with one copy of the decisions and one count: accepting every suggestion,
 * or undoing that, touches thousands of rows at once (a copy and a count per change was quadratic).
 */
function applyChanges(state: State, changes: ReadonlyArray<{readonly key: string; readonly after: Decision | undefined}>): State {
	const decisions = new Map(state.decisions);
	for (const change of changes) {
		if (change.after) decisions.set(change.key, change.after);
		else decisions.delete(change.key);
	}

	const revision = state.revision + changes.length;
	const unsaved = new Map(state.unsaved);
	for (const change of changes) unsaved.set(change.key, revision);
	return {...state, decisions, revision, unsaved, decided: countDecided(state.data, decisions)};
}

/** The ids of the comparison's printings, in order (`A`, `B`, `C` …). */
function printingIds(state: State): string[] {
	return state.data.comparison.printings.map((printing) => printing.id);
}

export function decide(state: State, verdict: Verdict): State {
	const row = selectedRow(state);
	const ids = printingIds(state);
	const chosen = chosenPrinting(verdict);
	// A number key past the last printing: say how many there are, decide nothing.
	if (chosen !== undefined && chosen >= ids.length) {
		return {...state, status: {kind: 'info', message: `There is no printing ${chosen + 1}: the comparison has ${ids.length} (${ids.join(', ')}).`}};
	}

	if (row !== undefined && state.data.worst[row] === undefined) {
		const instead = `${keyFor('note-start')} adds a note, ${keyFor('edit-start')} a correction`;
		return {...state, status: {kind: 'info', message: `Row ${row + 1} reads the same in both printings: nothing to decide (${instead}).`}};
	}

	// A printing with no item on the row says the entry should not be there: say so.
	const none = chosen !== undefined && row !== undefined && itemAt(state.data.comparison.rows[row]!, chosen) === null ? ` (it has no such entry)` : '';
	return changeDecision(
		state,
		(existing) => ({verdict, note: existing?.note}),
		(index) => `Row ${index + 1}: ${verdictLabel(verdict, ids)}${none}.`,
	);
}

/** The rows `y` decides at `level`: undecided ones whose suggestion takes a side at least that sure. */
export function acceptableRows(state: State, level: number): Array<{readonly row: number; readonly reading: 'a' | 'b'}> {
	const rows: Array<{row: number; reading: 'a' | 'b'}> = [];
	for (const [row, suggestion] of state.data.suggestions.entries()) {
		if (suggestion?.reading && suggestion.confidence >= level && isUndecided(state, row)) rows.push({row, reading: suggestion.reading});
	}

	return rows;
}

/**
 * Accept every suggestion at least `acceptAbove` sure on a row that has no verdict yet, as one
 * undo step; notes stay.
 */
export function acceptSuggestions(state: State): State {
	const changes: Change[] = acceptableRows(state, state.acceptAbove).map(({row, reading}) => {
		const key = state.data.keys[row]!;
		const before = state.decisions.get(key);
		return {key, before, after: buildDecision(key, state.data.comparison.rows[row]!, printingIds(state), {verdict: reading, note: before?.note})};
	});

	const level = state.acceptAbove.toFixed(2);
	if (changes.length === 0)
		return {
			...state,
			status: {kind: 'info', message: `No undecided row has a suggestion at ${level} or above (${keyFor('cycle-accept-level')} lowers the level).`},
		};
	const next = applyChanges(state, changes);
	const count = changes.length === 1 ? 'one suggestion' : `${changes.length} suggestions`;
	return refilter({
		...next,
		history: [...state.history, changes],
		status: {kind: 'info', message: `Accepted ${count} at ${level} or above (${keyFor('undo')} undoes them at once).`},
	});
}

export function undo(state: State): State {
	const step = state.history.at(-1);
	if (!step) return {...state, status: {kind: 'info', message: 'Nothing to undo.'}};
	// Back to front, so that each decision returns to what it was before the step.
	const next = applyChanges(
		{...state, history: state.history.slice(0, -1)},
		[...step].reverse().map((change) => ({key: change.key, after: change.before})),
	);
	const change = step[0]!;
	const row = state.data.rowOfKey.get(change.key);
	let refiltered = refilter(next);
	// Bring the undone row back under the cursor when the filter shows it.
	if (row !== undefined) {
		const position = refiltered.list.visible.indexOf(row);
		if (position !== -1) refiltered = settle({...refiltered, list: {...refiltered.list, cursor: position}});
	}

	const where = step.length > 1 ? `${step.length} rows` : row === undefined ? 'an orphaned decision' : `row ${row + 1}`;
	return {...refiltered, status: {kind: 'info', message: `Undid the change to ${where} (${state.history.length - 1} more to undo).`}};
}

/** Whether some decisions are not saved because a save failed (not merely one still being written). */
export function hasLostSaves(state: State): boolean {
	return state.saveError !== undefined && state.unsaved.size > 0;
}

/** Whether a row's decision changed since the last save that succeeded. */
export function isUnsaved(state: State, row: number): boolean {
	const key = state.data.keys[row];
	return key !== undefined && state.unsaved.has(key);
}

/** Drop the rows a save of `revision` covered from the unsaved ones. */
export function markSaved(state: State, revision: number): State {
	if (state.unsaved.size === 0 && state.saveError === undefined) return state;
	const unsaved = new Map([...state.unsaved].filter(([, changed]) => changed > revision));
	return settle({...state, unsaved, saveError: undefined});
}

/** The decisions to write to the sidecar file: every one, orphans included, in file order. */
export function decisionList(state: State): Decision[] {
	return [...state.decisions.values()];
}
