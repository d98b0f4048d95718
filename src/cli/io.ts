/**
 * The I/O that `main` uses, gathered in one object so tests can pass their own: every file the
 * command reads, writes, locks or looks at goes through it (the file calls themselves are in
 * `files.ts`).
 */
import {readFileSync, statSync, writeSync} from 'node:fs';
import {describeStdoutError, InputError, maxInputBytes} from './errors.js';
import {readFileCapped, removeStaleTemporaries, writeFileAtomic} from './files.js';
import {loadTty} from './load-tty.js';

export {nodeFs, readFileCapped, realFile, removeStaleTemporaries, temporaryStem, writeFileAtomic, type AtomicWriteFs} from './files.js';

/** A place to write text. */
export type Output = {readonly write: (text: string) => void; readonly isTTY?: boolean};

/** Everything `main` touches outside itself. */
export type Io = {
	readonly readFile: (file: string) => Promise<Uint8Array>;
	readonly readStdin: () => Promise<Uint8Array>;
	/** Write a file atomically and durably (see `writeFileAtomic`): reports (a large one in pieces), and the review's decisions. */
	readonly writeFile: (file: string, content: string | Iterable<string>) => Promise<void>;
	/** Lock a decisions file for a review (see `lock.ts`); rejects with an `InputError` when it cannot. */
	readonly lockDecisions: (decisionsPath: string) => Promise<{readonly file: string; readonly release: () => void}>;
	/** Remove what writes to `file` left behind when killed half-way (see `removeStaleTemporaries`); how many. */
	readonly removeStaleTemporaries: (file: string) => number;
	/** How many names a file has (hard links), or undefined when it does not exist. */
	readonly linkCount: (file: string) => number | undefined;
	readonly stdout: Output;
	readonly stderr: Output;
	readonly stdinIsTTY: boolean;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly version: string;
	readonly cwd: string;
};

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
			// Standard error closed early says nothing either, but must not turn a failure into exit 0.
			if (code === 'EPIPE' && fd === 1) process.exit(0);
			if (code !== 'EAGAIN') throw error;
			// A non-blocking pipe that is full: give the reader a millisecond.
			Atomics.wait(pause, 0, 0, 1);
		}
	}
}

/**
 * Write a report to standard output through `write`. A reader that stopped early ends the run
 * quietly (see `writeFd`); any other failure (a full disk, a terminal gone, a descriptor open for
 * reading only) is an `InputError` with one line, exit 3.
 *
 * @param write how to write to a descriptor @default writeFd
 */
export function writeStdout(text: string, write: (fd: number, text: string) => void = writeFd): void {
	try {
		write(1, text);
	} catch (error) {
		throw new InputError(describeStdoutError(error));
	}
}

/**
 * Write a message to standard error; a failure there is not reported, as there is nowhere left to
 * report it (the exit code still tells).
 */
export function writeStderr(text: string): void {
	try {
		writeFd(2, text);
	} catch {
		// Nowhere to say it.
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
	// Loaded only when a review locks its decisions: reports do not load lock.ts and node:os (issue 5).
	lockDecisions: async (decisionsPath) => (await import('./lock.js')).lockDecisions(decisionsPath),
	removeStaleTemporaries,
	linkCount(file) {
		try {
			return statSync(file).nlink;
		} catch {
			return undefined;
		}
	},
	stdout: {
		write: (text) => {
			writeStdout(text);
		},
		get isTTY() {
			return isTerminal(1);
		},
	},
	stderr: {
		write: writeStderr,
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
