/**
 * The source pages of the real-OCR cases and a simple parser for each (written for these pages,
 * not tocdiff's): every source becomes a list of entries (label, title, page; headings and part
 * titles without a page are entries too), plus the page's own heading and column header, which
 * are drawn as front matter and page furniture. Where a source is odd, the choice made is written
 * next to the rule and repeated in `test/fixtures/eval/ocr/README.md`.
 *
 * An entry here: {label?, title, page?, level, kind: 'entry' | 'heading' | 'part', italic?: [[from, to], …]}
 * (`italic` ranges index the title; `level` is the indentation depth the printings draw).
 */
import {readFileSync} from 'node:fs';

/** A label at the start of a title: `IV.`, `12.`, `(a)` (underscores of `(_a_)` already gone), `а)`. */
const labelAtStart = /^((?:[IVXLC]+|\d+)\.|\([a-z]\)|[а-я]\))(?:\s+|$)/u;
/** A page or paragraph reference: `13`, `16-17`, `3.` (the Dutch page keeps its period). */
const pageText = /^\d+(?:-\d+)?\.?$/u;

/** Split `title<2+ spaces or tabs>page` at the end of a line; no page when the tail is not one. */
function splitPage(line) {
	const match = /^(.*?\S)(?:\t+|\s{2,})(\S+)\s*$/u.exec(line);
	if (match && pageText.test(match[2])) return {text: match[1], page: match[2]};
	return {text: line.trim(), page: undefined};
}

function splitLabel(text) {
	const match = labelAtStart.exec(text.trim());
	if (!match) return {label: undefined, title: text.trim()};
	return {label: match[1], title: text.trim().slice(match[0].length).trim()};
}

/** Turn `<i>…</i>` or `_…_` markup into a plain title and italic ranges. */
function unmark(text, markup) {
	const pattern = markup === 'html' ? /<i>(.*?)<\/i>/gu : /_([^_]+)_/gu;
	let plain = '';
	const italic = [];
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		plain += text.slice(last, match.index);
		italic.push([plain.length, plain.length + match[1].length]);
		plain += match[1];
		last = match.index + match[0].length;
	}

	plain += text.slice(last);
	// Whitespace runs become one space (the transcriptions' own spacing is not a fact about the page).
	const collapsed = collapse(plain, italic);
	return collapsed;
}

/** Collapse whitespace runs and trim, keeping italic ranges on the same characters. */
function collapse(text, italic) {
	let out = '';
	const map = [];
	for (let i = 0; i < text.length; i++) {
		const isSpace = /\s/u.test(text[i]);
		if (isSpace && (out.length === 0 || out.endsWith(' '))) {
			map.push(out.length);
			continue;
		}

		map.push(out.length);
		out += isSpace ? ' ' : text[i];
	}

	map.push(out.length);
	const trimmed = out.replace(/ $/u, '');
	const ranges = italic.map(([from, to]) => [Math.min(map[from], trimmed.length), Math.min(map[to], trimmed.length)]).filter(([from, to]) => to > from);
	// Trim spaces at the edges of italic ranges, so that a range starts and ends on a letter.
	return {
		title: trimmed,
		italic: ranges.map(([from, to]) => {
			while (from < to && trimmed[from] === ' ') from++;
			while (to > from && trimmed[to - 1] === ' ') to--;
			return [from, to];
		}),
	};
}

function entry(fields) {
	const {label, title, page, level = 0, kind = 'entry', italic = []} = fields;
	return {
		...(label === undefined ? {} : {label}),
		title,
		...(page === undefined ? {} : {page}),
		level,
		kind,
		...(italic.length > 0 ? {italic} : {}),
	};
}

/**
 * The fixtures' common shape: a heading, column headers, lines `label title    page` whose
 * pageless lines are either a wrapped title's first part (when a paged line follows at once) or
 * a heading (when a blank line follows).
 */
