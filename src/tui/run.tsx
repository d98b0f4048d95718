/**
 * Open the interactive review screen. The CLI loads this module only when it opens the screen
 * (`const {runReview} = await import('../tui/run.js')`), so ink and react load only then.
 *
 * The screen does no file I/O itself: the CLI injects loading (`initialDecisions`), saving
 * (`saveDecisions`) and export writing (`writeExport`), keeping dependencies cli → tui → core.
 */
import {closeSync, openSync} from 'node:fs';
import {isatty} from 'node:tty';
import {render} from 'ink';
import type {Decision} from '../core/decisions.js';
import type {Comparison} from '../core/types.js';
import {App} from './app.js';
import {watchInterruptions, watchTerminal, type Interruption, type ProcessEvents, type StopSignal} from './interruptions.js';
import {decisionList, orphanDecisions, type State} from './state.js';
import {themeFromEnv, type Theme} from './theme.js';
import type {Exporter, ReviewSession} from './use-review.js';

export type {Exporter, ReviewEffects} from './use-review.js';
export type {StopSignal} from './interruptions.js';

/** Options of `runReview`. */
export type RunReviewOptions = {
	/** The comparison to review. */
	readonly comparison: Comparison;
	/** The input as the user named it (`vol31.txt`, or `-` for stdin); shown in the header. */
	readonly inputName: string;
	/** Where decisions are saved; shown in the closing summary. */
	readonly decisionsPath: string;
	/** Decisions from the sidecar file, orphans included; they are all written back. @default [] */
	readonly initialDecisions?: readonly Decision[];
	/**
	 * Persist every decision (orphans included). Called after each change, never two at once; a
	 * rejection is shown on screen (its message should say where and what to do) and the next
	 * change tries again.
	 */
	readonly saveDecisions: (decisions: readonly Decision[]) => Promise<void>;
	/**
	 * Save every decision to another file that the reviewer typed (`w`, when saving fails), and
	 * save there from then on; resolves to the path as shown, rejects with what went wrong.
	 * @default `w` says it cannot
	 */
	readonly saveDecisionsTo?: (file: string, decisions: readonly Decision[]) => Promise<string>;
	/**
	 * When a signal, a hang-up or a crash ends the review with decisions a failed save left
	 * unsaved, and saving them once more fails too: write every decision somewhere else (nobody is
	 * there to type a path); resolves to the file written. @default they are lost, and the summary says so
	 */
	readonly rescueDecisions?: (decisions: readonly Decision[]) => Promise<string>;
	/** A message for the status line as the screen opens (a warning about the decisions file). @default none */
	readonly notice?: string;
	/** Export formats offered by `E`, in menu order (`{json: toJson, text: toText}`). */
	readonly exporters: Readonly<Record<string, Exporter>>;
	/** Write an exported report; resolves to the path written, which the screen shows. */
	readonly writeExport: (format: string, content: string) => Promise<string>;
	/** Where `writeExport` will write each format, shown in the export menu. @default not shown */
	readonly defaultExportPath?: (format: string) => string;
	/** @default process.stdin */
	readonly stdin?: NodeJS.ReadStream;
	/** @default process.stdout */
	readonly stdout?: NodeJS.WriteStream;
	/** Receives the one-line summary printed after the screen closes. @default process.stderr */
	readonly stderr?: NodeJS.WriteStream;
	/** @default colour unless NO_COLOR is set */
	readonly theme?: Theme;
	/** Draw in the terminal's alternate screen, restoring the scrollback on exit (as tig does). @default true */
	readonly alternateScreen?: boolean;
	/** Where signals and uncaught errors are heard while the screen is open. @default process */
	readonly processEvents?: ProcessEvents;
};

/**
 * How a review ended: the user quit (with the last save's error, if it failed, and how many
 * decisions were left unsaved), or a signal stopped it.
 */
export type ReviewOutcome =
	{readonly kind: 'quit'; readonly saveError: string | undefined; readonly unsaved: number} | {readonly kind: 'signal'; readonly signal: StopSignal};

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/**
 * A one-line account of the session, printed once the screen has closed; `rescued` is where every
 * decision went when they could not be saved where they belong.
 */
