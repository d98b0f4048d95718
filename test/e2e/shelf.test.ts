import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {reportProblems} from '../../src/soak/report-schema.js';
import {cliPath, runCli, samplePath} from './run-cli.js';

// A shelf for the schedulers (issue 17): seven volumes that compare (some alike, so that only the
// source tells their lines apart) and one that fails.
let directory: string;
let shelf: string;
let volumes: string[];

type Line = {source: string; schema?: string; error?: string; summary?: {differing: number}};
const readLines = (text: string): Line[] =>
	text
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => JSON.parse(line) as Line);

beforeAll(() => {
	directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-shelf-e2e-'));
	shelf = path.join(directory, 'shelf');
	mkdirSync(shelf);
	for (let k = 1; k <= 7; k++) copyFileSync(samplePath('lenin-cw31-two-printings.txt'), path.join(shelf, `vol${k}.txt`));
	writeFileSync(
		path.join(shelf, 'vol2.txt'),
		'CONTENTS\n\nPreface\t5\nI. Origins\t7\nII. Growth\t19\n\nCONTENTS\n\nPreface\t5\nI. Origins\t7\nII. Growth\t21\n',
	);
	writeFileSync(path.join(shelf, 'vol5.txt'), 'one printing only\t3\n');
	volumes = readdirSync(shelf).map((name) => path.join(shelf, name));
});

afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('tocdiff --batch --format jsonl (#17)', () => {
	it("writes one report a line, each the single run's JSON report with its source, and an error line for a failed file", () => {
		const {code, stdout, stderr} = runCli(['--batch', shelf, '--format', 'jsonl', '--jobs', '2']);
		expect(code).toBe(3);
		const lines = readLines(stdout);
		expect(lines.map((line) => line.source).sort()).toEqual([...volumes].sort());
		const failed = lines.find((line) => line.source.endsWith('vol5.txt'))!;
		expect(Object.keys(failed)).toEqual(['source', 'error']);
		expect(failed.error).toContain('vol5.txt');
		const vol2 = lines.find((line) => line.source.endsWith('vol2.txt'))!;
		const single = JSON.parse(runCli([path.join(shelf, 'vol2.txt'), '--format', 'json']).stdout) as object;
		expect(vol2).toEqual({source: path.join(shelf, 'vol2.txt'), ...single});
		// Each report line is a tocdiff-report/1 object, its source included.
		for (const line of lines.filter((each) => each.error === undefined)) expect(reportProblems(line)).toEqual([]);
		expect(stderr).toMatch(/vol5\.txt {2}failed: /);
		expect(stderr).toContain('7 files: 6 compared (6 with differences), 1 failed');
	});

	it('picks jsonl from an output named .jsonl', () => {
		const output = path.join(directory, 'named.jsonl');
		expect(runCli(['--batch', path.join(shelf, 'vol2.txt'), '-o', output]).code).toBe(0);
		expect(readLines(readFileSync(output, 'utf8')).map((line) => line.source)).toEqual([path.join(shelf, 'vol2.txt')]);
	});

	it('exits 1 with --exit-code when a volume differs, as the other formats do', () => {
		expect(runCli(['--batch', path.join(shelf, 'vol2.txt'), '--format', 'jsonl', '--exit-code']).code).toBe(1);
	});
});

