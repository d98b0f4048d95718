/**
 * Character classes without a Unicode property escape on the common path: V8 compiles each
 * `\p{L}` regular expression on first use (0.1–0.6 ms apiece), which a run pays at start-up.
 * ASCII is answered by character code; anything else falls back to the property escape,
 * compiled only when such a character turns up.
 */

let letterOrDigit: RegExp | undefined;

/** Whether one character (a code point) is a letter or a digit, in any script. */
export function isAlphanumeric(ch: string): boolean {
	const code = ch.charCodeAt(0);
	if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
	letterOrDigit ??= /^[\p{L}\p{N}\p{M}]/u;
	return letterOrDigit.test(ch);
}

let letterOrDigitOnly: RegExp | undefined;

/** Whether one character (a code point) is a letter or a digit, in any script; marks are not. */
export function isLetterOrDigit(ch: string): boolean {
	const code = ch.charCodeAt(0);
	if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
	letterOrDigitOnly ??= /^[\p{L}\p{N}]$/u;
	return letterOrDigitOnly.test(ch);
}

let letter: RegExp | undefined;

/** Whether one character (a code point) is a letter, in any script. */
export function isLetter(ch: string): boolean {
	const code = ch.charCodeAt(0);
	if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
	letter ??= /^\p{L}/u;
	return letter.test(ch);
}

const ascii = /^[\u0000-\u007F]*$/;

/** Whether `text` is all ASCII: then the ASCII form of a Unicode class gives the same answer. */
export function isAscii(text: string): boolean {
	return ascii.test(text);
}

/** Whether a text holds a letter. */
export function hasLetter(text: string): boolean {
	for (const ch of text) if (isLetter(ch)) return true;
	return false;
}

/**
 * The run of characters at the end of `text` that `oneChar` (a pattern for one UTF-16 unit, such
 * as `/[.,;:]/`) matches. The same as `/[.,;:]+$/` but linear: V8 tries a pattern that ends in `$`
 * from every start, so a long run that stops short of the end costs the square of its length.
 */
export function trailing(text: string, oneChar: RegExp): string {
	let start = text.length;
	while (start > 0 && oneChar.test(text[start - 1]!)) start--;
	return text.slice(start);
}

/** The last word of `text`, the characters after its last space (`/(\S+)\s*$/`, linear); empty when it has none. */
export function lastWord(text: string): string {
	const end = text.length - trailing(text, /\s/).length;
	return trailing(text.slice(0, end), /\S/);
}

/** The words of a text as printed: letters, with marks, apostrophes and hyphens inside (`Bolsheviki's`, `RAIL-WAY`). */
export function printedWords(text: string): string[] {
	return text.match(printedWord) ?? [];
}

const printedWord = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** Letters of the Cyrillic block and of the Latin ones (Basic to Extended-B), for telling scripts apart. */
export const cyrillicLetter = /[\u0400-\u04FF]/g;
export const latinLetter = /[A-Za-z\u00C0-\u024F]/g;

/** How many characters of `text` a script's `pattern` matches. */
export function countOf(pattern: RegExp, text: string): number {
	return text.match(pattern)?.length ?? 0;
}

/** Whether `text` mixes Latin and Cyrillic letters (a sign of misrecognition inside one word). */
export function mixesScripts(text: string): boolean {
	return countOf(cyrillicLetter, text) > 0 && countOf(latinLetter, text) > 0;
}

let decimalDigit: RegExp | undefined;
const digitValues = new Map<number, number>();

/**
 * The value of one decimal digit of any script (`٤`, `४`, `４` as 4), or undefined for anything
 * else. Unicode assigns decimal digits only in whole runs of ten, zero first, so a digit's value
 * is its distance from the start of its run of digits, modulo ten.
 */
export function digitValue(ch: string): number | undefined {
	const code = ch.codePointAt(0);
	if (code === undefined) return undefined;
	if (code < 0x80) return code >= 0x30 && code <= 0x39 ? code - 0x30 : undefined;
	const known = digitValues.get(code);
	if (known !== undefined) return known;
	decimalDigit ??= /^\p{Nd}$/u;
	if (!decimalDigit.test(ch)) return undefined;
	let start = code;
	while (start > 0 && decimalDigit.test(String.fromCodePoint(start - 1))) start--;
	const value = (code - start) % 10;
	digitValues.set(code, value);
	return value;
}

/**
 * `text` with every decimal digit of another script written as an ASCII digit (`٤٥` → `45`), so
 * that a page printed in Arabic-Indic or Devanagari digits reads as a number.
 */
export function asciiDigits(text: string): string {
	if (isAscii(text)) return text;
	let out = '';
	for (const ch of text) {
		const value = ch.codePointAt(0)! < 0x80 ? undefined : digitValue(ch);
		out += value === undefined ? ch : String(value);
	}

	return out;
}

/**
 * Characters that print nothing and are not spaces: zero-width space and joiners, the byte-order
 * mark inside a line, word joiner, direction marks and embeddings. (The soft hyphen is a hyphen:
 * `classify.ts` reads it as hyphenation.)
 */
const invisiblePattern = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The names `showInvisibles` gives, by character. */
const invisibleNames: Readonly<Record<string, string>> = {
	'\u200B': 'zwsp',
	'\u200C': 'zwnj',
	'\u200D': 'zwj',
	'\u200E': 'lrm',
	'\u200F': 'rlm',
	'\u2060': 'wj',
	'\uFEFF': 'bom',
	'\u00AD': 'shy',
};

/** Whether `text` holds an invisible character (see `stripInvisible`). */
export function hasInvisible(text: string): boolean {
	if (isAscii(text)) return false;
	invisiblePattern.lastIndex = 0;
	return invisiblePattern.test(text);
}

/** `text` without its invisible characters (zero-width space and joiners, BOM, direction marks). */
export function stripInvisible(text: string): string {
	return hasInvisible(text) ? text.replaceAll(invisiblePattern, '') : text;
}

/**
 * `text` with every invisible character named, so that a reader sees a difference made of them:
 * `⟨zwsp⟩`, `⟨zwnj⟩`, `⟨zwj⟩`, `⟨bom⟩`, `⟨lrm⟩`, `⟨rlm⟩`, `⟨wj⟩`, `⟨shy⟩` (the soft hyphen), else `⟨U+202E⟩`.
 *
 * @example showInvisibles('Pre\u200Bface') // 'Pre⟨zwsp⟩face'
 */
export function showInvisibles(text: string): string {
	if (isAscii(text)) return text;
	return text.replaceAll(
		/[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g,
		(ch) => `⟨${invisibleNames[ch] ?? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`}⟩`,
	);
}

/** Opening marks by the closing ones: brackets and quotation marks. */
const openers: Readonly<Record<string, string>> = {')': '(', ']': '[', '}': '{', '»': '«', '”': '“', '’': '‘', '"': '"'};
/** Closing marks by the opening ones (`„` closes with `“`). */
const closers: Readonly<Record<string, string>> = {'(': ')', '[': ']', '{': '}', '«': '»', '“': '”', '„': '“', '‘': '’'};

/**
 * Whether `mark` is a bracket or quotation mark paired in its line: a closing one after an opener
 * it closes (`« Le Temps »`, `(suite)`), or an opening one before its closer. A straight `"`
 * pairs with one before it.
 */
export function pairedMark(mark: string, before: string, after: string): boolean {
	const opener = openers[mark];
	if (opener !== undefined) {
		const opened = before.split(opener).length - 1;
		return opener === mark ? opened % 2 === 1 : opened > before.split(mark).length - 1;
	}

	const closer = closers[mark];
	return closer !== undefined && after.includes(closer);
}
