/**
 * ALTO XML (v1 to v4, as Tesseract, ABBYY FineReader, Transkribus and the OCR-D pipelines write
 * it): `Layout/Page/…/TextBlock/TextLine/String`, each String's text in `CONTENT`, its box in
 * `HPOS`, `VPOS`, `WIDTH`, `HEIGHT` and its confidence in `WC` (0..1). A hyphen at a line's end
 * (`HYP`) is read as part of the line's last word.
 */
import {attribute, childrenNamed, descendants, numberAttribute, type XmlElement} from './xml.js';
import {OcrFormatError, type Box, type OcrDocument, type OcrLine, type OcrPage, type OcrWord} from './types.js';

/** The ALTO version a namespace names (`…/alto/ns-v3#` is `3`; the CCS namespace of ALTO 1 is `1`). */
export function altoVersion(namespace: string): string | undefined {
	const match = /alto\/ns-v(\d)#?$/u.exec(namespace);
	if (match) return match[1]!;
	return /ccs-gmbh\.com\/ALTO/iu.test(namespace) ? '1' : undefined;
}

/** The box an element's HPOS, VPOS, WIDTH and HEIGHT give, when all four are there. */
export function altoBox(element: XmlElement): Box | undefined {
	const x = numberAttribute(element, 'HPOS');
	const y = numberAttribute(element, 'VPOS');
	const width = numberAttribute(element, 'WIDTH');
	const height = numberAttribute(element, 'HEIGHT');
	return x === undefined || y === undefined || width === undefined || height === undefined ? undefined : {x, y, width, height};
}

const blockNames = new Set(['TextBlock']);

/** Read an ALTO document from its parsed root. */
export function readAlto(root: XmlElement, source: string, name: string): OcrDocument {
	const version = altoVersion(root.namespace) ?? '';
	const layout = childrenNamed(root, 'Layout')[0];
	if (layout === undefined) throw new OcrFormatError(`${name}: an ALTO file without <Layout>; give the OCR engine's full ALTO output`);
	const description = childrenNamed(root, 'Description')[0];
	// One image for the document (ALTO describes one image; a multi-page file may name more).
	const images = description ? descendants(description, (e) => e.name === 'fileName').map((e) => e.text.trim()) : [];
	// Tesseract (5.3 and before) writes a word's WC below 10 % without its leading zero: x_wconf 7
	// is WC="0.7"; its other values have two decimals (0.95). Read them as it meant them.
	const tesseract = description ? descendants(description, (e) => e.name === 'softwareName').some((e) => /tesseract/iu.test(e.text)) : false;
	const pages: OcrPage[] = [];
	const lines: OcrLine[] = [];
	let block = -1;
	for (const [k, page] of childrenNamed(layout, 'Page').entries()) {
		const number = k + 1;
		const id = attribute(page, 'ID');
		const width = numberAttribute(page, 'WIDTH');
		const height = numberAttribute(page, 'HEIGHT');
		const image = images[k] ?? (k === 0 ? images[0] : undefined);
		pages.push({
			number,
			...(id === undefined ? {} : {id}),
			...(image ? {image} : {}),
			...(width === undefined ? {} : {width}),
			...(height === undefined ? {} : {height}),
		});
		for (const textBlock of descendants(page, (e) => blockNames.has(e.name))) {
			block++;
			for (const line of childrenNamed(textBlock, 'TextLine')) {
				const words: OcrWord[] = [];
				for (const child of line.children) {
					if (child.name !== 'String' && child.name !== 'HYP') continue;
					const content = child.attributes.get('CONTENT');
					// Tesseract writes a word of spaces now and then: no word to read.
					if (content === undefined || content.value.trim() === '') continue;
					if (child.name === 'HYP') {
						// The hyphen belongs to the word before it (`RAIL-`).
						const last = words.pop();
						if (last) words.push({...last, text: `${last.text}${content.value}`});
						continue;
					}

					const wordId = attribute(child, 'ID');
					const box = altoBox(child);
					const wc = attribute(child, 'WC');
					const confidence = tesseract && wc !== undefined && /^0\.\d$/u.test(wc) ? Number(`0.0${wc.slice(2)}`) : numberAttribute(child, 'WC');
					words.push({
						...(wordId === undefined ? {} : {id: wordId}),
						text: content.value.trim(),
						...(box ? {box} : {}),
						...(confidence === undefined ? {} : {confidence}),
						element: child.span,
						content: content.span,
					});
				}

				const lineId = attribute(line, 'ID');
				const box = altoBox(line);
				lines.push({page: number, ...(lineId === undefined ? {} : {id: lineId}), ...(box ? {box} : {}), words, block, element: line.span});
			}
		}
	}

	return {format: 'alto', version, pages, lines, source};
}
