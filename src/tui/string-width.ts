/**
 * A fast path for `string-width`, which Ink asks for the width of every piece of text on every
 * frame. For text with any character beyond printable ASCII, string-width segments graphemes and
 * tests each against the Unicode emoji set (`/^\p{RGI_Emoji}$/v`): a fifth of the first frame's
 * time, since every row of the screen holds a `│` or a `−` (issue 5). The characters listed here
 * are one column wide on their own and never join a neighbour into one grapheme (no combining
 * marks, joiners, variation selectors, nor emoji-capable characters such as `©` and `↔`, which
 * the older string-width inside wrap-ansi counts as two), so the width of text made of them is
 * its length, colour codes aside. Anything else goes to string-width itself, which the bundle
 * loads only then: its Unicode-property patterns take ~9 ms to build (scripts/bundle.mjs routes
 * Ink's imports of string-width through this). test/tui/string-width.test.ts checks each of these
 * characters against both string-widths.
 */

/** The always-narrow characters, as the inside of a regular-expression class. */
export const narrowCharacters =
	// ASCII, Latin, IPA, Greek and Cyrillic (less the soft hyphen, and © and ®, which may be emoji)
	String.raw`\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u0370-\u0482\u048A-\u052F` +
	// punctuation, arrows and mathematical operators (less separators, invisible marks, and the emoji ‼ ⁉ ↔…↙ ↩ ↪)
	String.raw`\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u219A-\u21A8\u21AB-\u21FF\u2200-\u22FF` +
	// box drawing and geometric shapes (less the emoji ▪ ▫ ▶ ◀ ◻ ◼ ◽ ◾)
	String.raw`\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u25FF`;

const narrow = new RegExp(`^[${narrowCharacters}]*$`);

/** Colour and style codes (SGR), which take no columns; string-width strips them too. */
const styleCodes = /\u001B\[[\d;]*m/g;

/** Whether `text` is made only of always-narrow characters (no escape codes). */
export function isNarrow(text: string): boolean {
	return narrow.test(text);
}

/** The width of `text` when it is made only of always-narrow characters; otherwise undefined. */
export function narrowWidth(text: unknown, options?: unknown): number | undefined {
	if (typeof text !== 'string' || options !== undefined) return undefined;
	const plain = text.includes('\u001B') ? text.replaceAll(styleCodes, '') : text;
	return narrow.test(plain) ? plain.length : undefined;
}
