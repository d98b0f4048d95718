/**
 * The command's body: read the inputs, compare them, then open the review screen or write a
 * report. The only place that chooses an exit code; expected failures print one line.
 */
import path from 'node:path';
import {matchDecisions, printingLetters, rekeyDecisions, type Decision, type DecisionMatch} from '../core/decisions.js';
import {formats, ocrFormatNames} from '../report/index.js';
import {helpText, parseCliArgs, type CliArgs} from './args.js';
import {checkBase, compareFile, type ComparedFile} from './compare-file.js';
import {defaultDecisionsPath, DecisionsFileError, loadDecisions, saveDecisions} from './decisions-file.js';
import {exitCodes, InputError, printable, signalExitCodes, UsageError} from './errors.js';
import type {Io} from './io.js';
import {loadTui} from './load-tui.js';
import {describeWriteError, guardOutput, refusedTarget, reportBeside, toFile, writeReport} from './output.js';

/** How the single run reads an input: a file, or standard input for `-`. */
function inputReader(io: Io): (file: string) => Promise<Uint8Array> {
	return async (file) => {
		if (file !== '-') return io.readFile(file);
		// Typing a printing in by hand is possible, but waiting in silence would look like a hang.
		if (io.stdinIsTTY) io.stderr.write('tocdiff: reading a printing from the keyboard; end it with Ctrl-D\n');
		return io.readStdin();
	};
}

/** Whether an environment variable is set to something other than `0` or `false`. */
function switchedOn(env: Io['env'], key: string): boolean {
	return env[key] !== undefined && env[key] !== '0' && env[key] !== 'false';
}

/** Whether colour suits the text report: FORCE_COLOR and NO_COLOR first, then a terminal. */
export function wantsColor(env: Io['env'], isTTY: boolean): boolean {
	if (switchedOn(env, 'FORCE_COLOR')) return true;
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	return isTTY;
}

/**
 * Whether a continuous-integration service runs us (the convention Ink itself follows): there,
 * nobody answers a screen, and Ink would draw only its last frame, so the report is printed.
 */
function inCi(env: Io['env']): boolean {
	return switchedOn(env, 'CI') || switchedOn(env, 'CONTINUOUS_INTEGRATION');
}

type TuiModule = typeof import('../tui/run.js');

/** A review's decisions file, and its lock. */
type Held = {readonly path: string; readonly lock: {readonly release: () => void}};

/**
 * Open the review screen. Returns the exit code when a signal stopped it, or when decisions were
 * left unsaved (the screen's summary has said so); an error that nothing caught in the screen
 * propagates once the terminal is restored (a bug: exit 70). Releases the lock of the decisions
 * file it ends with, on every way out.
 */
async function review(
	tui: Promise<TuiModule>,
	args: CliArgs,
	compared: ComparedFile,
	held: Held,
	decisions: readonly Decision[],
	io: Io,
): Promise<number | undefined> {
	// The file saves go to: the one the review opened with, or another the reviewer moved them to (`w`).
	let current = held;
	try {
		return await reviewHeld(tui, args, compared, held.path, decisions, io, {
			current: () => current,
			moveTo(next) {
				current.lock.release();
				current = next;
			},
		});
	} finally {
		current.lock.release();
	}
}

/** How the screen's saves find, and change, the decisions file. */
type DecisionsPlace = {readonly current: () => Held; readonly moveTo: (next: Held) => void};

/** Save the decisions to `file`; a failure says where and why in a few words, for the screen. */
async function saveForScreen(file: string, list: readonly Decision[], io: Io): Promise<void> {
	try {
		await saveDecisions(file, list, io.writeFile);
	} catch (error) {
		throw new Error(`${file}: ${error instanceof DecisionsFileError ? (error.reason ?? error.message) : String(error)}`);
	}
}

