import {spawnSync} from 'node:child_process';
import {existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {InputError} from '../../src/cli/errors.js';
import {lockDecisions, type LockOwner} from '../../src/cli/lock.js';

let dir: string;
let decisions: string;
let lockFile: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-lock-'));
	decisions = path.join(dir, 'vol31.txt.tocdiff.json');
	lockFile = `${decisions}.lock`;
});

/** The error `lockDecisions` throws, or undefined when it takes the lock. */
function refusal(options: Parameters<typeof lockDecisions>[1] = {}): InputError | undefined {
	try {
		lockDecisions(decisions, options).release();
		return undefined;
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
}

/** A process id that has certainly ended: a child that ran and was waited for. */
function endedPid(): number {
	return spawnSync(process.execPath, ['-e', '']).pid;
}

function writeLock(owner: LockOwner): string {
	const text = `${JSON.stringify(owner)}\n`;
	writeFileSync(lockFile, text);
	return text;
}

describe('lockDecisions (#6)', () => {
	it('writes who holds the lock, and removes it on release', () => {
		const lock = lockDecisions(decisions);
		expect(lock.file).toBe(lockFile);
		expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({pid: process.pid, host: hostname()});
		lock.release();
		lock.release();
		expect(readdirSync(dir)).toEqual([]);
	});

	it('refuses a second review of the same decisions with one line, leaving the lock as it was', () => {
		const lock = lockDecisions(decisions, {now: new Date(2025, 2, 1, 10, 42)});
		const before = readFileSync(lockFile, 'utf8');
		const error = refusal({now: new Date(2025, 2, 1, 11, 0)});
		expect(error?.message).toBe(
			`${decisions} is in use by another tocdiff (pid ${process.pid}) since 10:42; close that review first, or pass --decisions PATH`,
		);
		expect(error?.exitCode).toBe(3);
		expect(readFileSync(lockFile, 'utf8')).toBe(before);
		lock.release();
		expect(existsSync(lockFile)).toBe(false);
	});

	it('gives the date as well when the lock is from another day', () => {
		const lock = lockDecisions(decisions, {now: new Date(2025, 2, 1, 10, 42)});
		expect(refusal({now: new Date(2025, 2, 3, 9, 0)})?.message).toContain('since 2025-03-01 10:42;');
		lock.release();
	});

	it('takes over the lock of a process that has ended (a kill -9)', () => {
		writeLock({pid: endedPid(), host: hostname(), since: new Date().toISOString()});
		const lock = lockDecisions(decisions);
		expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({pid: process.pid});
		lock.release();
	});

	it.skipIf(!existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process', () => {
		// This process runs, but it did not start at tick 1: the pid was reused.
		writeLock({pid: process.pid, host: hostname(), since: new Date().toISOString(), start: '1'});
		expect(refusal()).toBeUndefined();
	});

	it('respects a recent lock from another host, saying how to clear it', () => {
		const now = new Date(2025, 2, 1, 12, 0);
		const text = writeLock({pid: 4242, host: 'reading-room', since: new Date(2025, 2, 1, 10, 42).toISOString()});
		expect(refusal({now})?.message).toBe(
			`${decisions} is in use by a tocdiff on reading-room (pid 4242) since 10:42; close that review first, or delete ${lockFile} if it is no longer open`,
		);
		expect(readFileSync(lockFile, 'utf8')).toBe(text);
	});

	it('takes over a lock from another host after a day', () => {
		writeLock({pid: 4242, host: 'reading-room', since: new Date(2025, 2, 1, 10, 42).toISOString()});
		expect(refusal({now: new Date(2025, 2, 2, 11, 0)})).toBeUndefined();
	});

	it('waits for an unreadable lock that was just created, and takes over an older one', () => {
		writeFileSync(lockFile, '');
		expect(refusal()?.message).toBe(`${decisions} is being opened by another tocdiff; try again in a moment`);
		const minuteAgo = new Date(Date.now() - 60_000);
		utimesSync(lockFile, minuteAgo, minuteAgo);
		expect(refusal()).toBeUndefined();
	});

	it('leaves a lock that another tocdiff took over when releasing', () => {
		const lock = lockDecisions(decisions);
		const theirs = writeLock({pid: 4242, host: 'reading-room', since: new Date().toISOString()});
		lock.release();
		expect(readFileSync(lockFile, 'utf8')).toBe(theirs);
	});

	it('says where decisions cannot be saved when no lock can be created there', () => {
		decisions = path.join(dir, 'no', 'such', 'folder', 'vol31.txt.tocdiff.json');
		expect(refusal()?.message).toBe(
			`cannot save decisions beside ${decisions}: the folder does not exist or takes no new files; pass --decisions PATH to keep them elsewhere`,
		);
	});
});

describe('lockDecisions: one file, whatever path names it', () => {
	/** A registry of locks by inode of this test's own, so that other reviews on the host do not meet these. */
	const own = (): {registry: string} => ({registry: path.join(dir, 'registry')});

	it('locks the file a symbolic link leads to, written yet or not, so that its real path finds the lock', () => {
		mkdirSync(path.join(dir, 'store'));
		symlinkSync('store/real.json', decisions);
		const lock = lockDecisions(decisions, own());
		expect(lock.file).toBe(path.join(realpathSync(dir), 'store', 'real.json.lock'));
		const real = path.join(dir, 'store', 'real.json');
		expect(() => lockDecisions(real, own())).toThrow(
			new RegExp(`^${real.replaceAll('.', '\\.')} is in use by another tocdiff \\(pid ${process.pid}, as ${decisions.replaceAll('.', '\\.')}\\) since`),
		);
		lock.release();
		expect(readdirSync(path.join(dir, 'store'))).toEqual([]);
	});

	it('refuses a hard link to a locked file, from another folder, and gives back the lock it took beside it', () => {
		mkdirSync(path.join(dir, 'store'));
		const real = path.join(dir, 'store', 'real.json');
		writeFileSync(real, '{"schema": "tocdiff-decisions/1", "decisions": []}\n');
		linkSync(real, decisions);
		const lock = lockDecisions(real, own());
		expect(() => lockDecisions(decisions, own())).toThrow(/is in use by another tocdiff \(pid \d+, as .*real\.json\)/);
		expect(existsSync(lockFile)).toBe(false);
		lock.release();
		expect(readdirSync(path.join(dir, 'registry'))).toEqual([]);
		lockDecisions(decisions, own()).release();
	});
});
