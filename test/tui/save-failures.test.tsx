import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Decision} from '../../src/core/decisions.js';
import {App} from '../../src/tui/app.js';
import type {State} from '../../src/tui/state.js';
import type {ReviewEffects} from '../../src/tui/use-review.js';
import {seedComparison} from './fixtures.js';
import {frameMatching, keys, tick} from './helpers.js';

// A save that fails while the screen is open (a full disk, a folder made read-only) must show at
// once and stay shown, and the decisions made after it must not be lost without a word.

/** A disk that fills up and empties on command: saves fail while it is full. */
function disk(): {
	readonly effects: ReviewEffects;
	readonly saved: Array<readonly Decision[]>;
	readonly savedTo: Array<[string, readonly Decision[]]>;
	fill: () => void;
	free: () => void;
} {
	let full = false;
	const saved: Array<readonly Decision[]> = [];
	const savedTo: Array<[string, readonly Decision[]]> = [];
	return {
		effects: {
			async saveDecisions(decisions) {
				if (full) throw new Error('vol31.txt.tocdiff.json: the disk is full');
				saved.push(decisions);
			},
			async saveDecisionsTo(file, decisions) {
				if (file.startsWith('/full/')) throw new Error(`${file}: the disk is full`);
				savedTo.push([file, decisions]);
				return file;
			},
			exporters: {},
			writeExport: async () => '',
		},
		saved,
		savedTo,
		fill() {
			full = true;
		},
		free() {
			full = false;
		},
	};
}

const mounted: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

async function open(effects: ReviewEffects, size = {columns: 100, rows: 40}) {
	let quit: State | undefined;
	const app = render(
		<App
			comparison={seedComparison()}
			inputName="vol31.txt"
			decisionsFile="vol31.txt.tocdiff.json"
			effects={effects}
			size={size}
			theme={{color: false}}
			onQuit={(state) => {
				quit = state;
			}}
		/>,
	);
	mounted.push(app);
	await tick();
	const type = async (...inputs: string[]): Promise<void> => {
		for (const input of inputs) {
			app.stdin.write(input);
			// eslint-disable-next-line no-await-in-loop -- keys arrive one at a time
			await tick();
		}
	};

	return {app, type, quitState: () => quit};
}

/** The list lines that carry the unsaved mark `*` before their verdict. */
const unsavedRows = (frame: string): string[] => frame.split('\n').filter((line) => /\*✓[ABEX]/.test(line));