async function reviewHeld(
	tui: Promise<TuiModule>,
	args: CliArgs,
	compared: ComparedFile,
	decisionsPath: string,
	decisions: readonly Decision[],
	io: Io,
	place: DecisionsPlace,
): Promise<number | undefined> {
	const {runReview} = await tui;
	// Reports go where the decisions go: beside the first input (standard input: the working folder).
	const first = args.files[0]!;
	const folder = first === '-' ? io.cwd : path.dirname(path.resolve(io.cwd, first));
	const base = first === '-' ? 'tocdiff-stdin' : path.basename(first);
	const exportPath = (format: string): string => reportBeside(path.join(folder, base), format);
	// An export never replaces what is under review: an input, or the decisions (`--decisions vol31.txt.errata.json`).
	const refusal = (file: string): string | undefined => {
		const refused = refusedTarget(file, args.files, [decisionsPath], io.cwd);
		if (refused === 'the decisions') return `${file} holds the decisions; export another format, or reopen with another --decisions PATH`;
		return refused === 'an input' ? `${file} is an input; export another format` : undefined;
	};
	// Each exporter loads its writer when the reviewer asks for that format, as a report run does.
	// The screen hands each its comparison, which is `compared`'s own.
	const exporters = Object.fromEntries(
		// A corrected OCR file is offered where a printing was read from one of that format (#15).
		formats
			.filter((f) => !ocrFormatNames.has(f.name) || compared.sources.some((source) => source.ocr?.format === f.name))
			.map((f) => [f.name, async (_comparison: unknown, match: DecisionMatch) => compared.report(f.name, match, args.base)]),
	);
	// The corrected contents page of every other printing too (`toc B`, or `toc A` with --base b;
	// `toc C` with three): an editor of any edition can take it from the menu.
	for (const other of printingLetters.slice(0, compared.comparison.printings.length)) {
		if (other !== args.base)
			exporters[`toc ${other.toUpperCase()}`] = async (_comparison: unknown, match: DecisionMatch) => compared.report('toc', match, other);
	}
	// A save replaces the file by a rename, which parts a hard link: say so while it can be helped.
	const links = io.linkCount(decisionsPath) ?? 1;

	const outcome = await runReview({
		...(links > 1
			? {
					notice:
						`${decisionsPath} has another name (a hard link): saving replaces it, ` +
						`and the other name keeps the decisions as they were; a symbolic link keeps one file under both names.`,
				}
			: {}),
		comparison: compared.comparison,
		inputName: args.files.join(' '),
		decisionsPath,
		initialDecisions: decisions,
		saveDecisions: async (list) => saveForScreen(place.current().path, list, io),
		// When saving fails (a full disk, a folder made read-only), the reviewer can move the
		// decisions to another file, which is locked as the first was and never one that exists.
		async saveDecisionsTo(typed, list) {
			const file = typed.startsWith('~/') && io.env['HOME'] ? path.join(io.env['HOME'], typed.slice(2)) : typed;
			const {path: now} = place.current();
			if (refusedTarget(file, [], [now], io.cwd) === 'the decisions') {
				await saveForScreen(now, list, io);
				return now;
			}

			if (refusedTarget(file, args.files, [], io.cwd) === 'an input') throw new Error(`${typed} is an input; give the name of a new file`);
			if (io.linkCount(path.resolve(io.cwd, file)) !== undefined)
				throw new Error(`${typed} exists already; give the name of a new file, so that nothing is written over`);
			let lock;
			try {
				lock = await io.lockDecisions(file);
			} catch (error) {
				throw new Error(error instanceof InputError ? error.message : String(error));
			}

			try {
				await saveForScreen(file, list, io);
			} catch (error) {
				lock.release();
				throw error;
			}

			place.moveTo({path: file, lock});
			return file;
		},
		// A signal or a hang-up with decisions that cannot be saved where they belong: the first of
		// the working folder, the home folder and the temporary folder that takes them.
		async rescueDecisions(list) {
			const {path: now} = place.current();
			const stamp = new Date().toISOString().replaceAll(/[:.]/g, '-');
			const name = `${path.basename(now)}.rescued-${stamp}.json`;
			// The temporary folder as node:os finds it, which a report run does not load (issue 5).
			const temporary = io.env['TMPDIR'] ?? io.env['TMP'] ?? io.env['TEMP'] ?? '/tmp';
			const folders = [io.cwd, io.env['HOME'], temporary].filter((folder): folder is string => folder !== undefined && folder !== '');
			for (const folder of new Set(folders)) {
				const file = path.join(folder, name);
				try {
					// eslint-disable-next-line no-await-in-loop -- one place after another, first come first served
					await saveDecisions(file, list, io.writeFile);
					return file;
				} catch {
					// Try the next place.
				}
			}

			throw new Error('no folder takes them');
		},
		exporters,
		writeExport: async (format, content) => {
			const file = exportPath(format);
			const refused = refusal(file);
			if (refused !== undefined) throw new Error(refused);
			try {
				await io.writeFile(file, content);
			} catch (error) {
				throw new Error(describeWriteError(file, error));
			}

			return file;
		},
		defaultExportPath: exportPath,
	});
	// The screen has printed its summary, which says what was not saved; the exit code tells a script too.
	if (outcome.kind === 'signal') return signalExitCodes[outcome.signal];
	if (outcome.unsaved > 0) return exitCodes.input;
	return undefined;
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
	const interactive =
		args.format === undefined &&
		args.output === undefined &&
		!args.noTui &&
		!inCi(io.env) &&
		io.stdout.isTTY === true &&
		io.stdinIsTTY &&
		!args.files.includes('-');
	const tui = interactive ? loadTui() : undefined;
	// An input error ends the run before the screen is needed: the load's outcome is then moot.
	tui?.catch(() => undefined);

	// Writing the report over an input (or the decisions) would destroy what it reports on.
	const decisionsPath = args.decisions ?? defaultDecisionsPath(args.files[0]!, io.cwd);
	guardOutput(args.output, args.files, [decisionsPath], io.cwd);

	const compared = await compareFile(args.files, inputReader(io), {
		splitAt: args.splitAt,
		printings: args.printings,
		pages: args.pages,
		scans: {images: args.images, cwd: io.cwd},
	});
	const {comparison} = compared;
	checkBase(comparison, args.base);

	// The screen saves the decisions: it locks them from before it reads them until it closes (on
	// every way out), so that a second screen cannot overwrite its work; creating the lock also
	// proves that decisions can be saved there. Reports only read them: no lock (see lock.ts), and
	// they do not load its code (node:os) either.
	const lock = tui ? await io.lockDecisions(decisionsPath) : undefined;
	let decisions: Decision[];
	try {
		decisions = await loadDecisions(decisionsPath, io.readFile);
	} catch (error) {
		lock?.release();
		if (error instanceof DecisionsFileError) throw new InputError(error.message);
		throw error;
	}

	if (tui && lock) {
		// Holding the lock, nothing else writes these decisions: a temporary file of theirs is what a
		// save killed half-way (kill -9, a power cut) left behind.
		io.removeStaleTemporaries(decisionsPath);
		// A decision whose entry only changed its layout (a tab for spaces, an indent) finds its row
		// again, under the key the screen saves it with (reports match it so through matchDecisions).
		const stopped = await review(tui, args, compared, {path: decisionsPath, lock}, rekeyDecisions(comparison.rows, decisions), io);
		if (stopped !== undefined) return stopped;
	} else {
		const format = args.format ?? 'text';
		const color = !toFile(args.output) && format === 'text' && wantsColor(io.env, io.stdout.isTTY === true);
		await writeReport(args.output, await compared.reportPieces(format, matchDecisions(comparison.rows, decisions), args.base, {color}), io);
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
			io.stderr.write(`tocdiff: ${printable(error.message)}\n`);
			return error.exitCode;
		}

		throw error;
	}
}
