import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {alignItems} from '../../src/core/align.js';
import {compare} from '../../src/core/compare.js';
import {parseItems} from '../../src/core/parse.js';
import {regroup} from '../../src/core/regroup.js';
import type {AlignOp} from '../../src/core/types.js';

const two = (a: string, b: string) =>
	compare([
		{name: 'a.txt', text: a},
		{name: 'b.txt', text: b},
	]);
const rowLines = (a: string, b: string) =>
	two(a, b).rows.map((row) => `${row.a ? row.a.lines.join('-') : '·'} ${row.status} ${row.b ? row.b.lines.join('-') : '·'}`);

describe('regrouping below the entry (#12, #18)', () => {
	it('pairs a paragraph of summary that the two printings broke into lines at other places', () => {
		const a = [
			'Preface\t1',
			'The Music of Nature. Its Place in Art. Sounds',
			'Of the Woods. Voices of Birds. Early Attempts',
			'Of Man to Imitate Them. Folk Song\t15',
			'The Instruments\t40',
		].join('\n');
		const b = [
			'Preface\t1',
			'The Music of Nature. Its Place in Art. Sounds Of the',
			'Woods. Voices of Birds.',
			'',
			'Early Attempts Of Man to Imitate Them.',
			'Folk Song\t15',
			'The Instruments\t40',
		].join('\n');
		expect(rowLines(a, b)).toEqual(['1-1 same 1-1', '2-4 same 2-6', '5-5 same 7-7']);
	});

	it('pairs a title wrapped over three lines with the same title over two, and leaves the next entry its own row', () => {
		const a = 'PREFACE\t1\nTHE HISTORY OF THE\nCOMMITTEE OF PUBLIC\nSAFETY AND ITS WORK\t9\nTHE END\t20';
		const b = 'PREFACE\t1\nTHE HISTORY OF THE COMMITTEE OF\nPUBLIC SAFETY AND ITS WORK\t9\nTHE END\t20';
		expect(rowLines(a, b)).toEqual(['1-1 same 1-1', '2-4 same 2-3', '5-5 same 4-4']);
	});

	it('pairs the lone line left of a wrapped entry that lost half of itself in one printing', () => {
		const a = 'Preface\t1\n4. Report on the Work of the Council of People’s\nCommissars to the Eighth Congress\t12\nIndex\t40';
		const b = 'Preface\t1\nCommissars to the Eighth Congress\t12\nIndex\t40';
		const rows = two(a, b).rows;
		expect(rows.map((row) => `${row.a?.lines.join('-')} ${row.status} ${row.b?.lines.join('-')}`)).toEqual(['1-1 same 1-1', '2-3 changed 2-2', '4-4 same 3-3']);
		expect(rows[1]!.differences.map((d) => d.kind)).toContain('words');
	});

	it('leaves unrelated entries on both sides unpaired', () => {
		const a = 'Preface\t1\nThe Battle of the Somme\t5\nIndex\t40';
		const b = 'Preface\t1\nA Letter to Gorky\t5\nIndex\t40';
		expect(two(a, b).rows.map((row) => row.status)).toEqual(['same', 'only-b', 'only-a', 'same']);
	});

	it('keeps every item in exactly one op, in both orders, whatever the stretch (property)', () => {
		const word = fc.constantFrom('the', 'war', 'peace', 'letter', 'speech', 'report', 'congress', 'of', 'to', 'workers', 'party', 'trade', 'unions');
		const line = fc
			.tuple(fc.array(word, {minLength: 1, maxLength: 6}), fc.option(fc.integer({min: 1, max: 400}), {nil: undefined}))
			.map(([words, page]) => `${words.join(' ')}${page === undefined ? '' : `\t${page}`}`);
		fc.assert(
			fc.property(fc.array(line, {minLength: 1, maxLength: 14}), fc.array(line, {minLength: 1, maxLength: 14}), (la, lb) => {
				const a = parseItems(la, 1, la.length, {frontMatter: false});
				const b = parseItems(lb, 1, lb.length, {frontMatter: false});
				const ops = alignItems(a, b);
				const seen = {a: [] as number[], b: [] as number[]};
				for (const op of ops) {
					if (op.kind === 'only-a') seen.a.push(op.a);
					else if (op.kind === 'only-b') seen.b.push(op.b);
					else {
						seen.a.push(...op.a);
						seen.b.push(...op.b);
					}
				}

				const inOrder = (xs: number[]) => xs.every((x, k) => k === 0 || x > xs[k - 1]!);
				const pairs = ops.filter((op): op is Extract<AlignOp, {kind: 'pair'}> => op.kind === 'pair');
				expect([...seen.a].sort((x, y) => x - y)).toEqual(a.map((_, k) => k));
				expect([...seen.b].sort((x, y) => x - y)).toEqual(b.map((_, k) => k));
				expect(inOrder(pairs.flatMap((op) => op.a))).toBe(true);
				expect(inOrder(pairs.flatMap((op) => op.b))).toBe(true);
			}),
			{numRuns: 300},
		);
	});

	it('changes nothing where every item pairs', () => {
		const ops: AlignOp[] = [{kind: 'pair', a: [0], b: [0]}];
		const items = parseItems(['Preface\t1'], 1, 1);
		expect(regroup(ops, items, items)).toEqual(ops);
	});
});
