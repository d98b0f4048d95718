/**
 * The soak's families of faults around the review screen and standard output: the disk filling
 * up and the decisions folder made read-only in the middle of a review, one decisions file opened
 * by two screens under two names (symbolic and hard links), the terminal closing under the
 * screen, and standard output that cannot be written. Each case drives the built command as a
 * person would (in a pseudo-terminal from `script`), and checks that nothing crashed or hung,
 * that every message is one line, and that no decision was lost: every decision the screen took
 * is in the decisions file, in the file the reviewer moved them to, or in the file a signal
 * rescued them to; only a reviewer who chose to quit without them loses them, and is told so.
 *
 * Root is not stopped by permissions: a full disk is a small tmpfs filled to its last byte, and a
 * read-only folder one with the immutable attribute. A family that cannot be set up here (no
 * root, no `script`) is skipped and counted as such.
 *
 * Long (about 650 lines): each family of faults drives the built command through one terminal helper.
 */
import {spawn, spawnSync} from 'node:child_process';
import {closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {hasScript, openTerminal, type Terminal} from '../bench/terminal.js';
import type {Fixture} from '../eval/fixtures.js';
import type {Rng} from '../eval/rng.js';
import {printingsOf} from './cases.js';
import {excerpt, stackLine, type Finding} from './judge.js';

/** The families, each a way the environment fails under the command. */
export const families = ['disk-full', 'read-only', 'linked-decisions', 'hang-up', 'stdout-error'] as const;

/** One of `families`. */
export type Family = (typeof families)[number];

/** How a family case went: what it did, how the command ended, and what was wrong. */
export type FamilyOutcome = {
	readonly label: string;
	/** The exit code of the command (the first screen's), `timeout`, or `skipped` when the family cannot be set up here. */
	readonly exit: string;
	readonly findings: readonly Finding[];
	/**
	 * Decisions the screens took; how many of them the files hold at the end; and how many the
	 * reviewer chose to lose (quitting when asked whether to). Any other difference is a loss.
	 */
	readonly decisions: {readonly made: number; readonly kept: number; readonly discarded: number};
	/** A command to look at it again, from the case's folder. */
	readonly command: string;
};

/** Where a family case runs: its folder, the command, the fixtures and a time limit for each wait. */
export type FamilyContext = {
	readonly dir: string;
	/** The built command (`dist/tocdiff.cjs`). */
	readonly cli: string;
	readonly fixtures: readonly Fixture[];
	readonly rng: Rng;
	/** Milliseconds to wait for anything: a frame, an exit. */
	readonly timeout: number;
};

const pause = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quote = (word: string): string => `'${word.replaceAll("'", String.raw`'\''`)}'`;

/**
 * Two printings of a real or synthetic contents page, noisy enough to differ: one in each file
 * (`a.txt`, `b.txt`), or both in `a.txt` (as `--batch` wants them).
 */
function writePair(context: FamilyContext, mode: 'two-files' | 'one-file' = 'two-files'): readonly string[] {
	const {rng, fixtures, dir} = context;
	const pair = printingsOf({page: rng.int(0, fixtures.length), seed: rng.int(1, 1_000_000), mode, noise: rng.pick([1, 1, 2])}, fixtures);
	return pair.sources.map((source, k) => {
		const name = k === 0 ? 'a.txt' : 'b.txt';
		writeFileSync(path.join(dir, name), source.text);
		return name;
	});
}

/** What the terminal showed, without its escape sequences. */
function plain(output: string): string {
	return output.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '');
}

/** A wait that ran out: the screen did not show what it should have. */
class Stalled extends Error {
	override name = 'Stalled';
}

/**
 * The review screen in a terminal, from a shell that outlives the terminal and keeps the
 * command's exit code and standard error in files, as a hang-up would otherwise take them along.
 */
class Screen {
	readonly terminal: Terminal;
	/** Rows to decide, and decided, as the header last said. */
	differing = 0;
	decided = 0;
	private pid: number | undefined;
	private readonly context: FamilyContext;
	private readonly name: string;