describe('a save that fails with the screen open', () => {
	it('shows at once and stays until a save succeeds, marking the rows not saved; the next save after space comes back writes them all', async () => {
		const store = disk();
		const {app, type} = await open(store.effects);
		await type('n', 'a');
		await frameMatching(app.lastFrame, () => store.saved.length === 1);
		store.fill();
		await type('n', 'b');
		// At once, though the decision's own message is on the status line.
		let frame = await frameMatching(app.lastFrame, (f) => f.includes('⚠ 1 decision not saved (*): vol31.txt.tocdiff.json: the disk is full.'));
		expect(frame).toMatch(/Row \d+: printing B is right\./);
		expect(frame).toContain('2/7 rows decided (1 not saved *)');
		expect(unsavedRows(frame)).toHaveLength(1);
		await type('n', 'x', 'j', 'k');
		frame = await frameMatching(app.lastFrame, (f) => f.includes('3/7 rows decided (2 not saved *)'));
		// Moving about does not hide it either.
		// On two lines at 100 columns.
		expect(frame.replaceAll(/\s+/g, ' ')).toContain(
			'⚠ 2 decisions not saved (*): vol31.txt.tocdiff.json: the disk is full. Each new decision tries again; w saves them to another file.',
		);
		expect(unsavedRows(frame)).toHaveLength(2);
		store.free();
		await type('n', 'a');
		frame = await frameMatching(app.lastFrame, (f) => f.includes('4/7 rows decided') && !f.includes('not saved'));
		expect(frame).not.toContain('⚠');
		expect(unsavedRows(frame)).toEqual([]);
		expect(store.saved.at(-1)?.map((decision) => decision.verdict)).toEqual(['a', 'b', 'not-error', 'a']);
	});

	it('asks before quitting with decisions not saved: Esc goes back, q again quits and loses them', async () => {
		const store = disk();
		const {app, type, quitState} = await open(store.effects);
		store.fill();
		await type('n', 'a');
		await frameMatching(app.lastFrame, (f) => f.includes('(1 not saved *)'));
		await type('q');
		let frame = await frameMatching(app.lastFrame, (f) =>
			f.includes('⚠ Quit and lose 1 decision not saved? q quits · w saves it to another file · Esc goes back'),
		);
		expect(quitState()).toBeUndefined();
		await type(keys.escape);
		frame = await frameMatching(app.lastFrame, (f) => !f.includes('Quit and lose'));
		expect(frame).toContain('(1 not saved *)');
		// Ctrl-C asks too.
		await type('\u0003');
		await frameMatching(app.lastFrame, (f) => f.includes('Quit and lose 1 decision not saved?'));
		await type('q');
		await frameMatching(app.lastFrame, () => quitState() !== undefined);
		expect(quitState()?.unsaved.size).toBe(1);
	});

	it('quits at once when the failed decisions were saved after all', async () => {
		const store = disk();
		const {app, type, quitState} = await open(store.effects);
		store.fill();
		await type('n', 'a');
		await frameMatching(app.lastFrame, (f) => f.includes('(1 not saved *)'));
		store.free();
		await type('n', 'b', 'q');
		await frameMatching(app.lastFrame, () => quitState() !== undefined);
		expect(quitState()?.unsaved.size).toBe(0);
		expect(store.saved.at(-1)?.map((decision) => decision.verdict)).toEqual(['a', 'b']);
	});

	it('saves every decision to another file typed after w, and the next ones there too', async () => {
		const store = disk();
		const {app, type, quitState} = await open(store.effects);
		await type('n', 'a');
		store.fill();
		await type('n', 'b', 'n', 'x');
		await frameMatching(app.lastFrame, (f) => f.includes('(2 not saved *)'));
		await type('w');
		// The prompt starts from the file that cannot be written, as a correction starts from the reading.
		await frameMatching(app.lastFrame, (f) => f.includes('Save the decisions to: vol31.txt.tocdiff.json'));
		// A file on the full disk too: it says so, and nothing changes.
		await type('\u0015', '/full/d.json', keys.enter);
		await frameMatching(app.lastFrame, (f) => f.includes('⚠ Could not save the decisions to /full/d.json: /full/d.json: the disk is full'));
		await type('w', '\u0015', '/elsewhere/vol31.json', keys.enter);
		const frame = await frameMatching(app.lastFrame, (f) => f.includes('Saved 3 decisions to /elsewhere/vol31.json; the next ones are saved there too.'));
		expect(frame).not.toContain('not saved');
		expect(unsavedRows(frame)).toEqual([]);
		expect(store.savedTo).toEqual([
			[
				'/elsewhere/vol31.json',
				[expect.objectContaining({verdict: 'a'}), expect.objectContaining({verdict: 'b'}), expect.objectContaining({verdict: 'not-error'})],
			],
		]);
		// The w prompt now starts from the new file; q quits without asking.
		await type('w');
		await frameMatching(app.lastFrame, (f) => f.includes('Save the decisions to: /elsewhere/vol31.json'));
		await type(keys.escape, 'q');
		await frameMatching(app.lastFrame, () => quitState() !== undefined);
		expect(quitState()?.decisionsFile).toBe('/elsewhere/vol31.json');
	});

	it('offers w from the question on quitting', async () => {
		const store = disk();
		const {app, type, quitState} = await open(store.effects);
		store.fill();
		await type('n', 'a', 'q');
		await frameMatching(app.lastFrame, (f) => f.includes('Quit and lose'));
		await type('w', '\u0015', 'rescued.json', keys.enter);
		await frameMatching(app.lastFrame, (f) => f.includes('Saved 1 decision to rescued.json'));
		await type('q');
		await frameMatching(app.lastFrame, () => quitState() !== undefined);
		expect(quitState()?.unsaved.size).toBe(0);
	});
});

describe('a terminal too small to show the screen', () => {
	it('takes no decision: only q, Ctrl-C and a resize do anything', async () => {
		const saved: Array<readonly Decision[]> = [];
		const effects: ReviewEffects = {saveDecisions: async (decisions) => void saved.push(decisions), exporters: {}, writeExport: async () => ''};
		const {app, type, quitState} = await open(effects, {columns: 40, rows: 10});
		await frameMatching(app.lastFrame, (f) => f.includes('60×12; this one is 40×10'));
		await type('n', 'a', 'b', 'x', 'y', 'e', keys.enter, 'c', 'note', keys.enter, 'u', 'w', keys.enter, 'E', keys.enter);
		await tick(50);
		expect(saved).toEqual([]);
		expect(app.lastFrame()).toContain('60×12; this one is 40×10');
		await type('q');
		await frameMatching(app.lastFrame, () => quitState() !== undefined);
		expect(quitState()?.decisions.size).toBe(0);
	});
});
