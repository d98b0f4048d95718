/**
 * How each OCR format that tocdiff corrects (ALTO, PAGE XML, hOCR) writes a word: its element
 * rewritten with a new text, box and id, its text escaped, and what stands between two words;
 * and the boxes and fresh ids of the words a correction adds. `ocr.ts` plans the corrections
 * and places them; this file only spells them in each format.
 */
import type {Box, OcrWord, WritableOcrFormat} from '../core/formats/types.js';

/** Text escaped for XML, inside attributes quoted with `quote` (or `<` for element content). */
export const escapeXml = (text: string, quote: string): string =>
	text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll(quote, quote === '"' ? '&quot;' : '&apos;');

/** Boxes for `texts` that share `box` by their characters, left to right. */
export function divideBox(box: Box, texts: readonly string[]): Box[] {
	const total = texts.reduce((sum, text) => sum + [...text].length, 0) || 1;
	const boxes: Box[] = [];
	let x = box.x;
	for (const [k, text] of texts.entries()) {
		const right = k === texts.length - 1 ? box.x + box.width : x + (box.width * [...text].length) / total;
		boxes.push({x: Math.round(x), y: box.y, width: Math.max(0, Math.round(right) - Math.round(x)), height: box.height});
		x = right;
	}

	return boxes;
}

/** How each format writes a word. */
export type WordWriter = {
	/** The word's element with a new text, box and id (a copy of `element`'s markup). */
	readonly rewrite: (element: string, text: string, box: Box | undefined, id: string | undefined) => string;
	/** The text escaped for where the format writes it. */
	readonly escape: (text: string, source: string, word: OcrWord) => string;
	/** What separates two words' elements on a line. */
	readonly separator: (source: string, word: OcrWord) => string;
};

/** An element's markup with one attribute's value replaced (escaped for the attribute's quotes). */
export const replaceAttribute = (element: string, name: string, value: string): string =>
	element.replace(
		new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`, 'u'),
		(_whole, head: string, quote: string) => `${head}${quote}${escapeXml(value, quote)}${quote}`,
	);

const quoteOf = (source: string, word: OcrWord): string => source[(word.content?.[0] ?? 1) - 1] ?? '"';

/** The whitespace before an element on its line (its indent), for a copy set after it. */
export function indentBefore(source: string, start: number): string {
	const lineStart = source.lastIndexOf('\n', start - 1) + 1;
	const indent = source.slice(lineStart, start);
	return /^\s*$/u.test(indent) ? `\n${indent}` : ' ';
}

/** The word writer of each format the corrected copy is written in. */
export const writers: Readonly<Record<WritableOcrFormat, WordWriter>> = {
	alto: {
		rewrite(element, text, box, id) {
			let out = replaceAttribute(element, 'CONTENT', text);
			if (box) out = replaceAttribute(replaceAttribute(out, 'HPOS', String(box.x)), 'WIDTH', String(box.width));
			return id === undefined ? out : replaceAttribute(out, 'ID', id);
		},
		escape: (text, source, word) => escapeXml(text, quoteOf(source, word)),
		// A space between two words is an <SP/> in ALTO.
		separator: () => '<SP/>',
	},
	hocr: {
		rewrite(element, text, box, id) {
			let out = element;
			if (box) {
				out = out.replace(
					/(\stitle\s*=\s*["'][^"']*?\bbbox\s+)[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+/u,
					(_whole, head: string) => `${head}${box.x} ${box.y} ${box.x + box.width} ${box.y + box.height}`,
				);
			}

			if (id !== undefined) out = replaceAttribute(out, 'id', id);
			// The word's text sits before the first closing tag inside the element.
			return out.replace(/>([^<>]*)<\//u, () => `>${escapeXml(text, '<')}</`);
		},
		escape: (text) => escapeXml(text, '<'),
		separator: (source, word) => indentBefore(source, word.element![0]),
	},
	page: {
		rewrite(element, text, box, id) {
			let out = element;
			if (box) {
				const {x, y, width: w, height: h} = box;
				out = replaceAttribute(out, 'points', `${x},${y} ${x + w},${y} ${x + w},${y + h} ${x},${y + h}`);
			}

			if (id !== undefined) out = replaceAttribute(out, 'id', id);
			return out.replace(/(<(?:\w+:)?Unicode>)[^<]*(<\/(?:\w+:)?Unicode>)/u, (_whole, open: string, close: string) => `${open}${escapeXml(text, '<')}${close}`);
		},
		escape: (text) => escapeXml(text, '<'),
		separator: (source, word) => indentBefore(source, word.element![0]),
	},
};

/** A fresh id for the n-th word a correction adds after `id`, unused in the file. */
export function freshId(id: string | undefined, n: number, source: string): string | undefined {
	if (id === undefined) return undefined;
	let candidate = `${id}_${n}`;
	while (source.includes(`"${candidate}"`) || source.includes(`'${candidate}'`)) candidate += 'x';
	return candidate;
}
