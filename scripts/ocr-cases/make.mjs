#!/usr/bin/env node
/**
 * Make the real-OCR evaluation cases (test/fixtures/eval/ocr/): for each case, draw two printings
 * of a real contents page (chromium), degrade them like scans (ImageMagick), read them with
 * Tesseract 5, and write the texts, the hOCR and ALTO outputs and the truth (`truth.json`, the
 * shape `OcrCase` of src/eval/ocr-case.ts). Everything random is seeded: a run on the same
 * machine (the same tools and fonts) writes the same files.
 *
 *   node scripts/ocr-cases/make.mjs                  every case
 *   node scripts/ocr-cases/make.mjs entre-nous-1     the cases whose name starts so
 *   node scripts/ocr-cases/make.mjs --jobs 2         in two processes (about 40 minutes on two cores)
 *   node scripts/ocr-cases/make.mjs --summary        only rewrite summary.json and the README's error-rate table
 *   KEEP=/tmp/ocr-work node scripts/ocr-cases/make.mjs   keep the work files (HTML, PNG, JPEG, Tesseract's outputs) there;
 *   KEEP=… REUSE=1 node scripts/ocr-cases/make.mjs       and only read again (and redo the truth of) pages drawn before
 *
 * Needs: chromium, imagemagick (6), tesseract-ocr 5 with tesseract-ocr-{eng,fra,nld,rus}, and the
 * fonts-dejavu, fonts-liberation, fonts-freefont-ttf, fonts-noto-core and fonts-urw-base35 fonts.
 */
import {spawn} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {contentsHeadings, layoutPrinting, measureRequests, pageHtml} from './layout.mjs';
import {degrade, measureTexts, ocr, screenshot, toolVersions} from './render.mjs';
import {readSources} from './sources.mjs';
import {mapLines, pageText, readFields, titlePageErrors} from './truth.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDirectory = path.join(root, 'test/fixtures/eval/ocr');
const renderDpi = 300;
// Tesseract's page segmentation mode for every image (PSM overrides it, for trying another).
const psm = Number(process.env.PSM ?? 6);
const tesseractLanguage = {en: 'eng', fr: 'fra', nl: 'nld', de: 'deu', ru: 'rus'};

/** How many cases each source page gets, and the pages held back (all their cases). */
const casesPerSource = {
	'lenin-cw31': 3,
	'infantry-drill': 3,
	'entre-nous': 3,
	ontboezemingen: 3,
	'guernsey-folk-lore': 3,
	'macdowell-essays': 2,
	midewiwin: 2,
	'chto-delat-ru': 3,
	chiriqui: 3,
	'pianoforte-sonata': 2,
	'lenin-cw21': 3,
	'lenin-cw02': 2,
};
/** The page images copied to `images/` (the scans as Tesseract read them), for a future HTML test. */
const keptImages = ['entre-nous-1-a-2', 'chto-delat-ru-1-b-1', 'lenin-cw31-1-a-2', 'ontboezemingen-1-b-2'];
export const heldOutSources = new Set(['guernsey-folk-lore', 'midewiwin', 'pianoforte-sonata', 'lenin-cw21']);

/** mulberry32, seeded from a string (FNV-1a), as src/eval/rng.ts does. */
function rngFor(text) {
	let h = 0x81_1c_9d_c5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01_00_01_93) >>> 0;
	}

	let state = h >>> 0;
	const next = () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};

	const between = (min, max, step = 0.01) => Math.round((min + next() * (max - min)) / step) * step;
	return {
		next,
		chance: (p) => next() < p,
		between: (min, max, step) => Number(between(min, max, step).toFixed(3)),
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
	};
}

const serifFonts = ['DejaVu Serif', 'Liberation Serif', 'FreeSerif', 'Noto Serif', 'Nimbus Roman', 'C059'];
const sansFonts = ['FreeSans', 'Liberation Sans', 'DejaVu Sans', 'Noto Sans', 'Nimbus Sans'];

