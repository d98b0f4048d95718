/**
 * An OCR file made a printing's source: read (ALTO, PAGE XML, hOCR), laid out as text, with each
 * text line's place on the scan. Loaded only when an input is one, so that a plain-text run never
 * loads the XML parser.
 */
import {ocrText, readOcr} from '../core/formats/read.js';
import {OcrFormatError, type WritableOcrFormat} from '../core/formats/types.js';
import type {ReportSource} from '../report/index.js';
import {InputError} from './errors.js';

/**
 * The source of `decoded`, whose text is an OCR file of `format`.
 *
 * @throws InputError with one line that says what is wrong and what to do.
 */
export function ocrSource(decoded: ReportSource, format: WritableOcrFormat, shown: string): ReportSource {
	try {
		const document = readOcr(decoded.text, format, shown);
		const {text, lines} = ocrText(document);
		return {...decoded, text, lineEnd: '\n', layout: lines, ocr: document};
	} catch (error) {
		if (error instanceof OcrFormatError) throw new InputError(error.message);
		throw error;
	}
}
