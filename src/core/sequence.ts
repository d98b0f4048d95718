/** Orders within sequences: what the aligner's anchors and the split's pairing both keep. */

/** Room for `longestIncreasingIn`: arrays at least as long as the values, to use again from one call to the next. */
export type IncreasingWorkspace = {readonly tails: Int32Array; readonly previous: Int32Array; readonly kept: Int32Array};

/** A workspace for values up to `length` long. */
export function increasingWorkspace(length: number): IncreasingWorkspace {
	return {tails: new Int32Array(length), previous: new Int32Array(length), kept: new Int32Array(length)};
}

/**
 * The longest strictly increasing subsequence of `values`, as indices into it (patience sorting,
 * O(n log n)).
 *
 * @example longestIncreasing([3, 1, 2, 5, 4]) // [1, 2, 4]: the values 1, 2, 4
 */
export function longestIncreasing(values: ArrayLike<number>): number[] {
	return Array.from(longestIncreasingIn(values, increasingWorkspace(values.length)));
}

/**
 * `longestIncreasing` in `workspace`, which the result is a view of (valid until the next call with
 * it): the split pairs 100,000 lines a hundred times over, and arrays made afresh each time, then
 * grown one push at a time, were most of its cost (#12).
 */
export function longestIncreasingIn(values: ArrayLike<number>, workspace: IncreasingWorkspace): Int32Array {
	const {tails, previous, kept} = workspace;
	let length = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i]!;
		// Values that only rise (most pairs keep their order) go on the end without a search.
		let lo = length > 0 && values[tails[length - 1]!]! < value ? length : 0;
		let hi = length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (values[tails[mid]!]! < value) lo = mid + 1;
			else hi = mid;
		}

		previous[i] = lo > 0 ? tails[lo - 1]! : -1;
		tails[lo] = i;
		if (lo === length) length++;
	}

	for (let k = length === 0 ? -1 : tails[length - 1]!, at = length - 1; k >= 0; k = previous[k]!, at--) kept[at] = k;
	return kept.subarray(0, length);
}
