import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {reportProblems} from '../../src/soak/report-schema.js';
import {runCli} from './run-cli.js';

// Russian OCR output often comes in the old single-byte Cyrillic encodings. Read as Latin-1, every
// row differed and the command said nothing: each is recognised by which decoding reads as Russian.

/** Bytes of `text` in a single-byte `encoding`, from the decoder's own table (Node encodes UTF-8 only). */
function encode(text: string, encoding: string): Buffer {
	const decoder = new TextDecoder(encoding);
	const byChar = new Map<string, number>();
	for (let byte = 0xff; byte >= 0x80; byte--) byChar.set(decoder.decode(Uint8Array.of(byte)), byte);
	return Buffer.from(
		Array.from(text, (char) => {
			const code = char.codePointAt(0)!;
			if (code < 0x80) return code;
			const byte = byChar.get(char);
			if (byte === undefined) throw new Error(`${encoding} has no ${char}`);
			return byte;
		}),
	);
}

// The chapters of Что делать? (1902), with the quotation marks these encodings lack written as ".
const contents = readFileSync(new URL('../fixtures/eval/chto-delat-lenin-1902-ru-substitute.txt', import.meta.url), 'utf8').replaceAll(/[«»]/g, '"');
// A second printing: one page and one letter changed.
const second = contents.replace('Предисловие\t3', 'Предисловие\t4').replace('Критика в России', 'Критнка в России');

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-encodings-'));
	writeFileSync(path.join(dir, 'a.utf8.txt'), contents);
	writeFileSync(path.join(dir, 'b.utf8.txt'), second);
});

type Report = {printings: Array<{source: string; encoding?: string}>; rows: Array<{status: string; a: {title: string} | null}>; summary: unknown};

function report(a: string, b: string): {readonly code: number | null; readonly report: Report; readonly stderr: string} {
	const result = runCli([a, b, '--format', 'json'], {cwd: dir});
	return {code: result.code, report: JSON.parse(result.stdout || 'null') as Report, stderr: result.stderr};
}

describe('Cyrillic in a legacy single-byte encoding', () => {
	it.each([
		['windows-1251', 'windows-1251'],
		['KOI8-R', 'koi8-r'],
		['CP866', 'ibm866'],
		['ISO-8859-5', 'iso-8859-5'],
	])('reads %s as the same text as UTF-8, and the JSON says which it read', (_name, encoding) => {
		writeFileSync(path.join(dir, `a.${encoding}.txt`), encode(contents, encoding));
		writeFileSync(path.join(dir, `b.${encoding}.txt`), encode(second, encoding));
		const legacy = report(`a.${encoding}.txt`, `b.${encoding}.txt`);
		const utf8 = report('a.utf8.txt', 'b.utf8.txt');
		expect(legacy.stderr).toBe('');
		expect(legacy.code).toBe(0);
		expect(legacy.report.printings.map((p) => p.encoding)).toEqual([encoding, encoding]);
		expect(utf8.report.printings.map((p) => p.encoding)).toEqual(['utf-8', 'utf-8']);
		expect(legacy.report.rows).toEqual(utf8.report.rows);
		expect(legacy.report.summary).toEqual(utf8.report.summary);
		expect(legacy.report.rows.filter((row) => row.status === 'same').length).toBeGreaterThan(30);
		expect(reportProblems(legacy.report)).toEqual([]);
	});

	it.each(['koi8-r', 'ibm866', 'iso-8859-5'])('compares a printing in %s with one in UTF-8 as two of the same text', (encoding) => {
		writeFileSync(path.join(dir, `b.${encoding}.txt`), encode(second, encoding));
		const mixed = report('a.utf8.txt', `b.${encoding}.txt`);
		expect(mixed.code).toBe(0);
		expect(mixed.report.printings.map((p) => p.encoding)).toEqual(['utf-8', encoding]);
		// Read as Latin-1, every row differed.
		expect(mixed.report.summary).toEqual(report('a.utf8.txt', 'b.utf8.txt').report.summary);
	});

	it('refuses, naming the likely encodings and how to convert, when there is too little text to tell', () => {
		writeFileSync(path.join(dir, 'short.txt'), encode('Предисловие\t3\n', 'koi8-r'));
		const {code, stdout, stderr} = runCli(['short.txt', 'a.utf8.txt'], {cwd: dir});
		expect(code).toBe(3);
		expect(stdout).toBe('');
		expect(stderr).toMatch(
			/^tocdiff: short\.txt looks like Cyrillic text in (?:KOI8-R or Windows-1251|Windows-1251 or KOI8-R), too little of it to tell which; convert it to UTF-8 and give that, e\.g\. iconv -f \S+ -t UTF-8 short\.txt > converted\.txt\n$/,
		);
	});
});
