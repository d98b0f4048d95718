import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readlinkSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanUp, fill, freeze, mountSmallDisk, seedFolder, waitForPlain} from './faults.js';
import {hasScript, openTerminal, type TerminalSession} from './run-cli.js';

// The review screen when its decisions cannot be saved any more (a full disk, a folder made
// read-only), and when the terminal is too small to show it. Root is not stopped by permissions,
// so these use what binds root too: a small tmpfs filled up, and the immutable attribute.

afterEach(cleanUp);

function verdicts(file: string): string[] {
	if (!existsSync(file)) return [];
	return (JSON.parse(readFileSync(file, 'utf8')) as {decisions: Array<{verdict: string}>}).decisions.map((d) => d.verdict);
}

/** The process holding the review's lock. */
function reviewPid(lockFile: string): number {
	return (JSON.parse(readFileSync(lockFile, 'utf8')) as {pid: number}).pid;
}

/** Decide the next undecided row with `key`, waiting until the header counts `decided`. */
async function decideNext(session: TerminalSession, key: string, decided: string): Promise<void> {
	session.clear();
	session.press('n');
	await session.waitFor('row ');
	session.press(key);
	await waitForPlain(session, decided);
}

describe.skipIf(!hasScript)('the review screen when saving fails', () => {
	it('shows a full disk at once, marks what is not saved, and saves it all when space comes back', async (context) => {
		const dir = seedFolder();
		const disk = path.join(dir, 'disk');
		const cannot = mountSmallDisk(disk, '256k');
		context.skip(cannot !== undefined, cannot);
		const decisions = path.join(disk, 'vol31.tocdiff.json');
		const session = openTerminal(['vol31.txt', '--decisions', decisions], {cwd: dir});
		await session.waitFor('0/23 rows decided');
		await decideNext(session, 'a', '1/23 rows decided');
		expect(verdicts(decisions)).toEqual(['a']);

		const free = fill(disk);
		await decideNext(session, 'b', '2/23 rows decided (1 not saved *)');
		// The row is marked, before its verdict.
		await waitForPlain(session, '*✓B');
		await session.waitFor('1 decision not saved (*)');
		await session.waitFor(`${decisions}: the disk is full.`);
		await decideNext(session, 'x', '3/23 rows decided (2 not saved *)');
		await decideNext(session, 'a', '4/23 rows decided (3 not saved *)');
		// Moving does not hide it.
		session.clear();
		session.press('jj');
		await session.waitFor('3 decisions not saved (*)');
		expect(verdicts(decisions)).toEqual(['a']);

		free();
		// The header counts no decision as not saved any more.
		await decideNext(session, 'b', '5/23 rows decided  row');
		expect(verdicts(decisions)).toEqual(['a', 'b', 'not-error', 'a', 'b']);
		session.press('q');
		expect(await session.exited).toBe(0);
		expect(session.output()).toContain(`tocdiff: 5 of 23 differing rows decided; decisions in ${decisions}`);
	});

	it('asks before quitting with decisions not saved, and q again quits, says what was lost in one line and exits 3', async (context) => {
		const dir = seedFolder();
		const disk = path.join(dir, 'disk');
		const cannot = mountSmallDisk(disk, '256k');
		context.skip(cannot !== undefined, cannot);
		const decisions = path.join(disk, 'vol31.tocdiff.json');
		const session = openTerminal(['vol31.txt', '--decisions', decisions], {cwd: dir});
		await session.waitFor('0/23 rows decided');
		await decideNext(session, 'a', '1/23 rows decided');
		fill(disk);
		await decideNext(session, 'b', '(1 not saved *)');
		await decideNext(session, 'b', '(2 not saved *)');
		session.clear();
		session.press('q');
		await session.waitFor('Quit and lose 2 decisions not saved? q quits · w saves them to another file · Esc goes back');
		session.press('q');
		expect(await session.exited).toBe(3);
		const tail = session.output().slice(session.output().lastIndexOf('\u001B[?1049l'));
		expect(tail).toMatch(
			new RegExp(
				`tocdiff: 3 of 23 differing rows decided, but the last 2 decisions were not saved \\(${decisions.replaceAll('.', '\\.')}: the disk is full\\) and are lost; make them again once \\S+ can be written, or with --decisions PATH\\r\\n`,
			),
		);
		expect(tail.split('tocdiff:')).toHaveLength(2);
		expect(verdicts(decisions)).toEqual(['a']);
	});

	it('saves every decision to another file with w when the folder is made read-only, and goes on saving there', async (context) => {
		const dir = seedFolder();
		const folder = path.join(dir, 'decisions');
		mkdirSync(folder);
		const decisions = path.join(folder, 'vol31.tocdiff.json');
		const session = openTerminal(['vol31.txt', '--decisions', decisions], {cwd: dir});
		await session.waitFor('0/23 rows decided');
		await decideNext(session, 'a', '1/23 rows decided');
		const cannot = freeze(folder);
		if (cannot !== undefined) await session.close();
		context.skip(cannot !== undefined, cannot);
		await decideNext(session, 'b', '(1 not saved *)');
		await session.waitFor(`${decisions}: permission denied.`);
		await decideNext(session, 'x', '(2 not saved *)');

		session.clear();
		session.press('w');
		await waitForPlain(session, `Save the decisions to: ${decisions}`);
		// Ctrl-U clears the line, as in the correction prompt.
		session.press('\u0015rescued.json\r');
		await session.waitFor('Saved 3 decisions to rescued.json; the next ones are saved there too.');
		await decideNext(session, 'a', '4/23 rows decided');
		expect(verdicts(path.join(dir, 'rescued.json'))).toEqual(['a', 'b', 'not-error', 'a']);
		expect(verdicts(decisions)).toEqual(['a']);
		// The new file is locked as the first was; the first is free again.
		expect(existsSync(path.join(dir, 'rescued.json.lock'))).toBe(true);
		expect(existsSync(`${decisions}.lock`)).toBe(true); // The frozen folder keeps what it held.
		session.press('q');
		expect(await session.exited).toBe(0);
		expect(session.output()).toContain('tocdiff: 4 of 23 differing rows decided; decisions in rescued.json');
		expect(existsSync(path.join(dir, 'rescued.json.lock'))).toBe(false);
	});
});

describe.skipIf(!hasScript)('the review screen in a terminal too small to show it', () => {
	it('takes no decision at 40 × 10, where it shows none; q quits, and a resize brings the screen back', async () => {
		const dir = seedFolder();
		const decisions = path.join(dir, 'vol31.txt.tocdiff.json');
		const session = openTerminal(['vol31.txt'], {cwd: dir, columns: 40, lines: 10});
		await session.waitFor('this one is 40×10');
		session.press('n');
		session.press('a');
		session.press('nbxy');
		session.press('e\r');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(existsSync(decisions)).toBe(false);
		// The terminal grows: the screen comes back, with nothing decided.
		const tty = readlinkSync(`/proc/${reviewPid(`${decisions}.lock`)}/fd/0`);
		session.clear();
		expect(spawnSync('stty', ['-F', tty, 'cols', '120', 'rows', '40']).status).toBe(0);
		await session.waitFor('0/23 rows decided');
		session.press('q');
		expect(await session.exited).toBe(0);
		expect(existsSync(decisions)).toBe(false);
		expect(session.output()).toContain('tocdiff: no decisions made (23 differing rows)');
	});
});
