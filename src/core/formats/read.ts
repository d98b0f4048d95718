/**
 * Read an ALTO, PAGE XML or hOCR file into an `OcrDocument`, and that document into the plain
 * text the engine compares, with each text line's OCR line beside it.
 */
import {readAlto} from './alto.js';
import {readHocr} from './hocr.js';
import {readPage} from './page.js';
import {OcrFormatError, type OcrDocument, type OcrLine, type WritableOcrFormat} from './types.js';
import {parseXml} from './xml.js';

const formatNames: Readonly<Record<WritableOcrFormat, string>> = {alto: 'an ALTO', page: 'a PAGE XML', hocr: 'an hOCR'};

/**
 * Parse `text`, known (by `sniffFormat`) to be `format`.
 *
 * @throws OcrFormatError when it is not well-formed XML or not the format it claims.
 */
export function readOcr(text: string, format: WritableOcrFormat, name: string): OcrDocument {
	const root = parseXml(text, name);
	let document: OcrDocument;
	switch (format) {
		case 'alto': {
			document = readAlto(root, text, name);
			break;
		}

		case 'page': {
			document = readPage(root, text, name);
			break;
		}

		case 'hocr': {
			document = readHocr(root, text);
			break;
		}
	}

	if (!document.lines.some((line) => line.words.length > 0)) {
		throw new OcrFormatError(`${name}: ${formatNames[format]} file with no recognised text in it; run the OCR engine on the contents pages again`);
	}

	return document;
}

/** A document as text: each OCR line on a line of its own, and where each text line came from. */
export type OcrText = {
	readonly text: string;
	/** The OCR line of each text line (index: line number − 1); undefined for the blank lines between blocks and pages. */
	readonly lines: readonly (OcrLine | undefined)[];
};

/** The text of one OCR line: its words, separated by single spaces. */
export function lineText(line: OcrLine): string {
	return line.words.map((word) => word.text).join(' ');
}

/**
 * The document as Tesseract's own text output lays it out: a line of text for each OCR line, a
 * blank line between text blocks and between pages (where Tesseract ends a page, with a form
 * feed, a blank line here). Lines with no words are left out.
 */
export function ocrText(document: OcrDocument): OcrText {
	const texts: string[] = [];
	const lines: (OcrLine | undefined)[] = [];
	let previous: OcrLine | undefined;
	for (const line of document.lines) {
		if (line.words.length === 0) continue;
		if (previous !== undefined && (previous.block !== line.block || previous.page !== line.page)) {
			texts.push('');
			lines.push(undefined);
		}

		texts.push(lineText(line));
		lines.push(line);
		previous = line;
	}

	return {text: `${texts.join('\n')}\n`, lines};
}
