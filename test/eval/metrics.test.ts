import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {DifferenceKind, RowStatus} from '../../src/core/types.js';
import {
	bandOf,
	compareKinds,
	prf,
	scoreComparison,
	scoreSingle,
	scoreSuggestions,
	suggestionOutcome,
	sumSuggestions,
	type ScoredRow,
} from '../../src/eval/metrics.js';
import type {NoisyPair, TruthItem} from '../../src/eval/noise.js';

const items = (lines: ReadonlyArray<readonly [number, number]>): TruthItem[] => lines.map((span, index) => ({index, lines: span, text: `line ${span[0]}`}));

// A: items on lines 1, 2, 3-4, 5; B: items on lines 1, 2, 3, 4.
// Truth: A0=B0 (same), A1=B1 (page), A2=B2 (wrapped in A), A3 missing from B, B3 extra.
const truth: NoisyPair = {
	name: 'toy',
	seed: 1,
	mode: 'two-files',
	sources: [],
	a: {
		source: 'a.txt',
		lines: [1, 5],
		items: items([
			[1, 1],
			[2, 2],
			[3, 4],
			[5, 5],
		]),
	},
	b: {
		source: 'b.txt',
		lines: [1, 4],
		items: items([
			[1, 1],
			[2, 2],
			[3, 3],
			[4, 4],
		]),
	},
	pairs: [
		{a: 0, b: 0, differences: [], optional: []},
		{a: 1, b: 1, differences: [{kind: 'page', a: '12', b: '13'}], optional: []},
		{a: 2, b: 2, differences: [], optional: ['whitespace']},
	],
	singles: [
		{side: 'a', item: 3, kind: 'missing', dropped: true},
		{side: 'b', item: 3, kind: 'extra', dropped: true},
	],
};

const at = (first: number, last = first) => ({lines: [first, last] as const, text: `line ${first}`});
const row = (
	status: RowStatus,
	a: readonly [number, number] | undefined,
	b: readonly [number, number] | undefined,
	kinds: DifferenceKind[] = [],
): ScoredRow => ({
	status,
	a: a ? at(a[0], a[1]) : null,
	b: b ? at(b[0], b[1]) : null,
	differences: kinds.map((kind) => ({kind, a: 'x', b: 'y'})),
});

const perfect: ScoredRow[] = [
	row('same', [1, 1], [1, 1]),
	row('changed', [2, 2], [2, 2], ['page']),
	row('changed', [3, 4], [3, 3], ['whitespace']),
	row('only-a', [5, 5], undefined, ['missing']),
	row('only-b', undefined, [4, 4], ['extra']),
];

describe('prf', () => {
	it.each([
		[{tp: 0, fp: 0, fn: 0}, 1, 1, 1],
		[{tp: 9, fp: 1, fn: 0}, 0.9, 1, 18 / 19],
		[{tp: 0, fp: 3, fn: 2}, 0, 0, 0],
	])('scores %j', (counts, precision, recall, f1) => {
		const result = prf(counts);
		expect(result.precision).toBeCloseTo(precision);
		expect(result.recall).toBeCloseTo(recall);
		expect(result.f1).toBeCloseTo(f1);
	});

	it('keeps precision, recall and F1 in [0, 1]', () => {
		fc.assert(
			fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (tp, fp, fn) => Object.values(prf({tp, fp, fn})).every((value) => value >= 0 && value <= 1)),
		);
	});
});

describe('compareKinds', () => {
	it('matches kinds as multisets', () => {
		expect(compareKinds(['ocr', 'ocr', 'page'], ['ocr', 'number'])).toEqual({
			ocr: {tp: 1, fp: 0, fn: 1},
			page: {tp: 0, fp: 0, fn: 1},
			number: {tp: 0, fp: 1, fn: 0},
		});
	});

	it('does not count an optional kind against the engine', () => {
		expect(compareKinds([], ['whitespace'], ['whitespace'])).toEqual({});
		expect(compareKinds([], ['whitespace'])).toEqual({whitespace: {tp: 0, fp: 1, fn: 0}});
	});
});

