/**
 * Find where each printing starts in a file that holds several, one after the other.
 *
 * Method: the opening lines of the file (and, when the later printing lacks the title page,
 * the lines after the first contents heading, or the first entries) form signatures. A later
 * line that repeats the start of a signature is a candidate; it scores by how many of the
 * signature's lines recur, in order, just after it, and gains when the page numbers start over
 * there. The best candidate is then moved back over lines that open the later printing but
 * have no counterpart in the first (an added title page), stopping at the last page-bearing line.
 * Each look-up is a hash probe or a short window, so the cost grows linearly with the file.
 */
import {comparedWhole, ratio} from './distance.js';
import {normalizeTitle, ocrKey} from './normalize.js';
import {lineReader, pageNumber, stripMarkup, type LineReader} from './parse.js';
import type {SplitReport} from './types.js';

/** Line ranges of the printings found, with the evidence. */
export type SplitResult = {
	/** One `[first, last]` line range (1-based, inclusive, non-empty lines) per printing. */
	readonly ranges: ReadonlyArray<readonly [number, number]>;
	readonly report: SplitReport;
};

/** Lines in a signature: enough to be sure, few enough to fit inside a short printing. */
function signatureLength(lineCount: number): number {
	return Math.min(12, Math.max(3, Math.floor(lineCount / 4)));
}

type Line = {
	readonly n: number;
	readonly key: string;
	readonly page: number | undefined;
	readonly role: string;
	readonly hasPage: boolean;
	/**
	 * Numbered as an entry: `(a)`, `4.`, `Chapter 2`, or a Roman numeral that continues the one
	 * before it. A title page has words that only look like numerals (`L. VOS`, `LA HAYE`).
	 */
	readonly labelled: boolean;
};

function lineKey(raw: string): string {
	return ocrKey(normalizeTitle(stripMarkup(raw).title));
}

/** How often each character occurs in a line's key, in 128 buckets of char codes. */
type Profile = {readonly counts: Uint16Array; readonly buckets: Uint8Array};

const profiles = new WeakMap<Line, Profile>();

/** A line's profile, made once per line: a line is compared with many others (#5). */
function profileOf(line: Line): Profile {
	const known = profiles.get(line);
	if (known) return known;
	const counts = new Uint16Array(128);
	const seen = new Uint8Array(128);
	let distinct = 0;
	for (let i = 0; i < line.key.length; i++) {
		const bucket = line.key.charCodeAt(i) & 127;
		if (counts[bucket]!++ === 0) seen[distinct++] = bucket;
	}

	const profile = {counts, buckets: seen.subarray(0, distinct)};
	profiles.set(line, profile);
	return profile;
}

/**
 * A lower bound on the edit distance of two keys: every edit leaves one character without a twin,
 * so the distance is at least the longer length less the characters the two share. Counted in
 * 128 buckets of char codes, which can only overstate what is shared, so the bound holds.
 */
function distanceAtLeast(a: Line, b: Line): number {
	const pa = profileOf(a);
	const pb = profileOf(b);
	let shared = 0;
	// A counted loop over typed arrays: this runs a thousand times before the code is optimised.
	for (let i = 0; i < pa.buckets.length; i++) {
		const bucket = pa.buckets[i]!;
		const x = pa.counts[bucket]!;
		const y = pb.counts[bucket]!;
		shared += x < y ? x : y;
	}
	return Math.max(a.key.length, b.key.length) - shared;
}

function similar(a: Line, b: Line): boolean {
	if (a.key === b.key) return true;
	const longest = Math.max(a.key.length, b.key.length);
	if (longest === 0) return true;
	if (Math.abs(a.key.length - b.key.length) / longest > 0.25) return false;
	// Most pairs are unrelated lines: the bound turns them away without the edit distance (#5).
	// (`ratio` reads only the ends of longer strings, where the bound would not apply.)
	if (longest <= comparedWhole && 1 - distanceAtLeast(a, b) / longest < 0.8) return false;
	return ratio(a.key, b.key) >= 0.8;
}

