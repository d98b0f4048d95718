/**
 * A suggestion on each difference: which reading is probably right, how sure, and why, so that
 * a reviewer confirms instead of investigating.
 *
 * Each piece of evidence is a weight in log-odds for reading A (negative for B); the confidence is
 * the logistic of their sum. Evidence:
 * - a word in the dictionary of the contents' language beats one that is not (weight 2.2);
 * - a word found elsewhere in either printing beats one found nowhere else (1.1);
 * - a reading that looks like a recognition error (digits inside a word, mixed scripts, a misread
 *   numeral, a letter in a page number) loses to its clean twin (2.2);
 * - a page that lies between its neighbours' pages beats one that does not (2.2);
 * - a number label that continues its sequence beats one that does not (2.2);
 * - with more than two printings, each further printing that reads as one side and not as the
 *   other votes for it (2.2 each): the majority reading wins;
 * - read from OCR files, a reading whose words the recogniser doubted (confidence under 0.6)
 *   loses to one it was sure of (0.85 or more), or, against plain text, loses alone (1.1);
 * - on punctuation and leaders, a reading that keeps the house style of both printings (how
 *   nearly all the other entries end, what stands before and after their pages) beats one that
 *   breaks it (`houseStyleWeight`; see house-style.ts).
 * - characters that print nothing: the reading without them (2.2);
 * - a number in a title that runs with its neighbours' (`NOVEMBER 21` between 20 and 25), or that
 *   an entry close by prints too (number-evidence.ts);
 * - a case difference: the form printed elsewhere, the title's own case, the book's title case
 *   (case-evidence.ts);
 * - an entry one printing lacks: the other printing stops before it, its page fits its own run
 *   and the other's leaves room, the other's numbering jumps over it (presence.ts);
 * - where nothing of the above settles a difference, the printings' track record: a printing
 *   whose readings lost nearly all the differences settled on other evidence loses this one too,
 *   at most 0.82 (track-record.ts), and only when the other reading can stand on its own.
 * Spelling variants are both plausible: their evidence counts half, and the dictionary is not
 * asked (it prefers one orthography over another). Where the sum is small the
 * suggestion says so (`reading: null`, confidence 0.5). Kinds with nothing to weigh (spacing,
 * markup, hyphenation, moves, page differences that a page offset explains, and punctuation and
 * leaders that no house style settles) get no suggestion.
 *
 * Pure: the dictionary comes in as a look-up function.
 *
 * Long (about 970 lines): one model, each kind of evidence a function of the same context and
 * weights, so that the weights can be read and tuned side by side; the newer sources of evidence
 * live in their own modules, and this one weighs them together.
 */
import {hasLetter, isAlphanumeric, isLetter, mixesScripts} from './chars.js';
import {foldApostrophes} from './normalize.js';
import {romanValue} from './labels.js';
import {pageNumber} from './parse.js';
import {misreadRoman, numberedSequences, ordinal, pageLists, sequenceOf, type Numbered} from './checks.js';
import {
	describeStyle,
	judgeStyle,
	leaderStyle,
	pageEnding,
	tallyStyle,
	titleEnding,
	type StyleOptions,
	type StyleTally,
	type StyleTrait,
} from './house-style.js';
import type {Difference, Language, Printing, RowDraft, Suggestion, TocItem, WordLookup} from './types.js';
import {letterEvidence, letterTable, type LetterTable} from './letter-evidence.js';
import {caseEvidence, caseTable, type CaseTable} from './case-evidence.js';
import {judgeMark, markTable, type MarkTable} from './mark-context.js';
import {oneSided, otherSide, strong, toward, weak, type Evidence, type Side} from './evidence.js';
import {numberEvidence} from './number-evidence.js';
import {presenceEvidence as entryEvidence, presenceIndex, type PresenceIndex} from './presence.js';
import {recordEvidence, recordLength, trackRecord} from './track-record.js';
import {stripInvisible} from './chars.js';

/** Options for `suggestRows`. */
export type SuggestOptions = {
	/** Looks a word up in the dictionary of `language`. @default no dictionary */
	readonly lookup?: WordLookup | undefined;
	/** The contents' language, for the wording of the evidence. */
	readonly language?: Language | undefined;
	/** The ids of the printings in `Row.others` (`C`, `D`, …). @default [] */
	readonly others?: readonly string[];
};

/** Below this total the evidence counts as even. */
const even = 0.5;
/**
 * A house style kept against one broken: moderate (alone 0.82); on the evaluation's tuning part
 * such suggestions were right 98 to 100 % of the time (see the README's calibration table).
 */
const houseStyleWeight = 1.5;
/**
 * A firm house style, kept by 95 in 100 of 20 entries or more, weighs as much as a dictionary
 * (alone 0.90): on the tuning part such suggestions were right 99.5 % of the time (title endings
 * kept by 94 % or more: 437 of 439; leaders 756 of 756).
 */
const firmStyle = {share: 0.95, comparable: 20} as const;
/**
 * What makes a house style: at least eight comparable entries in each printing, and 85 in 100 of
 * them alike. Tuned on the evaluation's tuning part: title endings there were right 524 times of
 * 533 at 85 % (502 of 511 at 90 %, 437 of 439 at 94 %); leaders 756 of 756. The slips left are
 * books that end some titles with a stop on purpose (`Bugle calls.`, `ETC.`) and mixed styles.
 */
const houseStyleOptions: Required<StyleOptions> = {threshold: 0.85, minimum: 8};

/** The weight of a house style kept: firm where nearly all of many follow it (`firmStyle`), else moderate. */
const styleWeight = ({following, comparable}: {readonly following: number; readonly comparable: number}): number =>
	following >= firmStyle.share * comparable && comparable >= firmStyle.comparable ? strong : houseStyleWeight;

const languageNames: Readonly<Record<Language, string>> = {en: 'English', fr: 'French', de: 'German', nl: 'Dutch', ru: 'Russian'};

/** Round to two decimals, as reports show it. */
const round = (value: number): number => Math.round(value * 100) / 100;

/** Weigh the evidence into a suggestion. */
export function decide(evidence: readonly Evidence[], nothing = 'nothing tells the readings apart'): Suggestion {
	const total = evidence.reduce((sum, piece) => sum + piece.weight, 0);
	if (Math.abs(total) < even) {
		const reasons = evidence.map((piece) => piece.why);
		return {reading: null, confidence: 0.5, why: reasons.length > 0 ? reasons.join('; ') : nothing};
	}

	// The evidence for the suggested reading first, then what speaks against it, said as such.
	const side = Math.sign(total);
	const forIt = evidence.filter((piece) => Math.sign(piece.weight) === side).map((piece) => piece.why);
	const against = evidence.filter((piece) => Math.sign(piece.weight) === -side).map((piece) => piece.why);
	const why = `${forIt.join('; ')}${against.length > 0 ? `; against it: ${against.join('; ')}` : ''}`;
	return {reading: total > 0 ? 'a' : 'b', confidence: round(1 / (1 + Math.exp(-Math.abs(total)))), why};
}

