/**
 * A PDF's text layer made a printing's source, with pdf.js (`pdfjs-dist`, Mozilla's PDF reader):
 * the text of each page, cut into lines by where the text sits, each line and word with its box
 * (in points, from the page's top left). Loaded only when an input is a PDF.
 */
import {boxAround} from '../core/box.js';
import {lastWord, trailing} from '../core/chars.js';
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
		const box: Box = {
			x: round(x + match.index * perCharacter),
			y: round(pageHeight - baseline - height),
			width: round(match[0].length * perCharacter),
			height: round(height),
		};
		words.push({text: match[0], box});
	}

	return words;
}

const round = (value: number): number => Math.round(value * 100) / 100;

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
		const around = boxAround(words.flatMap((word) => (word.box ? [word.box] : [])));
		const box = around && {...around, width: round(around.width), height: round(around.height)};
		// A gap of more than one and a half lines between two lines starts a new block.
		if (lastBaseline !== undefined && lineBaseline !== undefined && lastBaseline - lineBaseline > lineHeight * 2.2) block++;
		lastBaseline = lineBaseline;
		lines.push({
			page,
			id: `p${page}_l${lines.length + 1}`,
			...(box ? {box} : {}),
			words: words.map((word, k) => ({...word, id: `p${page}_l${lines.length + 1}_w${k + 1}`})),
			block,
		});
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

/** A contents heading on a line of its own, in the languages tocdiff knows. */
const contentsHeading =
	/^\s*(?:(?:table\s+of\s+)?contents|table\s+des\s+mati[eè]res|sommaire|inhalt(?:sverzeichnis)?|inhoud(?:sopgave)?|содержание|оглавление)\.?\s*$/iu;

/**
 * Whether a line ends in a page number (an Arabic or Roman folio), as contents lines do: what
 * `/(?:\d+|\b[ivxlc]+)\.?\s*$/i` says, read from the end so that a long run of digits stays linear.
 */
function endsInPage(line: string): boolean {
	const word = lastWord(line);
	const body = word.endsWith('.') ? word.slice(0, -1) : word;
	if (trailing(body, /\d/) !== '') return true;
	const roman = trailing(body, /[ivxlc]/i);
	const before = body[body.length - roman.length - 1];
	return roman !== '' && (before === undefined || !/\w/.test(before));
}

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdf>>['getDocument']>['promise']>;

/** The lines of a page's text layer, as text. */
async function pageTexts(pdf: PdfDocument, number: number): Promise<string[]> {
	const page = await pdf.getPage(number);
	const viewport = page.getViewport({scale: 1});
	const content = await page.getTextContent();
	const runs = content.items.filter((item): item is typeof item & TextRun => 'str' in item);
	return pageLines(runs, number, viewport.height, 0).lines.map((line) => line.words.map((word) => word.text).join(' '));
}

/**
 * The contents pages of a PDF of more than three pages, when they can be told: the page an
 * outline entry named Contents points to, else the first of the first 60 pages with a line that is
 * a contents heading alone; and the pages after it while most of their lines end in a page number.
 * Undefined when none is found (the whole PDF is read).
 */
async function contentsPages(pdf: PdfDocument): Promise<readonly [number, number] | undefined> {
	if (pdf.numPages <= 3) return undefined;
	let start: number | undefined;
	try {
		// pdf.js gives null for a PDF without an outline, whatever its types say.
		const outline = ((await pdf.getOutline()) as {readonly title: string; readonly dest: string | unknown[] | null}[] | null) ?? [];
		const entry = outline.find((item) => contentsHeading.test(item.title));
		if (entry !== undefined) {
			const destination = (typeof entry.dest === 'string' ? await pdf.getDestination(entry.dest) : entry.dest) as unknown[] | null;
			const reference = destination?.[0];
			if (reference !== undefined && reference !== null && typeof reference === 'object')
				start = (await pdf.getPageIndex(reference as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
		}
	} catch {
		// An outline that cannot be read: look at the pages.
	}

	for (let number = 1; start === undefined && number <= Math.min(pdf.numPages, 60); number++) {
		// eslint-disable-next-line no-await-in-loop -- page after page until the heading
		if ((await pageTexts(pdf, number)).some((line) => contentsHeading.test(line))) start = number;
	}

	if (start === undefined) return undefined;
	let end = start;
	while (end < pdf.numPages) {
		// eslint-disable-next-line no-await-in-loop -- the contents run on while their lines end in pages
		const lines = (await pageTexts(pdf, end + 1)).filter((line) => line.trim() !== '');
		if (lines.length === 0 || lines.filter((line) => endsInPage(line)).length < lines.length / 2) break;
		end++;
	}

	return [start, end];
}

/**
 * The source of a PDF's text layer: pages `pages` (from 1, inclusive); else its contents pages
 * where they can be told (`contentsPages`); else every page.
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
		throw new InputError(
			`${shown} is not a PDF that can be read (${error instanceof Error ? error.message.replace(/\.$/u, '') : String(error)}); ` +
				`give the PDF again, or its text as a file`,
		);
	}

	const [from, to] = pages ?? (await contentsPages(pdf)) ?? [1, pdf.numPages];
	if (to > pdf.numPages)
		throw new InputError(
			`${shown} has ${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'}; --pages ${from}-${to} goes past its last; give pages within 1-${pdf.numPages}`,
		);
	const ocrPages: OcrPage[] = [];
	const lines: OcrLine[] = [];
	let blocks = 0;
	for (let number = from; number <= to; number++) {
		// eslint-disable-next-line no-await-in-loop -- one page after another, in order
		const page = await pdf.getPage(number);
		const viewport = page.getViewport({scale: 1});
		// eslint-disable-next-line no-await-in-loop -- the page just loaded; its text in page order too
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
		throw new InputError(
			`${shown} has no text layer${which} (a scan only); ` +
				`run OCR on it first (e.g. ocrmypdf, or tesseract IMAGE out pdf), or give its OCR output (ALTO, PAGE XML, hOCR)`,
		);
	}

	const document: OcrDocument = {format: 'pdf', version: String(pdf.numPages), pages: ocrPages, lines, source: ''};
	const {text, lines: layout} = ocrText(document);
	return {name: file === '-' ? '(standard input)' : file, text, lineEnd: '\n', encoding: 'utf-8', layout, ocr: document};
}
