/**
 * A PDF's text layer made a printing's source, with pdf.js (`pdfjs-dist`, Mozilla's PDF reader):
 * the text of each page, cut into lines by where the text sits, each line and word with its box
 * (in points, from the page's top left). Loaded only when an input is a PDF.
 */
import type {Box, OcrDocument, OcrLine, OcrPage, OcrWord} from '../core/formats/types.js';
import {ocrText} from '../core/formats/read.js';
import type {ReportSource} from '../report/index.js';
import {InputError} from './errors.js';
import {loadPdf} from './load-pdf.js';

/** A run of text as pdf.js gives it. */
type TextRun = {readonly str: string; readonly transform: readonly number[]; readonly width: number; readonly height: number};

/** The words of a run, each with its share of the run's width by its characters. */
function runWords(run: TextRun, pageHeight: number): OcrWord[] {
	const x = run.transform[4] ?? 0;
	const baseline = run.transform[5] ?? 0;
	const height = run.height || Math.abs(run.transform[3] ?? 0);
	const perCharacter = run.str.length === 0 ? 0 : run.width / run.str.length;
	const words: OcrWord[] = [];
	for (const match of run.str.matchAll(/\S+/gu)) {
		const box: Box = {x: round(x + match.index * perCharacter), y: round(pageHeight - baseline - height), width: round(match[0].length * perCharacter), height: round(height)};
		words.push({text: match[0], box});
	}

	return words;
}

const round = (value: number): number => Math.round(value * 100) / 100;

function union(boxes: readonly Box[]): Box | undefined {
	if (boxes.length === 0) return undefined;
	const x = Math.min(...boxes.map((b) => b.x));
	const y = Math.min(...boxes.map((b) => b.y));
	return {x, y, width: round(Math.max(...boxes.map((b) => b.x + b.width)) - x), height: round(Math.max(...boxes.map((b) => b.y + b.height)) - y)};
}

/** Cut a page's runs into lines: a run that starts below the line so far (by half its height) starts a new one. */
function pageLines(runs: readonly TextRun[], page: number, pageHeight: number, firstBlock: number): {lines: OcrLine[]; blocks: number} {
	const lines: OcrLine[] = [];
	let words: OcrWord[] = [];
	let lineBaseline: number | undefined;
	let lineHeight = 0;
	let block = firstBlock;
	let lastBaseline: number | undefined;
	const flush = (): void => {
		if (words.length === 0) return;
		const box = union(words.flatMap((word) => (word.box ? [word.box] : [])));
		// A gap of more than one and a half lines between two lines starts a new block.
		if (lastBaseline !== undefined && lineBaseline !== undefined && lastBaseline - lineBaseline > lineHeight * 2.2) block++;
		lastBaseline = lineBaseline;
		lines.push({page, id: `p${page}_l${lines.length + 1}`, ...(box ? {box} : {}), words: words.map((word, k) => ({...word, id: `p${page}_l${lines.length + 1}_w${k + 1}`})), block});
		words = [];
	};

	// pdf.js's end-of-line marks are not to be trusted (it sets one on every word of Tesseract's text
	// layer): a run starts a new line when it sits half a line off the line's baseline, or starts
	// to the left of where the line so far ends.
	let lineEnd = 0;
	for (const run of runs) {
		if (run.str.trim() === '') continue;
		const baseline = run.transform[5] ?? 0;
		const height = run.height || Math.abs(run.transform[3] ?? 0) || 1;
		const x = run.transform[4] ?? 0;
		if (lineBaseline !== undefined && (Math.abs(baseline - lineBaseline) > height / 2 || x < lineEnd - height)) flush();
		if (words.length === 0) {
			lineBaseline = baseline;
			lineHeight = height;
		}

		words.push(...runWords(run, pageHeight));
		lineEnd = x + run.width;
	}

	flush();
	return {lines, blocks: block + 1};
}

/**
 * The source of a PDF's text layer: pages `pages` (from 1, inclusive), or every page.
 *
 * @throws InputError for a PDF that cannot be read, pages it does not have, or no text layer.
 */
export async function pdfSource(file: string, bytes: Uint8Array, pages?: readonly [number, number]): Promise<ReportSource> {
	const shown = file === '-' ? 'standard input' : file;
	// The legacy build runs in Node without a DOM; pdf.js runs its worker's code in this thread.
	const pdfjs = await loadPdf();
	let pdf;
	try {
		pdf = await pdfjs.getDocument({data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0}).promise;
	} catch (error) {
		throw new InputError(`${shown} is not a PDF that can be read (${error instanceof Error ? error.message.replace(/\.$/u, '') : String(error)}); give the PDF again, or its text as a file`);
	}

	const [from, to] = pages ?? [1, pdf.numPages];
	if (to > pdf.numPages) throw new InputError(`${shown} has ${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'}; --pages ${from}-${to} goes past its last; give pages within 1-${pdf.numPages}`);
	const ocrPages: OcrPage[] = [];
	const lines: OcrLine[] = [];
	let blocks = 0;
	for (let number = from; number <= to; number++) {
		// eslint-disable-next-line no-await-in-loop -- one page after another, in order
		const page = await pdf.getPage(number);
		const viewport = page.getViewport({scale: 1});
		// eslint-disable-next-line no-await-in-loop
		const content = await page.getTextContent();
		const runs = content.items.filter((item): item is typeof item & TextRun => 'str' in item);
		const read = pageLines(runs, number, viewport.height, blocks);
		blocks = read.blocks;
		lines.push(...read.lines);
		ocrPages.push({number, width: round(viewport.width), height: round(viewport.height)});
	}

	await pdf.destroy();
	if (!lines.some((line) => line.words.length > 0)) {
		const which = pages === undefined ? '' : ` on pages ${from}-${to}`;
		throw new InputError(`${shown} has no text layer${which} (a scan only); run OCR on it first (e.g. ocrmypdf, or tesseract IMAGE out pdf), or give its OCR output (ALTO, PAGE XML, hOCR)`);
	}

	const document: OcrDocument = {format: 'pdf', version: String(pdf.numPages), pages: ocrPages, lines, source: ''};
	const {text, lines: layout} = ocrText(document);
	return {name: file === '-' ? '(standard input)' : file, text, lineEnd: '\n', encoding: 'utf-8', layout, ocr: document};
}