/** Two printings' drawing styles: unlike fonts (serif / sans), sizes, measures and leaders. */
function pickStyles(source, caseIndex, rng) {
	const serifFirst = caseIndex % 2 === 0;
	const wideFirst = rng.chance(0.5);
	const leadersFirst = rng.chance(0.5);
	const headings = contentsHeadings[source.language];
	return [0, 1].map((k) => {
		const serif = k === 0 ? serifFirst : !serifFirst;
		const wide = k === 0 ? wideFirst : !wideFirst;
		const dotted = k === 0 ? leadersFirst : !leadersFirst;
		const heading = k === 0 ? rng.pick(headings) : rng.pick(headings);
		return {
			font: rng.pick(serif ? serifFonts : sansFonts),
			sizePt: rng.between(10, 13, 0.5),
			leading: rng.between(1.2, 1.45, 0.05),
			measure: wide ? rng.int(56, 66) : rng.int(40, 48),
			leaders: dotted ? rng.pick(['dots', 'dots', 'dense']) : rng.pick(['spaces', 'tab']),
			labels: rng.pick(['inline', 'column']),
			indentEm: rng.between(1, 2, 0.25),
			parts: rng.pick(['centered', 'left']),
			headings: rng.pick(['centered', 'left']),
			entryGap: rng.pick([0, 0, 0, 0.3, 0.6]),
			runningHeads: rng.chance(0.6),
			repeatHeader: rng.chance(0.5),
			footFolio: rng.chance(0.5),
			titlePageOwn: rng.chance(0.3),
			heading,
			runningWord: heading.replace(/\.$/u, ''),
			pageHeightIn: rng.between(7.5, 9.5, 0.25),
			marginIn: rng.between(0.6, 0.9, 0.05),
			firstFolio: rng.int(5, 9),
		};
	});
}

/** A scan's degradation: mostly ordinary, now and then poor. */
function pickScan(rng, seed) {
	const poor = rng.chance(0.15);
	const ink = rng.pick(['normal', 'normal', 'bold', 'faded']);
	return {
		renderDpi,
		dpi: poor ? rng.pick([150, 160]) : rng.pick([160, 170, 180, 190, 200, 210]),
		rotation: (rng.chance(0.5) ? 1 : -1) * rng.between(0.3, 1, 0.05),
		ink,
		inkAmount: ink === 'bold' ? rng.int(20, 40) : ink === 'faded' ? rng.int(poor ? 30 : 15, poor ? 40 : 30) : 0,
		greyInk: ink === 'faded' ? rng.int(10, 30) : 0,
		blur: poor ? rng.between(0.7, 1, 0.05) : rng.between(0.2, 0.7, 0.05),
		noise: poor ? rng.between(0.1, 0.18, 0.01) : rng.between(0.02, 0.1, 0.01),
		paper: rng.int(90, 100),
		quality: poor ? rng.int(30, 45) : rng.int(45, 80),
		dust: rng.int(poor ? 60 : 10, poor ? 200 : 90),
		pageSpecks: rng.between(poor ? 0.15 : 0.04, poor ? 0.3 : 0.15, 0.01),
		seed,
		poor,
	};
}

/** Specks for one page, in the clean image's pixels: dust anywhere, and a few just after page numbers. */
function specksFor(layout, page, scan, rng) {
	const s = scan.renderDpi / 96;
	const specks = [];
	for (let k = 0; k < scan.dust; k++) {
		specks.push([rng.next() * layout.pageWidth * s, rng.next() * layout.pageHeight * s, rng.between(0.3, 1.2, 0.05) * s]);
	}

	for (const line of page.lines) {
		if (!line.boxes?.page || !rng.chance(scan.pageSpecks)) continue;
		const right = line.boxes.page[1];
		const middle = line.top + layout.lineHeight * rng.between(0.45, 0.75);
		specks.push([(right + rng.between(3.5, 10)) * s, middle * s, rng.between(0.5, 1.4, 0.05) * s]);
	}

	return specks;
}

function flatRecord(style, scan) {
	return {
		font: style.font,
		sizePt: style.sizePt,
		leading: style.leading,
		measure: style.measure,
		leaders: style.leaders,
		labels: style.labels,
		heading: style.heading,
		runningHeads: style.runningHeads,
		titlePageOwnImage: style.titlePageOwn,
		dpi: scan.dpi,
		rotation: scan.rotation,
		ink: scan.ink,
		blur: scan.blur,
		noise: scan.noise,
		jpegQuality: scan.quality,
		specks: scan.dust,
		poorScan: scan.poor,
		psm,
	};
}

