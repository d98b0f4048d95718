/**
 * The key table: the single source of truth for what every key does. The input handler, the
 * help overlay (`?`), the footer hints and the README's key table are all generated from it.
 */
import type {Key} from 'ink';
import type {ActionType, Action, KeyMode, PromptMode} from './actions.js';

/**
 * Actions a key can trigger on its own (the ones that carry no payload, nor report an effect's
 * outcome); `decide-printing` takes its printing from the key (`3` is the third, C).
 */
export type KeyAction = Exclude<
	ActionType,
	'prompt-insert' | 'resize' | 'export-done' | 'export-failed' | 'save-done' | 'save-failed' | 'save-as-done' | 'save-as-failed' | 'quit-blocked'
>;

/** How the help screen groups bindings. */
export type KeyGroup = 'Move' | 'Show' | 'Decide' | 'Report' | 'Typing' | 'Export menu' | 'Orphaned decisions' | 'Unsaved' | 'Help' | 'Too small';

/** One row of the key table. */
export type KeyBinding = {
	/** Key names as `keyName()` produces them: `'j'`, `'down'`, `'pagedown'`, `'ctrl+c'`, `'G'`. */
	readonly keys: readonly string[];
	readonly action: KeyAction;
	/** What the key does, for the help screen and the README. */
	readonly help: string;
	/** The modes the binding is active in. */
	readonly modes: readonly KeyMode[];
	readonly group: KeyGroup;
};

const prompting = ['search', 'edit', 'note', 'save-as'] as const satisfies readonly PromptMode[];
const everywhere = ['browse', 'help', 'search', 'edit', 'note', 'save-as', 'export', 'orphans'] as const satisfies readonly KeyMode[];

