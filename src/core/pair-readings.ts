/**
 * How two paired items are read against each other before they are compared, where one printing
 * shows what the other's OCR did at the edges of an entry: leader dots read as words (`UNIONS 2:2
 * Fy Sieh es ase` / `Unions?`), a stop or a digit standing where the dots began, a quote or a letter
 * a speck left at a line's edge, numbering misread so far that one parse took it for none (`VIIL.
 * Le Thé` / `VIII. Le Thé`). Each function takes the two items and returns them read so, or as they
 * were; `classify.ts` then compares what is left.
 */
import {pairedMark} from './chars.js';
import {ratio} from './distance.js';
import {leaderScore, roundOnly} from './leaders.js';
import {normalizeTitle, ocrKey} from './normalize.js';
import type {Difference, TocItem} from './types.js';

/** A title as pairing compares it: normalised, OCR-folded. */
const key = (title: string): string => ocrKey(normalizeTitle(title));

/**
 * An item whose title goes on past the other printing's with a tail that reads as leader dots read
 * as text (`UNIONS 2:2 Fy Sieh es ase …` against `Unions?`): the other printing shows where its
 * title ends. Returns the item with that tail moved into its leader, or the item as it was.
 */
export function withoutLeaderTail(item: TocItem, other: TocItem): TocItem {
	// The same title reads no better cut (the loop below would find `headRatio <= whole` every time).
	if (item.title === other.title) return item;
	const tokens = [...item.title.matchAll(/\S+/gu)];
	const wanted = key(other.title);
	if (tokens.length < 2 || wanted === '') return item;
	const otherWords = wanted.split(' ').length;
	// The tail must make the title read worse against the other printing's, not better (`RAIL- WAY`):
	// how the whole title reads, measured once a tail reads as leader (#17: most do not).
	let whole: number | undefined;
	// The title as long as the other's, give or take a word (OCR splits and joins words).
	for (let n = Math.max(1, otherWords - 1); n <= Math.min(tokens.length - 1, otherWords + 1); n++) {
		const end = tokens[n]!.index;
		const tail = tokens.slice(n).map((token) => token[0]);
		const scores = tail.map((token) => leaderScore(token));
		const score = scores.reduce((sum, s) => sum + s, 0) / tail.length;
		// The other printing shows where the title ends: a tail of three tokens or more needs less to be
		// leader; so does one of two tokens or more where the rest is the other's title to the letter
		// (`Ce méchant Paul Fo 2`), if no token of it is a word.
		const head = item.title.slice(0, end).trimEnd();
		const needed = tail.length === 1 ? 0.6 : tail.length === 2 ? 0.45 : 0.35;
		const thinBeforeSameTitle = (): boolean => tail.length >= 2 && score >= 0.3 && scores.every((s) => s >= 0.2) && key(head) === wanted;
		// Round small letters after a title in capitals are no part of it (`AAN DE NOORDZEE. nennen`: dots read as `n` and `e`).
		const lowerAfterCapitals = (): boolean =>
			/\p{Lu}{2}/u.test(head) && !/\p{Ll}/u.test(head) && tail.every((token, k) => /^[\p{Ll}.,:;…]+$/u.test(token) && (roundOnly(token) || scores[k]! >= 0.6));
		if (score < needed && !thinBeforeSameTitle() && !lowerAfterCapitals()) continue;
		const headRatio = ratio(key(head), wanted);
		whole ??= ratio(key(item.title), wanted);
		if (headRatio < 0.85 || headRatio <= whole) continue;
		const markupEnd = item.titleMarkup.lastIndexOf(tail[0]!);
		return {
			...item,
			title: head,
			titleMarkup: markupEnd > 0 ? item.titleMarkup.slice(0, markupEnd).trimEnd() : head,
			italics: item.italics.filter((span) => span.end <= head.length),
			leader: `${item.title.slice(end)} ${item.leader}`.trim(),
		};
	}

	return item;
}

/** Whether an item has something printed between its title and its page: dots, or what OCR made of them. */
const hasLeaderMarks = (item: TocItem): boolean => /\S/u.test(item.leader);

/**
 * A mark at the end of a title that runs into a leader (`Spindle whorls. ........ 149`,
 * `Introduction. ci.ocs-scceenee eee 13`), where the other printing's title has none: OCR reads the
 * first dot against the word, and no reader sees it as the title's. So too where only the other
 * printing has the leader (`WITCHCRAFT. 289` / `WITCHCRAFT....... 289`): the stop is what is left
 * of its dots. Returns the item with the marks moved into its leader, or the item as it was.
 */
