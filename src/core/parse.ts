/**
 * Parse the lines of one printing of a contents page into items: entries (numbering, title,
 * italics, leaders, page), headings, and text (title-page lines, column heads, running heads).
 *
 * Parsing is in two steps. `parseLine` reads one line on its own. `parseItems` then looks at
 * the lines together: it marks the front matter before the contents heading, decides pages
 * that only a single space separates from the title, and joins the lines of wrapped entries.
 *
 * Long (about 840 lines) because `parseLine` and `parseItems` share one grammar of a line (label,
 * leader, page, specks), tuned together on real OCR; the word lists it reads are in `word-lists.ts`.
 */
import {asciiDigits, isAscii, lastWord, pairedMark, stripInvisible, trailing} from './chars.js';
import {groupWords, parseLabel} from './labels.js';
import {gluedLeaderAt, leaderGarbageAt} from './leaders.js';
import {collapseLetterSpacing, spacedRuns} from './normalize.js';
import type {FurnitureLine, LabelValue, Span, TocItem} from './types.js';
import {monthNames, pagelessDivisions, referenceWords, yearDigits, yearWords} from './word-lists.js';

/** What one line says on its own. */
export type LineParse = {
	/** 1-based line number in the source. */
	readonly line: number;
	readonly raw: string;
	/** Width of the leading whitespace, a tab counting as four. */
	readonly indent: number;
	readonly label?: string;
	readonly labelValue?: LabelValue;
	/** The title with markup, as printed (trimmed). */
	readonly titleMarkup: string;
	/** The separator before the page, as printed. */
	readonly leader: string;
	readonly page?: string;
	/** How the page was set off: a tab, wide spaces or dots are strong; one space is weak. */
	readonly pageStrength?: 'strong' | 'weak';
	/** The line ends in an empty page column (`title<TAB><TAB>96k`): a whole entry that has no page. */
	readonly closed?: boolean;
	/** How many specks (`°`, a stray `;`) were read past at the line's edges; absent when none. */
	readonly specks?: number;
	/** The marks read past before the line's first word, when they may be its own (`, April-May 1920` goes on a wrapped title). */
	readonly lead?: string;
	/** A hyphen stuck to a weak page (`Material 55-`): the title's again if the page is not kept (`1914-` before `1918`). */
	readonly pageTail?: string;
	readonly role: LineRole;
};

/** What a line is, before lines are put together. */
export type LineRole =
	| 'body' // an entry, or part of one
	| 'contents-heading' // `CONTENTS`, `INHOUD.`, `Содержание`
	| 'column-head' // `Page`, `CHAP.  PAGE`, `Bladz.`
	| 'running-head' // `CONTENTS 689`, `viii CONTENTS`, `CONTENTS—continued`: page furniture
	| 'folio' // a bare page number: the page of the line before it, or the contents page's own folio
	| 'letter-spaced'; // `V. I. L E N I N`, `M O S C O W 1 9 6 6`

const contentsWords =
	'(?:table\\s+of\\s+)?contents|index|inhoud|inhalt|inhaltsverzeichnis|table\\s+des\\s+mati[eè]res|sommaire|содержание|оглавление|indice|índice';

const contentsHeading = new RegExp(`^(?:${contentsWords})\\.?$`, 'i');
/**
 * A Roman numeral of any length below 900, well formed (`lxxxviii`, `cxxxviii`; not `civil`,
 * and not `mix`: no book has a thousand pages of front matter), in one case. The look-ahead
 * keeps it from matching nothing.
 */
const romanRef = String.raw`(?=[ivxlcd])(?:cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|(?=[IVXLCD])(?:CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})`;

/** Letters and marks OCR reads for digits: `O`/`o` for 0, `l`/`I`/`|` for 1, `S` for 5, `B` for 8, Cyrillic `З` for 3. */
const digitLookalikes = 'OoIl|SBЗ';

/**
 * One page number: decimal digits of any script (`45`, `٤٥`, `४५`), with OCR's look-alikes among
 * them (`1O3`, `l7`: at least one true digit), or a Roman numeral.
 */
const pageNumberRef = String.raw`(?:\p{Nd}{1,5}[a-z]?|(?=[${digitLookalikes}\p{Nd}]*\p{Nd})[${digitLookalikes}\p{Nd}]{2,5}|${romanRef})`;

// A running head repeats the contents heading on each page of it, with that page's own number
// (`CONTENTS 689`, `viii CONTENTS`, `CONTENTS—continued`). The number after the words is set off
// by one space, or by a wide gap in capitals: `Contents\tv` is an entry of the contents; the
// number before them may stand at any distance. `index` is not among the words: `Index 345` is an entry.
const runningWords = '(?:table\\s+of\\s+)?contents|inhoud|inhalt|inhaltsverzeichnis|table\\s+des\\s+mati[eè]res|sommaire|содержание|оглавление';
const continued = String.raw`(?:\s*[-—–:,]+\s*|\s+)\(?(?:continued|cont(?:'d|\.)?|suite|fortsetzung|vervolg|продолжение)\.?\)?`;
const folioRef = String.raw`(?:\p{Nd}{1,4}|${romanRef})`;
const runningHead = new RegExp(
	String.raw`^(?:(?:${runningWords})\.?(?:${continued})?(?: ${folioRef})?|${folioRef}\s+(?:${runningWords})\.?(?:${continued})?)$`,
	'iu',
);
const runningHeadCaps = new RegExp(String.raw`^(?:${runningWords.toUpperCase().replaceAll('\\S', '\\s')})\.?(?:${continued})?\s+${folioRef}$`, 'u');
/**
 * The contents heading in capitals as OCR gives it on each page of the contents: a scan's specks or
 * a misread folio beside it, its words run together or not (`TABLEOFCONTENTS xii`, `sit TABLE OF
 * CONTENTS`, `xiv. TABLE OF CONTENTS 7`), a short token or two on either side. With a folio among
 * them, a running head.
 */
const headingWordsCaps = /(?:TABLE\s*O[FP]\s*)?C[O0]NTENTS/u;
const noisyHeadingCaps = new RegExp(String.raw`^(?:\S{1,5}\s+){0,2}[^\p{L}\p{N}\s]{0,2}${headingWordsCaps.source}[.,:]?(?:\s+\S{1,5}){0,3}$`, 'u');
/** A token a scan leaves beside a heading: marks, a letter or two, a folio. */
const specklike = new RegExp(String.raw`^[^\p{L}\p{N}]*(?:\p{L}{1,2}|${folioRef})?[^\p{L}\p{N}]*$`, 'u');
/** A folio among the tokens beside a noisy heading (`3 xi`, `xvii.`): the heading is a running head. */
const folioToken = new RegExp(String.raw`(?:^|\s)(?:${folioRef})[.,]?(?=\s|$)`, 'u');
/** A bare page number on a line of its own. */
const folioLine = new RegExp(String.raw`^${folioRef}\.?$`, 'u');
const columnWords = 'page|pages|pp?\\.|paragraph|paragraphs|chap\\.?|chapter|bladz\\.?|bladzijde|seite|стр\\.?|страница|с\\.|no\\.';
const columnHead = new RegExp(`^(?:${columnWords})\\.?(?:\\s+(?:${columnWords})\\.?)*$`, 'i');
/** A column head whose first word OCR garbled (`Cbap.      Page.`): a word or two, a wide gap, `Page`. */
const pageColumnHead = /^\S+(?: \S+)?(?:\t| {2,})(?:page|pages|bladz|seite|стр|с)\.?$/i;

