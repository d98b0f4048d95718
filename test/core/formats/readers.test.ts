import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {sniffFormat} from '../../../src/core/formats/detect.js';
import {ocrText, readOcr} from '../../../src/core/formats/read.js';
import {OcrFormatError, type OcrDocument, type WritableOcrFormat} from '../../../src/core/formats/types.js';

const evalOcr = 'test/fixtures/eval/ocr';
const fixtures = 'test/fixtures/ocr';
const read = (file: string, format: WritableOcrFormat): OcrDocument => readOcr(readFileSync(file, 'utf8'), format, file);
const pageNumber = (file: string): number => Number(/-(\d+)\.(?:alto\.xml|hocr)$/u.exec(file)![1]);

/** Each committed Tesseract page of the evaluation's real-OCR cases, by case and printing. */
const tesseractPages = readdirSync(evalOcr, {withFileTypes: true})
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.filter((name) => readdirSync(path.join(evalOcr, name)).some((file) => file.endsWith('.hocr')))
	.flatMap((name) =>
		(['a', 'b'] as const).map((side) => ({
			name,
			side,
			pages: readdirSync(path.join(evalOcr, name))
				.filter((file) => file.startsWith(`${name}-${side}-`) && file.endsWith('.hocr'))
				.sort((x, y) => pageNumber(x) - pageNumber(y))
				.map((file) => path.join(evalOcr, name, file)),
		})),
	);

