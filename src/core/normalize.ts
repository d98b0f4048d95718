/**
 * Normal forms of titles for comparison. Each layer removes one kind of cosmetic difference, so
 * that the classifier can tell which layer a difference lives in, and the aligner can compare
 * titles through OCR noise.
 */

/** A title reduced for comparison: made only by `normalizeTitle()`. */
export type NormalizedTitle = string & {readonly __brand: 'NormalizedTitle'};

/** A key that also folds OCR confusions: made only by `ocrKey()`. */
export type OcrKey = string & {readonly __brand: 'OcrKey'};

/**
 * Collapse letter-spaced words (`C O N T E N T S` → `CONTENTS`, `M O S C O W 1 9 6 6` →
 * `MOSCOW 1966`): runs of three or more single characters separated by single spaces.
 */
export function collapseLetterSpacing(text: string): string {
	return text.replaceAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}](?: [\p{L}\p{N}]){2,}(?![\p{L}\p{N}])/gu, (run) => {
		const chars = run.split(' ');
		let out = chars[0]!;
		for (let i = 1; i < chars.length; i++) {
			// Keep a space where letters give way to digits (`MOSCOW 1966`).
			const boundary = /\p{N}/u.test(chars[i]!) !== /\p{N}/u.test(chars[i - 1]!);
			out += (boundary ? ' ' : '') + chars[i]!;
		}

		return out;
	});
}

/** Join words broken by a line-end hyphen (`RAIL- WAY`, `RAIL-\nWAY`) into one. */
export function joinHyphenation(text: string): string {
	return text.replaceAll(/(\p{L})-\s+(\p{Ll}|\p{Lu}(?=\p{Lu}))/gu, '$1$2');
}

/** Collapse all runs of whitespace to one space and trim. */
export function collapseWhitespace(text: string): string {
	return text.replaceAll(/\s+/g, ' ').trim();
}

/** Map typographic variants to one form: quotes, dashes, ellipses, ligatures. */
export function foldTypography(text: string): string {
	return text
		.normalize('NFC')
		.replaceAll(/[‘’‚‛′`´]/g, "'")
		.replaceAll(/[“”„‟″«»]/g, '"')
		.replaceAll(/[‐‑‒–—―]/g, '-')
		.replaceAll('…', '...')
		.replaceAll('ﬁ', 'fi')
		.replaceAll('ﬂ', 'fl')
		.replaceAll('ﬀ', 'ff');
}

/** Remove punctuation, keeping letters, digits and spaces. */
export function stripPunctuation(text: string): string {
	return text.replaceAll(/[^\p{L}\p{N}\s]/gu, ' ');
}

/**
 * The comparison form of a title: typography folded, letter-spacing collapsed, hyphenation
 * joined, lower case, no punctuation, single spaces.
 */
export function normalizeTitle(title: string): NormalizedTitle {
	const folded = joinHyphenation(collapseLetterSpacing(foldTypography(title)));
	return collapseWhitespace(stripPunctuation(folded).toLowerCase()) as NormalizedTitle;
}

/**
 * Pairs that OCR confuses, folded to one side. Order matters: multi-letter shapes first.
 * Latin look-alikes in Cyrillic text (and the reverse) fold to the Latin letter.
 */
const ocrFolds: ReadonlyArray<readonly [RegExp, string]> = [
	[/rn/g, 'm'],
	[/cl/g, 'd'],
	[/vv/g, 'w'],
	[/ii/g, 'n'],
	[/li/g, 'h'],
	[/[1l|!ії]/g, 'i'],
	[/0/g, 'o'],
	[/5/g, 's'],
	[/8/g, 'b'],
	[/[cе]/g, 'e'],
	[/[а]/g, 'a'],
	[/[о]/g, 'o'],
	[/[р]/g, 'p'],
	[/[с]/g, 'e'],
	[/[х]/g, 'x'],
	[/[у]/g, 'y'],
	[/[щ]/g, 'ш'],
	[/[й]/g, 'и'],
	[/[ё]/g, 'е'],
	[/[u]/g, 'n'],
	[/h/g, 'b'],
];

/**
 * A key in which OCR confusions (`rn`/`m`, `cl`/`d`, `l`/`1`/`I`, `O`/`0`, `ii`/`n`, Cyrillic and
 * Latin look-alikes) and doubled letters cost nothing. Used to align, never shown.
 */
export function ocrKey(normalized: NormalizedTitle): OcrKey {
	let key: string = normalized;
	for (const [pattern, replacement] of ocrFolds) key = key.replace(pattern, replacement);
	return key.replaceAll(/(\p{L})\1+/gu, '$1') as OcrKey;
}