/** Every key binding of the review screen. */
export const keymap = [
	{keys: ['down', 'j'], action: 'cursor-down', help: 'next row', modes: ['browse'], group: 'Move'},
	{keys: ['up', 'k'], action: 'cursor-up', help: 'previous row', modes: ['browse'], group: 'Move'},
	{keys: ['pagedown', 'ctrl+f'], action: 'page-down', help: 'next page', modes: ['browse'], group: 'Move'},
	{keys: ['pageup', 'ctrl+b'], action: 'page-up', help: 'previous page', modes: ['browse'], group: 'Move'},
	{keys: ['g', 'home'], action: 'first', help: 'first row', modes: ['browse'], group: 'Move'},
	{keys: ['G', 'end'], action: 'last', help: 'last row', modes: ['browse'], group: 'Move'},
	{keys: ['n'], action: 'next-undecided', help: 'next undecided difference', modes: ['browse'], group: 'Move'},
	{keys: ['N'], action: 'previous-undecided', help: 'previous undecided difference', modes: ['browse'], group: 'Move'},
	{keys: ['!'], action: 'next-check', help: 'next row with a check (⚑)', modes: ['browse'], group: 'Move'},
	{keys: ['/'], action: 'search-start', help: 'search titles (Enter on an empty search repeats the last)', modes: ['browse'], group: 'Move'},
	{keys: ['tab'], action: 'cycle-filter', help: 'show all rows / differences and checks only / undecided only', modes: ['browse'], group: 'Show'},
	{keys: ['s'], action: 'cycle-severity', help: 'lowest severity shown: cosmetic / minor / substantive', modes: ['browse'], group: 'Show'},
	{keys: ['return'], action: 'toggle-expand', help: 'fold or unfold long readings in the detail pane', modes: ['browse'], group: 'Show'},
	{keys: ['o'], action: 'orphans-open', help: 'list the saved decisions that match no row (after the input changed)', modes: ['browse'], group: 'Show'},
	{keys: ['a'], action: 'decide-a', help: 'printing A is right', modes: ['browse'], group: 'Decide'},
	{keys: ['b'], action: 'decide-b', help: 'printing B is right', modes: ['browse'], group: 'Decide'},
	{
		keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
		action: 'decide-printing',
		help: 'the printing of that number is right: 1 is A, 2 is B, 3 is C …',
		modes: ['browse'],
		group: 'Decide',
	},
	{keys: ['e'], action: 'edit-start', help: 'type the correct reading', modes: ['browse'], group: 'Decide'},
	{keys: ['x'], action: 'decide-not-error', help: 'not an error', modes: ['browse'], group: 'Decide'},
	{keys: ['c'], action: 'note-start', help: 'add or change a note', modes: ['browse'], group: 'Decide'},
	{
		keys: ['y'],
		action: 'accept-suggestions',
		help: 'accept every suggestion at the chosen confidence or above, on undecided rows (one undo step)',
		modes: ['browse'],
		group: 'Decide',
	},
	{keys: ['Y'], action: 'cycle-accept-level', help: 'the confidence y accepts at: 0.90 / 0.80 / 0.70 / 0.60', modes: ['browse'], group: 'Decide'},
	{keys: ['u'], action: 'undo', help: 'undo the last decision, or the suggestions y accepted (many levels)', modes: ['browse'], group: 'Decide'},
	{keys: ['E'], action: 'export-start', help: 'export a report', modes: ['browse'], group: 'Report'},
	{
		keys: ['w'],
		action: 'save-as-start',
		help: 'save the decisions to another file, and the next ones there too (when a save fails)',
		modes: ['browse'],
		group: 'Report',
	},
	{keys: ['?'], action: 'help-toggle', help: 'show or hide this help', modes: ['browse'], group: 'Report'},
	{keys: ['q'], action: 'quit', help: 'quit (decisions are already saved; asks first if a save failed)', modes: ['browse'], group: 'Report'},
	{keys: ['ctrl+c'], action: 'quit', help: 'quit from anywhere (asks first if a save failed)', modes: everywhere, group: 'Report'},
	{keys: ['return'], action: 'prompt-submit', help: 'accept', modes: prompting, group: 'Typing'},
	{keys: ['escape'], action: 'prompt-cancel', help: 'cancel', modes: prompting, group: 'Typing'},
	{keys: ['backspace'], action: 'prompt-backspace', help: 'delete the character before the caret', modes: prompting, group: 'Typing'},
	{keys: ['left'], action: 'prompt-left', help: 'caret left', modes: prompting, group: 'Typing'},
	{keys: ['right'], action: 'prompt-right', help: 'caret right', modes: prompting, group: 'Typing'},
	{keys: ['home', 'ctrl+a'], action: 'prompt-home', help: 'caret to the start', modes: prompting, group: 'Typing'},
	{keys: ['end', 'ctrl+e'], action: 'prompt-end', help: 'caret to the end', modes: prompting, group: 'Typing'},
	{keys: ['ctrl+u'], action: 'prompt-clear', help: 'clear the line', modes: prompting, group: 'Typing'},
	{keys: ['down', 'j'], action: 'export-next', help: 'next format', modes: ['export'], group: 'Export menu'},
	{keys: ['up', 'k'], action: 'export-previous', help: 'previous format', modes: ['export'], group: 'Export menu'},
	{keys: ['return'], action: 'export-submit', help: 'write the report', modes: ['export'], group: 'Export menu'},
	{keys: ['escape', 'q'], action: 'export-cancel', help: 'close the menu', modes: ['export'], group: 'Export menu'},
	{keys: ['escape', 'q', 'o'], action: 'orphans-close', help: 'close the list', modes: ['orphans'], group: 'Orphaned decisions'},
	{keys: ['q', 'ctrl+c'], action: 'quit', help: 'quit all the same, losing the decisions not saved', modes: ['confirm-quit'], group: 'Unsaved'},
	{keys: ['w'], action: 'save-as-start', help: 'save them to another file', modes: ['confirm-quit'], group: 'Unsaved'},
	{keys: ['escape', 'n'], action: 'confirm-quit-cancel', help: 'go back to the review', modes: ['confirm-quit'], group: 'Unsaved'},
	{keys: ['down', 'j'], action: 'help-down', help: 'scroll down', modes: ['help'], group: 'Help'},
	{keys: ['up', 'k'], action: 'help-up', help: 'scroll up', modes: ['help'], group: 'Help'},
	{keys: ['?', 'escape', 'q'], action: 'help-close', help: 'close help', modes: ['help'], group: 'Help'},
	// Nothing shows below the minimum size: no key may decide a row the reviewer cannot see.
	{keys: ['q', 'ctrl+c'], action: 'quit', help: 'quit (every other key waits for a larger terminal)', modes: ['too-small'], group: 'Too small'},
] as const satisfies readonly KeyBinding[];

/** The name of a key press, as the key table spells it: `'j'`, `'G'`, `'down'`, `'ctrl+c'`. */
export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	// Ink reports the Backspace key of most terminals (DEL, 0x7f) as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	return input;
}

/** No key flags set: the base of a key read from a chunk of input. */
export const plainKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** Escape sequences of the keys the screen uses. */
const sequences: Readonly<Record<string, Partial<Key>>> = {
	'\u001B[A': {upArrow: true},
	'\u001B[B': {downArrow: true},
	'\u001B[C': {rightArrow: true},
	'\u001B[D': {leftArrow: true},
	'\u001B[5~': {pageUp: true},
	'\u001B[6~': {pageDown: true},
	'\u001B[H': {home: true},
	'\u001B[1~': {home: true},
	'\u001B[F': {end: true},
	'\u001B[4~': {end: true},
};

/**
 * Split a chunk of input that holds several keys (`hello` + Enter pasted or typed fast, `nb`)
 * into one key each, as the terminal sent them: characters, Enter, Tab, Backspace, Escape,
 * Ctrl-letters and the escape sequences of arrows and page keys.
 */
