/** The screen's widgets reduce their own slices (#14): the prompt, the export menu and the help. */
import {describe, expect, it} from 'vitest';
import {exportMenuOf, reduceExportMenu} from '../../src/tui/export-menu-state.js';
import {helpHeight, helpLines} from '../../src/tui/help-lines.js';
import {reduceHelp} from '../../src/tui/help-state.js';
import {promptOf, reducePrompt, type PromptAction} from '../../src/tui/prompt-state.js';

const typing = (value: string, ...actions: PromptAction[]) => actions.reduce(reducePrompt, promptOf(value));

describe('the prompt', () => {
	it.each([
		['types at the caret', typing('JULY', {type: 'prompt-left'}, {type: 'prompt-insert', text: 'x'}), {value: 'JULxY', caret: 4}],
		['takes a pasted line break as a space', typing('a', {type: 'prompt-insert', text: 'b\r\nc'}), {value: 'ab c', caret: 4}],
		['deletes a whole astral character', typing('a😀', {type: 'prompt-backspace'}), {value: 'a', caret: 1}],
		['does nothing at the start', typing('ab', {type: 'prompt-home'}, {type: 'prompt-backspace'}), {value: 'ab', caret: 0}],
		['clears', typing('ab', {type: 'prompt-clear'}), {value: '', caret: 0}],
		['keeps the caret within the value', typing('ab', {type: 'prompt-right'}, {type: 'prompt-end'}, {type: 'prompt-right'}), {value: 'ab', caret: 2}],
	])('%s', (_name, prompt, expected) => expect(prompt).toEqual(expected));
});

describe('the export menu', () => {
	it('moves round its formats and asks for the highlighted one, a new request each time', () => {
		const menu = reduceExportMenu(exportMenuOf(['text', 'json', 'csv']), {type: 'export-previous'});
		expect(menu.choice).toBe(2);
		const asked = reduceExportMenu(reduceExportMenu(menu, {type: 'export-next'}), {type: 'export-submit'});
		expect(asked.request).toEqual({id: 1, format: 'text'});
		expect(reduceExportMenu(asked, {type: 'export-submit'}).request).toEqual({id: 2, format: 'text'});
	});

	it('asks for nothing when it offers nothing', () => {
		const empty = exportMenuOf([]);
		expect(reduceExportMenu(empty, {type: 'export-submit'})).toBe(empty);
	});
});

describe('the help', () => {
	it('scrolls within its lines on a short terminal, and not at all on a tall one', () => {
		const short = {columns: 80, rows: 20};
		const most = helpLines(short.columns).length - helpHeight(short.rows);
		expect(most).toBeGreaterThan(0);
		let help = {top: 0};
		for (let step = 0; step < most + 5; step++) help = reduceHelp(help, {type: 'help-down'}, most);
		expect(help.top).toBe(most);
		expect(reduceHelp({top: 0}, {type: 'help-up'}, most).top).toBe(0);
		const tall = {columns: 200, rows: 200};
		expect(reduceHelp({top: 0}, {type: 'help-down'}, helpLines(tall.columns).length - helpHeight(tall.rows)).top).toBe(0);
	});
});
