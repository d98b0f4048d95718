/** Orders within sequences: what the aligner's anchors and the split's pairing both keep. */

/**
 * The longest strictly increasing subsequence of `values`, as indices into it (patience sorting,
 * O(n log n)).
 *
 * @example longestIncreasing([3, 1, 2, 5, 4]) // [1, 2, 4]: the values 1, 2, 4
 */
export function longestIncreasing(values: readonly number[]): number[] {
	const tails: number[] = [];
	const previous = new Int32Array(values.length).fill(-1);
	for (let i = 0; i < values.length; i++) {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
			else hi = mid;
		}

		if (lo > 0) previous[i] = tails[lo - 1]!;
		tails[lo] = i;
	}

	const out: number[] = [];
	for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k]!) out.push(k);
	return out.reverse();
}