/** Draw, degrade and read one printing; the truth of its lines and what it reads for each entry. */
function makePrinting(source, style, scan, rng, work, prefix, caseDirectory, keepOutputs) {
	const widths = measureTexts(measureRequests(source, style), path.join(work, `${prefix}-measure.html`));
	const layout = layoutPrinting(source, style, widths);

	const pages = layout.pages.map((page, k) => {
		const base = path.join(work, `${prefix}-${k + 1}`);
		const html = pageHtml(layout, page, style);
		const pageScan = {...scan, seed: scan.seed + k, rotation: Number((scan.rotation + rng.between(-0.15, 0.15, 0.05)).toFixed(2))};
		const specks = specksFor(layout, page, pageScan, rng);
		// REUSE=1 with KEEP: a page drawn and degraded before from the same HTML and scan is not drawn again (only read).
		const recipe = JSON.stringify({html, pageScan, specks});
		const reuse =
			process.env.REUSE === '1' && existsSync(`${base}.jpg`) && existsSync(`${base}.recipe.json`) && readFileSync(`${base}.recipe.json`, 'utf8') === recipe;
		if (!reuse) {
			writeFileSync(`${base}.html`, html);
			screenshot(`${base}.html`, `${base}.png`, layout.pageWidth, layout.pageHeight, renderDpi / 96);
			degrade(`${base}.png`, `${base}.jpg`, pageScan, specks);
			writeFileSync(`${base}.recipe.json`, recipe);
		}

		const read = ocr(`${base}.jpg`, base, tesseractLanguage[source.language], psm);
		const cleanSize = [Math.round(layout.pageWidth * (renderDpi / 96)), Math.round(layout.pageHeight * (renderDpi / 96))];
		return {text: pageText(read.text), hocr: read.hocr, alto: read.alto, scan: pageScan, cleanSize, drawn: page.lines, image: `${base}.jpg`};
	});
	const mapped = mapLines(pages, layout.lineHeight, (style.sizePt * 96) / 72);
	const readings = source.entries.map((_item, index) => {
		const drawnLines = layout.pages.flatMap((page) => page.lines.filter((line) => line.truth === index));
		// The entry's OCR lines in the order of the drawn lines they read (Tesseract may put a
		// column of pages after the titles), then in text order.
		const ocrLines = mapped.texts
			.map((text, k) => ({text, zones: mapped.zones[k], drawn: drawnLines.indexOf(mapped.drawnOf[k]), k}))
			.filter((line) => mapped.truths[line.k] === index)
			.sort((a, b) => a.drawn - b.drawn || a.k - b.k);
		if (ocrLines.length === 0) return null;
		return readFields(ocrLines, drawnLines);
	});
	// Where each image's text starts, and its hOCR and ALTO files.
	let firstLine = 1;
	const pageRecords = pages.map((page, k) => {
		const name = `${prefix}-${k + 1}`;
		const record = keepOutputs ? {firstLine, hocr: `${name}.hocr`, alto: `${name}.alto.xml`} : {firstLine};
		if (keepOutputs) {
			writeFileSync(path.join(caseDirectory, record.hocr), page.hocr);
			writeFileSync(path.join(caseDirectory, record.alto), page.alto);
		}

		if (keptImages.includes(name)) {
			mkdirSync(path.join(outDirectory, 'images'), {recursive: true});
			copyFileSync(page.image, path.join(outDirectory, 'images', `${name}.jpg`));
		}

		firstLine += (page.text === '' ? 0 : page.text.split('\n').length) + 1;
		return record;
	});
	return {layout, pages, mapped, readings, pageRecords};
}

/** How many OCR lines come after a line drawn below them (Tesseract read a block out of order). */
function outOfOrder(printing) {
	const order = new Map(printing.layout.pages.flatMap((page) => page.lines).map((line, k) => [line, k]));
	let highest = -1;
	let count = 0;
	for (const drawn of printing.mapped.drawnOf) {
		if (drawn === undefined) continue;
		const k = order.get(drawn);
		if (k < highest) count++;
		highest = Math.max(highest, k);
	}

	return count;
}

