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
	return asciiWords(title) ?? normalizeByLayers(title);
}

/** `normalizeTitle` layer by layer, for any text (exported for the test that holds the quick path to it). */
export function normalizeByLayers(title: string): NormalizedTitle {
	const folded = joinHyphenation(collapseLetterSpacing(foldTypography(title)));
	return collapseWhitespace(stripPunctuation(folded).toLowerCase()) as NormalizedTitle;
}

/** Whether a character code is an ASCII letter or digit. */
function isAsciiAlnum(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** Whether a character code is neither white space nor a dot: what a letter-spaced run is made of (`spacedThree`). */
function isSpaced(code: number): boolean {
	return code !== 0x2e && code !== 0x20 && (code < 0x09 || code > 0x0d);
}

/**
 * `normalizeTitle` of an ASCII title in one pass (#17), or undefined where the layers have more to
 * do than this pass knows: a character beyond ASCII, three characters set one space apart (maybe
 * letter-spacing), a hyphen before white space (maybe hyphenation). Otherwise the layers only fold
 * a grave accent to an apostrophe, turn every mark into a space, lower the case and collapse the
 * spaces: what is left is the runs of letters and digits, lower-cased, one space between them.
 */
function asciiWords(title: string): NormalizedTitle | undefined {
	const length = title.length;
	let out = '';
	let start = -1;
	for (let i = 0; i < length; i++) {
		const code = title.charCodeAt(i);
		if (code >= 0x80) return undefined;
		if (isAsciiAlnum(code)) {
			if (start < 0) start = i;
			continue;
		}

		if (code === 0x2d && i + 1 < length) {
			const next = title.charCodeAt(i + 1);
			if (next === 0x20 || (next >= 0x09 && next <= 0x0d)) return undefined;
		}

		if (code === 0x20 && i >= 1 && i + 3 < length && title.charCodeAt(i + 2) === 0x20) {
			if (isSpaced(title.charCodeAt(i - 1)) && isSpaced(title.charCodeAt(i + 1)) && isSpaced(title.charCodeAt(i + 3))) return undefined;
		}

		if (start >= 0) {
			out = out === '' ? title.slice(start, i) : `${out} ${title.slice(start, i)}`;
			start = -1;
		}
	}

	if (start >= 0) out = out === '' ? title.slice(start) : `${out} ${title.slice(start)}`;
	return out.toLowerCase() as NormalizedTitle;
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
	return asciiKey(normalized) ?? foldKey(normalized);
}

/** What each ASCII character folds to in the key (`ocrCharFolds`): its own code where it folds to nothing else. */
const asciiFolds = Uint16Array.from({length: 0x80}, (_, code) => {
	const fold = ocrCharFolds.find(([from]) => from.charCodeAt(0) === code);
	return fold === undefined ? code : fold[1].charCodeAt(0);
});

/**
 * `ocrKey` of ASCII text with the single folds and the doubled letters done in one pass (#17), or
 * undefined for text beyond ASCII. The folds of letter groups go first, each over the whole text,
 * as in `foldKey`; no single fold turns ASCII into anything else, so the text stays ASCII and its
 * doubled letters are its ASCII letters'. The key is copied in runs between the characters that change.
 */
function asciiKey(normalized: string): OcrKey | undefined {
	for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) >= 0x80) return undefined;
	let text = normalized;
	for (const [from, to] of ocrPairFolds) if (text.includes(from)) text = text.replaceAll(from, to);
	let key = '';
	let copied = 0;
	let previous = -1;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const folded = asciiFolds[code]!;
		// A run of one letter counts once (`repeatedAsciiLetter`).
		const repeated = folded === previous && ((folded >= 0x61 && folded <= 0x7a) || (folded >= 0x41 && folded <= 0x5a));
		if (repeated || folded !== code) {
			key += text.slice(copied, i) + (repeated ? '' : String.fromCharCode(folded));
			copied = i + 1;
		}

		previous = folded;
	}

	return (copied === 0 ? text : key + text.slice(copied)) as OcrKey;
}

/** `ocrKey` fold by fold, for any text (exported for the test that holds the quick path to it). */
export function foldKey(normalized: NormalizedTitle): OcrKey {
	// Whole-string passes in native code, not a loop over characters: this runs on every item and
	// every line, mostly before the code is optimised (#5).
	let key: string = normalized;
	// Counted loops over flat lists: an iterator with destructuring costs more than the folds (#5).
	for (let i = 0; i < foldFrom.length; i++) if (key.includes(foldFrom[i]!)) key = key.replaceAll(foldFrom[i]!, foldTo[i]!);
	// A run of one letter counts once.
	return key.replace(isAscii(key) ? repeatedAsciiLetter : repeatedLetter, '$1') as OcrKey;
}
