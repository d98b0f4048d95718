/**
 * Laying out one printing of a contents page: wrapping every title ourselves (with word widths
 * measured in the printing's font by chromium), placing every line at a known position on a
 * known page, and writing each page as HTML. Each drawn line records what it is (an entry's
 * index, 'front' or 'furniture') and its fields (label, title, leader, page), so the truth of
 * every pixel row is known before anything is rendered.
 *
 * Units are CSS pixels (96 per inch); `render.mjs` screenshots the pages at a device scale factor.
 */

const pxPerPt = 96 / 72;

/** The contents heading drawn on a printing, by language. */
export const contentsHeadings = {
	en: ['CONTENTS', 'TABLE OF CONTENTS', 'CONTENTS.'],
	fr: ['TABLE DES MATIÈRES', 'TABLE', 'INDEX.'],
	nl: ['INHOUD', 'INHOUD.', 'INHOUDSOPGAVE'],
	de: ['INHALT', 'INHALTSVERZEICHNIS'],
	ru: ['СОДЕРЖАНИЕ', 'ОГЛАВЛЕНИЕ'],
};

/** A roman folio in lower case (`ix`), as front matter is numbered. */
export function romanFolio(value) {
	const table = [
		[10, 'x'],
		[9, 'ix'],
		[5, 'v'],
		[4, 'iv'],
		[1, 'i'],
	];
	let out = '';
	let rest = value;
	for (const [size, text] of table) {
		while (rest >= size) {
			out += text;
			rest -= size;
		}
	}

	return out;
}

/** A CSS font shorthand's pieces for a run. */
function fontCss(style, run) {
	return `font-family:'${style.font}';font-size:${(style.sizePt * (run.scale ?? 1)).toFixed(2)}pt;font-style:${run.italic ? 'italic' : 'normal'};font-weight:${run.bold ? 'bold' : 'normal'}`;
}

/** A key for a measured piece of text. */
function pieceKey(text, run) {
	return `${run.italic ? 'i' : ''}${run.bold ? 'b' : ''}${run.scale ?? 1}|${text}`;
}

/** Split a title into runs of the same slant, from the source's italic ranges. */
function titleRuns(item) {
	const runs = [];
	let at = 0;
	for (const [from, to] of item.italic ?? []) {
		if (from > at) runs.push({text: item.title.slice(at, from), italic: false});
		runs.push({text: item.title.slice(from, to), italic: true});
		at = to;
	}

	if (at < item.title.length) runs.push({text: item.title.slice(at), italic: false});
	return runs;
}

/**
 * The words of a title, each a list of pieces `{text, italic}` (a word may change slant inside,
 * as `" <i>Left-Wing` does), with the space after each word known by its slant.
 */
function titleWords(item, bold) {
	const words = [];
	let current = [];
	for (const run of titleRuns(item)) {
		const parts = run.text.split(/( )/u);
		for (const part of parts) {
			if (part === ' ') {
				if (current.length > 0) words.push(current);
				current = [];
			} else if (part !== '') {
				current.push({text: part, italic: run.italic, bold});
			}
		}
	}

	if (current.length > 0) words.push(current);
	return words;
}

/** Everything the layout of `source` in `style` needs measured: `[key, css, text]`. */
export function measureRequests(source, style) {
	const requests = new Map();
	const add = (text, run = {}) => requests.set(pieceKey(text, run), [fontCss(style, run), text]);
	add(' ');
	add(' ', {italic: true});
	add(' ', {bold: true});
	add(sampleText);
	for (const item of source.entries) {
		const bold = item.kind !== 'entry';
		for (const word of titleWords(item, bold)) for (const piece of word) add(piece.text, piece);
		if (item.label !== undefined) add(item.label, {bold});
		if (item.page !== undefined) add(item.page);
	}

	for (const line of source.titlePage) if (line !== '') add(line, {scale: 1.3, bold: true});
	return [...requests].map(([key, [css, text]]) => ({key, css, text}));
}

const sampleText = 'The quick brown fox jumps over the lazy dog, and then some Words, 1920.';

/** Width of a word (its pieces) from the measured table. */
function wordWidth(word, widths) {
	return word.reduce((sum, piece) => sum + measured(widths, piece.text, piece), 0);
}

function measured(widths, text, run = {}) {
	const width = widths[pieceKey(text, run)];
	if (width === undefined) throw new Error(`not measured: ${pieceKey(text, run)}`);
	return width;
}

