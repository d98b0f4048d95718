/** How alike two strings are, from their edit distance: the one measure the engine uses. */
import {distance} from 'fastest-levenshtein';

/** Strings longer than this are compared by their two ends only. */
const longest = 512;

/** The first and last quarter-thousand characters of a long string. */
function ends(text: string): string {
	return text.length <= longest ? text : text.slice(0, longest / 2) + text.slice(-longest / 2);
}

/**
 * Similarity of two strings, 0..1: one minus their edit distance over the longer length. A string
 * over 512 characters (OCR debris, a run of dots) is compared by its two ends, so that the cost
 * stays bounded; no real title is that long.
 *
 * @example ratio('PRESIDIUM', 'PRESIDUM') // 0.888…
 */
export function ratio(a: string, b: string): number {
	const x = ends(a);
	const y = ends(b);
	const length = Math.max(x.length, y.length);
	return length === 0 ? 1 : 1 - distance(x, y) / length;
}
