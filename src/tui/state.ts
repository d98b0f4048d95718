/**
 * The review screen's state and its reducer: cursor, filter, scroll window, modes and the
 * decisions with their undo history. Pure and total: no I/O, no Ink; effects (saving, export,
 * quitting) are requested through fields that `use-review.ts` acts on.
 */
import {itemLine} from '../core/parse.js';
import type {Decision, Verdict} from '../core/decisions.js';
import {assertNever, severities, type Row, type Severity} from '../core/types.js';
import {helpHeight, helpLines} from './help-lines.js';
import {keyFor} from './keymap.js';
import {columns} from './columns.js';
import {computeLayout, wrappedLines, type Layout, type Size} from './layout.js';
import {saveAlertLines} from './save-alert.js';
import {displayTitle, severityRank, type ReviewData} from './review-data.js';

/** Which rows the list shows. */
export type Filter = 'all' | 'differences' | 'undecided';

/** The filters in the order `Tab` cycles through them. */
export const filters = ['all', 'differences', 'undecided'] as const satisfies readonly Filter[];

/**
 * What keys do at the moment: browse the list, read help, type into a prompt (a search, a
 * correction, a note, a path to save the decisions to), pick an export, or answer whether to quit
 * with decisions that could not be saved.
 */
export type Mode = 'browse' | 'help' | 'search' | 'edit' | 'note' | 'save-as' | 'export' | 'orphans' | 'confirm-quit';

/** The modes in which typed text goes into a one-line prompt. */
export type PromptMode = 'search' | 'edit' | 'note' | 'save-as';

/** What keys do, as the key table knows it: a mode, or `too-small` while the terminal is too small to show the screen. */
export type KeyMode = Mode | 'too-small';

/** A one-line text input: its value and the caret position in code units. */
export type Prompt = {readonly value: string; readonly caret: number};

/** A message for the status line. */
export type Status = {readonly kind: 'info' | 'error'; readonly message: string};

/** One undoable change to the decisions. */
export type Change = {
	readonly key: string;
	readonly before: Decision | undefined;
	readonly after: Decision | undefined;
};

/** What one undo takes back: one change, or every decision that accepting suggestions made. */
export type Step = readonly Change[];

/** The confidences `Y` cycles through for accepting suggestions with `y`, the first the default. */
const acceptLevels = [0.9, 0.8, 0.7, 0.6] as const;

/** An export the hook should run; `id` tells one request from the next. */
export type ExportRequest = {readonly id: number; readonly format: string};

/** A save of every decision to another file that the hook should run (`w`). */
export type SaveAsRequest = {readonly id: number; readonly path: string};

/** Everything the review screen shows, as plain readonly data. */
export type State = {
	readonly data: ReviewData;
	/** Every decision, keyed by row key, orphans included, in file order. */
	readonly decisions: ReadonlyMap<string, Decision>;
	/** Undo history, most recent last. */
	readonly history: readonly Step[];
	/** `y` accepts every suggestion at least this sure. @default 0.9 */
	readonly acceptAbove: number;
	/** Bumped on every change to `decisions`; the hook saves when it moves. */
	readonly revision: number;
	/** Differing rows of this comparison that have a verdict. */
	readonly decided: number;
	/**
	 * Decisions whose key matches no row of this comparison, as loaded: decisions only ever change
	 * on rows, so these stay as they are for the whole session.
	 */
	readonly orphans: readonly Decision[];
	readonly filter: Filter;
	/** The least serious severity still shown. @default 'cosmetic' */
	readonly minSeverity: Severity;
	/** Row indices the list shows, in order. */
	readonly visible: readonly number[];
	/** Position of the selection in `visible`. */
	readonly cursor: number;
	/** Position in `visible` of the first row on screen (ink-ui's `visibleFrom`). */
	readonly top: number;
	readonly size: Size;
	readonly layout: Layout;
	readonly mode: Mode;
	readonly prompt: Prompt;
	/** The cursor when `/` was pressed, restored by `Esc`. */
	readonly searchOrigin: number;
	readonly lastSearch: string;
	/** Whether the detail pane shows the selected row's readings in full. */
	readonly expanded: boolean;
	/** First line of the help screen shown (it scrolls on short terminals). */
	readonly helpTop: number;
	/** Export formats offered by `E`, and the one highlighted in its menu. */
	readonly formats: readonly string[];
	readonly exportChoice: number;
	readonly exportRequest: ExportRequest | undefined;
	readonly status: Status | undefined;
	/** Why the last save failed (the file and the reason), until a save succeeds. */
	readonly saveError: string | undefined;
	/**
	 * Rows whose decision changed since the last save that succeeded, by key, with the revision of
	 * their last change: a save of a later revision covers them.
	 */
	readonly unsaved: ReadonlyMap<string, number>;
	/** Where the decisions are saved, as the reviewer named it; changed by a save to another file (`w`). */
	readonly decisionsFile: string;
	readonly saveAsRequest: SaveAsRequest | undefined;
	readonly quitting: boolean;
	/** Set when the reviewer chose to quit although some decisions are not saved. */
	readonly discarding: boolean;
};

