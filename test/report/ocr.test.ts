import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readSource} from '../../src/cli/source.js';
import {compare} from '../../src/core/compare.js';
import type {Decision} from '../../src/core/decisions.js';
import {readOcr} from '../../src/core/formats/read.js';
import type {OcrDocument, WritableOcrFormat} from '../../src/core/formats/types.js';
import type {Comparison} from '../../src/core/types.js';
import {noDecisions, type ReportSource} from '../../src/report/index.js';
import {divideBox} from '../../src/report/ocr-words.js';
import {OcrWriteError, toOcr} from '../../src/report/ocr.js';
import {newSchemaErrors, schemaErrors} from './ocr-schema.js';

const fixtures = 'test/fixtures/ocr';
const load = async (file: string): Promise<ReportSource> => readSource(file, readFileSync(file));
const formatOf = (file: string): WritableOcrFormat => (file.endsWith('.hocr') ? 'hocr' : file.includes('.page-') ? 'page' : 'alto');

/** Every OCR fixture, with a printing to compare it with. */
const ocrFiles = readdirSync(fixtures, {withFileTypes: true})
	.filter((entry) => entry.isDirectory())
	.flatMap((entry) => readdirSync(path.join(fixtures, entry.name)).map((file) => path.join(fixtures, entry.name, file)))
	.filter((file) => /\.(?:xml|hocr)$/u.test(file));

/** Differences in the words of numbering, title or page: what a decision for B must set right. */
const substantive = (differences: readonly {field: string; kind: string}[]) =>
	differences.filter((d) => ['title', 'label', 'page'].includes(d.field) && !['leaders', 'whitespace', 'punctuation'].includes(d.kind));

/**
 * Decide for printing B (the reading to write into A's file) every paired row that differs; with
 * `every` 2, every second such row of each sort (in words, and in marks only), so that rows of both
 * sorts are left undecided too, whatever rows the comparison finds.
 */
function decideAll(comparison: Comparison, every = 1): ReadonlyMap<number, Decision> {
	const byRow = new Map<number, Decision>();
	const seen = {words: 0, marks: 0};
	for (const [index, row] of comparison.rows.entries()) {
		if (row.status === 'same' || row.a === null || row.b === null) continue;
		const sort = substantive(row.differences).length > 0 ? 'words' : 'marks';
		if (seen[sort]++ % every === 0) byRow.set(index, {key: String(index), verdict: 'b'});
	}

	return byRow;
}

// By page and id: Tesseract's multi-page ALTO starts its ids again on every page.
const wordsById = (document: OcrDocument) =>
	new Map(
		document.lines.flatMap((line) =>
			line.words.map((word) => [`${line.page}/${word.id}`, {text: word.text, box: word.box, confidence: word.confidence}] as const),
		),
	);

