import {describe, expect, it} from 'vitest';
import {scoreComparison, scoreLines, type ScoredRow} from '../../src/eval/metrics.js';
import type {NoisyPair} from '../../src/eval/noise.js';

// A: entry on line 1; an entry wrapped over lines 2-3; furniture on line 4 (`8 CONTENTS`); an entry on line 5.
// B: entry on line 1; the second entry on one line (2); the third on lines 3 and 5 with a blank line 4 inside; furniture on line 6.
// Truth pairs A0=B0, A1=B1, A2=B2: line pairs (1,1), (2,2), (3,2), (5,3), (5,5).
const truth: NoisyPair = {
	name: 'toy',
	seed: 1,
	mode: 'two-files',
	sources: [],
	a: {
		source: 'a.txt',
		lines: [1, 5],
		items: [
			{index: 0, lines: [1, 1], text: 'Preface 1'},
			{index: 1, lines: [2, 3], text: 'The Early\n  Years 3'},
			{index: 2, lines: [5, 5], text: 'Index 9'},
		],
	},
	b: {
		source: 'b.txt',
		lines: [1, 5],
		items: [
			{index: 0, lines: [1, 1], text: 'Preface 1'},
			{index: 1, lines: [2, 2], text: 'The Early Years 3'},
			{index: 2, lines: [3, 5], ownLines: [3, 5], text: 'In\ndex 9'},
		],
	},
	pairs: [
		{a: 0, b: 0, differences: [], optional: []},
		{a: 1, b: 1, differences: [], optional: ['whitespace']},
		{a: 2, b: 2, differences: [], optional: ['whitespace']},
	],
	singles: [],
	furniture: {a: [4], b: [6]},
};

type Span = readonly [number, number];
const item = (lines: Span, furniture = false) => ({lines, text: `lines ${lines.join('-')}`, ...(furniture ? {furniture: true} : {})});
const pair = (a: Span, b: Span, furniture: readonly [boolean, boolean] = [false, false]): ScoredRow => ({
	status: 'same',
	a: item(a, furniture[0]),
	b: item(b, furniture[1]),
	differences: [],
});
const onlyA = (a: Span, furniture = false): ScoredRow => ({status: 'only-a', a: item(a, furniture), b: null, differences: [{kind: 'missing', a: 'x', b: ''}]});
const onlyB = (b: Span, furniture = false): ScoredRow => ({status: 'only-b', a: null, b: item(b, furniture), differences: [{kind: 'extra', a: '', b: 'x'}]});

describe('scoreLines', () => {
	it.each<[string, ScoredRow[], {tp: number; fp: number; fn: number}]>([
		['every entry in its row', [pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([5, 5], [3, 5])], {tp: 5, fp: 0, fn: 0}],
		['a wrapped entry cut in two rows', [pair([1, 1], [1, 1]), pair([2, 2], [2, 2]), onlyA([3, 3]), pair([5, 5], [3, 5])], {tp: 4, fp: 0, fn: 1}],
		['an entry cut in two, both halves paired', [pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([5, 5], [3, 3]), onlyB([5, 5])], {tp: 4, fp: 0, fn: 1}],
		['a running head taken into an entry', [pair([1, 1], [1, 1]), pair([2, 4], [2, 2]), pair([5, 5], [3, 5])], {tp: 5, fp: 1, fn: 0}],
		['two entries joined in one row', [pair([1, 3], [1, 2]), pair([5, 5], [3, 5])], {tp: 5, fp: 3, fn: 0}],
		[
			'running heads paired, marked as furniture',
			[pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([4, 4], [6, 6], [true, true]), pair([5, 5], [3, 5])],
			{tp: 5, fp: 0, fn: 0},
		],
		['running heads paired, not marked', [pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([4, 4], [6, 6]), pair([5, 5], [3, 5])], {tp: 5, fp: 1, fn: 0}],
		[
			'a marked running head paired with an entry',
			[pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([4, 4], [3, 5], [true, false]), onlyA([5, 5])],
			{tp: 3, fp: 0, fn: 2},
		],
		['nothing paired', [onlyA([1, 5]), onlyB([1, 6])], {tp: 0, fp: 0, fn: 5}],
		['entries paired with the wrong partners', [pair([1, 1], [2, 2]), pair([2, 3], [1, 1]), pair([5, 5], [3, 5])], {tp: 2, fp: 3, fn: 3}],
	])('counts %s', (_, rows, expected) => {
		expect(scoreLines(truth, rows)).toEqual(expected);
	});

	it('names the entries whose pair is found but whose lines are split over rows', () => {
		const split = scoreComparison(truth, [pair([1, 1], [1, 1]), pair([2, 2], [2, 2]), onlyA([3, 3]), pair([5, 5], [3, 5])]);
		expect(split.alignment).toEqual({tp: 3, fp: 0, fn: 0});
		expect(split.mismatches.filter((mismatch) => mismatch.type === 'lines').map((mismatch) => mismatch.got)).toEqual([
			expect.stringContaining('line pairs 3-2 in no row'),
		]);
		expect(
			scoreComparison(truth, [pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([5, 5], [3, 5])]).mismatches.filter((mismatch) => mismatch.type === 'lines'),
		).toEqual([]);
	});

	it("is part of the comparison's score", () => {
		expect(scoreComparison(truth, [pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([5, 5], [3, 5])]).lines).toEqual({tp: 5, fp: 0, fn: 0});
	});
});

describe('furniture rows', () => {
	const perfect = [pair([1, 1], [1, 1]), pair([2, 3], [2, 2]), pair([5, 5], [3, 5])];

	it.each<[string, ScoredRow[], number, number]>([
		['none', perfect, 0, 0],
		['kept as rows marked as furniture', [...perfect, onlyA([4, 4], true), onlyB([6, 6], true)], 0, 0],
		['one unmarked, alone', [...perfect, onlyA([4, 4]), onlyB([6, 6], true)], 1, 1],
		['paired, unmarked', [...perfect, pair([4, 4], [6, 6])], 1, 0],
	])('counts %s', (_, rows, furnitureRows, falseKinds) => {
		const score = scoreComparison(truth, rows);
		expect(score.furnitureRows).toBe(furnitureRows);
		expect(score.differences.fp).toBe(falseKinds);
		expect(score.mismatches.filter((mismatch) => mismatch.type === 'furniture')).toHaveLength(furnitureRows);
	});

	it('is not counted when the truth has no furniture', () => {
		const {furniture, ...plain} = truth;
		expect(furniture).toBeDefined();
		expect(scoreComparison(plain, perfect).furnitureRows).toBeUndefined();
	});
});