/** Everything that can happen to the review screen. */
export type Action =
	| {readonly type: 'cursor-down'}
	| {readonly type: 'cursor-up'}
	| {readonly type: 'page-down'}
	| {readonly type: 'page-up'}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'next-undecided'}
	| {readonly type: 'previous-undecided'}
	| {readonly type: 'next-check'}
	| {readonly type: 'orphans-open'}
	| {readonly type: 'orphans-close'}
	| {readonly type: 'cycle-filter'}
	| {readonly type: 'cycle-severity'}
	| {readonly type: 'toggle-expand'}
	| {readonly type: 'search-start'}
	| {readonly type: 'decide-a'}
	| {readonly type: 'decide-b'}
	| {readonly type: 'decide-not-error'}
	| {readonly type: 'edit-start'}
	| {readonly type: 'note-start'}
	| {readonly type: 'undo'}
	| {readonly type: 'accept-suggestions'}
	| {readonly type: 'cycle-accept-level'}
	| {readonly type: 'export-start'}
	| {readonly type: 'export-next'}
	| {readonly type: 'export-previous'}
	| {readonly type: 'export-submit'}
	| {readonly type: 'export-cancel'}
	| {readonly type: 'help-toggle'}
	| {readonly type: 'help-close'}
	| {readonly type: 'help-down'}
	| {readonly type: 'help-up'}
	| {readonly type: 'quit'}
	| {readonly type: 'confirm-quit-cancel'}
	| {readonly type: 'save-as-start'}
	| {readonly type: 'prompt-insert'; readonly text: string}
	| {readonly type: 'prompt-backspace'}
	| {readonly type: 'prompt-left'}
	| {readonly type: 'prompt-right'}
	| {readonly type: 'prompt-home'}
	| {readonly type: 'prompt-end'}
	| {readonly type: 'prompt-clear'}
	| {readonly type: 'prompt-submit'}
	| {readonly type: 'prompt-cancel'}
	| {readonly type: 'resize'; readonly size: Size}
	| {readonly type: 'export-done'; readonly format: string; readonly path: string}
	| {readonly type: 'export-failed'; readonly message: string}
	| {readonly type: 'save-done'; readonly revision: number}
	| {readonly type: 'save-failed'; readonly message: string}
	| {readonly type: 'save-as-done'; readonly path: string; readonly revision: number}
	| {readonly type: 'save-as-failed'; readonly message: string}
	| {readonly type: 'quit-blocked'};

/** The name of an action, e.g. `'cursor-down'`. */
export type ActionType = Action['type'];

/** Options for `initialState`. */
export type InitialOptions = {
	/** Decisions loaded from the sidecar file, orphans included. @default [] */
	readonly decisions?: readonly Decision[];
	/** @default {columns: 120, rows: 40} */
	readonly size?: Size;
	/** Export formats `E` offers. @default [] */
	readonly formats?: readonly string[];
	/** @default 'all' */
	readonly filter?: Filter;
	/** Where the decisions are saved, for the prompt of `w`. @default '' */
	readonly decisionsFile?: string;
	/** A message for the status line as the screen opens. @default none */
	readonly notice?: string;
};

/** The state the screen opens with. */
export function initialState(data: ReviewData, options: InitialOptions = {}): State {
	const decisions = new Map<string, Decision>();
	for (const decision of options.decisions ?? []) decisions.set(decision.key, decision);
	const size = options.size ?? {columns: 120, rows: 40};
	const base: State = {
		data,
		decisions,
		history: [],
		acceptAbove: acceptLevels[0],
		revision: 0,
		decided: countDecided(data, decisions),
		orphans: [...decisions.values()].filter((decision) => !data.rowOfKey.has(decision.key)),
		filter: options.filter ?? 'all',
		minSeverity: 'cosmetic',
		visible: [],
		cursor: 0,
		top: 0,
		size,
		layout: computeLayout(size),
		mode: 'browse',
		prompt: {value: '', caret: 0},
		searchOrigin: 0,
		lastSearch: '',
		expanded: false,
		helpTop: 0,
		formats: options.formats ?? [],
		exportChoice: 0,
		exportRequest: undefined,
		status: options.notice === undefined ? undefined : {kind: 'info', message: options.notice},
		saveError: undefined,
		unsaved: new Map(),
		decisionsFile: options.decisionsFile ?? '',
		saveAsRequest: undefined,
		quitting: false,
		discarding: false,
	};
	return settle({...base, visible: visibleRows(base)});
}

