import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from './run-cli.js';

const folder = 'test/fixtures/ocr/macdowell-essays-1';
const fixture = (name: string): string => path.join(folder, name);
const scratch = mkdtempSync(path.join(tmpdir(), 'tocdiff-ocr-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

type Report = {
	printings: {source: string; items: number}[];
	rows: {status: string; a: {text: string} | null; b: {text: string} | null; differences: unknown[]}[];
};
const json = (args: readonly string[]): Report => {
	const result = runCli([...args, '--format', 'json']);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as Report;
};

/** What a comparison found, whatever file the printings came from. */
const rowsOf = (report: Report) => report.rows.map((row) => ({status: row.status, a: row.a?.text, b: row.b?.text, differences: row.differences}));

describe('two printings in OCR files (#15)', () => {
	it('compares two ALTO files as it compares the same documents in hOCR', () => {
		const alto = json([fixture('a.alto.xml'), fixture('b.alto.xml')]);
		// The column heads (`CHAP. . PAGE .` with specks too) are furniture, never items.
		// Without the running heads of the second page (`i, TABLE OF CONTENTS vii`, `vii = TABLE OF CONTENTS. / bd`),
		// and with wrapped entries whose first line had specks before it joined (`Il. ORIGIN OF SONG VS. ORIGIN OF` / `INSTRUMENTAL MUSIC - 16`).
		expect(alto.printings.map((p) => p.items)).toEqual([26, 30]);
		expect(rowsOf(alto)).toEqual(rowsOf(json([fixture('a.hocr'), fixture('b.hocr')])));
		expect(rowsOf(alto).filter((row) => row.status !== 'same').length).toBeGreaterThan(10);
	});

	it('compares ALTO against plain text, and plain text against hOCR, ALTO 2 and 4, PAGE XML and a PDF', () => {
		for (const [a, b] of [
			['a.txt', 'b.alto.xml'],
			['a.alto-v2.xml', 'b.hocr'],
			['a.alto-v4.xml', 'b.txt'],
			['a-2.page-2013.xml', 'b-2.page-2019.xml'],
			['a-textlayer.pdf', 'b.alto.xml'],
			['a.hocr', 'b-2-scan.pdf'],
		]) {
			const report = json([fixture(a!), fixture(b!)]);
			expect(report.printings.map((p) => p.source)).toEqual([fixture(a!), fixture(b!)]);
			expect(report.rows.filter((row) => row.status === 'same' || row.status === 'changed').length).toBeGreaterThan(5);
		}
	});

	it('tells a file by its content, not its name', () => {
		const renamed = path.join(scratch, 'scan-a.txt');
		cpSync(fixture('a.alto.xml'), renamed);
		expect(rowsOf(json([renamed, fixture('b.alto.xml')]))).toEqual(rowsOf(json([fixture('a.alto.xml'), fixture('b.alto.xml')])));
	});

	it('finds both printings in one multi-page document, and in a batch', () => {
		const report = json([fixture('both.alto.xml')]);
		expect(report.printings.map((p) => p.items)).toEqual([26, 30]);
		const shelf = path.join(scratch, 'shelf');
		cpSync(fixture('both.alto.xml'), path.join(shelf, 'vol1.alto.xml'));
		cpSync(fixture('both.hocr'), path.join(shelf, 'vol1.hocr'));
		writeFileSync(path.join(shelf, 'vol1.alto.xml.errata.tei.xml'), '<TEI/>');
		const batch = runCli(['--batch', shelf, '--format', 'json']);
		expect(batch.code).toBe(0);
		const reports = JSON.parse(batch.stdout) as Report[];
		expect(reports.map((r) => path.basename(r.printings[0]!.source))).toEqual(['vol1.alto.xml', 'vol1.hocr']);
		expect(rowsOf(reports[0]!)).toEqual(rowsOf(reports[1]!));
	});

	it('finds a PDF’s contents pages by themselves: from the CONTENTS heading while the lines end in pages', () => {
		type Placed = {printings: {items: number}[]; rows: {a: {place?: {page: number}} | null}[]};
		const report = json([fixture('book.pdf'), fixture('b.txt')]) as unknown as Placed;
		const pages = new Set(report.rows.flatMap((row) => (row.a?.place ? [row.a.place.page] : [])));
		expect([...pages].sort()).toEqual([3, 4]);
		expect(report.printings[0]!.items).toBeGreaterThan(20);
		// --pages still chooses.
		const chosen = json([fixture('book.pdf'), fixture('b.txt'), '--pages', '1-2']) as unknown as Placed;
		expect(new Set(chosen.rows.flatMap((row) => (row.a?.place ? [row.a.place.page] : [])))).toEqual(new Set([1, 2]));
	});

	it('reads the pages of a PDF that --pages names', () => {
		const whole = json([fixture('a-textlayer.pdf'), fixture('b.alto.xml')]);
		const second = json([fixture('a-textlayer.pdf'), fixture('b.alto.xml'), '--pages', '2']);
		expect(second.printings[0]!.items).toBeLessThan(whole.printings[0]!.items);
	});
});

describe('OCR files that cannot be read say so in one line (#15)', () => {
	it.each([
		[
			'malformed XML',
			() => writeFileSync(path.join(scratch, 'bad.xml'), readFileSync(fixture('a.alto.xml'), 'utf8').replace('</TextLine>', '</TextBlock>')),
			'bad.xml',
			/^tocdiff: .*bad\.xml:\d+:\d+: not well-formed XML \(unexpected close tag\); fix the file, or give the OCR engine's output again\n$/u,
		],
		[
			'XML of another kind',
			() => writeFileSync(path.join(scratch, 'tei.xml'), '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>\n'),
			'tei.xml',
			/^tocdiff: .*tei\.xml is XML or HTML \(<TEI>\) but not ALTO, PAGE XML or hOCR; give plain text, an OCR file in one of those formats, or a PDF with a text layer\n$/u,
		],
		[
			'a PDF with no text layer',
			() => cpSync(fixture('no-text-layer.pdf'), path.join(scratch, 'scan.pdf')),
			'scan.pdf',
			/^tocdiff: .*scan\.pdf has no text layer \(a scan only\); run OCR on it first .*\n$/u,
		],
		[
			'a broken PDF',
			() => writeFileSync(path.join(scratch, 'cut.pdf'), readFileSync(fixture('b-2-scan.pdf')).subarray(0, 300)),
			'cut.pdf',
			/^tocdiff: .*cut\.pdf (?:is not a PDF that can be read|has no text layer).*\n$/u,
		],
	])('%s', (_name, make, file, message) => {
		make();
		const result = runCli([path.join(scratch, file), fixture('b.alto.xml')]);
		expect(result.stderr).toMatch(message);
		expect(result.code).toBe(3);
	});

	it('a page range past the PDF’s end', () => {
		const result = runCli([fixture('a-textlayer.pdf'), fixture('b.txt'), '--pages', '3-4']);
		expect(result.stderr).toMatch(/a-textlayer\.pdf has 2 pages; --pages 3-4 goes past its last; give pages within 1-2\n$/u);
		expect(result.code).toBe(3);
	});

	it('a page range that is no range', () => {
		const result = runCli([fixture('a-textlayer.pdf'), fixture('b.txt'), '--pages', '9-5']);
		expect(result.stderr).toBe('tocdiff: --pages takes a page or a range of a PDF\'s pages (5, or 5-9), not "9-5"\n');
		expect(result.code).toBe(2);
	});
});

describe('--format alto|page|hocr writes a corrected copy (#15)', () => {
	it.each([
		['alto', 'a.alto.xml', 'b.alto.xml'],
		['hocr', 'a.hocr', 'b.txt'],
		['page', 'a-2.page-2019.xml', 'b-2.page-2013.xml'],
	])('--format %s with no decisions writes the input again, byte for byte', (format, a, b) => {
		const out = path.join(scratch, `${a}.corrected`);
		const result = runCli([fixture(a), fixture(b), '--format', format, '-o', out, '--decisions', path.join(scratch, 'none.json')]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(readFileSync(out).equals(readFileSync(fixture(a)))).toBe(true);
	});

	it('applies the saved decisions, and never writes over the input', () => {
		const a = path.join(scratch, 'a.alto.xml');
		cpSync(fixture('a.alto.xml'), a);
		const report = JSON.parse(runCli([a, fixture('b.alto.xml'), '--format', 'json']).stdout) as {
			rows: {key: string; status: string; a: {title: string} | null; b: {title: string} | null}[];
		};
		const row = report.rows.find((r) => r.status === 'changed' && r.a?.title === 'Ill, THE MUSIC OF THE HEBREWS AND THE HINDUS')!;
		writeFileSync(
			`${a}.tocdiff.json`,
			JSON.stringify({schema: 'tocdiff-decisions/1', decisions: [{key: row.key, verdict: 'edit', text: 'III. THE MUSIC OF THE HEBREWS AND THE HINDUS 32'}]}),
		);
		const result = runCli([a, fixture('b.alto.xml'), '--format', 'alto', '-o', path.join(scratch, 'fixed.xml')]);
		expect(result.code).toBe(0);
		const fixed = readFileSync(path.join(scratch, 'fixed.xml'), 'utf8');
		const input = readFileSync(a, 'utf8');
		expect(input).toContain('CONTENT="32."');
		expect(fixed).not.toBe(input);
		// Two words changed in place, the numbering and the page; their ids and boxes as they were.
		const changed = fixed.split('\n').filter((line, k) => line !== input.split('\n')[k]);
		expect(changed, changed.join('\n')).toHaveLength(2);
		expect(changed[0]).toMatch(/<String ID="string_39" HPOS="155" VPOS="556" WIDTH="28" HEIGHT="18" WC="0.82" CONTENT="III."\/>/u);
		expect(changed[1]).toMatch(/<String ID="string_49" HPOS="700" VPOS="580" WIDTH="40" HEIGHT="19" WC="0.67" CONTENT="32"\/>/u);
		const over = runCli([a, fixture('b.alto.xml'), '--format', 'alto', '-o', a]);
		expect(over.stderr).toMatch(/a\.alto\.xml is one of the inputs; choose another --output path\n$/u);
		expect(over.code).toBe(3);
		expect(readFileSync(a, 'utf8')).toBe(input);
	});

	it('says which format the base printing is in when another is asked for', () => {
		const result = runCli([fixture('a.hocr'), fixture('b.alto.xml'), '--format', 'alto']);
		expect(result.stderr).toMatch(
			/^tocdiff: --format alto writes a corrected copy of printing A's own ALTO file, and .*a\.hocr is hOCR; use --format hocr\n$/u,
		);
		expect(result.code).toBe(3);
	});
});
