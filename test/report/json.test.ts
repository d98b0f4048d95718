import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {noDecisions} from '../../src/report/context.js';
import {reportObject} from '../../src/report/json.js';
import {seedText} from './fixtures.js';
import {repaginated, repaginatedContext, seed, undecided} from './seed.js';

type Report = {
	checks: Array<{printing: string; lines: number[]; kind: string; message: string; offset?: number}>;
	rows: Array<{
		differences: Array<{kind: string; a: string; b: string; explainedBy?: string}>;
		others?: Array<{printing: string; item: {lines: number[]; title: string} | null}>;
	}>;
	summary: {explained?: number};
	printings: Array<{id: string}>;
};

const report = (json: Record<string, unknown>): Report => JSON.parse(JSON.stringify(json)) as Report;

describe('the JSON report (#7)', () => {
	it('holds one check for the seed, B’s title page, and its two lines explained by it (#16)', () => {
		const seedReport = report(reportObject(seed, undecided));
		expect(seedReport.checks.map((check) => [check.printing, check.lines, check.kind])).toEqual([['B', [137, 138], 'title-page']]);
		expect(seedReport.summary.explained).toBe(2);
		const explained = seedReport.rows.flatMap((row) => row.differences).filter((d) => 'explainedBy' in d);
		expect(explained.map((d) => [d.kind, d.b, d.explainedBy])).toEqual([
			['extra', 'TRANSLATED FROM THE RUSSIAN', 'title-page'],
			['extra', 'EDITED BY JULIUS KATZER', 'title-page'],
		]);
	});

	it('holds the character confusion table', () => {
		expect(reportObject(seed, undecided)['confusions']).toEqual([
			{a: '1', b: '4', count: 1, lines: [52]},
			{a: 'I', b: '', count: 1, lines: [52]},
			{a: "i's", b: "s'", count: 1, lines: [22]},
		]);
	});

	it('lists the checks of each printing and the page offset between them', () => {
		const {checks} = report(reportObject(repaginated, repaginatedContext));
		expect(checks.map((check) => [check.printing, check.lines, check.kind, check.offset])).toEqual([
			['A', [33, 33], 'numbering', undefined],
			['A', [34, 34], 'numbering', undefined],
			['A', [61, 61], 'page-order', undefined],
			['B', [137, 138], 'title-page', undefined],
			['B', [143, 215], 'page-offset', 4],
		]);
	});

	it('keeps the page differences an offset explains, marked, and counts them', () => {
		const {rows, summary} = report(reportObject(repaginated, repaginatedContext));
		const pages = rows.flatMap((row) => row.differences).filter((d) => d.kind === 'page');
		expect(pages).toHaveLength(70);
		expect(pages.filter((d) => d.explainedBy === 'page-offset')).toHaveLength(69);
		expect(pages.find((d) => d.explainedBy === undefined)).toMatchObject({a: '97', b: '209'});
		// And B's two title-page lines, which A lacks (#16).
		expect(rows.flatMap((row) => row.differences).filter((d) => d.explainedBy === 'title-page')).toHaveLength(2);
		expect(summary.explained).toBe(71);
	});
});

describe('the JSON report of three printings (#7)', () => {
	it('gives each row the further printings’ items under others', () => {
		const text = seedText.split('\n');
		const b = text.slice(122, 223).join('\n');
		const comparison = compare([
			{name: 'a.txt', text: text.slice(1, 121).join('\n')},
			{name: 'b.txt', text: b},
			{name: 'c.txt', text: b.replace('PRESIDUM', 'PRESIDIUM')},
		]);
		const {rows, printings} = report(reportObject(comparison, {decisions: noDecisions, sources: []}));
		expect(printings.map((p) => p.id)).toEqual(['A', 'B', 'C']);
		const presidium = rows.find((row) => row.differences.some((d) => d.a === 'PRESIDIUM'))!;
		expect(presidium.others).toEqual([{printing: 'C', item: expect.objectContaining({lines: [54, 54], title: expect.stringContaining('PRESIDIUM')})}]);
		expect(report(reportObject(seed, undecided)).rows.some((row) => 'others' in row)).toBe(false);
	});
});
