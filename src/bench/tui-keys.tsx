/**
 * Time the review screen's answer to a key press on a large comparison: render `App` with
 * ink-testing-library, press `j` (and page keys), and wait for the frame that shows the new row.
 */
import {render} from 'ink-testing-library';
import type {Comparison} from '../core/types.js';
import {App} from '../tui/app.js';
import type {ReviewEffects} from '../tui/use-review.js';
import {percentile} from './terminal.js';

const effects: ReviewEffects = {saveDecisions: async () => undefined, exporters: {}, writeExport: async (format) => format};

async function frameWith(lastFrame: () => string | undefined, text: string): Promise<void> {
	const deadline = performance.now() + 5000;
	while (!(lastFrame() ?? '').includes(text)) {
		if (performance.now() > deadline) throw new Error(`no frame with "${text}"; last frame:\n${lastFrame() ?? ''}`);
		// eslint-disable-next-line no-await-in-loop -- polling the frame
		await new Promise((resolve) => setImmediate(resolve));
	}
}

/** Median and slowest key-press-to-frame time, in ms, over `presses` presses of `j`. */
export async function timeKeyPresses(
	comparison: Comparison,
	presses = 60,
): Promise<{readonly rows: number; readonly median: number; readonly p95: number; readonly firstFrame: number}> {
	const total = comparison.rows.length;
	const started = performance.now();
	const app = render(
		<App comparison={comparison} inputName="bench" initialDecisions={[]} effects={effects} size={{columns: 120, rows: 40}} theme={{color: false}} />,
	);
	await frameWith(app.lastFrame, `row 1/${total}`);
	const firstFrame = performance.now() - started;
	const times: number[] = [];
	for (let k = 1; k <= presses; k++) {
		const t = performance.now();
		app.stdin.write('j');
		// eslint-disable-next-line no-await-in-loop -- one key at a time
		await frameWith(app.lastFrame, `row ${k + 1}/${total}`);
		times.push(performance.now() - t);
	}

	app.unmount();
	return {rows: total, median: percentile(times, 0.5), p95: percentile(times, 0.95), firstFrame};
}
