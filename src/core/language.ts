/**
 * The language of a contents page, told cheaply: Cyrillic script is Russian; otherwise the most
 * frequent short function words decide between English, French, German and Dutch.
 */
import type {Language, Printing} from './types.js';

/** Function words frequent in titles, and rare in the other languages' titles. */
const stopWords: Readonly<Record<Exclude<Language, 'ru'>, readonly string[]>> = {
	en: ['the', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'from', 'by', 'at', 'an', 'its', 'their', 'is'],
	fr: ['le', 'la', 'les', 'des', 'du', 'et', 'un', 'une', 'au', 'aux', 'sur', 'pour', 'dans', 'par', 'est'],
	de: ['der', 'die', 'das', 'und', 'von', 'zu', 'den', 'im', 'mit', 'für', 'auf', 'ein', 'eine', 'über', 'ist'],
	nl: ['het', 'een', 'van', 'en', 'op', 'voor', 'met', 'aan', 'bij', 'uit', 'naar', 'zijn', 'ik', 'wij'],
};

// Whole-text regular expressions rather than a loop over words: this runs on every comparison,
// and on a cold start the regular expression engine is many times faster than interpreted code.
const stopPatterns = Object.entries(stopWords).map(([language, words]) => [language, new RegExp(` (?:${words.join('|')})(?= )`, 'g')] as const);

/** Enough items to tell a language by; reading more only costs time. */
const sample = 300;

/**
 * The language of the printings' titles, or undefined when nothing tells (too few words). Reads
 * the first few hundred items of each printing.
 *
 * @example detectLanguage(comparison.printings) // 'en'
 */
export function detectLanguage(printings: readonly Printing[]): Language | undefined {
	const titles = printings.flatMap((printing) => printing.items.slice(0, sample).map((item) => item.title)).join(' ');
	// Counting letters makes an array of them: do it only when there is Cyrillic at all.
	if (/\p{Script=Cyrillic}/u.test(titles) && (titles.match(/\p{Script=Cyrillic}/gu)?.length ?? 0) > (titles.match(/\p{Script=Latin}/gu)?.length ?? 0)) return 'ru';
	const words = ` ${titles.toLowerCase().replaceAll(/[^\p{L}]+/gu, ' ')} `;
	let best: Language | undefined;
	let most = 1;
	for (const [language, pattern] of stopPatterns) {
		const count = words.match(pattern)?.length ?? 0;
		if (count > most) {
			best = language as Language;
			most = count;
		}
	}

	return best;
}
