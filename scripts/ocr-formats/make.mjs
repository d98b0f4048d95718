#!/usr/bin/env node
/**
 * Make the OCR-format fixtures (test/fixtures/ocr/): Tesseract's multi-page hOCR, ALTO and text of
 * two real-OCR cases (each printing's page images read as one document), ALTO 2 and 4 copies of
 * one ALTO 3 file, and PAGE XML (2013 and 2019) of the contents pages, written from Tesseract's
 * ALTO by the PAGE schema. The page images are those scripts/ocr-cases/make.mjs draws and
 * degrades (run it with KEEP=DIR first, or let this script do it); macdowell-essays-1's are copied
 * here for the HTML report's crops.
 *
 *   npm run build && KEEP=/tmp/ocr-work node scripts/ocr-formats/make.mjs
 *
 * Needs what scripts/ocr-cases/make.mjs needs (tesseract-ocr 5 with eng and fra, imagemagick,
 * chromium, the fonts). Tesseract runs on one thread, so a run here writes the same files.
 */
import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'test/fixtures/ocr');
const work = process.env.KEEP;
if (!work) throw new Error('set KEEP=DIR, the work folder of scripts/ocr-cases/make.mjs (it is made there if need be)');
const cases = [
	{name: 'macdowell-essays-1', language: 'eng', images: true},
	{name: 'entre-nous-1', language: 'fra', images: false},
];

const {readOcr} = await import(path.join(root, 'dist/core/formats/read.js'));

