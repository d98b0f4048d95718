/**
 * The I/O that `main` uses, gathered in one object so tests can pass their own.
 */
// Synchronous file calls on purpose: a command reads two files and writes one, and node:fs/promises
// and node:crypto would cost a few milliseconds of start-up each (issue 5). In the review screen
// they also mean that a save is finished before the next key is read (issue 6).
import {closeSync, fchmodSync, fsyncSync, openSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync} from 'node:fs';
import path from 'node:path';
import {codeOf, maxInputBytes} from './errors.js';
import {loadTty} from './load-tty.js';

/** A place to write text. */
export type Output = {readonly write: (text: string) => void; readonly isTTY?: boolean};

/** Everything `main` touches outside itself. */
export type Io = {
	readonly readFile: (file: string) => Promise<Uint8Array>;
	readonly readStdin: () => Promise<Uint8Array>;
	/** Write a file atomically and durably (see `writeFileAtomic`). */
	readonly writeFile: (file: string, content: string) => Promise<void>;
	readonly stdout: Output;
	readonly stderr: Output;
	readonly stdinIsTTY: boolean;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly version: string;
	readonly cwd: string;
};

/** The file calls `writeFileAtomic` makes: node:fs's, or a test's that fails at a chosen step. */
export type AtomicWriteFs = {
	readonly openSync: (file: string, flags: string, mode?: number) => number;
	readonly writeFileSync: (fd: number, content: string, encoding: 'utf8') => void;
	readonly fchmodSync: (fd: number, mode: number) => void;
	readonly fsyncSync: (fd: number) => void;
	readonly closeSync: (fd: number) => void;
	readonly renameSync: (from: string, to: string) => void;
	readonly rmSync: (file: string, options: {force: true}) => void;
	readonly statSync: (file: string) => {readonly mode: number};
	readonly realpathSync: (file: string) => string;
};

/** node:fs, for `writeFileAtomic`. */
export const nodeFs: AtomicWriteFs = {openSync, writeFileSync, fchmodSync, fsyncSync, closeSync, renameSync, rmSync, statSync, realpathSync};

/** The file a write to `file` should replace: the target of a symbolic link, so the link survives. */
function resolveTarget(file: string, fs: AtomicWriteFs): string {
	try {
		return fs.realpathSync(file);
	} catch (error) {
		if (codeOf(error) === 'ENOENT') return file;
		throw error;
	}
}

/**
 * The mode of `file` (its type, and its permissions, which the replacement keeps: a reviewer who
 * made it private keeps it private), or undefined when it does not exist.
 */
function modeOf(file: string, fs: AtomicWriteFs): number | undefined {
	try {
		return fs.statSync(file).mode;
	} catch {
		return undefined;
	}
}

const fileType = 0o170_000;
const regularFile = 0o100_000;
const folder = 0o040_000;

/**
 * Make a rename in `folder` survive a power cut: fsync the folder itself. Some platforms cannot
 * open or fsync a folder (Windows: EISDIR or EPERM; some file systems: EINVAL, ENOTSUP); there
 * the rename is as durable as the platform makes it, and that is not an error.
 */
