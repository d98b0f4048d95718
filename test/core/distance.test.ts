import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {commonEnds, editCost} from '../../src/core/distance.js';

// What commonEnds must agree with: the common start and end counted in whole characters.
function byCharacters(a: string, b: string): readonly [string, string] {
	const x = [...a];
	const y = [...b];
	let start = 0;
	while (start < x.length && start < y.length && x[start] === y[start]) start++;
	let end = 0;
	while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
	return [x.slice(start, x.length - end).join(''), y.slice(start, y.length - end).join('')];
}

describe('commonEnds', () => {
	it.each([
		['PRESIDIUM', 'PRESIDUM', {start: 6, end: 2}],
		['same', 'same', {start: 4, end: 0}],
		['', 'abc', {start: 0, end: 0}],
		['𝐀x', '𝐁x', {start: 0, end: 1}],
		['x𝐀', 'x𝐁', {start: 1, end: 0}],
		['𝐀', '𐐀', {start: 0, end: 0}],
	])('%j / %j share %j', (a, b, expected) => {
		expect(commonEnds(a, b)).toEqual(expected);
	});

	it('leaves the same middle as counting whole characters does, never half a character', () => {
		const unit = fc.constantFrom('a', 'b', '𝐀', '𝐁', '𝐂', '𐐀', 'é');
		fc.assert(
			fc.property(fc.string({unit, maxLength: 12}), fc.string({unit, maxLength: 12}), (a, b) => {
				const {start, end} = commonEnds(a, b);
				expect([a.slice(start, a.length - end), b.slice(start, b.length - end)]).toEqual(byCharacters(a, b));
			}),
			{numRuns: 3000},
		);
	});
});

describe('editCost', () => {
	it('is the edit distance where the changed middle is short', () => {
		expect(editCost('PRESIDIUM', 'PRESIDUM')).toBe(1);
		expect(editCost('kitten', 'sitting')).toBe(3);
		expect(editCost('same', 'same')).toBe(0);
		expect(editCost('', 'abc')).toBe(3);
	});

	it('bounds a middle of thousands of characters on both sides by its longer length', () => {
		const a = `x${'a'.repeat(5000)}y`;
		const b = `x${'b'.repeat(6000)}y`;
		expect(editCost(a, b)).toBe(6000);
	});
});
