/**
 * Find where each printing starts in a file that holds several, one after the other.
 *
 * Method: choose the printings that explain the file best. (1) Candidates: lines where the file's
 * opening recurs (its first lines, the lines from its contents heading, or its first entries,
 * compared through OCR-aware keys), lines where the page numbers start over, and contents headings.
 * Each is moved back over the lines that open the later printing only (an added title page).
 * (2) Evidence: each candidate printing is paired with the first, line by line, by keys of the
 * title (whole, or its start or end when OCR garbled the rest) in order (a longest increasing run,
 * O(n log n)). A second printing pairs nearly whole, in order, with pages that agree or differ by
 * one steady offset; a block of titles that recurs inside one printing pairs only as a block,
 * leaving the rest of the candidate unpaired, and its page run goes on where a new printing's
 * starts over. (3) Choice: the candidate whose printing pairs most (weighed by its pages), then,
 * one at a time, each further start that makes more of the file pair. Page furniture (running
 * heads, column heads, folios) is never a candidate and never paired. Recurring lines, page
 * restarts and headings are evidence, not the decision. Each step is a hash probe, a short window
 * or a pairing over the file, over at most `maxCandidates` candidates: linear in the file.
 *
 * Long (about 950 lines) as one method: the candidates, their evidence and the choice share their
 * types and weights, tuned together on the evaluation; apart, a weight would live far from what it weighs.
 */
import {comparedWhole, ratio} from './distance.js';
import {normalizeTitle, ocrKey} from './normalize.js';
import {lineReader, pageNumber, stripMarkup, type LineReader, type LineParse} from './parse.js';
import {increasingWorkspace, longestIncreasingIn, type IncreasingWorkspace} from './sequence.js';
import type {SplitAlternative, SplitReport} from './types.js';

/** Line ranges of the printings found, with the evidence. */
export type SplitResult = {
	/** One `[first, last]` line range (1-based, inclusive, non-empty lines) per printing. */
	readonly ranges: ReadonlyArray<readonly [number, number]>;
	readonly report: SplitReport;
};

/** Options for `findPrintings`. */
export type SplitOptions = {
	/** The first line of the second printing (and of each after it), when the user gave them: overrides everything. */
	readonly splitAt?: number | readonly number[];
	/**
	 * How many printings the file holds, when the user said: the best starts are taken, however weak.
	 * @default as many as explain the file
	 */
	readonly printings?: number;
	/** Lines known to be running heads (see `findRunningHeads`): never a start, never paired. */
	readonly furniture?: ReadonlySet<number>;
	/**
	 * Told each candidate start and how it explains the file, for whoever tunes the search. With a
	 * trace, the search pairs every start and every set of starts, where it would otherwise pair
	 * only those that could explain the file better than the best found.
	 */
	readonly trace?: (candidate: {
		readonly start: number;
		readonly core: number;
		readonly recurrence: number;
		readonly restart: boolean;
		readonly weight: number;
		readonly measure: number;
	}) => void;
};

/** Lines in a signature: enough to be sure, few enough to fit inside a short printing. */
function signatureLength(lineCount: number): number {
	return Math.min(12, Math.max(3, Math.floor(lineCount / 4)));
}

/** The most candidates weighed; more are thinned evenly over the file (10,000 identical lines). */
const maxCandidates = 48;

/** How many unexplained lines make a rival explanation e times less likely than the chosen one. */
const linesPerStep = 3;

/** The most lines an added title page may take before a printing's first recurring line. */
const maxTitlePage = 40;

/** A printing must pair at least this well with the first (see `measure`) to count. */
const minMeasure = 0.4;

/** A further printing must make this much more of the file pair (a share of what pairs already). */
const minGain = 0.05;

/** How much a printing whose page run continues the one before it counts: a block inside one printing, more likely. */
const continuingPages = 0.7;

type Line = {
	/** 1-based line number. */
	readonly n: number;
	/** The whole line, OCR-folded: for the opening's recurrence. */
	readonly key: string;
	/** Numbering and title only, OCR-folded: for pairing. */
	readonly pairKey: string;
	readonly page: number | undefined;
	readonly role: LineParse['role'];
	readonly hasPage: boolean;
	/**
	 * Numbered as an entry: `(a)`, `4.`, `Chapter 2`, or a Roman numeral that continues the one
	 * before it. A title page has words that only look like numerals (`L. VOS`, `LA HAYE`).
	 */
	readonly labelled: boolean;
	/** Numbered one (`VOLUME I`, `PART 1`, `A.`) with no page: a heading that opens a set of volumes or parts, never an earlier printing's last entry. */
	readonly opensNumbering: boolean;
	/** Blank lines just before it. */
	readonly blanks: number;
	/** Its key's profile, once made (a line is compared with every head of a signature: a map lookup each time was most of the candidates' search). */
	profile: Profile | undefined;
};

/** Signature key of a line: the whole line, markup gone, OCR confusions folded. */
function lineKey(raw: string): string {
	return ocrKey(normalizeTitle(stripMarkup(raw).title));
}

/** How often each character occurs in a line's key, in 128 buckets of char codes: `buckets[0 .. size)` are those that occur. */
type Profile = {readonly counts: Uint16Array; readonly buckets: Uint8Array; size: number};

function emptyProfile(): Profile {
	return {counts: new Uint16Array(128), buckets: new Uint8Array(128), size: 0};
}

/** Count `key`'s characters into `profile`, clearing what it counted before. */
function fillProfile(profile: Profile, key: string): Profile {
	const {counts, buckets} = profile;
	for (let i = 0; i < profile.size; i++) counts[buckets[i]!] = 0;
	let size = 0;
	for (let i = 0; i < key.length; i++) {
		const bucket = key.charCodeAt(i) & 127;
		if (counts[bucket]!++ === 0) buckets[size++] = bucket;
	}

	profile.size = size;
	return profile;
}

/**
 * Two profiles to count a line into that keeps none: every comparison has a signature's line on one
 * side, which keeps its own (`keepProfile`), and any line of the file on the other. Two typed arrays
 * made for each of 200,000 lines were a third of the candidates' search (#12).
 */
const scratch = [emptyProfile(), emptyProfile()] as const;
/** The line each scratch profile holds: a line is compared with each of a signature's heads in turn. */
const scratchLines: [Line | undefined, Line | undefined] = [undefined, undefined];
let lastScratch = 0;

/** Make a line's profile once, for the lines compared with every other (a signature's). */
function keepProfile(line: Line): void {
	line.profile ??= fillProfile(emptyProfile(), line.key);
}