// The gap starts where a run of spaces starts (`(?<! )`): trying every space of a long run as a
// start made the pattern quadratic (a line of a million spaces took minutes; issue 6).
const trailingColumnHead = new RegExp(`(?:\\t|(?<! ) {2,})(?:${columnWords})\\.?$`, 'i');

/**
 * Marks a scan leaves standing alone between a title and its page, or against the end of its leader
 * dots (`Stools : 27`, `Fire ; 232-257`, `The band . 779-781`, `In..............-188.`): they lead
 * to the page as the dots do. One class for every pattern that asks what leads to a page.
 */
const leadMarks = String.raw`.;:,'‘’"•·°=~*\-–—`;

/** A page reference: a page number or a range of them, as printed, with a stop or a comma after it (`17.`, `3,`). */
const pageRef = String.raw`${pageNumberRef}(?:\s*[-–—]\s*${pageNumberRef})?[.,]?`;

/**
 * The tail of a line: leaders and page. Tried in order; the first that matches wins.
 * Groups: `lead` is the separator as printed, `page` the page reference.
 */
const strongTail = new RegExp(
	String.raw`(?<lead>\t[\t ]*|[ \t]*(?:[.·․‥…](?:[ \t]*[.·․‥…])+|…)[ \t]*(?:[${leadMarks}][ \t]*)?| {2,}|(?: [${leadMarks}]{1,3})+ )(?<page>(?<word>_?(?:Page|P\.|pp?\.|S\.|стр\.|с\.)\s*)?(?<number>${pageRef})_?)$`,
	'u',
);
const weakTail = /(?<lead> )(?<page>\p{Nd}{1,4}(?:[-–—]\p{Nd}{1,4})?[.,]?)$/u;
const weakHyphenTail = /(?<lead> )(?<page>\p{Nd}{1,4}(?:[-–]\p{Nd}{1,4})?)(?<tail>[-–—])$/u;

/** Strip a `16k`-style size column that some listings print after the page. */
const sizeColumn = /\t\d+(?:\.\d+)?\s*[kKmM]B?$/;

/**
 * Markup we know: HTML italics and Project Gutenberg's `_underscores_`. An italic run stops at the
 * next italic tag: with `.*?` alone, each of thousands of unclosed `<i>` scanned to the end of the
 * line, which made a long line quadratic (issue 6).
 */
const italicTag = /<(i|em)>((?:(?!<\/?(?:i|em)>).)*?)<\/\1>/gis;
const otherTag = /<\/?(?:b|strong|u|sup|sub|span|small|sc)(?:\s[^>]*)?>/gi;

const italicPattern = new RegExp(`${italicTag.source}|(?<![\\p{L}\\p{N}])_(?=\\S)([^_]+?)_(?![\\p{L}\\p{N}])`, 'gisu');

/** Remove markup from a title, recording the italic runs. */
export function stripMarkup(titleMarkup: string): {readonly title: string; readonly italics: readonly Span[]} {
	// Most titles carry no markup at all (#5).
	if (!titleMarkup.includes('<') && !titleMarkup.includes('_')) return {title: titleMarkup, italics: []};
	const italics: Span[] = [];
	let title = '';
	let last = 0;
	const source = titleMarkup.replaceAll(otherTag, '');
	// Without `_` only the tags can match: their pattern alone has no Unicode classes to compile.
	for (const match of source.matchAll(source.includes('_') ? italicPattern : italicTag)) {
		title += source.slice(last, match.index);
		const inner = match[2] ?? match[3] ?? '';
		italics.push({start: title.length, end: title.length + inner.length});
		title += inner;
		last = match.index + match[0].length;
	}

	title += source.slice(last);
	return {title, italics};
}

function indentWidth(raw: string): number {
	const lead = /^[\t ]*/.exec(raw)![0];
	let width = 0;
	for (const ch of lead) width += ch === '\t' ? 4 : 1;
	return width;
}

/**
 * Read one line on its own. Invisible characters (a zero-width space, a BOM inside the line) are
 * read past: the parts are read without them, `raw` keeps them, and `classify.ts` reports them.
 */
export function parseLine(raw: string, line: number): LineParse {
	const {text, specks, lead} = withoutSpecks(stripInvisible(raw));
	const parsed = parseVisible(text, line);
	const withRaw = parsed.raw === raw ? parsed : {...parsed, raw};
	return specks === 0 ? withRaw : {...withRaw, specks, ...(lead === '' ? {} : {lead})};
}

/** Marks a scan leaves that are not text: dust, a stray quote or comma, a degree sign. */
const speckChars = ';:,.\'‘’"“”`´}{])(*•°~_^%+<>=©';
/** Marks that are specks only after a page at a line's end: before a title they open a quotation (`« Le Temps »`). */
const pageSpeckChars = `${speckChars}«»`;
/** The speck characters as a character class's body, `\`-escaped where a class needs it. */
const speckClass = (chars: string): string => chars.replaceAll(/[\]\\^-]/g, (ch) => `\\${ch}`);
// `|.` is `I.` misread, not a speck.
// A wrapped line may start with such a mark (`Disorder</i>` / `, April-May 1920`): the line keeps
// it as `lead`, and an entry that joins the line gives it back (see `makeItem`).
const leadingSpecks = new RegExp(String.raw`^(\s*)((?:(?:(?!\|\.)[${speckClass(speckChars)}|~\-—_]{1,2}|[_~—]{3,8})\s+)+)(?=\S*[\p{L}\p{N}])`, 'u');
/**
 * A mark that may stand alone at the end of a line of words: `SPEECH DELIVERED AT AN ;`, `AUGUST 2,
 * 1920 :`. Not a double quote: one may open a quotation that the next line goes on with.
 */
const loneSpeck = new RegExp(String.raw`^[${speckClass(speckChars.replaceAll(/["“”]/g, ''))}|~\-—_]{1,2}$`, 'u');

/**
 * Where the marks standing alone at the end of `line` begin (its length when there are none): a
 * walk back over its last tokens, eight at most, so that a line of 100,000 spaced dots costs nothing.
 */
function loneSpecksFrom(line: string): number {
	let end = line.length;
	for (let taken = 0; taken < 8; taken++) {
		const space = Math.max(line.lastIndexOf(' ', end - 1), line.lastIndexOf('\t', end - 1));
		if (space <= 0 || !loneSpeck.test(line.slice(space + 1, end))) break;
		end = space;
		while (end > 0 && /\s/.test(line[end - 1]!)) end--;
	}

	return end;
}
/**
 * Where the leader dots at the end of a body begin (`PARTY . .`, `демократии . 31`'s ` .`): the
 * run of dots and spaces that ends it, from a space, holding one dot at least, or two dots at least
 * wherever it starts; -1 when it has none. Leftmost, as the pattern
 * `(?:[ \t]+[.·…](?:[ \t]*[.·…])*|[ \t]*[.·…](?:[ \t]*[.·…]){1,})[ \t]*$` would find it, but in
 * one pass: that pattern, tried from every start of a long run of spaces, costs its square.
 */