/** Greedy wrap of words into lines no wider than `limits(k)` for line k; a word wider than the line stands alone. */
function wrap(words, widths, limits) {
	const space = measured(widths, ' ');
	const lines = [];
	let line = [];
	let width = 0;
	for (const word of words) {
		const w = wordWidth(word, widths);
		const limit = limits(lines.length);
		if (line.length > 0 && width + space + w > limit) {
			lines.push(line);
			line = [word];
			width = w;
		} else {
			width += (line.length > 0 ? space : 0) + w;
			line.push(word);
		}
	}

	if (line.length > 0 || lines.length === 0) lines.push(line);
	return lines;
}

/** Pieces of a wrapped line joined back into runs of one slant, spaces included. */
function lineRuns(words) {
	const runs = [];
	words.forEach((word, k) => {
		const pieces = k === 0 ? word : [{text: ' ', italic: word[0].italic && runs.at(-1)?.italic, bold: word[0].bold}, ...word];
		for (const piece of pieces) {
			const last = runs.at(-1);
			if (last && last.italic === Boolean(piece.italic) && last.bold === Boolean(piece.bold)) last.text += piece.text;
			else runs.push({text: piece.text, italic: Boolean(piece.italic), bold: Boolean(piece.bold)});
		}
	});
	return runs;
}

/**
 * Lay out a printing: `{pages: [{lines}], pageWidth, pageHeight, lineHeight}`. Each line:
 * `{truth, top, left, width, align, parts: [{field, text, italic?, bold?, scale?}], pageBox?}` where
 * `truth` is an entry index, 'front' or 'furniture'.
 */
