import {describe, expect, it} from 'vitest';
import {describeStyle, judgeStyle, leaderStyle, pageEnding, tallyStyle, titleEnding} from '../../src/core/house-style.js';
import {parseItems} from '../../src/core/parse.js';
import type {TocItem} from '../../src/core/types.js';

/** The entries of a contents page, one a line. */
const itemsOf = (lines: readonly string[]): TocItem[] => parseItems(lines, 1, lines.length, {frontMatter: false});

/** Ten entries in one style, then the entry under test. */
const printing = (entry: string, style = (k: number) => `Chapter number ${k}\t${10 + k}`): TocItem[] =>
	itemsOf([...Array.from({length: 10}, (_, k) => style(k)), entry]);

/** Judge the last entries of two printings on a trait, with both printings' other entries as witnesses. */
function judge(a: TocItem[], b: TocItem[], trait = titleEnding, threshold = 0.85) {
	return judgeStyle(a.at(-1)!, b.at(-1)!, [tallyStyle(a, trait), tallyStyle(b, trait)], trait, {threshold, minimum: 8});
}

describe('judgeStyle', () => {
	it('takes the reading without a full stop when the other entries end without one', () => {
		const verdict = judge(printing('The rocks\t40'), printing('The rocks.\t40'));
		expect(verdict).toEqual({reading: 'a', value: '', following: 20, comparable: 20});
		expect(describeStyle(verdict!, titleEnding)).toBe('20 of 20 entries end without a full stop');
	});

	it('takes the reading with the full stop when the other entries end with one', () => {
		const stops = (k: number) => `Chapter number ${k}.\t${10 + k}`;
		const verdict = judge(printing('The rocks\t40', stops), printing('The rocks.\t40', stops));
		expect(verdict?.reading).toBe('b');
		expect(describeStyle(verdict!, titleEnding)).toBe('20 of 20 entries end with a full stop');
	});

	it('says nothing when the style is mixed, or the readings end alike', () => {
		const mixed = (k: number) => `Chapter number ${k}${k % 3 === 0 ? '.' : ''}\t${10 + k}`;
		expect(judge(printing('The rocks\t40', mixed), printing('The rocks.\t40', mixed))).toBeUndefined();
		expect(judge(printing('The rocks.\t40'), printing('The rocks.\t40'))).toBeUndefined();
	});

	it('asks each printing: a style one printing keeps and the other does not settles nothing', () => {
		const stops = (k: number) => `Chapter number ${k}.\t${10 + k}`;
		expect(judge(printing('The rocks\t40'), printing('The rocks.\t40', stops))).toBeUndefined();
	});

	it('needs enough witnesses', () => {
		const few = (entry: string) => itemsOf(['Preface\t1', 'Notes\t2', entry]);
		expect(judge(few('The rocks\t40'), few('The rocks.\t40'))).toBeUndefined();
	});

	it('weighs a heading without a page against the other headings only', () => {
		// Entries end with a stop, headings without: `STUDIES OF MUSIC.` breaks the headings' style.
		const words = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN'];
		const book = (heading: string) =>
			itemsOf([...words.flatMap((word, k) => [`STUDIES OF MUSIC ${word}`, `Chapter number ${k}.\t${10 + k}`]), heading, 'The last chapter.\t40']);
		const [a, b] = [book('STUDIES OF MUSIC.'), book('STUDIES OF MUSIC')];
		const heading = (items: TocItem[]) => items.find((item) => item.title.replace(/\.$/u, '') === 'STUDIES OF MUSIC')!;
		const verdict = judgeStyle(heading(a), heading(b), [tallyStyle(a, titleEnding), tallyStyle(b, titleEnding)], titleEnding, {threshold: 0.85, minimum: 8});
		expect(verdict?.reading).toBe('b');
		expect(describeStyle(verdict!, titleEnding)).toBe('20 of 20 entries without a page end without a full stop');
	});

	it('finds the entry that lost its leader dots', () => {
		const dots = (k: number) => `Chapter number ${k} . . . . ${10 + k}`;
		const verdict = judge(printing('The rocks . . . . 40', dots), printing('The rocks    40', dots), leaderStyle);
		expect(verdict?.reading).toBe('a');
		expect(describeStyle(verdict!, leaderStyle)).toBe('20 of 20 entries have leader dots before the page');
	});

	it('finds the page with a stray mark after it', () => {
		const verdict = judge(printing('The rocks\t116.'), printing('The rocks\t116'), pageEnding);
		expect(verdict?.reading).toBe('b');
		expect(describeStyle(verdict!, pageEnding)).toBe('20 of 20 entries have nothing after the page');
	});
});
