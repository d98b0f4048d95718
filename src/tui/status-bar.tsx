import {Box, Text} from 'ink';
import type {Mode} from './actions.js';
import {isPromptMode, keyFor, keysFor} from './keymap.js';
import type {PromptState} from './prompt-state.js';
import {decisionCount, saveAlertLines, saveAlertText} from './save-alert.js';
import type {Status} from './state-types.js';
import {paint, type Theme} from './theme.js';

/** Props of `StatusBar`: the mode picks the line, an open prompt or a message fills it. */
export type StatusBarProps = {
	readonly mode: Mode;
	/** The prompt's value and caret, drawn while a mode types into it. */
	readonly prompt: PromptState;
	/** The last message, or error. */
	readonly status: Status | undefined;
	/** Decisions not saved, counted in the question asked on quitting without them. */
	readonly unsaved: number;
	/** The terminal's width. */
	readonly columns: number;
	readonly theme: Theme;
};

const promptLabels = {search: '/', edit: 'Correct reading: ', note: 'Note: ', 'save-as': 'Save the decisions to: '} as const;

/** Footer hints for browsing, generated from the key table. */
export function browseHints(): string {
	const hint = (keys: string, words: string) => `${keys} ${words}`;
	// Help and quit first: a narrow terminal cuts the line from the right.
	return [
		hint(keyFor('help-toggle'), 'help'),
		hint(keyFor('quit'), 'quit'),
		hint(`${keyFor('cursor-down')}${keyFor('cursor-up')}`, 'move'),
		hint(keyFor('next-undecided'), 'next undecided'),
		hint([keyFor('decide-a'), keyFor('decide-b'), keyFor('edit-start'), keyFor('decide-not-error')].join('/'), 'decide'),
		hint(keyFor('accept-suggestions'), 'accept suggestions'),
		hint(keyFor('note-start'), 'note'),
		hint(keyFor('undo'), 'undo'),
		hint(keyFor('cycle-filter'), 'filter'),
		hint(keyFor('cycle-severity'), 'severity'),
		hint(keyFor('search-start'), 'search'),
		hint(keyFor('export-start'), 'export'),
	].join('  ');
}

/** The part of a prompt's value that fits in `width`, around the caret, with `…` where cut. */
export function promptWindow(value: string, caret: number, width: number): {before: string; at: string; after: string} {
	let from = 0;
	let to = value.length;
	if (to > width) {
		from = Math.max(0, Math.min(caret - Math.floor(width * 0.7), value.length - width));
		to = Math.min(value.length, from + width);
	}

	const head = from > 0 ? '…' : '';
	const tail = to < value.length ? '…' : '';
	return {
		before: head + value.slice(from + head.length, caret),
		at: value.slice(caret, caret + 1),
		after: value.slice(caret + 1, to - tail.length) + tail,
	};
}

/** The bottom line: an open prompt, else an error or message, else key hints. */
export function StatusBar({mode, prompt, status, unsaved, columns, theme}: StatusBarProps) {
	if (isPromptMode(mode)) {
		const label = promptLabels[mode];
		const hints = `  ${keyFor('prompt-submit', mode)} accept · ${keyFor('prompt-cancel', mode)} cancel`;
		const {before, at, after} = promptWindow(prompt.value, prompt.caret, columns - label.length - hints.length - 2);
		return (
			<Text wrap="truncate">
				<Text bold {...paint(theme, 'cyan')}>
					{label}
				</Text>
				{before}
				{theme.color ? <Text inverse>{at || ' '}</Text> : <Text>{`▏${at}`}</Text>}
				{after}
				<Text dimColor>{hints}</Text>
			</Text>
		);
	}

	if (mode === 'help') {
		return (
			<Text wrap="truncate" dimColor>
				{keyFor('help-down', 'help')}/{keyFor('help-up', 'help')} scroll · {keysFor('help-close', 'help').slice(0, 2).join(' or ')} closes help
			</Text>
		);
	}

	if (mode === 'confirm-quit') {
		const ways = [
			`${keyFor('quit', 'confirm-quit')} quits`,
			`${keyFor('save-as-start', 'confirm-quit')} saves ${unsaved === 1 ? 'it' : 'them'} to another file`,
			`${keyFor('confirm-quit-cancel', 'confirm-quit')} goes back`,
		];
		return (
			<Text wrap="truncate" bold {...paint(theme, 'red')}>
				{`⚠ Quit and lose ${decisionCount(unsaved)} not saved? ${ways.join(' · ')}`}
			</Text>
		);
	}

	if (status?.kind === 'error') {
		return (
			<Text wrap="truncate" {...paint(theme, 'red')}>
				⚠ {status.message}
			</Text>
		);
	}

	if (status) {
		return (
			<Text wrap="truncate" {...paint(theme, 'cyan')}>
				{status.message}
			</Text>
		);
	}

	return (
		<Text wrap="truncate" dimColor>
			{browseHints()}
		</Text>
	);
}

/** Props of `SaveAlert`: why the last save failed, and how many decisions wait. */
export type SaveAlertProps = {
	/** Why the last save failed (the file and the reason); undefined once a save succeeds. */
	readonly saveError: string | undefined;
	/** Decisions not saved. */
	readonly unsaved: number;
	/** The terminal's width. */
	readonly columns: number;
	readonly theme: Theme;
};

/**
 * The line a failed save keeps on screen until a save succeeds (two where one does not hold it):
 * how many decisions wait (their rows are marked `*`), which file and why, and the ways out.
 */
export function SaveAlert({saveError, unsaved, columns, theme}: SaveAlertProps) {
	if (saveError === undefined) return null;
	return (
		<Box height={saveAlertLines(saveError, unsaved, columns)} overflow="hidden">
			<Text wrap="wrap" bold {...paint(theme, 'red')}>
				{saveAlertText(saveError, unsaved)}
			</Text>
		</Box>
	);
}