	constructor(context: FamilyContext, args: readonly string[], name: string, size: {readonly columns: number; readonly rows: number}) {
		this.context = context;
		this.name = name;
		const run = `${quote(process.execPath)} ${quote(context.cli)} ${args.map((arg) => quote(arg)).join(' ')}`;
		const command = `trap '' HUP; ${run} 2> ${name}.stderr; echo $? > ${name}.code`;
		this.terminal = openTerminal(['bash', '-c', command], {cwd: context.dir, columns: size.columns, rows: size.rows, env: {NO_COLOR: '1'}});
	}

	/** Wait until `pattern` shows; the match. */
	async waitFor(pattern: RegExp | string, timeout = this.context.timeout): Promise<RegExpMatchArray> {
		const started = Date.now();
		for (;;) {
			const shown = plain(this.terminal.output());
			const found = typeof pattern === 'string' ? (shown.includes(pattern) ? ([pattern] as RegExpMatchArray) : null) : pattern.exec(shown);
			if (found) return found;
			if (Date.now() - started > timeout)
				throw new Stalled(`waited ${timeout} ms for ${String(pattern)}; the screen showed: ${excerpt(shown.slice(-300), 300)}`);
			// eslint-disable-next-line no-await-in-loop -- polling the output
			await pause(15);
		}
	}

	/** Wait for the first frame; learn how many rows differ and which process shows them. */
	async opened(lockFile: string): Promise<void> {
		const [, decided, differing] = await this.waitFor(/(\d+)\/(\d+) rows decided/);
		this.decided = Number(decided);
		this.differing = Number(differing);
		try {
			this.pid = (JSON.parse(readFileSync(lockFile, 'utf8')) as {pid: number}).pid;
		} catch {
			// Read again when needed.
		}
	}

	/** Decide the next undecided row with `key`, and wait until the header counts it. */
	async decideNext(key: 'a' | 'b' | 'x'): Promise<void> {
		if (this.decided >= this.differing) return;
		this.terminal.clear();
		this.terminal.press('n');
		await this.waitFor(/row \d+/);
		this.terminal.press(key);
		this.decided++;
		await this.waitFor(new RegExp(`${this.decided}/${this.differing} rows decided`));
	}

	/** Send the process a signal. */
	signal(signal: NodeJS.Signals): void {
		if (this.pid !== undefined) {
			try {
				process.kill(this.pid, signal);
			} catch {
				// Gone already.
			}
		}
	}

	/** The command's exit code, once the shell has written it. */
	async exitCode(timeout = this.context.timeout): Promise<number> {
		const file = path.join(this.context.dir, `${this.name}.code`);
		const started = Date.now();
		while (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
			if (Date.now() - started > timeout) throw new Stalled(`no exit ${timeout} ms after the end was asked for`);
			// eslint-disable-next-line no-await-in-loop -- polling
			await pause(25);
		}

		return Number(readFileSync(file, 'utf8'));
	}

	/** What the command wrote to standard error. */
	stderr(): string {
		try {
			return readFileSync(path.join(this.context.dir, `${this.name}.stderr`), 'utf8');
		} catch {
			return '';
		}
	}

	/** Leave no process behind, whatever happened. */
	kill(): void {
		this.signal('SIGKILL');
		this.terminal.hangUp();
	}
}

/** The verdicts in a decisions file, or undefined when there is none (or it does not read). */
function verdictsIn(file: string): string[] | undefined {
	try {
		return (JSON.parse(readFileSync(file, 'utf8')) as {decisions: Array<{verdict?: string}>}).decisions.map((d) => d.verdict ?? 'note');
	} catch {
		return undefined;
	}
}

/** Exit codes of a crash: a bug (70), or a signal of one (SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV) as a shell reports it. */
const crashCodes = new Set([70, 132, 133, 134, 135, 136, 139]);

