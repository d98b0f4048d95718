/**
 * Normal forms of titles for comparison. Each layer removes one kind of cosmetic difference, so
 * that the classifier can tell which layer a difference lives in, and the aligner can compare
 * titles through OCR noise.
 */
import {isAscii, isLetterOrDigit} from './chars.js';
import {misreadings} from './misreadings.js';

/** A title reduced for comparison: made only by `normalizeTitle()`. */
export type NormalizedTitle = string & {readonly __brand: 'NormalizedTitle'};

/** A key that also folds OCR confusions: made only by `ocrKey()`. */
export type OcrKey = string & {readonly __brand: 'OcrKey'};

// Cheap necessary conditions: three (four) characters set one space apart, none of them a dot,
// with no ASCII letter or digit against either end, so that leader dots (`. . . .`) and a
// one-letter word (`AT A MEETING`) do not send every entry line to the scan.
const spacedThree = /(?<![A-Za-z\d])[^\s.] [^\s.] [^\s.](?![A-Za-z\d])/u;
const spacedFour = /(?<![A-Za-z\d])[^\s.] [^\s.] [^\s.] [^\s.](?![A-Za-z\d])/u;
const digitPattern = /^\p{N}$/u;

/** How many UTF-16 units the code point at `i` takes. */
function widthAt(text: string, i: number): number {
	return text.codePointAt(i)! > 0xff_ff ? 2 : 1;
}

/** Whether the code point at `i` is a letter or a digit; ASCII without a regular expression (#5). */
function isAlnumAt(text: string, i: number): boolean {
	const code = text.codePointAt(i);
	return code !== undefined && isLetterOrDigit(String.fromCodePoint(code));
}

function isDigit(char: string): boolean {
	const code = char.codePointAt(0)!;
	return code < 0x80 ? code >= 0x30 && code <= 0x39 : digitPattern.test(char);
}

/**
 * Runs of at least `min` single letters or digits set one space apart (`C O N T E N T S`), with
 * no letter or digit just before or after the run: each as its characters, with the offsets of
 * the run in `text`. A scan rather than a regular expression: the pattern with Unicode classes
 * and look-arounds costs ~3 ms to compile, a tenth of a whole comparison of the seed (#5).
 */
export function spacedRuns(text: string, min: number): Array<{readonly start: number; readonly end: number; readonly chars: readonly string[]}> {
	const runs: Array<{start: number; end: number; chars: string[]}> = [];
	if (!(min >= 4 ? spacedFour : spacedThree).test(text)) return runs;
	let previousAlnum = false;
	for (let i = 0; i < text.length;) {
		const width = widthAt(text, i);
		if (!isAlnumAt(text, i) || previousAlnum) {
			previousAlnum = isAlnumAt(text, i);
			i += width;
			continue;
		}

		// A single character, then each further one after one space and before a non-letter.
		const chars = [text.slice(i, i + width)];
		let end = i + width;
		if (!isAlnumAt(text, end)) {
			while (text[end] === ' ' && isAlnumAt(text, end + 1) && !isAlnumAt(text, end + 1 + widthAt(text, end + 1))) {
				const next = end + 1 + widthAt(text, end + 1);
				chars.push(text.slice(end + 1, next));
				end = next;
			}

			if (chars.length >= min) runs.push({start: i, end, chars});
		}

		previousAlnum = true;
		i = end;
	}

	return runs;
}

/**
 * Collapse letter-spaced words (`C O N T E N T S` → `CONTENTS`, `M O S C O W 1 9 6 6` →
 * `MOSCOW 1966`): runs of three or more single characters separated by single spaces.
 */
export function collapseLetterSpacing(text: string): string {
	const runs = spacedRuns(text, 3);
	if (runs.length === 0) return text;
	let out = '';
	let last = 0;
	for (const {start, end, chars} of runs) {
		out += text.slice(last, start) + chars[0]!;
		for (let i = 1; i < chars.length; i++) {
			// Keep a space where letters give way to digits (`MOSCOW 1966`).
			out += (isDigit(chars[i]!) === isDigit(chars[i - 1]!) ? '' : ' ') + chars[i]!;
		}

		last = end;
	}

	return out + text.slice(last);
}

/** Join words broken by a line-end hyphen (`RAIL- WAY`, `RAIL-\nWAY`) into one. */
export function joinHyphenation(text: string): string {
	// A hyphen between a word and a space first (not `April - May`): the pattern's Unicode classes
	// cost more to compile than this test.
	if (!/\S-\s/.test(text)) return text;
	return text.replaceAll(/(\p{L})-\s+(\p{Ll}|\p{Lu}(?=\p{Lu}))/gu, '$1$2');
}

/** Collapse all runs of whitespace to one space and trim. */
export function collapseWhitespace(text: string): string {
	return text.replaceAll(/\s+/g, ' ').trim();
}

