import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {readSource} from '../../src/cli/source.js';
import {compare} from '../../src/core/compare.js';
import {noDecisions} from '../../src/report/context.js';
import {reportObject} from '../../src/report/json.js';
import {placeText} from '../../src/report/place.js';
import {toText} from '../../src/report/text.js';
import {reportProblems} from '../../src/soak/report-schema.js';

const folder = 'test/fixtures/ocr/macdowell-essays-1';
const load = async (name: string) => readSource(`${folder}/${name}`, readFileSync(`${folder}/${name}`));

describe('where each reading is on the scan (#15)', async () => {
	const sources = [await load('a.alto.xml'), await load('b.hocr')];
	const comparison = compare(sources);
	const report = reportObject(comparison, {decisions: noDecisions, sources});
	type Place = {page: number; lines: {page: number; id?: string; box?: unknown; words: {id?: string; text: string; box?: unknown; confidence?: number}[]}[]};
	const rows = report['rows'] as {a: {lines: [number, number]; text: string; place?: Place} | null; b: {place?: Place} | null}[];

	it('gives every reading read from an OCR file its pages, line and word ids, boxes and confidences, by the schema', () => {
		expect(reportProblems(report)).toEqual([]);
		const placed = rows.flatMap((row) => [row.a, row.b]).filter((item) => item !== null);
		// 23 entries in each printing, the title page's lines and the heading (`X. MUSICAL INSTRUMENTS—THEIR` joins its wrapped line in both).
		expect(placed.length).toBeGreaterThanOrEqual(46);
		// The running heads of the second page are furniture, no row.
		expect(rows.some((row) => /TABLE OF CONTENTS vii/.test(row.a?.text ?? ''))).toBe(false);
		expect(placed.every((item) => item.place !== undefined)).toBe(true);
		const hindus = rows.find((row) => row.a?.text.startsWith('Ill, THE MUSIC'))!.a!;
		expect(hindus.place).toMatchObject({
			page: 1,
			lines: [
				{
					page: 1,
					id: 'line_8',
					words: [{id: 'string_39', text: 'Ill,', box: {x: 155, y: 556, width: 28, height: 18}, confidence: 0.82}, {}, {}, {}, {}, {}, {}, {}],
				},
				{page: 1, id: 'line_9'},
			],
		});
		expect(rows.find((row) => row.b?.place?.lines[0]?.page === 2)?.b?.place?.lines[0]?.id).toMatch(/^line_2_\d+$/u);
	});

	it('words the place as p. and line ids, in the text report', () => {
		const hindus = comparison.rows.find((row) => row.a?.text.startsWith('Ill, THE MUSIC'))!;
		expect(placeText(hindus.a)).toBe('p. 1, lines line_8–line_9');
		expect(toText(comparison, {decisions: noDecisions, sources})).toContain(`~ A ${hindus.a!.lines[0]}–${hindus.a!.lines[1]} (p. 1, lines line_8–line_9) · B `);
	});

	it('gives plain text no place', async () => {
		const plain = compare([await load('a.txt'), await load('b.txt')]);
		expect(plain.rows.every((row) => row.a?.place === undefined && row.b?.place === undefined)).toBe(true);
		expect(placeText(plain.rows[0]!.a)).toBeUndefined();
	});
});