export function splitKeys(chunk: string): Array<{readonly input: string; readonly key: Key}> {
	const keys: Array<{input: string; key: Key}> = [];
	for (const [token] of chunk.matchAll(/\u001B\[[\d;]*[A-Za-z~]|\u001B|[\s\S]/gu)) {
		const special = sequences[token];
		if (special) keys.push({input: '', key: {...plainKey, ...special}});
		else if (token === '\r' || token === '\n') keys.push({input: '', key: {...plainKey, return: true}});
		else if (token === '\t') keys.push({input: '', key: {...plainKey, tab: true}});
		else if (token === '\u007F' || token === '\b') keys.push({input: '', key: {...plainKey, backspace: true}});
		else if (token === '\u001B') keys.push({input: '', key: {...plainKey, escape: true}});
		else if (token.length === 1 && token < ' ') keys.push({input: String.fromCharCode(token.charCodeAt(0) + 96), key: {...plainKey, ctrl: true}});
		else keys.push({input: token, key: {...plainKey, shift: token !== token.toLowerCase()}});
	}

	return keys;
}

const lookup = new Map<string, KeyAction>();
for (const binding of keymap as readonly KeyBinding[]) {
	for (const mode of binding.modes) for (const key of binding.keys) lookup.set(`${mode} ${key}`, binding.action);
}

/** Whether typed text goes into a prompt in this mode. */
export function isPromptMode(mode: KeyMode): mode is PromptMode {
	return mode === 'search' || mode === 'edit' || mode === 'note' || mode === 'save-as';
}

/** The action for a key press in a mode, from the key table; typed text in a prompt. */
export function keyToAction(input: string, key: Key, mode: KeyMode): Action | undefined {
	const name = keyName(input, key);
	const action = lookup.get(`${mode} ${name}`);
	// The printing a number key chooses is the key: `1` is A, `3` is C.
	if (action === 'decide-printing') return {type: action, printing: Number(name) - 1};
	// Every other KeyAction names an action without a payload, so `{type}` is a whole action.
	if (action) return {type: action} as Action;
	// Printable text (one key, or a paste) goes into an open prompt.
	if (isPromptMode(mode) && !key.ctrl && !key.meta && input !== '' && !/[\u0000-\u001F\u007F]/.test(input)) {
		return {type: 'prompt-insert', text: input};
	}

	return undefined;
}

const keyLabels: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	return: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	backspace: 'Backspace',
	' ': 'Space',
};

/** How a key name is shown to people: `↓`, `PgDn`, `Ctrl-C`, `G`. */
export function keyLabel(name: string): string {
	if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5).toUpperCase()}`;
	return keyLabels[name] ?? name;
}

/** A binding's keys as shown to people, a run of digits as one range: `↓` `j`; `1`–`9`. */
export function keyLabelsOf(keys: readonly string[]): string[] {
	const digits = keys.every((key) => /^\d$/.test(key)) && keys.length > 2;
	return digits ? [`${keys[0]}–${keys.at(-1)}`] : keys.map((key) => keyLabel(key));
}

/** The key table grouped for the help screen, in table order. */
export function keyGroups(): ReadonlyArray<{readonly group: KeyGroup; readonly bindings: readonly KeyBinding[]}> {
	const groups = new Map<KeyGroup, KeyBinding[]>();
	for (const binding of keymap as readonly KeyBinding[]) {
		const list = groups.get(binding.group) ?? [];
		list.push(binding);
		groups.set(binding.group, list);
	}

	return [...groups].map(([group, bindings]) => ({group, bindings}));
}

/** Every key bound to an action in a mode, as shown to people, in table order: `['?', 'Esc', 'q']`. */
export function keysFor(action: KeyAction, mode: KeyMode = 'browse'): string[] {
	const binding = (keymap as readonly KeyBinding[]).find((entry) => entry.action === action && entry.modes.includes(mode));
	return binding ? binding.keys.map((key) => keyLabel(key)) : [];
}

/** The first key bound to an action in a mode, as shown to people (for footer hints). */
export function keyFor(action: KeyAction, mode: KeyMode = 'browse'): string {
	return keysFor(action, mode)[0] ?? '';
}

const groupTitles: Readonly<Record<KeyGroup, string>> = {
	Move: 'Move',
	Show: 'Show',
	Decide: 'Decide (on the selected row)',
	Report: 'Report and quit',
	Typing: 'While typing a search, a correction, a note or a file name',
	'Export menu': 'In the export menu (`E`)',
	'Orphaned decisions': 'In the list of orphaned decisions (`o`)',
	Unsaved: 'Asked on quitting with decisions a failed save left unsaved',
	Help: 'In the help screen (`?`)',
	'Too small': 'While the terminal is smaller than the screen needs',
};

/**
 * The key table as Markdown, for the README; generated from `keymap` like the help screen.
 *
 * @example
 * | Keys | Does |
 * |---|---|
 * | **Move** | |
 * | `↓` `j` | next row |
 */
export function keymapMarkdown(): string {
	const lines = ['| Keys | Does |', '|---|---|'];
	for (const {group, bindings} of keyGroups()) {
		lines.push(`| **${groupTitles[group]}** | |`);
		for (const binding of bindings) {
			const keys = keyLabelsOf(binding.keys)
				.map((label) => `\`${label.replaceAll('|', '\\|')}\``)
				.join(' ');
			lines.push(`| ${keys} | ${binding.help.replaceAll('|', '\\|')} |`);
		}
	}

	return `${lines.join('\n')}\n`;
}