function parseColumns(text, options) {
	const {columnHeader, indentLevels = () => 0, markup = 'none'} = options;
	const lines = text.split('\n');
	const entries = [];
	let pending;
	let heading;
	let header;
	for (let i = 0; i < lines.length; i++) {
		// PG transcribes a dash as `--`; the printings draw the dash.
		const line = lines[i].replaceAll('--', '—');
		if (line.trim() === '') continue;
		if (heading === undefined) {
			heading = line.trim();
			continue;
		}

		if (columnHeader.test(line.trim())) {
			header ??= line.trim().replace(/\s+/gu, ' ');
			continue;
		}

		const {text: body, page} = splitPage(line);
		const indent = /^\s*/u.exec(line)[0].replaceAll('\t', '    ').length;
		if (page === undefined) {
			const next = lines[i + 1] ?? '';
			if (pending !== undefined) {
				// A third line of one title (no source here has one, but keep it whole if so).
				pending.text += ` ${body.trim()}`;
				continue;
			}

			if (next.trim() !== '' && splitPage(next).page !== undefined && options.wraps !== false) {
				pending = {text: body, indent};
				continue;
			}

			const {label, title} = splitLabel(body);
			entries.push(entry({label, ...unmark(title, markup), level: indentLevels(indent, label), kind: 'heading'}));
			continue;
		}

		const whole = pending === undefined ? body : `${pending.text} ${body.trim()}`;
		const firstIndent = pending === undefined ? indent : pending.indent;
		pending = undefined;
		const {label, title} = splitLabel(whole);
		entries.push(entry({label, ...unmark(title, markup), page, level: indentLevels(firstIndent, label)}));
	}

	return {heading, columnHeader: header, entries};
}

