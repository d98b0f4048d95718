import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliPath, hasScript, openTerminal, runCli, samplePath} from './run-cli.js';

const seed = samplePath('lenin-cw31-two-printings.txt');
const report = {TOCDIFF_REPORT_CODE_CACHE: '1'};
const dist = path.dirname(cliPath);

/** A copy of the built package (its dist/ and package.json) whose caches a test may spoil. */
function packageCopy(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'tocdiff-cache-'));
	cpSync(path.join(dist, '..', 'package.json'), path.join(root, 'package.json'));
	cpSync(dist, path.join(root, 'dist'), {recursive: true, filter: (source) => !/[\\/](?:bench|eval|soak)$/.test(source)});
	return path.join(root, 'dist', path.basename(cliPath));
}

/** Ways a cache can go wrong: none of them may change what the command does. */
const spoilers: Record<string, (file: string) => void> = {
	missing(file) {
		rmSync(file);
	},
	'from another build'(file) {
		const cache = readFileSync(file);
		cache.write('0'.repeat(40), 0, 'latin1');
		writeFileSync(file, cache);
	},
	corrupt(file) {
		const cache = readFileSync(file);
		cache.fill(0x5a, 40, Math.min(cache.length, 4000));
		writeFileSync(file, cache);
	},
	'cut short'(file) {
		writeFileSync(file, readFileSync(file).subarray(0, 100));
	},
};
const outcome = {missing: 'absent', 'from another build': 'absent', corrupt: 'rejected', 'cut short': 'rejected'} as const;

describe('the code caches beside the bundles', () => {
	it('are made by the build and used by the command', () => {
		const result = runCli([seed, '--format', 'json'], {env: report});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('code cache cli.cjs: used\n');
	});

	it.each(Object.keys(spoilers))('only cost time when %s: the command prints the same report', (how) => {
		const cli = packageCopy();
		spoilers[how]!(path.join(path.dirname(cli), 'cli.cjs.cache'));
		const spoiled = runCli([seed, '--format', 'json'], {env: report, cli});
		const normal = runCli([seed, '--format', 'json']);
		expect(spoiled.code).toBe(0);
		expect(spoiled.stderr).toBe(`code cache cli.cjs: ${outcome[how as keyof typeof outcome]}\n`);
		expect(spoiled.stdout).toBe(normal.stdout);
		rmSync(path.dirname(path.dirname(cli)), {recursive: true});
	});

	describe.skipIf(!hasScript)('the review screen', () => {
		it('opens from its cache', async () => {
			const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-cache-'));
			const session = openTerminal([seed, '--decisions', path.join(dir, 'd.json')], {cwd: dir, env: report});
			await session.waitFor('0/23 rows decided');
			session.press('q');
			expect(await session.exited).toBe(0);
			expect(session.output()).toContain('code cache tui.cjs: used');
		});

		it.each(['missing', 'corrupt'])('opens all the same when its cache is %s', async (how) => {
			const cli = packageCopy();
			spoilers[how]!(path.join(path.dirname(cli), 'tui.cjs.cache'));
			const dir = path.dirname(path.dirname(cli));
			const session = openTerminal([seed, '--decisions', path.join(dir, 'd.json')], {cwd: dir, env: report, cli});
			await session.waitFor('0/23 rows decided');
			session.press('n');
			await session.waitFor('row 14/107');
			session.press('q');
			expect(await session.exited).toBe(0);
			expect(session.output()).toContain(`code cache tui.cjs: ${outcome[how as keyof typeof outcome]}`);
			rmSync(dir, {recursive: true});
		});
	});
});
