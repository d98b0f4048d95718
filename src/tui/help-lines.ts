/**
 * The help screen's text, generated from the key table: groups of `keys  what they do`, in one
 * column, or two on wide terminals. Pure, so the reducer can bound scrolling by its length.
 */
import {keyGroups, keyLabelsOf, type KeyGroup} from './keymap.js';

/** One line of the help screen. */
export type HelpLine = {readonly kind: 'group' | 'binding' | 'blank'; readonly text: string};

const groupTitles: Readonly<Record<KeyGroup, string>> = {
	Move: 'Move',
	Show: 'Show',
	Decide: 'Decide on the selected row',
	Report: 'Report and quit',
	Typing: 'While typing (search, correction, note, file name)',
	'Export menu': 'In the export menu',
	'Orphaned decisions': 'In the list of orphaned decisions',
	Unsaved: 'On quitting with decisions not saved',
	Help: 'In this help',
	'Too small': 'While the terminal is too small',
};

/** `text` in lines of at most `width` characters, broken between words (a longer word is cut with `…`). */
function wrapWords(text: string, width: number): string[] {
	const room = Math.max(8, width);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const fitted = [...word].length > room ? `${[...word].slice(0, room - 1).join('')}…` : word;
		if (line !== '' && [...line].length + 1 + [...fitted].length > room) {
			lines.push(line);
			line = fitted;
		} else {
			line = line === '' ? fitted : `${line} ${fitted}`;
		}
	}

	lines.push(line);
	return lines;
}

function columnLines(width: number): HelpLine[][] {
	const blocks: HelpLine[][] = [];
	for (const {group, bindings} of keyGroups()) {
		const block: HelpLine[] = [{kind: 'group', text: groupTitles[group]}];
		for (const binding of bindings) {
			const keys = keyLabelsOf(binding.keys).join(' ');
			const lead = `  ${keys.padEnd(13)} `;
			// A description too long for the column goes on under itself, never cut off.
			for (const [index, part] of wrapWords(binding.help, width - [...lead].length).entries()) {
				block.push({kind: 'binding', text: (index === 0 ? lead : ' '.repeat([...lead].length)) + part});
			}
		}

		block.push({kind: 'blank', text: ''});
		blocks.push(block);
	}

	return blocks;
}

/** Help rows for a terminal width: each row holds one or two columns of lines. */
export function helpLines(columns: number): ReadonlyArray<readonly HelpLine[]> {
	if (columns < 110)
		return columnLines(columns - 2)
			.flat()
			.map((line) => [line]);
	const half = Math.floor((columns - 4) / 2);
	const blocks = columnLines(half - 2);
	const total = blocks.reduce((sum, block) => sum + block.length, 0);
	// Split at the block boundary nearest the middle.
	let left: HelpLine[] = [];
	let index = 0;
	while (index < blocks.length && left.length + blocks[index]!.length <= Math.ceil(total / 2) + 2) left = [...left, ...blocks[index++]!];
	const right = blocks.slice(index).flat();
	const rows: HelpLine[][] = [];
	for (let line = 0; line < Math.max(left.length, right.length); line++) {
		rows.push([left[line] ?? {kind: 'blank', text: ''}, right[line] ?? {kind: 'blank', text: ''}]);
	}

	return rows;
}

/** Lines the help screen has room for: everything below the header, less its title and the footer. */
export function helpHeight(rows: number): number {
	return Math.max(1, rows - 1 - 2 - 1 - 1);
}
