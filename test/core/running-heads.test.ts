import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {findRunningHeads} from '../../src/core/running-heads.js';

const titlePage = ['GUERNSEY FOLK LORE', '', 'BY EDGAR MACCULLOCH', '', 'CONTENTS', ''];
const entries = (from: number, count: number) =>
	Array.from({length: count}, (_, k) => `Chapter ${from + k}. Of Fairies and Witches, Part ${from + k}    ${10 + (from + k) * 7}`);

describe('running heads of the book’s title (#12)', () => {
	it('finds the book’s short title printed with the folio of each contents page', () => {
		const lines = [...titlePage, ...entries(1, 5), '', '8 GUERNSEY FOLK LORE', '', ...entries(6, 5), '', 'GUERNSEY FOLK LORE 9', '', ...entries(11, 3)];
		expect([...findRunningHeads([lines])[0]!]).toEqual([13, 21]);
	});

	it('finds them across two files, one head in each', () => {
		const a = [...titlePage, ...entries(1, 5), '', 'vii GUERNSEY FOLK LORE', '', ...entries(6, 3)];
		const b = [...titlePage, ...entries(1, 3), '', 'vii GUERNSEY FOLK LORE', '', ...entries(4, 5)];
		expect(findRunningHeads([a, b]).map((set) => [...set])).toEqual([[13], [11]]);
	});

	it.each([
		['an entry that recurs in each volume with nearby pages', ['Preface 5', 'Introduction 7', 'Chapter One 9', 'Preface 5', 'Introduction 7', 'Chapter One 9']],
		['an entry that recurs with pages far apart', [...titlePage, 'Notes 45', 'Chapter 1 50', 'Notes 112']],
		[
			'the same entry in two printings of a title page that names it',
			['THE PREFACE', '', 'CONTENTS', 'The Preface 13', 'The End 20', '', 'THE PREFACE', '', 'CONTENTS', 'The Preface 13', 'The End 20'],
		],
	])('takes no line of %s for a running head', (_name, lines) => {
		expect([...findRunningHeads([lines])[0]!]).toEqual([]);
	});

	it('leaves no row for the running heads of a printing broken over pages', () => {
		const a = [...titlePage, ...entries(1, 5), '', '8 GUERNSEY FOLK LORE', '', ...entries(6, 5)].join('\n');
		const b = [...titlePage, ...entries(1, 3), '', '8 GUERNSEY FOLK LORE', '', ...entries(4, 4), '', '9 GUERNSEY FOLK LORE', '', ...entries(8, 3)].join('\n');
		const result = compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
		]);
		expect(result.rows.every((row) => row.status === 'same')).toBe(true);
		expect(result.printings.map((printing) => printing.furniture?.map((line) => line.text))).toEqual([
			['8 GUERNSEY FOLK LORE'],
			['8 GUERNSEY FOLK LORE', '9 GUERNSEY FOLK LORE'],
		]);
	});
});
