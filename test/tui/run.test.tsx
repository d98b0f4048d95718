import {Console} from 'node:console';
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {compare} from '../../src/core/index.js';
import type {Decision} from '../../src/core/decisions.js';
import {runReview, type RunReviewOptions} from '../../src/tui/run.js';
import {tick} from './helpers.js';

const seedPath = path.join(import.meta.dirname, '../../samples/lenin-cw31-two-printings.txt');
// Ink routes console output above the screen (patchConsole) by building a console.Console, which
// vitest's console lacks.
beforeAll(() => {
	Object.assign(console, {Console: (console as {Console?: unknown}).Console ?? Console});
});

const comparison = compare([{name: 'vol31.txt', text: readFileSync(seedPath, 'utf8')}]);

/** A terminal's input, as Ink reads it: keys arrive through `readable`; raw mode is recorded. */
class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	rawMode: boolean[] = [];
	private data: string | null = null;
	press(keys: string): void {
		this.data = keys;
		this.emit('readable');
	}

	read(): string | null {
		const {data} = this;
		this.data = null;
		return data;
	}

	setRawMode(on: boolean): void {
		this.rawMode.push(on);
	}

	setEncoding(): void {}
	ref(): void {}
	unref(): void {}
	resume(): void {}
	pause(): void {}
}

/** A terminal's output: everything written, in order. */
class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 100;
	readonly rows = 40;
	text = '';
	write(chunk: string): boolean {
		this.text += chunk;
		return true;
	}
}

/** A save that finishes only when the test says so, to catch the screen with a write in flight. */
function gatedSaves(): {
	readonly save: RunReviewOptions['saveDecisions'];
	readonly saved: Array<readonly Decision[]>;
	readonly open: () => void;
	readonly started: () => number;
} {
	const saved: Array<readonly Decision[]> = [];
	let begun = 0;
	let release: () => void = () => undefined;
	const gate = new Promise<void>((resolve) => {
		release = resolve;
	});
	return {
		async save(decisions) {
			begun++;
			await gate;
			saved.push(decisions);
		},
		saved,
		open: () => {
			release();
		},
		started: () => begun,
	};
}

/** Open the screen on fake streams; resolves once it reads keys. */
async function open(saveDecisions: RunReviewOptions['saveDecisions'], rescueDecisions?: RunReviewOptions['rescueDecisions']) {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout();
	const stderr = new FakeStdout();
	const events = new EventEmitter();
	const review = runReview({
		comparison,
		inputName: 'vol31.txt',
		decisionsPath: 'vol31.txt.tocdiff.json',
		saveDecisions,
		exporters: {},
		writeExport: async () => '',
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		theme: {color: false},
		processEvents: events,
		...(rescueDecisions === undefined ? {} : {rescueDecisions}),
	});
	const started = Date.now();
	while (!stdin.rawMode.includes(true)) {
		if (Date.now() - started > 3000) throw new Error('the screen never read keys');
		// eslint-disable-next-line no-await-in-loop -- waiting for Ink to subscribe to input
		await tick(5);
	}

	const press = async (keys: string) => {
		stdin.press(keys);
		await tick();
	};

	return {review, stdin, stdout, stderr, events, press};
}

