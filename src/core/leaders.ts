/**
 * What OCR makes of dot leaders. A run of dots between a title and its page is read as letters,
 * digits and marks (`Preface 1s ET eM 2a oa ere … er) 13`, `Premises.7.0 access sceeeses ss esieeas
 * 118`, `Preface... o.oo e eee ve eve cee eeeeeeeeee te.`). Such a run is a leader, whatever its
 * letters: this module finds where it starts at the end of a line, so that the title stops before
 * it and the page after it is read (or known to be lost) rather than glued to the title.
 *
 * Each token gets a score for how much it reads like dots read as text: marks and dots alone, digits
 * mixed with letters or dots, runs of the round letters a scan makes of dots (`e`, `c`, `o`, `s`,
 * `a`, `u`, and their Cyrillic twins), short lower-case syllables that are no word, case mixed
 * inside a token. A run of such tokens at the end of a line, long enough and dense enough, is a leader.
 */

import {pairedMark, trailing} from './chars.js';

/** Letters OCR makes of dots: round and small. */
const roundLetters = new Set([...'eocsaunrvmwiltz', ...'еосаипнртвх']);

/** Short words that are real in the languages of the contents, never leader. */
const shortWords = new Set(
	[
		'a an and as at be by do for he i if in is it me my no of on or so the to up us we',
		'de du la le les et en un une au aux ou où ce que qui ne il y se sa son ses ces mes nos vos',
		'het van een op te',
		'der die das und im zu den ein',
		'и в во на с к по о об из за от не',
	].flatMap((words) => words.split(' ')),
);

/** Whether a token's letters are all of the round, small ones a scan makes of dots (`nennen`, `nnee.`), and no short word. */
export function roundOnly(token: string): boolean {
	const letters = token.replaceAll(/[^\p{L}]/gu, '');
	return letters.length >= 2 && [...letters].every((ch) => roundLetters.has(ch)) && !shortWords.has(letters);
}

/** How much a token reads like leader dots read as text, 0..1 (each token scored once, #17: most recur, line after line). */
export function leaderScore(printed: string): number {
	// Most tokens are words of four ASCII letters or more: scored without the table (#17).
	const word = asciiWordScore(printed);
	if (word !== undefined) return word;
	let score = scores.get(printed);
	if (score === undefined) {
		if (scores.size >= 1 << 16) scores.clear();
		score = scoreToken(printed);
		scores.set(printed, score);
	}

	return score;
}

const scores = new Map<string, number>();

/**
 * `scoreToken` of a token of four ASCII letters or more, read in one pass, or undefined for any
 * other token: case mixed inside it (`SeS`) 0.8; all lower case, of round letters, mostly `e` and
 * `c` (`sceeeses`), 0.9; any other word 0. (No short word has four letters.)
 */
function asciiWordScore(token: string): number | undefined {
	if (token.length < 4) return undefined;
	let lower = 0;
	let round = 0;
	let dotLike = 0;
	let mixed = false;
	let previousLower = false;
	for (let i = 0; i < token.length; i++) {
		const code = token.charCodeAt(i);
		const isLower = code >= 0x61 && code <= 0x7a;
		if (!isLower && !(code >= 0x41 && code <= 0x5a)) return undefined;
		if (isLower) {
			lower++;
			if (roundAscii.has(code)) round++;
			if (code === 0x65 || code === 0x63) dotLike++;
		} else if (previousLower) mixed = true;
		previousLower = isLower;
	}

	if (mixed) return 0.8;
	return lower === token.length && round === lower && dotLike * 5 >= lower * 3 ? 0.9 : 0;
}

const roundAscii = new Set([...roundLetters].filter((letter) => letter.charCodeAt(0) < 0x80).map((letter) => letter.charCodeAt(0)));

