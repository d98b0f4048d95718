/**
 * `tocdiff --batch DIR|FILE…`: compare many files (`batch-files.ts` lists them), each holding two
 * printings, in parallel over worker threads; show progress on standard error, then a summary
 * table. With `--format json` the reports form one JSON array, one element per file in input
 * order (a failed file gives `{"source", "error"}`); CSV makes one table with a `file` column;
 * text and Markdown follow one another; HTML, TEI and the corrected contents page, one document
 * each, are written beside each file; JSON Lines (`jsonl`) gives one report a line as each file
 * finishes, resumable (see `batch-shelf.ts`, with `--shard` and `--files-from`). Exit 3 when any
 * file failed, so that scripts notice.
 */
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {CliArgs} from './args.js';
import {listBatchFiles, skippedLine} from './batch-files.js';
import type {BatchResult, BatchTask} from './batch-job.js';
import {exitCodes, InputError, printable, UsageError} from './errors.js';
import {defaultDecisionsPath} from './decisions-file.js';
import {openJsonl, readInputList, takeShard, type DoneLine, type LineSink} from './batch-shelf.js';
import type {Io} from './io.js';
import {describeWriteError, guardOutput, reportBeside, toFile, writeReport} from './output.js';

/** A bug inside a worker, with the worker's stack. */
class WorkerBug extends Error {
	override name = 'WorkerBug';
}

/**
 * How many worker threads a batch starts: as many as asked (one per core by default), but no
 * more than files, nor than two per core: past that, threads only wait for a core and each costs
 * its memory (a thousand took 26 s and 1.2 GB where the default took 4 s).
 */
export function workerCount(asked: number | undefined, files: number, cores: number): number {
	return Math.max(1, Math.min(asked ?? cores, files, 2 * cores));
}

/** Run `tasks` on `jobs` worker threads; `onResult` hears each result as it arrives. */
async function runPool(tasks: readonly BatchTask[], jobs: number, onResult: (result: BatchResult) => void): Promise<void> {
	const workerUrl = new URL('batch-worker.js', import.meta.url);
	let next = 0;
	const one = async (): Promise<void> =>
		new Promise<void>((resolve, reject) => {
			const worker = new Worker(workerUrl);
			const feed = (): void => {
				if (next >= tasks.length) {
					void worker.terminate().then(() => {
						resolve();
					});
					return;
				}

				worker.postMessage(tasks[next++]);
			};

			worker.on('message', (message: BatchResult | {kind: 'bug'; stack: string}) => {
				if (message.kind === 'bug') {
					void worker.terminate();
					reject(new WorkerBug(message.stack));
					return;
				}

				try {
					onResult(message);
				} catch (error) {
					// A line that cannot be written (a full disk): stop handing out files, and say why in main.
					next = tasks.length;
					void worker.terminate();
					reject(error instanceof Error ? error : new Error(String(error)));
					return;
				}

				feed();
			});
			worker.on('error', reject);
			feed();
		});
	await Promise.all(Array.from({length: jobs}, one));
}

/** A progress bar on one terminal line: `[#####·····] 12/40 vol12.txt`. */
function progressLine(done: number, total: number, last: string): string {
	const width = 24;
	const filled = Math.round((done / total) * width);
	return `\r\u001B[K[${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total} ${path.basename(last)}`;
}

/** The summary table: one line per file, failures with their message, then the totals. */
export function summaryTable(results: readonly BatchResult[]): string {
	// The comparison's own counts, as --exit-code, the reports and the review screen read them: rows
	// that differ, and their differences by severity (page differences that a page offset explains
	// are counted in its check, not here).
	const header = ['file', 'rows', 'differing rows', 'substantive', 'minor', 'cosmetic', 'ms'];
	const lines: string[][] = [];
	const failures: Array<[string, string]> = [];
	for (const result of results) {
		if (result.kind === 'failed') {
			failures.push([result.file, result.message]);
			continue;
		}

		const {summary} = result;
		lines.push([
			result.file,
			String(summary.rows),
			String(summary.differing),
			String(summary.open.severity.substantive),
			String(summary.open.severity.minor),
			String(summary.open.severity.cosmetic),
			String(result.milliseconds),
		]);
	}

	const widths = header.map((h, k) => Math.max(h.length, ...lines.map((line) => line[k]!.length)));
	const row = (cells: readonly string[]): string =>
		cells
			.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!)))
			.join('  ')
			.trimEnd();
	const out = [row(header), ...lines.map((line) => row(line))];
	for (const [file, message] of failures) out.push(`${file}  failed: ${message}`);
	const compared = results.length - failures.length;
	// As the column counts, and as --exit-code decides: files with rows that differ (a page that only follows an offset does not).
	const differing = results.filter((r) => r.kind === 'done' && r.summary.differing > 0).length;
	out.push('', `${results.length} file${results.length === 1 ? '' : 's'}: ${compared} compared (${differing} with differences), ${failures.length} failed`);
	return `${out.join('\n')}\n`;
}

