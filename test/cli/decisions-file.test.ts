import {chmod, mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {defaultDecisionsPath, DecisionsFileError, loadDecisions, saveDecisions} from '../../src/cli/decisions-file.js';
import type {Decision} from '../../src/core/decisions.js';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'tocdiff-decisions-'));
});

const decisions: Decision[] = [
	{key: 'k1', verdict: 'b', a: "II. An Essential Condition of the Bolsheviki's Success\t23", b: "II. An Essential Condition of the Bolsheviks' Success\t23"},
	{key: 'k2', verdict: 'edit', text: 'TELEPHONE MESSAGE … JULY 4, 1920 181', note: 'checked against the manuscript'},
	{key: 'k3', note: 'ask the editor'},
];

describe('defaultDecisionsPath', () => {
	it.each([
		['vol31.txt', 'vol31.txt.tocdiff.json'],
		['books/vol31.txt', 'books/vol31.txt.tocdiff.json'],
	])('puts the decisions for %s beside it', (input, expected) => {
		expect(defaultDecisionsPath(input)).toBe(expected);
	});

	it('uses tocdiff-stdin.tocdiff.json in the working directory for standard input', () => {
		expect(defaultDecisionsPath('-', '/work')).toBe(path.join('/work', 'tocdiff-stdin.tocdiff.json'));
	});
});

describe('loadDecisions and saveDecisions', () => {
	it('reads a missing file as no decisions', async () => {
		expect(await loadDecisions(path.join(dir, 'none.tocdiff.json'))).toEqual([]);
	});

	it('round-trips decisions, keeping unknown fields of entries it does not touch', async () => {
		const file = path.join(dir, 'vol31.txt.tocdiff.json');
		const withExtra = [...decisions, {key: 'orphan', verdict: 'a', reviewer: 'mk'} as Decision];
		await saveDecisions(file, withExtra);
		expect(await loadDecisions(file)).toEqual(withExtra);
		expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({schema: 'tocdiff-decisions/1'});
	});

	it('reads a decision for a further printing, with its reading (#16)', async () => {
		const file = path.join(dir, 'vol31.txt.tocdiff.json');
		const third: Decision[] = [
			{key: 'k', verdict: 'c', others: {C: 'A Note on the Translation\t15'}},
			{key: 'j', verdict: 'i'},
		];
		await saveDecisions(file, third);
		expect(await loadDecisions(file)).toEqual(third);
	});

	it('writes atomically, leaving no temporary file behind', async () => {
		const file = path.join(dir, 'vol31.txt.tocdiff.json');
		await saveDecisions(file, decisions);
		await saveDecisions(file, decisions.slice(1));
		expect(await readdir(dir)).toEqual(['vol31.txt.tocdiff.json']);
		expect(await loadDecisions(file)).toHaveLength(2);
	});

	it.each([
		['{"schema": "tocdiff-decisions/1", "decisions": [', /not valid JSON/],
		['{"decisions": []}', /not a tocdiff decisions file/],
		['{"schema": "tocdiff-decisions/1", "decisions": {}}', /"decisions" is not a list/],
		['{"schema": "tocdiff-decisions/1", "decisions": [{"verdict": "a"}]}', /decision 1 has no "key"/],
		['{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "maybe"}]}', /unknown verdict "maybe"/],
		['{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "note": 3}]}', /"note" that is not a string/],
		['{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "j"}]}', /unknown verdict "j" \(use a, b, c … i, edit or not-error\)/],
		['{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "c", "others": {"C": 3}}]}', /"others" that are not readings by printing/],
		[
			'{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "edit", "a": "I. Origins\\t7"}]}',
			/decision 1 \(on “I\. Origins 7”\) has the verdict "edit" but no "text" \(the corrected reading\)/,
		],
		[
			'{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "verdict": "a"}, {"key": "j", "verdict": "edit", "text": "  "}]}',
			/decision 2 has the verdict "edit" but an empty "text"/,
		],
		[
			`{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k", "x": ${'['.repeat(20_000)}${']'.repeat(20_000)}}]}`,
			/nests values deeper than tocdiff can write back/,
		],
	])('rejects %s with a one-line message that says what to do', async (content, message) => {
		const file = path.join(dir, 'bad.tocdiff.json');
		await writeFile(file, content);
		const error: unknown = await loadDecisions(file).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(DecisionsFileError);
		const text = (error as Error).message;
		expect(text).toMatch(message);
		expect(text).toContain(file);
		expect(text).toContain('move it aside');
		expect(text).not.toContain('\n');
	});

	it('reads a file saved with a byte-order mark (Notepad)', async () => {
		const file = path.join(dir, 'bom.tocdiff.json');
		await writeFile(file, `\uFEFF${JSON.stringify({schema: 'tocdiff-decisions/1', decisions})}`);
		expect(await loadDecisions(file)).toEqual(decisions);
	});

	it('refuses a file over 16 MB without reading all of it', async () => {
		const file = path.join(dir, 'huge.tocdiff.json');
		await writeFile(file, Buffer.alloc(16 * 1024 * 1024 + 2, 0x20));
		await expect(loadDecisions(file)).rejects.toThrow(/is over 16 MB, far more than a review writes; pass --decisions with another file, or move it aside/);
	});

	it('says clearly when the place is not writable', async () => {
		const error: unknown = await saveDecisions(path.join(dir, 'missing', 'x.tocdiff.json'), decisions).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(DecisionsFileError);
		expect((error as Error).message).toMatch(
			/^Cannot save decisions to .*x\.tocdiff\.json: the folder does not exist or takes no new files; pass --decisions PATH/,
		);
	});

	it.skipIf(process.getuid?.() === 0)('says permission denied for a read-only folder', async () => {
		await chmod(dir, 0o500);
		try {
			const error: unknown = await saveDecisions(path.join(dir, 'x.tocdiff.json'), decisions).catch((error_: unknown) => error_);
			expect((error as Error).message).toContain('permission denied');
		} finally {
			await chmod(dir, 0o700);
		}
	});
});