describe('a corrected copy of the base printing’s OCR file (#15)', () => {
	it('has fixtures of every format', () => {
		expect(new Set(ocrFiles.map(formatOf))).toEqual(new Set(['alto', 'hocr', 'page']));
		expect(ocrFiles.length).toBeGreaterThanOrEqual(12);
	});

	it.each(ocrFiles)('with no decisions is %s itself, byte for byte', async (file) => {
		const source = await load(file);
		const other = await load(path.join(path.dirname(file), 'b.txt'));
		const single = path.basename(file).startsWith('both.');
		const comparison = compare(single ? [source] : [source, other]);
		const out = toOcr(formatOf(file))(comparison, {decisions: noDecisions, sources: single ? [source] : [source, other]});
		expect(Buffer.from(out, 'utf8').equals(readFileSync(file))).toBe(true);
	});

	it.each([
		['a.alto.xml', 'b.alto.xml'],
		['a.alto-v2.xml', 'b.alto.xml'],
		['a.alto-v4.xml', 'b.hocr'],
		['a-2.page-2013.xml', 'b-2.page-2019.xml'],
		['a-2.page-2019.xml', 'b.alto.xml'],
	])('%s, every row decided for B: valid by its schema, B’s readings in place, every other word as it was', async (a, b) => {
		const sources = [await load(path.join(fixtures, 'macdowell-essays-1', a)), await load(path.join(fixtures, 'macdowell-essays-1', b))];
		const comparison = compare(sources);
		const byRow = decideAll(comparison, 2);
		expect(byRow.size).toBeGreaterThan(3);
		const out = toOcr(formatOf(a))(comparison, {decisions: {byRow, orphans: []}, sources});
		expect(await newSchemaErrors(sources[0]!.ocr!.source, out)).toEqual([]);
		// A one-page file is valid, and stays so.
		if (a.includes('page')) expect(await schemaErrors(out)).toEqual([]);
		// Read back and compared with B again: the decided rows' titles, labels and pages are B's.
		const corrected = await readSource('corrected.xml', Buffer.from(out));
		const again = compare([corrected, sources[1]!]);
		// Each decided row, found again by B's item, reads as B in its numbering, title and page
		// (leaders and the scan's specks between them are A's own still).
		let fixed = 0;
		for (const index of byRow.keys()) {
			const before = comparison.rows[index]!;
			const now = again.rows.find((row) => row.b !== null && row.b.lines[0] === before.b!.lines[0]);
			if (substantive(before.differences).length > 0 && now && substantive(now.differences).length === 0) fixed++;
		}

		const hadWords = [...byRow.keys()].filter((index) => substantive(comparison.rows[index]!.differences).length > 0).length;
		expect(fixed).toBeGreaterThanOrEqual(hadWords - 1);
		expect(hadWords).toBeGreaterThan(1);
		// Words in rows nobody decided keep their ids, text, boxes and confidences.
		const decidedLines = new Set([...byRow.keys()].flatMap((index) => comparison.rows[index]!.a!.place!.lines.map((line) => `${line.page}/${line.id}`)));
		const before = wordsById(sources[0]!.ocr!);
		const after = wordsById(corrected.ocr!);
		let kept = 0;
		for (const line of sources[0]!.ocr!.lines) {
			if (decidedLines.has(`${line.page}/${line.id}`)) continue;
			for (const word of line.words) {
				expect(after.get(`${line.page}/${word.id}`)).toEqual(before.get(`${line.page}/${word.id}`));
				kept++;
			}
		}

		expect(kept).toBeGreaterThan(10);
	});

	it('writes into an hOCR file what the spec requires of it: pages, lines and words with boxes, unique ids', async () => {
		const sources = [await load(path.join(fixtures, 'macdowell-essays-1/a.hocr')), await load(path.join(fixtures, 'macdowell-essays-1/b.hocr'))];
		const comparison = compare(sources);
		const out = toOcr('hocr')(comparison, {decisions: {byRow: decideAll(comparison), orphans: []}, sources});
		expect(out).not.toBe(sources[0]!.ocr!.source);
		const document = readOcr(out, 'hocr', 'out.hocr');
		expect(document.pages.every((page) => page.width !== undefined)).toBe(true);
		expect(document.lines.every((line) => line.box !== undefined && line.id !== undefined)).toBe(true);
		const words = document.lines.flatMap((line) => line.words);
		expect(words.every((word) => word.box !== undefined && word.id !== undefined)).toBe(true);
		expect(new Set(words.map((word) => word.id)).size).toBe(words.length);
		expect(out).toMatch(/<meta name='ocr-system' content='[^']+' \/>/u);
		expect(out).toMatch(/<meta name='ocr-capabilities' content='[^']*ocrx_word[^']*'\/>/u);
	});

	it('refuses a printing that is not of the format asked for, saying what to use', async () => {
		const sources = [await load(path.join(fixtures, 'macdowell-essays-1/a.txt')), await load(path.join(fixtures, 'macdowell-essays-1/b.alto.xml'))];
		const comparison = compare(sources);
		expect(() => toOcr('alto')(comparison, {decisions: noDecisions, sources})).toThrow(OcrWriteError);
		expect(() => toOcr('alto')(comparison, {decisions: noDecisions, sources})).toThrow(
			/printing A's own ALTO file, and .*a\.txt is plain text; use --format toc for its corrected text, or --base b if printing B is ALTO/u,
		);
		expect(toOcr('alto')(comparison, {decisions: noDecisions, sources, base: 'b'})).toBe(sources[1]!.ocr!.source);
		expect(() => toOcr('hocr')(comparison, {decisions: noDecisions, sources, base: 'b'})).toThrow(/is ALTO; use --format alto/u);
	});

	it('corrects a further printing’s own file with base c, and names the printing to use instead (#16)', async () => {
		const folder = path.join(fixtures, 'entre-nous-1');
		const sources = await Promise.all(['a.txt', 'b.hocr', 'b.alto.xml'].map(async (file) => load(path.join(folder, file))));
		const comparison = compare(sources);
		expect(toOcr('alto')(comparison, {decisions: noDecisions, sources, base: 'c'})).toBe(sources[2]!.ocr!.source);
		// A decision for A's reading on every row that differs goes into C's words.
		const byRow = new Map<number, Decision>();
		for (const [index, row] of comparison.rows.entries()) if (row.status === 'changed') byRow.set(index, {key: row.key, verdict: 'a'});
		expect(byRow.size).toBeGreaterThan(0);
		const out = toOcr('alto')(comparison, {decisions: {byRow, orphans: []}, sources, base: 'c'});
		expect(out).not.toBe(sources[2]!.ocr!.source);
		expect(readOcr(out, 'alto', 'c.alto.xml').lines.length).toBe(sources[2]!.ocr!.lines.length);
		expect(() => toOcr('alto')(comparison, {decisions: noDecisions, sources})).toThrow(/or --base c if printing C is ALTO/u);
	});
});