/** Whether the terminal was left as found: main screen, cursor shown, raw mode off. */
function expectRestored(stdin: FakeStdin, stdout: FakeStdout): void {
	expect(stdout.text.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(stdout.text.lastIndexOf('\u001B[?1049h'));
	expect(stdout.text.lastIndexOf('\u001B[?25h')).toBeGreaterThan(stdout.text.lastIndexOf('\u001B[?25l'));
	expect(stdin.rawMode.at(-1)).toBe(false);
}

describe('runReview on a signal or a crash (#6)', () => {
	it.each([
		['SIGTERM', 'stopped by SIGTERM'],
		['SIGINT', 'stopped by SIGINT'],
		['SIGHUP', 'stopped by SIGHUP'],
	] as const)('on %s waits for the save in flight, saves the decision after it, restores the terminal and stops', async (signal, summary) => {
		const saves = gatedSaves();
		const screen = await open(saves.save);
		await screen.press('n');
		await screen.press('b'); // The first save starts, and waits at the gate.
		await screen.press('x'); // The second waits behind it.
		expect(saves.started()).toBe(1);
		screen.events.emit(signal);
		// Saving comes first: the screen stays, and the review open, while a write is in flight.
		expect(await Promise.race([screen.review.then(() => 'closed'), tick(100).then(() => 'open')])).toBe('open');
		expect(screen.stdout.text).not.toContain('\u001B[?1049l');
		saves.open();
		expect(await screen.review).toEqual({kind: 'signal', signal});
		expect(saves.saved.map((list) => list.map((d) => d.verdict))).toEqual([['b'], ['not-error']]);
		expectRestored(screen.stdin, screen.stdout);
		expect(screen.stderr.text).toMatch(new RegExp(`^tocdiff: ${summary}; 1 of \\d+ differing rows decided; decisions in vol31\\.txt\\.tocdiff\\.json\\n$`));
		expect(screen.events.eventNames()).toEqual([]);
	});

	it.each(['uncaughtException', 'unhandledRejection'])('on an %s saves, restores the terminal, then rejects with the error', async (event) => {
		const saves = gatedSaves();
		saves.open();
		const screen = await open(saves.save);
		await screen.press('n');
		await screen.press('a');
		const bug = new Error('a bug in tocdiff');
		screen.events.emit(event, bug);
		await expect(screen.review).rejects.toBe(bug);
		expect(saves.saved.at(-1)?.map((d) => d.verdict)).toEqual(['a']);
		expectRestored(screen.stdin, screen.stdout);
		expect(screen.stderr.text).toMatch(/^tocdiff: stopped by an internal error; 1 of \d+ differing rows decided/);
		expect(screen.events.eventNames()).toEqual([]);
	});

	it.each([
		[
			'its output fails (EIO)',
			(screen: Awaited<ReturnType<typeof open>>) => screen.stdout.emit('error', Object.assign(new Error('write EIO'), {code: 'EIO', syscall: 'write'})),
		],
		[
			'its input fails (EIO)',
			(screen: Awaited<ReturnType<typeof open>>) => screen.stdin.emit('error', Object.assign(new Error('read EIO'), {code: 'EIO', syscall: 'read'})),
		],
		['its input ends', (screen: Awaited<ReturnType<typeof open>>) => screen.stdin.emit('end')],
		[
			'a read fails with nothing to catch it',
			(screen: Awaited<ReturnType<typeof open>>) =>
				screen.events.emit('uncaughtException', Object.assign(new Error('read EIO'), {code: 'EIO', syscall: 'read'})),
		],
	])('when the terminal goes away (%s) saves, writes nothing more to it, and ends as on SIGHUP', async (_how, hangUp) => {
		const saves = gatedSaves();
		const screen = await open(saves.save);
		await screen.press('n');
		await screen.press('b');
		const drawn = screen.stdout.text.length;
		hangUp(screen);
		saves.open();
		expect(await screen.review).toEqual({kind: 'signal', signal: 'SIGHUP'});
		expect(saves.saved.at(-1)?.map((d) => d.verdict)).toEqual(['b']);
		// No attempt to restore a terminal that is not there.
		expect(screen.stdout.text.slice(drawn)).not.toContain('\u001B[?1049l');
		expect(screen.stderr.text).toMatch(
			/^tocdiff: stopped by a hang-up \(the terminal closed\); 1 of \d+ differing rows decided; decisions in vol31\.txt\.tocdiff\.json\n$/,
		);
		// A late write error on the dead terminal is no unhandled 'error' event.
		expect(() => screen.stdout.emit('error', Object.assign(new Error('write EIO'), {code: 'EIO'}))).not.toThrow();
	});

	it('on a signal with decisions a failed save left unsaved, tries once more, then puts every decision somewhere safe and says where', async () => {
		const rescued: Array<readonly Decision[]> = [];
		let attempts = 0;
		const screen = await open(
			async () => {
				attempts++;
				if (attempts > 1) throw new Error('vol31.txt.tocdiff.json: the disk is full');
			},
			async (decisions) => {
				rescued.push(decisions);
				return '/home/reviewer/vol31.txt.tocdiff.json.rescued.json';
			},
		);
		await screen.press('n');
		await screen.press('b');
		await screen.press('n');
		await screen.press('a');
		screen.events.emit('SIGTERM');
		expect(await screen.review).toEqual({kind: 'signal', signal: 'SIGTERM'});
		// The two decisions' saves, and the one more try on the way out.
		expect(attempts).toBe(3);
		expect(rescued.map((list) => list.map((d) => d.verdict))).toEqual([['b', 'a']]);
		expect(screen.stderr.text).toBe(
			'tocdiff: stopped by SIGTERM; 2 of 23 differing rows decided, but they could not be saved (vol31.txt.tocdiff.json: the disk is full); all of them are in /home/reviewer/vol31.txt.tocdiff.json.rescued.json: give it with --decisions, or move it to vol31.txt.tocdiff.json\n',
		);
	});

	it('quits on Ctrl-C, a key in raw mode, after the last save, and stops listening for signals', async () => {
		const saves = gatedSaves();
		const screen = await open(saves.save);
		await screen.press('n');
		await screen.press('b');
		await screen.press('\u0003');
		saves.open();
		expect(await screen.review).toEqual({kind: 'quit', saveError: undefined, unsaved: 0});
		expect(saves.saved.at(-1)?.map((d) => d.verdict)).toEqual(['b']);
		expectRestored(screen.stdin, screen.stdout);
		expect(screen.events.eventNames()).toEqual([]);
	});
});
