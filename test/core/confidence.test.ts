import {describe, expect, it} from 'vitest';
import {compare, type Source} from '../../src/core/compare.js';
import {runConfidence} from '../../src/core/suggest.js';
import type {LinePlace} from '../../src/core/types.js';

/** A source read from an OCR file: each line's words with the recogniser's confidences. */
function scanned(name: string, lines: readonly (readonly [string, number][])[]): Source {
	const layout: LinePlace[] = lines.map((words, k) => ({
		page: 1,
		id: `line_${k}`,
		words: words.map(([text, confidence], j) => ({id: `w${k}_${j}`, text, confidence})),
	}));
	return {name, text: `${lines.map((words) => words.map(([text]) => text).join(' ')).join('\n')}\n`, layout};
}

const sure = 0.96;
const lines = (title: string, confidence: number) =>
	[
		[['CONTENTS', sure]],
		[
			['Preface', sure],
			['5', sure],
		],
		[
			['TELEGRAM', sure],
			['TO', sure],
			['THE', sure],
			[title, confidence],
			['12', sure],
		],
		[
			['Index', sure],
			['99', sure],
		],
	] as const satisfies readonly (readonly [string, number][])[];

describe('the recogniser’s word confidences as evidence (#15)', () => {
	it('suggests the reading the recogniser was sure of over one it doubted', () => {
		const comparison = compare([scanned('a.xml', lines('PRESIDUM', 0.41)), scanned('b.xml', lines('PRESIDIUM', 0.93))]);
		const difference = comparison.rows.flatMap((row) => row.differences).find((d) => d.a === 'PRESIDUM')!;
		expect(difference.suggestion).toEqual({reading: 'b', confidence: 0.75, why: 'the recogniser doubted “PRESIDUM” (41 %) and was sure of “PRESIDIUM” (93 %)'});
	});

	it('against plain text, weighs a doubted reading alone', () => {
		const plain = {name: 'b.txt', text: 'CONTENTS\nPreface 5\nTELEGRAM TO THE PRESIDIUM 12\nIndex 99\n'};
		const comparison = compare([scanned('a.xml', lines('PRESIDUM', 0.41)), plain]);
		expect(comparison.rows.flatMap((row) => row.differences).find((d) => d.a === 'PRESIDUM')!.suggestion).toMatchObject({
			reading: 'b',
			why: 'the recogniser doubted “PRESIDUM” (41 %)',
		});
	});

	it('says nothing when both readings were doubted or both were sure', () => {
		for (const [a, b] of [
			[0.4, 0.5],
			[0.9, 0.95],
		] as const) {
			const comparison = compare([scanned('a.xml', lines('PRESIDUM', a)), scanned('b.xml', lines('PRESIDIUM', b))]);
			expect(comparison.rows.flatMap((row) => row.differences).find((d) => d.a === 'PRESIDUM')!.suggestion?.why ?? '').not.toMatch(/recogniser/u);
		}
	});

	it('finds the least confidence among the words of a run, and none in plain text', () => {
		const comparison = compare([
			scanned('a.xml', lines('PRESIDUM', 0.41)),
			{name: 'b.txt', text: 'CONTENTS\nPreface 5\nTELEGRAM TO THE PRESIDIUM 12\nIndex 99\n'},
		]);
		const row = comparison.rows.find((r) => r.a?.title.includes('PRESIDUM'))!;
		expect(runConfidence(row.a, 'THE PRESIDUM')).toBe(0.41);
		expect(runConfidence(row.a, 'TELEGRAM')).toBe(sure);
		expect(runConfidence(row.b, 'PRESIDIUM')).toBeUndefined();
	});
});