// ---------------------------------------------------------------------------------------------
// Words

/**
 * Remove what is not a letter or a digit from both ends of a word (`(BOLSHEVIKS).` →
 * `BOLSHEVIKS`); `keep` lists characters that may stay at the end (an apostrophe: `Bolsheviks'`).
 */
function trimPunctuation(word: string, keep = ''): string {
	// By code points (a letter outside the Basic Multilingual Plane is two code units), without
	// splitting the word into an array: this runs on every word of a long contents page.
	const codePointBefore = (end: number): string => {
		const low = word.charCodeAt(end - 1);
		return low >= 0xdc_00 && low <= 0xdf_ff && end >= 2 ? word.slice(end - 2, end) : word.charAt(end - 1);
	};

	// Most words start and end with a letter or digit already.
	if (word !== '' && isAlphanumeric(word.charAt(0)) && isAlphanumeric(word.charAt(word.length - 1))) return word;
	let start = 0;
	let end = word.length;
	while (start < end) {
		const ch = String.fromCodePoint(word.codePointAt(start)!);
		if (isAlphanumeric(ch)) break;
		start += ch.length;
	}

	while (end > start) {
		const ch = codePointBefore(end);
		if (isAlphanumeric(ch) || keep.includes(ch)) break;
		end -= ch.length;
	}

	return start === 0 && end === word.length ? word : word.slice(start, end);
}

/** A word as compared: typographic apostrophes folded, punctuation around it removed, lower case. */
function bare(word: string): string {
	return trimPunctuation(foldApostrophes(word)).toLowerCase();
}

/** The words of a run that carry letters, bare. */
function wordsOf(run: string): string[] {
	return run
		.split(/\s+/)
		.map((word) => bare(word))
		.filter((word) => hasLetter(word));
}

/** French elisions and English possessives are looked up without their apostrophe part. */
function lookupForms(word: string): string[] {
	const forms = [word];
	const elided = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(.+)$/u.exec(word);
	if (elided) forms.push(elided[1]!);
	if (word.endsWith("'s")) forms.push(word.slice(0, -2));
	return forms;
}

/** Whether a word is in the dictionary: each part of a hyphenated word must be. */
function isKnown(word: string, lookup: WordLookup): boolean | undefined {
	const parts = word.split('-').filter((part) => part !== '');
	let answer: boolean | undefined = true;
	for (const part of parts) {
		const found = lookupForms(part).map((form) => lookup(form));
		if (found.includes(true)) continue;
		if (found.includes(undefined)) return undefined;
		answer = false;
	}

	return answer;
}

/** Whether every word is in the dictionary; undefined without a dictionary or without words. */
function allKnown(words: readonly string[], lookup: WordLookup | undefined): boolean | undefined {
	if (lookup === undefined || words.length === 0) return undefined;
	let answer: boolean | undefined = true;
	for (const word of words) {
		const known = isKnown(word, lookup);
		if (known === undefined) return undefined;
		if (!known) answer = false;
	}

	return answer;
}

/** A word that looks like a recognition error: a digit or a bar beside a letter, Latin and Cyrillic mixed. */
function looksMisread(word: string): boolean {
	const chars = [...word];
	const odd = (ch: string): boolean => (ch >= '0' && ch <= '9') || ch === '|' || ch === '¦';
	if (chars.some((ch, k) => odd(ch) && ((k > 0 && isLetter(chars[k - 1]!)) || (k + 1 < chars.length && isLetter(chars[k + 1]!))))) return true;
	return mixesScripts(word);
}

/** Titles as one lower-cased text, to count words in. */
function titleText(items: readonly TocItem[]): string {
	return foldApostrophes(items.map((item) => item.title).join('\n')).toLowerCase();
}

/** How often a bare word occurs as a whole word in a lower-cased text. */
function occurrences(text: string, word: string): number {
	if (word === '') return 0;
	let count = 0;
	for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
		const before = text[at - 1];
		const after = text[at + word.length];
		if ((before === undefined || !isAlphanumeric(before)) && (after === undefined || !isAlphanumeric(after))) count++;
	}

	return count;
}

/** Below this many characters of titles, counting a word scans them; above, a table of words is made once. */
const scanLimit = 200_000;

/**
 * A "word" longer than this is debris (a run of one letter, a line without spaces), counted
 * nowhere: looking for it would cost its length at each place where it almost starts.
 */
const longestWord = 64;

/** Characters scanned over all questions past which a table is made all the same. */
const scanBudget = 20 * scanLimit;

/** How often a bare word occurs in all the titles, and in a few of them, counted alike. */
type WordCounter = {
	readonly all: (word: string) => number;
	readonly within: (items: readonly TocItem[], word: string) => number;
};

/**
 * A table of the bare words of some titles (`wordsOf`) and how often each occurs. Each word as
 * printed is made bare once (#17): most recur, title after title.
 */
function wordTable(items: readonly TocItem[], bareOf = new Map<string, string | null>()): Map<string, number> {
	const table = new Map<string, number>();
	for (const item of items) {
		for (const printed of item.title.split(/\s+/)) {
			let word = bareOf.get(printed);
			if (word === undefined) {
				const made = bare(printed);
				word = hasLetter(made) ? made : null;
				bareOf.set(printed, word);
			}

			if (word !== null) table.set(word, (table.get(word) ?? 0) + 1);
		}
	}

	return table;
}

/**
 * Count bare words in titles. A contents page of a few hundred entries is scanned for each word
 * asked about (nothing to build at start-up); a long one gets a table of its words, made on the
 * first question (scanning 100,000 entries for each of thousands of differing words took 30 s),
 * and so does a short one asked so often that the scans add up to more than `scanBudget`
 * characters (thousands of words differing in one title of 80,000 characters took 7 s).
 * Counts within a few titles go the same way as the count over all, so that they can be
 * subtracted: the way changes only on a question over all, which comes first.
 */
function wordCounter(items: readonly TocItem[]): WordCounter {
	let text: string | undefined;
	let table: Map<string, number> | undefined;
	let useTable: boolean | undefined;
	let scanned = 0;
	const bareOf = new Map<string, string | null>();
	// The few titles last asked about (a row's own), their text or table made once for all their words.
	let few: {items: readonly TocItem[]; text?: string; table?: Map<string, number>} | undefined;
	const decide = (): boolean => {
		if (useTable === undefined) {
			// Folding apostrophes keeps the length and lower case never shortens it: titles longer
			// than the limit as printed need no text made to tell (#17).
			let length = Math.max(0, items.length - 1);
			for (const item of items) length += item.title.length;
			useTable = length > scanLimit || (text = titleText(items)).length > scanLimit;
		}

		if (!useTable && scanned > scanBudget) useTable = true;
		return useTable;
	};

	return {
		all(word) {
			if (word.length > longestWord) return 0;
			if (decide()) return (table ??= wordTable(items, bareOf)).get(word) ?? 0;
			scanned += text!.length;
			return occurrences(text!, word);
		},
		within(some, word) {
			if (word.length > longestWord) return 0;
			if (few?.items !== some) few = {items: some};
			if (useTable ?? decide()) return (few.table ??= wordTable(some, bareOf)).get(word) ?? 0;
			few.text ??= titleText(some);
			scanned += few.text.length;
			return occurrences(few.text, word);
		},
	};
}

