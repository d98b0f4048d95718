/**
 * The command's body: read the inputs, compare them, then open the review screen or write a
 * report. The only place that chooses an exit code; expected failures print one line.
 */
import {rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {compare, CompareError, type Source} from '../core/compare.js';
import {matchDecisions, type Decision} from '../core/decisions.js';
import {decode, DecodeError} from '../core/decode.js';
import type {Comparison} from '../core/types.js';
import {formatNamed, formats, type ReportContext, type ReportSource} from '../report/index.js';
import {helpText, parseCliArgs, type CliArgs} from './args.js';
import {defaultDecisionsPath, DecisionsFileError, loadDecisions, saveDecisions} from './decisions-file.js';
import {describeReadError, exitCodes, InputError, reasonOf, UsageError} from './errors.js';
import type {Io} from './io.js';
import {dictionaryFor} from './words.js';


function describeWriteError(file: string, error: unknown): string {
	const code = (error as {code?: unknown} | null)?.code;
	// `-o reports/` names a folder: the rename onto it fails with one of these.
	const folder = file.endsWith('/') || code === 'EISDIR' || (code === 'ENOTDIR' && file.endsWith(path.sep));
	return folder ? `cannot write ${file}: it is a folder; give a file name to --output` : `cannot write ${file}: ${reasonOf(error)}; choose another --output path`;
}

/**
 * Check, before a review starts, that decisions can be saved where they will go: create and
 * remove a file in that folder. Finding out after an hour of work would lose the work.
 */
async function probeWritable(file: string): Promise<void> {
	const probe = path.join(path.dirname(file), `.tocdiff-probe-${process.pid}`);
	try {
		writeFileSync(probe, '');
		rmSync(probe, {force: true});
	} catch (error) {
		throw new InputError(`cannot save decisions beside ${file}: ${reasonOf(error)}; pass --decisions PATH to keep them elsewhere`);
	}
}

async function readSource(file: string, io: Io): Promise<ReportSource> {
	let bytes: Uint8Array;
	// Typing a printing in by hand is possible, but waiting in silence would look like a hang.
	if (file === '-' && io.stdinIsTTY) io.stderr.write('tocdiff: reading a printing from the keyboard; end it with Ctrl-D\n');
	try {
		bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
	} catch (error) {
		throw new InputError(describeReadError(file, error));
	}

	try {
		const {text, lineEnd} = decode(bytes, file === '-' ? 'standard input' : file);
		return {name: file === '-' ? '(standard input)' : file, text, lineEnd};
	} catch (error) {
		if (error instanceof DecodeError) throw new InputError(error.message);
		throw error;
	}
}

/** Whether colour suits the text report: FORCE_COLOR and NO_COLOR first, then a terminal. */
export function wantsColor(env: Io['env'], isTTY: boolean): boolean {
	if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false') return true;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	return isTTY;
}

/**
 * Whether a continuous-integration service runs us (the convention Ink itself follows): there,
 * nobody answers a screen, and Ink would draw only its last frame, so the report is printed.
 */
export function inCi(env: Io['env']): boolean {
	return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => env[key] !== undefined && env[key] !== '0' && env[key] !== 'false');
}

type TuiModule = typeof import('../tui/run.js');

async function review(
	tui: Promise<TuiModule>,
	args: CliArgs,
	comparison: Comparison,
	sources: readonly Source[],
	decisionsPath: string,
	decisions: readonly Decision[],
	io: Io,
): Promise<void> {
	const {runReview} = await tui;
	await probeWritable(decisionsPath);
	// Reports go where the decisions go: beside the first input (standard input: the working folder).
	const first = args.files[0]!;
	const folder = first === '-' ? io.cwd : path.dirname(path.resolve(io.cwd, first));
	const base = first === '-' ? 'tocdiff-stdin' : path.basename(first);
	const exportPath = (format: string): string =>
		path.join(folder, format === 'toc' ? `${base}.corrected.txt` : `${base}.errata.${formatNamed(format)?.extension ?? format}`);
	const writers = await Promise.all(formats.map(async (f) => [f.name, await f.load()] as const));
	const exporters = Object.fromEntries(
		writers.map(([name, write]) => [name, (c: Comparison, match: ReportContext['decisions']) => write(c, {decisions: match, sources, base: args.base}, {})]),
	);
	const saveError = await runReview({
		comparison,
		inputName: args.files.join(' '),
		decisionsPath,
		initialDecisions: decisions,
		saveDecisions: async (list) => saveDecisions(decisionsPath, list),
		exporters,
		writeExport: async (format, content) => {
			const file = exportPath(format);
			try {
				await io.writeFile(file, content);
			} catch (error) {
				throw new Error(describeWriteError(file, error));
			}

			return file;
		},
		defaultExportPath: exportPath,
	});
	// The screen has said so already; the exit code tells a script too.
	if (saveError !== undefined) throw new InputError(`the last decisions were not saved to ${decisionsPath}; they are lost unless you repeat them with --decisions PATH`);
}

