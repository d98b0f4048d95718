import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliPath, runCli, samplePath} from './run-cli.js';

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
	writeFileSync(
		path.join(volumes, 'vol2.txt'),
		'CONTENTS\n\nPreface\t5\nI. Origins\t7\nII. Growth\t19\n\nCONTENTS\n\nPreface\t5\nI. Origins\t7\nII. Growth\t21\n',
	);
	writeFileSync(path.join(volumes, 'vol10.txt'), readFileSync(seed, 'utf8').split('\n').slice(0, 30).join('\n'));
	writeFileSync(path.join(volumes, '.hidden'), 'not a contents page\n');
	writeFileSync(path.join(volumes, 'vol2.txt.tocdiff.json'), '{"schema":"tocdiff-decisions/1","decisions":[]}\n');
	writeFileSync(path.join(volumes, 'SOURCES.md'), '# Where the volumes come from\n');
	writeFileSync(path.join(volumes, 'vol31.txt.errata.html'), '<p>an earlier report</p>\n');
});

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('tocdiff --batch (#5)', () => {
	it('compares every file of a folder and prints a summary table, exiting 3 when one failed', () => {
		const {code, stdout, stderr} = runCli(['--batch', volumes, '--jobs', '2']);
		expect(code).toBe(3);
		// Sidecars, notes and reports are no contents pages by their names; a hidden file might be one.
		expect(stderr).toBe('tocdiff: skipped 1: 1 hidden file\n');
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
		expect(records[0]).toBe('file,row,key,a_lines,b_lines,page,kind,severity,field,a,b,decision,edit,note,suggestion,confidence,why,others,checks');
		const perFile = files.map((file) => runCli([file, '--format', 'csv']).stdout.trimEnd().split('\r\n').length - 1);
		expect(records.slice(1).map((record) => record.slice(0, record.indexOf('.txt,') + 4))).toEqual(
			files.flatMap((file, k) => Array.from({length: perFile[k]!}, () => file)),
		);
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
		expect(refused.stderr).toBe(
			'tocdiff: --batch --format tei writes one report beside each file (vol1.txt.errata.tei.xml); leave out --output, or use json, csv, text or markdown for one report\n',
		);
	});

	it('exits 1 with --exit-code when a volume differs', () => {
		expect(runCli(['--batch', path.join(volumes, 'vol2.txt'), '--exit-code']).code).toBe(1);
	});

	it.each([
		[['--batch'], /--batch needs a folder or files/],
		[['--batch', '-'], /--batch reads files, not standard input/],
		[['--jobs', '2', 'a.txt'], /--jobs is for --batch/],
		[['--batch', 'a.txt', '--jobs', '0'], /--jobs takes a number/],
		[['--recursive', 'a.txt'], /--recursive is for --batch/],
	])('rejects %j as a usage error', (args, message) => {
		const {code, stderr} = runCli(args);
		expect(code).toBe(2);
		expect(stderr).toMatch(message);
	});
});

describe('tocdiff --batch: what a folder holds besides contents pages', () => {
	/** A folder with two volumes, a subfolder holding a third, a hidden file, a FIFO and a broken link. */
	function shelf(): string {
		const folder = mkdtempSync(path.join(directory, 'shelf-'));
		const two = readFileSync(path.join(volumes, 'vol2.txt'));
		writeFileSync(path.join(folder, 'vol1.txt'), two);
		writeFileSync(path.join(folder, 'vol2.txt'), two);
		mkdirSync(path.join(folder, 'later'));
		writeFileSync(path.join(folder, 'later', 'vol3.txt'), two);
		writeFileSync(path.join(folder, '.vol4.txt'), two);
		symlinkSync(path.join(folder, 'gone.txt'), path.join(folder, 'vol5.txt'));
		// A FIFO nobody writes to: reading it would wait for ever.
		expect(spawnSync('mkfifo', [path.join(folder, 'vol6.txt')]).status).toBe(0);
		return folder;
	}

	it('says in one line on standard error what it skipped, and why a folder was', () => {
		const folder = shelf();
		const {code, stdout, stderr} = runCli(['--batch', folder]);
		expect(code).toBe(0);
		expect(stderr).toBe('tocdiff: skipped 4: 1 folder (use --recursive), 1 hidden file, 1 FIFO, 1 broken link\n');
		expect(stdout).toContain('2 files: 2 compared (2 with differences), 0 failed');
	});

	it('compares the files of subfolders too with --recursive, in name order', () => {
		const folder = shelf();
		mkdirSync(path.join(folder, '.git'));
		// A link back up must not send it round for ever.
		symlinkSync(folder, path.join(folder, 'later', 'up'));
		const {code, stdout, stderr} = runCli(['--batch', '--recursive', folder]);
		expect(code).toBe(0);
		expect(stderr).toBe('tocdiff: skipped 4: 1 hidden file, 1 hidden folder, 1 FIFO, 1 broken link\n');
		const named = stdout
			.split('\n')
			.filter((line) => line.startsWith(folder))
			.map((line) => path.relative(folder, line.split(/\s/)[0]!));
		expect(named).toEqual([path.join('later', 'vol3.txt'), 'vol1.txt', 'vol2.txt']);
	});

	it('says nothing when it skipped nothing', () => {
		const folder = mkdtempSync(path.join(directory, 'plain-'));
		copyFileSync(path.join(volumes, 'vol2.txt'), path.join(folder, 'vol2.txt'));
		writeFileSync(path.join(folder, 'vol2.txt.tocdiff.json'), '{"schema":"tocdiff-decisions/1","decisions":[]}\n');
		expect(runCli(['--batch', folder]).stderr).toBe('');
	});
});

describe('tocdiff --batch --jobs', () => {
	const cores = availableParallelism();
	const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

	/** Peak memory in KB of a batch run, from GNU time. */
	function peakKb(folder: string, jobs: number): number {
		const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cliPath, '--batch', folder, '--jobs', String(jobs)], {
			encoding: 'utf8',
			env: {...process.env, NO_COLOR: '1'},
		});
		expect(result.status).toBe(0);
		return Number(result.stderr.trim().split('\n').at(-1));
	}

	// A worker thread costs some 10 MB: a thousand asked for, on a shelf of many files, took 26 s and 1.2 GB.
	it.skipIf(!hasTime)(
		'starts no more workers than a small multiple of the cores, however many are asked for',
		() => {
			const folder = mkdtempSync(path.join(directory, 'many-'));
			const files = 8 * cores + 8;
			const two = readFileSync(path.join(volumes, 'vol2.txt'));
			for (let k = 0; k < files; k++) writeFileSync(path.join(folder, `vol${k}.txt`), two);
			const capped = peakKb(folder, 2 * cores);
			const asked = peakKb(folder, 1000);
			expect(asked).toBeLessThan(capped * 1.5);
		},
		60_000,
	);

	it('says so in --help', () => {
		expect(runCli(['--help']).stdout).toMatch(/--jobs N +worker threads for --batch \(default: one per CPU core;\n +at most two per core, and one per file\)/);
	});
});