/** Each source: where it is, its language and title page, and how to read it. */
export const sources = [
	{
		name: 'lenin-cw31',
		language: 'en',
		// The first printing of the bundled sample, lines 2–121: its title page (2–14) and contents (16–121).
		file: 'samples/lenin-cw31-two-printings.txt',
		read(root) {
			const lines = readFileSync(`${root}/${this.file}`, 'utf8').split('\n').slice(1, 121);
			const titlePage = lines.slice(0, 13);
			const contents = lines.slice(14);
			const entries = [];
			for (const line of contents.slice(3)) {
				if (line.trim() === '') continue;
				const [body, page] = line.split('\t');
				// Two titles end in the source's own stray leader dots (`1920 . . .`); they are leaders, not title.
				const cleaned = body.replace(/(?:\s+\.)+\s*$/u, '');
				// `V. I. Lenin, May 1920` is a name, not section V.
				const {label, title} = cleaned.startsWith('V. I. Lenin') ? {title: cleaned} : splitLabel(cleaned);
				const kind = page === undefined ? 'heading' : 'entry';
				// The source is flat; the numbered sections of a work are drawn one level in, as the book has them.
				entries.push(entry({label, ...unmark(title, 'html'), page, level: label === undefined ? 0 : 1, kind}));
			}

			return {titlePage, heading: contents[0].trim(), columnHeader: 'Page', entries};
		},
	},
	{
		name: 'infantry-drill',
		language: 'en',
		file: 'test/fixtures/eval/infantry-drill-regulations-1911-en.txt',
		titlePage: ['WAR DEPARTMENT', '', 'INFANTRY DRILL REGULATIONS', '', 'UNITED STATES ARMY', '', '1911'],
		read(root) {
			const text = readFileSync(`${root}/${this.file}`, 'utf8');
			const entries = [];
			let heading;
			for (const line of text.split('\n')) {
				if (line.trim() === '') continue;
				if (heading === undefined) {
					heading = line.trim();
					continue;
				}

				// `PART I--_Drill._   Paragraph.`: the part and the column header share a line; the header
				// is drawn once, as furniture, and the part is label `PART I` (`PART V.`) with title `Drill.`.
				const part = /^(PART [IV]+\.?)--(.*?)(?:\s{2,}Paragraph\.)?$/u.exec(line.trim());
				if (part) {
					entries.push(entry({label: part[1], ...unmark(part[2], 'underscore'), kind: 'part'}));
					continue;
				}

				const {text: body, page} = splitPage(line);
				const {label, title} = splitLabel(body.replace(/\(_([a-z])_\)/u, '($1)'));
				const level = label?.startsWith('(') ? 2 : 1;
				entries.push(entry({label, ...unmark(title, 'underscore'), page, level}));
			}

			return {heading, columnHeader: 'Paragraph.', entries};
		},
	},
	{
		name: 'entre-nous',
		language: 'fr',
		file: 'test/fixtures/eval/entre-nous-vos-1906-fr.txt',
		read(root) {
			return parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {columnHeader: /^Chap\.\s+Page\.$/u});
		},
	},
	{
		name: 'ontboezemingen',
		language: 'nl',
		file: 'test/fixtures/eval/ontboezemingen-1869-nl.txt',
		read(root) {
			// Section headings (`OP ZEE.`) are entries without a page; the repeated `Bladz.` header is furniture.
			const parsed = parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {columnHeader: /^Bladz\.$/u});
			return {...parsed, entries: parsed.entries.map((item) => (item.kind === 'heading' ? item : {...item, level: 1}))};
		},
	},
	{
		name: 'guernsey-folk-lore',
		language: 'en',
		file: 'test/fixtures/eval/guernsey-folk-lore-macculloch-1903-en.txt',
		read(root) {
			const parsed = parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {columnHeader: /^CHAPTER\s+PAGE$/u});
			// `PART I.` and its sub-title, each on a line of its own between blank lines, are one entry.
			const entries = [];
			for (const item of parsed.entries) {
				const previous = entries.at(-1);
				if (item.kind === 'heading' && previous?.kind === 'part' && previous.title === '') {
					entries[entries.length - 1] = {...previous, title: item.title};
					continue;
				}

				if (item.kind === 'heading' && /^PART [IV]+\.$/u.test(item.title)) {
					entries.push(entry({label: item.title, title: '', kind: 'part'}));
					continue;
				}

				entries.push(item.label === undefined ? item : {...item, level: 1});
			}

			return {...parsed, entries};
		},
	},
	{
		name: 'macdowell-essays',
		language: 'en',
		file: 'test/fixtures/eval/critical-historical-essays-macdowell-en.txt',
		read(root) {
			return parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {columnHeader: /^CHAP\.\s+PAGE$/u});
		},
	},
	{
		name: 'midewiwin',
		language: 'en',
		file: 'test/fixtures/eval/midewiwin-ojibwa-hoffman-1891-en.txt',
		read(root) {
			return parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {
				columnHeader: /^Page$/u,
				indentLevels: (indent) => (indent >= 2 ? 1 : 0),
				wraps: false,
			});
		},
	},
	{
		name: 'chto-delat-ru',
		language: 'ru',
		file: 'test/fixtures/eval/chto-delat-lenin-1902-ru-substitute.txt',
		read(root) {
			return parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {
				columnHeader: /^Стр\.$/u,
				indentLevels: (_indent, label) => (label !== undefined && /^[а-я]\)$/u.test(label) ? 1 : 0),
				wraps: false,
			});
		},
	},
	{
		name: 'chiriqui',
		language: 'en',
		file: 'test/fixtures/eval/ocr/sources/ancient-art-chiriqui-holmes-1888-en.txt',
		titlePage: ['ANCIENT ART', '', 'OF THE', '', 'PROVINCE OF CHIRIQUI', '', 'BY', 'WILLIAM H. HOLMES', '', 'WASHINGTON', '1888'],
		read(root) {
			// Four levels by indentation (2, 6, 8 or 10, 14 spaces). The last line, `[Index]`, is PG's
			// bracketed note for an entry that has no page; it is drawn as `Index` without a page.
			const levels = {2: 0, 6: 1, 8: 2, 10: 2, 14: 3};
			const parsed = parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {
				columnHeader: /^Page\.$/u,
				indentLevels: (indent) => levels[indent] ?? 0,
				wraps: false,
			});
			const entries = parsed.entries.map((item) => (item.title === '[Index]' ? {title: 'Index', level: 0, kind: 'entry'} : {...item, kind: 'entry'}));
			return {...parsed, entries};
		},
	},
	{
		name: 'pianoforte-sonata',
		language: 'en',
		file: 'test/fixtures/eval/ocr/sources/pianoforte-sonata-shedlock-en.txt',
		titlePage: ['THE PIANOFORTE SONATA', '', 'ITS ORIGIN AND DEVELOPMENT', '', 'BY', 'J. S. SHEDLOCK, B.A.', '', 'LONDON', 'METHUEN & CO.', '1895'],
		read(root) {
			return parseColumns(readFileSync(`${root}/${this.file}`, 'utf8'), {columnHeader: /^CHAP\.\s+PAGE$/u});
		},
	},
	{
		name: 'lenin-cw21',
		language: 'en',
		file: 'test/fixtures/eval/ocr/sources/lenin-cw21-en-marxists.txt',
		titlePage: [
			'V. I. L E N I N',
			'',
			'COLLECTED WORKS',
			'',
			'VOLUME',
			'',
			'21',
			'',
			'August 1914 - December 1915',
			'',
			'PROGRESS PUBLISHERS',
			'',
			'M O S C O W 1 9 6 4',
		],
		read(root) {
			return readMarxists(readFileSync(`${root}/${this.file}`, 'utf8'));
		},
	},
	{
		name: 'lenin-cw02',
		language: 'en',
		file: 'test/fixtures/eval/ocr/sources/lenin-cw02-en-marxists.txt',
		titlePage: ['V. I. L E N I N', '', 'COLLECTED WORKS', '', 'VOLUME', '', '2', '', '1895 - 1897', '', 'PROGRESS PUBLISHERS', '', 'M O S C O W 1 9 6 0'],
		read(root) {
			return readMarxists(readFileSync(`${root}/${this.file}`, 'utf8'));
		},
	},
];

