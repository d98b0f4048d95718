/**
 * The language of a contents page, told cheaply: Cyrillic script is Russian; otherwise the most
 * frequent short function words decide between English, French, German and Dutch. Character
 * ranges rather than Unicode property escapes, which cost a millisecond to compile at start-up.
 */
import {countOf, cyrillicLetter, latinLetter} from './chars.js';
import type {Language, Printing} from './types.js';

/** Function words frequent in titles, and rare in the other languages' titles. */
const stopWords: Readonly<Record<Exclude<Language, 'ru'>, readonly string[]>> = {
	en: ['the', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'from', 'by', 'at', 'an', 'its', 'their', 'is'],
	fr: ['le', 'la', 'les', 'des', 'du', 'et', 'un', 'une', 'au', 'aux', 'sur', 'pour', 'dans', 'par', 'est'],
	de: ['der', 'die', 'das', 'und', 'von', 'zu', 'den', 'im', 'mit', 'für', 'auf', 'ein', 'eine', 'über', 'ist'],
	nl: ['het', 'een', 'van', 'en', 'op', 'voor', 'met', 'aan', 'bij', 'uit', 'naar', 'zijn', 'ik', 'wij'],
};

/** Each stop word and the language it votes for (`en`, `de`, … are in one list only). */
const voteOf: ReadonlyMap<string, Exclude<Language, 'ru'>> = new Map(
	(Object.entries(stopWords) as Array<[Exclude<Language, 'ru'>, readonly string[]]>).flatMap(([language, words]) =>
		words.map((word) => [word, language] as const),
	),
);

/** Enough items to tell a language by; reading more only costs time at start-up. */
const sample = 50;

/**
 * The language of the printings' titles, or undefined when nothing tells (too few words). Reads
 * the first fifty items of each printing.
 *
 * @example detectLanguage(comparison.printings) // 'en'
 */
export function detectLanguage(printings: readonly Printing[]): Language | undefined {
	const titles = printings.flatMap((printing) => printing.items.slice(0, sample).map((item) => item.title)).join(' ');
	// Counting Latin letters makes an array of them: only when there is Cyrillic at all.
	const cyrillic = countOf(cyrillicLetter, titles);
	if (cyrillic > 0 && cyrillic > countOf(latinLetter, titles)) return 'ru';
	const votes = {en: 0, fr: 0, de: 0, nl: 0};
	for (const word of titles.toLowerCase().split(' ')) {
		const language = voteOf.get(word);
		if (language !== undefined) votes[language]++;
	}

	const [best, count] = Object.entries(votes).sort((x, y) => y[1] - x[1])[0] as [Exclude<Language, 'ru'>, number];
	return count >= 2 ? best : undefined;
}