/** What the suggestion needs to know besides the difference. */
type Context = {
	readonly options: SuggestOptions;
	/** How often a bare word occurs in the titles of both printings, or of some items. */
	readonly count: WordCounter;
	/** Each printing's paged entries and numbered items, made on first need. */
	readonly pages: (side: 'a' | 'b') => PageIndex;
	readonly labels: (side: 'a' | 'b') => ReadonlyMap<string, readonly Numbered[]>;
	/** The printings' ids (`A`, `B`), for the wording. */
	readonly ids: Readonly<Record<'a' | 'b', string>>;
	/** For each further printing, the last row that holds one of its items: past it, that printing has stopped. */
	readonly lastOther: readonly number[];
	/** The last row that holds an item of A, and of B: past it, that printing has stopped. */
	readonly last: Readonly<Record<'a' | 'b', number>>;
	/** A style trait counted over each printing's entries, made on first need. */
	readonly style: (trait: StyleTrait) => readonly [StyleTally, StyleTally];
	/** Both printings' words as printed, for case differences, made on first need. */
	readonly cases: () => CaseTable;
	/** How the titles of both printings mark each context inside a title (made when first asked for). */
	readonly marks: () => MarkTable;
	/** Both printings' words, for the letters of a respelling, made on first need. */
	readonly letters: () => LetterTable;
	/** The rows' pages and numbering by side, for entries one printing lacks, made on first need. */
	readonly presence: () => PresenceIndex;
	readonly rows: readonly RowDraft[];
};

/** The words of a run that differ from the other run's, as printed (punctuation around them trimmed). */
function differingWords(run: string, other: string): string[] {
	const others = new Set(wordsOf(other));
	return run
		.split(/\s+/)
		.map((word) => trimPunctuation(word, "'’"))
		.filter((word) => hasLetter(word) && !others.has(bare(word)));
}

/**
 * Evidence on a changed run of words: dictionary (unless `dictionary` is false), other
 * occurrences, the look of a misreading.
 */
function wordEvidence(difference: Difference, row: RowDraft, context: Context, dictionary = true): Evidence[] {
	// Only the words that differ are weighed: `THE PRESIDIUM OF` and `THE PRESIDUM OF` differ in one.
	const shown = {a: differingWords(difference.a, difference.b), b: differingWords(difference.b, difference.a)};
	const keys = {a: shown.a.map((word) => bare(word)), b: shown.b.map((word) => bare(word))};
	const quote = (side: 'a' | 'b'): string => `“${shown[side].join(' ')}”`;
	const other = (side: 'a' | 'b'): 'a' | 'b' => (side === 'a' ? 'b' : 'a');
	const language = context.options.language === undefined ? 'the' : `the ${languageNames[context.options.language]}`;
	// Readings that differ only in accents or case (`Résumé` / `RESUME`) are both words: a word list
	// that lacks one form says nothing about it; so are one- and two-letter words (`Il`).
	const sameLetters =
		keys.a.join(' ').normalize('NFD').replaceAll(/\p{M}/gu, '').toLowerCase() === keys.b.join(' ').normalize('NFD').replaceAll(/\p{M}/gu, '').toLowerCase();
	const tooShort = [...keys.a, ...keys.b].some((word) => word.length <= 2);
	const lookup = dictionary && !sameLetters && !tooShort ? context.options.lookup : undefined;
	const evidence = oneSided(
		allKnown(keys.a, lookup),
		allKnown(keys.b, lookup),
		strong,
		(side) => `${quote(side)} is in ${language} dictionary and ${quote(other(side))} is not`,
	);

	// Found elsewhere: counted over both printings, less this row's own two items.
	const own = [row.a, row.b].filter((item) => item !== null);
	// A word of one or two letters (`V`, `Il`, `of`) recurs in any contents page: no evidence.
	const elsewhere = (words: readonly string[]): boolean | undefined =>
		words.length === 0 || words.some((word) => [...word].length <= 2)
			? undefined
			: words.every((word) => context.count.all(word) > context.count.within(own, word));
	evidence.push(
		...oneSided(elsewhere(keys.a), elsewhere(keys.b), weak, (side) => `${quote(side)} occurs elsewhere in the printings and ${quote(other(side))} does not`),
	);

	const misread = (words: readonly string[]): boolean | undefined => (words.length === 0 ? undefined : words.some((word) => looksMisread(word)));
	evidence.push(...oneSided(misread(shown.b), misread(shown.a), strong, (side) => `${quote(other(side))} looks like a recognition error of ${quote(side)}`));
	return evidence;
}

// ---------------------------------------------------------------------------------------------
// The recogniser's own confidence (printings read from OCR files, #15)

/** Below this a word's confidence counts as doubted, at or above `sure` as sure. */
const doubted = 0.6;
const sure = 0.85;

/**
 * The recogniser's least confidence in the words that print `run` in an item read from an OCR
 * file, or undefined when the item has none (plain text) or a word of the run is not found.
 */
export function runConfidence(item: TocItem | null, run: string): number | undefined {
	if (item?.place === undefined) return undefined;
	const tokens = run.split(/\s+/u).filter((token) => token !== '');
	if (tokens.length === 0) return undefined;
	const words = item.place.lines.flatMap((line) => line.words);
	let least = 1;
	for (const token of tokens) {
		// The OCR word that prints the token; a difference may be part of one (`1` in `JULY 1,`).
		const word = words.find((candidate) => candidate.text === token) ?? words.find((candidate) => candidate.text.includes(token));
		if (word?.confidence === undefined) return undefined;
		least = Math.min(least, word.confidence);
	}

	return least;
}

const percent = (value: number): string => `${Math.round(value * 100)} %`;

/**
 * A reading the recogniser itself doubted is more likely the wrong one (weak evidence): against
 * a doubted reading when the other is sure, or, when the other printing has no confidences
 * (plain text), against a doubted reading alone.
 */