/**
 * The marxists.org listings: `title<TAB>pages<TAB>size`. The first two lines (the volume's name
 * and dates) are the web page's heading, already on the composed title page, and are not drawn;
 * `Preface` and the year lines are entries without a page; the `size` column (`37k`) is the web
 * page's and is not drawn; an indented line (a sub-title or a run of `¶`/`§` part links) is an
 * entry without a page one level in.
 */
function readMarxists(text) {
	const lines = text.split('\n').filter((line) => line.trim() !== '');
	const entries = [];
	for (const line of lines.slice(2)) {
		const [title, pages] = line.split('\t');
		const level = /^\s/u.test(title) ? 1 : 0;
		const isYear = /^\d{4}$/u.test(title.trim());
		entries.push(
			entry({
				...collapse(title, []),
				...(pages ? {page: pages} : {}),
				level,
				kind: isYear ? 'heading' : 'entry',
			}),
		);
	}

	return {heading: 'CONTENTS', columnHeader: 'Page', entries};
}

/** Read every source: `{name, language, file, titlePage, heading, columnHeader, entries}`. */
export function readSources(root, fixtures) {
	return sources.map((source) => {
		const fixture = fixtures.find((item) => `test/fixtures/eval/${item.file}` === source.file);
		const parsed = source.read(root);
		const titlePage = parsed.titlePage ?? fixture?.titlePage ?? source.titlePage;
		if (titlePage === undefined) throw new Error(`${source.name}: no title page`);
		return {name: source.name, language: source.language, file: source.file, ...parsed, titlePage};
	});
}
