import {describe, expect, it} from 'vitest';
import type {OcrCase} from '../../src/eval/ocr-case.js';
import {normalizeReading, scoreOcrComparison, type OcrScoredRow} from '../../src/eval/ocr-score.js';

// A small case made by hand. Drawn: I. Preface 5 · II. The Early Years 12 · Index 99 · Appendix 80.
// A reads every entry as drawn, the second wrapped over lines 3-4, a running head on line 5.
// B misreads a title (Prefaee), changes a page (17), loses the Appendix, and wraps nothing.
const ocr: OcrCase = {
	name: 'hand-made',
	language: 'en',
	heldOut: false,
	source: 'test/eval/ocr-score.test.ts',
	entries: [
		{label: 'I.', title: 'Preface', page: '5'},
		{label: 'II.', title: 'The Early Years', page: '12'},
		{title: 'Index', page: '99'},
		{title: 'Appendix', page: '80'},
	],
	printings: [
		{
			file: 'a.txt',
			render: {font: 'hand'},
			// CONTENTS / I. Preface . . . 5 / II. The Early / Years . . . 12 / 8 CONTENTS / Appendix 80 / Index 99
			lines: ['front', 0, 1, 1, 'furniture', 3, 2],
			readings: [
				{label: 'I.', title: 'Preface', page: '5'},
				{label: 'II.', title: 'The Early Years', page: '12'},
				{label: '', title: 'Index', page: '99'},
				{label: '', title: 'Appendix', page: '80'},
			],
		},
		{
			file: 'b.txt',
			render: {font: 'hand'},
			// CONTENTS / I. Prefaee 5 / II. The  Early Years . . 17 / Index 99
			lines: ['front', 0, 1, 2],
			readings: [
				{label: 'I.', title: 'Prefaee', page: '5'},
				{label: 'II.', title: 'The  Early Years . .', page: '17'},
				{label: '', title: 'Index', page: '99'},
				null,
			],
		},
	],
	// A's seven lines, a blank line, B's four: B starts at line 9.
	oneFile: {file: 'both.txt', boundary: 9},
};

type Span = readonly [number, number];
type Found = OcrScoredRow['differences'][number];
const item = (lines: Span, furniture = false) => ({lines, text: `lines ${lines.join('-')}`, ...(furniture ? {furniture: true} : {})});
const row = (a: Span | null, b: Span | null, differences: Found[] = [], furniture = false): OcrScoredRow => {
	if (a && b) return {status: differences.length > 0 ? 'changed' : 'same', a: item(a), b: item(b), differences};
	if (a) return {status: 'only-a', a: item(a, furniture), b: null, differences};
	return {status: 'only-b', a: null, b: item(b!), differences};
};

const difference = (kind: string, field: Found['field'], a: string, b: string, suggestion?: {reading: 'a' | 'b' | null; confidence: number}): Found =>
	({kind, field, a, b, ...(suggestion ? {suggestion} : {})}) as Found;

/** The rows a good engine gives in the two-file form; `shift` moves B's lines for the one-file form. */
const goodRows = (shift = 0): OcrScoredRow[] => {
	const b = (first: number, last = first): Span => [first + shift, last + shift];
	return [
		row([1, 1], b(1)),
		row([2, 2], b(2), [difference('ocr', 'title', 'Preface', 'Prefaee', {reading: 'a', confidence: 0.95}), difference('leaders', 'leader', ' . . . ', ' ')]),
		row([3, 4], b(3), [
			difference('page', 'page', '12', '17', {reading: 'b', confidence: 0.6}),
			difference('whitespace', 'title', 'The Early Years', 'The  Early Years'),
		]),
		row([5, 5], null, [difference('missing', 'item', '8 CONTENTS', '')], true),
		row([6, 6], null, [difference('missing', 'item', 'Appendix 80', '')]),
		row([7, 7], b(4)),
	];
};

describe('normalizeReading', () => {
	it.each([
		['Preface . . . . ', 'Preface'],
		['The  Early\tYears', 'The Early Years'],
		['Pre\u200Bface', 'Preface'],
		['Cafe\u0301', 'Café'],
		['Index……', 'Index'],
		['Mr. Smith', 'Mr. Smith'],
		['I.', 'I.'],
		['Notes ________ ', 'Notes'],
	])('reads %j as %j', (reading, normalized) => {
		expect(normalizeReading(reading)).toBe(normalized);
	});
});

