/**
 * The review screen as a user meets it, for the benchmark and the end-to-end tests: a command in
 * a pseudo-terminal from `script` (util-linux), sized with `stty` as a real terminal is (one
 * without a size would send Ink to ask the environment, and the screen would draw at 80 × 24
 * whatever was asked).
 */
import {spawn, spawnSync} from 'node:child_process';

/** Whether `script` is here to give a command a terminal. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/** A command running in a terminal: what it has shown (since `clear`), keys to send it, its end. */
export type Terminal = {
	/** Resolve when `text` has been shown since the last `clear`; fail after `timeout` ms with what was shown. */
	readonly waitFor: (text: string, timeout?: number) => Promise<void>;
	readonly clear: () => void;
	readonly output: () => string;
	readonly press: (keys: string) => void;
	/** The command's exit code (`script -e` passes it on). */
	readonly exited: Promise<number | null>;
	/** Press `q`, then end the command if it has not ended. */
	readonly close: () => Promise<void>;
	/** Close the terminal under the command, as a closed window, a killed tmux session or a dropped ssh connection do. */
	readonly hangUp: () => void;
};

export type TerminalOptions = {
	readonly columns?: number;
	readonly rows?: number;
	readonly cwd?: string;
	/** Variables to set; a CI service's (`CI`, `CONTINUOUS_INTEGRATION`) and `FORCE_COLOR` are dropped unless set here. */
	readonly env?: Readonly<Record<string, string>>;
};

/** The value `q` of the way up `values` (0.5 the median, 0.95 the 95th percentile), as the bench reports it. */
export function percentile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((x, y) => x - y);
	return sorted[Math.floor(sorted.length * q)]!;
}

const quote = (word: string): string => `'${word.replaceAll("'", String.raw`'\''`)}'`;
const pause = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `argv` in a terminal of `columns` × `rows` (120 × 40 unless given), as from a user's shell. */
export function openTerminal(argv: readonly string[], options: TerminalOptions = {}): Terminal {
	const {columns = 120, rows = 40, env: extra = {}} = options;
	// Not in CI, and no forced colour, unless the caller asks: as from a user's shell.
	const unset = new Set(['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR'].filter((key) => !(key in extra)));
	const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries({...process.env, TERM: 'xterm-256color', ...extra}).filter(([key]) => !unset.has(key)));
	const child = spawn('script', ['-qfec', `stty cols ${columns} rows ${rows}; ${argv.map((word) => quote(word)).join(' ')}`, '/dev/null'], {
		cwd: options.cwd,
		env,
	});
	// A command that has already ended (the reference that prints one line and exits) closes the
	// pipe: a key or the closing `q` written after that is lost, not an error that ends the bench.
	child.stdin.on('error', () => undefined);
	let output = '';
	const waiting = new Set<{readonly text: string; readonly done: () => void}>();
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString('utf8');
		for (const waiter of waiting) if (output.includes(waiter.text)) waiter.done();
	});
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', resolve);
	});
	return {
		waitFor: async (text, timeout = 15_000) =>
			new Promise((resolve, reject) => {
				if (output.includes(text)) {
					resolve();
					return;
				}

				const waiter = {
					text,
					done() {
						clearTimeout(timer);
						waiting.delete(waiter);
						resolve();
					},
				};
				const timer = setTimeout(() => {
					waiting.delete(waiter);
					reject(new Error(`timed out waiting for ${JSON.stringify(text)}; last output:\n${output.slice(-2000)}`));
				}, timeout);
				waiting.add(waiter);
			}),
		clear() {
			output = '';
		},
		output: () => output,
		press(keys) {
			child.stdin.write(keys);
		},
		exited,
		async close() {
			if (child.exitCode === null && child.signalCode === null) child.stdin.write('q');
			await pause(300);
			child.kill();
		},
		hangUp() {
			// `script` holds the terminal's other end: killed, it closes it, and the terminal hangs up.
			child.kill('SIGKILL');
		},
	};
}

/** Milliseconds from starting `argv` in a terminal to the first output that shows `text`. */
export async function timeToText(argv: readonly string[], text: string, columns: number, rows: number, timeout = 15_000): Promise<number> {
	const started = performance.now();
	const terminal = openTerminal(argv, {columns, rows});
	try {
		await terminal.waitFor(text, timeout);
		return performance.now() - started;
	} finally {
		await terminal.close();
	}
}

export type KeyTimes = {readonly rows: number; readonly median: number; readonly p95: number};

/**
 * Time `presses` presses of `j` on the review screen of `argv`, each from the byte written to the
 * frame that shows the next row. Ink draws at most 30 frames a second, so each press waits 40 ms
 * after the last frame: what is timed is the redraw, not Ink's frame limit.
 */
export async function timeKeysInTerminal(argv: readonly string[], presses = 60, opening = 15_000): Promise<KeyTimes> {
	const terminal = openTerminal(argv);
	try {
		// The detail pane names the selected row: `row 1 of 10001`. A large comparison takes a while to open.
		await terminal.waitFor(' decided', opening);
		await terminal.waitFor('row 1 of ');
		const rows = Number(/row 1 of (\d+)/.exec(terminal.output())![1]);
		const times: number[] = [];
		for (let k = 1; k <= presses; k++) {
			// eslint-disable-next-line no-await-in-loop -- one key at a time, after Ink's frame interval
			await pause(40);
			terminal.clear();
			const started = performance.now();
			terminal.press('j');
			// eslint-disable-next-line no-await-in-loop -- one key at a time
			await terminal.waitFor(`row ${k + 1} of ${rows}`);
			times.push(performance.now() - started);
		}

		return {rows, median: percentile(times, 0.5), p95: percentile(times, 0.95)};
	} finally {
		await terminal.close();
	}
}
