import {describe, expect, it} from 'vitest';
import {checkNumbering, checkPageOrder, checkPrinting, titlePageChecks} from '../../src/core/checks.js';
import {compare} from '../../src/core/compare.js';
import {parseItems} from '../../src/core/parse.js';
import type {Printing, RowDraft} from '../../src/core/types.js';

/** A printing of the given lines, numbered from line 1. */
const printing = (lines: readonly string[]): Printing => ({
	id: 'A',
	source: 'a.txt',
	lines: [1, lines.length],
	items: parseItems(lines, 1, lines.length),
	printed: lines,
});
const found = (checks: ReturnType<typeof checkPrinting>) => checks.map((check) => [check.lines[0], check.message]);

describe('checkPageOrder', () => {
	it.each([
		['pages in order', ['Preface\t1', 'One\t5', 'Two\t5', 'Three\t9'], []],
		['a low page between neighbours (203 → 97 → 205)', ['One\t203', 'Two\t97', 'Three\t205'], [[2, 'page 97 breaks the order 203 → 97 → 205']]],
		['a dropped digit (45 → 4 → 47)', ['One\t45', 'Two\t4', 'Three\t47'], [[2, 'page 4 breaks the order 45 → 4 → 47']]],
		['a high page between neighbours', ['One\t10', 'Two\t500', 'Three\t11', 'Four\t12'], [[2, 'page 500 breaks the order 10 → 500 → 11']]],
		['pages that run backwards', ['One\t100', 'Two\t120', 'Three\t50', 'Four\t60'], [[3, 'page 50 runs backwards after page 120']]],
		['a new list after a heading', ['Notes\t537', 'Dates\t587', '', 'ILLUSTRATIONS', '', 'Lenin, May 1920\t16-17', 'A manuscript\t19'], []],
		['Roman front-matter pages before Arabic ones', ['Preface\txi', 'Introduction\txv', 'One\t1', 'Two\t9'], []],
		['a range read by its first page', ['One\t15-19', 'Two\t20-28', 'Three\t29'], []],
		['a last page that goes back', ['One\t10', 'Two\t20', 'Three\t3'], [[3, 'page 3 runs backwards after page 20']]],
	])('%s', (_name, lines, expected) => {
		expect(found(checkPageOrder(printing(lines)))).toEqual(expected);
	});
});

describe('checkNumbering', () => {
	it.each([
		['a clean sequence', ['I. One\t1', 'II. Two\t2', 'III. Three\t3'], []],
		[
			'I, II, II, IV: the second II should be III',
			['I. One\t1', 'II. Two\t2', 'II. Three\t3', 'IV. Four\t4'],
			[[3, '“II.” between “II.” and “IV.” should be III']],
		],
		['a repeated number', ['I. One\t1', 'II. Two\t2', 'II. Three\t3', 'III. Four\t4'], [[3, '“II.” repeats the number before it']]],
		['a gap of one', ['I. One\t1', 'II. Two\t2', 'IV. Four\t4'], [[3, 'the numbering skips from “II.” to “IV.”: III missing']]],
		['a gap of two', ['1. One\t1', '2. Two\t2', '5. Five\t5'], [[3, 'the numbering skips from “2.” to “5.”: 3 to 4 missing']]],
		[
			'a gap in dotted numbers, named in full',
			['1. One\t1', '1.1. Sources\t2', '1.2. Methods\t3', '1.4. Results\t5', '2. Two\t9'],
			[[4, 'the numbering skips from “1.2.” to “1.4.”: 1.3. missing']],
		],
		['a number that goes back', ['I. One\t1', 'II. Two\t2', 'III. Three\t3', 'II. Four\t4'], [[4, '“II.” goes back after “III.”']]],
		['a misread numeral (П. for II.)', ['I. One\t1', 'П. Two\t2', 'III. Three\t3'], [[2, '“П.” reads as II: a misread numeral']]],
		['a sequence that starts again', ['I. One\t1', 'II. Two\t2', 'Appendix\t3', 'I. Three\t4', 'II. Four\t5'], []],
		['dotted numbers as their own sequence', ['1. One\t1', '1.1 Part\t2', '1.2 Part\t3', '2. Two\t4', '2.1 Part\t5'], []],
		['letters with a gap', ['(a) One\t1', '(b) Two\t2', '(d) Four\t4'], [[3, 'the numbering skips from “(b)” to “(d)”: c missing']]],
		['Roman chapters and Arabic sections apart', ['I. One\t1', '1. Sub\t1', '2. Sub\t2', 'II. Two\t3', '1. Sub\t3'], []],
	])('%s', (_name, lines, expected) => {
		expect(found(checkNumbering(printing(lines)))).toEqual(expected);
	});
});

