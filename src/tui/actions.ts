/**
 * What can happen to the review screen (its actions) and the modes keys act in: the vocabulary
 * that the screen's state, its widgets and the key table share, in a file of its own so that
 * none of them imports another back.
 */
import type {DetailAction} from './detail-state.js';
import type {ExportMenuAction} from './export-menu-state.js';
import type {HelpAction} from './help-state.js';
import type {Size} from './layout.js';
import type {ListAction} from './list-state.js';
import type {PromptAction} from './prompt-state.js';

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

/** Everything that can happen to the review screen: the widgets' own actions, and the screen's. */
export type Action =
	| ListAction
	| DetailAction
	| PromptAction
	| ExportMenuAction
	| HelpAction
	| {readonly type: 'next-undecided'}
	| {readonly type: 'previous-undecided'}
	| {readonly type: 'next-check'}
	| {readonly type: 'orphans-open'}
	| {readonly type: 'orphans-close'}
	| {readonly type: 'search-start'}
	| {readonly type: 'decide-a'}
	| {readonly type: 'decide-b'}
	/** Printing `printing` (0 for A, 2 for C …) is right: the keys `1`–`9`. */
	| {readonly type: 'decide-printing'; readonly printing: number}
	| {readonly type: 'decide-not-error'}
	| {readonly type: 'edit-start'}
	| {readonly type: 'note-start'}
	| {readonly type: 'undo'}
	| {readonly type: 'accept-suggestions'}
	| {readonly type: 'cycle-accept-level'}
	| {readonly type: 'export-start'}
	| {readonly type: 'export-cancel'}
	| {readonly type: 'help-toggle'}
	| {readonly type: 'help-close'}
	| {readonly type: 'quit'}
	| {readonly type: 'confirm-quit-cancel'}
	| {readonly type: 'save-as-start'}
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
