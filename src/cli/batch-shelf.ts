/**
 * What lets `--batch` work through a shelf too large for one run or one machine (issue 17): a
 * list of inputs read from a file or standard input (`--files-from`), a stable share of them
 * (`--shard K/N`), and a JSON Lines output that a later run can resume (`--format jsonl --resume`).
 * The schedulers people already run (GNU parallel, a Slurm job array, a Kubernetes indexed Job)
 * spread the shards; tocdiff only has to give each the same answer.
 */
import {closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, writeSync} from 'node:fs';
import {codeOf, InputError, reasonOf} from './errors.js';

/** Which share of the inputs a run takes: every `count`-th, starting at `index` (0-based). */
export type Shard = {readonly index: number; readonly count: number};

/**
 * Parse `K/N` as `--shard` takes it: 0-based, `0 ≤ K < N`, as a Kubernetes indexed Job's
 * `JOB_COMPLETION_INDEX` and a Slurm array of `--array=0-(N-1)` number their tasks.
 * Returns the message to show when the value is wrong.
 */
export function parseShard(value: string): Shard | {readonly message: string} {
	const match = /^(\d+)\/(\d+)$/.exec(value);
	const usage = `--shard takes K/N, K counted from 0 and below N (--shard 0/4 to --shard 3/4 cover a shelf in four), not "${value}"`;
	if (match === null) return {message: usage};
	const index = Number(match[1]);
	const count = Number(match[2]);
	if (count < 1 || index >= count || !Number.isSafeInteger(count)) return {message: usage};
	return {index, count};
}

/**
 * The inputs of one shard: sorted by name (by UTF-16 code units, so that every machine and every
 * locale sorts alike), then every `count`-th from `index`. The shards of one list are disjoint and
 * together hold every input once.
 */