function confidenceEvidence(difference: Difference, row: RowDraft): Evidence[] {
	const a = runConfidence(row.a, difference.a);
	const b = runConfidence(row.b, difference.b);
	const said = (side: 'a' | 'b', value: number): string => `the recogniser doubted “${side === 'a' ? difference.a : difference.b}” (${percent(value)})`;
	if (a !== undefined && b !== undefined) {
		if (a < doubted && b >= sure) return [{weight: -weak, why: `${said('a', a)} and was sure of “${difference.b}” (${percent(b)})`}];
		if (b < doubted && a >= sure) return [{weight: weak, why: `${said('b', b)} and was sure of “${difference.a}” (${percent(a)})`}];
		return [];
	}

	if (a !== undefined && a < doubted && row.b?.place === undefined) return [{weight: -weak, why: said('a', a)}];
	if (b !== undefined && b < doubted && row.a?.place === undefined) return [{weight: weak, why: said('b', b)}];
	return [];
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * The paged entries of a printing in line order, for finding an entry's neighbours, each with
 * the number of its page list (a heading may start a list whose pages begin again; see checks.ts).
 */
type PageIndex = ReadonlyArray<{readonly item: TocItem; readonly page: number; readonly list: number}>;

function pageIndex(printing: Printing): PageIndex {
	return pageLists(printing.items).flatMap((paged, list) => paged.map(({item, page}) => ({item, page, list})));
}

/** The pages of an entry's neighbours in its printing, where they have one. */
type Bounds = {readonly before: number | undefined; readonly after: number | undefined};

/** The pages of the nearest paged entries before and after an item, in the item's own page list. */
function neighbours(index: PageIndex, item: TocItem): Bounds {
	// First entry that starts after the item ends (binary search on the first line).
	let lo = 0;
	let hi = index.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (index[mid]!.item.lines[0] <= item.lines[1]) lo = mid + 1;
		else hi = mid;
	}

	let before = lo - 1;
	while (before >= 0 && index[before]!.item.lines[1] >= item.lines[0]) before--;
	// The item's list is its own, when it is paged (the last entry starting in the item's lines: a
	// row's item may join several, read as one); a neighbour across a list break is no yardstick.
	const own = index[lo - 1];
	const list = own !== undefined && own.item.lines[0] >= item.lines[0] ? own.list : undefined;
	const inList = (at: number): number | undefined => (list === undefined || index[at]?.list === list ? index[at]?.page : undefined);
	return {before: inList(before), after: inList(lo)};
}

/**
 * The last page of a range as printed (`101-158` → 158; `158-62` → 162, the end written short;
 * `16-17`), or `start` when the page is a single number.
 */
function rangeEnd(printed: string, start: number): number {
	const numbers = printed.match(/\d+/g) ?? [];
	if (numbers.length < 2) return start;
	const last = numbers.at(-1)!;
	const end = Number(last);
	const first = String(start);
	return end < start && last.length < first.length ? Number(first.slice(0, first.length - last.length) + last) : end;
}

/** `between 168 and 183`, `after 168`, `before 183`. */
function describeBounds({before, after}: Bounds): string {
	if (before !== undefined && after !== undefined) return `between ${before} and ${after}`;
	return before === undefined ? `before ${after}` : `after ${before}`;
}

/**
 * Evidence on a page: a reading that lies between its own printing's neighbouring pages beats
 * one that does not (each printing is read on its own, so that a repaginated edition's pages
 * count too); a page with a letter in it loses to one of digits.
 */
function pageEvidence(difference: Difference, row: RowDraft, context: Context): Evidence[] {
	// Marks after a page (`3,`, `17.`) are no letters.
	const digitsOnly = (page: string): boolean | undefined => (page === '' ? undefined : /^[\d\s.,:;–—-]+$/.test(page));
	const digits = {a: digitsOnly(difference.a), b: digitsOnly(difference.b)};
	const evidence = oneSided(digits.a, digits.b, strong, (side) => `“${difference[otherSide(side)]}” has a letter where a digit belongs`);
	const pages = {a: pageNumber(difference.a), b: pageNumber(difference.b)};
	if (row.a === null || row.b === null) return evidence;
	const around = {a: neighbours(context.pages('a'), row.a), b: neighbours(context.pages('b'), row.b)};
	// Whether a page lies between the neighbours a printing gives it (a range must also end by the
	// next entry's page, and not before it starts).
	const within = (side: 'a' | 'b', bounds: Bounds): boolean => {
		const {before, after} = bounds;
		const page = pages[side]!;
		const end = rangeEnd(difference[side], page);
		return (before === undefined || before <= page) && end >= page && (after === undefined || end <= after);
	};

	const bounded = (bounds: Bounds): boolean => bounds.before !== undefined && bounds.after !== undefined;
	// The page of digits is no better where its own neighbours rule it out (`shi` / `314` between 24
	// and 37): both are misread.
	const digitSide = digits.a === true && digits.b === false ? 'a' : digits.b === true && digits.a === false ? 'b' : undefined;
	if (digitSide !== undefined && pages[digitSide] !== undefined && bounded(around[digitSide]) && !within(digitSide, around[digitSide])) return [];
	// Neighbours on both sides, close enough to vouch for a page between them (as the parse's run does).
	const closed = (bounds: Bounds): boolean => bounded(bounds) && bounds.after! - bounds.before! <= 12;
	// A page one printing lost (OCR dropped it, or read it as no number): the page the other prints
	// is right where both printings' neighbours hold it in the same place.
	if ((pages.a === undefined) !== (pages.b === undefined) && (difference.a === '' || difference.b === '')) {
		const side = pages.a === undefined ? 'b' : 'a';
		const other = otherSide(side);
		// Neighbours far apart vouch less: a number that lies between them may still be no page (weak).
		if (difference[other] === '' && bounded(around.a) && bounded(around.b) && within(side, around.a) && within(side, around.b)) {
			evidence.push(
				toward(
					side,
					closed(around.a) && closed(around.b) ? strong : weak,
					`page ${difference[side]} lies ${describeBounds(around[side])} in ${context.ids[side]} ` +
						`and ${describeBounds(around[other])} in ${context.ids[other]}, which lost it`,
				),
			);
		}

		return evidence;
	}

	if (pages.a === undefined || pages.b === undefined) return evidence;
	if (around.a.before === undefined && around.a.after === undefined) return evidence;
	const fits = (side: 'a' | 'b'): boolean => within(side, around[side]);
	// Neighbours out of order themselves (`between 22 and 2`: one of them misread) vouch less.
	const inverted = (bounds: Bounds): boolean => bounds.before !== undefined && bounds.after !== undefined && bounds.after < bounds.before;
	const fitWeight = inverted(around.a) || inverted(around.b) ? weak : strong;

	// Neighbours offset alike on both sides: the pages of a repaginated edition.
	const shift = around.a.before !== undefined && around.b.before !== undefined ? around.b.before - around.a.before : undefined;
	const offset =
		shift !== undefined && shift !== 0 && around.a.after !== undefined && around.b.after !== undefined && around.b.after - around.a.after === shift
			? shift
			: undefined;
	const {ids} = context;
	evidence.push(
		...oneSided(fits('a'), fits('b'), fitWeight, (side) => {
			const other = side === 'a' ? 'b' : 'a';
			const moved =
				offset === undefined
					? ''
					: `; ${ids.b}'s pages run ${offset} ${offset > 0 ? 'ahead' : 'behind'}, ` +
						`so ${ids[other]}'s page should be ${pages[side]! + (side === 'a' ? offset : -offset)}`;
			return (
				`page ${difference[side]} fits ${describeBounds(around[side])} in ${ids[side]}, ` +
				`and ${difference[other]} does not fit ${describeBounds(around[other])} in ${ids[other]}${moved}`
			);
		}),
	);
	// Each fits its own printing (a misread neighbour widened one run: `84` after `34` and before
	// `385`): the pages of the same edition hold it in both printings, or not.
	if (evidence.length === 0 && offset === undefined && around.a.before === around.b.before && bounded(around.a) && bounded(around.b)) {
		const both = (side: 'a' | 'b'): boolean => within(side, around.a) && within(side, around.b);
		evidence.push(
			...oneSided(
				both('a'),
				both('b'),
				weak,
				(side) => `page ${difference[side]} fits the pages around it in both printings, ${difference[otherSide(side)]} only in ${ids[otherSide(side)]}`,
			),
		);
	}

	return evidence;
}

