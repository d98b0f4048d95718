/**
 * A file's bytes made a printing's source, as the single run and each batch item both read one:
 * refused when over the size limit, decoded, and named as the reports name it.
 */
import {decode, DecodeError} from '../core/decode.js';
import {sniffFormat} from '../core/formats/detect.js';
import type {ReportSource} from '../report/index.js';
import {describeTooLarge, InputError, maxInputBytes} from './errors.js';

/**
 * The source in `bytes`, read from `file` (`-` for standard input).
 *
 * @throws InputError with one line that says what is wrong and what to do.
 */
export function sourceFromBytes(file: string, bytes: Uint8Array): ReportSource {
	const shown = file === '-' ? 'standard input' : file;
	if (bytes.length > maxInputBytes) throw new InputError(describeTooLarge(shown));
	try {
		const {text, lineEnd, encoding} = decode(bytes, shown);
		return {name: file === '-' ? '(standard input)' : file, text, lineEnd, encoding};
	} catch (error) {
		if (error instanceof DecodeError) throw new InputError(error.message);
		throw error;
	}
}

/** Whether bytes are a PDF (`%PDF-` at the start, as the PDF standard puts it). */
export function isPdf(bytes: Uint8Array): boolean {
	return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/** What `readSource` may be told besides the bytes. */
export type SourceOptions = {
	/** The pages of a PDF to read (`--pages 5-9`), from 1, inclusive. @default every page */
	readonly pages?: readonly [number, number];
};

/**
 * The source in `bytes`, whatever it holds: plain text, ALTO, PAGE XML, hOCR (told by content,
 * not by name) or a PDF's text layer. The readers of the OCR formats load only when needed.
 *
 * @throws InputError with one line that says what is wrong and what to do.
 */
export async function readSource(file: string, bytes: Uint8Array, options: SourceOptions = {}): Promise<ReportSource> {
	const shown = file === '-' ? 'standard input' : file;
	if (isPdf(bytes)) {
		if (bytes.length > maxInputBytes) throw new InputError(describeTooLarge(shown));
		const {pdfSource} = await import('./pdf-source.js');
		return pdfSource(file, bytes, options.pages);
	}

	const source = sourceFromBytes(file, bytes);
	const sniffed = sniffFormat(source.text);
	switch (sniffed.kind) {
		case 'text': {
			return source;
		}

		case 'other-markup': {
			throw new InputError(
				`${shown} is XML or HTML (<${sniffed.root}>) but not ALTO, PAGE XML or hOCR; ` +
					`give plain text, an OCR file in one of those formats, or a PDF with a text layer`,
			);
		}

		case 'ocr': {
			const {ocrSource} = await import('./ocr-source.js');
			return ocrSource(source, sniffed.format, shown);
		}
	}
}