/** A line's profile: its own where it keeps one, else one of the scratch profiles (counted into the one not used last). */
function profileOf(line: Line): Profile {
	if (line.profile) return line.profile;
	// The one it is in is used last: the other is the one to count into next, not one a comparison still reads.
	if (scratchLines[0] === line) {
		lastScratch = 0;
		return scratch[0];
	}

	if (scratchLines[1] === line) {
		lastScratch = 1;
		return scratch[1];
	}

	lastScratch ^= 1;
	scratchLines[lastScratch] = line;
	return fillProfile(scratch[lastScratch]!, line.key);
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
	for (let i = 0; i < pa.size; i++) {
		const bucket = pa.buckets[i]!;
		const x = pa.counts[bucket]!;
		const y = pb.counts[bucket]!;
		shared += x < y ? x : y;
	}

	return Math.max(a.key.length, b.key.length) - shared;
}

/** Whether two lines read alike through OCR noise (80 % of their OCR-folded keys). */
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

/** How many of `signature` recur in order from `start` on, within a short window, as a share. */
function recurrence(lines: readonly Line[], start: number, signature: readonly Line[]): number {
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

	return matched / signature.length;
}

/** How far from a line its neighbours' pages are looked for: a file of page-less lines would make it quadratic. */
const pageReach = 200;

/** The median of the first (or last) three pages from `index` on (or before it), or undefined. */
function pagesNear(lines: readonly Line[], index: number, direction: 1 | -1): number | undefined {
	const found: number[] = [];
	const end = index + direction * pageReach;
	for (let k = direction === 1 ? index : index - 1; k >= 0 && k < lines.length && k !== end && found.length < 3; k += direction) {
		const page = lines[k]!.page;
		if (page !== undefined) found.push(page);
	}

	if (found.length === 0) return undefined;
	return found.sort((x, y) => x - y)[Math.floor((found.length - 1) / 2)];
}

/**
 * The highest page of the ten entries before `index` and the first pages from it on (their median):
 * a list of plates with its own low pages (`16-17`) may end a printing whose pages ran to 587, and
 * what follows it at page 21 starts over all the same.
 */
function pagesAround(lines: readonly Line[], index: number): {readonly highest: number | undefined; readonly after: number | undefined} {
	let highest: number | undefined;
	for (let k = index - 1, seen = 0; k >= 0 && k > index - pageReach && seen < 10; k--) {
		const page = lines[k]!.page;
		if (page === undefined) continue;
		seen++;
		highest = Math.max(highest ?? page, page);
	}

	return {highest, after: pagesNear(lines, index, 1)};
}

/** Whether page numbers fall back at `index`: the pages after are below the highest before. */
function pagesRestart(lines: readonly Line[], index: number): boolean {
	const {highest, after} = pagesAround(lines, index);
	return highest !== undefined && after !== undefined && after < highest;
}

/** Whether the page run goes on at `index`: the pages after are above every page before. */
function pagesContinue(lines: readonly Line[], index: number): boolean {
	const {highest, after} = pagesAround(lines, index);
	return highest !== undefined && after !== undefined && after > highest;
}

/** A place where a printing may start: `start` after moving back over an added title page, `core` where its evidence is. */
type Candidate = {readonly start: number; readonly core: number; readonly recurrence: number; readonly restart: boolean};

/** What the file's own edges say of where a printing starts and ends: see `fileEdges`. */
type FileEdges = {readonly endings: ReadonlySet<string>; readonly opening: ReadonlyMap<string, number>};

/**
 * The keys of the file's last five lines (`[Index]`: each ends the earlier printing too), and its
 * title page: the lines before its contents heading, each with its place there (none when it opens
 * with the heading, or when the first heading found is the second printing's: the first one's was
 * misread). A numbered heading before it, `VOLUME I`, opens every volume: not a title page's.
 */
function fileEdges(lines: readonly Line[]): FileEdges {
	const endings = new Set(lines.slice(-5).map((l) => l.key));
	const firstEntry = lines.findIndex((l) => l.hasPage);
	const heading = lines.findIndex((l) => l.role === 'contents-heading');
	const titlePageEnd = heading > 0 && (firstEntry === -1 || heading < firstEntry) ? Math.min(heading, 20) : 0;
	const opening = new Map<string, number>();
	for (const [place, l] of lines
		.slice(0, titlePageEnd)
		.filter((line) => !line.hasPage && !line.labelled && !line.opensNumbering)
		.entries())
		if (!opening.has(l.key)) opening.set(l.key, place);
	return {endings, opening};
}

/**
 * Move a start back over the lines that open the later printing only (an added title page):
 * lines with no page and no numbering, that do not end the file as well (`[Index]`, with no page,
 * ends both printings). Never back over the whole tail of the earlier printing. A line that recurs
 * from the file's own title page (`opening`: each line's place on it) says where the printing
 * starts: as many lines before it as stood before it on the first title page, so that a first line
 * read otherwise (`COLLECTED NEW WORKS` for `COLLECTED WORKS`) still belongs to it.
 */
function extendBack(lines: readonly Line[], index: number, floor: number, {endings, opening}: FileEdges): number {
	let k = index;
	// A title page is short: forty lines back at most (a file of page-less lines would make this quadratic).
	const lowest = Math.max(floor, index - maxTitlePage);
	const passes = (line: Line): boolean => !line.hasPage && (!line.labelled || line.opensNumbering) && !endsFile(line.key, endings);
	while (k - 1 > lowest && passes(lines[k - 1]!)) k--;
	if (k - 1 <= floor) return index;
	if (k === index) return index;
	for (let j = k; j <= index; j++) {
		// A heading numbered one (`VOLUME I`) opens the set in every printing: it says nothing of where
		// the title page before it starts, even where the first printing's was misread (`VOLUUME I`).
		if (lines[j]!.opensNumbering) continue;
		const place = placeOnOpening(lines[j]!.key, opening);
		if (place !== undefined) return Math.max(k, j - place);
	}

	return k;
}

/**
 * Whether a line is one of the file's last lines, or the start of one (a last entry that the earlier
 * printing wrapped elsewhere or lost a line of: `EDITOR'S APPENDIX. OLD GUERNSEY` against `…
 * GUERNSEY SONGS AND`): it ends the earlier printing too, and opens no later one.
 */
