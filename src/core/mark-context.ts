/**
 * The marks inside titles (#16, #18): the comma or full stop after a word that the title goes on
 * from. A book prints the same context the same way, title after title (`DECEMBER 6, 1920`,
 * `AUGUST 2, 1920`), and OCR reads a comma as a stop and a stop as a comma (`AUGUST 2. 1920`). So
 * the mark the other titles of both printings put in the same context, the shapes of the word before
 * it and of the word after it (a day before a year, a word in capitals before another), shows which
 * reading is the slip.
 *
 * Pure: items in, counts out; `suggest.ts` weighs them.
 */
import type {StyleOptions} from './house-style.js';
import type {TocItem} from './types.js';
import {yearDigits} from './word-lists.js';

/** The marks a context is counted for: none, and the four a word can end with. */
export type InnerMark = '' | ',' | '.' | ';' | ':';

/** How often each mark follows a word in a context (`day year`, `capitals capitals`), over every title of both printings. */
export type MarkTable = ReadonlyMap<string, Readonly<Record<InnerMark, number>>>;

const year = new RegExp(`^${yearDigits}$`);

/** The shape of a word, as the context of a mark; undefined for words of no clear shape (`R.C.P.(B.)`, `J`). */
function shape(word: string): string | undefined {
	if (/^\p{Nd}{1,2}$/u.test(word)) return 'day';
	if (year.test(word)) return 'year';
	if (/^\p{Nd}+$/u.test(word)) return 'number';
	if (/^\p{Lu}[\p{Lu}'’-]+$/u.test(word)) return 'capitals';
	if (/^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(word)) return 'capitalised';
	if (/^\p{Ll}[\p{Ll}'’-]*$/u.test(word)) return 'small';
	return undefined;
}

const shapeNames: Readonly<Record<string, string>> = {
	day: 'a day',
	year: 'a year',
	number: 'a number',
	capitals: 'a word in capitals',
	capitalised: 'a capitalised word',
	small: 'a word in small letters',
};

/** A token as a word and the mark after it (`1920,` → `1920`, `,`), or undefined when it ends otherwise. */
function split(token: string): {readonly word: string; readonly mark: InnerMark} | undefined {
	const found = /^(.*?[\p{L}\p{N}])([.,;:]?)$/u.exec(token);
	return found ? {word: found[1]!, mark: found[2]! as InnerMark} : undefined;
}

/** The context of the mark after `token`, with `next` the token after it; undefined when either has no clear shape. */
function contextOf(token: string, next: string): {readonly key: string; readonly mark: InnerMark} | undefined {
	const parts = split(token);
	if (parts === undefined) return undefined;
	const before = shape(parts.word);
	const after = shape(next.replace(/^[«“"'‘(]+/u, '').replace(/[.,;:»”"'’)]+$/u, ''));
	return before === undefined || after === undefined ? undefined : {key: `${before} ${after}`, mark: parts.mark};
}

const tokensOf = (title: string): string[] => title.split(/\s+/u).filter((token) => token !== '');

/** Count the marks after every word of every title that the title goes on from, by context. */
export function markTable(items: readonly TocItem[]): MarkTable {
	const table = new Map<string, Record<InnerMark, number>>();
	for (const item of items) {
		if (item.type !== 'entry') continue;
		const tokens = tokensOf(item.title);
		for (let k = 0; k + 1 < tokens.length; k++) {
			const token = tokens[k]!;
			const next = tokens[k + 1]!;
			// A word with no mark after it counts only beside a number: between words `judgeMark` weighs marks alone.
			if (!/[.,;:]$/u.test(token) && !/\p{Nd}/u.test(token) && !/\p{Nd}/u.test(next)) continue;
			const found = contextOf(token, next);
			if (found === undefined) continue;
			let counts = table.get(found.key);
			if (counts === undefined) {
				counts = {'': 0, ',': 0, '.': 0, ';': 0, ':': 0};
				table.set(found.key, counts);
			}

			counts[found.mark]++;
		}
	}

	return table;
}

/** What the other titles say of a mark that two readings differ in. */
export type MarkVerdict = {
	/** The reading that keeps the titles' usage. */
	readonly reading: 'a' | 'b';
	/** Other titles with the kept reading's mark in this context, and with either reading's. */
	readonly following: number;
	readonly comparable: number;
	/** Why, in a line: `a day before a year takes a comma 37 times in 38 elsewhere in the printings`. */
	readonly why: string;
};

const markNames: Readonly<Record<InnerMark, string>> = {'': 'no mark', ',': 'a comma', '.': 'a full stop', ';': 'a semicolon', ':': 'a colon'};

/**
 * The verdict on a difference in the mark after one word inside a title (`2,` / `2.` in
 * `AUGUST 2, 1920`): the reading whose mark the other titles of both printings print in the same
 * context, where they agree (`threshold` of them, `minimum` at least, as a house style must); undefined where they do not, or
 * where the difference is no such mark.
 */
export function judgeMark(
	readings: {readonly a: string; readonly b: string},
	titles: {readonly a: string; readonly b: string},
	table: MarkTable,
	options: Required<StyleOptions>,
): MarkVerdict | undefined {
	const a = split(readings.a.trim());
	const b = split(readings.b.trim());
	if (a === undefined || b === undefined || a.word !== b.word || a.mark === b.mark) return undefined;
	// The word and the one after it, in each printing's title: the mark must stand inside the title.
	const place = (title: string, token: string): string | undefined => {
		const tokens = tokensOf(title);
		const at = tokens.indexOf(token);
		return at < 0 || at + 1 >= tokens.length ? undefined : contextOf(token, tokens[at + 1]!)?.key;
	};

	const key = place(titles.a, readings.a.trim());
	if (key === undefined || key !== place(titles.b, readings.b.trim())) return undefined;
	// Between two words most titles print no mark at all, so a mark lost between words (`Smith, John`
	// / `Smith John`) would always lose: a mark against none is weighed only beside a number (`2, 1920`).
	if ((a.mark === '' || b.mark === '') && !/day|year|number/u.test(key)) return undefined;
	const counts = table.get(key);
	if (counts === undefined) return undefined;
	// The two titles of this row counted themselves: each once.
	const forA = Math.max(0, counts[a.mark] - 1);
	const forB = Math.max(0, counts[b.mark] - 1);
	const comparable = forA + forB;
	if (comparable < options.minimum) return undefined;
	const reading = forA >= forB ? 'a' : 'b';
	const following = Math.max(forA, forB);
	if (following < options.threshold * comparable) return undefined;
	const [before, after] = key.split(' ') as [string, string];
	const mark = reading === 'a' ? a.mark : b.mark;
	return {
		reading,
		following,
		comparable,
		why: `${shapeNames[before]} before ${shapeNames[after]} takes ${markNames[mark]} ${following} times in ${comparable} elsewhere in the printings`,
	};
}