/** Where an entry stands in a printing's paged entries (binary search on its first line), or -1. */
function positionIn(index: PageIndex, item: TocItem): number {
	let lo = 0;
	let hi = index.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (index[mid]!.item.lines[0] < item.lines[0]) lo = mid + 1;
		else hi = mid;
	}

	return index[lo]?.item.lines[0] === item.lines[0] ? lo : -1;
}

/**
 * Where a range of pages starting at `start` should end, read from its printing's entries: the
 * page before the next entry's where the ranges run on (the entry before ends where this one
 * begins), or the end of the last entry it holds (a chapter over its sections). Undefined when
 * the entries around say neither.
 */
function expectedEnd(
	index: PageIndex,
	at: number,
	start: number,
	ends: readonly [number, number],
): {readonly end: number; readonly how: string; readonly nested: boolean} | undefined {
	const next = index[at + 1];
	if (next === undefined || next.list !== index[at]!.list || next.page < start) return undefined;
	// The next entry begins past where either reading ends: the ranges run on.
	if (next.page > Math.min(...ends)) {
		// The printing's ranges run on around it: the entry before ends where this one begins, and the
		// next ends where the one after it begins; at the start or the end of the list, the one of
		// the two that is there.
		const previous = index[at - 1];
		const after = index[at + 2];
		const before = previous === undefined || previous.list !== index[at]!.list ? undefined : rangeEnd(previous.item.page ?? '', previous.page) + 1 === start;
		const beyond = after === undefined || after.list !== next.list ? undefined : rangeEnd(next.item.page ?? '', next.page) + 1 === after.page;
		const runsOn = (before ?? beyond) === true && (beyond ?? before) === true;
		return runsOn ? {end: next.page - 1, how: `the next entry begins at ${next.page}`, nested: false} : undefined;
	}

	// The entries it holds: those that begin inside it by either reading.
	let end: number | undefined;
	for (let k = at + 1; k < index.length && index[k]!.list === index[at]!.list && index[k]!.page >= start && index[k]!.page <= Math.min(...ends); k++) {
		end = Math.max(end ?? 0, rangeEnd(index[k]!.item.page ?? '', index[k]!.page));
	}

	return end === undefined ? undefined : {end, how: `the entries it holds end at ${end}`, nested: true};
}

/**
 * Evidence on the end of a range of pages (`232-257` / `232-258`, both between the neighbours):
 * the reading that ends where its printing's entries say it should (`expectedEnd`) beats one that
 * does not.
 */
function rangeEvidence(difference: Difference, row: RowDraft, context: Context): Evidence[] {
	if (row.a === null || row.b === null) return [];
	const start = pageNumber(difference.a);
	if (start === undefined || start !== pageNumber(difference.b)) return [];
	const ends = {a: rangeEnd(difference.a, start), b: rangeEnd(difference.b, start)};
	if (ends.a === ends.b || ends.a === start || ends.b === start) return [];
	const expected = (side: 'a' | 'b') => {
		const index = context.pages(side);
		const at = positionIn(index, row[side]);
		return at < 0 ? undefined : expectedEnd(index, at, start, [ends.a, ends.b]);
	};

	const found = {a: expected('a'), b: expected('b')};
	const right = (side: 'a' | 'b'): boolean | undefined => (found[side] === undefined ? undefined : found[side].end === ends[side]);
	// A range read against the entries it holds leans less: one of them may be misprinted too.
	const weight = found.a?.nested === true || found.b?.nested === true ? houseStyleWeight : strong;
	return oneSided(right('a'), right('b'), weight, (side) => `${difference[side]} ends where it should: ${found[side]!.how}`);
}

// ---------------------------------------------------------------------------------------------
// Labels

/** The numbers before and after an item's in its sequence (undefined at its ends). */
type Around = {readonly before: number | undefined; readonly after: number | undefined};

/** The numbers around an item's in its sequence, or undefined when it is in none. */
function sequenceAround(index: ReadonlyMap<string, readonly Numbered[]>, item: TocItem): Around | undefined {
	if (item.label === undefined || item.labelValue === undefined) return undefined;
	const list = index.get(sequenceOf(item.label, item.labelValue));
	const at = list?.findIndex((entry) => entry.item.lines[0] === item.lines[0]) ?? -1;
	if (list === undefined || at < 0) return undefined;
	return {before: list[at - 1]?.n, after: list[at + 1]?.n};
}

/** Whether `n` continues a sequence at a place: one after the number before, or one before the next (1 when it opens it). */
function fitsAround(around: Around, n: number): boolean | undefined {
	const {before, after} = around;
	if (before === undefined && after === undefined) return undefined;
	return (before !== undefined && before + 1 === n) || (after !== undefined && after - 1 === n) || (before === undefined && n === 1);
}

/** Whether an item's number continues its sequence: one after the number before, or one before the next. */
function continuesSequence(index: ReadonlyMap<string, readonly Numbered[]>, item: TocItem): boolean | undefined {
	const n = item.labelValue === undefined ? undefined : ordinal(item.labelValue);
	const around = sequenceAround(index, item);
	return n === undefined || around === undefined ? undefined : fitsAround(around, n);
}