describe('words split and joined by a correction', () => {
	it('divides a box by character count', () => {
		expect(divideBox({x: 100, y: 5, width: 90, height: 20}, ['PRESI', 'DIUM'])).toEqual([
			{x: 100, y: 5, width: 50, height: 20},
			{x: 150, y: 5, width: 40, height: 20},
		]);
		expect(divideBox({x: 0, y: 0, width: 10, height: 1}, ['ab'])).toEqual([{x: 0, y: 0, width: 10, height: 1}]);
	});

	const alto = (strings: string) =>
		`<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page ID="p" WIDTH="500" HEIGHT="100" PHYSICAL_IMG_NR="0"><PrintSpace HPOS="0" VPOS="0" WIDTH="500" HEIGHT="100"><TextBlock ID="b" HPOS="0" VPOS="0" WIDTH="500" HEIGHT="100">\n<TextLine ID="l1" HPOS="0" VPOS="10" WIDTH="400" HEIGHT="20">${strings}</TextLine>\n<TextLine ID="l2" HPOS="0" VPOS="40" WIDTH="400" HEIGHT="20"><String ID="s9" HPOS="0" VPOS="40" WIDTH="60" HEIGHT="20" WC="0.9" CONTENT="Index"/><SP/><String ID="s10" HPOS="380" VPOS="40" WIDTH="20" HEIGHT="20" WC="0.9" CONTENT="99"/></TextLine>\n</TextBlock></PrintSpace></Page></Layout></alto>\n`;
	const word = (id: string, x: number, width: number, text: string) =>
		`<String ID="${id}" HPOS="${x}" VPOS="10" WIDTH="${width}" HEIGHT="20" WC="0.5" CONTENT="${text}"/>`;

	it.each([
		[
			'joins two words into one with their boxes’ union',
			[word('s1', 0, 40, 'THE'), word('s2', 50, 50, 'PRESID'), word('s3', 110, 30, 'IUM'), word('s4', 380, 20, '12')].join('<SP/>'),
			'THE PRESIDIUM 12',
			[
				['s1', 'THE', 0, 40],
				['s2', 'PRESIDIUM', 50, 90],
				['s4', '12', 380, 20],
			],
		],
		[
			'splits one word into two, sharing its box by characters',
			[word('s1', 0, 40, 'THE'), word('s2', 50, 90, 'PRESIDIUM'), word('s4', 380, 20, '12')].join('<SP/>'),
			'THE PRESI DIUM 12',
			[
				['s1', 'THE', 0, 40],
				['s2', 'PRESI', 50, 50],
				['s2_1', 'DIUM', 100, 40],
				['s4', '12', 380, 20],
			],
		],
		[
			'changes a page in place',
			[word('s1', 0, 40, 'THE'), word('s2', 50, 90, 'PRESIDIUM'), word('s4', 380, 20, '12')].join('<SP/>'),
			'THE PRESIDIUM 13',
			[
				['s1', 'THE', 0, 40],
				['s2', 'PRESIDIUM', 50, 90],
				['s4', '13', 380, 20],
			],
		],
	] as const)('%s', async (_name, strings, edited, expected) => {
		const file = alto(strings);
		const source = await readSource('a.xml', Buffer.from(file));
		const other = {name: 'b.txt', text: 'THE PRESIDIUM 12\nIndex 99\n'};
		const comparison = compare([source, other]);
		const index = comparison.rows.findIndex((row) => row.a?.title.startsWith('THE'));
		const out = toOcr('alto')(comparison, {
			decisions: {byRow: new Map([[index, {key: 'k', verdict: 'edit', text: edited}]]), orphans: []},
			sources: [source, other],
		});
		expect(await schemaErrors(out)).toEqual([]);
		const line = readOcr(out, 'alto', 'out.xml').lines[0]!;
		expect(line.words.map((w) => [w.id, w.text, w.box!.x, w.box!.width])).toEqual(expected);
		// The other line is untouched, to the byte.
		expect(out.slice(out.indexOf('<TextLine ID="l2"'))).toBe(file.slice(file.indexOf('<TextLine ID="l2"')));
	});
});

