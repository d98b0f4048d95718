import {describe, expect, it} from 'vitest';
import {helpLines} from '../../src/tui/help-lines.js';
import {keyGroups} from '../../src/tui/keymap.js';

describe('the help screen lines', () => {
	it.each([60, 80, 120, 200])('show every description whole at %i columns, each line within its column', (columns) => {
		const rows = helpLines(columns);
		const width = rows.some((row) => row.length > 1) ? Math.floor((columns - 4) / 2) - 2 : columns - 2;
		// Column by column, so that a description's continuation follows its first line.
		const lines = [0, 1].flatMap((column) => rows.map((row) => row[column]).filter((line) => line !== undefined));
		for (const line of lines) expect([...line.text].length).toBeLessThanOrEqual(width);
		const words = lines
			.map((line) => line.text.trim())
			.join(' ')
			.replaceAll(/\s+/g, ' ');
		for (const {bindings} of keyGroups()) for (const binding of bindings) expect(words).toContain(binding.help.replaceAll(/\s+/g, ' '));
	});
});
