/**
 * The file calls of the command: reading a file with a cap on its size, writing one atomically and
 * durably, following symbolic links to the file they name, and clearing what an interrupted write
 * left behind. `io.ts` gathers them, with the standard streams, into the `Io` that `main` is given.
 */
// Synchronous file calls on purpose: a command reads two files and writes one, and node:fs/promises
// and node:crypto would cost a few milliseconds of start-up each (issue 5). In the review screen
// they also mean that a save is finished before the next key is read (issue 6).
import {
	closeSync,
	fchmodSync,
	fsyncSync,
	openSync,
	readdirSync,
	readlinkSync,
	readSync,
	realpathSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {codeOf, maxInputBytes} from './errors.js';

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
	readonly readlinkSync: (file: string) => string;
};

/** node:fs, for `writeFileAtomic`. */
export const nodeFs: AtomicWriteFs = {openSync, writeFileSync, fchmodSync, fsyncSync, closeSync, renameSync, rmSync, statSync, realpathSync, readlinkSync};

/** As many links as Linux follows before it gives up (ELOOP). */
const maxLinks = 40;

/**
 * The file that `file` names once every symbolic link is followed, whether it exists yet or not:
 * its folder's real path and the name a chain of links ends on. A link to a file not written yet
 * (`vol31.txt.tocdiff.json` → `store/real.json`) names that file, as a write through it creates it.
 *
 * @param fs the file calls to make @default node:fs
 */
export function realFile(file: string, fs: Pick<AtomicWriteFs, 'realpathSync' | 'readlinkSync'> = nodeFs): string {
	let current = path.resolve(file);
	for (let hop = 0; hop < maxLinks; hop++) {
		try {
			return fs.realpathSync(current);
		} catch (error) {
			if (codeOf(error) !== 'ENOENT') throw error;
		}

		// Missing: either the file itself (a dangling link, or no file yet) or a folder on its way.
		let folder: string;
		try {
			folder = fs.realpathSync(path.dirname(current));
		} catch {
			return current;
		}

		const named = path.join(folder, path.basename(current));
		let target: string;
		try {
			target = fs.readlinkSync(named);
		} catch {
			return named; // Not a link: the file to create.
		}

		current = path.resolve(folder, target);
	}

	return current;
}

/** The file a write to `file` should replace: the target of a symbolic link, so the link survives. */
function resolveTarget(file: string, fs: AtomicWriteFs): string {
	return realFile(file, fs);
}

/** Names of at most 255 bytes are what most file systems take (ext4, XFS, APFS, NTFS: NAME_MAX). */
const longestStem = 180;

/** A short hash of a name (FNV-1a, 32 bits, base 36), to tell long names apart once cut. */
function nameHash(name: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01_00_01_93);
	return (hash >>> 0).toString(36);
}

/**
 * What the temporary files of `name` are called before their unique part: the name itself, or,
 * when that is long (a valid name of 240 bytes leaves no room for more), its start cut at a
 * character and a hash of the whole, so that `.NAME.UNIQUE.tmp` stays under 255 bytes.
 */
export function temporaryStem(name: string): string {
	if (Buffer.byteLength(name) <= longestStem) return name;
	let cut = '';
	let bytes = 0;
	for (const char of name) {
		const size = Buffer.byteLength(char);
		if (bytes + size > longestStem - 10) break;
		cut += char;
		bytes += size;
	}

	return `${cut}~${nameHash(name)}`;
}

/** Whether `entry` (a name in the folder of `file`) is a temporary file of a write to `file`. */
function isTemporaryOf(entry: string, file: string): boolean {
	const prefix = `.${temporaryStem(path.basename(file))}.`;
	// The unique part is the writer's process id and eight random characters, both in base 36.
	return entry.startsWith(prefix) && entry.endsWith('.tmp') && /^[\da-z]{8,}$/.test(entry.slice(prefix.length, -4));
}

/**
 * Remove the temporary files that writes to `file` left behind when they were killed half-way
 * (`kill -9`, a power cut): call it only while nothing else may be writing `file` (the review
 * screen, holding its lock). Returns how many were removed; a folder that cannot be listed, or a
 * file that cannot be removed, is left as it is.
 */
export function removeStaleTemporaries(file: string): number {
	const target = realFile(file);
	const folder = path.dirname(target);
	let removed = 0;
	let entries: string[];
	try {
		entries = readdirSync(folder);
	} catch {
		return 0;
	}

	for (const entry of entries) {
		if (!isTemporaryOf(entry, target)) continue;
		try {
			rmSync(path.join(folder, entry), {force: true});
			removed++;
		} catch {
			// Not ours to fight over: it stays.
		}
	}

	return removed;
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
export async function writeFileAtomic(file: string, content: string | Iterable<string>, fs: AtomicWriteFs = nodeFs): Promise<void> {
	const target = resolveTarget(file, fs);
	// Unique enough for one writer per file: the process and a random part; 'wx' refuses a clash.
	const unique = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
	const temporary = path.join(path.dirname(target), `.${temporaryStem(path.basename(target))}.${unique}.tmp`);
	const mode = modeOf(target, fs);
	// A named pipe or a device (`-o /dev/stdout`, a FIFO another program reads) is written into:
	// renaming over it would put a plain file in its place.
	if (mode !== undefined && (mode & fileType) !== regularFile && (mode & fileType) !== folder) {
		const device = fs.openSync(target, 'w');
		try {
			writeAll(fs, device, content);
		} finally {
			fs.closeSync(device);
		}

		return;
	}

	let fd: number | undefined;
	try {
		fd = fs.openSync(temporary, 'wx');
		if (mode !== undefined) fs.fchmodSync(fd, mode & 0o7777);
		writeAll(fs, fd, content);
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

/** Write `content` (text, or text in pieces: a large report as it is made, #17) at a descriptor's position. */
function writeAll(fs: AtomicWriteFs, fd: number, content: string | Iterable<string>): void {
	if (typeof content === 'string') fs.writeFileSync(fd, content, 'utf8');
	else for (const piece of content) fs.writeFileSync(fd, piece, 'utf8');
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
