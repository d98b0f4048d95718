import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadFixtures} from '../../src/eval/fixtures.js';
import {defaultNoiseRates, makeNoisyPair, sourceItems, type Mode, type NoisyPair} from '../../src/eval/noise.js';
import {createRng} from '../../src/eval/rng.js';
import {makeLargePair, synthesizeContents} from '../../src/eval/synth.js';

const fixtures = loadFixtures();
const modes: Mode[] = ['two-files', 'one-file'];

/** The lines of a file, 1-based. */
function lineOf(pair: NoisyPair, side: 'a' | 'b'): (line: number) => string {
	const source = pair.mode === 'one-file' ? pair.sources[0]! : pair.sources[side === 'a' ? 0 : 1]!;
	const lines = source.text.split('\n');
	return (line) => lines[line - 1]!;
}

/** Check that the truth agrees with the files it describes. */
function expectConsistent(pair: NoisyPair): void {
	for (const side of ['a', 'b'] as const) {
		const read = lineOf(pair, side);
		const printing = pair[side];
		for (const item of printing.items) {
			const text: string[] = [];
			for (let line = item.lines[0]; line <= item.lines[1]; line++) text.push(read(line));
			expect(text.join('\n')).toBe(item.text);
			expect(item.text.split('\n').every((line) => line.trim() !== '')).toBe(true);
		}

		// Every item is either in one pair or unpaired, never both.
		const paired = pair.pairs.map((p) => p[side]);
		const single = pair.singles.filter((s) => s.side === side).map((s) => s.item);
		expect(new Set(paired).size).toBe(paired.length);
		expect([...paired, ...single].sort((x, y) => x - y)).toEqual(printing.items.map((item) => item.index));
	}

	// Each injected difference is visible in the files.
	for (const p of pair.pairs) {
		const a = pair.a.items[p.a]!.text;
		const b = pair.b.items[p.b]!.text;
		for (const difference of p.differences) {
			if (difference.kind === 'moved') continue;
			if (difference.a !== '') expect(a).toContain(difference.a);
			if (difference.b !== '') expect(b).toContain(difference.b);
		}

		if (p.differences.length === 0 && p.optional.length === 0) expect(b).toBe(a);
	}

	if (pair.boundary !== undefined) {
		expect(pair.b.lines[0]).toBe(pair.boundary);
		expect(pair.a.lines[1]).toBeLessThan(pair.boundary);
	}
}

describe('createRng', () => {
	it('repeats its sequence for a seed', () => {
		const x = createRng(42);
		const y = createRng(42);
		expect(Array.from({length: 5}, () => x.next())).toEqual(Array.from({length: 5}, () => y.next()));
	});

	it('stays in range', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({min: -50, max: 50}), fc.nat(100), (seed, min, span) => {
				const value = createRng(seed).int(min, min + span);
				return value >= min && value <= min + span && Number.isInteger(value);
			}),
		);
	});
});

describe('sourceItems', () => {
	it('keeps a wrapped title with its continuation line as one item', () => {
		const text = 'CONTENTS.\n\n  III. MONUMENTS AND THE SUPERSTITIONS\n       WITH THEM.      109\n\n   IV. FAIRIES.    137\n';
		expect(sourceItems(text)).toEqual([
			{lines: ['CONTENTS.'], blankBefore: 0},
			{lines: ['  III. MONUMENTS AND THE SUPERSTITIONS', '       WITH THEM.      109'], blankBefore: 1},
			{lines: ['   IV. FAIRIES.    137'], blankBefore: 1},
		]);
	});

	it('does not join a labelled line to the line before it', () => {
		expect(sourceItems('(_a_) Bugle calls.\n(_b_) Bugle signals.')).toHaveLength(2);
	});
});

describe('makeNoisyPair', () => {
	it.each(fixtures.flatMap((fixture) => modes.map((mode) => [fixture.name, mode] as const)))('is deterministic for a seed (%s, %s)', (name, mode) => {
		const fixture = fixtures.find((f) => f.name === name)!;
		expect(makeNoisyPair(fixture, 3, {mode})).toEqual(makeNoisyPair(fixture, 3, {mode}));
		expect(makeNoisyPair(fixture, 3, {mode})).not.toEqual(makeNoisyPair(fixture, 4, {mode}));
	});

	it.each(fixtures.map((fixture) => fixture.name))('records truth consistent with its output (%s)', (name) => {
		const fixture = fixtures.find((f) => f.name === name)!;
		for (const mode of modes) {
			for (let seed = 1; seed <= 25; seed++) expectConsistent(makeNoisyPair(fixture, seed, {mode}));
		}
	});

	it('keeps the source when every rate is zero', () => {
		const fixture = fixtures[0]!;
		const rates = Object.fromEntries(Object.keys(defaultNoiseRates).map((key) => [key, 0]));
		const pair = makeNoisyPair(fixture, 1, {rates});
		expect(pair.sources[0]!.text).toBe(fixture.text);
		expect(pair.sources[1]!.text).toBe(fixture.text);
		expect(pair.singles).toEqual([]);
		expect(pair.pairs.every((p) => p.differences.length === 0)).toBe(true);
	});

	it('injects every kind of noise somewhere across seeds', () => {
		const kinds = new Set<string>();
		for (const fixture of fixtures) {
			for (let seed = 1; seed <= 10; seed++) {
				const pair = makeNoisyPair(fixture, seed, {mode: 'one-file'});
				for (const p of pair.pairs) for (const d of p.differences) kinds.add(d.kind);
				for (const p of pair.pairs) for (const kind of p.optional) kinds.add(kind);
				for (const s of pair.singles) kinds.add(s.kind);
			}
		}

		expect([...kinds].sort()).toEqual([
			'case',
			'extra',
			'leaders',
			'missing',
			'moved',
			'number',
			'ocr',
			'page',
			'punctuation',
			'spelling',
			'truncation',
			'whitespace',
			'words',
		]);
	});

	it('keeps the share of differing entries realistic (5–25 % on average)', () => {
		let items = 0;
		let noisy = 0;
		for (const fixture of fixtures) {
			for (let seed = 1; seed <= 10; seed++) {
				const pair = makeNoisyPair(fixture, seed);
				items += pair.a.items.length;
				noisy += pair.pairs.filter((p) => p.differences.length > 0).length + pair.singles.filter((s) => s.side === 'a').length;
			}
		}

		expect(noisy / items).toBeGreaterThan(0.05);
		expect(noisy / items).toBeLessThan(0.25);
	});
});

describe('synthesizeContents', () => {
	it('makes n entries with increasing pages', () => {
		const page = synthesizeContents(500, 9);
		const lines = page.text.split('\n').filter((line) => /\d+$/u.test(line));
		expect(lines).toHaveLength(500);
		const pages = lines.map((line) => Number(/(\d+)$/u.exec(line)![1]));
		expect(pages.every((value, i) => i === 0 || value >= pages[i - 1]!)).toBe(true);
	});

	it('gives a large pair with consistent truth', () => {
		expectConsistent(makeLargePair(2000, 5, {mode: 'one-file'}));
	});
});
