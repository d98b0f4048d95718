/**
 * Time key presses on the review screen as a user meets them: the built command in a
 * pseudo-terminal (`script` from util-linux), `j` pressed again and again, each timed from the
 * byte written to the frame that shows the next row. Ink draws at most 30 frames a second, so each
 * press waits 40 ms after the last frame: what is timed is the redraw, not Ink's frame limit.
 */
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export type KeyTimes = {readonly rows: number; readonly median: number; readonly p95: number};

const pause = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median and 95th-percentile redraw time over `presses` presses of `j`; undefined without `script`. */
export async function timeKeysInTerminal(cli: string, files: readonly string[], presses = 60): Promise<KeyTimes | undefined> {
	if (spawnSync('script', ['--version']).status !== 0) return undefined;
	const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-keys-'));
	// A terminal of 120 × 40, as the other screen measurements use.
	const command = `stty cols 120 rows 40; ${[process.execPath, cli, ...files, '--decisions', path.join(directory, 'decisions.json')].map((word) => JSON.stringify(word)).join(' ')}`;
	const {CI, CONTINUOUS_INTEGRATION, ...terminal} = process.env;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...terminal, COLUMNS: '120', LINES: '40', TERM: 'xterm-256color', NO_COLOR: '1'}});
	let output = '';
	let waiting: {readonly text: string; readonly done: () => void} | undefined;
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString('utf8');
		if (waiting && output.includes(waiting.text)) waiting.done();
	});
	const frameWith = async (text: string): Promise<void> =>
		new Promise((resolve, reject) => {
			if (output.includes(text)) {
				resolve();
				return;
			}

			const timer = setTimeout(() => reject(new Error(`no frame with "${text}" in 10 s`)), 10_000);
			waiting = {
				text,
				done() {
					clearTimeout(timer);
					waiting = undefined;
					resolve();
				},
			};
		});
	try {
		// The detail pane names the selected row: `row 1 of 10001`.
		await frameWith(' decided');
		await frameWith('row 1 of ');
		const rows = Number(/row 1 of (\d+)/.exec(output)![1]);
		const times: number[] = [];
		for (let k = 1; k <= presses; k++) {
			// eslint-disable-next-line no-await-in-loop -- one key at a time, after Ink's frame interval
			await pause(40);
			output = '';
			const started = performance.now();
			child.stdin.write('j');
			// eslint-disable-next-line no-await-in-loop -- one key at a time
			await frameWith(`row ${k + 1} of ${rows}`);
			times.push(performance.now() - started);
		}

		times.sort((x, y) => x - y);
		return {rows, median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!};
	} finally {
		child.stdin.write('q');
		await pause(300);
		child.kill();
		rmSync(directory, {recursive: true, force: true});
	}
}
