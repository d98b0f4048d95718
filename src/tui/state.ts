/**
 * The review screen's state and its reducer, composed from the widgets' slices as ink-ui composes
 * its widgets: the list (`list-state.ts`), the detail pane (`detail-state.ts`), the prompt
 * (`prompt-state.ts`), the export menu (`export-menu-state.ts`) and the help (`help-state.ts`)
 * each reduce their own slice; the decisions (`decision-state.ts`) are the screen's own, and
 * `screen-state.ts` tells the widgets about each other. Pure and total: no I/O, no Ink; effects
 * (saving, export, quitting) are requested through fields that `use-review.ts` acts on.
 */
import {itemLine} from '../core/parse.js';
import {printingLetters, type Decision} from '../core/decisions.js';
import {assertNever} from '../core/types.js';
import type {Action, ActionType, KeyMode, PromptMode} from './actions.js';
import {acceptLevels} from '../core/row-suggestion.js';
import {acceptableRows, acceptSuggestions, changeDecision, decide, markSaved, undo, hasLostSaves} from './decision-state.js';
import {reduceDetail} from './detail-state.js';
import {exportMenuOf, reduceExportMenu} from './export-menu-state.js';
import {helpHeight, helpLines} from './help-lines.js';
import {reduceHelp} from './help-state.js';
import {computeLayout} from './layout.js';
import {listOf, reduceList, refilterList} from './list-state.js';
import {promptOf, reducePrompt} from './prompt-state.js';
import type {ReviewData} from './review-data.js';
import {
	afterMove,
	countDecided,
	decisionFor,
	findCheck,
	findUndecided,
	listContext,
	moveTo,
	orphanDecisions,
	search,
	selectedRow,
	settle,
} from './screen-state.js';
import type {InitialOptions, State} from './state-types.js';

export type {Action, ActionType, KeyMode, Mode, PromptMode} from './actions.js';
export type {Change, InitialOptions, SaveAsRequest, State, Status, Step} from './state-types.js';
export {filters, type Filter} from './list-state.js';
export type {ExportRequest} from './export-menu-state.js';
export {decisionList, hasLostSaves, isUnsaved, verdictLabel} from './decision-state.js';
export {decisionFor, detailContent, isUndecided, orphanDecisions, rowHeight, selectedRow, visibleWindow} from './screen-state.js';

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
		list: listOf(options.filter ?? 'all'),
		detail: {expanded: false},
		size,
		layout: computeLayout(size),
		mode: 'browse',
		prompt: {value: '', caret: 0},
		help: {top: 0},
		menu: exportMenuOf(options.formats ?? []),
		status: options.notice === undefined ? undefined : {kind: 'info', message: options.notice},
		saveError: undefined,
		unsaved: new Map(),
		decisionsFile: options.decisionsFile ?? '',
		saveAsRequest: undefined,
		quitting: false,
		discarding: false,
	};
	return settle({...base, list: refilterList(base.list, listContext(base))});
}

function openPrompt(state: State, mode: PromptMode, value: string): State {
	return {...state, mode, prompt: promptOf(value), list: {...state.list, searchOrigin: state.list.cursor}, status: undefined};
}

function submitPrompt(state: State): State {
	const {value} = state.prompt;
	switch (state.mode) {
		case 'search': {
			const {list} = state;
			const query = value === '' ? list.lastSearch : value;
			if (query === '') return {...state, mode: 'browse'};
			// An empty prompt repeats the last search from the row after the cursor.
			const from = value === '' ? list.cursor + 1 : list.cursor;
			const found = search({...state, list: {...list, searchOrigin: list.cursor}}, query, from);
			return {...found, mode: 'browse', list: {...found.list, lastSearch: query}};
		}

		case 'edit': {
			const text = value.trim();
			if (text === '') return {...state, mode: 'browse', status: {kind: 'info', message: 'An empty reading was not saved.'}};
			return changeDecision(
				state,
				(existing) => ({verdict: 'edit', text, note: existing?.note}),
				(row) => `Row ${row + 1}: corrected reading saved.`,
			);
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

/** What keys do now: the mode, unless the terminal is too small to show the screen. */
export function keyMode(state: State): KeyMode {
	return state.layout.kind === 'too-small' ? 'too-small' : state.mode;
}

/** What still works while the terminal is too small to show the screen: quitting, a resize, and the outcome of what was under way. */
const tooSmallActions: ReadonlySet<ActionType> = new Set([
	'quit',
	'resize',
	'save-done',
	'save-failed',
	'save-as-done',
	'save-as-failed',
	'export-done',
	'export-failed',
	'quit-blocked',
]);

/** The next state after an action. Pure and total: an action that does not apply is ignored. */
export function reducer(state: State, action: Action): State {
	// Nothing shows below the minimum size: a key must not decide a row the reviewer cannot see.
	if (state.layout.kind === 'too-small' && !tooSmallActions.has(action.type)) return state;
	switch (action.type) {
		case 'cursor-down':
		case 'cursor-up':
		case 'page-down':
		case 'page-up':
		case 'first':
		case 'last': {
			// A move leaves an error on the status line, and takes a message away.
			return settle({...state, list: reduceList(state.list, action, listContext(state)), status: afterMove(state.status)});
		}

		case 'cycle-filter':
		case 'cycle-severity': {
			return settle({...state, list: reduceList(state.list, action, listContext(state)), status: undefined});
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

		case 'toggle-expand': {
			return settle({...state, detail: reduceDetail(state.detail, action)});
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

		case 'decide-printing': {
			const verdict = printingLetters[action.printing];
			return verdict === undefined ? state : decide(state, verdict);
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
			const printed = item.a ?? item.b ?? item.others?.find((other) => other !== null);
			if (!printed) return state;
			// The reading as one line (the corrected contents page puts the printing's own indent
			// and leader back).
			const prefill = existing?.text ?? itemLine(printed);
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
			return {
				...state,
				acceptAbove,
				status: {
					kind: 'info',
					message: `y now accepts suggestions at ${acceptAbove.toFixed(2)} or above: ${waiting} undecided row${waiting === 1 ? '' : 's'}.`,
				},
			};
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
			if (state.menu.formats.length === 0) return {...state, status: {kind: 'error', message: 'No export formats are available.'}};
			return settle({...state, mode: 'export', status: undefined});
		}

		case 'export-next':
		case 'export-previous': {
			return {...state, menu: reduceExportMenu(state.menu, action)};
		}

		case 'export-submit': {
			const menu = reduceExportMenu(state.menu, action);
			if (menu.request === state.menu.request) return settle({...state, mode: 'browse'});
			return settle({...state, mode: 'browse', menu, status: {kind: 'info', message: `Writing the ${menu.request!.format} report…`}});
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
			return {...state, mode: state.mode === 'help' ? 'browse' : 'help', help: {top: 0}};
		}

		case 'help-down':
		case 'help-up': {
			return {...state, help: reduceHelp(state.help, action, helpLines(state.size.columns).length - helpHeight(state.size.rows))};
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
			const prompt = reducePrompt(state.prompt, action);
			const next = {...state, prompt};
			// Search as you type, from where the search began (incremental, as in less and vim).
			return state.mode === 'search' ? {...search(next, prompt.value, state.list.searchOrigin), mode: 'search'} : next;
		}

		case 'prompt-submit': {
			return submitPrompt(state);
		}

		case 'prompt-cancel': {
			if (state.mode === 'search') return {...moveTo(state, state.list.searchOrigin), mode: 'browse'};
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