describe('reading Tesseract’s hOCR and ALTO', () => {
	it('has the committed pages of twelve contents pages to read', () => {
		expect(tesseractPages.length).toBe(24);
	});

	// Tesseract's text sets two spaces between some words where the gap is wide, and one before a
	// line that starts with an empty word; the words are the same.
	const spaced = (text: string): string =>
		text
			.split('\n')
			.map((line) => line.replaceAll(/ {2,}/gu, ' ').trim())
			.join('\n');

	it.each(tesseractPages.map((item) => [`${item.name} ${item.side}`, item] as const))(
		'%s: the text read from each format is Tesseract’s own text, line for line',
		(_name, {name, side, pages}) => {
			const want = spaced(readFileSync(path.join(evalOcr, name, `${side}.txt`), 'utf8'));
			for (const format of ['hocr', 'alto'] as const) {
				const text = pages.map((file) => ocrText(read(format === 'hocr' ? file : file.replace(/\.hocr$/u, '.alto.xml'), format)).text).join('\n');
				expect(text).toBe(want);
			}
		},
	);

	it('reads the same words, ids aside, with the same boxes and confidences from hOCR and ALTO', () => {
		const hocr = read(`${fixtures}/macdowell-essays-1/a.hocr`, 'hocr');
		const alto = read(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'alto');
		const words = (document: OcrDocument) =>
			document.lines.flatMap((line) => line.words.map((word) => ({page: line.page, text: word.text, box: word.box, confidence: word.confidence})));
		// Tesseract 5.3 writes ALTO's WC of a word below 10 % without its leading zero (x_wconf 7 is
		// WC="0.7"): the reader reads it as Tesseract meant it.
		expect(readFileSync(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'utf8')).toContain('WC="0.7"');
		expect(words(alto)).toEqual(words(hocr));
		expect(words(alto).length).toBeGreaterThan(150);
		expect(hocr.lines[0]).toMatchObject({page: 1, id: 'line_1_1', words: [{id: 'word_1_1', text: 'CRITICAL'}, {}, {}, {}]});
		expect(alto.lines[0]).toMatchObject({page: 1, id: 'line_0', words: [{id: 'string_0', text: 'CRITICAL'}, {}, {}, {}]});
	});

	it('reads a multi-page document as one printing across its pages', () => {
		for (const [file, format] of [
			['a.hocr', 'hocr'],
			['a.alto.xml', 'alto'],
		] as const) {
			const document = read(`${fixtures}/macdowell-essays-1/${file}`, format);
			expect(document.pages.map((page) => page.number)).toEqual([1, 2]);
			expect(new Set(document.lines.map((line) => line.page))).toEqual(new Set([1, 2]));
			// Tesseract's text of the same images: the same lines (it ends each page with a form feed).
			const tesseract = spaced(readFileSync(`${fixtures}/macdowell-essays-1/a.txt`, 'utf8'))
				.split(/\n|\f/u)
				.filter((line) => line.trim() !== '');
			expect(
				ocrText(document)
					.text.split('\n')
					.filter((line) => line !== ''),
			).toEqual(tesseract);
		}
	});

	it('reads a one-digit WC as the share it is where Tesseract did not write it', () => {
		const alto = (software: string) =>
			`<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><OCRProcessing ID="o"><ocrProcessingStep><processingSoftware><softwareName>${software}</softwareName></processingSoftware></ocrProcessingStep></OCRProcessing></Description><Layout><Page ID="p"><PrintSpace><TextBlock ID="b"><TextLine ID="l"><String ID="s" CONTENT="1" WC="0.7"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;
		expect(readOcr(alto('tesseract 5.3.0'), 'alto', 'a.xml').lines[0]!.words[0]!.confidence).toBe(0.07);
		expect(readOcr(alto('ABBYY FineReader'), 'alto', 'a.xml').lines[0]!.words[0]!.confidence).toBe(0.7);
	});

	it('names each page’s image where the document does', () => {
		expect(read(`${fixtures}/macdowell-essays-1/a.hocr`, 'hocr').pages.map((page) => page.image)).toEqual(['a-1.jpg', 'a-2.jpg']);
		// Tesseract's multi-page ALTO names the first image only.
		expect(read(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'alto').pages.map((page) => page.image)).toEqual(['a-1.jpg', undefined]);
		expect(read(`${fixtures}/macdowell-essays-1/a-2.page-2019.xml`, 'page').pages).toEqual([{number: 1, image: 'a-2.jpg', width: 857, height: 1400}]);
	});

	it.each([
		['2', 'a.alto-v2.xml'],
		['3', 'a.alto.xml'],
		['4', 'a.alto-v4.xml'],
	])('reads ALTO %s', (version, file) => {
		const document = read(`${fixtures}/macdowell-essays-1/${file}`, 'alto');
		expect(document.version).toBe(version);
		expect(ocrText(document).text).toBe(ocrText(read(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'alto')).text);
	});

	it.each(['2013', '2019'])('reads PAGE XML %s: the contents page’s lines, words, boxes and confidences', (year) => {
		const page = read(`${fixtures}/macdowell-essays-1/a-2.page-${year}.xml`, 'page');
		const alto = read(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'alto');
		expect(page.version).toBe(year);
		const strip = (document: OcrDocument, number: number) =>
			document.lines
				.filter((line) => line.page === number)
				.map((line) => ({box: line.box, words: line.words.map((word) => ({text: word.text, box: word.box, confidence: word.confidence}))}));
		expect(strip(page, 1)).toEqual(strip(alto, 2));
		expect(page.lines[0]?.id).toBe('r1_l1');
		expect(page.lines[0]?.words[0]?.id).toBe('r1_l1_w1');
	});
});

describe('PAGE XML by hand', () => {
	const page = (body: string, extra = '') =>
		`<?xml version="1.0"?><PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Metadata/><Page imageFilename="p.png" imageWidth="100" imageHeight="50">${extra}${body}</Page></PcGts>`;
	const region = (id: string, text: string) =>
		`<TextRegion id="${id}"><Coords points="0,0 10,0 10,10 0,10"/><TextLine id="${id}l"><Coords points="1,2 9,2 9,8 1,8"/><TextEquiv><Unicode>${text}</Unicode></TextEquiv></TextLine></TextRegion>`;

	it('reads a line without words from its own text, each word with its place in it', () => {
		const source = page(region('r1', 'Preface &amp; notes  7'));
		const document = readOcr(source, 'page', 'p.xml');
		expect(document.lines[0]!.words.map((word) => word.text)).toEqual(['Preface', '&', 'notes', '7']);
		expect(document.lines[0]!.words.map((word) => source.slice(...word.content!))).toEqual(['Preface', '&amp;', 'notes', '7']);
		expect(document.lines[0]!.box).toEqual({x: 1, y: 2, width: 8, height: 6});
	});

	it('follows the reading order when the page gives one', () => {
		const order =
			'<ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="0" regionRef="r2"/><RegionRefIndexed index="1" regionRef="r1"/></OrderedGroup></ReadingOrder>';
		const document = readOcr(page(region('r1', 'Second 2') + region('r2', 'First 1'), order), 'page', 'p.xml');
		expect(ocrText(document).text).toBe('First 1\n\nSecond 2\n');
	});
});

describe('telling the format from the content', () => {
	it.each([
		['<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">', {kind: 'ocr', format: 'alto'}],
		['\uFEFF<!-- made by hand -->\n<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">', {kind: 'ocr', format: 'page'}],
		['<pc:PcGts xmlns:pc="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">', {kind: 'ocr', format: 'page'}],
		["<!DOCTYPE html>\n<html><body><div class='ocr_page' title='bbox 0 0 1 1'></div></body></html>", {kind: 'ocr', format: 'hocr'}],
		['<!DOCTYPE html>\n<html><body><p>Contents</p></body></html>', {kind: 'other-markup', root: 'html'}],
		['<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', {kind: 'other-markup', root: 'TEI'}],
		['<i>Preface</i> . . . . v\nI. Chapter One . . . 1\n', {kind: 'text'}],
		['CONTENTS\nPreface  v\n', {kind: 'text'}],
	])('%j', (text, expected) => {
		expect(sniffFormat(text)).toEqual(expected);
	});

	it('reads a file by its content whatever its name: a .txt holding ALTO is ALTO', () => {
		const text = readFileSync(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'utf8');
		expect(sniffFormat(text)).toEqual({kind: 'ocr', format: 'alto'});
		expect(sniffFormat(readFileSync(`${fixtures}/macdowell-essays-1/a.hocr`, 'utf8'))).toEqual({kind: 'ocr', format: 'hocr'});
	});
});

describe('bad OCR files', () => {
	it('says where malformed XML goes wrong, in one line', () => {
		const text = readFileSync(`${fixtures}/macdowell-essays-1/a.alto.xml`, 'utf8').replace('</TextLine>', '</TextBlock>');
		expect(() => readOcr(text, 'alto', 'a.xml')).toThrow(OcrFormatError);
		expect(() => readOcr(text, 'alto', 'a.xml')).toThrow(/^a\.xml:\d+:\d+: not well-formed XML \(.+\); fix the file, or give the OCR engine's output again$/u);
	});

	it('refuses ALTO without its layout, and a document with no text', () => {
		expect(() => readOcr('<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description/></alto>', 'alto', 'a.xml')).toThrow(
			/a\.xml: an ALTO file without <Layout>/u,
		);
		expect(() => readOcr('<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page/></Layout></alto>', 'alto', 'a.xml')).toThrow(
			/a\.xml: an ALTO file with no recognised text/u,
		);
	});
});