/** Problems with what a run wrote to standard error: it must be one line, `tocdiff: …`, no trace. */
function stderrFindings(stderr: string, code: number): Finding[] {
	if (stackLine.test(stderr) || /internal error|Assertion|Unhandled 'error'/.test(stderr) || crashCodes.has(code)) {
		return [{kind: 'crash', detail: `exit ${code}: ${excerpt(stderr)}`}];
	}

	const lines = stderr.trimEnd().split('\n');
	if (stderr.trimEnd() !== '' && (lines.length !== 1 || !/^tocdiff: \S/.test(lines[0]!)))
		return [{kind: 'message', detail: `not one line: ${excerpt(stderr)}`}];
	return [];
}

/** A tmpfs of `size` at `dir`; false when it cannot be mounted here (not root). */
function mountDisk(dir: string, size: string): boolean {
	mkdirSync(dir, {recursive: true});
	return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

/** Fill the file system of `dir` to its last byte. */
function fillDisk(dir: string): void {
	try {
		writeFileSync(path.join(dir, 'filler'), Buffer.alloc(64 * 1024 * 1024));
	} catch {
		// Full: as wanted.
	}
}

/** Set or clear the immutable attribute of a folder; whether it took. */
function immutable(dir: string, on: boolean): boolean {
	return spawnSync('chattr', [on ? '+i' : '-i', dir]).status === 0;
}

/** The ways a review with unsaved decisions ends. */
const endings = ['space-back', 'quit-anyway', 'save-elsewhere', 'hang-up', 'sigterm'] as const;

/**
 * A review whose decisions stop being savable half-way: the disk fills up, or the folder becomes
 * read-only. Then space or permission comes back, or the reviewer quits anyway, moves the
 * decisions elsewhere, or the terminal closes, or a SIGTERM comes.
 */
async function unsavable(context: FamilyContext, how: 'disk-full' | 'read-only'): Promise<FamilyOutcome> {
	const {dir, rng} = context;
	const files = writePair(context);
	const folder = path.join(dir, how === 'disk-full' ? 'disk' : 'frozen');
	const skipped = (why: string): FamilyOutcome => ({
		label: `${how}: skipped (${why})`,
		exit: 'skipped',
		findings: [],
		decisions: {made: 0, kept: 0, discarded: 0},
		command: '',
	});
	if (how === 'disk-full') {
		if (!mountDisk(folder, '512k')) return skipped('no tmpfs: it takes root');
	} else {
		mkdirSync(folder);
	}

	const decisions = path.join(folder, 'decisions.json');
	const ending = rng.pick(endings);
	let before = rng.int(0, 3);
	let after = rng.int(1, 3);
	const size = rng.pick([
		{columns: 120, rows: 40},
		{columns: 100, rows: 30},
		{columns: 80, rows: 24},
	]);
	const label = `${how}, ${before} decided before and ${after} after, then ${ending}, ${size.columns}×${size.rows}`;
	const args = [...files, '--decisions', decisions];
	const command = `cd ${dir} && node ${context.cli} ${args.join(' ')}`;
	const findings: Finding[] = [];
	const screen = new Screen(context, args, 'screen', size);
	let frozen = false;
	let exit = 'none';
	let made = 0;
	let kept = 0;
	let discarded = 0;
	try {
		await screen.opened(`${decisions}.lock`);
		// Leave two rows to decide after the fault: one to try the save again, one to go on.
		before = Math.max(0, Math.min(before, screen.differing - 3));
		after = Math.max(0, Math.min(after, screen.differing - before - 2));
		for (let k = 0; k < before; k++) await screen.decideNext(rng.pick(['a', 'b', 'x'] as const)); // eslint-disable-line no-await-in-loop -- one key at a time
		const saved = screen.decided;
		if (how === 'disk-full') fillDisk(folder);
		else {
			frozen = immutable(folder, true);
			if (!frozen) {
				screen.kill();
				return skipped('no immutable attribute here');
			}
		}

		for (let k = 0; k < after; k++) await screen.decideNext(rng.pick(['a', 'b', 'x'] as const)); // eslint-disable-line no-await-in-loop -- one key at a time
		const unsaved = screen.decided - saved;
		made = screen.decided;
		if (unsaved > 0) {
			// The failure shows, with its count, and the rows not saved are counted in the header.
			await screen.waitFor(`(${unsaved} not saved *)`);
			await screen.waitFor(unsaved === 1 ? '1 decision not saved (*)' : `${unsaved} decisions not saved (*)`);
		}

		let expected: number;
		let holders = [decisions];
		switch (ending) {
			case 'space-back': {
				if (how === 'disk-full') rmSync(path.join(folder, 'filler'), {force: true});
				else frozen = !immutable(folder, false);
				const more = screen.decided < screen.differing;
				await screen.decideNext('a');
				made = screen.decided;
				// Saved: the header counts nothing as not saved any more.
				if (more || unsaved > 0) await screen.waitFor(new RegExp(`${screen.decided}/${screen.differing} rows decided +row`));
				screen.terminal.press('q');
				expected = 0;
				break;
			}

			case 'quit-anyway': {
				screen.terminal.press('q');
				if (unsaved > 0) {
					await screen.waitFor('Quit and lose');
					screen.terminal.press('q');
				}

				expected = unsaved > 0 ? 3 : 0;
				break;
			}

			case 'save-elsewhere': {
				const elsewhere = path.join(dir, 'elsewhere.json');
				screen.terminal.clear();
				screen.terminal.press('w');
				await screen.waitFor('Save the decisions to:');
				screen.terminal.press('\u0015elsewhere.json\r');
				await screen.waitFor(`Saved ${screen.decided} decision`);
				holders = [elsewhere];
				await screen.decideNext('b');
				made = screen.decided;
				screen.terminal.press('q');
				expected = 0;
				break;
			}

			case 'hang-up': {
				screen.terminal.hangUp();
				expected = 129;
				break;
			}

			case 'sigterm': {
				screen.signal('SIGTERM');
				expected = 143;
				break;
			}
		}

		const code = await screen.exitCode();
		exit = String(code);
		const stderr = screen.stderr();
		findings.push(...stderrFindings(stderr, code));
		if (code !== expected) findings.push({kind: 'exit-code', detail: `exit ${code}, expected ${expected} (${ending}): ${excerpt(stderr)}`});
		// Where the decisions are now: the file, the file they were moved to, or the one they were rescued to.
		const rescued = /all of them are in (\S+): give it with --decisions/.exec(stderr)?.[1];
		if (rescued !== undefined) holders = [rescued.startsWith('/') ? rescued : path.join(dir, rescued)];
		kept = Math.max(0, ...holders.map((file) => verdictsIn(file)?.length ?? 0));
		const chosenLoss = ending === 'quit-anyway' && unsaved > 0;
		if (chosenLoss) {
			// The reviewer chose to lose them: the file keeps what was saved, and the summary says what was lost.
			if (kept !== saved)
				findings.push({kind: 'lost-decision', detail: `${kept} decisions in the file after quitting without ${unsaved}, expected the ${saved} saved before`});
			if (!/not saved .* (?:is|are) lost/.test(stderr))
				findings.push({kind: 'message', detail: `quitting without ${unsaved} decisions did not say they are lost: ${excerpt(stderr)}`});
			discarded = unsaved;
		} else if (kept !== made) {
			findings.push({kind: 'lost-decision', detail: `${made} decisions made, ${kept} in ${holders.join(', ')} (${ending}): ${excerpt(stderr)}`});
		}

		if (existsSync(`${holders[0]}.lock`) && !frozen) findings.push({kind: 'lock', detail: `the lock ${holders[0]}.lock was left behind`});
		const left = leftovers(folder);
		if (left.length > 0) findings.push({kind: 'leftover', detail: `temporary files left in the decisions folder: ${left.join(', ')}`});
	} catch (error) {
		if (!(error instanceof Stalled)) throw error;
		findings.push({kind: 'hang', detail: `${error.message} (${label})`});
		exit = 'timeout';
	} finally {
		screen.kill();
		if (frozen) immutable(folder, false);
		if (how === 'disk-full') spawnSync('umount', ['-l', folder]);
	}

	return {label, exit, findings, decisions: {made, kept, discarded}, command};
}

/** The names one decisions file is opened by, twice: through a symbolic link, a hard link, or a linked folder. */
const namings = ['symlink', 'dangling-symlink', 'hard-link', 'linked-folder'] as const;

/**
 * Two review screens on one decisions file under two names: the second must be refused in one
 * line, and the first must keep every decision.
 */
async function linked(context: FamilyContext): Promise<FamilyOutcome> {
	const {dir, rng} = context;
	const files = writePair(context);
	const naming = rng.pick(namings);
	mkdirSync(path.join(dir, 'store'));
	const real = path.join(dir, 'store', 'real.json');
	const empty = '{"schema": "tocdiff-decisions/1", "decisions": []}\n';
	let names: [string, string];
	switch (naming) {
		case 'symlink':
		case 'dangling-symlink': {
			if (naming === 'symlink') writeFileSync(real, empty);
			symlinkSync('store/real.json', path.join(dir, 'a.txt.tocdiff.json'));
			names = ['a.txt.tocdiff.json', 'store/real.json'];
			break;
		}

		case 'hard-link': {
			writeFileSync(real, empty);
			linkSync(real, path.join(dir, 'a.txt.tocdiff.json'));
			names = ['a.txt.tocdiff.json', 'store/real.json'];
			break;
		}

		case 'linked-folder': {
			symlinkSync('store', path.join(dir, 'linked'));
			names = ['linked/real.json', 'store/real.json'];
			break;
		}
	}

	if (rng.chance(0.5)) names = [names[1], names[0]];
	const [first, second] = names;
	const label = `linked decisions: ${naming}, ${first} open while ${second} is opened`;
	// Where the first screen's saves land: the file its links lead to; a save parts a hard link, and
	// its own name keeps the decisions (the screen says so as it opens).
	const holder = naming === 'hard-link' ? path.join(dir, first) : real;
	const command = `cd ${dir} && node ${context.cli} ${files.join(' ')} --decisions ${first}`;
	const findings: Finding[] = [];
	// The default name is the first input's: no --decisions for it.
	const argsFor = (name: string): string[] => (name === 'a.txt.tocdiff.json' ? [...files] : [...files, '--decisions', name]);
	const one = new Screen(context, argsFor(first), 'first', {columns: 120, rows: 40});
	let two: Screen | undefined;
	let exit = 'none';
	let made = 0;
	let kept = 0;
	try {
		await one.opened(`${real}.lock`);
		await one.decideNext('a');
		two = new Screen(context, argsFor(second), 'second', {columns: 120, rows: 40});
		let refused: number | undefined;
		try {
			refused = await two.exitCode(Math.min(context.timeout, 10_000));
		} catch (error) {
			if (!(error instanceof Stalled)) throw error;
			findings.push({kind: 'lock', detail: `a second screen opened on ${second} while ${first} was under review`});
			two.kill();
		}

		if (refused !== undefined) {
			const stderr = plain(two.terminal.output()) + two.stderr();
			if (refused !== 3) findings.push({kind: 'exit-code', detail: `the second screen exited ${refused}, expected 3: ${excerpt(stderr)}`});
			else if (
				!/^tocdiff: \S+ is in use by another tocdiff \(pid \d+(?:, as \S+)?\) since [\d: -]+; close that review first, or pass --decisions PATH\n$/.test(
					two.stderr(),
				)
			) {
				findings.push({kind: 'message', detail: `the refusal was not the one line expected: ${excerpt(two.stderr())}`});
			}
		}

		await one.decideNext('b');
		made = one.decided;
		one.terminal.press('q');
		const code = await one.exitCode();
		exit = String(code);
		findings.push(...stderrFindings(one.stderr(), code));
		if (code !== 0) findings.push({kind: 'exit-code', detail: `the first screen exited ${code}: ${excerpt(one.stderr())}`});
		kept = verdictsIn(holder)?.length ?? 0;
		if (kept !== made) findings.push({kind: 'lost-decision', detail: `${made} decisions made through ${first}, ${kept} in ${path.relative(dir, holder)}`});
		if (existsSync(`${real}.lock`) || existsSync(`${holder}.lock`)) findings.push({kind: 'lock', detail: 'a lock of the decisions was left behind'});
	} catch (error) {
		if (!(error instanceof Stalled)) throw error;
		findings.push({kind: 'hang', detail: `${error.message} (${label})`});
		exit = 'timeout';
	} finally {
		one.kill();
		two?.kill();
	}

	return {label, exit, findings, decisions: {made, kept, discarded: 0}, command};
}

/**
 * The terminal closes under the screen at a random moment of a review (after a SIGHUP or not, in
 * a prompt or not, with a decision's key just pressed or not): exit 129, one line, the lock gone,
 * and every decision the summary counts in the file.
 */
async function hangUp(context: FamilyContext): Promise<FamilyOutcome> {
	const {dir, rng} = context;
	const files = writePair(context);
	const decisions = path.join(dir, 'a.txt.tocdiff.json');
	const count = rng.int(0, 4);
	const signalFirst = rng.chance(0.5);
	const inPrompt = rng.chance(0.2);
	const lastKeyLate = rng.chance(0.4);
	const delay = rng.int(0, 200);
	const label =
		`hang-up after ${count} decisions` +
		`${signalFirst ? ', SIGHUP first' : ''}${inPrompt ? ', in a prompt' : ''}${lastKeyLate ? ', a key just pressed' : ''}, ${delay} ms later`;
	const command = `cd ${dir} && node ${context.cli} ${files.join(' ')}`;
	const findings: Finding[] = [];
	const screen = new Screen(context, files, 'screen', {columns: 120, rows: 40});
	let exit = 'none';
	let made = 0;
	let kept = 0;
	try {
		await screen.opened(`${decisions}.lock`);
		for (let k = 0; k < count; k++) await screen.decideNext(rng.pick(['a', 'b', 'x'] as const)); // eslint-disable-line no-await-in-loop -- one key at a time
		// A decision pressed just before the end may be taken or not, but must then be in the file.
		const maybe = lastKeyLate && screen.decided < screen.differing ? 1 : 0;
		if (maybe) screen.terminal.press('na');
		if (inPrompt) screen.terminal.press('cnote being typed');
		await pause(delay);
		if (signalFirst) screen.signal('SIGHUP');
		screen.terminal.hangUp();
		const code = await screen.exitCode();
		exit = String(code);
		const stderr = screen.stderr();
		findings.push(...stderrFindings(stderr, code));
		if (code !== 129) findings.push({kind: 'exit-code', detail: `exit ${code}, expected 129: ${excerpt(stderr)}`});
		kept = verdictsIn(decisions)?.filter((verdict) => verdict !== 'note').length ?? 0;
		const counted = Number(/^tocdiff: stopped by [^;]+; (\d+) of/.exec(stderr)?.[1] ?? Number.NaN);
		made = Number.isNaN(counted) ? screen.decided : counted;
		if (kept !== made || made < screen.decided || made > screen.decided + maybe) {
			findings.push({
				kind: 'lost-decision',
				detail: `${screen.decided}${maybe ? ' (or one more)' : ''} decisions made, the summary counts ${counted}, the file holds ${kept}: ${excerpt(stderr)}`,
			});
		}

		if (existsSync(`${decisions}.lock`)) findings.push({kind: 'lock', detail: 'the lock was left behind'});
	} catch (error) {
		if (!(error instanceof Stalled)) throw error;
		findings.push({kind: 'hang', detail: `${error.message} (${label})`});
		exit = 'timeout';
	} finally {
		screen.kill();
	}

	return {label, exit, findings, decisions: {made, kept, discarded: 0}, command};
}

/** Ways standard output fails: full, open for reading only, closed by its reader, `-o /dev/stdout` onto a full disk. */
const outputs = ['full', 'read-only', 'closed-pipe', 'dev-stdout-full', 'batch-full'] as const;

/** A report whose standard output cannot be written: one line and exit 3 (a reader that left early: exit 0, nothing said). */
async function stdoutError(context: FamilyContext): Promise<FamilyOutcome> {
	const {dir, rng} = context;
	const how = rng.pick(outputs);
	const files = writePair(context, how === 'batch-full' ? 'one-file' : 'two-files');
	const format = rng.pick(['text', 'json', 'markdown', 'csv', 'html', 'tei', 'toc']);
	// A batch's report is never empty in these formats (a CSV of files that all failed is), so it is written.
	const args =
		how === 'batch-full'
			? ['--batch', ...files, '--format', rng.pick(['json', 'text', 'markdown'])]
			: how === 'dev-stdout-full'
				? [...files, '--format', format, '-o', '/dev/stdout']
				: [...files, '--format', format];
	const label = `standard output ${how}: ${args.join(' ')}`;
	const target = how === 'read-only' ? '/dev/null' : '/dev/full';
	const redirect = how === 'closed-pipe' ? '| head -c 0' : how === 'read-only' ? '1< /dev/null' : '> /dev/full';
	const command = `cd ${dir} && node ${context.cli} ${args.join(' ')} ${redirect}`;
	const stdout = how === 'closed-pipe' ? 'pipe' : openSync(target, how === 'read-only' ? 'r' : 'w');
	const {code, stderr, timedOut} = await new Promise<{code: number | null; stderr: string; timedOut: boolean}>((resolve) => {
		const child = spawn(process.execPath, [context.cli, ...args], {cwd: dir, stdio: ['ignore', stdout, 'pipe']});
		// The reader goes away before it reads anything.
		if (how === 'closed-pipe') child.stdout!.destroy();
		let text = '';
		let late = false;
		const timer = setTimeout(() => {
			late = true;
			child.kill('SIGKILL');
		}, context.timeout);
		child.stderr!.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8');
		});
		child.on('close', (exitCode) => {
			clearTimeout(timer);
			resolve({code: exitCode, stderr: text, timedOut: late});
		});
	});
	if (typeof stdout === 'number') closeSync(stdout);
	if (timedOut)
		return {label, exit: 'timeout', findings: [{kind: 'hang', detail: 'no exit before the time limit'}], decisions: {made: 0, kept: 0, discarded: 0}, command};
	const findings = stderrFindings(stderr, code ?? 255);
	const expected = how === 'closed-pipe' ? 0 : 3;
	const message =
		how === 'closed-pipe'
			? /^$/
			: how === 'read-only'
				? /^tocdiff: cannot write to standard output: it is not open for writing; write the report to a file with -o PATH\n$/
				: /^tocdiff: cannot write to standard output: the disk is full; free some space, or write the report to a file with -o PATH\n$/;
	if (code !== expected) findings.push({kind: 'exit-code', detail: `exit ${code}, expected ${expected}: ${excerpt(stderr)}`});
	else if (!message.test(stderr)) findings.push({kind: 'message', detail: `expected ${String(message)}: ${excerpt(stderr)}`});
	return {label, exit: String(code), findings, decisions: {made: 0, kept: 0, discarded: 0}, command};
}

