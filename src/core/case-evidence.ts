/**
 * Evidence on a difference of case (#16): `History` / `history`, `CHAPTER` / `Chapter`. Three
 * things a reader looks at:
 * - the same word elsewhere in the printings, in the same place in a title (first or not): a
 *   form printed five times elsewhere beats one printed nowhere else, and one printed ten times
 *   as often as the other (which may be another slip);
 * - the book's first letters: where nineteen titles in twenty begin with a capital, a title
 *   begun in small letters is the slip (and the reverse);
 * - the title's own case: in a title otherwise in capitals, a word not in capitals is the slip;
 *   in a title of mixed case, a long word in capitals alone is likelier the slip (less sure:
 *   an acronym is printed so on purpose);
 * - the book's title case: where nine in ten long words after a title's first are capitalised,
 *   a long word in small letters is the slip (the reverse says nothing: a name is capitalised in
 *   any style).
 *
 * Pure; the table of words is made once for both printings (`caseTable`).
 */
import {printedWords} from './chars.js';
import {otherSide, strong, toward, weak, type Evidence, type Side} from './evidence.js';
import type {Difference, RowDraft, TocItem} from './types.js';

/** Words of a title as printed, with whether each is the title's first. */
function wordsOf(title: string): Array<{readonly word: string; readonly first: boolean}> {
	return printedWords(title).map((word, k) => ({word, first: k === 0}));
}

const isUpper = (word: string): boolean => word === word.toUpperCase() && word !== word.toLowerCase();
const startsUpper = (word: string): boolean => {
	const head = [...word][0] ?? '';
	return head !== head.toLowerCase();
};

/** Whether a word has four characters or more (code points, as `[...word]` counts them), counted only where its length leaves a doubt. */
function isLong(word: string): boolean {
	if (word.length < 4) return false;
	if (word.length >= 8) return true;
	return [...word].length >= 4;
}

/** What case evidence reads: the words of both printings as printed, and the book's title case. */
export type CaseTable = {
	/** How often each word is printed as a title's first word, and after it. */
	readonly count: Readonly<{first: ReadonlyMap<string, number>; rest: ReadonlyMap<string, number>}>;
	/** Of long words after a title's first, in titles not all in capitals: the share capitalised. */
	readonly titleCase: number | undefined;
	/** Of titles whose first word is a word with case: the share that begin with a capital. */
	readonly firstCapital: number | undefined;
};

/**
 * Count the words of all titles as printed, by place, and the share of long words capitalised.
 * Each title is read once, counted as often as it is printed: two printings share most of their
 * titles; and a word's place picks its table, rather than a key made a word (#17).
 */
export function caseTable(items: Iterable<TocItem>): CaseTable {
	const titles = new Map<string, number>();
	for (const item of items) titles.set(item.title, (titles.get(item.title) ?? 0) + 1);
	const first = new Map<string, number>();
	const rest = new Map<string, number>();
	let long = 0;
	let capitalised = 0;
	let opened = 0;
	let openedCapital = 0;
	for (const [title, times] of titles) {
		const words = printedWords(title);
		const head = words[0] === undefined || !title.startsWith(words[0]) ? '' : ([...words[0]][0] ?? '');
		if (head.toLowerCase() !== head.toUpperCase()) {
			opened += times;
			if (head !== head.toLowerCase()) openedCapital += times;
		}

		let allUpper = true;
		for (const word of words) {
			if (word.length >= 2 && !isUpper(word)) {
				allUpper = false;
				break;
			}
		}

		for (let k = 0; k < words.length; k++) {
			const word = words[k]!;
			const counts = k === 0 ? first : rest;
			counts.set(word, (counts.get(word) ?? 0) + times);
			if (k > 0 && !allUpper && isLong(word)) {
				long += times;
				if (startsUpper(word)) capitalised += times;
			}
		}
	}

	return {count: {first, rest}, titleCase: long >= 20 ? capitalised / long : undefined, firstCapital: opened >= 20 ? openedCapital / opened : undefined};
}

/** The word of each reading that differs from the other only in case, with its place in its title. */
function changedWord(difference: Difference, row: RowDraft): {readonly a: string; readonly b: string; readonly first: boolean} | undefined {
	const a = wordsOf(difference.a).map(({word}) => word);
	const b = wordsOf(difference.b).map(({word}) => word);
	if (a.length !== b.length) return undefined;
	const k = a.findIndex((word, at) => word !== b[at] && word.toLowerCase() === b[at]!.toLowerCase());
	if (k < 0) return undefined;
	const titleWords = row.a === null ? [] : wordsOf(row.a.title);
	const first = titleWords[0]?.word === a[k];
	return {a: a[k]!, b: b[k]!, first};
}

/** How often a word is printed in the row's two items, to take from the table's count. */
function ownCount(row: RowDraft, word: string, first: boolean): number {
	let own = 0;
	for (const item of [row.a, row.b]) {
		if (item !== null) own += wordsOf(item.title).filter((each) => each.word === word && each.first === first).length;
	}

	return own;
}

/**
 * The evidence on one case difference.
 *
 * @example
 * caseEvidence(difference, row, caseTable(items), {a: 'A', b: 'B'}) // [{weight: 2.2, why: '“History” is printed so 4 times elsewhere, “history” nowhere'}]
 */
