/**
 * Where a report goes: the file `--output` names (written atomically) or standard output. One
 * place for the single run and for `--batch`, so both refuse to write over what they read and
 * word a failed write alike.
 */
import {realpathSync, statSync} from 'node:fs';
import path from 'node:path';
import {formatNamed} from '../report/index.js';
import {codeOf, InputError, reasonOf} from './errors.js';
import type {Io} from './io.js';

/**
 * Names of standard output itself: written into by opening them, they fail where standard output
 * is a pipe or a socket (Linux opens `/proc/self/fd/1` afresh, and finds no folder to write in).
 */
const standardOutputNames = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** Whether `output` names a file rather than standard output (none, `-`, or `/dev/stdout`). */
export function toFile(output: string | undefined): output is string {
	return output !== undefined && !standardOutputNames.has(output);
}

/** What a failed write to `file` means, and what to do. */
export function describeWriteError(file: string, error: unknown): string {
	const code = codeOf(error);
	// `-o reports/` names a folder: the rename onto it fails with one of these.
	const folder = file.endsWith('/') || code === 'EISDIR' || (code === 'ENOTDIR' && file.endsWith(path.sep));
	return folder
		? `cannot write ${file}: it is a folder; give a file name to --output`
		: `cannot write ${file}: ${reasonOf(error)}; choose another --output path`;
}

/**
 * Whether two paths name one file: the same path, or (through a symbolic or hard link) the same
 * file on disk, or a path whose folder is a link to the other's.
 */
function sameFile(a: string, b: string): boolean {
	if (a === b) return true;
	try {
		const [x, y] = [statSync(a), statSync(b)];
		return x.dev === y.dev && x.ino === y.ino;
	} catch {
		// One does not exist (yet): compare where it would be, its folder's links followed.
		const real = (file: string): string => {
			try {
				return path.join(realpathSync(path.dirname(file)), path.basename(file));
			} catch {
				return file;
			}
		};

		return real(a) === real(b);
	}
}

/**
 * Why a report may not be written to `target` (resolved against `cwd`): it is one of `inputs` or
 * the `decisions` file, by path or through a link; undefined when it may.
 */
export function refusedTarget(target: string, inputs: readonly string[], decisions: readonly string[], cwd: string): 'an input' | 'the decisions' | undefined {
	const resolved = path.resolve(cwd, target);
	if (decisions.some((file) => sameFile(path.resolve(cwd, file), resolved))) return 'the decisions';
	if (inputs.some((file) => file !== '-' && sameFile(path.resolve(cwd, file), resolved))) return 'an input';
	return undefined;
}

/** Refuse an `--output` that is an input or a decisions file: the report would destroy what it reports on. */
export function guardOutput(output: string | undefined, inputs: readonly string[], decisions: readonly string[], cwd: string): void {
	if (!toFile(output)) return;
	const refused = refusedTarget(output, inputs, decisions, cwd);
	if (refused === 'an input') throw new InputError(`${output} is one of the inputs; choose another --output path`);
	if (refused === 'the decisions') throw new InputError(`${output} holds the review decisions; choose another --output path`);
}

/** Write a report where `--output` says; a report in pieces is written piece by piece, as it is made. */
export async function writeReport(output: string | undefined, content: string | Iterable<string>, io: Io): Promise<void> {
	if (!toFile(output)) {
		if (typeof content === 'string') io.stdout.write(content);
		else for (const piece of content) io.stdout.write(piece);
		return;
	}

	try {
		await io.writeFile(output, content);
	} catch (error) {
		throw new InputError(describeWriteError(output, error));
	}
}

/**
 * Where a report of `base` (an input's path, or `tocdiff-stdin` in the working folder) is written
 * beside it: `vol31.txt.errata.html`, and `vol31.txt.corrected.txt` for the corrected contents page
 * (`vol31.txt.corrected-b.txt` for the review screen's `toc B`).
 * The review screen's exports and `--batch` with a format of one document per file use these names.
 */
export function reportBeside(base: string, format: string): string {
	// The menu's `toc A` / `toc B` (`toc C` …): the corrected contents page of that printing.
	const printing = /^toc ([A-I])$/.exec(format)?.[1];
	if (printing !== undefined) return `${base}.corrected-${printing.toLowerCase()}.txt`;
	if (format === 'toc') return `${base}.corrected.txt`;
	// A corrected copy of an OCR file (alto, page, hocr) is no errata list.
	if (format === 'alto' || format === 'page' || format === 'hocr') return `${base}.corrected.${formatNamed(format)!.extension}`;
	return `${base}.errata.${formatNamed(format)?.extension ?? format}`;
}