export function withoutMarkBeforeLeader(item: TocItem, other: TocItem): TocItem {
	const marks = /(?<=[\p{L}\p{N})\]"'»”’])[.,:;…]{1,3}$/u.exec(item.title)?.[0];
	if (marks === undefined || /[.,:;…]$/u.test(other.title) || !item.titleMarkup.endsWith(marks)) return item;
	if (!hasLeaderMarks(item) && !hasLeaderMarks(other)) return item;
	return withEndInLeader(item, marks);
}

/** The item with the marks that end its title (and its markup) moved to the start of its leader. */
function withEndInLeader(item: TocItem, marks: string): TocItem {
	const cut = (text: string): string => text.slice(0, -marks.length);
	// Garbage read from the dots stood apart from the marks (`Introduction. ci.ocs`, `Preface) aes eet`); dots may not have.
	const leader = item.leader === '' ? ' ' : /^[\p{L}\p{N}]/u.test(item.leader) ? ` ${item.leader}` : item.leader;
	return {...item, title: cut(item.title), titleMarkup: cut(item.titleMarkup), leader: `${marks}${leader}`};
}

/**
 * A closing bracket at the end of a title that nothing in it opens (`Preface) aes eet … LO`,
 * `ARMENIA]`), where the other printing's title has none: what a scan left against the word, the
 * leader's. A bracket the title opened (`(continued)`) is the title's.
 */
export function withoutStrayCloser(item: TocItem, other: TocItem): TocItem {
	const closer = /(?<=[\p{L}\p{N}.])[)\]]$/u.exec(item.title)?.[0];
	if (closer === undefined || other.title.endsWith(closer) || !item.titleMarkup.endsWith(closer)) return item;
	return pairedMark(closer, item.title.slice(0, -1), '') ? item : withEndInLeader(item, closer);
}

/**
 * A lone digit between a title and its page that the other printing does not have (`Objects of art
 * 5 21.` / `Objects of art 21`, `The charge 2 464-475`): a speck read as a digit, so the leader's.
 * (Where both printings have it, `AUGUST 2`, it is the title's, whatever the word before it.)
 */
export function withoutDigitBeforePage(item: TocItem, other: TocItem): TocItem {
	if (item.page === undefined) return item;
	// The title's last characters only: a title of 200,000 spaces would make the search quadratic.
	const from = Math.max(0, item.title.length - 24);
	const digit = /\s+\p{Nd}$/u.exec(item.title.slice(from));
	if (!digit || !item.titleMarkup.endsWith(digit[0])) return item;
	const head = item.title.slice(0, from + digit.index);
	if (!/\p{L}/u.test(head) || key(head) !== key(other.title)) return item;
	return {...item, title: head, titleMarkup: item.titleMarkup.slice(0, -digit[0].length), leader: `${digit[0]}${item.leader}`};
}

/** A number at a title's end, a speck or a letter before it or marks after it (`UKRAINE 4`, `, a 32`, `S37`). */
const pageInTitle = /(?<gap>\s+(?:[^\s\p{L}\p{N}]{1,2}\s+|\p{Ll}\s+)?)(?<page>[$§SOoIl|]?\p{Nd}[\p{Nd}OoIlSB]{0,3})[^\s\p{L}\p{N}]{0,2}$/u;

/** A last word as long as a page, give or take a letter (`Color On` / `Color 57`). */
const shortLastWord = /(?<gap>\s+)(?<page>[\p{L}\p{N}]{1,4})[^\s\p{L}\p{N}]{0,2}$/u;

/**
 * A page misread as letters (`Color On` / `Color ~ 57`): the last word of a title, of about the
 * other printing's page's length, where the rest is the other printing's title to the letter.
 */
function misreadPage(end: string, title: string, wanted: string, page: string): RegExpExecArray | null {
	const tail = shortLastWord.exec(end);
	if (!tail?.groups || Math.abs(tail.groups['page']!.length - page.length) > 1) return null;
	return key(title.slice(0, title.length - end.length + tail.index)) === wanted ? tail : null;
}

