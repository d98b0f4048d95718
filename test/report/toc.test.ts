import {describe, expect, it} from 'vitest';
import {rowKeys, type Decision, type Verdict} from '../../src/core/decisions.js';
import type {Comparison, RowDraft} from '../../src/core/types.js';
import {noDecisions, type ReportContext} from '../../src/report/context.js';
import {layoutEdit, toToc} from '../../src/report/toc.js';
import {parseItems} from '../../src/core/parse.js';
import {comparisonOf, itemsOf, makeItem, seedText} from './fixtures.js';
import {decided, seed, seedSources, undecided} from './seed.js';

const lines = (text: string, first: number, last: number): string =>
	`${text
		.split('\n')
		.slice(first - 1, last)
		.join('\n')}\n`;

/** Decide rows by index: `[[2, 'b']]`, or with an edit text. */
function decide(
	comparison: Comparison,
	sources: ReportContext['sources'],
	verdicts: ReadonlyArray<readonly [number, Verdict, string?]>,
	base?: 'a' | 'b',
): ReportContext {
	const keys = rowKeys(comparison.rows);
	const byRow = new Map<number, Decision>(
		verdicts.map(([index, verdict, text]) => [index, {key: keys[index]!, verdict, ...(text === undefined ? {} : {text})}]),
	);
	return {decisions: {byRow, orphans: []}, sources, ...(base === undefined ? {} : {base})};
}

/** Two small printings in two files: A has X (wrapped over two lines), Y, a blank, Z; B has W between X and Y. */
const textA = 'Contents\n\nX part one\n  part two\t1\nY\t2\n\nZ\t3\n';
const textB = 'Contents\n\nX part one part two\t1\n\nW\t9\nY\t4\nZ\t3\n';
const a = [makeItem(0, 1, 'Contents'), makeItem(1, 3, 'X part one\n  part two\t1'), makeItem(2, 5, 'Y\t2'), makeItem(3, 7, 'Z\t3')];
const b = itemsOf(textB, 1, 7);
const rows: RowDraft[] = [
	{status: 'same', a: a[0]!, b: b[0]!, similarity: 1, differences: []},
	{status: 'changed', a: a[1]!, b: b[1]!, similarity: 0.9, differences: [{kind: 'whitespace', severity: 'cosmetic', field: 'title', a: '\n  ', b: ' '}]},
	{status: 'only-b', a: null, b: b[2]!, similarity: 0, differences: [{kind: 'extra', severity: 'substantive', field: 'item', a: '', b: 'W\t9'}]},
	{status: 'changed', a: a[2]!, b: b[3]!, similarity: 0.9, differences: [{kind: 'page', severity: 'substantive', field: 'page', a: '2', b: '4'}]},
	{status: 'same', a: a[3]!, b: b[4]!, similarity: 1, differences: []},
];
const small = comparisonOf(
	rows,
	{id: 'A', source: 'a.txt', lines: [1, 7], items: a, text: textA},
	{id: 'B', source: 'b.txt', lines: [1, 7], items: b, text: textB},
);
const smallSources = [
	{name: 'a.txt', text: textA},
	{name: 'b.txt', text: textB},
];

