import {spawnSync} from 'node:child_process';
import {closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {stackLine} from '../../src/soak/judge.js';
import {cliPath, runCli, samplePath} from './run-cli.js';

// Writes that fail where the report goes: standard output full, closed or a device that gave up,
// and `-o` paths that are valid but were refused. Each is one line and exit 3, never a trace.

let dir: string;
let seed: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-write-'));
	seed = path.join(dir, 'vol31.txt');
	copyFileSync(samplePath('lenin-cw31-two-printings.txt'), seed);
});

/** Run the built command with standard output on `stdout` (a file opened as `flags`) or a pipe. */
function runWithStdout(
	args: readonly string[],
	stdout: {readonly file: string; readonly flags: string} | 'pipe',
): {code: number | null; stdout: string; stderr: string} {
	const fd = stdout === 'pipe' ? 'pipe' : openSync(stdout.file, stdout.flags);
	try {
		const result = spawnSync(process.execPath, [cliPath, ...args], {cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 30_000});
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- null when the process could not start, whatever the types say
		return {code: result.status, stdout: result.stdout ?? '', stderr: result.stderr};
	} finally {
		if (typeof fd === 'number') closeSync(fd);
	}
}

function expectOneLine(stderr: string, pattern: RegExp): void {
	expect(stderr).not.toMatch(stackLine);
	expect(stderr).not.toMatch(/internal error/);
	expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(stderr.trimEnd()).toMatch(pattern);
}

describe('standard output that cannot be written', () => {
	it.each([
		['text', ['vol31.txt', '--no-tui']],
		['json', ['vol31.txt', '--format', 'json']],
		['a batch table', ['--batch', 'vol31.txt']],
	])('full (/dev/full), the %s report: one line, exit 3', (_what, args) => {
		const result = runWithStdout(args, {file: '/dev/full', flags: 'w'});
		expect(result.code).toBe(3);
		expectOneLine(result.stderr, /^tocdiff: cannot write to standard output: the disk is full; free some space, or write the report to a file with -o PATH$/);
	});

	it('opened for reading only (EBADF): one line, exit 3', () => {
		const result = runWithStdout(['vol31.txt', '--format', 'json'], {file: '/dev/null', flags: 'r'});
		expect(result.code).toBe(3);
		expectOneLine(result.stderr, /^tocdiff: cannot write to standard output: it is not open for writing; write the report to a file with -o PATH$/);
	});

	it('a reader that stops early (EPIPE) is no error: exit 0, nothing said', () => {
		// Only tocdiff's side of a pipe that `head` closes after 10 bytes.
		const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" vol31.txt --format json | head -c 10 > /dev/null; exit \${PIPESTATUS[0]}`], {
			cwd: dir,
			encoding: 'utf8',
		});
		expect(piped.status).toBe(0);
		expect(piped.stderr).toBe('');
	});
});

describe('-o paths that are valid', () => {
	it('writes a report whose name has 250 characters: the temporary file beside it is shorter', () => {
		const name = `${'errata-of-the-collected-works-'.repeat(9).slice(0, 247)}.md`;
		expect(name).toHaveLength(250);
		const {code, stderr} = runCli(['vol31.txt', '-o', name], {cwd: dir});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(readFileSync(path.join(dir, name), 'utf8')).toMatch(/^# Errata/);
		expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
	});

	it('writes a Cyrillic name of 250 bytes (125 letters) too', () => {
		const name = `${'Ж'.repeat(122)}.md`;
		const {code, stderr} = runCli(['vol31.txt', '-o', name], {cwd: dir});
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(existsSync(path.join(dir, name))).toBe(true);
	});

	it.each(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'])('treats -o %s into a pipe as standard output', (target) => {
		const result = runWithStdout(['vol31.txt', '--format', 'json', '-o', target], 'pipe');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({schema: 'tocdiff-report/1'});
	});

	it('says the disk is full for -o /dev/stdout onto /dev/full, as for standard output', () => {
		const result = runWithStdout(['vol31.txt', '-o', '/dev/stdout'], {file: '/dev/full', flags: 'w'});
		expect(result.code).toBe(3);
		expectOneLine(result.stderr, /^tocdiff: cannot write to standard output: the disk is full/);
	});
});