describe('scoreOcrComparison', () => {
	it('scores a right comparison: fields found, optional kinds free, suggestions right and wrong', () => {
		const score = scoreOcrComparison(ocr, 'two-files', goodRows());
		expect(score.alignment).toEqual({tp: 3, fp: 0, fn: 0});
		// (2,2), (3,3), (4,3), (7,4); CONTENTS with CONTENTS counts for nothing.
		expect(score.lines).toEqual({tp: 4, fp: 0, fn: 0});
		expect(score.byField).toEqual({
			label: {tp: 0, fp: 0, fn: 0},
			title: {tp: 1, fp: 0, fn: 0},
			page: {tp: 1, fp: 0, fn: 0},
			item: {tp: 1, fp: 0, fn: 0},
		});
		expect(score.differences).toEqual({tp: 3, fp: 0, fn: 0});
		// Prefaee: A reads the drawn title, A suggested at 0.95; 17: A reads the drawn page, B suggested.
		expect(score.suggestions).toEqual({right: 1, wrong: 1, even: 0, none: 0, sure: 1, sureRight: 1, bands: [0, 1, 0, 0, 1], bandsRight: [0, 0, 0, 0, 1]});
		expect(score.split).toBeUndefined();
		expect(score.mismatches).toEqual([]);
	});

	it("finds the split in the one-file form, and B's lines after the boundary", () => {
		const score = scoreOcrComparison(ocr, 'one-file', goodRows(8), {boundaries: [9]});
		expect(score.split).toBe(true);
		expect(score.alignment).toEqual({tp: 3, fp: 0, fn: 0});
		expect(score.lines).toEqual({tp: 4, fp: 0, fn: 0});
		expect(scoreOcrComparison(ocr, 'one-file', goodRows(8), {boundaries: [8]}).split).toBe(false);
		expect(scoreOcrComparison(ocr, 'one-file', goodRows(8)).mismatches.map((mismatch) => mismatch.type)).toEqual(['split']);
	});

	it('counts a false field, a missed field, a wrongly paired entry and a lost one', () => {
		const rows = [
			row([1, 1], [1, 1]),
			// The misread title is missed; the label is called different though both read `I.`.
			row([2, 2], [2, 2], [difference('number', 'label', 'I.', 'I.')]),
			// The wrapped entry cut in two: its first line paired, its second alone.
			row([3, 3], [3, 3], [difference('page', 'page', '', '17')]),
			row([4, 4], null, [difference('missing', 'item', 'Years 12', '')]),
			// Appendix paired with Index, and Index left alone.
			row([6, 6], [4, 4], [difference('words', 'title', 'Appendix', 'Index')]),
			row([7, 7], null, [difference('missing', 'item', 'Index 99', '')]),
		];
		const score = scoreOcrComparison(ocr, 'two-files', rows);
		expect(score.alignment).toEqual({tp: 2, fp: 1, fn: 1});
		expect(score.byField.label).toEqual({tp: 0, fp: 1, fn: 0});
		// Prefaee missed on its row; the page found; Index's fields read alike.
		expect(score.byField.title).toEqual({tp: 0, fp: 0, fn: 1});
		expect(score.byField.page).toEqual({tp: 1, fp: 0, fn: 0});
		// Index shown alone (it is in both), Appendix not shown alone.
		expect(score.byField.item).toEqual({tp: 0, fp: 1, fn: 1});
		// (2,2) and (3,3) right; (4,3) and (7,4) missed; (6,4) false.
		expect(score.lines).toEqual({tp: 2, fp: 1, fn: 2});
		// The page found without a suggestion; the missed title is a missed difference, not one without a suggestion.
		expect(score.suggestions).toEqual({right: 0, wrong: 0, even: 0, none: 1, sure: 0, sureRight: 0, bands: [0, 0, 0, 0, 0], bandsRight: [0, 0, 0, 0, 0]});
		expect(new Set(score.mismatches.map((mismatch) => mismatch.type))).toEqual(new Set(['differences', 'pair-wrong', 'pair-missed']));
	});

	it('reads a difference in whole words: a scrap inside a drawn word is no reading of it', () => {
		// Both printings misread the second title: A `Eerly`, B adds a scrap `ar` (as in `Early`, `Years`).
		const misread: OcrCase = {
			...ocr,
			printings: [
				{...ocr.printings[0], readings: ocr.printings[0].readings.map((reading, k) => (k === 1 ? {...reading!, title: 'The Eerly Years'} : reading))},
				{...ocr.printings[1], readings: ocr.printings[1].readings.map((reading, k) => (k === 1 ? {...reading!, title: 'The Early Years ar'} : reading))},
			],
		};
		const rows = (reading: 'a' | 'b') =>
			goodRows().map((found, k) =>
				k === 2
					? {
							...found,
							differences: [
								difference('ocr', 'title', 'Eerly', 'Early', {reading: 'b', confidence: 0.9}),
								difference('words', 'title', '', 'ar', {reading, confidence: 0.95}),
							],
						}
					: found,
			);
		expect(scoreOcrComparison(misread, 'two-files', rows('a')).suggestions).toMatchObject({right: 2, wrong: 0});
		expect(scoreOcrComparison(misread, 'two-files', rows('b')).suggestions).toMatchObject({right: 1, wrong: 1});
	});

	it('calls any reading wrong when neither printing reads the drawn entry', () => {
		const neither: OcrCase = {...ocr, entries: ocr.entries.map((entry, k) => (k === 1 ? {...entry, page: '13'} : entry))};
		const score = scoreOcrComparison(neither, 'two-files', goodRows());
		// The page that neither reads rightly is counted apart too, with the suggestion named on it.
		expect(score.suggestions).toEqual({
			right: 1,
			wrong: 1,
			even: 0,
			none: 0,
			sure: 1,
			sureRight: 1,
			bands: [0, 1, 0, 0, 1],
			bandsRight: [0, 0, 0, 0, 1],
			neither: 1,
			neitherNamed: 1,
		});
		const even = goodRows().map((found, k) =>
			k === 2 ? {...found, differences: [difference('page', 'page', '12', '17', {reading: null, confidence: 0.5})]} : found,
		);
		expect(scoreOcrComparison(neither, 'two-files', even).suggestions).toEqual({
			right: 1,
			wrong: 0,
			even: 1,
			none: 0,
			sure: 1,
			sureRight: 1,
			bands: [0, 0, 0, 0, 1],
			bandsRight: [0, 0, 0, 0, 1],
			neither: 1,
			neitherNamed: 0,
		});
	});
});
