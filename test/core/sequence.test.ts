import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {increasingWorkspace, longestIncreasing, longestIncreasingIn} from '../../src/core/sequence.js';

describe('longestIncreasing', () => {
	it('finds the longest strictly increasing run of values, as indices', () => {
		expect(longestIncreasing([3, 1, 2, 5, 4])).toEqual([1, 2, 4]);
		expect(longestIncreasing([])).toEqual([]);
		expect(longestIncreasing([2, 2, 2])).toHaveLength(1);
	});

	it('gives increasing indices and values, as long as any such run (checked by brute force)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({min: 0, max: 6}), {maxLength: 9}), (values) => {
				const kept = longestIncreasing(values);
				for (let k = 1; k < kept.length; k++) {
					expect(kept[k]!).toBeGreaterThan(kept[k - 1]!);
					expect(values[kept[k]!]!).toBeGreaterThan(values[kept[k - 1]!]!);
				}

				// The longest by trying every subset.
				let best = 0;
				for (let mask = 0; mask < 1 << values.length; mask++) {
					const chosen = values.filter((_, i) => (mask >> i) & 1);
					if (chosen.every((v, i) => i === 0 || v > chosen[i - 1]!)) best = Math.max(best, chosen.length);
				}

				expect(kept.length).toBe(best);
			}),
		);
	});

	it('gives the same run in a workspace used again and again, whatever the calls before left in it', () => {
		const workspace = increasingWorkspace(12);
		fc.assert(
			fc.property(fc.array(fc.integer({min: 0, max: 20}), {maxLength: 12}), (values) => {
				expect([...longestIncreasingIn(values, workspace)]).toEqual(longestIncreasing(values));
				expect([...longestIncreasingIn(Int32Array.from(values), workspace)]).toEqual(longestIncreasing(values));
			}),
		);
	});
});
