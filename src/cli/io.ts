/**
 * The I/O that `main` uses, gathered in one object so tests can pass their own.
 */
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

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
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		await writeFile(temporary, content, 'utf8');
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, {force: true}).catch(() => undefined);
		throw error;
	}
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks);
}

function packageVersion(): string {
	// From dist/cli/io.js (tsc) the package is two folders up; from the bundle dist/tocdiff.js, one.
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

/** The real process's I/O. */
export const nodeIo: Io = {
	readFile: async (file) => readFile(file),
	readStdin: async () => readAll(process.stdin),
	writeFile: writeFileAtomic,
	stdout: {write: (text) => process.stdout.write(text), isTTY: process.stdout.isTTY === true},
	stderr: {write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true},
	stdinIsTTY: process.stdin.isTTY === true,
	env: process.env,
	get version() {
		return packageVersion();
	},
	cwd: process.cwd(),
};