export function closingSummary(state: State, decisionsPath: string, interruption?: Interruption, rescued?: string): string {
	const orphans = orphanDecisions(state).length;
	const kept = orphans > 0 ? `; ${orphans} decision${orphans === 1 ? '' : 's'} matching no row kept` : '';
	const cause =
		interruption?.kind === 'signal' ? interruption.signal : interruption?.kind === 'hangup' ? 'a hang-up (the terminal closed)' : 'an internal error';
	const stopped = interruption === undefined ? '' : `stopped by ${cause}; `;
	// `w` may have moved them to another file.
	const file = state.decisionsFile === '' ? decisionsPath : state.decisionsFile;
	const lost = state.unsaved.size;
	const decided = `${state.decided} of ${state.data.differing} differing rows decided`;
	if (state.saveError !== undefined && lost > 0 && rescued !== undefined) {
		return (
			`tocdiff: ${stopped}${decided}, but they could not be saved (${state.saveError}); ` +
			`all of them are in ${rescued}: give it with --decisions, or move it to ${file}\n`
		);
	}

	if (state.saveError !== undefined && lost > 0) {
		const which = lost === 1 ? 'the last decision was' : `the last ${lost} decisions were`;
		return (
			`tocdiff: ${stopped}${decided}, but ${which} not saved (${state.saveError}) and ${lost === 1 ? 'is' : 'are'} lost; ` +
			`make ${lost === 1 ? 'it' : 'them'} again once ${file} can be written, or with --decisions PATH\n`
		);
	}

	const untouched = state.decided === 0 && orphans === 0 && state.history.length === 0;
	return untouched
		? `tocdiff: ${stopped}no decisions made (${state.data.differing} differing rows)\n`
		: `tocdiff: ${stopped}${decided}; decisions in ${file}${kept}\n`;
}

/**
 * Give the terminal back as it was: line mode, the main screen, a visible cursor. Ink does most of
 * this when it unmounts, but not when a crash interrupted it; each step is also harmless twice.
 * After a hang-up there is no terminal left to restore, and nothing is written.
 */
function restoreTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, alternate: boolean, gone: boolean): void {
	if (gone) return;
	try {
		if (stdin.isTTY) stdin.setRawMode(false);
	} catch {
		// No terminal.
	}

	try {
		if (stdout.isTTY) stdout.write(`${alternate ? leaveAlternateScreen : ''}${showCursor}`);
	} catch {
		// No terminal.
	}
}

/** Whether an error is the terminal failing under the screen (a read or write after it hung up). */
function isTerminalLoss(error: unknown): boolean {
	const {code, syscall} = (error ?? {}) as {code?: unknown; syscall?: unknown};
	return (code === 'EIO' || code === 'ENXIO') && (syscall === 'read' || syscall === 'write' || syscall === 'setRawMode');
}

/** Which of standard input, output and error are terminals now. */
function terminalDescriptors(): ReadonlySet<number> {
	return new Set([0, 1, 2].filter((fd) => isatty(fd)));
}

/**
 * Point each of standard input, output and error that was the screen's terminal at /dev/null (with
 * `onlyDead`, only those whose terminal has hung up). On exit Node puts each terminal back in the
 * mode it found it in, and aborts (an assertion, exit 134 or 139) when the terminal is gone, which
 * it may be by then even if it was not a moment before (nodejs/node#58200, not in Node 20); a
 * descriptor that no longer names the terminal it started with is left alone. The screen has
 * given the terminal back by then, and libuv puts back its own mode on exit.
 */
function detachTerminal(wereTerminals: ReadonlySet<number>, onlyDead: boolean): void {
	for (const fd of [0, 1, 2]) {
		if (!wereTerminals.has(fd) || (onlyDead && isatty(fd))) continue;
		try {
			closeSync(fd);
			// The lowest free descriptor: `fd` itself, as those below it are open.
			const reopened = openSync('/dev/null', fd === 0 ? 'r' : 'w');
			if (reopened !== fd) closeSync(reopened);
		} catch {
			// Closed is as good: Node skips a descriptor it cannot stat.
		}
	}
}

/**
 * Ink's cursor helper (restore-cursor) writes "show the cursor" to standard error as the process
 * exits, whatever standard error is: in a file or a pipe that is a stray escape sequence after the
 * summary line. There, that one write is dropped.
 */
function dropCursorRestore(stderr: NodeJS.WriteStream): void {
	if (isatty(2)) return;
	const write = stderr.write.bind(stderr) as (chunk: unknown, ...rest: unknown[]) => boolean;
	stderr.write = (chunk: unknown, ...rest: unknown[]) => (chunk === showCursor ? true : write(chunk, ...rest));
}

