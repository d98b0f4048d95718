/**
 * Evidence on a respelling by the letters that tell it apart (#16): `масс` / `массъ`,
 * `Заключение` / `Заключеніе`. An orthography shows in letters that another never prints (a
 * final `ъ`, `і`, `ѣ`). Where the letters one reading has and the other lacks are printed in no
 * other word of either printing, and the other reading's are (or it has none of its own), the
 * first reading is the odd one: a slip, or a word set in another house's spelling.
 *
 * Pure; the table of words is made once for both printings (`letterTable`).
 */
import {printedWords} from './chars.js';
import {commonEnds} from './distance.js';
import {otherSide, toward, type Evidence, type Side} from './evidence.js';
import type {Difference, RowDraft, TocItem} from './types.js';

/**
 * The words of all titles of both printings, lower-cased, each once; and how many of them print
 * some letters, at their end or anywhere, counted on first need (a long contents page asks the
 * same few letters over and over).
 */
export type LetterTable = {readonly words: ReadonlySet<string>; readonly uses: (letters: string, final: boolean) => number};

/** Fewer distinct words than this show no orthography. */
const fewestWords = 30;
/** How many other words must print the letters of the reading that keeps the style. */
const fewestUses = 3;
/** How many times as many words must print the other reading's letters, where some print this one's. */
const rareAgainst = 20;
/** The weight: a house style, less sure than a dictionary (a word may keep an old form on purpose). */
const weight = 1.5;

export function letterTable(items: Iterable<TocItem>): LetterTable {
	// Each title read once: two printings share most of their titles (#17).
	const titles = new Set<string>();
	for (const item of items) titles.add(item.title);
	const words = new Set<string>();
	for (const title of titles) for (const word of printedWords(title)) words.add(word.toLowerCase());
	const counted = new Map<string, number>();
	return {
		words,
		uses(letters, final) {
			const key = `${final ? '$' : '*'}${letters}`;
			let count = counted.get(key);
			if (count === undefined) {
				count = 0;
				for (const word of words) if (final ? word.endsWith(letters) : word.includes(letters)) count++;
				counted.set(key, count);
			}

			return count;
		},
	};
}

/** The letters that tell two spellings of a word apart, and whether they end it (`масс`/`массъ`: `ъ` at the end). */
function differingLetters(a: string, b: string): {readonly a: string; readonly b: string; readonly final: boolean} | undefined {
	const {start, end} = commonEnds(a, b);
	const da = a.slice(start, a.length - end);
	const db = b.slice(start, b.length - end);
	if ((da === '' && db === '') || da.length > 2 || db.length > 2 || !/^\p{L}*$/u.test(da + db)) return undefined;
	return {a: da, b: db, final: end === 0};
}

/**
 * The evidence on one spelling difference.
 *
 * @example
 * letterEvidence(difference, row, letterTable(items)) // [{weight: 1.5, why: 'no other word of the printings ends in “ъ”, as “массъ” does'}]
 */
export function letterEvidence(difference: Difference, row: RowDraft, table: LetterTable): Evidence[] {
	if (row.a === null || row.b === null || difference.field !== 'title' || table.words.size < fewestWords) return [];
	const words = {a: difference.a.trim().toLowerCase(), b: difference.b.trim().toLowerCase()};
	if (!/\p{L}/u.test(words.a) || /\s/.test(words.a) || /\s/.test(words.b)) return [];
	const letters = differingLetters(words.a, words.b);
	if (letters === undefined) return [];
	// How many other words print the letters where this reading does (at the end, or anywhere).
	const uses = (side: Side): number => {
		const own = letters[side];
		if (own === '') return Number.POSITIVE_INFINITY;
		// Less the row's own two words, where the table holds them.
		const prints = (word: string): boolean => table.words.has(word) && (letters.final ? word.endsWith(own) : word.includes(own));
		return table.uses(own, letters.final) - (prints(words.a) ? 1 : 0) - (words.b !== words.a && prints(words.b) ? 1 : 0);
	};

	const count = {a: uses('a'), b: uses('b')};
	for (const side of ['a', 'b'] as const) {
		const other = otherSide(side);
		if (count[side] === 0 && count[other] >= fewestUses) {
			const where = letters.final ? 'ends in' : 'has';
			const does = letters.final ? 'does' : 'has';
			return [toward(other, weight, `no other word of the printings ${where} “${letters[side]}”, as “${difference[side].trim()}” ${does}`)];
		}

		// A few other words print them (the same slip elsewhere) where twenty times as many print the
		// other reading's; where that reading adds no letters of its own, twenty times as many words.
		const against = Number.isFinite(count[other]) ? count[other] : table.words.size;
		if (count[side] > 0 && against >= rareAgainst * count[side]) {
			const one = count[side] === 1;
			const few = one ? 'one other word' : `${count[side]} other words`;
			const verb = letters.final ? (one ? 'ends in' : 'end in') : one ? 'has' : 'have';
			const others = Number.isFinite(count[other]) ? `and ${count[other]} “${letters[other]}”` : `of ${table.words.size} words`;
			return [toward(other, weight, `${few} of the printings ${verb} “${letters[side]}”, ${others}`)];
		}
	}

	return [];
}
