/**
 * Every file the command reads or writes goes through a seam that a test can make fail (#14): the
 * report (`io.writeFile`), the decisions (`loadDecisions`' reader), the lock (`LockOptions.fs`)
 * and each batch item (`BatchJobIo`). Each failure is one line and an exit code, never a stack.
 */
import {mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runBatchTask} from '../../src/cli/batch-job.js';
import {DecisionsFileError, loadDecisions} from '../../src/cli/decisions-file.js';
import {InputError} from '../../src/cli/errors.js';
import {lockDecisions, type LockFs} from '../../src/cli/lock.js';
import {main} from '../../src/cli/main.js';
import {seedText} from '../report/fixtures.js';
import * as fs from 'node:fs';
import {memoryIo} from './memory-io.js';

const failure = (code: string) => Object.assign(new Error(`${code}: failed`), {code});
const seed = [{name: 'vol31.txt', text: seedText}];

describe('the io seam (#14)', () => {
	it('reaches the report: a full disk under --output is one line and exit 3', async () => {
		const written: string[] = [];
		const io = memoryIo(seed, {
			writeFile: async (file) => {
				written.push(file);
				throw failure('ENOSPC');
			},
		});
		expect(await main(['vol31.txt', '--format', 'json', '--output', 'report.json'], io)).toBe(3);
		expect(written).toEqual(['report.json']);
		expect(io.err.join('')).toMatch(/^tocdiff: cannot write report\.json: .*; choose another --output path\n$/);
	});

	it('reaches the decisions a report reads: an unreadable file is one line and exit 3', async () => {
		const io = memoryIo(seed, {
			readFile: async (file) => {
				if (file.endsWith('.tocdiff.json')) throw failure('EACCES');
				return new TextEncoder().encode(seedText);
			},
		});
		expect(await main(['vol31.txt', '--format', 'json'], io)).toBe(3);
		expect(io.err.join('')).toMatch(/^tocdiff: (?:\S*\/)?vol31\.txt\.tocdiff\.json: cannot read the decisions file \(.*\); pass --decisions/);
		await expect(loadDecisions('d.json', async () => Promise.reject(failure('EIO')))).rejects.toBeInstanceOf(DecisionsFileError);
	});

	it('reaches the lock: a lock that cannot be written is refused and leaves no lock file behind', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-seam-'));
		const removed: string[] = [];
		const failing: LockFs = {
			...(fs as unknown as LockFs),
			writeFileSync: () => {
				throw failure('ENOSPC');
			},
			rmSync: (file, options) => {
				removed.push(file);
				fs.rmSync(file, options);
			},
		};
		const decisions = path.join(dir, 'vol31.txt.tocdiff.json');
		expect(() => lockDecisions(decisions, {fs: failing, registry: path.join(dir, 'locks')})).toThrow(InputError);
		expect(() => lockDecisions(decisions, {fs: failing, registry: path.join(dir, 'locks')})).toThrow(
			/cannot save decisions beside .*vol31\.txt\.tocdiff\.json: .*; pass --decisions PATH/,
		);
		expect(removed).toContain(`${fs.realpathSync(dir)}/vol31.txt.tocdiff.json.lock`);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('reaches each batch item: its file and its decisions', async () => {
		const unreadable = await runBatchTask(
			{index: 0, file: 'vol31.txt', base: 'a'},
			{readFile: async () => Promise.reject(failure('EACCES')), readDecisions: async () => new Uint8Array()},
		);
		expect(unreadable).toMatchObject({kind: 'failed', message: "vol31.txt: permission denied; check the file's permissions"});
		const decisionsGone = await runBatchTask(
			{index: 0, file: 'vol31.txt', base: 'a', format: 'json'},
			{readFile: async () => new TextEncoder().encode(seedText), readDecisions: async () => Promise.reject(failure('EIO'))},
		);
		expect(decisionsGone).toMatchObject({kind: 'failed'});
		expect(decisionsGone.kind === 'failed' && decisionsGone.message).toMatch(/vol31\.txt\.tocdiff\.json: cannot read the decisions file/);
	});
});
