/**
 * Paired, interleaved measures: the one way every figure of `npm run bench` is taken. The two
 * sides of a pair run one after the other, in alternating order, so that both see the same load;
 * each figure is a median with its range.
 */

/** Median and the range (lowest and highest) of some values. */
export type Spread = {readonly median: number; readonly low: number; readonly high: number};

export function spreadOf(values: readonly number[]): Spread {
	const sorted = [...values].sort((x, y) => x - y);
	const middle = sorted.length / 2;
	const median = sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
	return {median, low: sorted[0]!, high: sorted.at(-1)!};
}

/** What a pair of measures gives: each side's median, and the ratio of first to second, pair by pair. */
export type Paired = {readonly first: Spread; readonly second: Spread; readonly ratio: Spread};

/**
 * Run `first` and `second` `pairs` times, one after the other, the order alternating from pair to
 * pair so that neither always runs on a warmer (or busier) machine; the ratio is taken in each pair.
 */
export async function paired(pairs: number, first: () => number | Promise<number>, second: () => number | Promise<number>): Promise<Paired> {
	const a: number[] = [];
	const b: number[] = [];
	for (let k = 0; k < pairs; k++) {
		/* eslint-disable no-await-in-loop -- one command at a time, for the timing */
		if (k % 2 === 0) {
			a.push(await first());
			b.push(await second());
		} else {
			b.push(await second());
			a.push(await first());
		}
		/* eslint-enable no-await-in-loop */
	}

	return {first: spreadOf(a), second: spreadOf(b), ratio: spreadOf(a.map((x, k) => x / b[k]!))};
}

/** A ratio's median and range: `1.19 × (1.09–1.79)`. */
export const showRatio = (s: Spread): string => `${s.median.toFixed(2)} × (${s.low.toFixed(2)}–${s.high.toFixed(2)})`;

/** Milliseconds as people read them: `690 ms`, `5.14 s`. */
export const seconds = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