/** `leaderScore` by its general rules, with no table and no quick path (exported for the test that holds the quick path to it). */
export function scoreToken(printed: string): number {
	// Markup is no part of what was read (`<i>Newspaper Report</i>`).
	const token = printed.includes('<') ? printed.replaceAll(/<\/?[a-z]+>/gi, '') : printed;
	if (token === '') return 0;
	// Letters of a script without case (Chinese, Japanese, Arabic, Hebrew) and pictographs are never
	// what a scan makes of dots.
	if (/[\p{Lo}\p{Extended_Pictographic}]/u.test(token)) return 0;
	const letters = token.replaceAll(/[^\p{L}]/gu, '');
	const digits = token.replaceAll(/\P{Nd}/gu, '');
	if (letters.length === 0 && digits.length === 0) return 1;
	if (letters.length === 0) {
		// A number, a date's day or year (`13,`, `1920.`, `16-17`), is a title's as often as not;
		// digits with marks between them (`2:2`, `0.00.0`, `2...`) are dots read as digits.
		// A lone zero is a dot read as a digit (`0.`, `0`).
		if (/^0[.,]?$/u.test(token)) return 0.8;
		// Five digits or more are no page, year or day: dots read as digits (`625255`, `6606540`).
		if (digits.length >= 5 && /^\p{Nd}+[.,]?$/u.test(token)) return 0.9;
		if (/^\(?\p{Nd}+(?:[-–]\p{Nd}+)?[.,;:)]?$/u.test(token)) return 0.2;
		return 1;
	}

	// Dots among letters (`o.oo`, `..\Ns.u`).
	if ((token.match(/\./g)?.length ?? 0) >= 2) return 1;
	// A digit or two among a letter or two (`1s`, `2a`) are dots; among a word, a misread letter (`STAL1N`).
	if (digits.length > 0 && letters.length <= 2) return 1;
	const lower = letters.toLowerCase();
	// A short word, unless set in capitals among the run's lower case (`ET`, `SA`): weak either way.
	if (shortWords.has(lower)) return letters === lower || letters.length === 1 ? 0.1 : 0.4;
	// Case mixed inside the token (`eM`, `SeS`), not a capital that opens a word or a part of one (`April-May`).
	if (token.split(/[-–'’]/).some((part) => /\p{Ll}\p{Lu}/u.test(part))) return 0.8;
	// Lower-case letters a scan makes of dots, mostly `e` and `c` (`sceeeses`, `cece`, `eee`):
	// words of round letters (`nous`, `success`) have fewer of them.
	const round = [...lower].filter((ch) => roundLetters.has(ch)).length;
	const dotLike = [...lower].filter((ch) => 'ecеc'.includes(ch)).length;
	if (letters === lower && lower.length >= 3 && round === lower.length && dotLike * 5 >= lower.length * 3) return 0.9;
	if (letters.length <= 3 && letters === lower) return 0.6;
	if (letters.length <= 3) return 0.5;
	return 0;
}

/** A page number as printed at a line's end: digits (with OCR's look-alikes) or a Roman numeral. */
const pageToken = /^(?:[\p{Nd}OoIl|SBЗ]{1,5}|[ivxlcd]{1,8}|[IVXLCD]{1,8})\.?$/u;

/**
 * Where leader garbage starts at the end of `title` (the text before a page, or a whole line whose
 * page was lost), or -1. The title keeps at least one word; the run must hold three tokens at
 * least (two before a page), or dots, and read mostly as leader; it never starts at a weak token.
 *
 * @example leaderGarbageAt('Premises.7.0 access sceeeses ss esieeas') // 8, where `.7.0` begins
 */
export function leaderGarbageAt(title: string, pageAfter = false): number {
	// The tokens (`\S+`) are read from the end, as the run is, and only as far as it goes: most
	// titles stop it at their last two words (#17: splitting every title into tokens cost a
	// twentieth of the parse). A word with dots against it (`Premises.7.0`, `Preface...`,
	// `What Next?....`, `écolier.…...`) is two tokens: the dots begin the run. One dot or one
	// ellipsis alone ends the word (`II.`, `Introduction.`). The title's first token is never read:
	// the title keeps at least one word.
	let end = title.length;
	// The word part of a token split in two, read after its dots.
	let word: {readonly start: number; readonly text: string; readonly first: boolean} | undefined;
	let best = -1;
	let sum = 0;
	let chars = 0;
	let misreadSeen = false;
	// The score of the token after this one; none after the last.
	let after = 1;
	let count = 0;
	for (;;) {
		let start: number;
		let text: string;
		let isWord = false;
		if (word === undefined) {
			while (end > 0 && isSpace(title.charCodeAt(end - 1))) end--;
			if (end === 0) break;
			start = end;
			while (start > 0 && !isSpace(title.charCodeAt(start - 1))) start--;
			const token = title.slice(start, end);
			let before = start;
			while (before > 0 && isSpace(title.charCodeAt(before - 1))) before--;
			const first = before === 0;
			end = start;
			// A number against dots (`1920........0.`, `JULY 23............`) ends the title too: a date's
			// year or day, not dots read as digits.
			const glued = /[.…]/.test(token)
				? (/^(.*?\p{L}[)"'»”?!]?)(\.?[,;:]?[.…]{2,}.*|\.[\p{Nd}].*)$/u.exec(token) ?? /^(\p{Nd}{2,4})([.…]{3,}.*)$/u.exec(token))
				: null;
			if (glued && glued[1]!.length > 0 && glued[2]!.length > 0) {
				word = {start, text: glued[1]!, first};
				start += glued[1]!.length;
				text = glued[2]!;
			} else {
				if (first) break;
				text = token;
			}
		} else {
			if (word.first) break;
			({start, text} = word);
			isWord = true;
			word = undefined;
		}

		// A quotation mark alone that closes one the title opened, or opens one it closes, is the title's
		// (`Le « Temps » …… 5`); alone, it is what a scan made of a dot (`comment? . » 14`).
		const score = isWord || pairedMark(text, title.slice(0, start), title.slice(start + text.length)) ? 0 : leaderScore(text);
		sum += score;
		chars += text.length;
		// Letters or digits read from dots, not marks alone (`- December` is a dash and a word).
		misreadSeen ||= score >= 0.9 && /[\p{L}\p{N}]/u.test(text);
		count++;
		// Never two weak tokens in a row, and never a run that starts at one.
		if (score < 0.3 && after < 0.3) break;
		after = score;
		const dotted = /\.{2,}|^[.·…:;,'‘’]/u.test(text);
		// Before a page the run is a leader by its place too: it needs less to show it; so does a run
		// that opens with dots (`on... 4 sas aes sees AT`). A long run can be a little thinner: six
		// tokens of a title never read this much like dots.
		const opensDotted = /\.{2,}/u.test(text);
		const dense = sum / count >= (opensDotted && count >= 3 ? 0.4 : pageAfter && misreadSeen ? 0.5 : count >= 6 && misreadSeen ? 0.55 : 0.65);
		if (score >= 0.6 && dense && (count >= (pageAfter ? 2 : 3) || (dotted && chars >= 2))) best = start;
	}

	return best;
}

/** Dots against a word (`работа...`, `демократию,......`, `«демократизм».,....`): three or more, or an ellipsis and more. */
const gluedDots = /(?<=[\p{L}\p{N})\]"'»”?!])(?:\.?[,;:]|\.)?(?:\.{3,}|…[.…]+|\.…)/u;

/** Dots that open a token after a title's last word (`Placing of relics .a.fe.a-2 access …`, `Color ..as5 es …`). */
const spacedDots = /(?<=[\p{L}\p{N})\]"'»”?!][ \t]+)(?:\.{2,}|\.[^\s.]\.)/u;

/**
 * Where a leader that opens with dots against a title's last word (or a token of its own that
 * opens with them) begins, or -1: the dots make
 * its start plain, so what follows them need read as leader only on the whole (mean score 0.35 or
 * more; `работа... -.е-ееесьека 625255`, `Предисловие... ен н и: ееенн-на 2-4. .`), where
 * `leaderGarbageAt`, reading from the end, stops at two weak tokens in a row; with dots after it
 * too (`dotsAfter`, a leader before the page), less. A title that goes on in words after an
 * ellipsis (`Wait... What?`) keeps them.
 */
export function gluedLeaderAt(title: string, dotsAfter = false): number {
	// Only the line's last characters: a title of 200,000 dots would make the search quadratic.
	const from = Math.max(0, title.length - 200);
	const window = title.slice(from);
	const dots = gluedDots.exec(window) ?? spacedDots.exec(window);
	if (!dots) return -1;
	const at = from + dots.index;
	if (!/[\p{L}\p{N}]/u.test(title.slice(0, at))) return -1;
	const rest = title
		.slice(at + dots[0].length)
		.split(/\s+/u)
		.filter((token) => token !== '');
	if (rest.length === 0) return at;
	const mean = rest.reduce((sum, token) => sum + leaderScore(token), 0) / rest.length;
	// Between dots and the dots before the page, a scrap or two is leader all the same (`демократию,...... о... 82`).
	const scraps = rest.length <= 2 && rest.every((token) => token.replaceAll(/[^\p{L}\p{N}]/gu, '').length <= 3);
	return mean >= (dotsAfter ? 0.25 : 0.35) || (dotsAfter && scraps) ? at : -1;
}

/** Whether a UTF-16 code unit is white space as `\s` reads it. */
function isSpace(code: number): boolean {
	if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
	if (code < 0xa0) return false;
	return (
		code === 0xa0 ||
		code === 0x16_80 ||
		(code >= 0x20_00 && code <= 0x20_0a) ||
		code === 0x20_28 ||
		code === 0x20_29 ||
		code === 0x20_2f ||
		code === 0x20_5f ||
		code === 0x30_00 ||
		code === 0xfe_ff
	);
}

/** Whether the last token of a text reads as a page number (`118`, `1O3`, `xii`). */
export function endsInPageToken(text: string): boolean {
	const last = trailing(text, /\S/);
	return last !== '' && pageToken.test(last) && /[\p{Nd}ivxlcdIVXLCD]/u.test(last);
}