/**
 * Open the review screen on a terminal; resolves when the user quits and the decisions are saved,
 * or when SIGINT, SIGTERM or SIGHUP stops it. An error that nothing caught while the screen was
 * open rejects. Either way, whatever was pending is saved first, then the terminal is restored,
 * then the one-line summary is printed: the caller reports the error on a usable terminal.
 */
export async function runReview(options: RunReviewOptions): Promise<ReviewOutcome> {
	const stdin = options.stdin ?? process.stdin;
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const alternate = (options.alternateScreen ?? true) && stdout.isTTY;
	const session: ReviewSession = {};
	const interruptions = watchInterruptions(options.processEvents ?? process);
	const terminal = watchTerminal([stdin, stdout, stderr]);
	// The process's own terminal, when the screen draws on it (not a test's streams).
	const ownTerminal = options.stdin === undefined && options.stdout === undefined;
	const wereTerminals = ownTerminal ? terminalDescriptors() : new Set<number>();
	let finalState: State | undefined;
	let interruption: Interruption | undefined;
	let rescued: string | undefined;
	if (alternate) stdout.write(enterAlternateScreen);
	try {
		const instance = render(
			<App
				comparison={options.comparison}
				inputName={options.inputName}
				initialDecisions={options.initialDecisions}
				effects={{
					saveDecisions: options.saveDecisions,
					...(options.saveDecisionsTo === undefined ? {} : {saveDecisionsTo: options.saveDecisionsTo}),
					exporters: options.exporters,
					writeExport: options.writeExport,
				}}
				decisionsFile={options.decisionsPath}
				notice={options.notice}
				theme={options.theme ?? themeFromEnv(process.env, stdout.isTTY)}
				exportPath={options.defaultExportPath}
				session={session}
				onQuit={(state) => {
					finalState = state;
				}}
			/>,
			{stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: true},
		);
		// Ctrl-C is a key in the screen's raw mode: the key table maps it to quit, which saves.
		const exited = instance.waitUntilExit().then(
			() => undefined,
			(error: unknown): Interruption => ({kind: 'crash', error}),
		);
		interruption = await Promise.race([exited, interruptions.next, terminal.next]);
		// A read or write that failed because the terminal went away is a hang-up, not a bug.
		if (interruption?.kind === 'crash' && (terminal.gone() || isTerminalLoss(interruption.error))) interruption = {kind: 'hangup'};
		if (interruption) {
			// Save first: after a hang-up, writing to the terminal fails.
			finalState = await session.flush?.();
			// Saving failed again: nobody is there to choose another file, so put them somewhere safe.
			if (finalState && finalState.saveError !== undefined && finalState.unsaved.size > 0 && options.rescueDecisions) {
				try {
					rescued = await options.rescueDecisions(decisionList(finalState));
				} catch {
					// Nowhere to write them: the summary says they are lost.
				}
			}

			try {
				instance.unmount();
			} catch (error) {
				// Drawing the last frame on a terminal that is gone; a bug otherwise.
				if (interruption.kind !== 'hangup') throw error;
			}
		}
	} finally {
		interruptions.dispose();
		restoreTerminal(stdin, stdout, alternate, interruption?.kind === 'hangup');
	}

	if (finalState) {
		try {
			stderr.write(closingSummary(finalState, options.decisionsPath, interruption, rescued));
		} catch {
			// Standard error was the terminal that went away.
		}
	}

	// Nothing will read from a terminal that is gone: let the process end. A SIGHUP may have come
	// before the terminal failed: whatever the interruption, a terminal that hung up is let go.
	if (interruption?.kind === 'hangup') stdin.pause();
	if (ownTerminal) {
		detachTerminal(wereTerminals, true);
		dropCursorRestore(stderr);
		// The terminal may still hang up after this (a SIGHUP comes first, the window closes a moment
		// later): let go of it at the very end, whatever it is by then.
		process.once('exit', () => {
			detachTerminal(wereTerminals, false);
		});
	}

	if (interruption?.kind === 'crash') throw interruption.error;
	if (interruption === undefined) return {kind: 'quit', saveError: finalState?.saveError, unsaved: finalState?.unsaved.size ?? 0};
	// A terminal that went away ends the review as its SIGHUP does.
	return {kind: 'signal', signal: interruption.kind === 'hangup' ? 'SIGHUP' : interruption.signal};
}