// ---------------------------------------------------------------------------------------------
// Queries (used by the views as well)

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
function countDecided(data: ReviewData, decisions: ReadonlyMap<string, Decision>): number {
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

function visibleRows(state: State): number[] {
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
function refilter(state: State): State {
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
	if (state.mode === 'export') return state.formats.length + 2;
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
function settle(state: State): State {
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

// ---------------------------------------------------------------------------------------------
// Decisions

const verdictNames: Readonly<Record<Verdict, string>> = {
	a: 'printing A is right',
	b: 'printing B is right',
	edit: 'corrected reading',
	'not-error': 'not an error',
};

/** Words for a verdict, as the screen shows them. */
export function describeVerdict(verdict: Verdict): string {
	return verdictNames[verdict];
}

function buildDecision(key: string, row: Row, fields: {verdict?: Verdict | undefined; text?: string | undefined; note?: string | undefined}): Decision | undefined {
	if (fields.verdict === undefined && !fields.note) return undefined;
	return {
		key,
		...(fields.verdict === undefined ? {} : {verdict: fields.verdict}),
		...(fields.verdict === 'edit' && fields.text !== undefined ? {text: fields.text} : {}),
		...(fields.note ? {note: fields.note} : {}),
		...(row.a ? {a: row.a.text} : {}),
		...(row.b ? {b: row.b.text} : {}),
	};
}

function sameDecision(left: Decision | undefined, right: Decision | undefined): boolean {
	return (
		left?.verdict === right?.verdict && left?.text === right?.text && left?.note === right?.note && (left === undefined) === (right === undefined)
	);
}

/** Apply a change to the selected row's decision, recording it for undo. */
function changeDecision(
	state: State,
	update: (existing: Decision | undefined) => {verdict?: Verdict | undefined; text?: string | undefined; note?: string | undefined},
	message: (row: number) => string,
): State {
	const row = selectedRow(state);
	if (row === undefined) return {...state, status: {kind: 'info', message: 'No row selected.'}};
	const key = state.data.keys[row]!;
	const before = state.decisions.get(key);
	const after = buildDecision(key, state.data.comparison.rows[row]!, update(before));
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

function decide(state: State, verdict: Verdict): State {
	const row = selectedRow(state);
	if (row !== undefined && state.data.worst[row] === undefined) {
		return {...state, status: {kind: 'info', message: `Row ${row + 1} reads the same in both printings: nothing to decide (c adds a note, e a correction).`}};
	}

	return changeDecision(state, (existing) => ({verdict, note: existing?.note}), (index) => `Row ${index + 1}: ${describeVerdict(verdict)}.`);
}

/** The rows `y` decides at `level`: undecided ones whose suggestion takes a side at least that sure. */
function acceptableRows(state: State, level: number): Array<{readonly row: number; readonly reading: 'a' | 'b'}> {
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
function acceptSuggestions(state: State): State {
	const changes: Change[] = acceptableRows(state, state.acceptAbove).map(({row, reading}) => {
		const key = state.data.keys[row]!;
		const before = state.decisions.get(key);
		return {key, before, after: buildDecision(key, state.data.comparison.rows[row]!, {verdict: reading, note: before?.note})};
	});

	const level = state.acceptAbove.toFixed(2);
	if (changes.length === 0) return {...state, status: {kind: 'info', message: `No undecided row has a suggestion at ${level} or above (${keyFor('cycle-accept-level')} lowers the level).`}};
	const next = applyChanges(state, changes);
	const count = changes.length === 1 ? 'one suggestion' : `${changes.length} suggestions`;
	return refilter({...next, history: [...state.history, changes], status: {kind: 'info', message: `Accepted ${count} at ${level} or above (u undoes them at once).`}});
}

function undo(state: State): State {
	const step = state.history.at(-1);
	if (!step) return {...state, status: {kind: 'info', message: 'Nothing to undo.'}};
	// Back to front, so that each decision returns to what it was before the step.
	const next = applyChanges({...state, history: state.history.slice(0, -1)}, [...step].reverse().map((change) => ({key: change.key, after: change.before})));
	const change = step[0]!;
	const row = state.data.rowOfKey.get(change.key);
	let refiltered = refilter(next);
	// Bring the undone row back under the cursor when the filter shows it.
	if (row !== undefined) {
		const position = refiltered.visible.indexOf(row);
		if (position !== -1) refiltered = settle({...refiltered, cursor: position});
	}

	const where = step.length > 1 ? `${step.length} rows` : row === undefined ? 'an orphaned decision' : `row ${row + 1}`;
	return {...refiltered, status: {kind: 'info', message: `Undid the change to ${where} (${state.history.length - 1} more to undo).`}};
}

// ---------------------------------------------------------------------------------------------
// Moving

function moveTo(state: State, cursor: number): State {
	return settle({...state, cursor, status: state.status?.kind === 'error' ? state.status : undefined});
}

function pageRows(state: State): number {
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

function findUndecided(state: State, direction: 1 | -1): State {
	return findRow(state, direction, (row) => isUndecided(state, row), () => 'Every difference shown is decided.');
}

/** The next row that carries a check (a page out of order, a numbering slip, an entry only C has). */
function findCheck(state: State): State {
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

function search(state: State, query: string, from: number): State {
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

// ---------------------------------------------------------------------------------------------
// Prompts

function openPrompt(state: State, mode: PromptMode, value: string): State {
	return {...state, mode, prompt: {value, caret: value.length}, searchOrigin: state.cursor, status: undefined};
}

function editPrompt(state: State, action: Action): Prompt {
	const {value, caret} = state.prompt;
	switch (action.type) {
		case 'prompt-insert': {
			// Pasted line breaks become spaces: a reading is one line.
			const text = action.text.replaceAll(/[\r\n]+/g, ' ');
			return {value: value.slice(0, caret) + text + value.slice(caret), caret: caret + text.length};
		}

		case 'prompt-backspace': {
			if (caret === 0) return state.prompt;
			const cut = caret - 1 > 0 && /[\uDC00-\uDFFF]/.test(value[caret - 1]!) ? 2 : 1;
			return {value: value.slice(0, caret - cut) + value.slice(caret), caret: caret - cut};
		}

		case 'prompt-left': {
			return {value, caret: Math.max(0, caret - 1)};
		}

		case 'prompt-right': {
			return {value, caret: Math.min(value.length, caret + 1)};
		}

		case 'prompt-home': {
			return {value, caret: 0};
		}

		case 'prompt-end': {
			return {value, caret: value.length};
		}

		case 'prompt-clear': {
			return {value: '', caret: 0};
		}

		default: {
			return state.prompt;
		}
	}
}

function submitPrompt(state: State): State {
	const {value} = state.prompt;
	switch (state.mode) {
		case 'search': {
			const query = value === '' ? state.lastSearch : value;
			if (query === '') return {...state, mode: 'browse'};
			// An empty prompt repeats the last search from the row after the cursor.
			const from = value === '' ? state.cursor + 1 : state.cursor;
			return {...search({...state, searchOrigin: state.cursor}, query, from), mode: 'browse', lastSearch: query};
		}

		case 'edit': {
			const text = value.trim();
			if (text === '') return {...state, mode: 'browse', status: {kind: 'info', message: 'An empty reading was not saved.'}};
			return changeDecision(state, (existing) => ({verdict: 'edit', text, note: existing?.note}), (row) => `Row ${row + 1}: corrected reading saved.`);
		}

		case 'note': {
			const note = value.trim();
			return changeDecision(
				state,
				(existing) => ({verdict: existing?.verdict, text: existing?.text, note}),
				(row) => (note ? `Row ${row + 1}: note saved.` : `Row ${row + 1}: note removed.`),
			);
		}

		case 'save-as': {
			const target = value.trim();
			if (target === '') return {...state, mode: 'browse', status: {kind: 'info', message: 'No file given: the decisions were not saved elsewhere.'}};
			return {
				...state,
				mode: 'browse',
				saveAsRequest: {id: (state.saveAsRequest?.id ?? 0) + 1, path: target},
				status: {kind: 'info', message: `Saving the decisions to ${target}…`},
			};
		}

		case 'browse':
		case 'help':
		case 'export':
		case 'orphans':
		case 'confirm-quit': {
			return state;
		}

		default: {
			return assertNever(state.mode);
		}
	}
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

/** What keys do now: the mode, unless the terminal is too small to show the screen. */
export function keyMode(state: State): KeyMode {
	return state.layout.kind === 'too-small' ? 'too-small' : state.mode;
}

/** Drop the rows a save of `revision` covered from the unsaved ones. */
function markSaved(state: State, revision: number): State {
	if (state.unsaved.size === 0 && state.saveError === undefined) return state;
	const unsaved = new Map([...state.unsaved].filter(([, changed]) => changed > revision));
	return settle({...state, unsaved, saveError: undefined});
}

/** What still works while the terminal is too small to show the screen: quitting, a resize, and the outcome of what was under way. */
const tooSmallActions: ReadonlySet<ActionType> = new Set(['quit', 'resize', 'save-done', 'save-failed', 'save-as-done', 'save-as-failed', 'export-done', 'export-failed', 'quit-blocked']);

// ---------------------------------------------------------------------------------------------
// The reducer

/** The next state after an action. Pure and total: an action that does not apply is ignored. */
export function reducer(state: State, action: Action): State {
	// Nothing shows below the minimum size: a key must not decide a row the reviewer cannot see.
	if (state.layout.kind === 'too-small' && !tooSmallActions.has(action.type)) return state;
	switch (action.type) {
		case 'cursor-down': {
			return moveTo(state, state.cursor + 1);
		}

		case 'cursor-up': {
			return moveTo(state, state.cursor - 1);
		}

		case 'page-down': {
			const step = pageRows(state);
			return moveTo({...state, top: state.top + step}, state.cursor + step);
		}

		case 'page-up': {
			const step = pageRows(state);
			return moveTo({...state, top: Math.max(0, state.top - step)}, state.cursor - step);
		}

		case 'first': {
			return moveTo(state, 0);
		}

		case 'last': {
			return moveTo(state, state.visible.length - 1);
		}

		case 'next-undecided': {
			return findUndecided(state, 1);
		}

		case 'previous-undecided': {
			return findUndecided(state, -1);
		}

		case 'next-check': {
			return findCheck(state);
		}

		case 'cycle-filter': {
			const filter = filters[(filters.indexOf(state.filter) + 1) % filters.length]!;
			return refilter({...state, filter, status: undefined});
		}

		case 'cycle-severity': {
			// cosmetic (all) → minor → substantive → cosmetic
			const index = severities.indexOf(state.minSeverity);
			const minSeverity = severities[(index + severities.length - 1) % severities.length]!;
			return refilter({...state, minSeverity, status: undefined});
		}

		case 'toggle-expand': {
			return settle({...state, expanded: !state.expanded});
		}

		case 'search-start': {
			return openPrompt(state, 'search', '');
		}

		case 'decide-a': {
			return decide(state, 'a');
		}

		case 'decide-b': {
			return decide(state, 'b');
		}

		case 'decide-not-error': {
			return decide(state, 'not-error');
		}

		case 'edit-start': {
			const row = selectedRow(state);
			if (row === undefined) return state;
			const existing = decisionFor(state, row);
			const item = state.data.comparison.rows[row]!;
			// One line to edit: line breaks and the tab before the page become spaces.
			const printed = item.a ?? item.b;
			// The reading as one line (the corrected contents page puts the printing's own indent
			// and leader back).
			const prefill = existing?.text ?? (printed ? itemLine(printed) : '');
			return openPrompt(state, 'edit', prefill);
		}

		case 'note-start': {
			const row = selectedRow(state);
			if (row === undefined) return state;
			return openPrompt(state, 'note', decisionFor(state, row)?.note ?? '');
		}

		case 'undo': {
			return undo(state);
		}

		case 'accept-suggestions': {
			return acceptSuggestions(state);
		}

		case 'cycle-accept-level': {
			const acceptAbove = acceptLevels[(acceptLevels.indexOf(state.acceptAbove as (typeof acceptLevels)[number]) + 1) % acceptLevels.length]!;
			const waiting = acceptableRows(state, acceptAbove).length;
			return {...state, acceptAbove, status: {kind: 'info', message: `y now accepts suggestions at ${acceptAbove.toFixed(2)} or above: ${waiting} undecided row${waiting === 1 ? '' : 's'}.`}};
		}

		case 'orphans-open': {
			const count = orphanDecisions(state).length;
			if (count === 0) return {...state, status: {kind: 'info', message: 'Every saved decision matches a row.'}};
			return settle({...state, mode: 'orphans', status: undefined});
		}

		case 'orphans-close': {
			return settle({...state, mode: 'browse'});
		}

		case 'export-start': {
			if (state.formats.length === 0) return {...state, status: {kind: 'error', message: 'No export formats are available.'}};
			return settle({...state, mode: 'export', status: undefined});
		}

		case 'export-next': {
			return {...state, exportChoice: (state.exportChoice + 1) % Math.max(1, state.formats.length)};
		}

		case 'export-previous': {
			const count = Math.max(1, state.formats.length);
			return {...state, exportChoice: (state.exportChoice + count - 1) % count};
		}

		case 'export-submit': {
			const format = state.formats[state.exportChoice];
			if (format === undefined) return settle({...state, mode: 'browse'});
			return settle({
				...state,
				mode: 'browse',
				exportRequest: {id: (state.exportRequest?.id ?? 0) + 1, format},
				status: {kind: 'info', message: `Writing the ${format} report…`},
			});
		}

		case 'export-cancel': {
			return settle({...state, mode: 'browse'});
		}

		case 'export-done': {
			return {...state, status: {kind: 'info', message: `Wrote the ${action.format} report to ${action.path}`}};
		}

		case 'export-failed': {
			return {...state, status: {kind: 'error', message: action.message}};
		}

		case 'help-toggle': {
			return {...state, mode: state.mode === 'help' ? 'browse' : 'help', helpTop: 0};
		}

		case 'help-down':
		case 'help-up': {
			const most = Math.max(0, helpLines(state.size.columns).length - helpHeight(state.size.rows));
			const helpTop = Math.min(most, Math.max(0, state.helpTop + (action.type === 'help-down' ? 1 : -1)));
			return {...state, helpTop};
		}

		case 'help-close': {
			return {...state, mode: 'browse'};
		}

		case 'quit': {
			// Asked already: quit, and lose what could not be saved.
			if (state.mode === 'confirm-quit') return settle({...state, mode: 'browse', quitting: true, discarding: true});
			// Decisions that a failed save left unsaved would be lost: ask first.
			if (hasLostSaves(state)) return settle({...state, mode: 'confirm-quit', status: undefined});
			return {...state, quitting: true};
		}

		case 'quit-blocked': {
			// The last saves failed while quitting: ask, as `q` does when it knows.
			return settle({...state, quitting: false, mode: 'confirm-quit', status: undefined});
		}

		case 'confirm-quit-cancel': {
			return settle({...state, mode: 'browse'});
		}

		case 'save-as-start': {
			return openPrompt(state, 'save-as', state.decisionsFile);
		}

		case 'prompt-insert':
		case 'prompt-backspace':
		case 'prompt-left':
		case 'prompt-right':
		case 'prompt-home':
		case 'prompt-end':
		case 'prompt-clear': {
			if (state.mode !== 'search' && state.mode !== 'edit' && state.mode !== 'note' && state.mode !== 'save-as') return state;
			const prompt = editPrompt(state, action);
			const next = {...state, prompt};
			// Search as you type, from where the search began (incremental, as in less and vim).
			return state.mode === 'search' ? {...search(next, prompt.value, state.searchOrigin), mode: 'search'} : next;
		}

		case 'prompt-submit': {
			return submitPrompt(state);
		}

		case 'prompt-cancel': {
			if (state.mode === 'search') return {...moveTo(state, state.searchOrigin), mode: 'browse'};
			return {...state, mode: 'browse'};
		}

		case 'resize': {
			if (action.size.columns === state.size.columns && action.size.rows === state.size.rows) return state;
			return settle({...state, size: action.size});
		}

		case 'save-done': {
			return markSaved(state, action.revision);
		}

		case 'save-failed': {
			return state.saveError === action.message ? state : settle({...state, saveError: action.message});
		}

		case 'save-as-done': {
			const saved = markSaved(state, action.revision);
			const count = state.decisions.size;
			return {
				...saved,
				decisionsFile: action.path,
				status: {kind: 'info', message: `Saved ${count} decision${count === 1 ? '' : 's'} to ${action.path}; the next ones are saved there too.`},
			};
		}

		case 'save-as-failed': {
			return {...state, status: {kind: 'error', message: action.message}};
		}

		default: {
			return assertNever(action);
		}
	}
}

/** The decisions to write to the sidecar file: every one, orphans included, in file order. */
export function decisionList(state: State): Decision[] {
	return [...state.decisions.values()];
}

