import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {parseItems, stripMarkup} from '../../src/core/parse.js';

const head = 'CONTENTS\n\nI. Preface\t1\nII. The Beginning\t5\n';
const size = 200_000;

// Each of these took from tens of seconds to minutes at this size before (issue 6): a pattern or
// an edit distance whose cost grew with the square of the line. Linear now, they take well under a
// second. The test's timeout catches a return to the square, with room for a busy machine; how
// fast they are is for the soak (`npm run soak`), not a timed test.
describe('lines of 200,000 characters', () => {
	it.each([
		['spaces before a page', `A${' '.repeat(size)}12`],
		['unclosed italic tags', '<i>'.repeat(size / 3)],
		['one long word', `I. ${'abcdefghij'.repeat(size / 10)}\t5`],
		['leader dots', '. '.repeat(size / 2)],
		['repeated words', `${'Chapter One '.repeat(size / 12)}\t12`],
		['Roman numerals', 'I. '.repeat(size / 3)],
		// A last word read before a weak page, and dots before a last word (found by the fuzz test).
		['one long word before numbering and a page range', `${'\t'.repeat(300)}${'x'.repeat(size)} II. 16-17`],
		['leader dots before a last word', `I. ${'. '.repeat(size / 2)}x . 12`],
		['tabs before a page', `I. ${'\t'.repeat(size)} 12`],
		['a long number before a full stop', `x ${'1'.repeat(size)}.`],
		['commas before a hyphen', `x ${','.repeat(size)}-`],
		['one letter before a hyphen', `I. ${'Q'.repeat(size)}-`],
		['a heading repeated', `${'CONTENTS '.repeat(size / 9)} 12.`],
	])('compares printings holding %s, a quarter cut from one, in linear time', {timeout: 20_000}, (_name, line) => {
		const changed = `${line.slice(0, line.length / 2)}Z${line.slice((line.length * 3) / 4)}`;
		const result = compare([
			{name: 'a.txt', text: `${head}${line}\nIII. End\t9\n`},
			{name: 'b.txt', text: `${head}${changed}\nIII. End\t9\n`},
		]);
		expect(result.summary.status.same).toBeGreaterThanOrEqual(3);
		expect(result.summary.differing).toBeGreaterThan(0);
	});

	it('reads a digit after a number after a run of spaces in linear time (a page the run of pages decides, #18)', {timeout: 20_000}, () => {
		const lines = ['Preface\t420', `A${' '.repeat(size)}x 425 7`, `B${' '.repeat(size)} 7`, 'Index\t440'];
		expect(parseItems(lines, 1, lines.length).map((item) => item.page)).toEqual(['420', '7', '440']);
	});

	it('reports a change inside a title of thousands of characters as the changed words', () => {
		const title = (middle: string): string => `I. ${'alpha beta '.repeat(300)}${middle} ${'gamma delta '.repeat(300)}\t5`;
		const result = compare([
			{name: 'a.txt', text: `${head}${title('Moscow')}\n`},
			{name: 'b.txt', text: `${head}${title('Moskva')}\n`},
		]);
		expect(result.rows.flatMap((row) => row.differences)).toEqual([
			expect.objectContaining({kind: 'words', severity: 'substantive', field: 'title', a: 'Moscow', b: 'Moskva'}),
		]);
	});

	it('marks an italic run up to its own closing tag, not past a later opening one', () => {
		expect(stripMarkup('<i>x <i>y</i> z')).toEqual({title: '<i>x y z', italics: [{start: 5, end: 6}]});
	});
});