function endsFile(key: string, endings: ReadonlySet<string>): boolean {
	if (endings.has(key)) return true;
	if (key.length < 12) return false;
	// The longer goes on with words, not only a page (`GUERNSEY FOLK LORE 9`, a running head, does not end with the title page's line).
	const goesOn = (longer: string, shorter: string): boolean => longer.startsWith(shorter) && /\p{L}/u.test(longer.slice(shorter.length));
	for (const ending of endings) if (ending.length >= 12 && (goesOn(ending, key) || goesOn(key, ending))) return true;
	return false;
}

/**
 * Where a line stands on the file's title page: the place of the line it is, or of one it starts or
 * ends or that starts or ends it (six letters at least: a long title wrapped otherwise, or its first
 * line lost, `SOCIETY"` of `THE MIDĒ´WIWIN OR "GRAND MEDICINE SOCIETY"`); undefined when none.
 */
function placeOnOpening(key: string, opening: ReadonlyMap<string, number>): number | undefined {
	const exact = opening.get(key);
	if (exact !== undefined || key.length < 6) return exact;
	for (const [line, place] of opening) {
		if (line.length < 6) continue;
		if (line.startsWith(key) || line.endsWith(key) || key.startsWith(line) || key.endsWith(line)) return place;
	}

	return undefined;
}

/** What part of a title a key is: all of it, its first or last twelve characters, three of its words. */
const KeyPart = {Whole: 0, Start: 1, End: 2, Words: 3} as const;
type KeyPart = (typeof KeyPart)[keyof typeof KeyPart];

/**
 * A hash of `text[from, to)` and the part of the title it is, in 53 bits (two FNV-1a lanes), for
 * the key index: hashing ranges of the pairing key makes no string for a start, an end or three
 * words (#12, #17: 600,000 key strings and a map of them were half the split's time at 2 × 100,000
 * entries). Two different keys share a hash once in about 10^10 files of that size.
 */
function rangeHash(text: string, from: number, to: number, part: KeyPart): number {
	let h1 = 0x81_1c_9d_c5 ^ part;
	let h2 = 0x27_d4_eb_2f ^ (part * 0x9e_37);
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 0x01_00_01_93);
		h2 = Math.imul(h2 ^ code, 0x5b_d1_e9_95);
		h2 ^= h2 >>> 15;
	}

	return (h1 >>> 0) * 0x20_00_00 + (h2 >>> 11);
}

/** Hashes of keys and the part of a title each is, pushed one by one into typed arrays that double when full. */
class KeyList {
	hashes = new Float64Array(1024);
	parts = new Uint8Array(1024);
	length = 0;

	push(hash: number, part: KeyPart): void {
		if (this.length === this.hashes.length) {
			const hashes = new Float64Array(2 * this.length);
			hashes.set(this.hashes);
			this.hashes = hashes;
			const parts = new Uint8Array(2 * this.length);
			parts.set(this.parts);
			this.parts = parts;
		}

		this.hashes[this.length] = hash;
		this.parts[this.length++] = part;
	}
}

/**
 * The keys of a line for pairing, as hashes pushed onto `out`: the whole key, then its start and end
 * (OCR garbles one part of a long title); for a line without a page, its runs of three words too.
 * An empty key is -1.
 */
function pushKeys(line: Line, out: KeyList): void {
	const key = line.pairKey;
	out.push(key === '' ? -1 : rangeHash(key, 0, key.length, KeyPart.Whole), KeyPart.Whole);
	if (key.length >= 16) {
		out.push(rangeHash(key, 0, 12, KeyPart.Start), KeyPart.Start);
		out.push(rangeHash(key, key.length - 12, key.length, KeyPart.End), KeyPart.End);
	}

	// A line of a paragraph (no page, several words) that the other printing broke elsewhere
	// shares no start or end with any of its lines, but it shares its runs of three words.
	if (!line.hasPage) {
		const starts = [0];
		for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) starts.push(i + 1);
		if (starts.length >= 4) {
			for (let k = 0; k + 3 <= starts.length; k++) {
				const to = k + 3 < starts.length ? starts[k + 3]! - 1 : key.length;
				out.push(rangeHash(key, starts[k]!, to, KeyPart.Words), KeyPart.Words);
			}
		}
	}
}

/**
 * Where each key occurs in the file, made once for the whole search: keys as small numbers, each
 * line's keys in order, each key's lines in order, and a counter per key that a pairing reuses.
 * (Any candidate's first printing is a prefix of the file; string maps made per candidate were
 * most of the split's time.)
 */
type KeyIndex = {
	/** Line `k`'s keys' ids, in `keysOf` order, are `lineKeys[lineStart[k] .. lineStart[k + 1])` (-1 for an empty key). */
	readonly lineStart: Int32Array;
	readonly lineKeys: Int32Array;
	/** The lines that have key `id`, in order, are `positions[keyStart[id] .. keyStart[id + 1])`. */
	readonly keyStart: Int32Array;
	readonly positions: Int32Array;
	/** Per key id, 1 when it is part of a title only. */
	readonly part: Uint8Array;
	/** Per key id, how often it was seen in the current pairing, valid where `stamps` holds `stamp`. */
	readonly counts: Int32Array;
	readonly stamps: Int32Array;
	stamp: number;
	/** A pairing's pairs, one a line at most (first printing's line, later printing's line, `PairFlag`s): reused by every pairing. */
	readonly pairX: Int32Array;
	readonly pairY: Int32Array;
	readonly pairFlags: Uint8Array;
	readonly increasing: IncreasingWorkspace;
};

/** What a pair was made by: part of a title only (it counts fully only where the pages agree too); a key found once in the first printing. */
const PairFlag = {Partial: 1, Single: 2} as const;

/**
 * Index the keys of every line: ids for the key strings, then each line's ids and each key's lines
 * in flat arrays (#12, #17: an array a key made 600,000 small arrays on 2 × 100,000 entries, and
 * most of the index's time went to making and collecting them).
 */