async function run(argv: readonly string[], io: Io): Promise<number> {
	const args = parseCliArgs(argv);
	if (args.help) {
		io.stdout.write(helpText);
		return exitCodes.success;
	}

	if (args.version) {
		io.stdout.write(`${io.version}\n`);
		return exitCodes.success;
	}

	if (args.batch) {
		const {runBatch} = await import('./batch.js');
		return runBatch(args, io);
	}

	// The review screen's modules (Ink, React, Yoga's WebAssembly) start loading now, while the
	// inputs are read and compared, and only when the screen will open.
	const interactive = args.format === undefined && args.output === undefined && !args.noTui && !inCi(io.env) && io.stdout.isTTY === true && io.stdinIsTTY && !args.files.includes('-');
	const tui = interactive ? import('../tui/run.js') : undefined;
	// An input error ends the run before the screen is needed: the load's outcome is then moot.
	tui?.catch(() => undefined);

	// Writing the report over an input (or the decisions) would destroy what it reports on.
	if (args.output !== undefined && args.output !== '-') {
		const target = path.resolve(io.cwd, args.output);
		const guarded = [...args.files.filter((file) => file !== '-'), args.decisions ?? defaultDecisionsPath(args.files[0]!, io.cwd)];
		if (guarded.some((file) => path.resolve(io.cwd, file) === target)) {
			throw new InputError(`${args.output} is one of the inputs; choose another --output path`);
		}
	}

	const sources = await Promise.all(args.files.map(async (file) => readSource(file, io)));
	let comparison: Comparison;
	try {
		comparison = compare(sources, {dictionary: dictionaryFor, ...(args.splitAt === undefined ? {} : {splitAt: args.splitAt})});
	} catch (error) {
		if (error instanceof CompareError) throw new InputError(error.message);
		throw error;
	}

	const decisionsPath = args.decisions ?? defaultDecisionsPath(args.files[0]!, io.cwd);
	let decisions: Decision[];
	try {
		decisions = await loadDecisions(decisionsPath);
	} catch (error) {
		if (error instanceof DecisionsFileError) throw new InputError(error.message);
		throw error;
	}

	if (tui) {
		await review(tui, args, comparison, sources, decisionsPath, decisions, io);
	} else {
		const format = formatNamed(args.format ?? 'text')!;
		const toFile = args.output !== undefined && args.output !== '-';
		const context: ReportContext = {decisions: matchDecisions(comparison.rows, decisions), sources, base: args.base};
		const write = await format.load();
		const content = write(comparison, context, {color: !toFile && format.name === 'text' && wantsColor(io.env, io.stdout.isTTY === true)});
		if (toFile) {
			try {
				await io.writeFile(args.output!, content);
			} catch (error) {
				throw new InputError(describeWriteError(args.output!, error));
			}
		} else {
			io.stdout.write(content);
		}
	}

	return args.exitCode && comparison.summary.differing > 0 ? exitCodes.differences : exitCodes.success;
}

/**
 * Run tocdiff with `argv` (the arguments after the program name) and return the exit code:
 * 0 success, 1 differences found (with --exit-code), 2 usage error, 3 unreadable input.
 * Expected failures print one line to stderr; anything else is a bug and propagates.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
	try {
		return await run(argv, io);
	} catch (error) {
		if (error instanceof UsageError || error instanceof InputError) {
			io.stderr.write(`tocdiff: ${error.message}\n`);
			return error.exitCode;
		}

		throw error;
	}
}
