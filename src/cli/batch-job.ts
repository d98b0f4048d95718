/**
 * One item of `tocdiff --batch`: read a file holding two printings, compare them and write the
 * report. Runs inside a worker thread (`batch-worker.ts`), or in the main thread in tests.
 */
import {compare, CompareError} from '../core/compare.js';
import {matchDecisions} from '../core/decisions.js';
import type {Summary} from '../core/types.js';
import {openCounts} from '../report/findings.js';
import {formatNamed} from '../report/index.js';
import {DecisionsFileError, defaultDecisionsPath, loadDecisions} from './decisions-file.js';
import {describeReadError, InputError, printable} from './errors.js';
import {readFileCapped} from './io.js';
import {readSource} from './source.js';
import {dictionaryFor} from './words.js';

/** What the main thread asks a worker to do. */
export type BatchTask = {
	readonly index: number;
	readonly file: string;
	/** The report to write; absent for the summary only. */
	readonly format?: string;
	readonly base: 'a' | 'b';
	/** How many printings each file holds, when the user said (`--printings`). */
	readonly printings?: number;
};

/** What a worker answers: a summary and the report, or the one-line reason it failed. */
export type BatchResult =
	| {
			readonly kind: 'done';
			readonly index: number;
			readonly file: string;
			readonly summary: Summary;
			/** Rows to decide and open differences by severity, as the review screen and the errata count them. */
			readonly counts: ReturnType<typeof openCounts>;
			readonly report?: string;
			readonly milliseconds: number;
	  }
	| {readonly kind: 'failed'; readonly index: number; readonly file: string; readonly message: string; readonly milliseconds: number};

/** The expected failures of one item, as one line; anything else is a bug and propagates. */
async function attempt(task: BatchTask): Promise<{readonly summary: Summary; readonly counts: ReturnType<typeof openCounts>; readonly report?: string} | {readonly message: string}> {
	let bytes: Uint8Array;
	try {
		bytes = readFileCapped(task.file);
	} catch (error) {
		return {message: describeReadError(task.file, error)};
	}

	try {
		const sources = [await readSource(task.file, bytes)];
		const format = task.format === undefined ? undefined : formatNamed(task.format);
		// A summary alone shows no suggestions: look no words up for it.
		const comparison = compare(sources, {...(format === undefined ? {} : {dictionary: dictionaryFor}), ...(task.printings === undefined ? {} : {printings: task.printings})});
		const counts = openCounts(comparison.rows);
		if (format === undefined) return {summary: comparison.summary, counts};
		const decisions = await loadDecisions(defaultDecisionsPath(task.file));
		const write = await format.load();
		// Many files' CSV records share one table, each naming its file (the other writers ignore it).
		// An HTML report of an OCR file shows the crops of its scans, found beside it (#15).
		const scans = format.name === 'html' && sources[0]?.ocr !== undefined ? {scans: await (await import('./scans.js')).loadScans(sources, undefined, process.cwd())} : {};
		const report = write(comparison, {decisions: matchDecisions(comparison.rows, decisions), sources, base: task.base, ...scans}, {file: task.file});
		return {summary: comparison.summary, counts, report};
	} catch (error) {
		if (error instanceof InputError || error instanceof CompareError || error instanceof DecisionsFileError || (error instanceof Error && error.name === 'OcrWriteError')) return {message: error.message};
		throw error;
	}
}

/** Compare one file of a batch. */
export async function runBatchTask(task: BatchTask): Promise<BatchResult> {
	const started = performance.now();
	const outcome = await attempt(task);
	const milliseconds = Math.round(performance.now() - started);
	const common = {index: task.index, file: task.file, milliseconds};
	// Shown in a terminal as the single run shows its errors: quoted control characters escaped.
	return 'message' in outcome ? {kind: 'failed', ...common, message: printable(outcome.message)} : {kind: 'done', ...common, ...outcome};
}
