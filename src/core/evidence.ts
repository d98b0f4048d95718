/**
 * What the suggestion modules share: a piece of evidence (a weight in log-odds for reading A,
 * negative for B, with its one-line reason), the two standard weights, and the one-sided test.
 * Each module of evidence (`suggest.ts`, `presence.ts`, `track-record.ts`, `case-evidence.ts`)
 * returns a list of these, and `decide` in suggest.ts adds them up.
 */

/** One piece of evidence: a weight in log-odds for reading A (negative: for B) and what it is. */
export type Evidence = {readonly weight: number; readonly why: string};

/** Evidence that settles a difference alone (logistic 0.90). */
export const strong = 2.2;
/** Evidence that leans one way (logistic 0.75). */
export const weak = 1.1;

/** A side of a two-printing row. */
export type Side = 'a' | 'b';

/** The other side. */
export const otherSide = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** Weigh evidence for or against A when one side has a property and the other has not. */
export function oneSided(a: boolean | undefined, b: boolean | undefined, weight: number, why: (winner: Side) => string): Evidence[] {
	if (a === true && b === false) return [{weight, why: why('a')}];
	if (a === false && b === true) return [{weight: -weight, why: why('b')}];
	return [];
}

/** `weight` for the side `winner`: positive for A, negative for B. */
export const toward = (winner: Side, weight: number, why: string): Evidence => ({weight: winner === 'a' ? weight : -weight, why});
