import {copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasScript, openTerminal, samplePath, type TerminalSession} from './run-cli.js';

// Where the review screen's decisions live: one file may have many names (symbolic and hard
// links), and a killed save leaves its temporary file behind.

/** A fresh folder holding a copy of the seed as `vol31.txt`; returns the folder. */
function seedFolder(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-paths-'));
	copyFileSync(samplePath('lenin-cw31-two-printings.txt'), path.join(dir, 'vol31.txt'));
	mkdirSync(path.join(dir, 'store'));
	return dir;
}

function openReview(dir: string, extra: readonly string[] = []): TerminalSession {
	return openTerminal(['vol31.txt', ...extra], {cwd: dir});
}

function verdicts(file: string): string[] {
	return (JSON.parse(readFileSync(file, 'utf8')) as {decisions: Array<{verdict: string}>}).decisions.map((d) => d.verdict);
}

/** Open a review with `first`, decide one row, then try a second review with `second`: it must be refused. */
async function expectOneReview(dir: string, first: readonly string[], second: readonly string[], real: string, notice?: string): Promise<void> {
	const one = openReview(dir, first);
	await one.waitFor('0/23 rows decided');
	if (notice !== undefined) await one.waitFor(notice);
	one.press('n');
	await one.waitFor('row 14/107');
	one.press('b');
	await one.waitFor('1/23 rows decided');

	const two = openReview(dir, second);
	// A second screen that opens would wait for keys: give it ten seconds to refuse.
	const ended = await Promise.race([
		two.exited,
		new Promise<'opened'>((resolve) =>
			setTimeout(() => {
				resolve('opened');
			}, 10_000),
		),
	]);
	if (ended === 'opened') await two.close();
	expect(ended).toBe(3);
	expect(two.output()).toMatch(
		/^tocdiff: \S+ is in use by another tocdiff \(pid \d+(?:, as \S+)?\) since \d\d:\d\d; close that review first, or pass --decisions PATH\r\n$/,
	);

	one.press('n');
	await one.waitFor('row 43/107');
	one.press('a');
	await one.waitFor('2/23 rows decided');
	one.press('q');
	expect(await one.exited).toBe(0);
	expect(verdicts(real)).toEqual(['b', 'a']);
}

describe.skipIf(!hasScript)('one decisions file, many names', () => {
	it('refuses a second review through --decisions of the file the default name links to', async () => {
		const dir = seedFolder();
		writeFileSync(path.join(dir, 'store', 'real.json'), '{"schema": "tocdiff-decisions/1", "decisions": []}\n');
		symlinkSync('store/real.json', path.join(dir, 'vol31.txt.tocdiff.json'));
		await expectOneReview(dir, [], ['--decisions', 'store/real.json'], path.join(dir, 'store', 'real.json'));
	});

	it('refuses it the other way round, and while the linked file is not written yet', async () => {
		const dir = seedFolder();
		symlinkSync('store/real.json', path.join(dir, 'vol31.txt.tocdiff.json'));
		await expectOneReview(dir, ['--decisions', 'store/real.json'], [], path.join(dir, 'store', 'real.json'));
		// Saved through the link, which stays one.
		expect(readdirSync(dir).sort()).toEqual(['store', 'vol31.txt', 'vol31.txt.tocdiff.json']);
	});

	it('refuses a second review through a folder that is a link', async () => {
		const dir = seedFolder();
		symlinkSync('store', path.join(dir, 'linked'));
		await expectOneReview(dir, ['--decisions', 'store/d.json'], ['--decisions', 'linked/d.json'], path.join(dir, 'store', 'd.json'));
	});

	it('refuses a second review through a hard link to the same file', async () => {
		const dir = seedFolder();
		writeFileSync(path.join(dir, 'store', 'real.json'), '{"schema": "tocdiff-decisions/1", "decisions": []}\n');
		linkSync(path.join(dir, 'store', 'real.json'), path.join(dir, 'vol31.txt.tocdiff.json'));
		// A save parts a hard link (it replaces the file by a rename): the screen says so as it opens.
		await expectOneReview(
			dir,
			['--decisions', 'store/real.json'],
			[],
			path.join(dir, 'store', 'real.json'),
			'store/real.json has another name (a hard link): saving replaces it',
		);
	});
});

describe.skipIf(!hasScript)('leftovers of a killed save', () => {
	it('removes the temporary files a kill -9 left beside the decisions when the screen opens, and only those', async () => {
		const dir = seedFolder();
		const decisions = path.join(dir, 'vol31.txt.tocdiff.json');
		writeFileSync(decisions, '{"schema": "tocdiff-decisions/1", "decisions": []}\n');
		// As a save killed between creating its temporary file and renaming it leaves it.
		const stale = ['.vol31.txt.tocdiff.json.1a2b3c4d5e6f.tmp', '.vol31.txt.tocdiff.json.zz9y8x7w6v.tmp'];
		const others = ['.vol31.txt.errata.md.1a2b3c4d5e6f.tmp', 'notes.tmp'];
		for (const name of [...stale, ...others]) writeFileSync(path.join(dir, name), '{"schema": "tocdiff-decisions/1", "deci');
		const session = openReview(dir);
		await session.waitFor('0/23 rows decided');
		for (const name of stale) expect(existsSync(path.join(dir, name))).toBe(false);
		for (const name of others) expect(existsSync(path.join(dir, name))).toBe(true);
		session.press('q');
		expect(await session.exited).toBe(0);
	});
});