function indexKeys(lines: readonly Line[]): KeyIndex {
	const keys = new KeyList();
	const lineStart = new Int32Array(lines.length + 1);
	for (let k = 0; k < lines.length; k++) {
		lineStart[k] = keys.length;
		pushKeys(lines[k]!, keys);
	}

	const {hashes, parts: kinds} = keys;
	const total = keys.length;
	lineStart[lines.length] = total;
	// Ids for the hashes, numbered in the order the file first has them, so that the lines a pairing
	// reads together touch the index's arrays close together too (ids in hash order made pairing half
	// again as slow). An open-addressed table of the hashes: a sort and a binary search each were
	// most of the index's time, and a map of 600,000 entries grew and rehashed.
	let capacity = 16;
	while (capacity < 2 * total) capacity *= 2;
	const mask = capacity - 1;
	// Each slot holds an id + 1 (0: empty), and each id its hash: ids are mostly read in order, so
	// that a table of ids alone is touched at random (three times the memory made it slower, #12).
	const slots = new Int32Array(capacity);
	const idHash = new Float64Array(total);
	const lineKeys = new Int32Array(total);
	const perKeyAll = new Int32Array(total);
	const partAll = new Uint8Array(total);
	let distinct = 0;
	for (let at = 0; at < total; at++) {
		const hash = hashes[at]!;
		if (hash < 0) {
			lineKeys[at] = -1;
			continue;
		}

		// The hash's low 32 bits pick the slot (its second lane: well mixed), then the next ones in turn.
		let slot = (hash >>> 0) & mask;
		while (slots[slot] !== 0 && idHash[slots[slot]! - 1] !== hash) slot = (slot + 1) & mask;
		if (slots[slot] === 0) {
			idHash[distinct] = hash;
			slots[slot] = ++distinct;
		}

		const id = slots[slot]! - 1;
		lineKeys[at] = id;
		perKeyAll[id]!++;
		if (kinds[at] !== KeyPart.Whole) partAll[id] = 1;
	}

	const perKey = perKeyAll.subarray(0, distinct);
	const part = partAll.slice(0, distinct);
	const keyCount = distinct;
	const keyStart = new Int32Array(keyCount + 1);
	for (let id = 0; id < keyCount; id++) keyStart[id + 1] = keyStart[id]! + perKey[id]!;
	const positions = new Int32Array(keyStart[keyCount]!);
	const filled = keyStart.slice(0, keyCount);
	for (let k = 0; k < lines.length; k++) {
		for (let at = lineStart[k]!; at < lineStart[k + 1]!; at++) {
			const id = lineKeys[at]!;
			if (id >= 0) positions[filled[id]!++] = k;
		}
	}

	return {
		lineStart,
		lineKeys,
		keyStart,
		positions,
		part,
		counts: new Int32Array(keyCount),
		stamps: new Int32Array(keyCount),
		stamp: 0,
		pairX: new Int32Array(lines.length),
		pairY: new Int32Array(lines.length),
		pairFlags: new Uint8Array(lines.length),
		increasing: increasingWorkspace(lines.length),
	};
}

/**
 * Whether a pairing with a first printing ending at `firstEnd` can take key `id` at all: the first
 * printing has a line with it, and where it is part of a title only, one line alone (titles that
 * share a start, `Letter to …`, or an end would pair anything with anything). `pairWithFirst` asks
 * it of every key, and `pairableCounts` bounds a pairing by it.
 */
function takesKey(index: KeyIndex, id: number, firstEnd: number): boolean {
	const {keyStart, positions, part} = index;
	const first = keyStart[id]!;
	if (positions[first]! >= firstEnd) return false;
	return part[id] !== 1 || first + 1 >= keyStart[id + 1]! || positions[first + 1]! >= firstEnd;
}

/**
 * The most each part of the file can pair with a first printing ending at `firstEnd`, as prefix
 * counts: its lines with a key that a pairing could take there (`takesKey`; each line pairs once
 * at most, and weighs 1 at most). Made once for each first printing asked about (#12: most starts,
 * and most sets of starts, can be ruled out by this bound without pairing them).
 */
function pairableCounts(index: KeyIndex, firstEnd: number): Int32Array {
	const {lineStart, lineKeys} = index;
	const lineCount = lineStart.length - 1;
	const counts = new Int32Array(lineCount + 1);
	for (let k = 0; k < lineCount; k++) {
		let pairable = 0;
		for (let at = lineStart[k]!; at < lineStart[k + 1]! && pairable === 0; at++) {
			const id = lineKeys[at]!;
			if (id >= 0 && takesKey(index, id, firstEnd)) pairable = 1;
		}

		counts[k + 1] = counts[k]! + pairable;
	}

	return counts;
}

/** How a candidate printing pairs with the first. */
type Pairing = {
	/** Lines paired, each weighed by its page: 1 where the pages agree or keep the steady offset, ½ where not. */
	readonly weight: number;
	/** How well it pairs, 0..1: the weight over the stretch the pairs span and the lines left over around them. */
	readonly measure: number;
};

/**
 * Pair lines `[from, to)` with the first printing's lines `[0, firstEnd)`: each key's k-th
 * occurrence with its k-th occurrence there (the whole key first, then its start, then its end;
 * a key the first printing has many times with its first line there after the last pair a key
 * found once made), then the longest run that keeps both orders. The measure forgives the first printing's lines
 * after the last pair (the later printing stopped early) but not the later printing's lines
 * before its first pair (a whole block that does not pair).
 */