/**
 * How many of `signature` recur in order in `lines` from `start` on, within a short window, as a
 * share; and the index after the last line that matched.
 */
function recurrence(lines: readonly Line[], start: number, signature: readonly Line[]): {readonly score: number; readonly end: number} {
	let at = start;
	let matched = 0;
	const limit = Math.min(lines.length, start + signature.length * 2 + 6);
	for (const wanted of signature) {
		// A line is looked for near where the last one was found: one found far ahead (an entry the
		// other printing moved) would skip every line in between.
		for (let k = at; k < Math.min(limit, at + 4); k++) {
			if (similar(lines[k]!, wanted)) {
				matched++;
				at = k + 1;
				break;
			}
		}
	}

	return {score: matched / signature.length, end: at};
}

/** Whether page numbers fall back at `index`: the pages before are higher than those after. */
function pagesRestart(lines: readonly Line[], index: number): boolean {
	let before: number | undefined;
	for (let k = index - 1; k >= 0 && before === undefined; k--) before = lines[k]!.page;
	let after: number | undefined;
	for (let k = index; k < lines.length && after === undefined; k++) after = lines[k]!.page;
	return before !== undefined && after !== undefined && after < before;
}

/** Find the start of the next printing at or after `from` (an index into `lines`). */
function findNext(
	lines: readonly Line[],
	signatures: ReadonlyArray<{readonly offset: number; readonly lines: readonly Line[]}>,
	from: number,
): {readonly index: number; readonly score: number; readonly restart: boolean; readonly end: number} | undefined {
	let best: {index: number; score: number; restart: boolean; end: number} | undefined;
	const total = (found: {score: number; restart: boolean}): number => found.score + (found.restart ? 0.15 : 0);
	for (const signature of signatures) {
		const head = signature.lines.slice(0, 3);
		for (let k = from; k < lines.length; k++) {
			const candidate = lines[k]!;
			const t = head.findIndex((h) => h.key === candidate.key || (candidate.key.length > 6 && similar(h, candidate)));
			if (t === -1) continue;
			// A printing starts where its opening starts: when the signature's earlier lines stand
			// just before this one, this is the middle of an opening, not a start.
			if (t > 0 && lines.slice(Math.max(from, k - 3), k).some((l) => similar(l, head[t - 1]!))) continue;
			const {score, end} = recurrence(lines, k, signature.lines);
			if (score < 0.5) continue;
			const found = {index: k, score, restart: pagesRestart(lines, k), end};
			if (best === undefined || total(found) > total(best) + 1e-9) best = found;
			break;
		}
	}

	return best;
}

/** Move a boundary back over the lines that open the later printing only (an added title page). */
function extendBack(lines: readonly Line[], index: number, floor: number): number {
	// A line that also ends the file (`[Index]` with no page) ends the earlier printing too.
	const endings = new Set(lines.slice(-5).map((l) => l.key));
	let k = index;
	while (k - 1 > floor && !lines[k - 1]!.hasPage && !lines[k - 1]!.labelled && !endings.has(lines[k - 1]!.key)) k--;
	// Never take the whole earlier printing's tail: stop where it has no entries left.
	return k - 1 > floor ? k : index;
}

/** How the printings were told apart: the opening lines recur at each boundary, and where page numbers start over. */
function splitMethod(restarts: readonly boolean[], boundaries: readonly number[]): string {
	if (restarts.every(Boolean)) return 'the opening lines recur and page numbers start over';
	if (!restarts.some(Boolean)) return 'the opening lines recur';
	const lines = boundaries.filter((_, k) => restarts[k]);
	return `the opening lines recur, and page numbers start over at line ${lines.join(', ')}`;
}

/**
 * Find the printings in `lines` (the file's lines, 1-based by position + 1).
 *
 * @param splitAt The first line of the second printing (and of each after it), when the user gave them.
 */