export function leaderDotsFrom(body: string): number {
	const run = body.length - trailing(body, /[ \t.·…]/).length;
	let dots = 0;
	for (let i = run; i < body.length; i++) if (body[i] !== ' ' && body[i] !== '\t') dots++;
	for (let i = run; i < body.length && dots > 0; i++) {
		const space = body[i] === ' ' || body[i] === '\t';
		// The run from here holds two dots, or starts with a space and holds one: taken only from a space.
		if (dots >= 2 || space) return space ? i : -1;
		dots--;
	}

	return -1;
}

/**
 * A comma, hyphen or colon stuck to a page after a leader (`, ; 20-`, `Peoples .... 15:`); stuck to
 * a number in the words of a title, it is a wrapped date (`MAY 1,`) or range (`1917-`).
 */
const pageSpecks = new RegExp(String.raw`(?<=(?:\t|\s{2,}|[.·…]{2,}\s*|\s[${leadMarks}]{1,3}\s)\p{Nd}{1,5}(?:[-–]\p{Nd}{1,5})?[.]?)[,\-–—:;]{1,2}$`, 'u');
/**
 * One character `speck` standing alone after a page (or range) at a line's end, the page led to by
 * dots or a mark (`led`), or by a space (read in a line's last characters).
 */
const aloneAfterPage = (speck: string, led: boolean): RegExp =>
	new RegExp(
		String.raw`(?<=${led ? String.raw`(?:[.·…]{2,}[ \t]*|\s[${leadMarks}]{1,3}[ \t]+)` : String.raw`\s`}\p{Nd}{1,5}(?:[-–]\p{Nd}{1,5})?[.,]?)[ \t]+${speck}$`,
		'u',
	);
/** A digit alone after a led page (`JULY 23............ 235 3`). */
const digitAfterLedPage = aloneAfterPage(String.raw`\p{Nd}`, true);
/**
 * A letter alone after a page (`мистификаторы»............. 99 у`, `écolier.…..... 25 L`, `подъема
 * 34 у`): a speck read as a letter. After a led page, any letter; after one space, a small one only
 * (`Appendix 2 A` keeps its letter).
 */
const letterAfterLedPage = aloneAfterPage(String.raw`\p{L}`, true);
const letterAfterPage = aloneAfterPage(String.raw`\p{Ll}`, false);
const trailingSpecks = new RegExp(
	String.raw`(?<=(?:^|\s)(?:\p{Nd}+(?:[-–]\p{Nd}+)?|[ivxlcd]+|[IVXLCD]+)[.]?)(?:[${speckClass(pageSpeckChars.replace('.', '').replace(',', ''))}]{1,2}(?:\s+[${speckClass(pageSpeckChars)}]{1,3})*|(?:\s+[${speckClass(pageSpeckChars)}]{1,3})+)$`,
	'u',
);

/**
 * `trailingSpecks` in a line, looked for from shortly before the run of marks and spaces at its
 * end: its look-behind, tried at every start of a long number, costs the square of its length. A
 * number of more than 64 characters before the marks is no page, and is not read as one.
 */
function specksAfterPage(line: string): RegExpExecArray | null {
	const from = Math.max(0, line.length - trailing(line, speckOrSpace).length - 64);
	if (from === 0) return trailingSpecks.exec(line);
	// A first character that is neither a space nor a digit, so that nothing before `from` counts.
	const match = trailingSpecks.exec(`\u0000${line.slice(from)}`);
	if (match) match.index += from - 1;
	return match;
}

const speckOrSpace = new RegExp(`[\\s${speckClass(pageSpeckChars)}]`, 'u');

/**
 * A small letter alone at a line's start, before numbering and a title (`y 5. Manual`), or one or
 * two scraps (a letter or two, a mark) before numbering in brackets (`eo fe (b) Extended order`):
 * group 2 is what stands before the numbering, with its spaces.
 */
