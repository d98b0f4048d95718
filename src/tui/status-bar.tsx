import {Box, Text} from 'ink';
import {isPromptMode, keyFor, keyLabel} from './keymap.js';
import type {State} from './state.js';
import {decisionCount, saveAlertLines, saveAlertText} from './save-alert.js';
import {paint, type Theme} from './theme.js';

/** Props of `StatusBar`. */
export type StatusBarProps = {readonly state: State; readonly theme: Theme};

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
export function StatusBar({state, theme}: StatusBarProps) {
	if (isPromptMode(state.mode)) {
		const label = promptLabels[state.mode];
		const hints = `  ${keyLabel('return')} accept · ${keyLabel('escape')} cancel`;
		const {before, at, after} = promptWindow(state.prompt.value, state.prompt.caret, state.size.columns - label.length - hints.length - 2);
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

	if (state.mode === 'help') {
		return (
			<Text wrap="truncate" dimColor>
				{keyFor('help-down', 'help')}/{keyFor('help-up', 'help')} scroll · {keyFor('help-close', 'help')} or Esc closes help
			</Text>
		);
	}

	if (state.mode === 'confirm-quit') {
		const count = state.unsaved.size;
		return (
			<Text wrap="truncate" bold {...paint(theme, 'red')}>
				{`⚠ Quit and lose ${decisionCount(count)} not saved? ${keyFor('quit', 'confirm-quit')} quits · ${keyFor('save-as-start', 'confirm-quit')} saves ${count === 1 ? 'it' : 'them'} to another file · ${keyFor('confirm-quit-cancel', 'confirm-quit')} goes back`}
			</Text>
		);
	}

	if (state.status?.kind === 'error') {
		return (
			<Text wrap="truncate" {...paint(theme, 'red')}>
				⚠ {state.status.message}
			</Text>
		);
	}

	if (state.status) {
		return (
			<Text wrap="truncate" {...paint(theme, 'cyan')}>
				{state.status.message}
			</Text>
		);
	}

	return (
		<Text wrap="truncate" dimColor>
			{browseHints()}
		</Text>
	);
}

/**
 * The line a failed save keeps on screen until a save succeeds (two where one does not hold it):
 * how many decisions wait (their rows are marked `*`), which file and why, and the ways out.
 */
export function SaveAlert({state, theme}: StatusBarProps) {
	if (state.saveError === undefined) return null;
	const lines = saveAlertLines(state.saveError, state.unsaved.size, state.size.columns);
	return (
		<Box height={lines} overflow="hidden">
			<Text wrap="wrap" bold {...paint(theme, 'red')}>
				{saveAlertText(state.saveError, state.unsaved.size)}
			</Text>
		</Box>
	);
}