describe('scoreComparison', () => {
	it('gives a perfect answer full marks', () => {
		const score = scoreComparison(truth, perfect);
		expect(score.alignment).toEqual({tp: 3, fp: 0, fn: 0});
		expect(score.differences).toEqual({tp: 3, fp: 0, fn: 0});
		expect(score.mismatches).toEqual([]);
	});

	it('counts a wrong pairing once as false positive and its true pairs as false negatives', () => {
		const rows = [
			row('same', [1, 1], [1, 1]),
			row('changed', [2, 2], [3, 3], ['words']),
			row('changed', [3, 4], [2, 2], ['words']),
			row('only-a', [5, 5], undefined, ['missing']),
			row('only-b', undefined, [4, 4], ['extra']),
		];
		const score = scoreComparison(truth, rows);
		expect(score.alignment).toEqual({tp: 1, fp: 2, fn: 2});
		expect(score.mismatches.filter((m) => m.type === 'pair-wrong')).toHaveLength(2);
		expect(score.mismatches.filter((m) => m.type === 'pair-missed')).toHaveLength(2);
	});

	it('scores the kinds of a truly aligned row and of unpaired rows', () => {
		const rows = [...perfect];
		rows[1] = row('changed', [2, 2], [2, 2], ['number']);
		rows[3] = row('only-a', [5, 5], undefined, ['truncation']);
		const score = scoreComparison(truth, rows);
		expect(score.byKind.page).toEqual({tp: 0, fp: 0, fn: 1});
		expect(score.byKind.number).toEqual({tp: 0, fp: 1, fn: 0});
		expect(score.byKind.missing).toEqual({tp: 0, fp: 0, fn: 1});
		expect(score.byKind.truncation).toEqual({tp: 0, fp: 1, fn: 0});
		expect(score.differences).toEqual({tp: 1, fp: 2, fn: 2});
	});

	it('counts an unpaired item that the engine does not show as not found', () => {
		const score = scoreComparison(truth, perfect.slice(0, 3));
		expect(score.byKind.missing).toEqual({tp: 0, fp: 0, fn: 1});
		expect(score.byKind.extra).toEqual({tp: 0, fp: 0, fn: 1});
	});

	it('credits both pairs of a row that joins two items on both sides', () => {
		const joined: NoisyPair = {
			...truth,
			a: {
				source: 'a.txt',
				lines: [1, 2],
				items: items([
					[1, 1],
					[2, 2],
				]),
			},
			b: {
				source: 'b.txt',
				lines: [1, 2],
				items: items([
					[1, 1],
					[2, 2],
				]),
			},
			pairs: [
				{a: 0, b: 0, differences: [], optional: []},
				{a: 1, b: 1, differences: [{kind: 'ocr', a: 'rn', b: 'm'}], optional: []},
			],
			singles: [],
		};
		const score = scoreComparison(joined, [row('changed', [1, 2], [1, 2], ['ocr'])]);
		expect(score.alignment).toEqual({tp: 2, fp: 0, fn: 0});
		expect(score.differences).toEqual({tp: 1, fp: 0, fn: 0});
	});

	it('checks the split against the true boundary', () => {
		const oneFile: NoisyPair = {...truth, mode: 'one-file', boundary: 9};
		expect(scoreComparison(oneFile, perfect, {boundaries: [9]}).split).toBe(true);
		expect(scoreComparison(oneFile, perfect, {boundaries: [8]}).split).toBe(false);
		expect(scoreComparison(oneFile, perfect).split).toBe(false);
		expect(scoreComparison(truth, perfect).split).toBeUndefined();
	});
});

