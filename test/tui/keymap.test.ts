import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyLabelsOf, keymap, keymapMarkdown, keyToAction, plainKey, splitKeys, type KeyBinding} from '../../src/tui/keymap.js';
import {prepareReview} from '../../src/tui/review-data.js';
import {initialState, reducer, type Action} from '../../src/tui/state.js';
import {seedComparison} from './fixtures.js';

const noKey: Key = plainKey;

/** The Ink key event a key name stands for. */
function press(name: string): [string, Key] {
	const special: Record<string, Partial<Key>> = {
		up: {upArrow: true},
		down: {downArrow: true},
		left: {leftArrow: true},
		right: {rightArrow: true},
		pageup: {pageUp: true},
		pagedown: {pageDown: true},
		home: {home: true},
		end: {end: true},
		return: {return: true},
		escape: {escape: true, meta: true},
		tab: {tab: true},
		backspace: {delete: true},
	};
	if (name.startsWith('ctrl+')) return [name.slice(5), {...noKey, ctrl: true}];
	const extra = special[name];
	return extra ? ['', {...noKey, ...extra}] : [name, {...noKey, shift: /[A-Z]/.test(name)}];
}

const bindings = keymap as readonly KeyBinding[];

describe('keymap', () => {
	it.each(bindings.flatMap((binding) => binding.modes.flatMap((mode) => binding.keys.map((key) => [key, mode, binding.action] as const))))(
		'%s in %s mode does %s',
		(key, mode, action) => {
			// A number key chooses the printing it numbers (#16).
			expect(keyToAction(...press(key), mode)).toEqual(action === 'decide-printing' ? {type: action, printing: Number(key) - 1} : {type: action});
		},
	);

	it('binds no key twice in one mode', () => {
		const seen = new Set<string>();
		for (const binding of bindings) {
			for (const mode of binding.modes) {
				for (const key of binding.keys) {
					expect(seen.has(`${mode} ${key}`), `${key} in ${mode}`).toBe(false);
					seen.add(`${mode} ${key}`);
				}
			}
		}
	});

	it('lets the reducer handle every bound action without throwing', () => {
		const state = initialState(prepareReview(seedComparison(), 'vol31.txt'), {formats: ['json']});
		for (const binding of bindings) expect(() => reducer(state, {type: binding.action, printing: 2} as Action)).not.toThrow();
	});

	it('sends typed text to an open prompt and ignores it while browsing', () => {
		expect(keyToAction('é', noKey, 'note')).toEqual({type: 'prompt-insert', text: 'é'});
		expect(keyToAction('pasted text', noKey, 'edit')).toEqual({type: 'prompt-insert', text: 'pasted text'});
		expect(keyToAction('j', noKey, 'search')).toEqual({type: 'prompt-insert', text: 'j'});
		expect(keyToAction('z', noKey, 'browse')).toBeUndefined();
	});

	it('covers the keys the issue asks for', () => {
		const browse = (key: string) => keyToAction(...press(key), 'browse')?.type;
		expect(
			['up', 'down', 'j', 'k', 'pageup', 'pagedown', 'g', 'G', 'n', 'N', 'tab', 's', '/', 'return', 'a', 'b', 'e', 'x', 'c', 'u', 'E', '?', 'q'].map((key) =>
				browse(key),
			),
		).not.toContain(undefined);
	});

	it('renders the key table as Markdown with every binding', () => {
		const markdown = keymapMarkdown();
		expect(markdown.startsWith('| Keys | Does |\n|---|---|\n')).toBe(true);
		for (const binding of bindings) {
			expect(markdown).toContain(
				`| ${keyLabelsOf(binding.keys)
					.map((label) => `\`${label}\``)
					.join(' ')} | ${binding.help} |`,
			);
		}

		expect(markdown).toMatchSnapshot();
	});
});

describe('splitKeys', () => {
	it('splits a chunk into characters, Enter, Backspace, Escape, Ctrl-letters and arrows', () => {
		const keys = splitKeys('ab\r\u007F\u001B\u0015\u001B[Bc');
		expect(
			keys.map(({input, key}) => [
				input,
				Object.entries(key)
					.filter(([, on]) => on)
					.map(([name]) => name)
					.join('+'),
			]),
		).toEqual([
			['a', ''],
			['b', ''],
			['', 'return'],
			['', 'backspace'],
			['', 'escape'],
			['u', 'ctrl'],
			['', 'downArrow'],
			['c', ''],
		]);
	});
});