export function caseEvidence(difference: Difference, row: RowDraft, table: CaseTable, ids: Readonly<Record<Side, string>>): Evidence[] {
	if (row.a === null || row.b === null || difference.field !== 'title') return [];
	const changed = changedWord(difference, row);
	if (changed === undefined) return [];
	const evidence: Evidence[] = [];
	const elsewhere = (word: string): number => ((changed.first ? table.count.first : table.count.rest).get(word) ?? 0) - ownCount(row, word, changed.first);
	const counts = {a: elsewhere(changed.a), b: elsewhere(changed.b)};
	for (const side of ['a', 'b'] as const) {
		const other = otherSide(side);
		if (counts[side] > 0 && counts[other] === 0) {
			const weight = counts[side] >= 3 ? strong : weak;
			const times = counts[side] === 1 ? 'once' : `${counts[side]} times`;
			evidence.push(toward(side, weight, `“${changed[side]}” is printed so ${times} elsewhere, “${changed[other]}” nowhere`));
		}
	}

	// A word printed in one form many times elsewhere and in the other once or twice (the other
	// perhaps another slip of the same kind): `of` 40 times, `Of` once.
	for (const side of ['a', 'b'] as const) {
		const other = otherSide(side);
		if (counts[other] > 0 && counts[side] >= 5 && counts[side] >= 10 * counts[other]) {
			const times = counts[other] === 1 ? 'once' : `${counts[other]} times`;
			evidence.push(toward(side, strong, `“${changed[side]}” is printed so ${counts[side]} times elsewhere, “${changed[other]}” ${times}`));
		}
	}

	// The title's own case: the other words (two letters or more) of the item that holds each reading.
	const othersIn = (title: string, word: string): string[] =>
		wordsOf(title)
			.map((each) => each.word)
			.filter((each) => each !== word && each.length >= 2);
	const others = {a: othersIn(row.a.title, changed.a), b: othersIn(row.b.title, changed.b)};

	// Whether every other word of one reading's title (two or more of them) passes `test`.
	const restAll = (side: Side, test: (word: string) => boolean): boolean => others[side].length >= 2 && others[side].every((word) => test(word));
	const upper = {a: isUpper(changed.a), b: isUpper(changed.b)};
	const notUpper = (word: string): boolean => !isUpper(word);
	if (upper.a !== upper.b) {
		const capitals: Side = upper.a ? 'a' : 'b';
		const small = otherSide(capitals);
		if (restAll(small, isUpper) && restAll(capitals, isUpper)) {
			// Three capital words or more around it leave no doubt of the title's style.
			const weight = others[capitals].length >= 3 ? strong : 1.5;
			evidence.push(toward(capitals, weight, `the rest of the title is in capitals, as “${changed[capitals]}” is`));
		} else if (restAll(small, notUpper) && restAll(capitals, notUpper) && [...changed.a].length >= 4)
			evidence.push(toward(small, weak, `no other word of the title is in capitals, as “${changed[capitals]}” is`));
	}

	// The book's title case: a long word in small letters where nine in ten are capitalised.
	const capitalised = {a: startsUpper(changed.a), b: startsUpper(changed.b)};
	const titleCase = table.titleCase ?? 0;
	if (!changed.first && titleCase >= 0.9 && [...changed.a].length >= 4 && upper.a === upper.b && capitalised.a !== capitalised.b) {
		const side: Side = capitalised.a ? 'a' : 'b';
		const share = `${Math.round(titleCase * 100)} % of the long words in the titles of ${ids.a} and ${ids.b}`;
		evidence.push(toward(side, weak, `${share} are capitalised, as “${changed[side]}” is`));
	}

	// The book's first letters: where the titles of both printings begin with a capital, nineteen
	// in twenty or more, a title begun in small letters is the slip (and the reverse).
	const firstCapital = table.firstCapital;
	if (changed.first && firstCapital !== undefined && upper.a === upper.b && capitalised.a !== capitalised.b && (firstCapital >= 0.95 || firstCapital <= 0.05)) {
		const side: Side = capitalised.a === firstCapital >= 0.95 ? 'a' : 'b';
		const share = Math.round((firstCapital >= 0.95 ? firstCapital : 1 - firstCapital) * 100);
		const how = firstCapital >= 0.95 ? 'a capital' : 'a small letter';
		evidence.push(toward(side, strong, `${share} % of the titles of ${ids.a} and ${ids.b} begin with ${how}, as “${changed[side]}” does`));
	}

	// A capital after a small letter inside a word (`cemeterieS`, `IMageS`, `аКТИВНОСТИ`) is printed by
	// no style: a recogniser's slip, where the other reading keeps one case after its first letter.
	const mixed = {a: mixedCase(changed.a), b: mixedCase(changed.b)};
	if (mixed.a !== mixed.b) {
		const slip: Side = mixed.a ? 'a' : 'b';
		evidence.push(toward(otherSide(slip), strong, `“${changed[slip]}” mixes small letters and capitals inside the word, as no style prints it`));
	}

	return evidence;
}

/**
 * Whether a word has a capital after a small letter (`cemeterieS`, `IMageS`), not where a name's
 * parts start (`McDonald`, `DeVries`, `MacArthur`: a capital after one to three small letters that
 * follow the first capital), nor an abbreviation in small letters and capitals (`kWh`, `pH`: short).
 */
function mixedCase(word: string): boolean {
	if ([...word].length < 4) return false;
	const letters = word.replaceAll(/[^\p{L}]/gu, '');
	if (!/\p{Ll}\p{Lu}/u.test(letters)) return false;
	// A name of two capitalised parts: `McDonald`, `MacArthur`, `DeVries`, `LaFontaine`, `d'Artagnan`.
	return !/^\p{Lu}\p{Ll}{1,3}\p{Lu}\p{Ll}+$/u.test(letters);
}
