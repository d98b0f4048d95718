/**
 * The naive cost, for the benchmark only: one global alignment of every item of A against
 * every item of B by dynamic programming, with a full (n+1)·(m+1) table in memory and a title
 * similarity in every cell. Same pair cost (1 − similarity) and gap cost (0.5) as `align.ts`,
 * without anchors or bands, so it shows what the engine would cost without them.
 */
import {ratio} from '../core/distance.js';
import {normalizeTitle} from '../core/normalize.js';
import type {TocItem} from '../core/types.js';

/**
 * Align `a` with `b` in full; returns the number of pairs (to keep the work observable).
 *
 * @example naiveAlign(itemsA, itemsB) // O(n·m) time and memory
 */
export function naiveAlign(a: readonly TocItem[], b: readonly TocItem[]): number {
	const ta = a.map((item) => `${normalizeTitle(item.title)} ${item.page ?? ''}`);
	const tb = b.map((item) => `${normalizeTitle(item.title)} ${item.page ?? ''}`);
	const n = ta.length;
	const m = tb.length;
	const width = m + 1;
	const cost = new Float64Array((n + 1) * width);
	const move = new Uint8Array((n + 1) * width);
	for (let j = 1; j <= m; j++) {
		cost[j] = j * 0.5;
		move[j] = 1;
	}

	for (let i = 1; i <= n; i++) {
		cost[i * width] = i * 0.5;
		for (let j = 1; j <= m; j++) {
			const at = i * width + j;
			let best = cost[at - width]! + 0.5;
			let how = 0;
			if (cost[at - 1]! + 0.5 < best) {
				best = cost[at - 1]! + 0.5;
				how = 1;
			}

			const pair = cost[at - width - 1]! + 1 - ratio(ta[i - 1]!, tb[j - 1]!);
			if (pair < best) {
				best = pair;
				how = 2;
			}

			cost[at] = best;
			move[at] = how;
		}
	}

	let pairs = 0;
	let i = n;
	let j = m;
	while (i > 0 && j > 0) {
		const how = move[i * width + j];
		if (how === 2) pairs++;
		if (how !== 1) i--;
		if (how !== 0) j--;
	}

	return pairs;
}
