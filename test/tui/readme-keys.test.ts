import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {keymapMarkdown} from '../../src/tui/keymap.js';

it('the README key table is the one generated from the key table', () => {
	const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
	const table = /<!-- keys:start -->\n([\s\S]*?)<!-- keys:end -->/.exec(readme)?.[1];
	expect(table?.trim()).toBe(keymapMarkdown().trim());
});
