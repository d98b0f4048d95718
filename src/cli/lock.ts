/**
 * The lock that keeps two review screens off one decisions file: `vol31.txt.tocdiff.json.lock`
 * beside it, holding the owner's pid, host and start. Each screen saves its whole list after every
 * change, so two at once would overwrite each other's work (#6).
 *
 * Written here rather than taken from proper-lockfile: that library judges a lock stale by its age
 * and keeps it young with a timer (every 5 s by default), so a laptop asleep in the middle of a
 * review loses its lock to the next tocdiff; and it records no owner to name in the message. This
 * one creates the file with `open(…, 'wx')`, which fails when it exists, and calls a lock stale
 * when its process is gone, which the host can tell without timers (`/proc`, or `kill(pid, 0)`).
 *
 * The lock belongs to the file, whatever path names it: it sits beside the file that symbolic
 * links lead to (`vol31.txt.tocdiff.json` → `store/real.json` locks `store/real.json.lock`, as
 * `--decisions store/real.json` does), and a decisions file that exists is locked by its device
 * and inode too, in a folder all reviews on this host share, so that a hard link to it, from
 * any folder, finds that lock.
 *
 * Reports take no lock: they only read the decisions file, and every save replaces it whole by a
 * rename, so a reader sees the old list or the new one, never half of either.
 */