export function layoutPrinting(source, style, widths) {
	const fontPx = style.sizePt * pxPerPt;
	const lineHeight = Math.round(fontPx * style.leading * 100) / 100;
	const average = measured(widths, sampleText) / sampleText.length;
	const measure = Math.round(style.measure * average);
	const margin = Math.round(style.marginIn * 96);
	const pageWidth = measure + 2 * margin;
	const pageHeight = Math.round(style.pageHeightIn * 96);
	const bottom = pageHeight - margin;
	const em = fontPx;
	const space = measured(widths, ' ');
	const pageColumn = Math.max(...source.entries.filter((item) => item.page !== undefined).map((item) => measured(widths, item.page)), em);
	const gap = 2.2 * em; // room for at least a few leader dots
	const labelColumn = {};
	for (const item of source.entries) {
		if (item.label === undefined || item.kind === 'part') continue;
		labelColumn[item.level] = Math.max(labelColumn[item.level] ?? 0, measured(widths, item.label, {bold: item.kind !== 'entry'}));
	}

	const pages = [];
	let page;
	let y;
	let folio = style.firstFolio;
	const newPage = (continuation) => {
		page = {lines: [], folio};
		pages.push(page);
		folio++;
		y = margin;
		if (continuation && style.runningHeads) {
			const word = style.runningWord;
			const verso = page.folio % 2 === 0;
			page.lines.push({
				truth: 'furniture',
				top: margin - 1.8 * lineHeight,
				left: margin,
				width: measure,
				align: 'spread',
				parts: verso
					? [
							{field: 'furniture', text: romanFolio(page.folio)},
							{field: 'furniture', text: word},
							{field: 'furniture', text: ''},
						]
					: [
							{field: 'furniture', text: ''},
							{field: 'furniture', text: word},
							{field: 'furniture', text: romanFolio(page.folio)},
						],
				scale: 0.85,
			});
		}

		if (continuation && style.repeatHeader && source.columnHeader) pushColumnHeader();
	};

	const place = (line, before = 0) => {
		if (page.lines.length > 0) y += before;
		page.lines.push({...line, top: y});
		y += lineHeight * (line.scale ?? 1);
	};

	const pushColumnHeader = () => {
		const words = source.columnHeader.split(' ');
		const parts =
			words.length > 1
				? [
						{field: 'furniture', text: words[0]},
						{field: 'furniture', text: words.slice(1).join(' ')},
					]
				: [
						{field: 'furniture', text: ''},
						{field: 'furniture', text: words[0]},
					];
		place({truth: 'furniture', left: margin, width: measure, align: 'ends', parts, scale: 0.85}, 0);
	};

	const titlePageLines = () => {
		for (const text of source.titlePage) {
			if (text === '') {
				y += lineHeight * 0.9;
				continue;
			}

			// A line wider than the measure is set smaller, as a compositor would (not cut at the page's edge).
			const width = measured(widths, text, {scale: 1.3, bold: true});
			const scale = width > 0.95 * measure ? Number(((1.3 * 0.95 * measure) / width).toFixed(3)) : 1.3;
			place({truth: 'front', left: margin, width: measure, align: 'center', parts: [{field: 'front', text, bold: true, scale}], scale: 1.3});
		}
	};

	// The first page: the title page on its own page or above the contents.
	newPage(false);
	if (style.titlePageOwn) {
		y = margin + 1.5 * lineHeight;
		titlePageLines();
		page.titlePage = true;
		newPage(false);
	} else {
		titlePageLines();
		y += 1.5 * lineHeight;
	}

	place({truth: 'front', left: margin, width: measure, align: 'center', parts: [{field: 'front', text: style.heading, bold: true, scale: 1.15}], scale: 1.15});
	y += 0.8 * lineHeight;
	if (source.columnHeader) pushColumnHeader();

	source.entries.forEach((item, index) => {
		const lines = entryLines(item, index);
		const before = (item.kind === 'entry' ? style.entryGap : 0.9) * lineHeight;
		// A heading keeps its next line on its page; an entry's lines may run onto the next page.
		const needed = item.kind === 'entry' ? lineHeight : (lines.length + 1) * lineHeight;
		if (y + before + needed > bottom) newPage(true);
		lines.forEach((line, k) => {
			if (y + lineHeight > bottom) newPage(true);
			place(line, k === 0 ? before : 0);
		});
	});

	if (style.footFolio) {
		for (const each of pages) {
			if (each.titlePage || each.lines.some((line) => line.align === 'spread')) continue;
			each.lines.push({
				truth: 'furniture',
				top: bottom + 0.8 * lineHeight,
				left: margin,
				width: measure,
				align: 'center',
				parts: [{field: 'furniture', text: romanFolio(each.folio)}],
				scale: 0.85,
			});
		}
	}

	return {pages, pageWidth, pageHeight, lineHeight, margin, measure, spaceWidth: space, pageColumnWidth: pageColumn};

	/** Width of a wrapped line's words, spaces included. */
	function wordsWidth(lineWords) {
		return lineWords.reduce((sum, word, k) => sum + wordWidth(word, widths) + (k > 0 ? space : 0), 0);
	}

	/** A centred line of one field; its box is where the text lands. */
	function centred(index, field, parts, textWidth) {
		const x0 = margin + (measure - textWidth) / 2;
		return {truth: index, left: margin, width: measure, align: 'center', parts, boxes: {[field]: [x0, x0 + textWidth]}};
	}

	function entryLines(item, index) {
		const bold = item.kind !== 'entry';
		const indent = item.level * style.indentEm * em;
		const words = titleWords(item, bold);
		if (item.kind === 'part' && style.parts === 'centered') {
			const out = [];
			if (item.label !== undefined) {
				out.push(centred(index, 'label', [{field: 'label', text: item.label, bold}], measured(widths, item.label, {bold})));
			}

			for (const wrapped of wrap(words, widths, () => measure - 4 * em)) {
				out.push(
					centred(
						index,
						'title',
						lineRuns(wrapped).map((run) => ({field: 'title', ...run})),
						wordsWidth(wrapped),
					),
				);
			}

			return out;
		}

		if (item.kind === 'heading' && style.headings === 'centered' && item.label === undefined) {
			return wrap(words, widths, () => measure - 4 * em).map((wrapped) =>
				centred(
					index,
					'title',
					lineRuns(wrapped).map((run) => ({field: 'title', ...run})),
					wordsWidth(wrapped),
				),
			);
		}

		// A left-aligned line: an optional label (inline, or right-aligned in a column), the title,
		// and on the last line the leaders and the page.
		const labelText = item.label;
		let labelBox = 0;
		let labelWidth = 0;
		let separator = '';
		if (labelText !== undefined) {
			labelWidth = measured(widths, labelText, {bold});
			if (item.kind === 'part') {
				separator = /\.$/u.test(labelText) ? ' ' : ' — ';
				labelBox = labelWidth;
			} else {
				labelBox = style.labels === 'column' ? (labelColumn[item.level] ?? labelWidth) : labelWidth;
			}
		}

		const alignRight = style.labels === 'column' && item.kind !== 'part';
		const titleStart = indent + (labelText === undefined ? 0 : labelBox + (separator === ' — ' ? 2 * em : space));
		const limit = item.page === undefined ? measure - titleStart : measure - titleStart - pageColumn - gap;
		const wrapped = item.title === '' ? [[]] : wrap(words, widths, () => limit);
		return wrapped.map((lineWords, k) => {
			const parts = [];
			const boxes = {};
			const left = margin + (k === 0 ? indent : titleStart);
			if (k === 0 && labelText !== undefined) {
				parts.push({field: 'label', text: labelText, bold, box: labelBox, alignRight});
				boxes.label = alignRight ? [left + labelBox - labelWidth, left + labelBox] : [left, left + labelWidth];
				if (separator === ' — ') parts.push({field: 'sep', text: ' — ', bold, box: 2 * em});
			}

			for (const run of lineRuns(lineWords)) parts.push({field: 'title', ...run});
			if (lineWords.length > 0) boxes.title = [margin + titleStart, margin + titleStart + wordsWidth(lineWords)];
			const last = k === wrapped.length - 1;
			const line = {truth: index, left, width: measure - (k === 0 ? indent : titleStart), align: 'entry', parts, boxes};
			if (last && item.page !== undefined) {
				parts.push({field: 'leader', text: ''});
				parts.push({field: 'page', text: item.page});
				const pageWidth = measured(widths, item.page);
				const pageLeft = style.leaders === 'tab' ? margin + measure - pageColumn : margin + measure - pageWidth;
				boxes.page = [pageLeft, pageLeft + pageWidth];
			}

			return line;
		});
	}
}