/**
 * A page the parse left at the end of a title, where the other printing has a page and this one
 * has none (`TO THE POOR PEASANTS OF THE UKRAINE 4` / `… UKRAINE 314`, `INTERNATIONAL, a 32` /
 * `INTERNATIONAL 212`): a misread page does not fit its printing's run, so the parse kept it as the
 * title's, but the other printing shows that the title ends before it. The number may carry a speck
 * before it or after it and OCR's look-alikes (`S37`, `$32`). Returns the item with the number as
 * its page and what stood before it as its leader, or the item as it was.
 */
export function withPageFromTitle(item: TocItem, other: TocItem): TocItem {
	if (item.page !== undefined || other.page === undefined) return item;
	// The title's last characters only: a title of 200,000 spaces would make the search quadratic.
	const from = Math.max(0, item.title.length - 24);
	const wanted = key(other.title);
	if (wanted === '') return item;
	const tail = pageInTitle.exec(item.title.slice(from)) ?? misreadPage(item.title.slice(from), item.title, wanted, other.page);
	if (!tail?.groups || !item.titleMarkup.endsWith(tail[0])) return item;
	const head = item.title.slice(0, from + tail.index);
	if (!/\p{L}/u.test(head)) return item;
	const markupHead = item.titleMarkup.slice(0, -tail[0].length);
	const headRatio = ratio(key(head), wanted);
	const found = {...item, title: head, titleMarkup: markupHead, italics: item.italics.filter((span) => span.end <= head.length)};
	if (headRatio < 0.85 || headRatio <= ratio(key(item.title), wanted)) {
		// Leader garbage before the page (`Le Thé. eee. 58` / `Le Thé 58`): the page's all the same where the title reads as the other's without it.
		const cut = withoutLeaderTail(found, other);
		if (cut === found || ratio(key(cut.title), wanted) < 0.85) return item;
		return {...cut, leader: `${cut.leader}${tail.groups['gap']}${item.leader}`.trimStart(), page: tail.groups['page']!};
	}

	return {...found, leader: `${tail.groups['gap']}${item.leader}`, page: tail.groups['page']!};
}

/**
 * Marks a scan leaves against the first word of a line: a quote that nothing closes (`“Draft and
 * Explanation`, `‘The First Step`), a hash, an underscore, a backtick, a degree sign. The title's own
 * opening quote closes somewhere in it (`“Left-Wing” Communism`).
 */
const leadingSpeck = /^[“‘"'`#_»«°|\\*•„©]+(?=[\p{L}\p{N}(])/u;
const closers: Readonly<Record<string, RegExp>> = {'“': /[”"]/u, '‘': /[’']/u, '"': /"/u, "'": /'/u, '„': /[“”"]/u, '«': /»/u};

function leadingSpeckOf(item: TocItem): string | undefined {
	const text = item.label ?? item.title;
	const marks = leadingSpeck.exec(text)?.[0];
	if (marks === undefined) return undefined;
	const closer = closers[marks.at(-1)!];
	return closer !== undefined && closer.test(`${item.label ?? ''} ${item.title}`.slice(marks.length + 1)) ? undefined : marks;
}

/**
 * The specks at the start of two paired items' text: where one printing has a speck against its
 * first word and the other has not, the items without them, and the marks each had (a cosmetic
 * `speck` to report), so that `‘The` / `The` is never a punctuation or spelling difference.
 */
export function withoutLeadingSpecks(
	a: TocItem,
	b: TocItem,
): {readonly a: TocItem; readonly b: TocItem; readonly specks?: {readonly field: 'label' | 'title'; readonly a: string; readonly b: string}} {
	const sa = leadingSpeckOf(a);
	const sb = leadingSpeckOf(b);
	if (sa === sb) return {a, b};
	const strip = (item: TocItem, marks: string | undefined): TocItem => {
		if (marks === undefined) return item;
		if (item.label !== undefined) return {...item, label: item.label.slice(marks.length)};
		const shift = (span: TocItem['italics'][number]) => ({start: Math.max(0, span.start - marks.length), end: Math.max(0, span.end - marks.length)});
		return {
			...item,
			title: item.title.slice(marks.length),
			titleMarkup: item.titleMarkup.startsWith(marks) ? item.titleMarkup.slice(marks.length) : item.titleMarkup,
			italics: item.italics.map(shift),
		};
	};

	const field = (a.label ?? b.label) === undefined ? 'title' : 'label';
	return {a: strip(a, sa), b: strip(b, sb), specks: {field, a: sa ?? '', b: sb ?? ''}};
}

/**
 * A first word that may be a misread numbering: Roman letters and what OCR makes of them, digits,
 * or one letter, with a stop, comma or bracket or none (`VIIL.`, `1\\.`, `XXII,`, `ТУ.`, `г)`), never a word (`Orders,`).
 */
const labelLike = /^((?:[IVXLCDUT1l|\\!]{1,8}|[\p{Lu}\p{Nd}l|\\!]{1,5}|\p{L})[.,)]?)\s+(?=\S)/u;