import {chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {codeOf, InputError, reasonOf} from './errors.js';
import {realFile} from './files.js';

/** Who holds a lock, as its file records it. */
export type LockOwner = {
	readonly pid: number;
	readonly host: string;
	/** When the lock was taken (ISO 8601). */
	readonly since: string;
	/** The process's start in clock ticks since boot (Linux), which tells a reused pid apart. */
	readonly start?: string;
	/** The decisions file as that review named it. */
	readonly path?: string;
};

/** A lock held by this process. */
export type DecisionsLock = {
	/** The lock file. */
	readonly file: string;
	/** Remove the lock if it is still this process's; safe to call more than once. */
	readonly release: () => void;
};

/** Options of `lockDecisions`, for tests. */
export type LockOptions = {
	/** @default new Date() */
	readonly now?: Date;
	/** @default os.hostname() */
	readonly host?: string;
	/** Where locks by device and inode are kept, for every review on this host. @default os.tmpdir()/tocdiff-locks */
	readonly registry?: string;
	/** The file calls the lock makes: node:fs's, or a test's that fails at a chosen step. @default node:fs */
	readonly fs?: LockFs;
};

/** The file calls that taking, checking and releasing a lock make. */
export type LockFs = {
	readonly openSync: (file: string, flags: string) => number;
	readonly writeFileSync: (fd: number, content: string, encoding: 'utf8') => void;
	readonly closeSync: (fd: number) => void;
	readonly readFileSync: (file: string, encoding: 'utf8') => string;
	readonly rmSync: (file: string, options: {force: true}) => void;
	readonly statSync: (file: string) => {readonly mode: number; readonly mtimeMs: number; readonly dev: number; readonly ino: number};
	readonly mkdirSync: (folder: string, options: {recursive: true; mode: number}) => unknown;
	readonly chmodSync: (folder: string, mode: number) => void;
};

/** node:fs, for the lock. */
const nodeLockFs: LockFs = {openSync, writeFileSync, closeSync, readFileSync, rmSync, statSync, mkdirSync, chmodSync};

/** How long a lock from another host is respected: its process cannot be checked from here. */
const otherHostLimitMs = 24 * 60 * 60 * 1000;
/** An unreadable lock younger than this may be one that another tocdiff is writing right now. */
const unreadableGraceMs = 10 * 1000;

/** A process's start in clock ticks since boot, from `/proc/PID/stat` (Linux); undefined elsewhere. */
function processStart(pid: number | 'self'): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Field 22; the command name (field 2, in parentheses) may hold spaces, so count after it.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/** Whether the process that took a lock on this host still runs. */
function isRunning(owner: LockOwner): boolean {
	// Linux: the pid must belong to a process that started at the same tick, since pids are reused
	// (after a reboot, or in a container whose every run is pid 1).
	if (owner.start !== undefined && existsSync('/proc/self/stat')) return processStart(owner.pid) === owner.start;
	try {
		process.kill(owner.pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return codeOf(error) === 'EPERM';
	}
}

/** A lock file's owner, or undefined when its content is not one. */
function parseOwner(text: string): LockOwner | undefined {
	try {
		const data = JSON.parse(text) as Partial<LockOwner> | null;
		if (typeof data?.pid !== 'number' || typeof data.host !== 'string' || typeof data.since !== 'string' || Number.isNaN(Date.parse(data.since)))
			return undefined;
		return data as LockOwner;
	} catch {
		return undefined;
	}
}

/** A time of day for a message, with the date when it is not today: `10:42`, `2025-03-01 10:42`. */
function clock(time: Date, now: Date): string {
	const two = (n: number): string => String(n).padStart(2, '0');
	const hours = `${two(time.getHours())}:${two(time.getMinutes())}`;
	return time.toDateString() === now.toDateString() ? hours : `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())} ${hours}`;
}

/** What a lock file found in place means: the message to stop with, or undefined when it is stale. */
function judge(decisionsPath: string, file: string, text: string, now: Date, host: string, fs: LockFs): string | undefined {
	const owner = parseOwner(text);
	if (owner === undefined) {
		let age = Number.POSITIVE_INFINITY;
		try {
			age = now.getTime() - fs.statSync(file).mtimeMs;
		} catch {
			// Gone meanwhile: stale.
		}

		return age < unreadableGraceMs ? `${decisionsPath} is being opened by another tocdiff; try again in a moment` : undefined;
	}

	const since = new Date(owner.since);
	// The other review may have named the file otherwise: through a link, or a link to it.
	const named = owner.path !== undefined && path.resolve(owner.path) !== path.resolve(decisionsPath) ? `, as ${owner.path}` : '';
	if (owner.host !== host) {
		if (now.getTime() - since.getTime() > otherHostLimitMs) return undefined;
		return (
			`${decisionsPath} is in use by a tocdiff on ${owner.host} (pid ${owner.pid}${named}) since ${clock(since, now)}; ` +
			`close that review first, or delete ${file} if it is no longer open`
		);
	}

	if (!isRunning(owner)) return undefined;
	return (
		`${decisionsPath} is in use by another tocdiff (pid ${owner.pid}${named}) since ${clock(since, now)}; ` +
		`close that review first, or pass --decisions PATH`
	);
}

/** The lock as held: released once, only while it still holds this process's record. */
function held(file: string, record: string, fs: LockFs): DecisionsLock {
	let released = false;
	const release = (): void => {
		if (released) return;
		released = true;
		process.off('exit', release);
		try {
			// Another tocdiff that judged this lock stale owns the file now: leave it to that one.
			if (fs.readFileSync(file, 'utf8') === record) fs.rmSync(file, {force: true});
		} catch {
			// Already gone.
		}
	};

	// Every path out releases the lock through its `finally`; this catches a `process.exit()`.
	process.on('exit', release);
	return {file, release};
}

/** Create `file` holding `record`, only if it does not exist; false when it does. */
function create(file: string, record: string, fs: LockFs): boolean {
	let fd: number;
	try {
		fd = fs.openSync(file, 'wx');
	} catch (error) {
		if (codeOf(error) === 'EEXIST') return false;
		throw error;
	}

	try {
		fs.writeFileSync(fd, record, 'utf8');
	} catch (error) {
		fs.closeSync(fd);
		fs.rmSync(file, {force: true});
		throw error;
	}

	fs.closeSync(fd);

	return true;
}

/**
 * Take the lock `file` for the decisions at `decisionsPath`, taking over a stale one. Returns
 * false when it cannot be created at all (`unwritable` says why); throws an `InputError` when
 * another tocdiff holds it.
 */
function acquire(decisionsPath: string, file: string, record: string, now: Date, host: string, fs: LockFs): boolean {
	// Three tries: a lock can be released, or taken over by another tocdiff, between two steps.
	for (let attempt = 0; attempt < 3; attempt++) {
		if (create(file, record, fs)) return true;
		let found: string;
		try {
			found = fs.readFileSync(file, 'utf8');
		} catch {
			continue; // Released meanwhile.
		}

		const busy = judge(decisionsPath, file, found, now, host, fs);
		if (busy !== undefined) throw new InputError(busy);
		// Stale. Remove it only if it is still the one judged, not a new lock of a faster tocdiff.
		try {
			if (fs.readFileSync(file, 'utf8') === found) fs.rmSync(file, {force: true});
		} catch {
			// Gone already.
		}
	}

	throw new InputError(`${decisionsPath}: another tocdiff keeps taking its lock ${file}; close the other reviews, then try again`);
}

/** The lock by device and inode of an existing decisions file, in `registry`; undefined when there is no file yet. */
function inodeLockFile(real: string, registry: string, fs: LockFs): string | undefined {
	let info;
	try {
		info = fs.statSync(real);
	} catch {
		return undefined;
	}

	try {
		fs.mkdirSync(registry, {recursive: true, mode: 0o1777});
		// Every user's reviews share it, as they share /tmp: writable by all, each lock its owner's.
		if ((fs.statSync(registry).mode & 0o1777) !== 0o1777) fs.chmodSync(registry, 0o1777);
	} catch {
		// No shared folder: the lock beside the file still holds for every path through links.
	}

	return path.join(registry, `${info.dev}-${info.ino}.lock`);
}

/**
 * Lock the decisions file at `decisionsPath` for a review, taking over a stale lock silently.
 * Throws an `InputError` with one line when another tocdiff holds it (by any path: see above), or
 * when no file can be created beside it (then no decision could be saved either: this is the
 * check before the screen opens).
 *
 * @example const lock = lockDecisions('vol31.txt.tocdiff.json'); try { … } finally { lock.release(); }
 */
export function lockDecisions(decisionsPath: string, options: LockOptions = {}): DecisionsLock {
	const now = options.now ?? new Date();
	const host = options.host ?? hostname();
	const fs = options.fs ?? nodeLockFs;
	let real: string;
	try {
		real = realFile(decisionsPath);
	} catch (error) {
		throw new InputError(`cannot save decisions to ${decisionsPath}: ${reasonOf(error)}; pass --decisions PATH to keep them elsewhere`);
	}

	const file = `${real}.lock`;
	const start = processStart('self');
	const owner: LockOwner = {pid: process.pid, host, since: now.toISOString(), ...(start === undefined ? {} : {start}), path: decisionsPath};
	const record = `${JSON.stringify(owner)}\n`;
	try {
		acquire(decisionsPath, file, record, now, host, fs);
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw new InputError(`cannot save decisions beside ${decisionsPath}: ${reasonOf(error)}; pass --decisions PATH to keep them elsewhere`);
	}

	const beside = held(file, record, fs);
	const inodeFile = inodeLockFile(real, options.registry ?? path.join(tmpdir(), 'tocdiff-locks'), fs);
	if (inodeFile === undefined) return beside;
	let byInode: DecisionsLock;
	try {
		acquire(decisionsPath, inodeFile, record, now, host, fs);
		byInode = held(inodeFile, record, fs);
	} catch (error) {
		// Held by a review through another name (a hard link): give back the lock beside the file.
		if (error instanceof InputError) {
			beside.release();
			throw error;
		}

		// The shared folder is not writable here: the lock beside the file still holds.
		return beside;
	}

	return {
		file,
		release() {
			byInode.release();
			beside.release();
		},
	};
}