describe('tocdiff --batch --resume (#17)', () => {
	it('skips what the output holds, redoes a torn last line, and keeps every complete line', () => {
		const output = path.join(directory, 'resumed.jsonl');
		expect(runCli(['--batch', shelf, '--format', 'jsonl', '-o', output]).code).toBe(3);
		const whole = readFileSync(output, 'utf8');
		const complete = whole.split('\n').slice(0, 3);
		// A run killed half-way through its fourth line.
		const kept = `${complete.join('\n')}\n`;
		const fourth = whole.split('\n')[3]!;
		writeFileSync(output, kept + fourth.slice(0, 100));

		const resumed = runCli(['--batch', shelf, '--format', 'jsonl', '-o', output, '--resume']);
		const after = readFileSync(output, 'utf8');
		expect(after.startsWith(kept)).toBe(true);
		expect(after.endsWith('\n')).toBe(true);
		const sources = readLines(after).map((line) => line.source);
		expect(sources.sort()).toEqual([...volumes].sort());
		expect(resumed.stderr).toContain('its last line was torn');
		expect(resumed.stderr).toMatch(/4 files: \d compared .*; 3 files already in .*resumed\.jsonl \(\d failed\), skipped/);
		// The failed file's line was there, or is now: exit 3 either way.
		expect(resumed.code).toBe(3);

		// Nothing left to do: nothing is added, nothing lost.
		const again = runCli(['--batch', shelf, '--format', 'jsonl', '-o', output, '--resume']);
		expect(readFileSync(output, 'utf8')).toBe(after);
		expect(again.stderr).toContain('0 files: 0 compared (0 with differences), 0 failed; 7 files already in');
	});

	it('starts the output when it does not exist yet', () => {
		const output = path.join(directory, 'first.jsonl');
		expect(runCli(['--batch', path.join(shelf, 'vol1.txt'), '--format', 'jsonl', '-o', output, '--resume']).code).toBe(0);
		expect(readLines(readFileSync(output, 'utf8'))).toHaveLength(1);
	});

	it.skipIf(!existsSync('/dev/full'))('says in one line that the output is full, exit 3, never a stack', () => {
		const {code, stderr} = runCli(['--batch', shelf, '--format', 'jsonl', '-o', '/dev/full', '--jobs', '2']);
		expect(code).toBe(3);
		expect(stderr).toBe('tocdiff: cannot write /dev/full: the disk is full; free some space, then run again with --resume\n');
	});

	it('refuses --resume without a file to resume, in one line', () => {
		const {code, stderr} = runCli(['--batch', shelf, '--format', 'jsonl', '--resume']);
		expect(code).toBe(2);
		expect(stderr).toBe('tocdiff: --resume reads the lines already written: use it with --format jsonl -o FILE\n');
	});

	it('resumes an empty output', () => {
		const output = path.join(directory, 'empty.jsonl');
		writeFileSync(output, '');
		expect(runCli(['--batch', path.join(shelf, 'vol1.txt'), '--format', 'jsonl', '-o', output, '--resume']).code).toBe(0);
		expect(readLines(readFileSync(output, 'utf8'))).toHaveLength(1);
	});
});

describe('tocdiff --batch --shard (#17)', () => {
	it('splits a shelf into disjoint shards that together hold every file once', () => {
		const shards = [0, 1, 2].map((k) => readLines(runCli(['--batch', shelf, '--shard', `${k}/3`, '--format', 'jsonl']).stdout).map((line) => line.source));
		const union = shards.flat();
		expect(new Set(union).size).toBe(union.length);
		expect(union.sort()).toEqual([...volumes].sort());
		// Sorted by name, every third from the first: vol1, vol4, vol7.
		expect(shards[0]!.map((file) => path.basename(file)).sort()).toEqual(['vol1.txt', 'vol4.txt', 'vol7.txt']);
	});

	it('gives the same shard whatever the order of the inputs', () => {
		const shardOf = (inputs: readonly string[]): string[] =>
			readLines(runCli(['--batch', ...inputs, '--shard', '1/2', '--format', 'jsonl']).stdout)
				.map((line) => line.source)
				.sort();
		expect(shardOf(volumes)).toEqual(shardOf([...volumes].reverse()));
	});

	it('refuses a shard past the last in one line, exit 2', () => {
		const {code, stderr} = runCli(['--batch', shelf, '--shard', '3/3']);
		expect(code).toBe(2);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toContain('not "3/3"');
	});

	it('says a shard with no files is empty and exits 0', () => {
		const {code, stderr} = runCli(['--batch', path.join(shelf, 'vol1.txt'), '--shard', '1/2']);
		expect(code).toBe(0);
		expect(stderr).toBe('tocdiff: shard 1/2 of 1 files is empty\n');
	});
});

