import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli, samplePath} from './run-cli.js';

// A folder of small volumes: two good ones, one holding a single printing, and files that are no
// contents pages (skipped): a hidden file, a decisions sidecar, notes and an earlier report. See issue 5.
let directory: string;
let volumes: string;

beforeAll(() => {
	directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-batch-'));
	volumes = path.join(directory, 'volumes');
	mkdirSync(volumes);
	const seed = samplePath('lenin-cw31-two-printings.txt');
	copyFileSync(seed, path.join(volumes, 'vol31.txt'));
	writeFileSync(path.join(volumes, 'vol2.txt'), 'CONTENTS\n\nPreface\t5\nI. Origins\t7\nII. Growth\t19\n\nCONTENTS\n\nPreface\t5\nI. Origins\t7\nII. Growth\t21\n');
	writeFileSync(path.join(volumes, 'vol10.txt'), readFileSync(seed, 'utf8').split('\n').slice(0, 30).join('\n'));
	writeFileSync(path.join(volumes, '.hidden'), 'not a contents page\n');
	writeFileSync(path.join(volumes, 'vol2.txt.tocdiff.json'), '{"schema":"tocdiff-decisions/1","decisions":[]}\n');
	writeFileSync(path.join(volumes, 'SOURCES.md'), '# Where the volumes come from\n');
	writeFileSync(path.join(volumes, 'vol31.txt.errata.html'), '<p>an earlier report</p>\n');
});

afterAll(() => rmSync(directory, {recursive: true, force: true}));