function makeCase(source, caseIndex, work, versions) {
	const name = `${source.name}-${caseIndex + 1}`;
	const rng = rngFor(name);
	const caseDirectory = path.join(outDirectory, name);
	rmSync(caseDirectory, {recursive: true, force: true});
	mkdirSync(caseDirectory, {recursive: true});
	const styles = pickStyles(source, caseIndex, rng);
	const scans = [pickScan(rng, 1000 * (caseIndex + 1) + 1), pickScan(rng, 1000 * (caseIndex + 1) + 501)];
	const printings = ['a', 'b'].map((prefix, k) => makePrinting(source, styles[k], scans[k], rng, work, `${name}-${prefix}`, caseDirectory, caseIndex === 0));
	const texts = printings.map((printing) => `${printing.mapped.texts.join('\n')}\n`);
	writeFileSync(path.join(caseDirectory, 'a.txt'), texts[0]);
	writeFileSync(path.join(caseDirectory, 'b.txt'), texts[1]);
	writeFileSync(path.join(caseDirectory, 'both.txt'), `${texts[0]}\n${texts[1]}`);
	const boundary = printings[0].mapped.texts.length + 2;
	const entries = source.entries.map((item) => ({
		...(item.label === undefined ? {} : {label: item.label}),
		title: item.title,
		...(item.page === undefined ? {} : {page: item.page}),
	}));
	const truth = {
		name,
		language: source.language,
		heldOut: heldOutSources.has(source.name),
		source: source.file,
		entries,
		printings: printings.map((printing, k) => ({
			file: `${'ab'[k]}.txt`,
			render: flatRecord(styles[k], scans[k]),
			lines: printing.mapped.truths,
			readings: printing.readings,
			images: printing.pageRecords,
		})),
		oneFile: {file: 'both.txt', boundary},
	};
	writeFileSync(path.join(caseDirectory, 'truth.json'), `${JSON.stringify(truth, null, '\t')}\n`);
	const errors = printings.map((printing) => titlePageErrors(source.entries, printing.readings));
	return {
		name,
		source: source.name,
		language: source.language,
		heldOut: truth.heldOut,
		entries: entries.length,
		printings: printings.map((printing, k) => ({
			images: printing.pages.length,
			lines: printing.mapped.texts.length,
			font: `${styles[k].font} ${styles[k].sizePt}pt`,
			measure: styles[k].measure,
			leaders: styles[k].leaders,
			dpi: scans[k].dpi,
			ink: scans[k].ink,
			poor: scans[k].poor,
			cer: errors[k].length === 0 ? 0 : Number(((100 * errors[k].errors) / errors[k].length).toFixed(2)),
			unread: printing.readings.filter((reading) => reading === null).length,
			outOfOrder: outOfOrder(printing),
			issues: printing.mapped.issues,
			imageFiles: printing.pages.map((page) => page.image),
		})),
		versions,
	};
}

/** Every case's name, in order: `<source>-<k>`. */
function caseNames(sources) {
	return sources.flatMap((source) => Array.from({length: casesPerSource[source.name]}, (_, k) => `${source.name}-${k + 1}`));
}

