/**
 * hOCR (Tesseract, Kraken, OCRopus, gImageReader as XHTML): `ocr_page` with its `image` and
 * `bbox`; lines of the classes `ocr_line`, `ocr_header`, `ocr_caption`, `ocr_textfloat`; words
 * `ocrx_word` with `bbox` and `x_wconf` (0..100) in their `title`. A line without words is read
 * from its own text. Paragraphs (`ocr_par`, else `ocr_carea`) make the text blocks.
 */
import {attribute, descendants, type XmlElement} from './xml.js';
import {decodeEntities} from './page.js';
import type {Box, OcrDocument, OcrLine, OcrPage, OcrWord, TextSpan} from './types.js';

const lineClasses = new Set(['ocr_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat']);

/** The hOCR classes of an element. */
function classesOf(element: XmlElement): string[] {
	return (attribute(element, 'class') ?? '').split(/\s+/u).filter((name) => name !== '');
}

const hasClass = (element: XmlElement, names: ReadonlySet<string> | string): boolean =>
	classesOf(element).some((name) => (typeof names === 'string' ? name === names : names.has(name)));

/** The properties of an hOCR `title` (`bbox 1 2 3 4; x_wconf 95; image "p.png"`), by name. */
export function titleProperties(title: string): Map<string, string> {
	const properties = new Map<string, string>();
	// Split on semicolons outside double quotes.
	for (const part of title.match(/(?:[^;"]|"[^"]*")+/gu) ?? []) {
		const match = /^\s*(\w+)\s*(.*?)\s*$/su.exec(part);
		if (match) properties.set(match[1]!, match[2]!);
	}

	return properties;
}

/** The box of a `bbox x0 y0 x1 y1` value. */
export function bboxOf(value: string | undefined): Box | undefined {
	const numbers = value?.trim().split(/\s+/u).map(Number);
	if (numbers?.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return undefined;
	const [x0, y0, x1, y1] = numbers as [number, number, number, number];
	return {x: x0, y: y0, width: x1 - x0, height: y1 - y0};
}

/** An element's text, its descendants' included (a word set in `<strong>` or `<em>`). */
function allText(element: XmlElement): string {
	return element.text + element.children.map((child) => allText(child)).join('');
}

/** Where a word's text is written: inside its innermost element (`<em>word</em>`). */
function contentSpan(element: XmlElement): TextSpan {
	let inner = element;
	while (inner.children.length === 1 && inner.text.trim() === '') inner = inner.children[0]!;
	return inner.inner;
}

/** Read an hOCR document from its parsed root. */
export function readHocr(root: XmlElement, source: string): OcrDocument {
	const pages: OcrPage[] = [];
	const lines: OcrLine[] = [];
	let block = -1;
	const systems = descendants(root, (e) => e.name === 'meta' && attribute(e, 'name') === 'ocr-system').map((e) => attribute(e, 'content') ?? '');
	for (const [k, page] of descendants(root, (e) => hasClass(e, 'ocr_page')).entries()) {
		const number = k + 1;
		const properties = titleProperties(attribute(page, 'title') ?? '');
		const image = properties.get('image')?.replace(/^"(.*)"$/su, '$1');
		const box = bboxOf(properties.get('bbox'));
		const id = attribute(page, 'id');
		pages.push({
			number,
			...(id === undefined ? {} : {id}),
			...(image ? {image} : {}),
			...(box ? {width: box.x + box.width, height: box.y + box.height} : {}),
		});
		// Blocks: paragraphs where there are some, else content areas, else the page.
		const pars = descendants(page, (e) => hasClass(e, 'ocr_par'));
		const blocks = pars.length > 0 ? pars : descendants(page, (e) => hasClass(e, 'ocr_carea'));
		for (const area of blocks.length > 0 ? blocks : [page]) {
			block++;
			for (const line of descendants(area, (e) => hasClass(e, lineClasses))) {
				const wordElements = descendants(line, (e) => hasClass(e, 'ocrx_word'));
				const words: OcrWord[] =
					wordElements.length > 0
						? wordElements.map((word): OcrWord => {
								const wordProperties = titleProperties(attribute(word, 'title') ?? '');
								const wordBox = bboxOf(wordProperties.get('bbox'));
								const confidence = wordProperties.has('x_wconf') ? Number(wordProperties.get('x_wconf')) / 100 : undefined;
								const wordId = attribute(word, 'id');
								return {
									...(wordId === undefined ? {} : {id: wordId}),
									text: allText(word).trim(),
									...(wordBox ? {box: wordBox} : {}),
									...(confidence === undefined || !Number.isFinite(confidence) ? {} : {confidence}),
									element: word.span,
									content: contentSpan(word),
								};
							})
						: [...source.slice(line.inner[0], line.inner[1]).matchAll(/[^\s<>]+/gu)].map((match) => ({
								text: decodeEntities(match[0]),
								content: [line.inner[0] + match.index, line.inner[0] + match.index + match[0].length] as const,
							}));
				const lineId = attribute(line, 'id');
				const lineBox = bboxOf(titleProperties(attribute(line, 'title') ?? '').get('bbox'));
				lines.push({
					page: number,
					...(lineId === undefined ? {} : {id: lineId}),
					...(lineBox ? {box: lineBox} : {}),
					words: words.filter((word) => word.text !== ''),
					block,
					element: line.span,
				});
			}
		}
	}

	return {format: 'hocr', version: systems[0] ?? '', pages, lines, source};
}
