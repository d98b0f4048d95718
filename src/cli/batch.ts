/**
 * `tocdiff --batch DIR|FILE…`: compare many files, each holding two printings, in parallel over
 * worker threads; show progress on standard error, then a summary table. With `--format json`
 * the reports form one JSON array, one element per file in input order (a failed file gives
 * `{"source", "error"}`); CSV makes one table with a `file` column; text and Markdown follow one
 * another; HTML, TEI and the corrected contents page, one document each, are written beside each
 * file. Exit 3 when any file failed, so that scripts notice.
 */
import type {Dirent, Stats} from 'node:fs';
import {readdir, realpath, stat} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {CliArgs} from './args.js';
import type {BatchResult, BatchTask} from './batch-job.js';
import {exitCodes, InputError, printable, reasonOf, UsageError} from './errors.js';
import {defaultDecisionsPath} from './decisions-file.js';
import type {Io} from './io.js';
import {describeWriteError, guardOutput, reportBeside, toFile, writeReport} from './output.js';

/** A bug inside a worker, with the worker's stack. */
class WorkerBug extends Error {
	override name = 'WorkerBug';
}

/**
 * Whether a file in a folder looks like a contents page to compare (`vol31.txt`, `vol31`), or an
 * OCR file or PDF of one (`vol31.alto.xml`, `vol31.hocr`, `vol31.pdf`), but not a report or a
 * corrected copy that tocdiff wrote beside one (`vol31.txt.errata.tei.xml`, `vol31.corrected.xml`).
 */
export function isTextName(name: string): boolean {
	if (/\.(?:xml|hocr|pdf)$/i.test(name)) return !/\.(?:errata|corrected(?:-[ab])?)\.(?:[\w-]+\.)?(?:xml|hocr|pdf)$/i.test(name);
	return (/\.txt$/i.test(name) && !/\.(?:errata\.txt|corrected(?:-[ab])?\.txt|toc\.txt)$/i.test(name)) || !name.includes('.');
}

/** What a folder held that a batch does not compare (other than files whose names say they are no contents page). */
const skippedKinds = ['folder', 'hidden file', 'hidden folder', 'FIFO', 'socket', 'device', 'broken link', 'unreadable folder'] as const;

/** One of `skippedKinds`. */
export type SkippedKind = (typeof skippedKinds)[number];

/** The files a batch compares, and how many entries of each kind its folders held that it skipped. */
export type BatchFiles = {readonly files: readonly string[]; readonly skipped: ReadonlyMap<SkippedKind, number>};

/** Options of `listBatchFiles`. */
export type ListOptions = {
	/** Compare the files of subfolders too (hidden ones excepted). @default false */
	readonly recursive?: boolean;
};

/** What a folder entry is, links followed: undefined for a link to nothing. */
async function kindOf(folder: string, entry: Dirent): Promise<Stats | Dirent | undefined> {
	if (!entry.isSymbolicLink()) return entry;
	try {
		return await stat(path.join(folder, entry.name));
	} catch {
		return undefined;
	}
}

/**
 * The files named: a folder stands for its `.txt` and extensionless files, sorted by name (with
 * `recursive`, its subfolders' too, in place). Hidden files and folders, FIFOs (reading one would
 * wait for ever), sockets, devices, links to nothing and, without `recursive`, subfolders are
 * skipped and counted; sidecars, reports and notes (`SOURCES.md`, `*.errata.html`) are left out
 * without a word, since their names say what they are.
 */
export async function listBatchFiles(inputs: readonly string[], options: ListOptions = {}): Promise<BatchFiles> {
	const files: string[] = [];
	const skipped = new Map<SkippedKind, number>();
	const skip = (kind: SkippedKind): void => {
		skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
	};

	// Real paths of the folders listed, so that a link back up is not followed round for ever.
	const listed = new Set<string>();
	const listFolder = async (folder: string, named: boolean): Promise<void> => {
		let entries: Dirent[];
		try {
			const real = await realpath(folder);
			if (listed.has(real)) return;
			listed.add(real);
			entries = await readdir(folder, {withFileTypes: true});
		} catch (error) {
			if (named) throw new InputError(`cannot list the folder ${folder}: ${reasonOf(error)}; check its permissions`);
			skip('unreadable folder');
			return;
		}

		entries.sort((x, y) => x.name.localeCompare(y.name, 'en', {numeric: true}));
		for (const entry of entries) {
			const full = path.join(folder, entry.name);
			// eslint-disable-next-line no-await-in-loop -- one entry at a time keeps the order
			const kind = await kindOf(folder, entry);
			if (kind === undefined) skip('broken link');
			else if (entry.name.startsWith('.')) skip(kind.isDirectory() ? 'hidden folder' : 'hidden file');
			else if (kind.isDirectory()) {
				// eslint-disable-next-line no-await-in-loop -- depth first, in name order
				if (options.recursive) await listFolder(full, false);
				else skip('folder');
			} else if (kind.isFIFO()) skip('FIFO');
			else if (kind.isSocket()) skip('socket');
			else if (kind.isBlockDevice() || kind.isCharacterDevice()) skip('device');
			// Contents pages: `.txt` files, files with no extension, and OCR files and PDFs.
			else if (isTextName(entry.name)) files.push(full);
		}
	};

	for (const input of inputs) {
		let info;
		try {
			// eslint-disable-next-line no-await-in-loop -- inputs in the order given
			info = await stat(input);
		} catch {
			// A path that cannot be read becomes a failed item with the reader's message.
			files.push(input);
			continue;
		}

		// A file named is compared whatever it is: the user chose it.
		if (info.isDirectory())
			await listFolder(input, true); // eslint-disable-line no-await-in-loop -- inputs in the order given
		else files.push(input);
	}

	return {files, skipped};
}

/** `skipped 3: 1 folder (use --recursive), 1 hidden file, 1 FIFO`, or undefined when nothing was skipped. */
export function skippedLine(skipped: ReadonlyMap<SkippedKind, number>): string | undefined {
	const parts = skippedKinds.flatMap((kind) => {
		const count = skipped.get(kind) ?? 0;
		if (count === 0) return [];
		const name = count === 1 ? kind : `${kind}s`;
		return [`${count} ${name}${kind === 'folder' ? ' (use --recursive)' : ''}`];
	});
	if (parts.length === 0) return undefined;
	const total = [...skipped.values()].reduce((sum, count) => sum + count, 0);
	return `skipped ${total}: ${parts.join(', ')}`;
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

				onResult(message);
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
const sharedFormats = new Set(['json', 'csv', 'text', 'markdown']);

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
			`--batch --format ${args.format} writes one report beside each file (vol1.txt.${reportBeside('', args.format).slice(1)}); leave out --output, or use json, csv, text or markdown for one report`,
		);
	}

	const {files, skipped} = await listBatchFiles(args.files, {recursive: args.recursive});
	const skippedSome = skippedLine(skipped);
	if (files.length === 0) {
		const what = skippedSome === undefined ? '' : ` (${skippedSome})`;
		throw new InputError(`${args.files.join(', ')}: no files to compare${what}; give a folder of contents pages or the files themselves`);
	}

	if (skippedSome !== undefined) io.stderr.write(`tocdiff: ${skippedSome}\n`);
	guardOutput(
		args.output,
		files,
		files.map((file) => defaultDecisionsPath(file)),
		io.cwd,
	);
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
				`wrote ${written.length} ${args.format} report${written.length === 1 ? '' : 's'} beside ${written.length === 1 ? 'its file' : 'their files'}: ${list}\n`,
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