/** Formats whose reports of many files make one document; the others are written beside each file. */
const sharedFormats = new Set(['json', 'jsonl', 'csv', 'text', 'markdown']);

/**
 * Put the reports of a batch together: one JSON array; one CSV table (each record names its file,
 * the header comes once); or text and Markdown reports one after another under `==> file <==`.
 */
function combineReports(results: readonly BatchResult[], format: string): string {
	if (format === 'json') {
		const parts = results.map((r) => (r.kind === 'done' ? r.report!.trimEnd() : JSON.stringify({source: r.file, error: r.message}, null, 2)));
		return `[\n${parts.join(',\n')}\n]\n`;
	}

	if (format === 'csv') {
		// The header is the first record, which holds no line break; failed files are in the table on standard error.
		const done = results.flatMap((r) => (r.kind === 'done' ? [r.report!] : []));
		return done.map((report, k) => (k === 0 ? report : report.slice(report.indexOf('\r\n') + 2))).join('');
	}

	return results.map((r) => `==> ${r.file} <==\n${r.kind === 'done' ? r.report! : `failed: ${r.message}\n`}`).join('\n');
}

/** Write each file's report beside it (`vol1.txt.errata.html`); a file that cannot be written fails its item. */
async function writeBeside(results: BatchResult[], format: string, io: Io): Promise<string[]> {
	const written: string[] = [];
	for (const [index, result] of results.entries()) {
		if (result.kind !== 'done') continue;
		const file = reportBeside(result.file, format);
		try {
			// eslint-disable-next-line no-await-in-loop -- one file at a time, in the table's order
			await io.writeFile(file, result.report!);
			written.push(file);
		} catch (error) {
			results[index] = {
				kind: 'failed',
				index: result.index,
				file: result.file,
				message: printable(describeWriteError(file, error)),
				milliseconds: result.milliseconds,
			};
		}
	}

	return written;
}

/**
 * Run a batch and return the exit code: 3 when any file failed; else 1 when, with
 * `--exit-code`, any file's printings differ; else 0.
 */
export async function runBatch(args: CliArgs, io: Io): Promise<number> {
	const beside = args.format !== undefined && !sharedFormats.has(args.format);
	if (beside && toFile(args.output)) {
		throw new UsageError(
			`--batch --format ${args.format} writes one report beside each file (vol1.txt.${reportBeside('', args.format).slice(1)}); ` +
				`leave out --output, or use json, csv, text or markdown for one report`,
		);
	}

	const inputs = args.filesFrom === undefined ? args.files : [...args.files, ...(await readInputList(args.filesFrom))];
	if (inputs.length === 0) throw new InputError(`--files-from ${args.filesFrom ?? ''} names no files; give one path a line`);
	const listed = await listBatchFiles(inputs, {recursive: args.recursive});
	const {skipped} = listed;
	const skippedSome = skippedLine(skipped);
	if (listed.files.length === 0) {
		const what = skippedSome === undefined ? '' : ` (${skippedSome})`;
		// A list of a million paths is no one-line message: name the first few.
		const named = inputs.length > 3 ? `${inputs.slice(0, 3).join(', ')} and ${inputs.length - 3} more` : inputs.join(', ');
		throw new InputError(`${named}: no files to compare${what}; give a folder of contents pages or the files themselves`);
	}

	if (skippedSome !== undefined) io.stderr.write(`tocdiff: ${skippedSome}\n`);
	const files = args.shard === undefined ? listed.files : takeShard(listed.files, args.shard);
	guardOutput(
		args.output,
		listed.files,
		listed.files.map((file) => defaultDecisionsPath(file)),
		io.cwd,
	);
	if (args.format === 'jsonl') return runJsonl(files, args, io);
	if (files.length === 0) {
		io.stderr.write(`tocdiff: shard ${args.shard!.index}/${args.shard!.count} of ${listed.files.length} files is empty\n`);
		return exitCodes.success;
	}

	const tasks: BatchTask[] = files.map((file, index) => ({
		index,
		file,
		base: args.base,
		...(args.format === undefined ? {} : {format: args.format}),
		...(args.printings === undefined ? {} : {printings: args.printings}),
	}));
	const jobs = workerCount(args.jobs, tasks.length, availableParallelism());
	const results: BatchResult[] = [];
	const showProgress = io.stderr.isTTY === true;
	await runPool(tasks, jobs, (result) => {
		results[result.index] = result;
		if (showProgress) io.stderr.write(progressLine(results.filter(Boolean).length, tasks.length, result.file));
	});
	if (showProgress) io.stderr.write('\r\u001B[K');

	if (beside) {
		const written = await writeBeside(results, args.format, io);
		io.stdout.write(summaryTable(results));
		const names = written.map((file) => path.basename(file));
		const list = names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', ');
		if (written.length > 0)
			io.stdout.write(
				`wrote ${written.length} ${args.format} report${written.length === 1 ? '' : 's'} ` +
					`beside ${written.length === 1 ? 'its file' : 'their files'}: ${list}\n`,
			);
	} else if (args.format === undefined) {
		io.stdout.write(summaryTable(results));
	} else {
		await writeReport(args.output, combineReports(results, args.format), io);
		// The reports hold standard output; the table goes beside the progress bar.
		io.stderr.write(summaryTable(results));
	}

	if (results.some((r) => r.kind === 'failed')) return exitCodes.input;
	return args.exitCode && results.some((r) => r.kind === 'done' && r.summary.differing > 0) ? exitCodes.differences : exitCodes.success;
}