for (const {name, language, images} of cases) {
	if (!existsSync(path.join(work, `${name}-a-1.jpg`))) {
		execFileSync(process.execPath, [path.join(root, 'scripts/ocr-cases/make.mjs'), '--exact', name], {stdio: 'inherit', env: {...process.env, KEEP: work}});
		// That run writes the case's evaluation files again, byte for byte the same.
	}

	const folder = path.join(out, name);
	rmSync(folder, {recursive: true, force: true});
	mkdirSync(folder, {recursive: true});
	for (const side of ['a', 'b']) {
		const pages = readdirSync(work)
			.filter((file) => new RegExp(`^${name}-${side}-\\d+\\.jpg$`).test(file))
			.sort((x, y) => Number(/-(\d+)\.jpg$/.exec(x)[1]) - Number(/-(\d+)\.jpg$/.exec(y)[1]));
		// The images sit beside the OCR files under short names, as the documents name them.
		const names = pages.map((file, k) => `${side}-${k + 1}.jpg`);
		for (const [k, file] of pages.entries()) copyFileSync(path.join(work, file), path.join(folder, names[k]));
		writeFileSync(path.join(folder, `${side}.list`), `${names.join('\n')}\n`);
		execFileSync('tesseract', [`${side}.list`, side, '-l', language, '--psm', '6', 'txt', 'hocr', 'alto'], {
			cwd: folder,
			env: {...process.env, OMP_THREAD_LIMIT: '1'},
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		rmSync(path.join(folder, `${side}.list`));
		execFileSync('mv', [path.join(folder, `${side}.xml`), path.join(folder, `${side}.alto.xml`)]);
		if (!images) for (const image of names) rmSync(path.join(folder, image));
	}

	if (name === 'macdowell-essays-1') {
		// ALTO 2 and 4: Tesseract writes ALTO 3; its elements mean the same in 2 and 4.
		const alto = readFileSync(path.join(folder, 'a.alto.xml'), 'utf8');
		for (const version of ['2', '4']) {
			const schema = version === '2' ? 'http://www.loc.gov/standards/alto/alto-v2.0.xsd' : 'http://www.loc.gov/standards/alto/v4/alto-4-4.xsd';
			writeFileSync(
				path.join(folder, `a.alto-v${version}.xml`),
				alto.replaceAll('alto/ns-v3#', `alto/ns-v${version}#`).replace('http://www.loc.gov/alto/v3/alto-3-0.xsd', schema),
			);
		}

		// Both printings in one document (A's images, then B's), for one-file and batch runs.
		writeFileSync(path.join(folder, 'both.list'), 'a-1.jpg\na-2.jpg\nb-1.jpg\nb-2.jpg\n');
		execFileSync('tesseract', ['both.list', 'both', '-l', language, '--psm', '6', 'hocr', 'alto'], {
			cwd: folder,
			env: {...process.env, OMP_THREAD_LIMIT: '1'},
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		rmSync(path.join(folder, 'both.list'));
		execFileSync('mv', [path.join(folder, 'both.xml'), path.join(folder, 'both.alto.xml')]);

		// A PDF with A's text layer only (Tesseract's text-only PDF: the invisible text it lays over a
		// scan), one of B's contents page with its scan and text, and one without text (a scan alone).
		writeFileSync(path.join(folder, 'a.list'), 'a-1.jpg\na-2.jpg\n');
		execFileSync('tesseract', ['a.list', 'a-textlayer', '-l', language, '--psm', '6', '-c', 'textonly_pdf=1', 'pdf'], {
			cwd: folder,
			env: {...process.env, OMP_THREAD_LIMIT: '1'},
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		rmSync(path.join(folder, 'a.list'));
		execFileSync('tesseract', ['b-2.jpg', 'b-2-scan', '-l', language, '--psm', '6', 'pdf'], {
			cwd: folder,
			env: {...process.env, OMP_THREAD_LIMIT: '1'},
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		writeFileSync(path.join(folder, 'no-text-layer.pdf'), pdfWithoutText());
		// A book of six pages (title, preface, two pages of contents, two of text) printed to PDF by
		// Chromium, for finding the contents pages of a PDF without --pages.
		const entries = readFileSync(path.join(root, 'test/fixtures/eval/critical-historical-essays-macdowell-en.txt'), 'utf8')
			.split('\n')
			.filter((line) => /\d\s*$/.test(line))
			.map((line) =>
				line
					.trim()
					.replaceAll('--', '—')
					.replace(/\s{2,}/g, ' … '),
			);
		const prose = 'The preface speaks of music, and of the contents of the lectures that follow, page after page. '.repeat(12);
		const page = (body) => `<section style="page-break-after: always; font: 12pt serif">${body}</section>`;
		const book = [
			page('<h1>CRITICAL AND HISTORICAL ESSAYS</h1><p>EDWARD MACDOWELL</p>'),
			page(`<h2>PREFACE</h2><p>${prose}</p>`),
			page(
				`<h2>CONTENTS</h2>${entries
					.slice(0, 12)
					.map((entry) => `<p>${entry}</p>`)
					.join('')}`,
			),
			page(
				entries
					.slice(12)
					.map((entry) => `<p>${entry}</p>`)
					.join(''),
			),
			page(`<h2>I. THE ORIGIN OF MUSIC</h2><p>${prose}</p>`),
			page(`<h2>II. ORIGIN OF SONG</h2><p>${prose}</p>`),
		].join('');
		const html = path.join(work, 'book.html');
		writeFileSync(html, `<!doctype html><meta charset="utf-8"><body>${book}</body>`);
		execFileSync(
			'chromium',
			['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${path.join(folder, 'book.pdf')}`, `file://${html}`],
			{stdio: 'ignore'},
		);

		// PAGE XML of each printing's contents page (its second image).
		for (const side of ['a', 'b']) {
			const document = readOcr(readFileSync(path.join(folder, `${side}.alto.xml`), 'utf8'), 'alto', `${side}.alto.xml`);
			for (const year of ['2013', '2019']) writeFileSync(path.join(folder, `${side}-2.page-${year}.xml`), pageXml(document, 2, year, `${side}-2.jpg`));
		}
	}
}

function escape(text) {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function points({x, y, width, height}) {
	return `${x},${y} ${x + width},${y} ${x + width},${y + height} ${x},${y + height}`;
}

/** One page of a document as PAGE XML: a region per text block, its lines and words, text and confidence. */
function pageXml(document, number, year, image) {
	const page = document.pages[number - 1];
	const lines = document.lines.filter((line) => line.page === number && line.words.length > 0);
	const blocks = [...new Set(lines.map((line) => line.block))];
	const namespace = `http://schema.primaresearch.org/PAGE/gts/pagecontent/${year}-07-15`;
	const union = (boxes) => {
		const x = Math.min(...boxes.map((b) => b.x));
		const y = Math.min(...boxes.map((b) => b.y));
		return {x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y};
	};
	const conf = (value) => value.toFixed(2);
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<PcGts xmlns="${namespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${namespace} ${namespace}/pagecontent.xsd">`,
		'\t<Metadata>',
		'\t\t<Creator>tocdiff scripts/ocr-formats/make.mjs, from tesseract 5.3.0 ALTO</Creator>',
		'\t\t<Created>2025-01-01T00:00:00</Created>',
		'\t\t<LastChange>2025-01-01T00:00:00</LastChange>',
		'\t</Metadata>',
		`\t<Page imageFilename="${image}" imageWidth="${page.width}" imageHeight="${page.height}">`,
		'\t\t<ReadingOrder>',
		'\t\t\t<OrderedGroup id="ro_1">',
		...blocks.map((block, k) => `\t\t\t\t<RegionRefIndexed index="${k}" regionRef="r${k + 1}"/>`),
		'\t\t\t</OrderedGroup>',
		'\t\t</ReadingOrder>',
	];
	for (const [k, block] of blocks.entries()) {
		const own = lines.filter((line) => line.block === block);
		out.push(`\t\t<TextRegion id="r${k + 1}" type="paragraph">`, `\t\t\t<Coords points="${points(union(own.map((line) => line.box)))}"/>`);
		for (const [j, line] of own.entries()) {
			const id = `r${k + 1}_l${j + 1}`;
			out.push(`\t\t\t<TextLine id="${id}">`, `\t\t\t\t<Coords points="${points(line.box)}"/>`);
			for (const [i, word] of line.words.entries()) {
				out.push(
					`\t\t\t\t<Word id="${id}_w${i + 1}">`,
					`\t\t\t\t\t<Coords points="${points(word.box)}"/>`,
					`\t\t\t\t\t<TextEquiv conf="${conf(word.confidence)}">`,
					`\t\t\t\t\t\t<Unicode>${escape(word.text)}</Unicode>`,
					'\t\t\t\t\t</TextEquiv>',
					'\t\t\t\t</Word>',
				);
			}

			out.push(
				'\t\t\t\t<TextEquiv>',
				`\t\t\t\t\t<Unicode>${escape(line.words.map((w) => w.text).join(' '))}</Unicode>`,
				'\t\t\t\t</TextEquiv>',
				'\t\t\t</TextLine>',
			);
		}

		out.push('\t\t</TextRegion>');
	}

	out.push('\t</Page>', '</PcGts>', '');
	return out.join('\n');
}

/** A one-page PDF that draws a rule and holds no text, as a scan without OCR reads to a text extractor. */
function pdfWithoutText() {
	const content = '0.5 w 72 700 m 540 700 l S';
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	for (const [k, object] of objects.entries()) {
		offsets.push(out.length);
		out += `${k + 1} 0 obj\n${object}\nendobj\n`;
	}

	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return out;
}
