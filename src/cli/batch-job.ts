/**
 * One item of `tocdiff --batch`: read a file holding two printings, compare them and write the
 * report. Runs inside a worker thread (`batch-worker.ts`), or in the main thread in tests.
 */
import {matchDecisions, type PrintingLetter} from '../core/decisions.js';
import type {Summary} from '../core/types.js';
import {compareFile, type ReadInput} from './compare-file.js';
import {DecisionsFileError, defaultDecisionsPath, loadDecisions} from './decisions-file.js';
import {InputError, printable} from './errors.js';
import {readFileCapped} from './files.js';

/** What the main thread asks a worker to do. */
export type BatchTask = {
	readonly index: number;
	readonly file: string;
	/** The report to write (`jsonl`: the JSON report on one line, with `source`); absent for the summary only. */
	readonly format?: string;
	readonly base: PrintingLetter;
	/** How many printings each file holds, when the user said (`--printings`). */
	readonly printings?: number;
};

/** What a worker answers: a summary and the report, or the one-line reason it failed. */
export type BatchResult =
	| {
			readonly kind: 'done';
			readonly index: number;
			readonly file: string;
			/** The comparison's counts: `differing` and `open` are what the table and `--exit-code` read. */
			readonly summary: Summary;
			readonly report?: string;
			readonly milliseconds: number;
	  }
	| {readonly kind: 'failed'; readonly index: number; readonly file: string; readonly message: string; readonly milliseconds: number};

/** The file access of a batch item: a seam, so that tests can make a read fail. */
export type BatchJobIo = {
	readonly readFile: ReadInput;
	readonly readDecisions: (file: string) => Promise<Uint8Array>;
};

/** The worker's own file access (a worker thread cannot be handed the main thread's `io`). */
export const nodeBatchJobIo: BatchJobIo = {
	readFile: async (file) => readFileCapped(file),
	readDecisions: async (file) => readFileCapped(file),
};

/** The expected failures of one item, as one line; anything else is a bug and propagates. */
async function attempt(task: BatchTask, io: BatchJobIo): Promise<{readonly summary: Summary; readonly report?: string} | {readonly message: string}> {
	try {
		// A summary alone shows no suggestions: look no words up for it.
		const compared = await compareFile([task.file], io.readFile, {printings: task.printings, suggest: task.format !== undefined});
		const {comparison} = compared;
		if (task.format === undefined) return {summary: comparison.summary};
		const decisions = await loadDecisions(defaultDecisionsPath(task.file), io.readDecisions);
		// Many files' CSV records share one table, each naming its file (the other writers ignore it).
		const format = task.format === 'jsonl' ? 'json' : task.format;
		const report = await compared.report(format, matchDecisions(comparison.rows, decisions), task.base, {file: task.file});
		// JSON Lines: the report on one line, led by the file it is about (issue 17); compacted here, in the worker.
		if (task.format === 'jsonl') return {summary: comparison.summary, report: JSON.stringify({source: task.file, ...(JSON.parse(report) as object)})};
		return {summary: comparison.summary, report};
	} catch (error) {
		if (error instanceof InputError || error instanceof DecisionsFileError) return {message: error.message};
		throw error;
	}
}

/**
 * Compare one file of a batch.
 *
 * @param io how the item reads its file and its decisions @default the worker's own (node:fs)
 */
export async function runBatchTask(task: BatchTask, io: BatchJobIo = nodeBatchJobIo): Promise<BatchResult> {
	const started = performance.now();
	const outcome = await attempt(task, io);
	const milliseconds = Math.round(performance.now() - started);
	const common = {index: task.index, file: task.file, milliseconds};
	// Shown in a terminal as the single run shows its errors: quoted control characters escaped.
	return 'message' in outcome ? {kind: 'failed', ...common, message: printable(outcome.message)} : {kind: 'done', ...common, ...outcome};
}