describe('an entry only the other printing has (#15)', () => {
	it.each([
		['a-2.page-2019.xml', 'page'],
		['a.alto.xml', 'alto'],
		['a.hocr', 'hocr'],
	] as const)('goes into %s, when a decision accepts it, on a new line after the entry before it', async (file, format) => {
		const a = await load(path.join(fixtures, 'macdowell-essays-1', file));
		// B: A's own text with an entry more after the one on declamation.
		const lines = a.text.split('\n');
		const after = lines.findIndex((line) => line.includes('DECLAMATION IN MUSIC'));
		const b = {name: 'b.txt', text: [...lines.slice(0, after + 1), 'XXa. THE MUSIC OF ROME 258', ...lines.slice(after + 1)].join('\n')};
		const comparison = compare([a, b]);
		const index = comparison.rows.findIndex((row) => row.status === 'only-b');
		expect(comparison.rows[index]?.b?.title).toMatch(/THE MUSIC OF ROME$/u);
		const out = toOcr(format)(comparison, {decisions: {byRow: new Map([[index, {key: 'k', verdict: 'b'}]]), orphans: []}, sources: [a, b]});
		if (format !== 'hocr') expect(await newSchemaErrors(a.ocr!.source, out)).toEqual([]);
		const read = readOcr(out, format, 'out');
		const texts = read.lines.map((line) => line.words.map((word) => word.text).join(' '));
		const at = texts.findIndex((text) => text.includes('DECLAMATION IN MUSIC'));
		expect(texts[at + 1]).toBe('XXa. THE MUSIC OF ROME 258');
		const added = read.lines[at + 1]!;
		const before = read.lines[at]!;
		expect(added.page).toBe(before.page);
		expect(added.box!.y).toBeGreaterThan(before.box!.y);
		expect(added.words.every((word) => word.box !== undefined && word.id !== undefined)).toBe(true);
		// Nothing else changed: the output less the new line is the input.
		expect(texts.filter((_text, k) => k !== at + 1)).toEqual(a.ocr!.lines.map((line) => line.words.map((word) => word.text).join(' ')));
	});
});
