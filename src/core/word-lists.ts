/**
 * Words that tell what a number beside them is, one table each, in the languages of the corpus
 * (English, French, Dutch, German, Russian): months (`JULY 19` is a date), references (`No. 18`,
 * `p. 12`), years (`1920 г.`) and divisions (`Chapter 12`, `том 3`). The parser reads a number
 * after any of them as part of the title rather than a page; the classifier shows a month or a
 * reference beside a number that differs; the label reader numbers divisions.
 * Each is a regular-expression alternation, matched whole and without regard to case.
 */

/** Each month's names, full and abbreviated, in English, French, Dutch, German and Russian, January first. */
const monthsOfTheYear = [
	'jan(?:uary)?|janvier|januari|januar|января',
	'feb(?:ruary)?|février|februari|februar|февраля',
	'mar(?:ch)?|mars|maart|märz|марта',
	'apr(?:il)?|avril|апреля',
	'may|mai|mei|мая',
	'june?|juin|juni|июня',
	'july?|juillet|juli|июля',
	'aug(?:ust)?|août|augustus|августа',
	'sept?(?:ember)?|septembre|сентября',
	'oct(?:ober)?|octobre|oktober|октября',
	'nov(?:ember)?|novembre|ноября',
	'dec(?:ember)?|décembre|dezember|декабря',
];

/** Month names, full and abbreviated. */
export const monthNames = monthsOfTheYear.join('|');

const monthPatterns = monthsOfTheYear.map((names) => new RegExp(`^(?:${names})$`, 'iu'));

/** The month a name stands for, 1 to 12 (`NOV` → 11, `ноября` → 11), or undefined. */
export function monthNumber(name: string): number | undefined {
	const index = monthPatterns.findIndex((pattern) => pattern.test(name));
	return index < 0 ? undefined : index + 1;
}

/** Words before a number that it refers by: an issue, a volume (`tome`, `Band`), a page. */
export const referenceWords = 'no\\.?|nos\\.?|vol\\.?|tome|band|№|p\\.|pp\\.';

/** Words after a year (`1920 г.`, `1920 года`). */
export const yearWords = 'года?|г\\.';

/** A year as contents print one, 1500 to 2099 (a pattern, to be anchored where it is used). */
export const yearDigits = String.raw`(?:1[5-9]|20)\d\d`;

/**
 * The division words after which the parser takes a number at a line's end for the division's own
 * (`Volume 3`, `том 2`) rather than a page: a few of `divisionWords`. With all of them (`Letter 18`,
 * `deel 4` …) the real-OCR cases lost more pages than they kept (difference F1 57.8 → 57.6).
 */
export const pagelessDivisions = 'volume|part|book|chapter|том';

/** Words that introduce a numbered division. */
export const divisionWords = [
	'part|chapter|chap\\.?|book|section|sect\\.?|appendix|lecture|letter|canto|act|scene|volume|vol\\.?',
	'partie|chapitre|livre|annexe',
	'teil|kapitel|buch|anhang',
	'deel|hoofdstuk|boek|bijlage',
	'часть|глава|книга|раздел|приложение|том|отдел',
].join('|');