/** Apostrophes and single quotes as printed (`’`, `‘`, a prime, a grave or acute accent) as `'`. */
export function foldApostrophes(text: string): string {
	return text.replaceAll(/[‘’‚‛′`´]/g, "'");
}

/** Map typographic variants to one form: quotes, dashes, ellipses, ligatures. */
export function foldTypography(text: string): string {
	// ASCII text is already in NFC and holds only one of the variants below.
	if (isAscii(text)) return text.includes('`') ? text.replaceAll('`', "'") : text;
	return foldApostrophes(text.normalize('NFC'))
		.replaceAll(/[“”„‟″«»]/g, '"')
		.replaceAll(/[‐‑‒–—―]/g, '-')
		.replaceAll('…', '...')
		.replaceAll('ﬁ', 'fi')
		.replaceAll('ﬂ', 'fl')
		.replaceAll('ﬀ', 'ff');
}

/** Remove punctuation, keeping letters, digits and spaces. */
export function stripPunctuation(text: string): string {
	// ASCII needs no Unicode classes, which are slower to match (#5); the result is the same.
	return isAscii(text) ? text.replaceAll(/[^A-Za-z\d\s]/g, ' ') : text.replaceAll(/[^\p{L}\p{N}\s]/gu, ' ');
}

/**
 * The comparison form of a title: typography folded, letter-spacing collapsed, hyphenation
 * joined, lower case, no punctuation, single spaces.
 */
export function normalizeTitle(title: string): NormalizedTitle {
	let normalized = normalizedMemo.get(title);
	if (normalized === undefined) {
		const folded = joinHyphenation(collapseLetterSpacing(foldTypography(title)));
		normalized = collapseWhitespace(stripPunctuation(folded).toLowerCase()) as NormalizedTitle;
		remember(normalizedMemo, title, normalized);
	}

	return normalized;
}

/**
 * The forms already made, by the text they were made from (#17): the split, the aligner, the
 * regrouping and the classifier each ask for the same titles, and the two printings share most
 * of theirs. `compare` forgets them when it is done (`forgetTitleForms`), so that they hold one
 * comparison's titles; a memo that reaches `memoLimit` starts again.
 */
const normalizedMemo = new Map<string, NormalizedTitle>();
const keyMemo = new Map<string, OcrKey>();
const memoLimit = 1 << 20;

function remember<T>(memo: Map<string, T>, text: string, form: T): void {
	if (memo.size >= memoLimit) memo.clear();
	memo.set(text, form);
}

/** Forget the titles normalised so far (see `normalizeTitle`): the memory goes, the answers stay the same. */
export function forgetTitleForms(): void {
	normalizedMemo.clear();
	keyMemo.clear();
}

/**
 * The groups of letters that OCR confuses, folded to one side (those `misreadings.ts` marks `key`),
 * each over the whole key in turn; then single characters, in one pass (no single fold's output is
 * another's input). Latin look-alikes in Cyrillic text (and the reverse) fold to the Latin letter.
 */
const ocrPairFolds: ReadonlyArray<readonly [string, string]> = misreadings.filter((misreading) => misreading.key).map(({a, b}) => [a, b] as const);

/**
 * Single characters that OCR confuses, each folded to one side, in an order where no fold's output
 * is folded again (`ё` becomes Cyrillic `е` after Cyrillic `е` has become Latin `e`).
 */
const ocrCharFolds: ReadonlyArray<readonly [string, string]> = [
	...[...'1l|!ії'].map((c) => [c, 'i'] as const),
	['0', 'o'],
	['5', 's'],
	['8', 'b'],
	['c', 'e'],
	['е', 'e'],
	['а', 'a'],
	['о', 'o'],
	['р', 'p'],
	['с', 'e'],
	['х', 'x'],
	['у', 'y'],
	['щ', 'ш'],
	['й', 'и'],
	['ё', 'е'],
	['u', 'n'],
	['h', 'b'],
];

/** Every fold, pairs first, as two flat lists. */
const foldFrom = [...ocrPairFolds, ...ocrCharFolds].map(([from]) => from);
const foldTo = [...ocrPairFolds, ...ocrCharFolds].map(([, to]) => to);

const repeatedLetter = /(\p{L})\1+/gu;
const repeatedAsciiLetter = /([A-Za-z])\1+/g;

/**
 * A key in which OCR confusions (`rn`/`m`, `cl`/`d`, `l`/`1`/`I`, `O`/`0`, `ii`/`n`, Cyrillic and
 * Latin look-alikes) and doubled letters cost nothing. Used to align, never shown.
 */
export function ocrKey(normalized: NormalizedTitle): OcrKey {
	let key = keyMemo.get(normalized);
	if (key === undefined) {
		key = foldKey(normalized);
		remember(keyMemo, normalized, key);
	}

	return key;
}

function foldKey(normalized: NormalizedTitle): OcrKey {
	// Whole-string passes in native code, not a loop over characters: this runs on every item and
	// every line, mostly before the code is optimised (#5).
	let key: string = normalized;
	// Counted loops over flat lists: an iterator with destructuring costs more than the folds (#5).
	for (let i = 0; i < foldFrom.length; i++) if (key.includes(foldFrom[i]!)) key = key.replaceAll(foldFrom[i]!, foldTo[i]!);
	// A run of one letter counts once.
	return key.replace(isAscii(key) ? repeatedAsciiLetter : repeatedLetter, '$1') as OcrKey;
}