function pairWithFirst(lines: readonly Line[], index: KeyIndex, firstEnd: number, from: number, to: number): Pairing {
	const {lineStart, lineKeys, keyStart, positions, part, counts, stamps, pairX: xs, pairY: ys, pairFlags: flags} = index;
	const stamp = ++index.stamp;
	let pairs = 0;
	// The first printing's line of the last pair that a key found once there made.
	let anchor = -1;
	for (let k = from; k < to; k++) {
		for (let at = lineStart[k]!; at < lineStart[k + 1]!; at++) {
			const id = lineKeys[at]!;
			if (id < 0) continue;
			if (stamps[id] !== stamp) {
				stamps[id] = stamp;
				counts[id] = 0;
			}

			const seen = counts[id]!++;
			// The file's lines with the key, in order: those before `firstEnd` are the first printing's.
			const first = keyStart[id]!;
			const end = keyStart[id + 1]!;
			const second = first + 1 < end ? positions[first + 1]! : -1;
			// Part of a title pairs once, and only where the first printing has one line with it.
			if (!takesKey(index, id, firstEnd) || (part[id] === 1 && seen > 0) || first + seen >= end) continue;
			// A key found once in the first printing says where its partner is; one found many times
			// (`Preface` in every volume; a file of one line over and over) pairs anywhere alike.
			const single = second < 0 || second >= firstEnd;
			let partner = positions[first + seen]!;
			// A key found many times there (`CONTENTS` in every volume) pairs with its first line after the
			// last pair that a key found once made: by its count alone, one such line lost or misread in
			// a printing paired every later one a volume off.
			if (!single && anchor >= 0) {
				let lo = first;
				let hi = end;
				while (lo < hi) {
					const mid = (lo + hi) >>> 1;
					if (positions[mid]! <= anchor) lo = mid + 1;
					else hi = mid;
				}

				if (lo < end && positions[lo]! < firstEnd) partner = positions[lo]!;
			}

			if (partner >= firstEnd) continue;
			if (single) anchor = partner;
			xs[pairs] = partner;
			ys[pairs] = k;
			flags[pairs] = (part[id] === 1 ? PairFlag.Partial : 0) | (single ? PairFlag.Single : 0);
			pairs++;
			break;
		}
	}

	const kept = longestIncreasingIn(xs.subarray(0, pairs), index.increasing);
	if (kept.length === 0) return {weight: 0, measure: 0};
	// The steady offset of the pages: the most common difference.
	const offsets = new Map<number, number>();
	for (const k of kept) {
		const a = lines[xs[k]!]!.page;
		const b = lines[ys[k]!]!.page;
		if (a !== undefined && b !== undefined) offsets.set(b - a, (offsets.get(b - a) ?? 0) + 1);
	}

	let offset = 0;
	let most = 0;
	for (const [value, count] of offsets) {
		if (count > most) {
			offset = value;
			most = count;
		}
	}

	let weight = 0;
	for (const k of kept) {
		const a = lines[xs[k]!]!.page;
		const b = lines[ys[k]!]!.page;
		const agree = a === undefined || b === undefined || b - a === offset;
		weight += agree ? 1 : (flags[k]! & PairFlag.Partial) !== 0 ? 0.25 : 0.5;
	}

	const firstX = xs[kept[0]!]!;
	const lastX = xs[kept.at(-1)!]!;
	const firstY = ys[kept[0]!]!;
	const lastY = ys[kept.at(-1)!]!;
	const span = Math.max(lastX - firstX + 1, lastY - firstY + 1);
	const leftOver = 1.5 * (firstY - from) + 0.5 * firstX + 0.5 * (to - 1 - lastY);
	// Pairs that only keys found many times make say little about where a printing starts: below a
	// quarter of the pairs made by keys found once, the measure falls with their share.
	let singles = 0;
	for (const k of kept) if ((flags[k]! & PairFlag.Single) !== 0) singles++;
	const determined = Math.min(1, singles / kept.length / 0.25);
	return {weight, measure: Math.min(1, weight / (span + leftOver)) * determined};
}

/** The parts a set of starts makes: `[from, to)` of each printing after the first, and the first's end. */
function partsOf(lines: readonly Line[], chosen: readonly Candidate[]): {readonly firstEnd: number; readonly parts: ReadonlyArray<readonly [number, number]>} {
	const sorted = [...chosen].sort((x, y) => x.start - y.start);
	return {
		firstEnd: sorted[0]!.start,
		parts: sorted.map((c, k) => [c.core, k + 1 < sorted.length ? sorted[k + 1]!.start : lines.length] as const),
	};
}

/** How a set of starts explains the file: the weight of every later printing's pairs, and the weakest printing's measure. */
function explain(
	lines: readonly Line[],
	chosen: readonly Candidate[],
	index: KeyIndex,
): {readonly weight: number; readonly weakest: number; readonly measures: readonly number[]; readonly lightest: number} {
	const {firstEnd, parts} = partsOf(lines, chosen);

	let weight = 0;
	let weakest = 1;
	let lightest = Number.POSITIVE_INFINITY;
	const measures: number[] = [];
	for (const [from, to] of parts) {
		if (to <= from) return {weight: 0, weakest: 0, measures: [], lightest: 0};
		const pairing = pairWithFirst(lines, index, firstEnd, from, to);
		const factor = pagesContinue(lines, from) ? continuingPages : 1;
		weight += pairing.weight * factor;
		lightest = Math.min(lightest, pairing.weight * factor);
		weakest = Math.min(weakest, pairing.measure * factor);
		measures.push(pairing.measure * factor);
	}

	return {weight, weakest, measures, lightest};
}

/** How the printings were told apart: the opening lines recur at each boundary, and where page numbers start over. */
function splitMethod(found: readonly Candidate[], boundaries: readonly number[]): string {
	const recurs = found.map((c) => c.recurrence >= 0.5);
	const restarts = found.map((c) => c.restart);
	const how = recurs.every(Boolean) ? 'the opening lines recur' : recurs.some(Boolean) ? 'the opening lines recur at some boundaries' : 'the entries recur';
	if (restarts.every(Boolean)) return `${how} and page numbers start over`;
	if (!restarts.some(Boolean)) return `${how}, and the printings pair entry by entry`;
	const at = boundaries.filter((_, k) => restarts[k]);
	return `${how}, and page numbers start over at line ${at.join(', ')}`;
}

/** Read the file's non-empty lines, page furniture aside, for the search. */
function readLines(lines: readonly string[], read: LineReader, furniture: ReadonlySet<number> | undefined): Line[] {
	const out: Line[] = [];
	const keysByText = new Map<string, {readonly key: string; readonly pairKey: string}>();
	let lastRoman = -1;
	let blanks = 0;
	for (const [i, raw] of lines.entries()) {
		if (raw.trim() === '') {
			blanks++;
			continue;
		}

		const parsed = read(i + 1);
		// A running head or a column head is set aside; the blank lines around it are a page break's.
		if (furniture?.has(i + 1) || parsed.role === 'running-head' || parsed.role === 'column-head') {
			blanks = 0;
			continue;
		}

		const value = parsed.labelValue;
		const labelled = value !== undefined && (value.kind !== 'roman' || value.value === lastRoman + 1);
		if (value?.kind === 'roman') lastRoman = value.value;
		// Keys by text: the printings repeat most of their lines.
		let keys = keysByText.get(raw);
		if (!keys) {
			const title = stripMarkup(parsed.titleMarkup).title;
			keys = {key: lineKey(raw), pairKey: ocrKey(normalizeTitle(parsed.label === undefined ? title : `${parsed.label} ${title}`))};
			keysByText.set(raw, keys);
		}

		out.push({
			n: i + 1,
			key: keys.key,
			pairKey: keys.pairKey,
			page: parsed.pageStrength === 'strong' ? pageNumber(parsed.page) : undefined,
			role: parsed.role,
			// A number after one space (`April - December 1920`) is a page only in context: not here.
			hasPage: parsed.pageStrength === 'strong',
			labelled,
			opensNumbering: value !== undefined && value.value === 1 && parsed.pageStrength !== 'strong',
			blanks,
			profile: undefined,
		});
		blanks = 0;
	}

	return out;
}

/**
 * The places where a later printing may start: where a signature's first lines recur (and the rest
 * of it after them), where pages start over, and at contents headings; each moved back over an
 * added title page (`edges`: the file's own title page and last lines).
 */