/**
 * Numbering that OCR misread so that one printing's parse did not take it for numbering (`VIIL. Le
 * Thé` against `VIII. Le Thé`, `1\\. Кустарничество` against `IV. Кустарничество`): where the rest
 * of the title reads as the other printing's title, the first word is the numbering, and its
 * difference is the label's (an `ocr` or `punctuation` one), not a word of the title's.
 */
export function withLabelsRead(a: TocItem, b: TocItem): readonly [TocItem, TocItem] {
	if (a.label !== undefined && b.label !== undefined) return [a, b];
	const split = (item: TocItem): {readonly label: string; readonly title: string} | undefined => {
		if (item.label !== undefined) return {label: item.label, title: item.title};
		const match = labelLike.exec(item.title);
		return match ? {label: match[1]!, title: item.title.slice(match[0].length)} : undefined;
	};

	const sa = split(a);
	const sb = split(b);
	if (sa === undefined || sb === undefined || sa.label === sb.label) return [a, b];
	// Neither parsed as numbering: both first words must look like it, not like two words of a title.
	if (a.label === undefined && b.label === undefined && !/[.,)]$/u.test(sa.label) && !/[.,)]$/u.test(sb.label)) return [a, b];
	if (ratio(key(sa.title), key(sb.title)) < 0.8 && !opensWith(key(sa.title), key(sb.title))) return [a, b];
	const read = (item: TocItem, found: {readonly label: string; readonly title: string}): TocItem => {
		if (item.label !== undefined) return item;
		const cut = item.title.length - found.title.length;
		return {
			...item,
			label: found.label,
			title: found.title,
			titleMarkup: item.titleMarkup.startsWith(item.title.slice(0, cut)) ? item.titleMarkup.slice(cut) : item.titleMarkup,
			italics: item.italics.map((span) => ({start: Math.max(0, span.start - cut), end: Math.max(0, span.end - cut)})),
		};
	};

	return [read(a, sa), read(b, sb)];
}

/**
 * Whether one title is the other's opening words, two or more of them (`le the` / `le the eee`):
 * what follows is leader the parse left in the title, which the tail's reading takes away.
 */
function opensWith(x: string, y: string): boolean {
	const [short, long] = x.length <= y.length ? [x, y] : [y, x];
	return short.includes(' ') && long.startsWith(`${short} `);
}

/** A letter or two a scan reads from a speck: one letter, or two of the round ones it makes of dots (`oe`, `os`). */
const speckLetters = /^(?:\p{L}|[eocsaun]{2}|[еосаи]{2})$/u;

/**
 * Whether a word difference is a speck read as a letter at the edge of a printed line (`A Peoples .
 * 15`, `y 5. Manual of the bugle`, `Third degree 240 i`, `еще .\nо раз`): one printing has a lone
 * letter the other has not, and it stands first or last on one of its lines, or last in the title
 * against what stands before the page (`Bolshevismi a... sc. ss 26`).
 */
export function isEdgeSpeck(difference: Difference, a: TocItem, b: TocItem): boolean {
	if (difference.kind !== 'words' || difference.field !== 'title') return false;
	const [added, item] = difference.a === '' ? [difference.b.trim(), b] : difference.b === '' ? [difference.a.trim(), a] : ['', a];
	if (!speckLetters.test(added)) return false;
	// Last in the title, against the leader (`Bolshevismi a... sc. ss 26`).
	// (Small letters only: `Appendix A` may have lost its letter.)
	if (/^\p{Ll}+$/u.test(added) && /\S/u.test(item.leader) && item.title.endsWith(` ${added}`)) return true;
	// Line by line, each line's words: the letter first or last among them, marks aside.
	for (const line of item.text.split('\n')) {
		const words = line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
		if (words.length > 1 && (words[0] === added || words.at(-1) === added)) return true;
	}

	return false;
}