/** Whether the screen families can run here (they need `script` for a terminal). */
export const screensAvailable = hasScript;

/** Run one case of `family` in its folder. */
export async function runFamily(family: Family, context: FamilyContext): Promise<FamilyOutcome> {
	if (family !== 'stdout-error' && !screensAvailable) {
		return {label: `${family}: skipped (no script for a terminal)`, exit: 'skipped', findings: [], decisions: {made: 0, kept: 0, discarded: 0}, command: ''};
	}

	switch (family) {
		case 'disk-full':
		case 'read-only': {
			return unsavable(context, family);
		}

		case 'linked-decisions': {
			return linked(context);
		}

		case 'hang-up': {
			return hangUp(context);
		}

		case 'stdout-error': {
			return stdoutError(context);
		}
	}
}

/** The family a case belongs to, from its first draw: about one case in eight; undefined for the others. */
export function familyOf(rng: Rng): Family | undefined {
	const roll = rng.next();
	if (roll < 0.035) return 'disk-full';
	if (roll < 0.06) return 'read-only';
	if (roll < 0.08) return 'linked-decisions';
	if (roll < 0.11) return 'hang-up';
	if (roll < 0.13) return 'stdout-error';
	return undefined;
}

/** Temporary files a save left in `dir`: a failed write must remove its own. */
function leftovers(dir: string): string[] {
	try {
		return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
	} catch {
		return [];
	}
}