/** Evidence on a numbering label: a clean numeral beats a misread one; a number in sequence beats one out of it. */
function labelEvidence(difference: Difference, row: RowDraft, context: Context): Evidence[] {
	const misread = (label: string): boolean | undefined => (label === '' ? undefined : misreadRoman(label) !== undefined);
	// A label's numeral, its value as a Roman numeral (`XXII.` → 22), or undefined.
	const roman = (label: string): number | undefined => romanValue(label.replaceAll(/[.:)\s]/g, ''));
	// A clean numeral beats a misread one only when it is a Roman numeral too: `1.` against `|.` in a
	// Roman sequence is two misreadings of `I.`.
	const cleanRoman = (label: string): boolean => roman(label) !== undefined && label === label.toUpperCase();
	// The clean numeral is the wrong number where the misread one means the number its sequence
	// wants and it does not (`XXII.` between `XXII` and `XXIV`, against `XXIIT.`, read `XXIII.`).
	// Where the misread one means another number (`Ill.`, read `III.`, against `II.`), the clean one
	// may have lost a letter as well: it wins only where its sequence wants it and not the other.
	const wrongNumber = (side: Side): boolean => {
		const item = row[side];
		const meant = romanValue(misreadRoman(difference[otherSide(side)]) ?? '');
		const value = roman(difference[side]);
		if (meant === undefined || value === undefined || meant === value) return false;
		const around = item === null ? undefined : sequenceAround(context.labels(side), item);
		return around === undefined || !(fitsAround(around, value) === true && fitsAround(around, meant) === false);
	};

	const good = (side: Side): boolean | undefined => {
		if (misread(difference[otherSide(side)]) === true && misread(difference[side]) === false)
			return cleanRoman(difference[side]) && !wrongNumber(side) ? true : undefined;
		return misread(difference[side]) === true ? false : undefined;
	};
	const evidence = oneSided(good('a'), good('b'), strong, (side) => `“${difference[otherSide(side)]}” is a misread numeral`);
	// A number that continues the sequence is right in value; written as a misreading (`П.`), it is no reading to take.
	if (difference.kind === 'number' && row.a !== null && row.b !== null && !misread(difference.a) && !misread(difference.b)) {
		evidence.push(
			...oneSided(
				continuesSequence(context.labels('a'), row.a),
				continuesSequence(context.labels('b'), row.b),
				strong,
				(side) => `“${difference[side]}” continues its numbering and “${difference[otherSide(side)]}” does not`,
			),
		);
	}

	return evidence;
}

// ---------------------------------------------------------------------------------------------
// More printings

/** Whether an item of another printing reads `text` in the difference's field; undefined when it cannot tell. */
function readsAs(item: TocItem, field: Difference['field'], text: string): boolean | undefined {
	switch (field) {
		case 'page': {
			return (item.page ?? '') === text;
		}

		case 'label': {
			return (item.label ?? '') === text;
		}

		case 'title': {
			if (text.trim() === '') return undefined;
			const title = foldApostrophes(`${item.label ?? ''} ${item.title}`).toLowerCase();
			return occurrences(title, foldApostrophes(text).toLowerCase()) > 0;
		}

		case 'leader':
		case 'item': {
			return undefined;
		}
	}
}

/**
 * The further printings' votes (three scans of one page): one that reads as A and not as B votes
 * for A, and the reverse. An empty reading (a word added in one printing) is read as the absence of
 * the other.
 */
function majorityEvidence(difference: Difference, row: RowDraft, context: Context): Evidence[] {
	const evidence: Evidence[] = [];
	for (const [k, item] of (row.others ?? []).entries()) {
		if (item === null) continue;
		const a = readsAs(item, difference.field, difference.a);
		const b = readsAs(item, difference.field, difference.b);
		const forA = a ?? (b === undefined ? undefined : !b);
		const forB = b ?? (a === undefined ? undefined : !a);
		const id = context.options.others?.[k] ?? '?';
		const shown = (text: string): string => (text === '' ? 'nothing there' : `“${text}”`);
		evidence.push(...oneSided(forA, forB, strong, (side) => `${id} reads ${shown(difference[side])} too`));
	}

	return evidence;
}

// ---------------------------------------------------------------------------------------------

/**
 * The further printings' votes on an entry that one of A and B lacks (missing, extra, or lost
 * where a printing stops): one that has the entry too votes for the printing that has it, one that
 * lacks it for the other. Nothing to weigh with two printings.
 */
function presenceEvidence(row: RowDraft, index: number, context: Context): Evidence[] {
	const present = row.a === null ? 'b' : 'a';
	const evidence: Evidence[] = [];
	for (const [k, item] of (row.others ?? []).entries()) {
		const id = context.options.others?.[k] ?? '?';
		const has = item !== null;
		// A printing that stopped before this row (a scan cut short too) says nothing by lacking it.
		if (!has && index > (context.lastOther[k] ?? -1)) continue;
		// Having the entry votes for the printing that has it; lacking it, for the other.
		evidence.push({weight: (present === 'a') === has ? strong : -strong, why: has ? `${id} has the entry too` : `${id} has no such entry either`});
	}

	return evidence;
}

/**
 * The votes on an item that neither A nor B has, only further printings (#16): the printings that
 * lack it (A and B among them) vote for A's reading, nothing there; those that have it, against. A
 * printing that stopped before the row says nothing. More printings with it than without: no
 * suggestion (a reading of C is none the suggestion can name).
 */
