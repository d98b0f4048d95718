/**
 * What an OCR file (ALTO, PAGE XML, hOCR, a PDF's text layer) holds that plain text loses: the
 * pages, the lines and words with their ids and boxes, the recogniser's confidence in each word,
 * and where each of them is written in the file, so that a corrected copy can change a word and
 * leave every other byte as it was.
 */

/** The OCR formats tocdiff reads. */
export type OcrFormat = 'alto' | 'page' | 'hocr' | 'pdf';

/** The formats tocdiff can write a corrected copy of (a PDF's text layer it only reads). */
export type WritableOcrFormat = Exclude<OcrFormat, 'pdf'>;

import type {Box} from '../types.js';

export type {Box} from '../types.js';

/** Where something is written in the file's text: `[start, end)` in UTF-16 code units. */
export type TextSpan = readonly [start: number, end: number];

/** A word as recognised. */
export type OcrWord = {
	readonly id?: string;
	/** The word's text, entities resolved. */
	readonly text: string;
	readonly box?: Box;
	/** The recogniser's confidence in the word, 0..1 (ALTO `WC`, hOCR `x_wconf` / 100, PAGE `conf`). */
	readonly confidence?: number;
	/** The word's whole element in the file (absent for a PDF). */
	readonly element?: TextSpan;
	/** Where its text is written: an attribute value (ALTO `CONTENT`) or element text (hOCR, PAGE `Unicode`). */
	readonly content?: TextSpan;
};

/** A line as recognised, in reading order. */
export type OcrLine = {
	/** The page it is on, from 1. */
	readonly page: number;
	readonly id?: string;
	readonly box?: Box;
	readonly words: readonly OcrWord[];
	/** The text block (ALTO `TextBlock`, hOCR `ocr_par`, PAGE `TextRegion`) it belongs to, counted over the document from 0. */
	readonly block: number;
	/** The line's element in the file (absent for a PDF). */
	readonly element?: TextSpan;
	/** PAGE XML: where the line's own `TextEquiv/Unicode` text is written, when it has one. */
	readonly lineText?: TextSpan;
};

/** A page of the document. */
export type OcrPage = {
	/** From 1, in document order. */
	readonly number: number;
	readonly id?: string;
	/** The page image's file name as the document gives it (ALTO `fileName`, hOCR `image`, PAGE `imageFilename`). */
	readonly image?: string;
	readonly width?: number;
	readonly height?: number;
};

/** A whole OCR document: its pages and lines, and the text it was read from. */
export type OcrDocument = {
	readonly format: OcrFormat;
	/** The format's version as the document declares it (`2`, `3`, `4` for ALTO; `2013`, `2019` for PAGE; `1.2` for hOCR …). */
	readonly version: string;
	readonly pages: readonly OcrPage[];
	readonly lines: readonly OcrLine[];
	/** The file's text the spans point into (empty for a PDF). */
	readonly source: string;
};

/** A file that claims an OCR format but cannot be read as one; the message says what and what to do. */
export class OcrFormatError extends Error {
	override name = 'OcrFormatError';
}
