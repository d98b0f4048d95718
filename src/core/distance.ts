/** How alike two strings are, from their edit distance: the one measure the engine uses. */
import {distance} from 'fastest-levenshtein';

/** Strings longer than this are compared by their two ends only. */
export const comparedWhole = 512;

/** The first and last quarter-thousand characters of a long string. */
function ends(text: string): string {
	return text.length <= comparedWhole ? text : text.slice(0, comparedWhole / 2) + text.slice(-comparedWhole / 2);
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

/** Readings longer than this together are compared by their common ends only (OCR debris). */
export const longReading = 4000;

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc_00 && code <= 0xdf_ff;
}

/**
 * How long a start and an end `a` and `b` share, in UTF-16 units, never splitting a character
 * in two; the two never overlap in the shorter string. The changed middle is
 * `a.slice(start, a.length - end)` against `b.slice(start, b.length - end)`.
 *
 * @example commonEnds('PRESIDIUM', 'PRESIDUM') // {start: 6, end: 2}
 */
export function commonEnds(a: string, b: string): {readonly start: number; readonly end: number} {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	// A shared high surrogate whose low halves differ belongs to the change.
	if (start > 0 && start < a.length && isLowSurrogate(a.charCodeAt(start))) start--;
	let end = 0;
	while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
	// A shared low surrogate whose high halves differ belongs to the change too.
	if (end > 0 && isLowSurrogate(a.charCodeAt(a.length - end))) end--;
	return {start, end};
}

/**
 * The edit distance of two strings, exact where it is cheap: their common start and end are
 * trimmed, and a middle over `longReading` characters on both sides (OCR debris, a line of
 * thousands of characters) is bounded by its longer length rather than measured, so that the cost
 * never grows with the square of a line.
 *
 * @example editCost('PRESIDIUM', 'PRESIDUM') // 1
 */
export function editCost(a: string, b: string): number {
	const {start, end} = commonEnds(a, b);
	const x = a.length - start - end;
	const y = b.length - start - end;
	if (x === 0 || y === 0) return Math.max(x, y);
	if (x > longReading && y > longReading) return Math.max(x, y);
	return distance(a.slice(start, a.length - end), b.slice(start, b.length - end));
}