function findCandidates(lines: readonly Line[], edges: FileEdges): Candidate[] {
	const length = signatureLength(lines.length);
	const signatures: Array<{offset: number; lines: Line[]}> = [{offset: 0, lines: lines.slice(0, length)}];
	// Only a heading before the first entry opens the first printing (an OCR-garbled heading there
	// would otherwise let the second printing's heading pass for the first's).
	const firstEntry = lines.findIndex((l) => l.hasPage);
	const heading = lines.findIndex((l) => l.role === 'contents-heading');
	if (heading > 0 && (firstEntry === -1 || heading < firstEntry)) signatures.push({offset: heading, lines: lines.slice(heading, heading + length)});
	if (firstEntry > 0 && firstEntry !== heading) signatures.push({offset: firstEntry, lines: lines.slice(firstEntry, firstEntry + length)});
	const usable = signatures.filter((s) => s.lines.length >= 3);
	for (const signature of usable) for (const line of signature.lines) keepProfile(line);
	// Each signature is looked for past its own lines, so that the first printing's own opening never
	// counts; one taken from the second printing (where the first's pages were read as no pages at
	// all) starves no other.
	const from = Math.max(Math.min(...usable.map((s) => s.offset + s.lines.length)), 1);
	// Headings and page restarts count past every signature, as the opening's own do not.
	const pastSignatures = Math.max(...usable.map((s) => s.offset + s.lines.length), 1);

	const found = new Map<number, {core: number; recurrence: number; restart: boolean}>();
	const add = (core: number, score: number): void => {
		const start = extendBack(lines, core, 0, edges);
		const restart = pagesRestart(lines, core);
		const known = found.get(start);
		if (!known || score > known.recurrence)
			found.set(start, {
				core: known && known.recurrence >= score ? known.core : core,
				recurrence: Math.max(score, known?.recurrence ?? 0),
				restart: restart || (known?.restart ?? false),
			});
	};

	// Exact keys are looked up; near ones (OCR) compared only where the length allows.
	const heads = usable.flatMap((signature) => signature.lines.slice(0, 3).map((line, t) => ({signature, line, t})));
	const firstPage = lines.find((l) => l.page !== undefined)?.page ?? 1;
	let lastPage: number | undefined;
	for (let k = from; k < lines.length; k++) {
		const candidate = lines[k]!;
		let best = 0;
		for (const {signature, line, t} of heads) {
			if (k < signature.offset + signature.lines.length) continue;
			if (!(line.key === candidate.key || (candidate.key.length > 6 && similar(line, candidate)))) continue;
			// A printing starts where its opening starts: when the signature's earlier lines stand
			// just before this one, this is the middle of an opening, not a start.
			const earlier = signature.lines[t - 1];
			if (earlier && lines.slice(Math.max(signature.offset + signature.lines.length, k - 3), k).some((l) => similar(l, earlier))) continue;
			best = Math.max(best, recurrence(lines, k, signature.lines));
		}

		if (best >= 0.34) add(k, best);
		if (k < pastSignatures) continue;
		if (best < 0.34 && candidate.role === 'contents-heading') add(k, 0.2);
		// Pages that fall back to where the file's pages began.
		const page = candidate.page;
		if (page !== undefined) {
			if (lastPage !== undefined && page < lastPage && page <= firstPage + 5 && best < 0.34) add(k, 0.1);
			lastPage = page;
		}
	}

	// A start at an entry whose opening recurs from the very next line (one moved entry printed
	// first) has that evidence too; a heading does not borrow it.
	const recurrenceAt = new Map([...found.values()].map((c) => [c.core, c.recurrence]));
	const sorted = [...found]
		.map(([start, c]) => ({start, ...c, recurrence: lines[c.core]!.hasPage ? Math.max(c.recurrence, recurrenceAt.get(c.core + 1) ?? 0) : c.recurrence}))
		.sort((x, y) => x.start - y.start);
	// Starts with only page-less lines between them (a title page, a contents heading, a column head)
	// are one start: the one with the strongest evidence (the earliest of equals), knowing every
	// restart. (A last entry with no page, `Index`, read as a contents heading is not the start.)
	let candidates: Candidate[] = [];
	for (const c of sorted) {
		const last = candidates.at(-1);
		if (last && c.start - last.start <= maxTitlePage && !lines.slice(last.start, c.start).some((l) => l.hasPage)) {
			const kept = c.recurrence > last.recurrence ? c : last;
			candidates[candidates.length - 1] = {...kept, restart: last.restart || c.restart};
		} else candidates.push(c);
	}

	if (candidates.length > maxCandidates) {
		// Thinned evenly: the strongest of each stretch of the file.
		const stretch = lines.length / maxCandidates;
		const byStretch = new Map<number, Candidate>();
		for (const c of candidates) {
			const at = Math.floor(c.start / stretch);
			const known = byStretch.get(at);
			if (!known || c.recurrence + (c.restart ? 0.15 : 0) > known.recurrence + (known.restart ? 0.15 : 0)) byStretch.set(at, c);
		}

		candidates = [...byStretch.values()];
	}

	return candidates.sort((x, y) => x.start - y.start);
}

/** How many lines before `end` carry a page: the entries of the first printing. */
function countEntries(lines: readonly Line[], end: number): number {
	let count = 0;
	for (let k = 0; k < end; k++) if (lines[k]!.hasPage) count++;
	return count;
}

/**
 * How many of the lines just before a start repeat an entry of the printing they would end (a
 * moved entry printed between the later printing's title page and its contents heading): a
 * printing rarely lists one entry twice, so those lines more likely open the next printing. Made
 * once for every start asked about: each line's first entry with its key, and its last line before
 * (a set of the keys before each start was made afresh, for each of 48 starts, #12).
 */
function repeatedTails(lines: readonly Line[]): (start: number) => number {
	const firstEntry = new Int32Array(lines.length);
	const previous = new Int32Array(lines.length);
	const firstEntryOf = new Map<string, number>();
	const lastOf = new Map<string, number>();
	for (const [k, line] of lines.entries()) {
		if (line.hasPage && line.pairKey.length >= 4 && !firstEntryOf.has(line.pairKey)) firstEntryOf.set(line.pairKey, k);
		firstEntry[k] = firstEntryOf.get(line.pairKey) ?? lines.length;
		previous[k] = lastOf.get(line.pairKey) ?? -1;
		lastOf.set(line.pairKey, k);
	}

	return (start) => {
		// An entry repeats one before the stretch, or any line within it.
		const from = Math.max(0, start - maxTitlePage);
		let repeated = 0;
		for (let k = from; k < start; k++) if (lines[k]!.hasPage && (firstEntry[k]! < from || previous[k]! >= from)) repeated++;
		return repeated;
	};
}

