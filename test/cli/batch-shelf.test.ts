import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {parseCliArgs} from '../../src/cli/args.js';
import {listedPaths, openJsonl, parseShard, readInputList, takeShard} from '../../src/cli/batch-shelf.js';
import {InputError, UsageError} from '../../src/cli/errors.js';

const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-shelf-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('the shelf options of --batch (#17)', () => {
	it.each([
		[['--batch', 'v', '--shard', '0/4'], {shard: {index: 0, count: 4}}],
		[['--batch', 'v', '--shard', '3/4'], {shard: {index: 3, count: 4}}],
		[['--batch', 'v', '--shard', '0/1'], {shard: {index: 0, count: 1}}],
		[['--batch', '--files-from', 'list.txt'], {files: [], filesFrom: 'list.txt'}],
		[['--batch', '--files-from', '-'], {filesFrom: '-'}],
		[['--batch', 'v', '--format', 'jsonl'], {format: 'jsonl', resume: false}],
		[['--batch', 'v', '-o', 'shelf.jsonl'], {format: 'jsonl'}],
		[['--batch', 'v', '--format', 'jsonl', '-o', 'out.jsonl', '--resume'], {format: 'jsonl', resume: true, output: 'out.jsonl'}],
	])('parses %j', (argv, expected) => {
		expect(parseCliArgs(argv)).toMatchObject(expected);
	});

	it.each([
		[['--batch', 'v', '--shard', '4/4'], '--shard takes K/N, K counted from 0 and below N (--shard 0/4 to --shard 3/4 cover a shelf in four), not "4/4"'],
		[['--batch', 'v', '--shard', '1/0'], 'not "1/0"'],
		[['--batch', 'v', '--shard', '1-4'], 'not "1-4"'],
		[['--batch', 'v', '--shard', '-1/4'], '--shard'],
		[['v', '--shard', '0/2'], '--shard is for --batch; add --batch, or drop --shard'],
		[['v', '--files-from', 'list'], '--files-from is for --batch'],
		[['--batch', '--files-from', ''], '--files-from needs a path'],
		[['v', '--format', 'jsonl'], '--format jsonl is for --batch (one report a line); for one comparison use --format json'],
		[['--batch', 'v', '--resume'], '--resume reads the lines already written: use it with --format jsonl -o FILE'],
		[['--batch', 'v', '--format', 'jsonl', '--resume'], 'use it with --format jsonl -o FILE'],
		[['--batch', 'v', '--format', 'jsonl', '-o', '-', '--resume'], 'use it with --format jsonl -o FILE'],
		[['--batch', 'v', '--format', 'json', '-o', 'x.json', '--resume'], 'use it with --format jsonl -o FILE'],
		[['v', '--resume'], '--resume is for --batch'],
		[['--batch'], '--batch needs a folder or files; run tocdiff --batch DIR, or tocdiff --batch --files-from LIST'],
	])('refuses %j in one line', (argv, message) => {
		const parse = (): unknown => parseCliArgs(argv);
		expect(parse).toThrow(UsageError);
		expect(parse).toThrow(message);
		try {
			parse();
		} catch (error) {
			expect((error as Error).message).not.toContain('\n');
		}
	});

	it("keeps a shard's message for the value given", () => {
		expect(parseShard('2/2')).toEqual({message: expect.stringContaining('not "2/2"') as unknown});
		expect(parseShard('02/3')).toEqual({index: 2, count: 3});
	});

	it('splits a list into disjoint shards that together hold every input once, whatever the order given', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.string({minLength: 1}), {maxLength: 40}), fc.integer({min: 1, max: 9}), (files, count) => {
				const shards = Array.from({length: count}, (_, index) => takeShard(files, {index, count}));
				const union = shards.flat();
				expect(new Set(union).size).toBe(union.length);
				expect([...union].sort()).toEqual([...files].sort());
				// Stable: the same shard whatever order the inputs came in.
				expect(takeShard([...files].reverse(), {index: 0, count})).toEqual(shards[0]);
			}),
		);
	});

	it('sorts by name before taking every N-th', () => {
		expect(takeShard(['c', 'a', 'd', 'b', 'e'], {index: 1, count: 2})).toEqual(['b', 'd']);
	});

	it('reads one path a line, blank lines and carriage returns ignored', () => {
		expect(listedPaths('a.txt\r\n\n  \nshelf/b c.txt\n')).toEqual(['a.txt', 'shelf/b c.txt']);
	});

	it('says in one line that a list cannot be read', async () => {
		const missing = path.join(directory, 'no-such-list');
		await expect(readInputList(missing)).rejects.toThrow(InputError);
		await expect(readInputList(missing)).rejects.toThrow(`cannot read the list of inputs ${missing}: `);
	});
});

describe('a JSON Lines output resumed (#17)', () => {
	const line = (source: string, differing = 1): string => `${JSON.stringify({source, schema: 'tocdiff-report/1', summary: {differing}})}\n`;

	it('finds the inputs already done, cuts a torn last line off, and adds after the rest', () => {
		const file = path.join(directory, 'torn.jsonl');
		const kept = line('a.txt') + JSON.stringify({source: 'b.txt', error: 'no contents'}) + '\n' + 'not json\n' + line('c.txt', 0);
		writeFileSync(file, `${kept}{"source":"d.txt","sche`);
		const {sink, state} = openJsonl(file, true);
		expect(state.torn).toBe(true);
		expect(state.keep).toBe(Buffer.byteLength(kept));
		expect([...state.done]).toEqual([
			['a.txt', {kind: 'done', differing: true}],
			['b.txt', {kind: 'failed'}],
			['c.txt', {kind: 'done', differing: false}],
		]);
		sink.write(line('d.txt'));
		sink.close();
		// Every complete line stays, the line that was not ours included.
		expect(readFileSync(file, 'utf8')).toBe(kept + line('d.txt'));
	});

	it('starts a file that does not exist yet, and reads lines longer than its chunk', () => {
		const file = path.join(directory, 'new.jsonl');
		const first = openJsonl(file, true);
		expect(first.state).toEqual({done: new Map(), keep: 0, torn: false});
		const long = `${JSON.stringify({source: 'long.txt', padding: 'é'.repeat(1_500_000), summary: {differing: 0}})}\n`;
		first.sink.write(long);
		first.sink.close();
		const second = openJsonl(file, true);
		second.sink.close();
		expect([...second.state.done.keys()]).toEqual(['long.txt']);
		expect(second.state).toMatchObject({keep: Buffer.byteLength(long), torn: false});
	});

	it('starts afresh without --resume', () => {
		const file = path.join(directory, 'fresh.jsonl');
		writeFileSync(file, line('old.txt'));
		const {sink, state} = openJsonl(file, false);
		sink.write(line('new.txt'));
		sink.close();
		expect(state.done.size).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(line('new.txt'));
	});

	it('says in one line that an output cannot be resumed', () => {
		expect(() => openJsonl(path.join(directory, 'no-folder', 'x.jsonl'), true)).toThrow(/^cannot resume .*x\.jsonl: .*; choose another --output path$/);
	});
});