describe('tocdiff --batch --files-from (#17)', () => {
	it('reads the inputs from a file, one a line, blank lines ignored', () => {
		const list = path.join(directory, 'list.txt');
		writeFileSync(list, `${path.join(shelf, 'vol1.txt')}\n\n${path.join(shelf, 'vol2.txt')}\r\n`);
		const {code, stdout} = runCli(['--batch', '--files-from', list, '--format', 'jsonl']);
		expect(code).toBe(0);
		expect(
			readLines(stdout)
				.map((line) => path.basename(line.source))
				.sort(),
		).toEqual(['vol1.txt', 'vol2.txt']);
	});

	it('reads the inputs from standard input, beside those named', () => {
		const {code, stdout} = runCli(['--batch', path.join(shelf, 'vol3.txt'), '--files-from', '-', '--format', 'jsonl'], {
			input: `${path.join(shelf, 'vol1.txt')}\n${path.join(shelf, 'vol2.txt')}\n`,
		});
		expect(code).toBe(0);
		expect(
			readLines(stdout)
				.map((line) => path.basename(line.source))
				.sort(),
		).toEqual(['vol1.txt', 'vol2.txt', 'vol3.txt']);
	});

	it('says in one line that the list cannot be read, exit 3', () => {
		const {code, stderr} = runCli(['--batch', '--files-from', path.join(directory, 'no-list')]);
		expect(code).toBe(3);
		expect(stderr).toMatch(/^tocdiff: cannot read the list of inputs .*no-list: .*; check the path given to --files-from\n$/);
	});

	it('names only the first few inputs of a long list that holds nothing to compare', () => {
		const empty = Array.from({length: 5}, (_, k) => mkdtempSync(path.join(directory, `empty-${k}-`)));
		const {code, stderr} = runCli(['--batch', '--files-from', '-'], {input: empty.join('\n')});
		expect(code).toBe(3);
		expect(stderr).toBe(`tocdiff: ${empty.slice(0, 3).join(', ')} and 2 more: no files to compare; give a folder of contents pages or the files themselves\n`);
	});

	it('says that an empty list names no files, exit 3', () => {
		const {code, stderr} = runCli(['--batch', '--files-from', '-'], {input: '\n\n'});
		expect(code).toBe(3);
		expect(stderr).toBe('tocdiff: --files-from - names no files; give one path a line\n');
	});
});

const hasParallel = spawnSync('sh', ['-c', 'command -v parallel']).status === 0;

describe('a shelf spread by GNU parallel (#17)', () => {
	// .ci/run installs GNU parallel where it can; where it is missing, the test says why it is skipped in its name.
	it.skipIf(!hasParallel)(
		`runs the README's example: four shards, each its own resumable output, together every file once${hasParallel ? '' : ' (skipped: GNU parallel is not installed)'}`,
		() => {
			const out = mkdtempSync(path.join(directory, 'parallel-'));
			const list = path.join(out, 'list.txt');
			writeFileSync(list, volumes.join('\n'));
			const command = `parallel --halt never -j 2 ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} --batch --files-from ${JSON.stringify(list)} --jobs 1 --shard {}/4 --format jsonl -o ${JSON.stringify(out)}/shard-{}.jsonl --resume ::: 0 1 2 3`;
			const result = spawnSync('sh', ['-c', command], {encoding: 'utf8', timeout: 60_000});
			// One shard holds the volume that fails: parallel counts one failed job.
			expect(result.status).toBe(1);
			const sources = [0, 1, 2, 3].flatMap((k) => readLines(readFileSync(path.join(out, `shard-${k}.jsonl`), 'utf8')).map((line) => line.source));
			expect(sources.sort()).toEqual([...volumes].sort());
		},
		90_000,
	);
});