const letterBeforeLabel =
	/^(\s*)(\p{Ll}\s+|(?:(?:\p{Ll}{1,2}|\p{Lu})[,;]?\s+|[^\s\p{L}\p{N}(]{1,2}\s+){1,2}(?=\(\p{L}{1,2}\)\s))(?=(?:[IVXLCD]{1,8}|[ivxlcd]{1,8}|\p{Nd}{1,3}|\p{L})[.)]\s+[\p{L}«“"'‘]|\(\p{L}{1,2}\)\s+\p{L})/u;

/**
 * A line without the specks OCR reads at its edges (`; Geography ; 13`, `Peoples 15:`, `21 °`,
 * `Human remains , ; 20-`): marks of one or two characters standing alone before the text, and
 * after a page at its end. Leading ones become spaces, so that the indent stays; a speck between
 * title and page is left to be read as leader. Returns how many it took away.
 *
 * @example withoutSpecks('; Geography ; 13:') // {text: '  Geography ; 13', specks: 2}
 */
export function withoutSpecks(line: string): {readonly text: string; readonly specks: number; readonly lead: string} {
	// Most lines have no speck at either end (#5).
	const first = line.trimStart()[0] ?? '';
	const trimmedEnd = line.trimEnd();
	const last = trimmedEnd.at(-1) ?? '';
	const maybeLeading = first !== '' && (speckChars.includes(first) || '|~-—_'.includes(first));
	const maybeTrailing = last !== '' && (pageSpeckChars.includes(last) || '|~-—_'.includes(last));
	const letter = /^\p{L}$/u.test(first) ? letterBeforeLabel.exec(line) : null;
	// A digit alone after a page that dots or a mark lead to (`JULY 23............ 235 3`, `May 1920 : 16-17 5`): a speck read as a digit;
	// so is a letter alone after a page (see `letterAfterLedPage`). (Tried only where a lone digit or letter ends the line: most lines end in their page.)
	const loneDigit = /\p{Nd}/u.test(last) && /\s/.test(trimmedEnd.at(-2) ?? '');
	const loneLetter = !loneDigit && /\p{L}/u.test(last) && /\s/.test(trimmedEnd.at(-2) ?? '');
	const end = loneDigit || loneLetter ? trimmedEnd.slice(-80) : '';
	const loneSpeck = loneDigit ? digitAfterLedPage.exec(end) : loneLetter ? (letterAfterLedPage.exec(end) ?? letterAfterPage.exec(end)) : null;
	if (!maybeLeading && !maybeTrailing && !letter && !loneSpeck) return {text: line, specks: 0, lead: ''};
	let text = line;
	let specks = 0;
	let lead = '';
	if (letter) {
		// A small letter alone before numbering (`y 5. Manual of the bugle`, `à XI. Le vrai père`, `ы 6) Кустарничество`),
		// or a scrap or two before numbering in brackets (`eo fe (b) Extended order`, `F ; (a) Bugle calls`): specks.
		text = letter[1]! + ' '.repeat(letter[2]!.length) + line.slice(letter[0].length);
		specks += letter[2]!.trim().split(/\s+/u).length;
		lead = letter[2]!;
	}

	if (maybeLeading) {
		text = text.replace(leadingSpecks, (_whole, indent: string, marks: string) => {
			specks += marks.trim().split(/\s+/).length;
			lead = marks;
			return indent + ' '.repeat(marks.length);
		});
	}

	if (loneSpeck) {
		// A digit or a letter alone after the page.
		specks++;
		const trimmed = text.trimEnd();
		text = trimmed.slice(0, trimmed.length - loneSpeck[0].length);
	} else if (maybeTrailing) {
		const trimmed = text.trimEnd();
		// A bracket or quote that closes one the line opened (`[Sidenote: CHAP. I.]`) is the line's own.
		const closes = pairedMark(trimmed.at(-1) ?? '', trimmed.slice(0, -1), '');
		const match = closes ? null : (specksAfterPage(trimmed) ?? pageSpecks.exec(trimmed));
		// `Chapter I.` keeps its full stop: only marks after a page, not the page's own dot.
		if (match && (match[0].trim() !== '.' || /^\s/.test(match[0]))) {
			specks += Math.max(1, match[0].trim().split(/\s+/).length);
			text = trimmed.slice(0, match.index);
		} else {
			const from = loneSpecksFrom(trimmed);
			// A line of marks alone (a rule, `. . .`) is not stripped to nothing.
			if (from < trimmed.length && /[\p{L}\p{N}]/u.test(trimmed.slice(Math.max(0, from - 200), from))) {
				specks += trimmed.slice(from).trim().split(/\s+/).length;
				text = trimmed.slice(0, from);
			}
		}
	}

	return {text, specks, lead};
}

function parseVisible(raw: string, line: number): LineParse {
	const indent = indentWidth(raw);
	let body = raw.trim();
	// Marks before a short heading are specks whatever they are (`, CONTENTS.`).
	const plain = stripMarkup(body)
		.title.trim()
		.replace(/^[,'‘’"“”]\s+(?=\p{L})/u, '');

	// Headings, column heads and running heads are short: longer lines need not be tried.
	const short = plain.length <= 48 || plain.replaceAll(/\s+/g, ' ').length <= 48;
	if (short && (contentsHeading.test(plain) || contentsHeading.test(collapseLetterSpacing(plain)))) {
		return {line, raw, indent, titleMarkup: body, leader: '', role: 'contents-heading'};
	}

	// `V. I. L E N I N`, `M O S C O W 1 9 6 6`: title-page lettering, never an entry.
	if (spacedRuns(plain, 4).length > 0) {
		return {line, raw, indent, titleMarkup: body, leader: '', role: 'letter-spaced'};
	}

	// A column head read by its words alone: a scan's specks among them (`CHAP. . PAGE .`) hide none.
	const words = short
		? plain
				.split(/\s+/)
				.filter((token) => /[\p{L}\p{N}]/u.test(token))
				.join(' ')
		: plain;
	const isColumnHead = (text: string): boolean => columnHead.test(text) || pageColumnHead.test(text);
	// A letter alone beside the words is a speck (`B Page`).
	const wordsOnly = short && words.includes(' ') ? words.replaceAll(/(?:^|\s)\p{L}(?=\s|$)/gu, '').trim() : words;
	if (short && (isColumnHead(plain) || isColumnHead(words) || (wordsOnly !== '' && isColumnHead(wordsOnly))))
		return {line, raw, indent, titleMarkup: body, leader: '', role: 'column-head'};
	if (short && (runningHead.test(plain) || runningHeadCaps.test(plain))) return {line, raw, indent, titleMarkup: body, leader: '', role: 'running-head'};
	// Beside the words, only what a scan leaves, and a folio among it: a running head (`THE CONTENTS
	// OF THE BOX 45` is an entry; without a folio, `TABLE OF CONTENTS a”` may be a heading or not).
	const noisyHeading = short && noisyHeadingCaps.test(plain);
	const beside = noisyHeading ? plain.replace(headingWordsCaps, ' ').trim() : '';
	if (noisyHeading && folioToken.test(beside) && beside.split(/\s+/u).every((token) => specklike.test(token))) {
		return {line, raw, indent, titleMarkup: body, leader: '', role: 'running-head'};
	}

	if (plain.length <= 12 && folioLine.test(plain)) return {line, raw, indent, titleMarkup: body, leader: '', role: 'folio'};

	if (body.includes('\t') || body.includes('  ')) body = body.replace(sizeColumn, '').replace(trailingColumnHead, '');
	// A tab left at the end: the page column is there but empty.
	const closed = /\S\t+$/.test(body);
	let leader = '';
	let page: string | undefined;
	let pageStrength: 'strong' | 'weak' | undefined;
	// A page set off by a tab, wide spaces or dots; failing that, by one space (decided later).
	// Only a line's end can hold its page: reading just the last few hundred characters keeps an
	// absurdly long line (a run of 40,000 dots) from making the unanchored pattern quadratic.
	const window = Math.max(0, body.length - 400);
	const found = (pattern: RegExp): {readonly groups: Record<string, string>; readonly index: number} | undefined => {
		const match = pattern.exec(window === 0 ? body : body.slice(window));
		return match?.groups && match.index + window > 0 ? {groups: match.groups, index: match.index + window} : undefined;
	};

	const strong = found(strongTail);
	// A page with a hyphen stuck to it after one space (`Material 55-`): a speck OCR left, or a
	// range or date that the next line goes on with (`1914-` / `1918`); `resolveByRun` decides.
	const hyphened = strong === undefined ? found(weakHyphenTail) : undefined;
	const tail = strong ?? found(weakTail) ?? hyphened;
	if (tail) {
		// `_Page 3_`, `p. 3`: the page is `3`; the word before it belongs with the leader.
		const word = tail.groups['word'];
		leader = tail.groups['lead']! + (word ?? '');
		page = word === undefined ? tail.groups['page']! : tail.groups['number']!;
		pageStrength = strong ? 'strong' : 'weak';
		body = body.slice(0, tail.index);

		// `THEM. . . . 109`: the dot against the last word ends the title; the spaced dots lead.
		if (/^\.\s/.test(leader) && /[\p{L}\p{N})\]"'»”]$/u.test(body)) {
			body += '.';
			leader = leader.slice(1);
		}
	}

	// What OCR made of leader dots (`Premises.7.0 access sceeeses 118`, `Preface... o.oo e eee`):
	// a leader, whatever its letters. Before a page it makes the page certain; with none after it,
	// the page was lost with the dots, and the line is still a whole entry, not the start of the next.
	let lostPage = false;
	const fromEnd = leaderGarbageAt(body, page !== undefined);
	const glued = gluedLeaderAt(body, page !== undefined && /[.·…]/u.test(leader));
	const garbage = glued > 0 && (fromEnd < 0 || glued < fromEnd) ? glued : fromEnd;
	if (garbage > 0 && /[\p{L}\p{N}]/u.test(body.slice(0, garbage))) {
		leader = body.slice(garbage) + leader;
		body = body.slice(0, garbage);
		if (page === undefined) lostPage = true;
		else pageStrength = 'strong';
	}

	// Leader dots between a title and its page (`PARTY . .`, or one dot set off by spaces,
	// `социал-демократии . 31`) belong to the leader.
	const dotsFrom = page === undefined ? -1 : leaderDotsFrom(body);
	if (dotsFrom >= 0) {
		leader = body.slice(dotsFrom) + leader;
		body = body.slice(0, dotsFrom);
	}

	// A mark standing alone between a title and its page (`Les Moineaux © 53`, `squad _ 101-158`,
	// `Wijnkoop / 117`, `War » 295-330`) is what a scan left in the gap: the leader's.
	// (Looked for in the line's last characters: a run of 200,000 spaces would make it quadratic.)
	const gapFrom = Math.max(0, body.trimEnd().length - 24);
	const gapSpeck = page === undefined ? null : /(?<=\S)[ \t]+[_|/\\»«©°•*~+'‘’"”„:;,^`=<>-]{1,2}[ \t]*$/u.exec(body.slice(gapFrom));
	// A closing quote that the title opened is the title's (`« Le Temps »  5`, French spacing).
	if (
		gapSpeck &&
		/[\p{L}\p{N}]/u.test(body.slice(0, gapFrom + gapSpeck.index)) &&
		!pairedMark(gapSpeck[0].trim(), body.slice(0, gapFrom + gapSpeck.index), '')
	) {
		leader = gapSpeck[0] + leader;
		body = body.slice(0, gapFrom + gapSpeck.index);
	}

	// Marks standing alone between the words of a title (`Communism in . Germany`, `Against _ Which`)
	// are specks: a title's own punctuation stands against a word.
	let inner = 0;
	if (/\s[._*|+©„~•°'‘’`^<>=]{1,2}\s/u.test(body)) {
		body = body.replaceAll(/(?<=\S)\s+[._*|+©„~•°'‘’`^<>=]{1,2}(?=\s+\S)/gu, () => {
			inner++;
			return '';
		});
	}

	const labelMatch = parseLabel(body);
	// Field by field, in the order the reading has them: spreading objects of so many shapes cost a
	// tenth of the parse (#17).
	const parsed: Writable<LineParse> = {line, raw, indent, leader, role: 'body', titleMarkup: ''};
	if ((closed || lostPage) && page === undefined) parsed.closed = true;
	if (inner > 0) parsed.specks = inner;
	if (hyphened !== undefined && page !== undefined) parsed.pageTail = hyphened.groups['tail']!;
	if (page !== undefined) {
		parsed.page = page;
		parsed.pageStrength = pageStrength!;
	}

	if (labelMatch) {
		parsed.label = labelMatch.label;
		parsed.labelValue = labelMatch.value;
		parsed.titleMarkup = labelMatch.rest.trim();
	} else parsed.titleMarkup = body.trim();
	return parsed;
}

/** A type with its fields writable, for building a value field by field. */
type Writable<T> = {-readonly [K in keyof T]: T[K]};

/**
 * A word after which a number is a date, a reference, a year or a division's number rather than a
 * page (`JULY 19`, `No. 18`, `1920 г.`, `Chapter 12`; see `word-lists.ts`).
 */
const numberedBy = new RegExp(`^(?:${monthNames}|${referenceWords}|${yearWords}|${pagelessDivisions})$`, 'i');

/** Read a page as a number for ordering (Roman pages count before Arabic ones). */
export function pageNumber(page: string | undefined): number | undefined {
	if (page === undefined) return undefined;
	const first = /\d+/.exec(readDigits(asciiDigits(page)));
	return first ? Number(first[0]) : undefined;
}

/** A page's digits with OCR's look-alikes read as the digits they stand for (`1O3` → `103`), where the page has a true digit. */
function readDigits(page: string): string {
	if (!/\d/.test(page) || !/[OoIl|SBЗ]/.test(page)) return page;
	// A lower-case letter after the digits is the page's own (`12a`), as the page pattern reads it.
	return page.replaceAll(/[\dOoIl|SBЗ]+?(?=[a-z]?(?:$|[^\dOoIl|SBЗ]))/g, (run) =>
		/\d/.test(run) ? run.replaceAll(/[Oo]/g, '0').replaceAll(/[Il|]/g, '1').replaceAll('S', '5').replaceAll('B', '8').replaceAll('З', '3') : run,
	);
}

/**
 * For each line, the nearest page before it and after it in `pages` (undefined where none):
 * two sweeps, so that a long file of lines without pages costs no more than one with them.
 */
function nearestPages(pages: ReadonlyArray<number | undefined>): {readonly before: Array<number | undefined>; readonly after: Array<number | undefined>} {
	const before: Array<number | undefined> = [];
	const after: Array<number | undefined> = Array.from({length: pages.length});
	let last: number | undefined;
	for (const page of pages) {
		before.push(last);
		if (page !== undefined) last = page;
	}

	last = undefined;
	for (let k = pages.length - 1; k >= 0; k--) {
		after[k] = last;
		if (pages[k] !== undefined) last = pages[k];
	}

	return {before, after};
}

/**
 * Decide a weak page (one space before a number): keep it when the number fits the run of
 * pages around it and the word before it does not make it part of a date or a reference; or when
 * it is a misread page (`07` for `27`, `2138` for `138`), one digit from a page that the close run
 * of the pages kept around it leaves room for (OCR sets most pages off by one space: weak).
 */
function resolveWeakPages(lines: LineParse[]): LineParse[] {
	const resolved = resolveByRun(lines);
	const {before, after} = nearestPages(resolved.map((l) => pageNumber(l.page)));
	return resolved.map((l, i) => {
		const read = lines[i]!;
		if (read.pageStrength !== 'weak' || l.page !== undefined || read.titleMarkup.length === 0) return l;
		const wordBefore = lastWord(read.titleMarkup);
		return !numberedBy.test(wordBefore) && misreadPageFits(read.page!, before[i], after[i]) ? read : l;
	});
}

/** Whether a weak page reads as a date or a reference (`JULY 19`, `No. 18`, `…, 1920`), not a page. */
function isDateLike(l: LineParse): boolean {
	const wordBefore = lastWord(l.titleMarkup);
	// After a month, only a day or a year (`of the march 636-660` is a page).
	if (numberedBy.test(wordBefore)) return !monthOnly.test(wordBefore) || dayOrYear.test(/^\d+/.exec(l.page!)?.[0] ?? '');
	return year.test(l.page!) && /,$/.test(wordBefore);
}

/** A month's name alone (`numberedBy` holds other words too). */
const monthOnly = new RegExp(`^(?:${monthNames})$`, 'i');
const year = new RegExp(`^${yearDigits}$`);
const dayOrYear = new RegExp(String.raw`^(?:[1-9]|[12]\d|3[01]|${yearDigits})$`);

/**
 * The strong pages that can vouch for the pages around them: all but a spike, a strong page that
 * the pages on both sides of it (of any strength) leave out of their order (`22` for `202` between
 * `197` and `205`). One misread strong page would otherwise bar every weak page up to the next
 * strong one (real OCR, #18). A restart of the numbering (the pages on its two sides out of order
 * themselves) is no spike.
 */
function anchorPages(lines: readonly LineParse[], pages: ReadonlyArray<number | undefined>): Array<number | undefined> {
	const any = lines.map((l, i) => (l.pageStrength === 'strong' ? pages[i] : l.pageStrength === 'weak' && !isDateLike(l) ? pageNumber(l.page) : undefined));
	const {before, after} = nearestPages(any);
	return pages.map((page, i) => {
		const previous = before[i];
		const next = after[i];
		const spike = page !== undefined && previous !== undefined && next !== undefined && previous <= next && (page < previous || page > next);
		return spike ? undefined : page;
	});
}

/** Keep a weak page that fits the run of strong pages around it, and is no date or reference. */
function resolveByRun(lines: LineParse[]): LineParse[] {
	const strong = lines.map((l) => (l.pageStrength === 'strong' ? pageNumber(l.page) : undefined));
	const hasStrongPages = strong.some((p) => p !== undefined);
	const near = nearestPages(anchorPages(lines, strong));
	return lines.map((l, i) => {
		if (l.pageStrength !== 'weak') return l;
		const value = pageNumber(l.page)!;
		const previous = near.before[i];
		const next = near.after[i];
		const between = (n: number): boolean => (previous === undefined || n >= previous) && (next === undefined || n <= next);
		const fits = between(value);
		// A hyphened number that the next line goes on from (`1914-` / `1918 …`) is a range or a date.
		const goesOn = l.pageTail !== undefined && /^\p{Nd}/u.test(lines[i + 1]?.label ?? lines[i + 1]?.titleMarkup ?? '');
		if (fits && !goesOn && !isDateLike(l) && (hasStrongPages || l.titleMarkup.length > 0))
			return l.pageTail === undefined ? l : {...l, specks: (l.specks ?? 0) + 1};
		const {page: _page, pageStrength: _strength, pageTail: _tail, ...rest} = l;
		// A digit alone after the page (`Concluding Remarks 435 7`): a speck, where the number before it fits the run and the digit does not.
		// (Read in the title's last characters: a run of 200,000 spaces would make the pattern quadratic.)
		const from = Math.max(0, l.titleMarkup.length - 24);
		const before =
			/^\p{Nd}$/u.test(l.page!) && l.pageTail === undefined && (previous !== undefined || next !== undefined)
				? /(?<!\s)(\s+)(\p{Nd}{1,4})$/u.exec(l.titleMarkup.slice(from))
				: null;
		if (before && /\p{L}/u.test(l.titleMarkup.slice(0, from + before.index))) {
			const title = l.titleMarkup.slice(0, from + before.index);
			if (between(Number(before[2])) && !isDateLike({...l, titleMarkup: title, page: before[2]!}))
				return {...rest, titleMarkup: title, leader: before[1]!, page: before[2]!, pageStrength: 'weak', specks: (l.specks ?? 0) + 1};
		}

		return {...rest, leader: '', titleMarkup: `${l.titleMarkup}${l.leader}${l.page}${l.pageTail ?? ''}`.trim()};
	});
}

/** How close the pages around a number must run for the run to vouch for a misreading of it. */
const closeRun = 12;

/**
 * Whether `page` is one digit away (one changed, lost or added) from a page that fits between
 * `previous` and `next`, where those run close together: the run makes the misreading plain
 * (`07` between `25` and `29`, `2138` between `137` and `139`), where a number far from every
 * page (`1812`) stays the title's.
 */
function misreadPageFits(page: string, previous: number | undefined, next: number | undefined): boolean {
	if (previous === undefined || next === undefined || next < previous || next - previous > closeRun || !/^\d{1,4}$/.test(page)) return false;
	const fits = (digits: string): boolean => digits !== '' && !digits.startsWith('0') && Number(digits) >= previous && Number(digits) <= next;
	for (let k = 0; k <= page.length; k++) {
		if (k < page.length && fits(page.slice(0, k) + page.slice(k + 1))) return true;
		for (let d = 0; d <= 9; d++) {
			if (k < page.length && fits(page.slice(0, k) + String(d) + page.slice(k + 1))) return true;
			if (fits(page.slice(0, k) + String(d) + page.slice(k))) return true;
		}
	}

	return false;
}

/** A line that looks like a heading: short, upper case, no page, no numbering. */
function isHeadingLike(l: LineParse): boolean {
	// Most lines have a page or a label: no need to look at their letters (#5).
	if (l.page !== undefined || l.label !== undefined) return false;
	const plain = stripMarkup(l.titleMarkup).title;
	const letters = isAscii(plain) ? plain.replaceAll(/[^A-Za-z]/g, '') : plain.replaceAll(/[^\p{L}]/gu, '');
	return (
		letters.length > 0 &&
		letters === letters.toUpperCase() &&
		plain.split(/\s+/).length <= 6 &&
		!/[,;:-]$|\b(?:and|of|the|to|in|for|with|on|et|de|und|van|и|в|на)$/i.test(plain.trim())
	);
}

/** The width at which titles wrap: the 90th percentile of where titles end on page-bearing lines. */
function titleColumnWidth(lines: readonly LineParse[]): number {
	const ends = lines
		.filter((l) => l.page !== undefined)
		.map((l) => l.raw.trimEnd().length - l.page!.length - l.leader.length)
		.sort((x, y) => x - y);
	return ends.length === 0 ? 60 : ends[Math.floor(ends.length * 0.9)]!;
}

/**
 * Whether `last` reads as cut off and `next` as its continuation: `last` ends in a joining word or
 * mark, `next` opens with a small letter or, in capitals, with a joining word (`OF INSTRUMENTAL
 * MUSIC`), or is set deeper, or `last` fills the title column.
 */
function looksUnfinished(last: LineParse, next: LineParse, width: number): boolean {
	const text = stripMarkup(last.titleMarkup).title.trim();
	return (
		/[-,;:(«„"“]$|\b(?:and|or|of|the|a|an|to|in|for|with|on|by|from|at|et|de|du|des|la|le|les|und|der|die|das|van|het|een|en|и|в|во|на|о|об|с|к|по|для|из)$/i.test(
			text,
		) ||
		/^\p{Ll}|^(?:OF|AND|OR|ET|VAN|И)\s+\p{Lu}/u.test(stripMarkup(next.titleMarkup).title) ||
		// Deeper than the line above, specks before it aside (`. Lost color group 113` after a line whose page was lost).
		next.indent - (next.lead?.length ?? 0) > last.indent ||
		(width >= 40 && last.raw.trimEnd().length >= width * 0.85)
	);
}

/**
 * Whether `first`, a part or book heading, heads the entries that follow rather than taking `next`
 * (which has a page) as its own title: when a blank line parts them (`PART ONE`, blank, `Childhood
 * 3`), or when the line after `next` is an entry with no numbering of its own (`BOOK ONE`,
 * `Introduction 1`, `The Early Years 5`). `PART I.`, `THE FOUNDATIONS 3`, `CHAPTER I. …` is one
 * titled part.
 */
function headsEntries(first: LineParse, next: LineParse, gap: number, after: LineParse | undefined): boolean {
	if (first.page !== undefined || next.page === undefined) return false;
	if (first.labelValue?.kind !== 'word' || !groupWords.has(first.labelValue.word)) return false;
	return gap > 0 || (after !== undefined && after.label === undefined && after.page !== undefined);
}

/** Whether a line is only a label (`CHAPTER I.`, `PART II.`) waiting for its title. */
function isLabelOnly(l: LineParse): boolean {
	return l.label !== undefined && l.titleMarkup === '' && l.page === undefined;
}

/** Reads a line (1-based) of a file. */
export type LineReader = (line: number) => LineParse;

/**
 * Parse each line of `lines` at most once, however often it is asked for; lines with the same
 * text (the two printings repeat most of theirs) share one reading, across files too when their
 * readers share `byText` (#17).
 */
export function lineReader(lines: readonly string[], byText = new Map<string, LineParse>()): LineReader {
	// A line asked for again gets the same object (split, running heads and items each ask).
	const byLine: Array<LineParse | undefined> = Array.from({length: lines.length + 2});
	return (line) => {
		const asked = byLine[line];
		if (asked) return asked;
		const raw = lines[line - 1] ?? '';
		const known = byText.get(raw);
		const parsed = known ? (known.line === line ? known : atLine(known, line)) : parseLine(raw, line);
		if (!known) byText.set(raw, parsed);
		byLine[line] = parsed;
		return parsed;
	};
}

/**
 * A reading of a line with the same text as another's: its fields one by one, with `line` its own.
 * A spread of readings of so many shapes cost more than reading the line afresh (#17); the fields
 * absent from `known` stay absent. Every field of `LineParse` must be copied here.
 */
function atLine(known: LineParse, line: number): LineParse {
	const copy: Writable<LineParse> = {line, raw: known.raw, indent: known.indent, titleMarkup: known.titleMarkup, leader: known.leader, role: known.role};
	if (known.label !== undefined) copy.label = known.label;
	if (known.labelValue !== undefined) copy.labelValue = known.labelValue;
	if (known.page !== undefined) copy.page = known.page;
	if (known.pageStrength !== undefined) copy.pageStrength = known.pageStrength;
	if (known.closed !== undefined) copy.closed = known.closed;
	if (known.specks !== undefined) copy.specks = known.specks;
	if (known.lead !== undefined) copy.lead = known.lead;
	return copy;
}

/**
 * Whether a bare number fits between the pages around it: an Arabic page not below the last and
 * not above the next; a Roman one only among Roman pages (the front matter's).
 */
function fitsRun(page: string, last: string | undefined, next: () => string | undefined): boolean {
	const value = pageNumber(page);
	if (value === undefined) return last === undefined || pageNumber(last) === undefined;
	const before = pageNumber(last);
	if (before !== undefined && value < before) return false;
	const after = pageNumber(next());
	return after === undefined || value <= after;
}

/** Options for `parseItems`. */
export type ParseOptions = {
	/**
	 * Treat the lines before the first contents heading as front matter (`text` items).
	 * @default true
	 */
	readonly frontMatter?: boolean;
	/**
	 * Where parsed lines come from, to share them with `findPrintings`.
	 * @default a new `lineReader(lines)`
	 */
	readonly read?: LineReader;
	/**
	 * Lines (1-based) known to be running heads from the file as a whole (a book's short title
	 * with its folio, recurring; see `findRunningHeads`).
	 * @default none
	 */
	readonly furniture?: ReadonlySet<number>;
};

/** A printing's lines read as items, and the page furniture found among them. */
export type ParsedPrinting = {
	readonly items: TocItem[];
	readonly furniture: FurnitureLine[];
	/** Specks read past at the edges of its lines (see `withoutSpecks`). */
	readonly specks: number;
};

/**
 * Parse lines `from..to` (1-based, inclusive) of `lines` into items.
 *
 * @example parseItems(['Preface\t13', 'I. Origins\t17'], 1, 2) // two entries
 */
export function parseItems(lines: readonly string[], from: number, to: number, options: ParseOptions = {}): TocItem[] {
	return parsePrinting(lines, from, to, options).items;
}

/** What a furniture line is, from its role. */
function furnitureKind(role: LineRole): FurnitureLine['kind'] {
	return role === 'column-head' ? 'column-head' : role === 'folio' ? 'folio' : 'running-head';
}

/**
 * Parse lines `from..to` (1-based, inclusive) of `lines` into items, setting apart the page
 * furniture: running heads (`CONTENTS ix`, `8 CONTENTS`, a book's short title with its folio),
 * column heads (`Page`, `CHAP. PAGE`), bare folios, and a contents heading repeated after the
 * first entry. Furniture is never an item: a wrapped entry that a page break cuts in two joins
 * across it, and the blank lines around it do not part the entry.
 */
export function parsePrinting(lines: readonly string[], from: number, to: number, options: ParseOptions = {}): ParsedPrinting {
	const read = options.read ?? lineReader(lines);
	const parsed: LineParse[] = [];
	const furniture: FurnitureLine[] = [];
	// By index in `parsed`: the blank lines before it (an array, #17: a map of 200,000 numbers cost a thirtieth of the parse).
	const blankBefore: number[] = [];
	let blanks = 0;
	let seenEntry = false;
	let specks = 0;
	let entriesSeen = 0;
	let seenHeading = false;
	let lastPage: string | undefined;
	// The next strong page after line `n`, a few lines ahead at most.
	const nextPage = (n: number): string | undefined => {
		for (let k = n + 1, seen = 0; k <= to && seen < 6; k++) {
			if ((lines[k - 1] ?? '').trim() === '') continue;
			seen++;
			const ahead = read(k);
			if (ahead.pageStrength === 'strong') return ahead.page;
		}

		return undefined;
	};

	// Blank lines next to furniture are the page break's, not a break between entries.
	let afterFurniture = false;
	const setApart = (l: LineParse, kind: FurnitureLine['kind']): void => {
		furniture.push({lines: [l.line, l.line], text: l.raw, kind});
		blanks = 0;
		afterFurniture = true;
	};

	for (let n = from; n <= to; n++) {
		const raw = lines[n - 1] ?? '';
		if (raw.trim() === '') {
			// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- setApart, a closure, sets it; narrowing does not see that
			if (!afterFurniture) blanks++;
			continue;
		}

		const l = options.furniture?.has(n) ? {...read(n), role: 'running-head' as const} : read(n);
		specks += l.specks ?? 0;
		// A contents heading after a few entries is the heading of a page of the contents again, set
		// as a running head; after one entry only (an entry moved to the top), it is the heading.
		// A contents heading that heads a volume of its own (`VOLUME III`, then `CONTENTS`) stays.
		const headsVolume =
			l.role === 'contents-heading' &&
			parsed.length > 0 &&
			parsed.at(-1)!.page === undefined &&
			(parsed.at(-1)!.label !== undefined || isHeadingLike(parsed.at(-1)!));
		if (l.role === 'running-head' || l.role === 'column-head' || (l.role === 'contents-heading' && entriesSeen >= 3 && !headsVolume)) {
			setApart(l, furnitureKind(l.role));
			continue;
		}

		let line = l;
		// Before the contents begin (a title page: `VOLUME`, `31`), a number alone is front matter.
		if (l.role === 'folio' && !seenEntry && !seenHeading) line = {...l, role: 'body'};
		else if (l.role === 'folio') {
			// The page of the line before, when that line waits for one and the number fits the run of
			// pages; else the contents page's own number. A four-digit year alone is a heading (`1915`).
			const previous = parsed.at(-1);
			const waits = previous !== undefined && previous.role === 'body' && previous.page === undefined && !previous.closed && blanks <= 1;
			const page = l.titleMarkup.replace(/\.$/, '');
			if (waits && fitsRun(page, lastPage, () => nextPage(n))) line = {...l, role: 'body', titleMarkup: '', leader: '', page, pageStrength: 'strong'};
			else if (/^\p{Nd}{4}$/u.test(page)) line = {...l, role: 'body'};
			else {
				setApart(l, 'folio');
				continue;
			}
		}

		if (line.role === 'contents-heading') seenHeading = true;
		// A page after one space (`April - December 1920`) is a date as often: not yet an entry.
		if (line.role === 'body' && line.pageStrength === 'strong') {
			seenEntry = true;
			entriesSeen++;
			lastPage = line.page;
		}

		blankBefore.push(blanks);
		blanks = 0;
		afterFurniture = false;
		parsed.push(line);
	}

	const resolved = resolveWeakPages(parsed);

	// Front matter: everything before the first contents heading, if one comes early enough.
	const headingAt = resolved.findIndex((l) => l.role === 'contents-heading');
	const firstEntry = resolved.findIndex((l) => l.role === 'body' && l.page !== undefined);
	const frontEnd = (options.frontMatter ?? true) && headingAt >= 0 && (firstEntry === -1 || headingAt < firstEntry) ? headingAt : 0;

	const width = titleColumnWidth(resolved);
	const items: TocItem[] = [];
	const push = (group: LineParse[], type: TocItem['type']): void => {
		items.push(makeItem(group, items.length, type));
	};

	for (let i = 0; i < resolved.length; i++) {
		const l = resolved[i]!;
		if (i < frontEnd || l.role === 'letter-spaced') {
			push([l], 'text');
			continue;
		}

		switch (l.role) {
			case 'contents-heading': {
				push([l], 'heading');
				continue;
			}

			case 'column-head':
			case 'running-head':
			case 'folio': {
				// Set apart before this loop: never an item.
				furniture.push({lines: [l.line, l.line], text: l.raw, kind: furnitureKind(l.role)});
				continue;
			}

			case 'body': {
				break;
			}
		}

		if (l.page !== undefined || l.closed) {
			push([l], 'entry');
			continue;
		}

		// A heading on its own between blank lines stays alone; so does a year (`1915`) heading the entries of that year.
		const blankAfter = blankBefore[i + 1] ?? 1;
		if ((isHeadingLike(l) && blankAfter > 0 && (blankBefore[i] ?? 1) > 0) || isNumberOnly(l)) {
			push([l], 'heading');
			continue;
		}

		// A wrapped entry: this line has no page; join the lines that follow until one has a page.
		// A labelled start (`4. TO THE INTERNATIONAL …`, `CHAPTER I.`) continues until its page;
		// an unlabelled one only while each line looks unfinished, so that an entry whose page
		// was lost is not glued to the next entry.
		const group = [l];
		let k = i + 1;
		while (k < resolved.length && group.length < 40) {
			const next = resolved[k]!;
			const gap = blankBefore[k] ?? 0;
			const last = group.at(-1)!;
			// A line that holds only a page (a page number the printing set on a line of its own) ends the entry.
			const pageOnly = next.role === 'body' && next.titleMarkup === '' && next.label === undefined && next.page !== undefined;
			const canContinue =
				pageOnly ||
				(next.role === 'body' &&
					gap <= 1 &&
					!isNumberOnly(next) &&
					!headsEntries(group[0]!, next, gap, resolved[k + 1]) &&
					next.label === undefined &&
					// A line set further left than the entry's first begins another (a sub-entry's wrap never does).
					// Specks read past before the first line's text (`: 5. DRAFT …`) do not set it further right.
					// (Only here: taking them out of every line's indent parted entries that a speck-led
					// second line's deeper indent had joined, `: - OF INSTRUMENTAL MUSIC` in the ALTO fixtures.)
					next.indent >= group[0]!.indent - (group[0]!.lead?.length ?? 0) &&
					!(gap > 0 && isHeadingLike(next) && (blankBefore[k + 1] ?? 1) > 0) &&
					(group[0]!.label !== undefined || looksUnfinished(last, next, width)));
			if (!canContinue) break;
			group.push(next);
			k++;
			if (next.page !== undefined || next.closed) break;
		}

		if (group.length > 1 && (group.at(-1)!.page !== undefined || isLabelOnly(group[0]!))) {
			// An entry wrapped over lines, or `PART I.` / `TIMES AND SEASONS` with no page: one heading.
			push(group, group.at(-1)!.page === undefined ? 'heading' : 'entry');
			i = k - 1;
		} else {
			push([l], 'heading');
		}
	}

	return {items, furniture, specks};
}

/** A line of digits alone (`1915`): a year heading the entries after it, never part of a title. */
function isNumberOnly(l: LineParse): boolean {
	return l.label === undefined && l.page === undefined && /^\p{Nd}+$/u.test(l.titleMarkup);
}

/** Build an item from the lines that make it. */
function makeItem(group: readonly LineParse[], index: number, type: TocItem['type']): TocItem {
	const first = group[0]!;
	const last = group.at(-1)!;
	const text = group.map((l) => l.raw).join('\n');
	// A line that goes on an entry keeps a comma before its first word: it is the title's.
	// (A comma, that is: a scan's specks, `|` and `.` before a line, stay read past.)
	const titleMarkup = joinTitleLines(group.map((l, k) => (k > 0 && l.lead?.trim() === ',' && l.label === undefined ? `, ${l.titleMarkup}` : l.titleMarkup)));
	const {title, italics} = stripMarkup(titleMarkup);
	const item: TocItem = {
		index,
		lines: [first.line, last.line],
		text,
		type,
		title: title.trim(),
		titleMarkup,
		italics,
		leader: last.leader,
		depth: Math.round(first.indent / 2),
		...(first.label === undefined ? {} : {label: first.label}),
		...(first.labelValue === undefined ? {} : {labelValue: first.labelValue}),
		...(last.page === undefined ? {} : {page: last.page}),
	};
	return item;
}

/** Join the title parts of a wrapped entry with single spaces; spacing inside a line is kept. */
function joinTitleLines(parts: readonly string[]): string {
	return parts
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.join(' ');
}

/**
 * An item as one line for people: numbering, title with its markup, and the page after `gap`
 * (two spaces unless the caller passes the printed leader). Indent and wrapping are left out.
 *
 * @example itemLine(item) // "II. An Essential Condition of the Bolsheviki's Success  23"
 */
export function itemLine(item: TocItem, gap = '  '): string {
	// A label with no title after it (`V.  117`, `Chapitre trois  9`) takes no space of its own.
	const label = item.label === undefined ? '' : item.titleMarkup === '' ? item.label : `${item.label} `;
	return `${label}${item.titleMarkup}${item.page === undefined ? '' : `${gap}${item.page}`}`;
}