/** The most entries that a printing may print before its heading and still be its own (a moved entry printed first). */
const maxStrayEntries = 3;

/**
 * Where a printing chosen to start at `start` (an index into `lines`) starts: a few entries just
 * before it, after a blank line, that repeat an entry of the printing they would end (from
 * `previous` on), as printed or as OCR read it otherwise (`The colour 62` for `The color 62`), open
 * this one instead (a moved entry printed before the contents heading), and so does a title page
 * before them. A printing rarely lists an entry twice; without this, B and C ran together (#16).
 */
function ownStart(lines: readonly Line[], start: number, previous: number, edges: FileEdges): number {
	let k = start;
	while (k - 1 > previous && start - (k - 1) <= maxStrayEntries && lines[k - 1]!.hasPage) k--;
	for (let first = k; first < start; first++) {
		// The stray entries stand apart from the earlier printing's last, after a blank line, and each repeats one of its entries.
		if (lines[first]!.blanks === 0) continue;
		const earlier: Line[] = [];
		const keys = new Set<string>();
		for (let j = previous; j < first; j++) {
			if (!lines[j]!.hasPage || lines[j]!.pairKey.length < 4) continue;
			earlier.push(lines[j]!);
			keys.add(lines[j]!.pairKey);
		}

		const repeats = (line: Line): boolean => keys.has(line.pairKey) || earlier.some((entry) => similar(entry, line));
		if (lines.slice(first, start).every((line) => repeats(line))) return extendBack(lines, first, previous, edges);
	}

	return start;
}

/**
 * The first line of a printing that starts at `lines[start]`: a column head (`Chap. Page.`) just
 * above it, blank lines apart, heads its columns and opens it too (page furniture never starts a
 * printing, but belongs to the one below it).
 */
function openingLine(file: readonly string[], read: LineReader, lines: readonly Line[], start: number): number {
	let first = lines[start]!.n;
	for (let n = first - 1; n >= 1 && n > (lines[start - 1]?.n ?? 0); n--) {
		if (file[n - 1]!.trim() === '') continue;
		if (read(n).role !== 'column-head') break;
		first = n;
	}

	return first;
}

/** How much the local evidence at a start adds: its opening recurring there, its pages starting over. */
function evidenceOf(candidate: Candidate): number {
	return 1 + 0.2 * Math.min(1, candidate.recurrence + (candidate.restart ? 0.25 : 0));
}

/**
 * Choose the starts that explain the file best: the one whose printing pairs most with the first
 * (weighed by its local evidence), then, one at a time, each that makes more of the file pair. Starts
 * with only page-less lines between them, `near` lines apart at most, are one explanation (where
 * exactly an added title page begins); the runner-up is the best start that is not one of those.
 */
function choose(
	lines: readonly Line[],
	candidates: readonly Candidate[],
	wanted: number | undefined,
	near: number,
	trace?: SplitOptions['trace'],
): {chosen: Candidate[]; weakest: number; runnerUp?: {candidate: Candidate; measure: number; behind: number}} | undefined {
	const index = indexKeys(lines);
	const repeatedTail = repeatedTails(lines);
	// A start's pairing with the first printing, made when asked: most starts cannot beat the best one
	// found, by the most they could pair (pairing each of 48 starts with the whole file was half the
	// search's time at 2 × 100,000 entries, #12).
	type Single = {readonly candidate: Candidate; readonly weight: number; readonly weakest: number; readonly score: number};
	const evaluated = new Map<Candidate, Single>();
	const evaluate = (candidate: Candidate): Single => {
		let known = evaluated.get(candidate);
		if (!known) {
			const {weight, weakest} = explain(lines, [candidate], index);
			known = {candidate, weight, weakest, score: weight * evidenceOf(candidate) - repeatedTail(candidate.start)};
			evaluated.set(candidate, known);
		}

		return known;
	};

	if (trace)
		for (const candidate of candidates) {
			const s = evaluate(candidate);
			trace({
				start: lines[candidate.start]!.n,
				core: lines[candidate.core]!.n,
				recurrence: candidate.recurrence,
				restart: candidate.restart,
				weight: s.weight,
				measure: s.weakest,
			});
		}

	// A start's weight is at most its lines with a key a pairing could take (each weighs 1 at most).
	const pairable = new Map<number, Int32Array>();
	const pairableFor = (firstEnd: number): Int32Array => {
		let counts = pairable.get(firstEnd);
		if (counts === undefined) {
			counts = pairableCounts(index, firstEnd);
			pairable.set(firstEnd, counts);
		}

		return counts;
	};

	const ceilings = new Map(
		candidates.map((c) => {
			const counts = pairableFor(c.start);
			return [c, (counts[lines.length]! - counts[c.core]!) * evidenceOf(c) - repeatedTail(c.start)];
		}),
	);
	const byCeiling = [...candidates].sort((x, y) => ceilings.get(y)! - ceilings.get(x)!);
	// A start whose opening recurs and whose pages start over may pair less well (two OCR readings of
	// pages wrapped at other measures): the evidence at the start lowers the bar, never below 0.25.
	const bar = (candidate: Candidate): number => minMeasure - 0.15 * Math.min(1, candidate.recurrence + (candidate.restart ? 0.25 : 0));
	const acceptable = (weakest: number, candidate?: Candidate): boolean =>
		wanted !== undefined || weakest >= (candidate === undefined ? minMeasure : bar(candidate));
	const before = (x: Single, y: Single): boolean => (y.score - x.score || y.weakest - x.weakest || x.candidate.start - y.candidate.start) < 0;
	/** The best acceptable start among those `allowed`: the most score, then measure, then the earliest. */
	const bestOf = (allowed: (candidate: Candidate) => boolean): Single | undefined => {
		let found: Single | undefined;
		for (const candidate of byCeiling) {
			// Those left could not score more (an equal score may still win on its measure).
			if (found && ceilings.get(candidate)! < found.score) break;
			if (!allowed(candidate)) continue;
			const s = evaluate(candidate);
			if (acceptable(s.weakest, candidate) && s.weight > 0 && (!found || before(s, found))) found = s;
		}

		return found;
	};

	const best = bestOf(() => true);
	if (!best) return undefined;
	let chosen = [best.candidate];
	// Two starts are one explanation when only lines of a title page stand between them (no entry).
	const sameStart = (x: Candidate, y: Candidate): boolean => {
		const [from, to] = x.start < y.start ? [x.start, y.start] : [y.start, x.start];
		if (to - from > near) return false;
		for (let k = from; k < to; k++) if (lines[k]!.hasPage) return false;
		return true;
	};

	const isNear = (candidate: Candidate): boolean => chosen.some((c) => sameStart(c, candidate));
	// Whether a set of starts cannot pass, by the most its parts could pair: too little to beat the
	// current explanation, or a part too light to be a printing.
	const ruledOut = (starts: readonly Candidate[], weight: number, lightestBar: number): boolean => {
		// A trace is told of every set of starts, as of every start.
		if (wanted !== undefined || trace !== undefined) return false;
		const {firstEnd, parts} = partsOf(lines, starts);
		const counts = pairableFor(firstEnd);
		let most = 0;
		for (const [from, to] of parts) {
			const bound = to <= from ? 0 : counts[to]! - counts[from]!;
			if (bound <= lightestBar) return true;
			most += bound;
		}

		return most <= weight * (1 + minGain);
	};

	let current = {weight: best.weight, weakest: best.weakest};
	while (wanted === undefined || chosen.length + 1 < wanted) {
		let next: {candidate: Candidate; weight: number; weakest: number; score: number} | undefined;
		for (const candidate of candidates) {
			if (isNear(candidate)) continue;
			const starts = [...chosen, candidate];
			// Every printing must pair a good part of the first: a stray page printed twice is not one.
			const lightestBar = Math.max(3, 0.25 * countEntries(lines, Math.min(...starts.map((c) => c.start))));
			if (ruledOut(starts, current.weight, lightestBar)) continue;
			const tried = explain(lines, starts, index);
			if (!acceptable(tried.weakest)) continue;
			const better = wanted === undefined ? tried.weight > current.weight * (1 + minGain) && tried.lightest > lightestBar : tried.weight > 0;
			const score = tried.weight * evidenceOf(candidate);
			if (better && (!next || score > next.score || (score === next.score && tried.weakest > next.weakest))) next = {candidate, ...tried, score};
		}

		if (!next) break;
		chosen = [...chosen, next.candidate];
		current = next;
	}

	if (wanted !== undefined && chosen.length + 1 < wanted) return undefined;
	// The runner-up: the best start outside every chosen one's neighbourhood, as a rival explanation.
	const rival =
		bestOf((candidate) => !isNear(candidate)) ??
		candidates
			.filter((candidate) => !isNear(candidate))
			.map((candidate) => evaluate(candidate))
			.filter((s) => s.weight > 0)
			.sort((x, y) => y.score - x.score)[0];
	return {
		chosen: chosen.sort((x, y) => x.start - y.start),
		weakest: current.weakest,
		...(rival ? {runnerUp: {candidate: rival.candidate, measure: rival.weakest, behind: Math.max(0, 2 * (best.score - rival.score))}} : {}),
	};
}

