/**
 * A small seeded pseudo-random number generator (mulberry32) and the few helpers the noise
 * model needs. Deterministic for a seed, so every evaluation run can be reproduced exactly.
 */

/** A seeded source of random numbers. */
export type Rng = {
	/** A float in [0, 1). */
	readonly next: () => number;
	/** True with probability `p`. */
	readonly chance: (p: number) => boolean;
	/** An integer in [min, max] (inclusive). */
	readonly int: (min: number, max: number) => number;
	/** One element of a non-empty array. */
	readonly pick: <T>(items: readonly T[]) => T;
};

/** Mix a string into a 32-bit seed (FNV-1a), so that fixtures with the same seed differ. */
export function hashSeed(text: string, seed = 0): number {
	let h = (0x81_1c_9d_c5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01_00_01_93) >>> 0;
	}

	return h >>> 0;
}

/**
 * Create a mulberry32 generator for a 32-bit seed.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6); // the same number every time for seed 42
 */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};

	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		chance: (p) => next() < p,
		int,
		pick<T>(items: readonly T[]): T {
			if (items.length === 0) throw new Error('pick() from an empty array');
			return items[int(0, items.length - 1)]!;
		},
	};
}
