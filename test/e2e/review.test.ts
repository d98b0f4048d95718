import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasScript, openTerminal, runCli, samplePath, type TerminalSession} from './run-cli.js';

function openReview(file: string, extra: readonly string[] = [], env: Record<string, string> = {}): TerminalSession {
	return openTerminal([file, ...extra], {cwd: path.dirname(file), env});
}

/** A fresh folder holding a copy of the seed as `vol31.txt`; returns the copy's path. */
function seedCopy(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-review-'));
	const file = path.join(dir, 'vol31.txt');
	copyFileSync(samplePath('lenin-cw31-two-printings.txt'), file);
	return file;
}

/** The verdicts saved in a decisions file, in order. */
function savedVerdicts(decisionsFile: string): string[] {
	if (!existsSync(decisionsFile)) return [];
	return (JSON.parse(readFileSync(decisionsFile, 'utf8')) as {decisions: Array<{verdict: string}>}).decisions.map((d) => d.verdict);
}

/** The process that holds the review's lock: the tocdiff node process under `script` and its shell. */
function lockHolder(decisionsFile: string): number {
	return (JSON.parse(readFileSync(`${decisionsFile}.lock`, 'utf8')) as {pid: number}).pid;
}

describe.skipIf(!hasScript)('the review screen in a terminal', () => {
	it('refuses to open when its decisions could not be saved', async () => {
		const session = openReview(samplePath('lenin-cw31-two-printings.txt'), ['--decisions', '/proc/tocdiff/decisions.json']);
		expect(await session.exited).toBe(3);
		expect(session.output()).toContain('cannot save decisions beside /proc/tocdiff/decisions.json');
	});

	it('prints the text report instead of a screen under a CI service, where nobody would answer it', async () => {
		const session = openReview(samplePath('lenin-cw31-two-printings.txt'), [], {CI: 'true'});
		expect(await session.exited).toBe(0);
		expect(session.output()).toContain('split at line 123');
		expect(session.output()).not.toContain('\u001B[?1049h');
	});

	it('saves a decision in one run and loads it in the next', async () => {
		const file = seedCopy();
		const first = openReview(file);
		await first.waitFor('0/23 rows decided');
		first.press('n');
		await first.waitFor('row 14/107');
		first.press('b');
		await first.waitFor('1/23 rows decided');
		first.press('q');
		expect(await first.exited).toBe(0);
		expect(first.output()).toContain('tocdiff: 1 of 23 differing rows decided');
		const saved = JSON.parse(readFileSync(`${file}.tocdiff.json`, 'utf8')) as {decisions: Array<{verdict: string; b: string}>};
		// The first row that asks a decision: B's title-page lines do not (#16).
		expect(saved.decisions).toEqual([expect.objectContaining({verdict: 'b', b: "II. An Essential Condition of the Bolsheviks' Success\t23"})]);

		const second = openReview(file);
		await second.waitFor('1/23 rows decided');
		second.press('q');
		expect(await second.exited).toBe(0);
	});

	it('loses no decision made before a kill -9, and the next run takes over the stale lock (#6)', async () => {
		const file = seedCopy();
		const decisions = `${file}.tocdiff.json`;
		const first = openReview(file);
		await first.waitFor('0/23 rows decided');
		first.press('n');
		await first.waitFor('row 14/107');
		first.press('b');
		await first.waitFor('1/23 rows decided');
		first.press('n');
		await first.waitFor('row 43/107');
		first.press('a');
		await first.waitFor('2/23 rows decided');
		// A decision is written before it is drawn: killing the process now loses nothing.
		const killed = lockHolder(decisions);
		process.kill(killed, 'SIGKILL');
		expect(await first.exited).not.toBe(0);
		expect(savedVerdicts(decisions)).toEqual(['b', 'a']);
		expect(lockHolder(decisions)).toBe(killed);

		const second = openReview(file);
		await second.waitFor('2/23 rows decided');
		expect(lockHolder(decisions)).not.toBe(killed);
		second.press('q');
		expect(await second.exited).toBe(0);
		expect(second.output()).toContain('tocdiff: 2 of 23 differing rows decided');
		expect(savedVerdicts(decisions)).toEqual(['b', 'a']);
		expect(existsSync(`${decisions}.lock`)).toBe(false);
	});

	it.each([
		['SIGTERM', 143],
		['SIGINT', 130],
		['SIGHUP', 129],
	] as const)('on %s saves, gives the terminal back and exits %i (#6)', async (signal, code) => {
		const file = seedCopy();
		const decisions = `${file}.tocdiff.json`;
		const session = openReview(file);
		await session.waitFor('0/23 rows decided');
		session.press('n');
		await session.waitFor('row 14/107');
		session.press('b');
		await session.waitFor('1/23 rows decided');
		process.kill(lockHolder(decisions), signal);
		expect(await session.exited).toBe(code);
		// Last come the main screen and the cursor, then the summary printed on the restored terminal
		// (and, from a shell that forks the command, the cursor shown once more by Ink's exit hook).
		const output = session.output();
		const tail = output.slice(output.lastIndexOf('\u001B[?1049l'));
		expect(tail).toMatch(
			new RegExp(
				`^\\u001B\\[\\?1049l\\u001B\\[\\?25htocdiff: stopped by ${signal}; 1 of 23 differing rows decided; decisions in .*vol31\\.txt\\.tocdiff\\.json\\r\\n(?:\\u001B\\[\\?25h)?$`,
			),
		);
		expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(output.lastIndexOf('\u001B[?1049h'));
		expect(savedVerdicts(decisions)).toEqual(['b']);
		expect(existsSync(`${decisions}.lock`)).toBe(false);
	});

	it('refuses a second review of the same decisions in one line, touching nothing (#6)', async () => {
		const file = seedCopy();
		const decisions = `${file}.tocdiff.json`;
		writeFileSync(decisions, '{"schema": "tocdiff-decisions/1", "decisions": [{"key": "from-another-edition", "verdict": "a"}]}\n');
		const before = readFileSync(decisions);
		const first = openReview(file);
		await first.waitFor('0/23 rows decided');
		const lockBefore = readFileSync(`${decisions}.lock`);

		const second = openReview(file);
		expect(await second.exited).toBe(3);
		expect(second.output()).toMatch(
			new RegExp(
				`^tocdiff: ${decisions.replaceAll('.', '\\.')} is in use by another tocdiff \\(pid ${lockHolder(decisions)}\\) since \\d\\d:\\d\\d; close that review first, or pass --decisions PATH\\r\\n$`,
			),
		);
		expect(readFileSync(decisions)).toEqual(before);
		expect(readFileSync(`${decisions}.lock`)).toEqual(lockBefore);

		// The first review goes on as if nothing happened.
		first.press('n');
		await first.waitFor('row 14 of 107');
		first.press('b');
		await first.waitFor('1/23 rows decided');
		first.press('q');
		expect(await first.exited).toBe(0);
		expect(savedVerdicts(decisions)).toEqual(['a', 'b']);
	});

	it.each([
		['truncated', '{\n  "schema": "tocdiff-decisions/1",\n  "decisions": [\n    {\n      "key": "g8gq', /is not valid JSON/],
		['empty', '', /is not valid JSON/],
		['foreign', '{"name": "tocdiff", "version": "0.1.0"}\n', /not a tocdiff decisions file/],
		['binary', '\u0000\u0001\u0002PK\u0003\u0004', /is not valid JSON/],
		['ill-formed', '{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "maybe"}]}', /unknown verdict "maybe"/],
		[
			'hand-edited',
			'{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "edit", "b": "PREFACE\\t7"}]}',
			/decision 1 \(on “PREFACE 7”\) has the verdict "edit" but no "text"/,
		],
	])('leaves a %s decisions file as it is, saying so in one line, before the screen opens (#6)', async (_kind, content, message) => {
		const file = seedCopy();
		const decisions = `${file}.tocdiff.json`;
		writeFileSync(decisions, content);
		const before = readFileSync(decisions);
		const session = openReview(file);
		expect(await session.exited).toBe(3);
		const output = session.output();
		expect(output).toMatch(message);
		expect(output).toMatch(new RegExp(`^tocdiff: ${decisions.replaceAll('.', '\\.')}: [^\\r\\n]*; fix it, or move it aside to start afresh\\r\\n$`));
		expect(output).not.toContain('\u001B[?1049h');
		expect(readFileSync(decisions)).toEqual(before);
		// No lock, temporary or probe file left behind either.
		expect(readdirSync(path.dirname(file)).sort()).toEqual(['vol31.txt', 'vol31.txt.tocdiff.json']);
	});

	/** Open the E menu, move down `down` formats, ask for the export, see it refused, and quit. */
	async function exportRefused(session: TerminalSession, down: number, format: string): Promise<void> {
		await session.waitFor('rows decided');
		session.press('E');
		await session.waitFor('.errata.txt');
		session.press('j'.repeat(down));
		session.press('\r');
		await session.waitFor(`Could not export ${format}`);
		session.press('q');
		expect(await session.exited).toBe(0);
	}

	it('exports the corrected contents page of printing B from the E menu (toc B)', async () => {
		const file = seedCopy();
		const session = openReview(file);
		await session.waitFor('rows decided');
		session.press('E');
		await session.waitFor('vol31.txt.corrected-b.txt');
		// toc B follows the seven formats.
		session.press('j'.repeat(7));
		session.press('\r');
		await session.waitFor('Wrote the toc B report');
		session.press('q');
		expect(await session.exited).toBe(0);
		expect(readFileSync(`${file}.corrected-b.txt`, 'utf8')).toBe(runCli([file, '--format', 'toc', '--base', 'b']).stdout);
	});

	it('never exports over the decisions file from the E menu (#6)', async () => {
		const file = seedCopy();
		const decisions = `${file}.errata.json`;
		writeFileSync(decisions, '{"schema": "tocdiff-decisions/1", "decisions": [{"key": "from-another-edition", "verdict": "a"}]}\n');
		const before = readFileSync(decisions);
		await exportRefused(openReview(file, ['--decisions', decisions]), 1, 'json');
		expect(readFileSync(decisions)).toEqual(before);
	});

	it('never exports over an input from the E menu (#6)', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-review-'));
		const lines = readFileSync(samplePath('lenin-cw31-two-printings.txt'), 'utf8').split('\n');
		const first = path.join(dir, 'vol31.txt');
		// The second printing happens to carry the name the corrected contents page would take.
		const second = path.join(dir, 'vol31.txt.corrected.txt');
		writeFileSync(first, lines.slice(1, 121).join('\n'));
		writeFileSync(second, lines.slice(122, 223).join('\n'));
		const before = readFileSync(second);
		// toc is the seventh format of the menu.
		await exportRefused(openReview(first, [second]), 6, 'toc');
		expect(readFileSync(second)).toEqual(before);
	});
});