/**
 * Find the printings in `lines` (the file's lines, 1-based by position + 1).
 *
 * @example findPrintings(lines).report // {boundaries: [123], confidence: 0.93, method: '…'}
 */
export function findPrintings(lines: readonly string[], options: SplitOptions = {}, read: LineReader = lineReader(lines)): SplitResult {
	const all: number[] = [];
	for (const [i, raw] of lines.entries()) if (raw.trim() !== '') all.push(i + 1);
	if (all.length === 0) return {ranges: [], report: {boundaries: [], confidence: 0, method: 'empty input'}};
	// A printing runs from its first line to the last line of text before the next one starts.
	const rangesFrom = (starts: readonly number[]): Array<readonly [number, number]> =>
		starts.map((start, k): readonly [number, number] => {
			const next = starts[k + 1];
			let end = all.at(-1)!;
			if (next !== undefined) for (const n of all) if (n < next) end = n;
			return [start, end];
		});

	const {splitAt} = options;
	if (splitAt !== undefined) {
		// Each printing starts at the first line of text at or after its split point; a point
		// past the text, at its first line, or on the same start as the one before it splits nothing.
		const starts: number[] = [all[0]!];
		for (const at of typeof splitAt === 'number' ? [splitAt] : [...splitAt].sort((x, y) => x - y)) {
			const start = all.find((n) => n >= at);
			if (start !== undefined && start !== starts.at(-1)) starts.push(start);
		}

		return {ranges: rangesFrom(starts), report: {boundaries: starts.slice(1), confidence: 1, method: '--split-at'}};
	}

	const searched = readLines(lines, read, options.furniture);
	if (options.printings === 1 || searched.length < 2)
		return {
			ranges: [[all[0]!, all.at(-1)!]],
			report: {boundaries: [], confidence: 0, method: options.printings === 1 ? '--printings 1' : 'no second printing found'},
		};
	const edges = fileEdges(searched);
	const candidates = findCandidates(searched, edges);
	const result = choose(searched, candidates, options.printings, maxTitlePage, options.trace);
	if (!result) {
		const method = options.printings === undefined ? 'no second printing found' : `no ${options.printings} printings found`;
		return {ranges: [[all[0]!, all.at(-1)!]], report: {boundaries: [], confidence: 0, method}};
	}

	const boundaries = result.chosen.map((c, k) =>
		openingLine(lines, read, searched, ownStart(searched, c.start, k === 0 ? 0 : result.chosen[k - 1]!.start, edges)),
	);
	// How sure: the chosen printings' weakest pairing, shared with the runner-up as the odds of the
	// lines each leaves unexplained (every line more that the rival leaves unpaired makes it e times
	// less likely, in steps of `linesPerStep`).
	const {runnerUp} = result;
	const odds = runnerUp === undefined ? 0 : Math.exp(-runnerUp.behind / linesPerStep) * (runnerUp.measure / Math.max(0.01, result.weakest));
	const round = (value: number): number => Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
	const confidence = round(result.weakest / (1 + odds));
	const rivalConfidence = round((result.weakest * odds) / (1 + odds));
	const alternatives: SplitAlternative[] =
		runnerUp === undefined || rivalConfidence === 0 ? [] : [{boundaries: [searched[runnerUp.candidate.start]!.n], confidence: rivalConfidence}];
	return {
		ranges: rangesFrom([all[0]!, ...boundaries]),
		report: {
			boundaries,
			confidence,
			method:
				options.printings === undefined
					? splitMethod(result.chosen, boundaries)
					: `--printings ${options.printings}: ${splitMethod(result.chosen, boundaries)}`,
			...(alternatives.length > 0 ? {alternatives} : {}),
		},
	};
}
