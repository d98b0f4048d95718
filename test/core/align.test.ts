import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {oracle} from './helpers.js';

const two = (a: string, b: string) =>
	compare([
		{name: 'a.txt', text: a},
		{name: 'b.txt', text: b},
	]);

describe('alignment', () => {
	it.each([
		['identical printings', 'Preface\t1\nOrigins\t5\nIndex\t9', 'Preface\t1\nOrigins\t5\nIndex\t9', '= Preface | = Origins | = Index'],
		['a changed entry', 'Preface\t1\nChapter One\t5\nIndex\t9', 'Preface\t1\nChapter Onc\t5\nIndex\t9', '= Preface | ~ Chapter One→Chapter Onc | = Index'],
		['an entry only in B', 'Preface\t1\nIndex\t9', 'Preface\t1\nA New Chapter\t5\nIndex\t9', '= Preface | + A New Chapter | = Index'],
		['an entry only in A', 'Preface\t1\nThe Old Chapter\t5\nIndex\t9', 'Preface\t1\nIndex\t9', '= Preface | - The Old Chapter | = Index'],
		[
			'OCR noise in every entry',
			'The Modern Method\t1\nClay Figures\t5\nIllustrations\t9',
			'The Modem Method\t1\nClay Figurcs\t5\n1llustrations\t9',
			'~ The Modern Method→The Modem Method | ~ Clay Figures→Clay Figurcs | ~ Illustrations→1llustrations',
		],
		[
			'an entry moved elsewhere',
			'Preface\t1\nThe Long Journey North\t5\nThe River Crossing\t9\nThe Winter Camp\t13\nIndex\t20',
			'Preface\t1\nThe River Crossing\t9\nThe Winter Camp\t13\nThe Long Journey North\t5\nIndex\t20',
			'= Preface | > The Long Journey North→The Long Journey North | = The River Crossing | = The Winter Camp | = Index',
		],
		[
			'an entry wrapped differently',
			'Preface\t1\n4. TO THE INTERNATIONAL ASSOCIATION FOR INFORMATION OF THE LABOUR PRESS\t44\nIndex\t90',
			'Preface\t1\n4. TO THE INTERNATIONAL ASSOCIATION FOR INFORMATION OF THE\nLABOUR PRESS\t44\nIndex\t90',
			'= Preface | = 4. TO THE INTERNATIONAL ASSOCIATION FOR INFORMATION OF THE LABOUR PRESS | = Index',
		],
	])('aligns %s', (_name, a, b, expected) => {
		expect(oracle(two(a, b))).toBe(expected);
	});

	it('pairs an entry that one printing split into a heading and an entry', () => {
		const result = two('Preface\t1\nTHE LIFE AND WORK OF THE AUTHOR\t5\nIndex\t9', 'Preface\t1\nTHE LIFE AND WORK\n\nOF THE AUTHOR\t5\nIndex\t9');
		expect(result.rows).toHaveLength(3);
		expect(result.rows[1]!.b!.lines).toEqual([2, 4]);
	});

	it('breaks a tie between crossing pairings the same way whichever printing is A (found by fast-check)', () => {
		const a = '(a) Stalin\t1\nII. The\t1\nSpeech\t1';
		const b = 'I. The\t5\nIV. Stalin\t5';
		const pairs = (x: string, y: string, swap: boolean) =>
			two(x, y)
				.rows.filter((row) => row.a && row.b)
				.map((row) => (swap ? `${row.b!.lines[0]}:${row.a!.lines[0]}` : `${row.a!.lines[0]}:${row.b!.lines[0]}`));
		expect(pairs(b, a, true)).toEqual(pairs(a, b, false));
	});

	it('pairs entries whose titles the recogniser ruined where they stand in the same place with the same page (#18)', () => {
		// Verbatim titles from Tesseract 5 (Chiriqui, a degraded scan).
		const a = 'Introduction\t13\nGeography\t13\nLiterature\t14\nThe cemeteries\t16\nIndex\t20';
		const b = 'Introduction\t13\nGOOBPADIY 205.4. de date o sn\t13\niteraturel suis odes\t14\nThe cemeteries\t16\nIndex\t20';
		expect(two(a, b).rows.map((row) => row.status)).toEqual(['same', 'changed', 'changed', 'same', 'same']);
		// An entry an edition replaced by another on another page stays apart.
		const replaced = 'Introduction\t13\nA New Essay\t15\nThe cemeteries\t16\nIndex\t20';
		expect(oracle(two('Introduction\t13\nGeography\t14\nThe cemeteries\t16\nIndex\t20', replaced))).toBe(
			'= Introduction | + A New Essay | - Geography | = The cemeteries | = Index',
		);
	});

	it('pairs one ruined entry against one in the same place where one printing lost the page (#18)', () => {
		// Verbatim from Tesseract 5 (Chiriqui): `15` read into the debris.
		const a = 'Literature\t14\nPeoples\t15\nThe cemeteries\t16';
		const b = 'Literature\t14\nPGOPIO8: 5c icjccces eee eee ee se ces AS\nThe cemeteries\t16';
		expect(two(a, b).rows.map((row) => row.status)).toEqual(['same', 'changed', 'same']);
		// Pages that differ (each in its printing's order), or two clean titles, say the entries are not one.
		const statuses = (other: string) =>
			two(a, other)
				.rows.map((row) => row.status)
				.sort();
		expect(statuses(b.replace('AS', '\t14'))).toEqual(['only-a', 'only-b', 'same', 'same']);
		expect(statuses('Literature\t14\nA New Essay\nThe cemeteries\t16')).toEqual(['only-a', 'only-b', 'same', 'same']);
	});

	it('pairs ruined entries in the same place two against two where a differing page is out of its own printing’s order (#18)', () => {
		// Verbatim from Tesseract 5 (Chiriqui): A's `14 6` read as page 6, after 13; `15` lost in the debris.
		const a = 'Geography\t13\niteraturel suis odes see ee 14\t6\nPGOPIO8: 5c icjccces eee eee ee se ces AS\nThe cemeteries\t16';
		const b = 'Geography\t13\nLiterature\t14\nPeoples\t15\nThe cemeteries\t16';
		expect(two(a, b).rows.map((row) => row.status)).toEqual(['same', 'changed', 'changed', 'same']);
		// A page in order that differs says the entries are not one.
		const statuses = two(a.replace('\t6', '\t15'), b.replace('Literature\t14', 'Literature\t13')).rows.map((row) => row.status);
		expect(statuses.filter((status) => status === 'only-a')).toHaveLength(2);
	});

	it('pairs those of a stretch whose titles start alike where others in it do not pass (#18)', () => {
		// Verbatim from Tesseract 5 (Chiriqui, a degraded scan).
		const a = 'Unpainted ware\t66\nTerra cotta group\t67\nBlack incised group\t80\nPainted ware\t84\nScarified group\t87';
		const b =
			'Unpainted ware\t66\nTerra cotta group. cs; 01s: -0asseseeceescesoee voveeees OF\n; Black incised eroupe, Wkeade sche ceeds ene 8O\nFen rr eg ig eee ene cette eg\nScarified group\t87';
		expect(two(a, b).rows.map((row) => row.status)).toEqual(['same', 'changed', 'changed', 'only-a', 'only-b', 'same']);
	});

	it('does not swallow a line only one printing has into the entry after it', () => {
		const a = 'Preface\t1\nTHE SOP WAS NOT WORTH THE CABBAGE\t181\nIndex\t190';
		const b = 'Preface\t1\nA COMEDY.\nTHE SOP WAS NOT WORTH THE CABBAGE\t181\nIndex\t190';
		expect(oracle(two(a, b))).toBe('= Preface | + A COMEDY. | = THE SOP WAS NOT WORTH THE CABBAGE | = Index');
	});

	it('reads lines of hundreds of thousands of characters (OCR debris) as items', () => {
		const text = `Preface\t1\nTitle ${'. '.repeat(100_000)}x\nOther ${'word '.repeat(50_000)}7\nIndex\t9`;
		const result = two(text, text.replace('Index', 'Indcx'));
		expect(result.rows.map((row) => row.status)).toEqual(['same', 'same', 'same', 'changed']);
		expect(result.rows[2]!.a!.page).toBe('7');
	});

	it('reports the tail a printing lacks as one truncation', () => {
		const a = Array.from({length: 10}, (_, i) => `Entry number ${i + 1} of the book\t${i * 3 + 1}`).join('\n');
		const b = a.split('\n').slice(0, 6).join('\n');
		const result = two(a, b);
		expect(result.rows.filter((r) => r.status === 'only-a').map((r) => r.differences[0]!.kind)).toEqual([
			'truncation',
			'truncation',
			'truncation',
			'truncation',
		]);
	});

	it('reports a lost entry in the middle as missing, not truncation', () => {
		const result = two('Preface\t1\nThe Lost Chapter\t5\nIndex\t9', 'Preface\t1\nIndex\t9');
		expect(result.rows[1]!.differences).toMatchObject([{kind: 'missing', severity: 'substantive', field: 'item', a: 'The Lost Chapter 5', b: ''}]);
	});
});