function main() {
	const args = process.argv.slice(2);
	const jobsAt = args.indexOf('--jobs');
	const jobs = jobsAt === -1 ? 1 : Number(args[jobsAt + 1]);
	const filters = args.filter((arg, k) => !arg.startsWith('--') && (jobsAt === -1 || k !== jobsAt + 1));
	const fixtures = JSON.parse(readFileSync(path.join(root, 'test/fixtures/eval/fixtures.json'), 'utf8')).fixtures;
	const sources = readSources(root, fixtures);
	if (args.includes('--summary')) {
		writeSummary(sources);
		return;
	}

	const names = caseNames(sources).filter((name) => filters.length === 0 || filters.some((filter) => name.startsWith(filter)));
	if (jobs > 1 && names.length > 1) {
		// Split the cases among child processes (one chromium or tesseract each at a time).
		const children = Array.from({length: jobs}, (_, k) => names.filter((_name, i) => i % jobs === k)).filter((part) => part.length > 0);
		let failed = 0;
		let running = children.length;
		for (const part of children) {
			const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--exact', ...part], {stdio: 'inherit'});
			child.on('exit', (code) => {
				if (code !== 0) failed++;
				if (--running === 0) {
					writeSummary(sources);
					process.exitCode = failed > 0 ? 1 : 0;
				}
			});
		}

		return;
	}

	const exact = args.includes('--exact');
	const keep = process.env.KEEP;
	const work = keep ?? mkdtempSync(path.join(tmpdir(), 'ocr-cases-'));
	mkdirSync(work, {recursive: true});
	const versions = toolVersions();
	for (const source of sources) {
		for (let k = 0; k < casesPerSource[source.name]; k++) {
			const name = `${source.name}-${k + 1}`;
			if (exact ? !filters.includes(name) : !names.includes(name)) continue;
			const started = Date.now();
			const summary = makeCase(source, k, work, versions);
			const cer = summary.printings.map((printing) => `${printing.cer}%`).join(' / ');
			const order = summary.printings.map((printing) => printing.outOfOrder).join(' / ');
			console.log(`${name}: CER ${cer}, lines out of order ${order}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
			for (const [k2, printing] of summary.printings.entries()) {
				for (const issue of printing.issues)
					console.log(
						`  ${'ab'[k2]} line ${issue.line}: ${issue.kind}: ${JSON.stringify(issue.text)}${issue.better ? ` reads ${JSON.stringify(issue.better)} better than ${JSON.stringify(issue.drawn)}` : ''}`,
					);
			}
		}
	}

	if (!keep) rmSync(work, {recursive: true, force: true});
	if (!exact) writeSummary(sources, versions);
}

/** `summary.json`: every committed case's measured error rates, from its truth, and the tools' versions. */
function writeSummary(sources, versions = toolVersions()) {
	const cases = [];
	for (const name of caseNames(sources)) {
		const file = path.join(outDirectory, name, 'truth.json');
		if (!existsSync(file)) continue;
		const truth = JSON.parse(readFileSync(file, 'utf8'));
		cases.push({
			name,
			language: truth.language,
			heldOut: truth.heldOut,
			entries: truth.entries.length,
			printings: truth.printings.map((printing) => {
				const {errors, length} = titlePageErrors(truth.entries, printing.readings);
				return {
					images: printing.images.length,
					font: `${printing.render.font} ${printing.render.sizePt}pt`,
					measure: printing.render.measure,
					leaders: printing.render.leaders,
					dpi: printing.render.dpi,
					ink: printing.render.ink,
					poorScan: printing.render.poorScan,
					cer: length === 0 ? 0 : Number(((100 * errors) / length).toFixed(2)),
					unread: printing.readings.filter((reading) => reading === null).length,
				};
			}),
		});
	}

	writeFileSync(path.join(outDirectory, 'summary.json'), `${JSON.stringify({tools: versions, psm, cases}, null, '\t')}\n`);
	writeCerTable(cases);
}

/** The measured error rates as a table in the README, between its `cer-table` markers. */
function writeCerTable(cases) {
	const readme = path.join(outDirectory, 'README.md');
	if (!existsSync(readme)) return;
	const describe = (printing) =>
		`${printing.font}, ${printing.measure} ch, ${printing.leaders}, ${printing.dpi} dpi${printing.ink === 'normal' ? '' : `, ${printing.ink} ink`}${printing.poorScan ? ', poor scan' : ''}`;
	const rows = cases.map(
		(item) =>
			`| ${item.name} | ${item.language} | ${item.heldOut ? 'held out' : ''} | ${item.entries} | ${item.printings[0].images} | ${item.printings[0].cer} | ${describe(item.printings[0])} | ${item.printings[1].images} | ${item.printings[1].cer} | ${describe(item.printings[1])} |`,
	);
	const rates = cases.flatMap((item) => item.printings.map((printing) => printing.cer)).sort((a, b) => a - b);
	const share = (test) => `${rates.filter(test).length} of ${rates.length}`;
	const mean = rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
	const table = [
		'| case | lang | | entries | A images | A CER % | A drawn and scanned | B images | B CER % | B drawn and scanned |',
		'|---|---|---|---|---|---|---|---|---|---|',
		...rows,
		'',
		`Over the ${rates.length} printings: median ${rates[Math.floor(rates.length / 2)]} %, mean ${mean.toFixed(2)} %; ` +
			`${share((rate) => rate <= 4)} at 4 % or less, ${share((rate) => rate > 4 && rate <= 10)} between 4 and 10 %, ${share((rate) => rate > 10)} above 10 %.`,
	].join('\n');
	const text = readFileSync(readme, 'utf8');
	const updated = text.replace(/(<!-- cer-table -->)[\s\S]*?(<!-- \/cer-table -->)/u, `$1\n${table}\n$2`);
	writeFileSync(readme, updated);
}

main();
