/**
 * Where each line of a real-OCR case's text is on its scans, from Tesseract's committed hOCR (the
 * first case of each source page has it): so that the evaluation weighs the recogniser's word
 * confidences, as a run on the OCR files would (#15).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {ocrText, readOcr} from '../core/formats/read.js';
import type {LinePlace} from '../core/types.js';
import type {OcrPrinting} from './ocr-case.js';

/**
 * The place of each line of a printing's text (index: line − 1), or undefined when its hOCR is not
 * committed. Each image's lines start at its `firstLine`; its page is its place among the images.
 */
export function printingLayout(directory: string, printing: OcrPrinting, lineCount: number): (LinePlace | undefined)[] | undefined {
	const images = printing.images;
	if (images === undefined || images.length === 0 || images.some((image) => image.hocr === undefined)) return undefined;
	const layout: (LinePlace | undefined)[] = Array.from({length: lineCount}, () => undefined);
	for (const [k, image] of images.entries()) {
		const file = path.join(directory, image.hocr!);
		const {lines} = ocrText(readOcr(readFileSync(file, 'utf8'), 'hocr', file));
		for (const [j, line] of lines.entries()) if (line !== undefined) layout[image.firstLine - 1 + j] = {...line, page: k + 1};
	}

	return layout;
}
