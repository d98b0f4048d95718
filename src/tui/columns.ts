/**
 * Terminal columns of text, as Ink measures them (string-width): a CJK character or an emoji takes
 * two, a combining accent none. The list fits titles into columns by these, not by characters, so
 * that a title in Chinese or with decomposed accents (`e` + U+0301, as some OCR engines write)
 * keeps the page column in line.
 */
import stringWidth from 'string-width';
import {narrowWidth} from './string-width.js';

/** One grapheme and the columns it takes. */
export type Cell = {readonly text: string; readonly width: number};

const graphemes = new Intl.Segmenter();

/** The columns `text` takes. */
export function columns(text: string): number {
	return narrowWidth(text) ?? stringWidth(text);
}

/** `text` as graphemes with their widths: the units in which text may be cut. */
export function cells(text: string): Cell[] {
	// Always-narrow characters are single UTF-16 units, each its own grapheme, one column wide.
	if (narrowWidth(text) !== undefined) return Array.from(text, (char) => ({text: char, width: 1}));
	return Array.from(graphemes.segment(text), ({segment}) => ({text: segment, width: stringWidth(segment)}));
}

/** `text` cut to at most `width` columns (whole graphemes) and padded with spaces to exactly `width`. */
export function fitText(text: string, width: number): string {
	let used = 0;
	let result = '';
	for (const cell of cells(text)) {
		if (used + cell.width > width) break;
		result += cell.text;
		used += cell.width;
	}

	return result + ' '.repeat(Math.max(0, width - used));
}
