/**
 * The decisions sidecar file (`vol31.txt.tocdiff.json`): load, validate and save it atomically.
 * Entries that match no row any more are kept as they are, never dropped.
 */
import path from 'node:path';
import {printingLetters, type Decision, type DecisionFile} from '../core/decisions.js';
import {codeOf, maxInputBytes, reasonOf} from './errors.js';
import {readFileCapped, writeFileAtomic} from './files.js';

/** A sidecar file that cannot be read or written; the message is one line: where, what, what to do. */
export class DecisionsFileError extends Error {
	override name = 'DecisionsFileError';
	/** For a failed save: why, in a few words (`the disk is full`). */
	reason?: string;
}

const schema = 'tocdiff-decisions/1';
// A printing's letter (a, b, c … i: a further printing's too, #16), a correction, or not an error.
const verdicts = new Set<string>([...printingLetters, 'edit', 'not-error']);

/**
 * Where decisions are kept by default: beside the first input, with `.tocdiff.json` added
 * (`vol31.txt` → `vol31.txt.tocdiff.json`). For standard input (`-`) there is no file to sit
 * beside, so they go to `tocdiff-stdin.tocdiff.json` in the working directory.
 *
 * @example defaultDecisionsPath('books/vol31.txt') // 'books/vol31.txt.tocdiff.json'
 */
export function defaultDecisionsPath(firstInput: string, cwd: string = process.cwd()): string {
	return firstInput === '-' ? path.join(cwd, 'tocdiff-stdin.tocdiff.json') : `${firstInput}.tocdiff.json`;
}

/** Check one entry; returns what is wrong with it, or undefined. */
function problemWith(entry: unknown): string | undefined {
	if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'is not an object';
	const record = entry as Record<string, unknown>;
	if (typeof record['key'] !== 'string' || record['key'] === '') return 'has no "key"';
	if (record['verdict'] !== undefined && !verdicts.has(record['verdict'] as string)) {
		return `has an unknown verdict ${JSON.stringify(record['verdict'])} (use a, b, c … i, edit or not-error)`;
	}

	for (const field of ['text', 'note', 'a', 'b']) {
		if (record[field] !== undefined && typeof record[field] !== 'string') return `has a "${field}" that is not a string`;
	}

	const others = record['others'];
	if (
		others !== undefined &&
		(typeof others !== 'object' || others === null || Array.isArray(others) || Object.values(others).some((value) => typeof value !== 'string'))
	)
		return 'has "others" that are not readings by printing ({"C": "…"})';

	// The reading is the decision: without it the errata would print "delete" while the
	// corrected contents page kept the line. The screen never saves an empty one either.
	if (record['verdict'] === 'edit' && ((record['text'] as string | undefined) ?? '').trim() === '') {
		return `has the verdict "edit" but ${record['text'] === undefined ? 'no' : 'an empty'} "text" (the corrected reading)`;
	}

	return undefined;
}

/** Which row a decision was made on, in its own words: ` (on “PREFACE 7”)`, or nothing when it records no reading. */
function rowOf(entry: unknown): string {
	const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
	const others: unknown[] = typeof record['others'] === 'object' && record['others'] !== null ? Object.values(record['others']) : [];
	const reading = [record['a'], record['b'], ...others].find((value): value is string => typeof value === 'string' && value.trim() !== '');
	if (reading === undefined) return '';
	const flat = reading.replaceAll(/\s+/g, ' ').trim();
	const shown = [...flat].length > 64 ? `${[...flat].slice(0, 64).join('')}…` : flat;
	return ` (on “${shown}”)`;
}

/**
 * Read the decisions saved at `file`. A missing file means no decisions yet (`[]`); a malformed
 * one throws a `DecisionsFileError` with a one-line message. Entries are returned as stored,
 * fields unknown to this version included, so that saving writes them back untouched.
 *
 * @param read how to read the file, at most the inputs' limit and a byte (the CLI's `io.readFile`) @default node:fs
 */
export async function loadDecisions(
	file: string,
	read: (file: string) => Promise<Uint8Array> = async (named) => readFileCapped(named, maxInputBytes),
): Promise<Decision[]> {
	let bytes: Uint8Array;
	try {
		// No further than the inputs' limit and a byte: `--decisions /dev/zero` must not fill the memory.
		bytes = await read(file);
	} catch (error) {
		if (codeOf(error) === 'ENOENT') return [];
		throw new DecisionsFileError(`${file}: cannot read the decisions file (${reasonOf(error)}); pass --decisions with a file you can read and write`);
	}

	const advice = 'fix it, or move it aside to start afresh';
	if (bytes.length > maxInputBytes) {
		throw new DecisionsFileError(
			`${file}: the decisions file is over ${maxInputBytes / 1_048_576} MB, far more than a review writes; ` +
				`pass --decisions with another file, or move it aside`,
		);
	}

	// UTF-8, with or without the byte-order mark that Windows editors add when they save.
	const text = new TextDecoder().decode(bytes);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new DecisionsFileError(`${file}: the decisions file is not valid JSON (${reasonOf(error)}); ${advice}`);
	}

	if (typeof data !== 'object' || data === null || (data as {schema?: unknown}).schema !== schema) {
		throw new DecisionsFileError(`${file}: not a tocdiff decisions file (expected "schema": "${schema}"); ${advice}`);
	}

	const {decisions} = data as {decisions?: unknown};
	if (!Array.isArray(decisions)) throw new DecisionsFileError(`${file}: "decisions" is not a list; ${advice}`);
	for (const [index, entry] of decisions.entries()) {
		const problem = problemWith(entry);
		if (problem) throw new DecisionsFileError(`${file}: decision ${index + 1}${rowOf(entry)} ${problem}; ${advice}`);
	}

	// Unknown fields are written back as they are: they must be something JSON.stringify can write.
	try {
		JSON.stringify(decisions);
	} catch {
		throw new DecisionsFileError(`${file}: the decisions file nests values deeper than tocdiff can write back; ${advice}`);
	}

	return decisions as Decision[];
}

/**
 * Write every decision to `file` atomically: a temporary file in the same folder, then a rename,
 * so that a crash never leaves half a file. Throws a `DecisionsFileError` with a one-line message
 * when the place is not writable; its `reason` says why in a few words (`the disk is full`).
 *
 * @param write how to write a file atomically (the CLI's `io.writeFile`) @default writeFileAtomic
 */
export async function saveDecisions(
	file: string,
	decisions: readonly Decision[],
	write: (file: string, content: string) => Promise<void> = writeFileAtomic,
): Promise<void> {
	const content: DecisionFile = {schema, decisions};
	try {
		await write(file, `${JSON.stringify(content, undefined, 2)}\n`);
	} catch (error) {
		const reason = reasonOf(error);
		throw Object.assign(new DecisionsFileError(`Cannot save decisions to ${file}: ${reason}; pass --decisions PATH to keep them elsewhere`), {reason});
	}
}