function absenceEvidence(row: RowDraft, index: number, context: Context): Evidence[] {
	const lacking: string[] = [];
	const having: string[] = [];
	for (const side of ['a', 'b'] as const) if (index <= context.last[side]) lacking.push(context.ids[side]);
	for (const [k, item] of (row.others ?? []).entries()) {
		const id = context.options.others?.[k] ?? '?';
		if (item !== null) having.push(id);
		else if (index <= (context.lastOther[k] ?? -1)) lacking.push(id);
	}

	if (lacking.length < having.length) return [];
	const names = (ids: readonly string[]): string => (ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`);
	return [
		...(lacking.length === 0 ? [] : [{weight: strong * lacking.length, why: `${names(lacking)} ${lacking.length === 1 ? 'has' : 'have'} no such entry`}]),
		{weight: -strong * having.length, why: `${names(having)} ${having.length === 1 ? 'has' : 'have'} it`},
	];
}

// ---------------------------------------------------------------------------------------------
// House style

/** The style trait a punctuation or leader difference is about, or undefined when it is about none. */
function traitOf(difference: Difference, row: RowDraft): StyleTrait | undefined {
	if (row.a === null || row.b === null) return undefined;
	if (difference.kind === 'leaders' && difference.field === 'leader') return leaderStyle;
	if (difference.kind !== 'punctuation') return undefined;
	if (difference.field === 'page') return pageEnding;
	// A mark inside the title (`Smith, John`) is no matter of how entries end: the difference must be at its end.
	const endsWith = (title: string, reading: string): boolean => reading.trim() !== '' && title.trimEnd().endsWith(reading.trim());
	if (difference.field === 'title' && endsWith(row.a.title, difference.a) && endsWith(row.b.title, difference.b)) return titleEnding;
	return undefined;
}

/** Evidence from the house style: the reading that keeps it beats the one that breaks it. */
function styleEvidence(difference: Difference, row: RowDraft, context: Context): Evidence[] {
	const trait = traitOf(difference, row);
	if (trait === undefined || row.a === null || row.b === null) return [];
	const verdict = judgeStyle(row.a, row.b, context.style(trait), trait, houseStyleOptions);
	if (verdict === undefined) return [];
	return [toward(verdict.reading, styleWeight(verdict), describeStyle(verdict, trait))];
}

/**
 * Evidence on the stop after an initial (`J. V. STALIN` / `J V. STALIN`): a capital letter alone
 * beside another initial with its stop is an initial too, and initials take a stop. A Roman
 * numeral's letter (`PART V`, `I. V`) counts only beside a letter no numeral has: numerals are
 * printed either way.
 */
function initialEvidence(difference: Difference, row: RowDraft): Evidence[] {
	if (difference.kind !== 'punctuation' || difference.field !== 'title' || row.a === null || row.b === null) return [];
	const letter = (reading: string): string | undefined => /^(\p{Lu})\.?$/u.exec(reading.trim())?.[1];
	const a = letter(difference.a);
	if (a === undefined || a !== letter(difference.b)) return [];
	const dotted: 'a' | 'b' | undefined = difference.a.trim() === `${a}.` ? 'a' : difference.b.trim() === `${a}.` ? 'b' : undefined;
	if (dotted === undefined) return [];
	// In the reading without the stop, the letter stands beside an initial with one (`J V. STALIN`, `J. V STALIN`).
	const bare = row[otherSide(dotted)].title;
	const beside = new RegExp(String.raw`(?:^|\s)(?:(\p{Lu})\.\s*${a}|${a}\s+(\p{Lu})\.)(?=\s|$)`, 'u').exec(bare);
	// A Roman numeral's letter counts as an initial only beside a letter no numeral has (`J. V STALIN`, not `I. V`).
	const roman = /[IVXLCDM]/;
	if (beside === null || (roman.test(a) && roman.test(beside[1] ?? beside[2] ?? ''))) return [];
	return [toward(dotted, strong, `“${a}” stands beside another initial, and initials take a stop`)];
}

/**
 * Evidence on a mark inside a title (`AUGUST 2. 1920` / `AUGUST 2, 1920`): the reading whose mark the
 * other titles of both printings print in the same context (see `mark-context.ts`), with the house
 * style's weights: firm where nearly all of many agree.
 */
function markEvidence(difference: Difference, row: RowDraft, context: Context): Evidence[] {
	if (difference.kind !== 'punctuation' || difference.field !== 'title' || row.a === null || row.b === null) return [];
	const verdict = judgeMark(difference, {a: row.a.title, b: row.b.title}, context.marks(), houseStyleOptions);
	return verdict === undefined ? [] : [toward(verdict.reading, styleWeight(verdict), verdict.why)];
}

/** The evidence on one difference and what to say when it is even; undefined for kinds with nothing to weigh. */
type Weighed = {readonly evidence: readonly Evidence[]; readonly nothing?: string};

/**
 * Evidence on characters that print nothing (#16): a zero-width space or a BOM inside a word is
 * a slip of the file, not of the printing; the reading without it wins. A joiner or non-joiner
 * beside a letter of a script that writes them on purpose (Arabic, Persian, the Indic scripts) says
 * nothing.
 */
function invisibleEvidence(row: RowDraft, ids: Readonly<Record<'a' | 'b', string>>): Evidence[] {
	if (row.a === null || row.b === null) return [];
	const count = (text: string): number => [...text].length - [...stripInvisible(text)].length;
	const meant = (text: string): boolean =>
		/[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Malayalam}][\u200C\u200D]|[\u200C\u200D]\p{Script=Arabic}/u.test(text);
	const a = count(row.a.text);
	const b = count(row.b.text);
	if (a === b || meant(row.a.text) || meant(row.b.text)) return [];
	const clean = a < b ? 'a' : 'b';
	return [toward(clean, strong, `${ids[otherSide(clean)]}'s reading holds a character that prints nothing`)];
}

/** The evidence on one difference, or undefined for kinds with nothing to weigh. */
function weigh(difference: Difference, row: RowDraft, index: number, context: Context): Weighed | undefined {
	if (difference.explainedBy !== undefined) return undefined;
	if (row.a === null && row.b === null) {
		const evidence = absenceEvidence(row, index, context);
		return evidence.length === 0 ? undefined : {evidence};
	}

	if (row.a === null || row.b === null) {
		const evidence = [
			...entryEvidence(context.rows, context.presence(), index, context.ids),
			...(row.others === undefined ? [] : presenceEvidence(row, index, context)),
		];
		return evidence.length === 0
			? undefined
			: {evidence, nothing: row.others === undefined ? 'nothing tells whether the entry was lost or added' : 'the further printings stop before this entry'};
	}

	// Punctuation and leaders: the house style, when there is one; an initial's stop.
	if (difference.kind === 'punctuation' || difference.kind === 'leaders') {
		const evidence = [...styleEvidence(difference, row, context), ...initialEvidence(difference, row), ...markEvidence(difference, row, context)];
		return evidence.length === 0 ? undefined : {evidence};
	}

	if (difference.kind === 'invisible') {
		const evidence = invisibleEvidence(row, context.ids);
		return evidence.length === 0 ? undefined : {evidence};
	}

	if (difference.kind === 'case') {
		if (difference.field !== 'title') return undefined;
		const evidence = caseEvidence(difference, row, context.cases(), context.ids);
		return {evidence, nothing: 'nothing tells which case is right'};
	}

	// Case and spacing in a label or a page are cosmetic: nothing to weigh.
	const weighed = difference.kind === 'ocr' || difference.kind === 'number' || difference.kind === 'page';
	const majority = [...majorityEvidence(difference, row, context), ...(weighed || difference.kind === 'words' ? confidenceEvidence(difference, row) : [])];
	if (difference.field === 'label') return weighed ? {evidence: [...majority, ...labelEvidence(difference, row, context)]} : undefined;
	if (difference.field === 'page') {
		if (!weighed) return undefined;
		const evidence = [...majority, ...pageEvidence(difference, row, context), ...rangeEvidence(difference, row, context)];
		return {evidence, nothing: 'neither page fits its neighbours better'};
	}
	switch (difference.kind) {
		case 'ocr': {
			return {evidence: [...majority, ...wordEvidence(difference, row, context)]};
		}

		case 'spelling': {
			// Both spellings are plausible: the evidence counts half, and even evidence says so. A
			// modern dictionary takes sides between old and new, British and American spellings
			// (right 49 % of the time in the evaluation, against 75 % without it): the book's own
			// usage decides instead.
			// The other printings' votes count half too: where an edition chose a spelling, its other
			// printings print it as well (a third scan of B's edition reads B's `LABOR`), so that most
			// printings reading one spelling shows what most printed, not a slip (with a third printing,
			// whole votes were behind 24 of the 26 tuning rows with a wrong suggestion at 0.90).
			const half = (piece: Evidence): Evidence => ({...piece, weight: piece.weight / 2});
			const evidence = wordEvidence(difference, row, context, false).map(half);
			// The printings' letters are their house style, not a vote: whole.
			return {evidence: [...majority.map(half), ...evidence, ...letterEvidence(difference, row, context.letters())], nothing: 'both spellings are in use'};
		}

		case 'words': {
			if (difference.a.trim() === '' || difference.b.trim() === '')
				return {evidence: majority, nothing: 'words added or dropped: nothing tells which printing is right'};
			return {evidence: [...majority, ...wordEvidence(difference, row, context)]};
		}

		case 'number': {
			return {evidence: [...majority, ...numberEvidence(difference, context.rows, index)], nothing: 'nothing tells which number is right'};
		}

		default: {
			return undefined;
		}
	}
}

/**
 * Whether a reading can stand as it is, for the track record to take it (#16): a record shows the
 * other printing the worse, not this one right. On two poor scans both readings are often wrong;
 * then the record must not name either. A page must fit its neighbours, a numbering must be no
 * misreading, and a title's differing words must each be a dictionary word or occur elsewhere in
 * the printings, and none look misread. A reading that is empty (a word the other printing added)
 * can stand.
 */
function canStand(difference: Difference, side: 'a' | 'b', row: RowDraft, context: Context): boolean {
	const text = difference[side];
	if (text.trim() === '') return true;
	if (difference.field === 'page') {
		const evidence = pageEvidence(difference, row, context);
		const against = evidence.some((piece) => (side === 'a' ? piece.weight < 0 : piece.weight > 0));
		return !against && pageNumber(text) !== undefined && /^[\d\s.,:;–—-]+$/.test(text);
	}

	if (difference.field === 'label') return misreadRoman(text) === undefined && !looksMisread(text.replaceAll(/[.:)]/g, ''));
	if (difference.field !== 'title') return false;
	const own = [row.a, row.b].filter((item) => item !== null);
	const words = differingWords(text, difference[otherSide(side)]);
	return words.every((word) => {
		if (looksMisread(word)) return false;
		const key = bare(word);
		const known = context.options.lookup === undefined || key.length <= 2 ? undefined : isKnown(key, context.options.lookup);
		return known === true || context.count.all(key) > context.count.within(own, key);
	});
}

