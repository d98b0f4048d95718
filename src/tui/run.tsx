/**
 * Open the interactive review screen. The CLI loads this module only when it opens the screen
 * (`const {runReview} = await import('../tui/run.js')`), so ink and react load only then.
 *
 * The screen does no file I/O itself: the CLI injects loading (`initialDecisions`), saving
 * (`saveDecisions`) and export writing (`writeExport`), keeping dependencies cli → tui → core.
 */
import {render} from 'ink';
import type {Decision} from '../core/decisions.js';
import type {Comparison} from '../core/types.js';
import {App} from './app.js';
import {orphanDecisions, type State} from './state.js';
import {themeFromEnv, type Theme} from './theme.js';
import type {Exporter} from './use-review.js';

export type {Exporter, ReviewEffects} from './use-review.js';

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
};

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';

/** A one-line account of the session, printed once the screen has closed. */
export function closingSummary(state: State, decisionsPath: string): string {
	const orphans = orphanDecisions(state).length;
	const kept = orphans > 0 ? `; ${orphans} decision${orphans === 1 ? '' : 's'} matching no row kept` : '';
	if (state.saveError) return `tocdiff: ${state.decided} of ${state.data.differing} differing rows decided, but the last save failed: ${state.saveError}\n`;
	const untouched = state.decided === 0 && orphans === 0 && state.history.length === 0;
	return untouched
		? `tocdiff: no decisions made (${state.data.differing} differing rows)\n`
		: `tocdiff: ${state.decided} of ${state.data.differing} differing rows decided; decisions in ${decisionsPath}${kept}\n`;
}

/**
 * Open the review screen on a terminal; resolves when the user quits and the decisions are saved,
 * with the message of the last save when it failed (the caller then exits non-zero).
 */
export async function runReview(options: RunReviewOptions): Promise<string | undefined> {
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const alternate = (options.alternateScreen ?? true) && stdout.isTTY;
	let finalState: State | undefined;
	if (alternate) stdout.write(enterAlternateScreen);
	try {
		const instance = render(
			<App
				comparison={options.comparison}
				inputName={options.inputName}
				initialDecisions={options.initialDecisions}
				effects={{saveDecisions: options.saveDecisions, exporters: options.exporters, writeExport: options.writeExport}}
				theme={options.theme ?? themeFromEnv(process.env, stdout.isTTY)}
				exportPath={options.defaultExportPath}
				onQuit={(state) => {
					finalState = state;
				}}
			/>,
			{stdin: options.stdin ?? process.stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: true},
		);
		await instance.waitUntilExit();
	} finally {
		if (alternate) stdout.write(leaveAlternateScreen);
	}

	if (finalState) stderr.write(closingSummary(finalState, options.decisionsPath));
	return finalState?.saveError;
}
