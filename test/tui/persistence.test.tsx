import {mkdtemp, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {loadDecisions, saveDecisions} from '../../src/cli/decisions-file.js';
import {compare} from '../../src/core/index.js';
import type {Comparison} from '../../src/core/types.js';
import {App} from '../../src/tui/app.js';
import {frameMatching, tick} from './helpers.js';

const seedPath = path.join(import.meta.dirname, '../../samples/lenin-cw31-two-printings.txt');

/** One session: open the screen on the saved decisions, press keys, quit; resolves when it exits. */
async function session(comparison: Comparison, file: string, inputs: readonly string[], expectFrame?: (frame: string) => boolean): Promise<string> {
	const initialDecisions = await loadDecisions(file);
	let exited = false;
	const app = render(
		<App
			comparison={comparison}
			inputName="lenin-cw31-two-printings.txt"
			initialDecisions={initialDecisions}
			effects={{saveDecisions: async (decisions) => saveDecisions(file, decisions), exporters: {}, writeExport: async () => ''}}
			size={{columns: 100, rows: 40}}
			theme={{color: false}}
			onQuit={() => {
				exited = true;
			}}
		/>,
	);
	await tick();
	let frame = '';
	if (expectFrame) frame = await frameMatching(app.lastFrame, expectFrame);
	for (const input of inputs) {
		app.stdin.write(input);
		// eslint-disable-next-line no-await-in-loop -- keys arrive one at a time
		await tick();
	}

	await frameMatching(app.lastFrame, () => exited);
	app.unmount();
	return frame;
}

describe('decisions last from one run to the next (end to end, on compare() of the seed)', () => {
	it('loads in the second run what the first saved, and keeps orphans', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'tocdiff-e2e-'));
		const file = path.join(dir, 'lenin-cw31-two-printings.txt.tocdiff.json');
		const text = await readFile(seedPath, 'utf8');
		const comparison = compare([{name: 'lenin-cw31-two-printings.txt', text}]);
		// The rows that ask a decision: B's title-page lines do not (#16).
		const differing = comparison.rows.filter((row) => row.open.length > 0).length;

		// First run: decide the first two differences, note the third, quit.
		await session(comparison, file, ['n', 'b', 'n', 'a', 'n', 'c', 'check the 1964 printing', '\r', 'q']);
		const saved = await loadDecisions(file);
		expect(saved).toHaveLength(3);

		// Second run on the same input: the decisions are back.
		const frame = await session(comparison, file, ['q'], (f) => f.includes(`2/${differing} rows decided`));
		expect(frame).toContain('✓B');

		// Third run on an edited input: the Bolsheviki line changed, so its decision is orphaned but kept.
		const edited = compare([{name: 'lenin-cw31-two-printings.txt', text: text.replace("Bolsheviki's Success", 'Bolsheviki Success')}]);
		await session(edited, file, ['n', 'n', 'n', 'x', 'q'], (f) => f.includes('(+1 orphaned: o lists)'));
		const after = await loadDecisions(file);
		for (const decision of saved) expect(after).toContainEqual(decision);
		expect(after.length).toBeGreaterThan(saved.length);
	});
});