describe('toToc', () => {
	it('reproduces printing A of the seed exactly without decisions', () => {
		expect(toToc(seed, undecided)).toBe(lines(seedText, 2, 121));
	});

	it('reproduces printing B of the seed exactly with base b', () => {
		expect(toToc(seed, {...undecided, base: 'b'})).toBe(lines(seedText, 123, 223));
	});

	it('applies the seed decisions and changes nothing else', () => {
		const out = toToc(seed, decided).split('\n');
		const original = lines(seedText, 2, 121).split('\n');
		expect(out.length).toBe(original.length + 3);
		expect(out.slice(12, 16)).toEqual(['M O S C O W 1 9 6 6', '', 'TRANSLATED FROM THE RUSSIAN', 'EDITED BY JULIUS KATZER']);
		expect(out).toContain('ON THE STRUGGLE WITHIN THE ITALIAN SOCIALIST PARTY\t377');
		expect(out).toContain('TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920\t181');
	});

	it('keeps wrapping, blank lines and tabs of untouched items', () => {
		expect(toToc(small, {decisions: noDecisions, sources: smallSources})).toBe(textA);
	});

	it('takes B’s reading, B’s wrapping and B’s insertion on verdict b', () => {
		const context = decide(small, smallSources, [
			[1, 'b'],
			[2, 'b'],
			[3, 'b'],
		]);
		expect(toToc(small, context)).toBe('Contents\n\nX part one part two\t1\n\nW\t9\nY\t4\n\nZ\t3\n');
	});

	it('uses the edited text, and keeps the base text on a and not-error', () => {
		const context = decide(small, smallSources, [
			[1, 'a'],
			[3, 'edit', 'Y (edited)\t2'],
			[4, 'not-error'],
		]);
		expect(toToc(small, context)).toBe('Contents\n\nX part one\n  part two\t1\nY (edited)\t2\n\nZ\t3\n');
	});

	it('rebuilds B with A’s readings on verdict a when B is the base', () => {
		const context = decide(
			small,
			smallSources,
			[
				[3, 'a'],
				[2, 'a'],
			],
			'b',
		);
		expect(toToc(small, context)).toBe('Contents\n\nX part one part two\t1\n\nY\t2\nZ\t3\n');
	});

	it('drops an only-a item that B is right to omit, without doubling blank lines', () => {
		const text = 'P\t1\n\nQ\t2\n\nR\t3\n';
		const items = itemsOf(text, 1, 5);
		const only: RowDraft[] = [
			{status: 'same', a: items[0]!, b: items[0]!, similarity: 1, differences: []},
			{status: 'only-a', a: items[1]!, b: null, similarity: 0, differences: [{kind: 'missing', severity: 'substantive', field: 'item', a: 'Q\t2', b: ''}]},
			{status: 'same', a: items[2]!, b: items[2]!, similarity: 1, differences: []},
		];
		const comparison = comparisonOf(only, {id: 'A', source: 'p.txt', lines: [1, 5], items, text}, {id: 'B', source: 'p.txt', lines: [1, 5], items, text});
		const sources = [{name: 'p.txt', text}];
		expect(toToc(comparison, decide(comparison, sources, [[1, 'b']]))).toBe('P\t1\n\nR\t3\n');
		expect(toToc(comparison, decide(comparison, sources, [[1, 'a']]))).toBe(text);
	});

	it('drops the lost entries at the end of the seed when B is declared right', () => {
		const verdicts = seed.rows.flatMap((row, index) => (row.status === 'only-a' ? [[index, 'b'] as const] : []));
		expect(toToc(seed, decide(seed, seedSources, verdicts))).toBe(lines(seedText, 2, 99));
	});

	it('keeps CRLF line ends', () => {
		const crlf = [{name: 'a.txt', text: textA.replaceAll('\n', '\r\n')}, smallSources[1]!];
		expect(toToc(small, {decisions: noDecisions, sources: crlf})).toBe(textA.replaceAll('\n', '\r\n'));
	});

	it('rebuilds from the printing’s own lines, with no source text given (a library call) (#14)', () => {
		expect(toToc(small, {decisions: noDecisions, sources: []})).toBe(textA);
	});
});

describe('layoutEdit', () => {
	const item = (text: string) => parseItems([text], 1, 1)[0]!;

	it.each([
		['a tab before the page', 'TELEPHONE MESSAGE, JULY 1, 1920\t181', 'TELEPHONE MESSAGE, JULY 4, 1920 181', 'TELEPHONE MESSAGE, JULY 4, 1920\t181'],
		['leader dots and indent', '   IX. THE SYSTEMS . . . . 122', 'IX. THE SYSTEM 122', '   IX. THE SYSTEM . . . . 122'],
		['no page typed', 'Preface\t13', 'Preface', 'Preface'],
	])('keeps %s from the printing', (_name, printed, typed, expected) => {
		expect(layoutEdit(item(printed), typed)).toBe(expected);
	});
});

describe('the corrected contents page of a repaginated edition', () => {
	it('takes the other printing’s reading but keeps the base printing’s page where only the offset moved it', async () => {
		const {repaginated, repaginatedSources} = await import('./seed.js');
		// A row whose B reading is right in its title, while its page only follows B's offset.
		const index = repaginated.rows.findIndex(
			(row) => row.differences.some((d) => d.field === 'page' && d.explainedBy !== undefined) && row.differences.some((d) => d.field === 'title'),
		);
		expect(index).toBeGreaterThanOrEqual(0);
		const row = repaginated.rows[index]!;
		const toc = toToc(repaginated, decide(repaginated, repaginatedSources, [[index, 'b']]));
		const line = toc.split('\n')[row.a!.lines[0] - repaginated.printings[0]!.lines[0]]!;
		expect(line).toContain(row.b!.title);
		expect(line.endsWith(row.a!.page!)).toBe(true);
	});
});
