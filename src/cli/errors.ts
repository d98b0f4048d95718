/** Expected failures, each with the exit code `main` returns for it. */

/** The `code` of a Node system error (`ENOENT`, `EACCES`…), or undefined for anything else. */
export function codeOf(error: unknown): unknown {
	return (error as {code?: unknown} | null)?.code;
}

/** Exit codes, as documented in the README. */
export const exitCodes = {success: 0, differences: 1, usage: 2, input: 3} as const;

/** Exit codes after a signal stopped the review screen: 128 + its number, as shells report it. */
export const signalExitCodes = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

/** The command line was wrong: unknown flag, missing file name, bad value. Exit 2. */
export class UsageError extends Error {
	override name = 'UsageError';
	readonly exitCode = exitCodes.usage;
}

/** An input could not be read or compared. Exit 3. */
export class InputError extends Error {
	override name = 'InputError';
	readonly exitCode = exitCodes.input;
}

/**
 * The largest input read. A contents page is kilobytes; 16 MB is some 190,000 entries, already
 * far beyond any book, and a 50 MB file (a whole book's text given by mistake) took minutes and
 * 3 GB, more memory than Node has by default on a small machine, where it would crash instead.
 */
export const maxInputBytes = 16 * 1024 * 1024;

/** Refuse an input over `maxInputBytes`, as one line that says what to do instead. */
export function describeTooLarge(file: string): string {
	return `${file} is over ${maxInputBytes / 1_048_576} MB, more than any contents page; give the contents pages alone, cut from the book's text`;
}

/** What a failed file operation means, in words (no error codes, no internal paths). */
export function reasonOf(error: unknown): string {
	switch (codeOf(error)) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EROFS': {
			return 'the file system is read-only';
		}

		case 'ENOENT': {
			return 'the folder does not exist or takes no new files';
		}

		case 'ENOTDIR': {
			return 'a part of the path is not a folder';
		}

		case 'EISDIR': {
			return 'it is a folder';
		}

		case 'ENOSPC': {
			return 'the disk is full';
		}

		case 'EDQUOT': {
			return 'the disk quota is used up';
		}

		case 'EIO': {
			return 'an input/output error (the device or terminal is gone)';
		}

		case 'ENAMETOOLONG': {
			return 'the name is too long';
		}

		default: {
			return error instanceof Error ? error.message.replace(/^[A-Z]+: /, '').split(',')[0]! : String(error);
		}
	}
}

/**
 * A failed write to standard output as one line (a closed pipe is no failure: see `writeFd`):
 * `tocdiff vol31.txt > /dev/full`, a terminal that went away, a descriptor open for reading only.
 */
export function describeStdoutError(error: unknown): string {
	const elsewhere = 'write the report to a file with -o PATH';
	switch (codeOf(error)) {
		case 'ENOSPC':
		case 'EDQUOT': {
			return `cannot write to standard output: ${reasonOf(error)}; free some space, or ${elsewhere}`;
		}

		case 'EBADF': {
			return `cannot write to standard output: it is not open for writing; ${elsewhere}`;
		}

		default: {
			return `cannot write to standard output: ${reasonOf(error)}; ${elsewhere}`;
		}
	}
}

/** A read failure as one line: where, what, and what to do. */
export function describeReadError(file: string, error: unknown): string {
	const code = codeOf(error);
	switch (code) {
		case 'ENOENT': {
			return `${file}: no such file; check the path`;
		}

		case 'EISDIR': {
			return `${file} is a folder; give the text file inside it`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `${file}: permission denied; check the file's permissions`;
		}

		default: {
			return `${file}: cannot be read (${reasonOf(error)})`;
		}
	}
}

/**
 * A message as one line a terminal shows as it is: control characters quoted from a file (a NUL
 * in a binary decisions file, an escape sequence, a line break) written as `\u0000`.
 */
export function printable(message: string): string {
	return message.replaceAll(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