export function findPrintings(lines: readonly string[], splitAt?: number | readonly number[], read: LineReader = lineReader(lines)): SplitResult {
	const nonEmpty: Line[] = [];
	let lastRoman = -1;
	for (const [i, raw] of lines.entries()) {
		if (raw.trim() === '') continue;
		const parsed = read(i + 1);
		const value = parsed.labelValue;
		const labelled = value !== undefined && (value.kind !== 'roman' || value.value === lastRoman + 1);
		if (value?.kind === 'roman') lastRoman = value.value;
		nonEmpty.push({
			n: i + 1,
			key: lineKey(raw),
			page: parsed.pageStrength === 'strong' ? pageNumber(parsed.page) : undefined,
			role: parsed.role,
			// A number after one space (`April - December 1920`) is a page only in context: not here.
			hasPage: parsed.pageStrength === 'strong',
			labelled,
		});
	}

	if (nonEmpty.length === 0) return {ranges: [], report: {boundaries: [], confidence: 0, method: 'empty input'}};
	const lastOf = (until: number): number => {
		let last = nonEmpty[0]!.n;
		for (const l of nonEmpty) if (l.n < until) last = l.n;
		return last;
	};

	if (splitAt !== undefined) {
		// Each printing starts at the first line of text at or after its split point; a point
		// past the text, at its first line, or on the same start as the one before it splits nothing.
		const first = nonEmpty[0]!;
		const starts: number[] = [first.n];
		for (const at of typeof splitAt === 'number' ? [splitAt] : [...splitAt].sort((x, y) => x - y)) {
			const start = nonEmpty.find((l) => l.n >= at)?.n;
			if (start !== undefined && start !== starts.at(-1)) starts.push(start);
		}

		const ranges = starts.map((start, k): readonly [number, number] => [start, k + 1 < starts.length ? lastOf(starts[k + 1]!) : nonEmpty.at(-1)!.n]);
		return {ranges, report: {boundaries: starts.slice(1), confidence: 1, method: '--split-at'}};
	}

	// Signatures: the file's opening lines; the lines after the first contents heading; the first entries.
	const length = signatureLength(nonEmpty.length);
	const signatures: Array<{offset: number; lines: Line[]}> = [{offset: 0, lines: nonEmpty.slice(0, length)}];
	// Only a heading before the first entry opens the first printing (an OCR-garbled heading
	// there would otherwise let the second printing's heading pass for the first's).
	const firstEntry = nonEmpty.findIndex((l) => l.hasPage);
	const heading = nonEmpty.findIndex((l) => l.role === 'contents-heading');
	if (heading > 0 && (firstEntry === -1 || heading < firstEntry)) signatures.push({offset: heading, lines: nonEmpty.slice(heading, heading + length)});
	if (firstEntry > 0 && firstEntry !== heading) {
		signatures.push({offset: firstEntry, lines: nonEmpty.slice(firstEntry, firstEntry + length)});
	}

	const starts: number[] = [0];
	const scores: number[] = [];
	const restarts: boolean[] = [];
	const usable = signatures.filter((s) => s.lines.length >= 3);
	// Search past the lines that make up the signatures in each printing found so far, so that
	// a printing's own opening never counts as the start of another.
	const span = Math.max(...usable.map((s) => s.offset + s.lines.length), 1);
	let from = span;
	for (;;) {
		const previous = starts.at(-1)!;
		const found = findNext(nonEmpty, usable, Math.max(from, previous + span));
		if (!found) break;
		from = found.end;
		const index = extendBack(nonEmpty, found.index, previous + 1);
		starts.push(index);
		scores.push(Math.min(1, found.score * 0.85 + (found.restart ? 0.15 : 0)));
		restarts.push(found.restart);
	}

	const ranges = starts.map((start, i): readonly [number, number] => {
		const end = i + 1 < starts.length ? starts[i + 1]! - 1 : nonEmpty.length - 1;
		return [nonEmpty[start]!.n, nonEmpty[end]!.n];
	});
	return {
		ranges,
		report: {
			boundaries: ranges.slice(1).map((r) => r[0]),
			confidence: scores.length === 0 ? 0 : Math.round(Math.min(...scores) * 100) / 100,
			method: scores.length === 0 ? 'no second printing found' : splitMethod(restarts, ranges.slice(1).map((r) => r[0])),
		},
	};
}
