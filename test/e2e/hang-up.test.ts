import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openTerminal as openInTerminal} from '../../src/bench/terminal.js';
import {stackLine} from '../../src/soak/judge.js';
import {cleanUp, fill, mountSmallDisk, waitForPlain} from './faults.js';
import {cliPath, hasScript, samplePath} from './run-cli.js';

afterEach(cleanUp);

// The terminal closes under the review screen: a tmux session killed, an ssh connection dropped,
// a terminal window closed. It printed `write EIO` traces, an unhandled `error` event and a Node
// assertion, and exited 139; it must end as a SIGHUP does.

const pause = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open the review on the seed in a terminal, from a shell that outlives the terminal (it ignores
 * the hang-up) to record tocdiff's exit code and standard error, as a file would keep them.
 */
function openReview(dir: string, extra = ''): ReturnType<typeof openInTerminal> {
	const command = `trap '' HUP; "${process.execPath}" "${cliPath}" vol31.txt ${extra} 2> stderr.txt; echo $? > code.txt`;
	return openInTerminal(['bash', '-c', command], {cwd: dir, env: {NO_COLOR: '1'}});
}

async function exitCode(dir: string): Promise<number> {
	const file = path.join(dir, 'code.txt');
	const started = Date.now();
	while (!existsSync(file) || readFileSync(file, 'utf8') === '') {
		if (Date.now() - started > 15_000) throw new Error('tocdiff did not end after its terminal closed');
		// eslint-disable-next-line no-await-in-loop -- polling
		await pause(50);
	}

	return Number(readFileSync(file, 'utf8'));
}

function verdicts(file: string): string[] {
	return (JSON.parse(readFileSync(file, 'utf8')) as {decisions: Array<{verdict: string}>}).decisions.map((d) => d.verdict);
}

describe.skipIf(!hasScript)('the terminal closing under the review screen', () => {
	it.each([
		['with no signal (reads and writes fail)', false],
		['after a SIGHUP', true],
	])('%s: decisions saved, lock removed, exit 129, one line on standard error', async (_how, signal) => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-hangup-'));
		copyFileSync(samplePath('lenin-cw31-two-printings.txt'), path.join(dir, 'vol31.txt'));
		const decisions = path.join(dir, 'vol31.txt.tocdiff.json');
		const session = openReview(dir);
		await session.waitFor('0/23 rows decided');
		session.press('n');
		await session.waitFor('row 14/107');
		session.press('b');
		await session.waitFor('1/23 rows decided');
		session.press('n');
		await session.waitFor('row 43/107');
		// The last key, then the terminal goes while its frame may still be drawn.
		session.press('a');
		await pause(100);
		if (signal) process.kill((JSON.parse(readFileSync(`${decisions}.lock`, 'utf8')) as {pid: number}).pid, 'SIGHUP');
		session.hangUp();

		expect(await exitCode(dir)).toBe(129);
		const stderr = readFileSync(path.join(dir, 'stderr.txt'), 'utf8');
		expect(stderr).not.toMatch(stackLine);
		expect(stderr).not.toMatch(/Assertion|internal error|Unhandled|EIO/);
		expect(stderr).toMatch(
			/^tocdiff: stopped by (?:SIGHUP|a hang-up \(the terminal closed\)); 2 of 23 differing rows decided; decisions in vol31\.txt\.tocdiff\.json\n$/,
		);
		expect(verdicts(decisions)).toEqual(['b', 'a']);
		expect(existsSync(`${decisions}.lock`)).toBe(false);
	});

	it('a moment after a SIGHUP, as the review ends: exit 129, no abort as Node resets the terminal', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-hangup-'));
		copyFileSync(samplePath('lenin-cw31-two-printings.txt'), path.join(dir, 'vol31.txt'));
		const decisions = path.join(dir, 'vol31.txt.tocdiff.json');
		const session = openReview(dir);
		await session.waitFor('0/23 rows decided');
		session.press('n');
		await session.waitFor('row 14/107');
		session.press('b');
		await session.waitFor('1/23 rows decided');
		process.kill((JSON.parse(readFileSync(`${decisions}.lock`, 'utf8')) as {pid: number}).pid, 'SIGHUP');
		// The review has saved, restored the terminal and let go of its lock: the process is ending.
		const started = Date.now();
		while (existsSync(`${decisions}.lock`) && Date.now() - started < 10_000) {
			// eslint-disable-next-line no-await-in-loop -- polling as closely as a timer allows
			await pause(1);
		}

		session.hangUp();
		expect(await exitCode(dir)).toBe(129);
		expect(readFileSync(path.join(dir, 'stderr.txt'), 'utf8')).toMatch(
			/^tocdiff: stopped by SIGHUP; 1 of 23 differing rows decided; decisions in vol31\.txt\.tocdiff\.json\n$/,
		);
	});

	it('with decisions a full disk kept from being saved: every decision is put in the working folder, and the one line says where', async (context) => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-hangup-'));
		copyFileSync(samplePath('lenin-cw31-two-printings.txt'), path.join(dir, 'vol31.txt'));
		const disk = path.join(dir, 'disk');
		const cannot = mountSmallDisk(disk, '256k');
		context.skip(cannot !== undefined, cannot);
		const decisions = path.join(disk, 'vol31.tocdiff.json');
		const session = openReview(dir, `--decisions ${decisions}`);
		await session.waitFor('0/23 rows decided');
		session.press('n');
		await session.waitFor('row 14/107');
		session.press('b');
		await session.waitFor('1/23 rows decided');
		fill(disk);
		session.press('n');
		await session.waitFor('row 43/107');
		session.press('x');
		await waitForPlain(session, '2/23 rows decided (1 not saved *)');
		session.hangUp();

		expect(await exitCode(dir)).toBe(129);
		const rescued = readdirSync(dir).filter((name) => name.startsWith('vol31.tocdiff.json.rescued-'));
		expect(rescued).toHaveLength(1);
		expect(verdicts(path.join(dir, rescued[0]!))).toEqual(['b', 'not-error']);
		expect(verdicts(decisions)).toEqual(['b']);
		expect(readFileSync(path.join(dir, 'stderr.txt'), 'utf8')).toBe(
			`tocdiff: stopped by a hang-up (the terminal closed); 2 of 23 differing rows decided, but they could not be saved (${decisions}: the disk is full); all of them are in ${path.join(dir, rescued[0]!)}: give it with --decisions, or move it to ${decisions}\n`,
		);
	});
});
