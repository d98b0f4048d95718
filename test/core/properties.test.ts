import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compare, CompareError} from '../../src/core/compare.js';
import type {Comparison} from '../../src/core/types.js';

const words = [
	'The',
	'Origins',
	'of',
	'War',
	'Peace',
	'Letter',
	'Speech',
	'Congress',
	'Report',
	'on',
	'Labour',
	'Party',
	'Moscow',
	'Notes',
	'Index',
	'Preface',
	'Appendix',
	'Glass',
	'Workers',
	'Theses',
	'Telegram',
	'Stalin',
	'Question',
	'Agrarian',
];
const labels = ['', 'I. ', 'II. ', 'IV. ', '1. ', '2. ', '(a) ', 'Chapter 3. ', 'Part One. '];
const leaders = ['\t', '    ', ' . . . ', '......'];

/** A plausible contents entry: optional numbering, a title of 1–8 words, a leader and a page. */
const entry = fc
	.tuple(
		fc.constantFrom(...labels),
		fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 8}),
		fc.constantFrom(...leaders),
		fc.integer({min: 1, max: 900}),
	)
	.map(([label, title, leader, page]) => `${label}${title.join(' ')}${leader}${page}`);

const toc = fc.array(entry, {minLength: 1, maxLength: 40}).map((lines) => lines.join('\n'));

const two = (a: string, b: string): Comparison =>
	compare([
		{name: 'a', text: a},
		{name: 'b', text: b},
	]);

/** The rows as pairs of first lines, with `-` for a missing side. */
const pairs = (c: Comparison, swap = false): string[] =>
	c.rows.map((row) => {
		const a = row.a ? String(row.a.lines[0]) : '-';
		const b = row.b ? String(row.b.lines[0]) : '-';
		return swap ? `${b}:${a}` : `${a}:${b}`;
	});

describe('properties', () => {
	it('a printing aligned with itself gives only `same`', () => {
		fc.assert(
			fc.property(toc, (text) => {
				const result = two(text, text);
				expect(result.rows.every((row) => row.status === 'same' && row.differences.length === 0)).toBe(true);
			}),
			{numRuns: 150},
		);
	});

	it('swapping A and B swaps only-a and only-b and keeps the pairs', () => {
		fc.assert(
			fc.property(toc, toc, (a, b) => {
				const forward = two(a, b);
				const backward = two(b, a);
				expect(backward.summary.status['only-a']).toBe(forward.summary.status['only-b']);
				expect(backward.summary.status['only-b']).toBe(forward.summary.status['only-a']);
				const paired = (list: string[]) => list.filter((p) => !p.includes('-')).sort();
				expect(paired(pairs(backward, true))).toEqual(paired(pairs(forward)));
			}),
			{numRuns: 100},
		);
	});

	it('every item of each printing appears in exactly one row, in order', () => {
		fc.assert(
			fc.property(toc, toc, (a, b) => {
				const result = two(a, b);
				for (const side of ['a', 'b'] as const) {
					const seen = result.rows.filter((row) => row[side] !== null && row.status !== 'moved').map((row) => row[side]!.lines[0]);
					expect(seen).toEqual([...seen].sort((x, y) => x - y));
					const all = result.rows.flatMap((row) => (row[side] ? [row[side].lines[0]] : []));
					expect(new Set(all).size).toBe(all.length);
					expect(all.length).toBeLessThanOrEqual(result.printings[side === 'a' ? 0 : 1]!.items.length);
				}
			}),
			{numRuns: 100},
		);
	});

	it('pairs two crossing short titles whichever printing is A (found by the symmetry property)', () => {
		const a = 'Telegram\t1\nThe\t1';
		const b = 'The\t1\nTelegram\t1\nLabour\t1';
		const paired = (result: Comparison) =>
			result.rows
				.filter((r) => r.a && r.b)
				.map((r) => r.a!.title)
				.sort();
		expect(paired(two(a, b))).toEqual(['Telegram', 'The']);
		expect(paired(two(b, a))).toEqual(['Telegram', 'The']);
	});

	it('similarity is in [0, 1] and symmetric', () => {
		fc.assert(
			fc.property(toc, toc, (a, b) => {
				const forward = two(a, b)
					.rows.filter((r) => r.a && r.b)
					.map((r) => r.similarity);
				const backward = two(b, a)
					.rows.filter((r) => r.a && r.b)
					.map((r) => r.similarity);
				expect(forward.every((s) => s >= 0 && s <= 1)).toBe(true);
				expect([...forward].sort()).toEqual([...backward].sort());
			}),
			{numRuns: 100},
		);
	});

	it('random text never throws anything but a CompareError', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 400}), fc.string({maxLength: 400}), fc.boolean(), (a, b, one) => {
				try {
					if (one) compare([{name: 'x', text: `${a}\n${b}`}]);
					else two(a, b);
				} catch (error) {
					expect(error).toBeInstanceOf(CompareError);
				}
			}),
			{numRuns: 300},
		);
	});

	it('unicode and control characters never throw', () => {
		fc.assert(
			fc.property(fc.array(fc.string({unit: 'binary', maxLength: 60}), {maxLength: 30}), (lines) => {
				try {
					two(lines.join('\n'), lines.slice().reverse().join('\r\n'));
				} catch (error) {
					expect(error).toBeInstanceOf(CompareError);
				}
			}),
			{numRuns: 200},
		);
	});
});