function escapeHtml(text) {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function span(style, part, extra = '') {
	const css = fontCss(style, part);
	return `<span style="${css};${extra}">${escapeHtml(part.text)}</span>`;
}

/** One page as HTML: every line absolutely placed, as `layoutPrinting` decided. */
export function pageHtml(layout, page, style) {
	const rows = page.lines.map((line) => {
		const scale = line.scale ?? 1;
		const height = layout.lineHeight * scale;
		const box = `position:absolute;left:${line.left}px;top:${line.top.toFixed(2)}px;width:${line.width}px;height:${height.toFixed(2)}px;line-height:${height.toFixed(2)}px;white-space:pre;display:flex;align-items:baseline`;
		const parts = line.parts.map((part) => ({...part, scale: part.scale ?? scale}));
		switch (line.align) {
			case 'center': {
				return `<div style="${box};justify-content:center">${parts.map((part) => span(style, part)).join('')}</div>`;
			}

			case 'spread':
			case 'ends': {
				return `<div style="${box};justify-content:space-between">${parts.map((part) => span(style, part)).join('')}</div>`;
			}

			default: {
				const inner = parts.map((part) => {
					switch (part.field) {
						case 'label': {
							const align = part.alignRight ? 'text-align:right;' : '';
							const after = line.parts.some((each) => each.field === 'sep') ? 0 : layout.spaceWidth;
							return span(style, part, `display:inline-block;flex:none;width:${part.box.toFixed(2)}px;${align}margin-right:${after.toFixed(2)}px`);
						}

						case 'sep': {
							return span(style, part, `display:inline-block;flex:none;width:${part.box.toFixed(2)}px;text-align:center`);
						}

						case 'leader': {
							return leaderSpan(style);
						}

						case 'page': {
							if (style.leaders === 'tab') {
								const left = layout.measure - layout.pageColumnWidth - (line.left - layout.margin);
								return span(style, part, `position:absolute;left:${left.toFixed(2)}px`);
							}

							return span(style, part, 'flex:none');
						}

						default: {
							return span(style, part, 'flex:none');
						}
					}
				});
				return `<div style="${box}">${inner.join('')}</div>`;
			}
		}
	});
	return `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff;color:#000;overflow:hidden}</style></head><body style="width:${layout.pageWidth}px;height:${layout.pageHeight}px">\n${rows.join('\n')}\n</body></html>\n`;
}

/** The leaders between title and page: dots set flush right (direction rtl), cut at the title's end. */
function leaderSpan(style) {
	switch (style.leaders) {
		case 'dots': {
			return `<span style="${fontCss(style, {})};flex:1;overflow:hidden;direction:rtl;padding:0 0.45em 0 0.6em">${'. '.repeat(150)}</span>`;
		}

		case 'dense': {
			return `<span style="${fontCss(style, {})};flex:1;overflow:hidden;direction:rtl;letter-spacing:0.12em;padding:0 0.35em 0 0.4em">${'.'.repeat(300)}</span>`;
		}

		default: {
			return '<span style="flex:1"></span>';
		}
	}
}