/**
 * Kinds on which a printing's track record may speak where nothing else settles them: what was
 * printed or read (not spacing, markup or line breaks, and not an entry one printing lacks).
 */
const recordKinds: ReadonlySet<Difference['kind']> = new Set(['number', 'page', 'words', 'spelling', 'ocr', 'punctuation', 'leaders', 'case']);

/**
 * A difference with its suggestion, made field by field (#17): in Node 20 each spread
 * `{...difference, suggestion}` got a hidden class of its own (29,000 on 2 × 100,000), which made
 * every later reader of the differences slower, the JSON report's among them, and cost memory.
 */
function withSuggestion(difference: Difference, suggestion: Suggestion): Difference {
	const made: {-readonly [K in keyof Difference]: Difference[K]} = {
		kind: difference.kind,
		severity: difference.severity,
		field: difference.field,
		a: difference.a,
		b: difference.b,
	};
	if (difference.explainedBy !== undefined) made.explainedBy = difference.explainedBy;
	made.suggestion = suggestion;
	return made;
}

/**
 * The rows with a suggestion on every difference that has evidence to weigh.
 *
 * @example
 * suggestRows(rows, [a, b], {lookup, language: 'en'}) // PRESIDIUM / PRESIDUM: {reading: 'a', confidence: 0.9, …}
 */
export function suggestRows(rows: readonly RowDraft[], printings: readonly [Printing, Printing], options: SuggestOptions = {}): RowDraft[] {
	const count = wordCounter(printings.flatMap((each) => each.items));
	const pages: Partial<Record<'a' | 'b', PageIndex>> = {};
	const labels: Partial<Record<'a' | 'b', ReadonlyMap<string, readonly Numbered[]>>> = {};
	const styles = new Map<StyleTrait, readonly [StyleTally, StyleTally]>();
	const printing = (side: 'a' | 'b'): Printing => printings[side === 'a' ? 0 : 1];
	let cases: CaseTable | undefined;
	let marks: MarkTable | undefined;
	let letters: LetterTable | undefined;
	let presence: PresenceIndex | undefined;
	const context: Context = {
		options,
		count,
		pages: (side) => (pages[side] ??= pageIndex(printing(side))),
		labels: (side) => (labels[side] ??= numberedSequences(printing(side))),
		ids: {a: printings[0].id, b: printings[1].id},
		lastOther: (options.others ?? []).map((_, k) => rows.findLastIndex((row) => (row.others?.[k] ?? null) !== null)),
		last: {a: rows.findLastIndex((row) => row.a !== null), b: rows.findLastIndex((row) => row.b !== null)},
		style: (trait) => {
			let tallies = styles.get(trait);
			if (tallies === undefined) {
				tallies = [tallyStyle(printings[0].items, trait), tallyStyle(printings[1].items, trait)];
				styles.set(trait, tallies);
			}

			return tallies;
		},
		cases: () => (cases ??= caseTable(printings.flatMap((each) => each.items))),
		marks: () => (marks ??= markTable(printings.flatMap((each) => each.items))),
		letters: () => (letters ??= letterTable(printings.flatMap((each) => each.items))),
		presence: () => (presence ??= presenceIndex(rows)),
		rows,
	};
	// First the evidence of each difference; then, where it settles nothing, the printings' track
	// record over the differences it did settle between paired entries.
	const weighed = rows.map((row, index) => row.differences.map((difference) => weigh(difference, row, index, context)));
	const decided = weighed.map((list) => list.map((each) => (each === undefined ? undefined : decide(each.evidence, each.nothing))));
	// The record of the difference's own kind speaks when it is long enough (a printing whose pages
	// were wrong is the likelier wrong on a page), else the record over every kind.
	const settled = rows.flatMap((row, index) =>
		row.a === null || row.b === null
			? []
			: row.differences.flatMap((difference, k) => (decided[index]![k] === undefined ? [] : [{kind: difference.kind, suggestion: decided[index]![k]}])),
	);
	// A house style lost (leaders, a full stop) says little of how well a printing reads its words:
	// those kinds count in their own record only.
	const styled = (kind: Difference['kind']): boolean => kind === 'leaders' || kind === 'punctuation';
	const overall = recordEvidence(trackRecord(settled.filter((each) => !styled(each.kind)).map((each) => each.suggestion)), context.ids);
	const byKind = new Map<Difference['kind'], Evidence[]>();
	const recordFor = (kind: Difference['kind']): Evidence[] => {
		let found = byKind.get(kind);
		if (found === undefined) {
			const own = trackRecord(settled.filter((each) => each.kind === kind).map((each) => each.suggestion));
			found = own.a + own.b >= recordLength ? recordEvidence(own, context.ids, kind) : styled(kind) ? [] : overall;
			byKind.set(kind, found);
		}

		return found;
	};

	return rows.map((row, index) => {
		if (row.differences.length === 0) return row;
		const differences = row.differences.map((difference, k) => {
			let suggestion = decided[index]![k];
			const unsettled = suggestion === undefined || suggestion.reading === null;
			const record =
				unsettled && row.a !== null && row.b !== null && recordKinds.has(difference.kind) && difference.explainedBy === undefined
					? recordFor(difference.kind)
					: [];
			// The record names the better printing's reading only where that reading can stand.
			const fromRecord = record.length > 0 && canStand(difference, record[0]!.weight > 0 ? 'a' : 'b', row, context) ? record : [];
			if (fromRecord.length > 0) {
				const each = weighed[index]![k];
				suggestion = decide([...(each?.evidence ?? []), ...fromRecord], each?.nothing);
			}

			return suggestion === undefined ? difference : withSuggestion(difference, suggestion);
		});
		return {...row, differences};
	});
}