describe('page offsets between printings', () => {
	const a = ['Preface\t13', 'One\t17', 'Two\t21', 'Three\t23', 'Four\t26', 'Five\t31'];
	const shifted = (by: number, lines: readonly string[]) => lines.map((line) => line.replace(/\d+$/, (page) => String(Number(page) + by)));
	const run = (b: readonly string[]) =>
		compare([
			{name: 'a.txt', text: a.join('\n')},
			{name: 'b.txt', text: b.join('\n')},
		]);

	it('reports a constant offset once and marks the page differences it explains', () => {
		const result = run(shifted(4, a));
		expect(result.checks).toEqual([
			{
				printing: 'B',
				lines: [1, 6],
				kind: 'page-offset',
				offset: 4,
				message: "B's pages run 4 ahead of A's on 6 entries (a repaginated edition?): their page differences are explained by the offset",
			},
		]);
		expect(result.rows.flatMap((row) => row.differences).every((d) => d.kind === 'page' && d.explainedBy === 'page-offset')).toBe(true);
		expect(result.summary.explained).toBe(6);
	});

	it('keeps a page that breaks the offset as a difference of its own', () => {
		const b = shifted(-2, a);
		b[3] = 'Three\t99';
		const result = run(b);
		expect(result.checks.map((check) => [check.kind, check.offset])).toEqual([
			['page-order', undefined],
			['page-offset', -2],
		]);
		const pages = result.rows.flatMap((row) => row.differences.map((d) => [d.a, d.b, d.explainedBy]));
		expect(pages.filter(([, , explained]) => explained === undefined)).toEqual([['23', '99', undefined]]);
	});

	it.each([
		['two shifted pages are not an offset', [...shifted(4, a.slice(0, 2)), ...a.slice(2)]],
		['scattered page differences are not an offset', a.map((line, i) => (i % 2 === 0 ? line.replace(/\d+$/, (p) => String(Number(p) + i + 1)) : line))],
		['equal pages', a],
	])('finds none: %s', (_name, b) => {
		const result = run(b);
		expect(result.checks.filter((check) => check.kind === 'page-offset')).toEqual([]);
		expect(result.summary.explained).toBeUndefined();
	});
});

describe('checkPrinting', () => {
	it('finds nothing in either printing of the seed but B’s title page (#16)', async () => {
		const {seed} = await import('../report/seed.js');
		expect(seed.checks.map((check) => check.kind)).toEqual(['title-page']);
		expect(seed.checks[0]!.message).toBe(
			"B's title page has 2 lines A lacks (“TRANSLATED FROM THE RUSSIAN” …), before its first entry: no entries, so no erratum",
		);
	});

	it('names no title page where the first lines unpaired have a page or a numbering', () => {
		const rows = [
			{status: 'only-b', a: null, b: printing(['1. Preface\t3']).items[0]!, similarity: 0, differences: []},
			{status: 'same', a: printing(['Chapter\t5']).items[0]!, b: printing(['Chapter\t5']).items[0]!, similarity: 1, differences: []},
		] as unknown as RowDraft[];
		expect(titlePageChecks(rows, ['A', 'B']).checks).toEqual([]);
	});

	it('orders the checks of a printing by line', () => {
		const checks = checkPrinting(printing(['I. One\t10', 'III. Two\t2', 'IV. Three\t30']));
		expect(checks.map((check) => [check.lines[0], check.kind])).toEqual([
			[2, 'page-order'],
			[2, 'numbering'],
		]);
	});
});

describe('renumbering between printings', () => {
	const entries = (numbers: readonly string[], titles: readonly string[]) => titles.map((title, k) => `${numbers[k]}. ${title}\t${k * 10 + 1}`).join('\n');
	const titles = ['The Origins', 'The Quarrel', 'The First Campaign', 'Winter Quarters', 'The Peace', 'Aftermath'];
	const renumbering = (a: string, b: string) =>
		compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
		]).checks.filter((check) => check.kind === 'renumbering');

	it('reports a run of three or more entries numbered alike but shifted, once', () => {
		const a = entries(['I', 'II', 'III', 'IV', 'V', 'VI'], titles);
		const b = entries(['I', 'II', 'II', 'III', 'IV', 'V'], titles);
		expect(renumbering(a, b)).toEqual([
			{
				printing: 'B',
				lines: [3, 6],
				kind: 'renumbering',
				message: "B's numbering runs 1 behind A's on 4 entries (“III.” is “II.” … “VI.” is “V.”): an entry moved, dropped or added before them?",
			},
		]);
	});

	it('follows each sequence on its own: chapters renumbered between sections that are not', () => {
		const withSections = (chapters: readonly string[]) =>
			chapters.flatMap((chapter, k) => [`${chapter}. ${titles[k]}\t${k * 10 + 1}`, `1. Part of ${titles[k]}\t${k * 10 + 2}`]).join('\n');
		const checks = renumbering(withSections(['I', 'II', 'III', 'IV', 'V']), withSections(['I', 'I', 'II', 'III', 'IV']));
		expect(checks.map((check) => check.message)).toEqual([
			"B's numbering runs 1 behind A's on 4 entries (“II.” is “I.” … “V.” is “IV.”): an entry moved, dropped or added before them?",
		]);
	});

	it('says nothing of one or two renumbered entries, nor of numbering that agrees', () => {
		expect(renumbering(entries(['I', 'II', 'III', 'IV', 'V', 'VI'], titles), entries(['I', 'II', 'III', 'IV', 'VI', 'VII'], titles))).toEqual([]);
		expect(renumbering(entries(['1', '2', '3', '4', '5', '6'], titles), entries(['1', '2', '3', '4', '5', '6'], titles))).toEqual([]);
	});
});
