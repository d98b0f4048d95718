/**
 * The evaluation's held-back part: cases never looked at while tuning the engine, reported apart,
 * so that a gain on the tuning part that does not carry over shows.
 *
 * The rule is fixed and written down (here, in `src/eval/README.md` and in the output's header):
 * a case is held back when its fixture is one of `heldBackFixtures` (whole texts never seen), or
 * its seed is a multiple of `heldBackSeedStep` (noise never seen, on every other text and family).
 * The real-OCR cases carry their own `heldOut` flag. Every family has held-back cases: the two
 * fixtures feed synthetic, running-heads, reflow and unicode; the seeds feed all of them, the
 * multi-volume sets (whose held-back sets also draw entries from the held-back fixtures) and the
 * paragraph and seed-file cases, which have one text each.
 */

/** Fixtures held back whole, for every seed and family. */
export const heldBackFixtures: readonly string[] = ['macdowell-essays', 'entre-nous'];

/** Every seed that is a multiple of this is held back. */
export const heldBackSeedStep = 5;

/** Which part of the evaluation a case is in. */
export type Part = 'tune' | 'held';

/** Which parts to run and report. */
export type PartChoice = Part | 'all';

/**
 * The part of a case, by the fixed rule.
 *
 * @example
 * partOf('lenin-cw31', 10); // 'held'
 * partOf('lenin-cw31', 11); // 'tune'
 * partOf('entre-nous', 11); // 'held'
 */
export function partOf(fixture: string, seed: number): Part {
	return heldBackFixtures.includes(fixture) || seed % heldBackSeedStep === 0 ? 'held' : 'tune';
}

/** The rule in one sentence, for the output's header. */
export const heldBackRule =
	`held back: fixtures ${heldBackFixtures.join(' and ')} whole, ` +
	`every seed that is a multiple of ${heldBackSeedStep}, and the real-OCR cases marked heldOut; the rest is the tuning part`;
