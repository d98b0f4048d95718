/**
 * The I/O that `main` uses, gathered in one object so tests can pass their own.
 */
// Synchronous file calls on purpose: a command reads two files and writes one, and node:fs/promises
// and node:crypto would cost a few milliseconds of start-up each (issue 5).
import {readFileSync, renameSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';

/** A place to write text. */
export type Output = {readonly write: (text: string) => void; readonly isTTY?: boolean};

/** Everything `main` touches outside itself. */
export type Io = {
	readonly readFile: (file: string) => Promise<Uint8Array>;
	readonly readStdin: () => Promise<Uint8Array>;
	/** Write a file atomically (a temporary file, then a rename). */
	readonly writeFile: (file: string, content: string) => Promise<void>;
	readonly stdout: Output;
	readonly stderr: Output;
	readonly stdinIsTTY: boolean;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly version: string;
	readonly cwd: string;
};

/** Write `content` to `file` through a temporary file in the same folder and a rename. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
	// Unique enough for one writer per file: the process and a random part.
	const unique = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
	try {
		writeFileSync(temporary, content, 'utf8');
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
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
 * Write all of `text` to a file descriptor at once. `process.stdout` would load Node's stream
 * machinery (a few milliseconds of a ~60 ms run, issue 5) for one write. A reader that stops
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
	return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** The real process's I/O. */
export const nodeIo: Io = {
	readFile: async (file) => readFileSync(file),
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