describe('tocdiff --batch (#5)', () => {
	it('compares every file of a folder and prints a summary table, exiting 3 when one failed', () => {
		const {code, stdout, stderr} = runCli(['--batch', volumes, '--jobs', '2']);
		expect(code).toBe(3);
		expect(stderr).toBe('');
		const lines = stdout.split('\n');
		expect(lines[0]).toMatch(/^file\s+rows\s+differing rows\s+substantive\s+minor\s+cosmetic\s+ms$/);
		// Files in natural order: vol2 before vol10; hidden files and sidecars left out.
		const named = lines.filter((line) => line.startsWith(volumes)).map((line) => path.basename(line.split(/\s/)[0]!));
		expect(named).toEqual(['vol2.txt', 'vol31.txt', 'vol10.txt']);
		expect(stdout).toMatch(/vol10\.txt {2}failed: .*seems to hold only one printing/);
		expect(stdout).toContain('3 files: 2 compared (2 with differences), 1 failed');
	});

	it('refuses a file over 16 MB as one failed item, and compares the others (#6)', () => {
		const big = path.join(directory, 'whole-book.txt');
		writeFileSync(big, Buffer.alloc(17 * 1024 * 1024, 'Chapter One\t12\n'));
		const {code, stdout} = runCli(['--batch', big, path.join(volumes, 'vol2.txt')]);
		expect(code).toBe(3);
		expect(stdout).toContain(`${big}  failed: ${big} is over 16 MB, more than any contents page`);
		expect(stdout).toContain('2 files: 1 compared (1 with differences), 1 failed');
	});

	it('writes control characters quoted from a file as \\u escapes, as a single run does (#6)', () => {
		const own = mkdtempSync(path.join(directory, 'escapes-'));
		const file = path.join(own, 'vol2.txt');
		copyFileSync(path.join(volumes, 'vol2.txt'), file);
		writeFileSync(`${file}.tocdiff.json`, '\u001B[31m not json');
		// Reports read the decisions file; the summary alone does not.
		const batch = runCli(['--batch', file, '--format', 'text']);
		const single = runCli([file]);
		const shown = batch.stdout + batch.stderr;
		expect(batch.code).toBe(3);
		expect(shown).not.toContain('\u001B');
		expect(shown).toContain("token '\\u001b'");
		expect(single.stderr).toContain("token '\\u001b'");
	});

	it('gives one JSON report per file in one array, the summary on standard error', () => {
		const {code, stdout, stderr} = runCli(['--batch', path.join(volumes, 'vol2.txt'), path.join(volumes, 'vol31.txt'), '--format', 'json']);
		expect(code).toBe(0);
		const reports = JSON.parse(stdout) as Array<{summary: {rows: number; differing: number}}>;
		expect(reports).toHaveLength(2);
		expect(reports[0]!.summary).toMatchObject({rows: 4, differing: 1});
		const single = runCli([samplePath('lenin-cw31-two-printings.txt'), '--format', 'json']);
		expect(reports[1]!.summary).toEqual((JSON.parse(single.stdout) as {summary: unknown}).summary);
		expect(stderr).toContain('2 files: 2 compared (2 with differences), 0 failed');
	});

	it('never writes its report over a file it compares, nor over a decisions file', () => {
		const input = path.join(volumes, 'vol2.txt');
		const before = readFileSync(input);
		for (const [output, what] of [
			[input, 'is one of the inputs'],
			[`${input}.tocdiff.json`, 'holds the review decisions'],
		] as const) {
			const {code, stderr} = runCli(['--batch', input, path.join(volumes, 'vol31.txt'), '--format', 'json', '-o', output]);
			expect(code).toBe(3);
			expect(stderr.trimEnd()).toBe(`tocdiff: ${output} ${what}; choose another --output path`);
		}

		expect(readFileSync(input)).toEqual(before);
	});

	it('says in words why it cannot write its report, as a single run does', () => {
		const output = path.join(directory, 'missing', 'reports.json');
		const {code, stderr} = runCli(['--batch', path.join(volumes, 'vol2.txt'), '--format', 'json', '-o', output]);
		expect(code).toBe(3);
		expect(stderr.trimEnd()).toBe(`tocdiff: cannot write ${output}: the folder does not exist or takes no new files; choose another --output path`);
	});

	it('reports an unreadable file in the JSON array and in the summary', () => {
		const missing = path.join(directory, 'missing.txt');
		const {code, stdout, stderr} = runCli(['--batch', missing, path.join(volumes, 'vol2.txt'), '--format', 'json']);
		expect(code).toBe(3);
		const reports = JSON.parse(stdout) as Array<{source?: string; error?: string}>;
		expect(reports[0]).toEqual({source: missing, error: `${missing}: no such file; check the path`});
		expect(stderr).toContain(`${missing}  failed: ${missing}: no such file; check the path`);
	});

	it('gives one CSV table for many files: the header once, each record naming its file', () => {
		const files = [path.join(volumes, 'vol2.txt'), path.join(volumes, 'vol31.txt')];
		const {code, stdout} = runCli(['--batch', ...files, '--format', 'csv']);
		expect(code).toBe(0);
		const records = stdout.trimEnd().split('\r\n');
		expect(records.filter((record) => record.startsWith('file,row,key,'))).toHaveLength(1);
		expect(records[0]).toBe('file,row,key,a_lines,b_lines,page,kind,severity,field,a,b,decision,edit,note,suggestion,confidence,why');
		const perFile = files.map((file) => runCli([file, '--format', 'csv']).stdout.trimEnd().split('\r\n').length - 1);
		expect(records.slice(1).map((record) => record.slice(0, record.indexOf('.txt,') + 4))).toEqual(files.flatMap((file, k) => Array.from({length: perFile[k]!}, () => file)));
	});

	it('writes an HTML, TEI or corrected contents page beside each file, and refuses --output for them', () => {
		const folder = mkdtempSync(path.join(directory, 'beside-'));
		for (const name of ['vol2.txt', 'vol31.txt']) copyFileSync(path.join(volumes, name), path.join(folder, name));
		const {code, stdout} = runCli(['--batch', folder, '--format', 'html']);
		expect(code).toBe(0);
		expect(stdout).toContain('wrote 2 html reports beside their files: vol2.txt.errata.html, vol31.txt.errata.html');
		expect(readFileSync(path.join(folder, 'vol31.txt.errata.html'), 'utf8')).toBe(runCli([path.join(folder, 'vol31.txt'), '--format', 'html']).stdout);
		expect(runCli(['--batch', folder, '--format', 'toc']).code).toBe(0);
		expect(readFileSync(path.join(folder, 'vol2.txt.corrected.txt'), 'utf8')).toBe(runCli([path.join(folder, 'vol2.txt'), '--format', 'toc']).stdout);
		const refused = runCli(['--batch', folder, '--format', 'tei', '--output', path.join(directory, 'all.xml')]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe('tocdiff: --batch --format tei writes one report beside each file (vol1.txt.errata.tei.xml); leave out --output, or use json, csv, text or markdown for one report\n');
	});

	it('exits 1 with --exit-code when a volume differs', () => {
		expect(runCli(['--batch', path.join(volumes, 'vol2.txt'), '--exit-code']).code).toBe(1);
	});

	it.each([
		[['--batch'], /--batch needs a folder or files/],
		[['--batch', '-'], /--batch reads files, not standard input/],
		[['--jobs', '2', 'a.txt'], /--jobs is for --batch/],
		[['--batch', 'a.txt', '--jobs', '0'], /--jobs takes a number/],
	])('rejects %j as a usage error', (args, message) => {
		const {code, stderr} = runCli(args);
		expect(code).toBe(2);
		expect(stderr).toMatch(message);
	});
});