export function takeShard(files: readonly string[], shard: Shard): string[] {
	const sorted = [...new Set(files)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
	return sorted.filter((_, k) => k % shard.count === shard.index);
}

/** The paths a list holds: one a line, blank lines (and a carriage return before a line feed) ignored. */
export function listedPaths(text: string): string[] {
	return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** The file calls of this module: a seam, so that tests can make one fail. */
export type ShelfFs = {
	readonly readList: (source: string) => Promise<string>;
	readonly openSync: typeof openSync;
	readonly readSync: (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => number;
	readonly writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => number;
	readonly ftruncateSync: typeof ftruncateSync;
	readonly fstatSync: (fd: number) => {readonly size: number};
	readonly fsyncSync: typeof fsyncSync;
	readonly closeSync: typeof closeSync;
};

/** Read all of standard input as text, however long (a list of a million paths is tens of megabytes). */
async function readStdinText(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** The real file calls. */
export const nodeShelfFs: ShelfFs = {
	readList: async (source) => (source === '-' ? readStdinText() : readFileSync(source, 'utf8')),
	openSync,
	readSync: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
	writeSync: (fd, buffer, offset, length, position) => writeSync(fd, buffer, offset, length, position),
	ftruncateSync,
	fstatSync: (fd) => fstatSync(fd),
	fsyncSync,
	closeSync,
};

/** Read the list that `--files-from` names (`-`: standard input); an unreadable list is an `InputError`. */
export async function readInputList(source: string, fs: ShelfFs = nodeShelfFs): Promise<string[]> {
	let text;
	try {
		text = await fs.readList(source);
	} catch (error) {
		throw new InputError(`cannot read the list of inputs ${source}: ${reasonOf(error)}; check the path given to --files-from`);
	}

	return listedPaths(text);
}

/** What a JSON Lines output already holds for one input: its report (and whether its printings differ), or its error. */
export type DoneLine = {readonly kind: 'done'; readonly differing: boolean} | {readonly kind: 'failed'};

/** What `--resume` found in an output: the inputs already done, and how many bytes of whole lines to keep. */
export type JsonlState = {
	readonly done: ReadonlyMap<string, DoneLine>;
	/** The length of the file up to the end of its last complete line: a torn line after it is cut off. */
	readonly keep: number;
	/** Whether a torn last line (a run killed while writing it) was found. */
	readonly torn: boolean;
};

/** What one complete line says, or undefined when it is no line of ours (it is kept, and its input done again). */
function readLine(line: string): [string, DoneLine] | undefined {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return undefined;
	}

	if (typeof value !== 'object' || value === null) return undefined;
	const {source, error, summary} = value as {source?: unknown; error?: unknown; summary?: {differing?: unknown}};
	if (typeof source !== 'string') return undefined;
	if (typeof error === 'string') return [source, {kind: 'failed'}];
	return [source, {kind: 'done', differing: typeof summary?.differing === 'number' && summary.differing > 0}];
}

/**
 * Read a JSON Lines output line by line, in chunks (it may hold gigabytes): which inputs it
 * already holds, and where its last complete line ends. A last line with no line feed is torn
 * (the run that wrote it was killed) and not counted; it is cut off before new lines are added.
 */
export function scanJsonl(fd: number, fs: ShelfFs = nodeShelfFs): JsonlState {
	const done = new Map<string, DoneLine>();
	const chunk = new Uint8Array(1 << 20);
	let pending: Buffer[] = [];
	let position = 0;
	let keep = 0;
	for (;;) {
		const read = fs.readSync(fd, chunk, 0, chunk.length, position);
		if (read === 0) break;
		let start = 0;
		for (let end = chunk.indexOf(10, 0); end !== -1 && end < read; end = chunk.indexOf(10, start)) {
			pending.push(Buffer.from(chunk.subarray(start, end)));
			const found = readLine(Buffer.concat(pending).toString('utf8'));
			if (found !== undefined) done.set(found[0], found[1]);
			pending = [];
			start = end + 1;
			keep = position + start;
		}

		if (start < read) pending.push(Buffer.from(chunk.subarray(start, read)));
		position += read;
	}

	return {done, keep, torn: position > keep};
}

/** Lines added to the end of a file, each written through at once (a killed run loses at most the line it was writing). */
export type LineSink = {readonly write: (line: string) => void; readonly close: () => void};

/**
 * Open `file` for `--format jsonl`: afresh, or with `resume`, read what it holds and keep its
 * complete lines. A file that cannot be opened or read is an `InputError`.
 */
export function openJsonl(file: string, resume: boolean, fs: ShelfFs = nodeShelfFs): {readonly sink: LineSink; readonly state: JsonlState} {
	let fd: number;
	let state: JsonlState = {done: new Map(), keep: 0, torn: false};
	try {
		// Not `a+`: a torn line is cut off first, and each write names its place after the cut.
		fd = resume ? openOrCreate(file, fs) : fs.openSync(file, 'w');
		if (resume) {
			state = scanJsonl(fd, fs);
			if (state.torn) fs.ftruncateSync(fd, state.keep);
		}
	} catch (error) {
		throw new InputError(`cannot ${resume ? 'resume' : 'write'} ${file}: ${reasonOf(error)}; choose another --output path`);
	}

	let position = state.keep;
	const sink: LineSink = {
		write(line) {
			try {
				position += writeAt(fd, line, position, fs);
			} catch (error) {
				throw new InputError(`cannot write ${file}: ${reasonOf(error)}; free some space, then run again with --resume`);
			}
		},
		close() {
			try {
				fs.fsyncSync(fd);
			} catch (error) {
				// A device or a pipe named as the output cannot be synced, and need not be.
				if (codeOf(error) !== 'EINVAL' && codeOf(error) !== 'ENOTSUP')
					throw new InputError(`cannot write ${file}: ${reasonOf(error)}; free some space, then run again with --resume`);
			} finally {
				fs.closeSync(fd);
			}
		},
	};
	return {sink, state};
}

/** Open an existing file to read and write, or create it. */
function openOrCreate(file: string, fs: ShelfFs): number {
	try {
		return fs.openSync(file, 'r+');
	} catch (error) {
		if (codeOf(error) !== 'ENOENT') throw error;
		return fs.openSync(file, 'w+');
	}
}

/** Write all of `text` at `position` (reads and writes name their place: the scan moved no file position); how many bytes. */
function writeAt(fd: number, text: string, position: number, fs: ShelfFs): number {
	const bytes = Buffer.from(text, 'utf8');
	let offset = 0;
	while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset, position + offset);
	return bytes.length;
}
