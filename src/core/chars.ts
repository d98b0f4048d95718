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