function syncFolder(folder: string, fs: AtomicWriteFs): void {
	let fd: number;
	try {
		fd = fs.openSync(folder, 'r');
	} catch (error) {
		if (['EISDIR', 'EPERM', 'EACCES', 'EINVAL'].includes(codeOf(error) as string)) return;
		throw error;
	}

	try {
		fs.fsyncSync(fd);
	} catch (error) {
		if (!['EISDIR', 'EINVAL', 'ENOTSUP', 'EBADF', 'EPERM'].includes(codeOf(error) as string)) throw error;
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Write `content` to `file` so that a crash or a power cut leaves either the old file or the new
 * one, whole: a temporary file in the same folder (a rename across file systems is not atomic),
 * written and fsynced, renamed over `file`, then the folder fsynced so the rename itself is on
 * disk. On failure the temporary file is removed and `file` is untouched. A symbolic link is
 * written through, and the replaced file's permissions are kept; a named pipe or a device is
 * written into, as it cannot be replaced.
 *
 * @param fs the file calls to make @default node:fs
 */
export async function writeFileAtomic(file: string, content: string, fs: AtomicWriteFs = nodeFs): Promise<void> {
	const target = resolveTarget(file, fs);
	// Unique enough for one writer per file: the process and a random part; 'wx' refuses a clash.
	const unique = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${unique}.tmp`);
	const mode = modeOf(target, fs);
	// A named pipe or a device (`-o /dev/stdout`, a FIFO another program reads) is written into:
	// renaming over it would put a plain file in its place.
	if (mode !== undefined && (mode & fileType) !== regularFile && (mode & fileType) !== folder) {
		const device = fs.openSync(target, 'w');
		try {
			fs.writeFileSync(device, content, 'utf8');
		} finally {
			fs.closeSync(device);
		}

		return;
	}

	let fd: number | undefined;
	try {
		fd = fs.openSync(temporary, 'wx');
		if (mode !== undefined) fs.fchmodSync(fd, mode & 0o7777);
		fs.writeFileSync(fd, content, 'utf8');
		fs.fsyncSync(fd);
		const written = fd;
		fd = undefined;
		fs.closeSync(written);
		fs.renameSync(temporary, target);
	} catch (error) {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {
				// The write's own error is the one to report.
			}
		}

		try {
			fs.rmSync(temporary, {force: true});
		} catch {
			// Same: the first failure is what went wrong.
		}

		throw error;
	}

	syncFolder(path.dirname(target), fs);
}

/**
 * Read a stream to its end, or to one byte past `limit`: enough to tell that it is too large
 * (`cat /dev/zero | tocdiff -` would otherwise fill the memory).
 */
async function readAll(stream: NodeJS.ReadableStream, limit = maxInputBytes): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
		total += chunk.length;
		if (total > limit) break;
	}

	return Buffer.concat(chunks);
}

/**
 * Read a file to its end, or to one byte past `limit`: a 50 MB file is refused without reading
 * it all, and `/dev/zero`, which never ends, is refused at all.
 */
export function readFileCapped(file: string, limit = maxInputBytes): Uint8Array {
	const fd = openSync(file, 'r');
	try {
		const chunks: Buffer[] = [];
		let total = 0;
		while (total <= limit) {
			const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
			const read = readSync(fd, chunk, 0, chunk.length, null);
			if (read === 0) break;
			chunks.push(chunk.subarray(0, read));
			total += read;
		}

		return Buffer.concat(chunks);
	} finally {
		closeSync(fd);
	}
}

function packageVersion(): string {
	// From dist/cli/io.js (tsc) the package is two folders up; from the bundle dist/cli.cjs, one.
	for (const candidate of ['../../package.json', '../package.json']) {
		try {
			const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {name?: string; version?: string};
			if (pkg.name === 'tocdiff') return pkg.version ?? 'unknown';
		} catch {
			// Try the next place.
		}
	}

	return 'unknown';
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `text` to a file descriptor at once. `process.stdout` would build a stream over the
 * descriptor (node:net for a pipe, node:tty for a terminal: a few milliseconds of a ~80 ms run,
 * issue 5) for one write. A reader that stops
 * early (`tocdiff … | head`) is not an error: the run ends quietly, as with `git log | head`.
 */
export function writeFd(fd: number, text: string): void {
	const bytes = Buffer.from(text, 'utf8');
	let offset = 0;
	while (offset < bytes.length) {
		try {
			offset += writeSync(fd, bytes, offset);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'EPIPE') process.exit(0);
			if (code !== 'EAGAIN') throw error;
			// A non-blocking pipe that is full: give the reader a millisecond.
			Atomics.wait(pause, 0, 0, 1);
		}
	}
}

/**
 * Whether a file descriptor is a terminal, asked only when the answer matters: node:tty brings
 * node:net and the streams with it (~3 ms), which a `--format json` run never needs (issue 5).
 */
function isTerminal(fd: number): boolean {
	return loadTty().isatty(fd);
}

/** The real process's I/O. */
export const nodeIo: Io = {
	readFile: async (file) => readFileCapped(file),
	readStdin: async () => readAll(process.stdin),
	writeFile: writeFileAtomic,
	stdout: {
		write: (text) => writeFd(1, text),
		get isTTY() {
			return isTerminal(1);
		},
	},
	stderr: {
		write: (text) => writeFd(2, text),
		get isTTY() {
			return isTerminal(2);
		},
	},
	get stdinIsTTY() {
		return isTerminal(0);
	},
	env: process.env,
	get version() {
		return packageVersion();
	},
	cwd: process.cwd(),
};