describe('scoreSuggestions (#7)', () => {
	const suggestion = (reading: 'a' | 'b' | null, confidence = 0.9) => ({reading, confidence});
	it.each([
		[
			'the clean original (A) suggested',
			{kind: 'ocr', a: 'Modern', b: 'Modem', noisy: 'b'},
			[{kind: 'ocr', a: 'Modern', b: 'Modem', suggestion: suggestion('a')}],
			{right: 1, wrong: 0, even: 0, none: 0, sure: 1, sureRight: 1, bands: [0, 0, 0, 0, 1], bandsRight: [0, 0, 0, 0, 1]},
		],
		[
			'the noisy reading suggested',
			{kind: 'ocr', a: 'Modem', b: 'Modern', noisy: 'a'},
			[{kind: 'ocr', a: 'Modem', b: 'Modern', suggestion: suggestion('a', 0.75)}],
			{right: 0, wrong: 1, even: 0, none: 0, sure: 0, sureRight: 0, bands: [0, 0, 1, 0, 0], bandsRight: [0, 0, 0, 0, 0]},
		],
		[
			'even evidence',
			{kind: 'number', a: '1', b: '4', noisy: 'b'},
			[{kind: 'number', a: 'JULY 1', b: 'JULY 4', suggestion: suggestion(null, 0.5)}],
			{right: 0, wrong: 0, even: 1, none: 0, sure: 0, sureRight: 0, bands: [0, 0, 0, 0, 0], bandsRight: [0, 0, 0, 0, 0]},
		],
		[
			'no suggestion',
			{kind: 'punctuation', a: 'In.', b: 'In', noisy: 'b'},
			[{kind: 'punctuation', a: 'In.', b: 'In'}],
			{right: 0, wrong: 0, even: 0, none: 1, sure: 0, sureRight: 0, bands: [0, 0, 0, 0, 0], bandsRight: [0, 0, 0, 0, 0]},
		],
	] as const)('counts %s', (_name, injected, found, expected) => {
		expect(scoreSuggestions([injected], found)).toEqual({[injected.kind]: expected});
	});

	it('checks where each further printing starts, and says which ran into the one before (#16)', () => {
		const three: NoisyPair = {...truth, mode: 'one-file', boundary: 9, later: [20]};
		expect(scoreComparison(three, perfect, {boundaries: [9, 20]}).split).toBe(true);
		const merged = scoreComparison(three, perfect, {boundaries: [9, 21]});
		expect(merged.split).toBe(false);
		expect(merged.mismatches.filter((mismatch) => mismatch.type === 'split')).toEqual([
			{type: 'split', expected: 'C starts at line 20', got: 'C starts at line 21'},
		]);
		expect(scoreComparison(three, perfect, {boundaries: [9]}).mismatches.at(-1)).toMatchObject({got: 'no C'});
	});

	it('skips differences whose clean side is unknown (moves) and those not found', () => {
		expect(
			scoreSuggestions(
				[
					{kind: 'moved', a: 'x', b: 'y'},
					{kind: 'ocr', a: 'x', b: 'y', noisy: 'b'},
				],
				[{kind: 'page', a: '1', b: '2'}],
			),
		).toEqual({});
	});

	it('matches each injected difference to the found one that holds its readings', () => {
		const found = [
			{kind: 'ocr', a: 'Modern', b: 'Modem', suggestion: suggestion('a')},
			{kind: 'ocr', a: 'Labour', b: 'Lab0ur', suggestion: suggestion('b')},
		] as const;
		expect(scoreSuggestions([{kind: 'ocr', a: 'Labour', b: 'Lab0ur', noisy: 'a'}], found)).toEqual({
			ocr: {right: 1, wrong: 0, even: 0, none: 0, sure: 1, sureRight: 1, bands: [0, 0, 0, 0, 1], bandsRight: [0, 0, 0, 0, 1]},
		});
	});
});

describe('scoreSingle', () => {
	it('counts the printing that has a dropped entry as the clean one', () => {
		const found = (reading: 'a' | 'b' | null) => [{kind: 'missing', a: 'Origins', b: '', suggestion: {reading, confidence: 0.9}}] as const;
		expect(scoreSingle('missing', 'a', found('a'))).toEqual({
			missing: {right: 1, wrong: 0, even: 0, none: 0, sure: 1, sureRight: 1, bands: [0, 0, 0, 0, 1], bandsRight: [0, 0, 0, 0, 1]},
		});
		expect(scoreSingle('missing', 'a', found('b'))).toEqual({
			missing: {right: 0, wrong: 1, even: 0, none: 0, sure: 1, sureRight: 0, bands: [0, 0, 0, 0, 1], bandsRight: [0, 0, 0, 0, 0]},
		});
		expect(scoreSingle('missing', 'a', [{kind: 'missing', a: 'Origins', b: ''}])).toEqual({
			missing: {right: 0, wrong: 0, even: 0, none: 1, sure: 0, sureRight: 0, bands: [0, 0, 0, 0, 0], bandsRight: [0, 0, 0, 0, 0]},
		});
		expect(scoreSingle('extra', 'b', found('a'))).toEqual({});
	});
});

describe('confidence bands', () => {
	it('puts a confidence in the band of its lower bound, 1.0 in the last', () => {
		expect([0.5, 0.59, 0.6, 0.62, 0.75, 0.8, 0.899, 0.9, 0.99, 1].map((confidence) => bandOf(confidence))).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 4, 4]);
	});

	it('counts a named reading in its band, right or not, and an even one in none', () => {
		expect(suggestionOutcome({reading: 'b', confidence: 0.75}, false)).toMatchObject({wrong: 1, bands: [0, 0, 1, 0, 0], bandsRight: [0, 0, 0, 0, 0]});
		expect(suggestionOutcome({reading: 'a', confidence: 0.85}, true)).toMatchObject({right: 1, bands: [0, 0, 0, 1, 0], bandsRight: [0, 0, 0, 1, 0]});
		expect(suggestionOutcome({reading: null, confidence: 0.5}, true)).toMatchObject({even: 1, right: 0, bands: [0, 0, 0, 0, 0]});
	});

	it('sums counts band by band', () => {
		const x = suggestionOutcome({reading: 'a', confidence: 0.95}, true);
		const y = suggestionOutcome({reading: 'b', confidence: 0.97}, false);
		expect(sumSuggestions(x, y)).toMatchObject({right: 1, wrong: 1, sure: 2, sureRight: 1, bands: [0, 0, 0, 0, 2], bandsRight: [0, 0, 0, 0, 1]});
	});
});