/** The line a failed file leaves in JSON Lines. */
function errorLine(result: BatchResult & {readonly kind: 'failed'}): string {
	return JSON.stringify({source: result.file, error: result.message});
}

/**
 * `--format jsonl`: one line a file, written as it finishes (in the order the files finish), to
 * standard output or, with `-o FILE`, to FILE, each line written through at once. With `--resume`
 * the inputs FILE already holds a line for (a report or an error) are skipped, and a torn last line
 * is cut off and redone. Standard error gets the failures and the totals, not a table of a million rows.
 */
async function runJsonl(files: readonly string[], args: CliArgs, io: Io): Promise<number> {
	let sink: LineSink;
	let done: ReadonlyMap<string, DoneLine> = new Map();
	if (toFile(args.output)) {
		const opened = openJsonl(args.output, args.resume);
		sink = opened.sink;
		done = opened.state.done;
		if (opened.state.torn) io.stderr.write(`tocdiff: ${args.output}: its last line was torn (a run stopped while writing it); it is cut off and redone\n`);
	} else {
		sink = {write: (line) => io.stdout.write(line), close: () => undefined};
	}

	const earlier = files.flatMap((file) => {
		const line = done.get(file);
		return line === undefined ? [] : [line];
	});
	const tasks: BatchTask[] = files
		.filter((file) => !done.has(file))
		.map((file, index) => ({index, file, base: args.base, format: 'jsonl', ...(args.printings === undefined ? {} : {printings: args.printings})}));
	const failures: string[] = [];
	let differing = 0;
	let compared = 0;
	const showProgress = io.stderr.isTTY === true;
	let written = false;
	try {
		if (tasks.length > 0) {
			await runPool(tasks, workerCount(args.jobs, tasks.length, availableParallelism()), (result) => {
				if (result.kind === 'done') {
					sink.write(`${result.report!}\n`);
					compared++;
					if (result.summary.differing > 0) differing++;
				} else {
					sink.write(`${errorLine(result)}\n`);
					failures.push(`${result.file}  failed: ${result.message}`);
				}

				if (showProgress) io.stderr.write(progressLine(compared + failures.length, tasks.length, result.file));
			});
		}
		written = true;
	} finally {
		if (written) sink.close();
		else
			try {
				sink.close();
			} catch {
				// The failure that stopped the run is the one to tell.
			}
	}

	if (showProgress) io.stderr.write('\r\u001B[K');
	const earlierFailed = earlier.filter((line) => line.kind === 'failed').length;
	const earlierDiffering = earlier.filter((line) => line.kind === 'done' && line.differing).length;
	const plural = (count: number): string => `${count} file${count === 1 ? '' : 's'}`;
	const already = earlier.length === 0 ? '' : `; ${plural(earlier.length)} already in ${args.output!} (${earlierFailed} failed), skipped`;
	const shard = args.shard === undefined ? '' : ` (shard ${args.shard.index}/${args.shard.count})`;
	io.stderr.write(
		[...failures, `${plural(tasks.length)}${shard}: ${compared} compared (${differing} with differences), ${failures.length} failed${already}`, ''].join('\n'),
	);
	if (failures.length > 0 || earlierFailed > 0) return exitCodes.input;
	return args.exitCode && differing + earlierDiffering > 0 ? exitCodes.differences : exitCodes.success;
}
