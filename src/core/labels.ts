/**
 * Numbering labels at the start of an entry: Roman (`IV.`), Arabic (`12.`, `1.2`), letters
 * (`(a)`), words (`Part One`, `Chapter II`, `Глава 3`), and OCR misreadings of Roman numerals
 * (`Il.`, `П.`, `1V.`).
 */
import {isLetter, isLetterOrDigit} from './chars.js';
import type {LabelValue} from './types.js';
import {divisionWords} from './word-lists.js';

/** A label found at the start of a line, with the text that follows it. */
export type LabelMatch = {
	/** The label as printed, without surrounding whitespace (`II.`, `Chapter II`). */
	readonly label: string;
	readonly value: LabelValue;
	/** Everything after the label and the space that follows it. */
	readonly rest: string;
	/** The exact separator printed between the label and `rest`. */
	readonly gap: string;
};

const romanDigits: Readonly<Record<string, number>> = {I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000};

/** The value of a well-formed Roman numeral (either case), or undefined. */
export function romanValue(text: string): number | undefined {
	const upper = text.toUpperCase();
	if (!/^[IVXLCDM]+$/.test(upper)) return undefined;
	let total = 0;
	for (let i = 0; i < upper.length; i++) {
		const value = romanDigits[upper[i]!]!;
		const next = romanDigits[upper[i + 1] ?? ''] ?? 0;
		total += value < next ? -value : value;
	}

	// Round-trip to reject malformed numerals such as `IIII`, `VX` or `MIM`.
	return toRoman(total) === upper ? total : undefined;
}

/** Write a number from 1 to 3999 as an upper-case Roman numeral. */
export function toRoman(value: number): string {
	const table: ReadonlyArray<readonly [number, string]> = [
		[1000, 'M'],
		[900, 'CM'],
		[500, 'D'],
		[400, 'CD'],
		[100, 'C'],
		[90, 'XC'],
		[50, 'L'],
		[40, 'XL'],
		[10, 'X'],
		[9, 'IX'],
		[5, 'V'],
		[4, 'IV'],
		[1, 'I'],
	];
	let rest = value;
	let out = '';
	for (const [n, s] of table) {
		while (rest >= n) {
			out += s;
			rest -= n;
		}
	}

	return out;
}

/**
 * Read a Roman numeral that OCR may have garbled: `l`, `1`, `|` and Cyrillic `І` for `I`;
 * Cyrillic `П` (two strokes under a bar) for `II`, `Ш` for `III`, `Х` for `X`, `У` for `V`.
 * Returns its value, or undefined.
 */
export function ocrRomanValue(text: string): number | undefined {
	const direct = romanValue(text);
	if (direct !== undefined && text === text.toUpperCase()) return direct;
	// `|` alone is `I` misread (`|.`); `i` and `l` among capitals too (`Vill.`, `Vil.`); Cyrillic
	// look-alikes in Russian contents (`ТУ.` for IV., `У.` for V.).
	if (text === '|') return 1;
	const fixed = text
		.replaceAll(/[l1|іІТГT]/g, 'I')
		.replaceAll('И', 'II')
		.replaceAll(/(?<=[IVXLCDM])i|i(?=[IVXLCDM])/g, 'I')
		.replaceAll('П', 'II')
		.replaceAll('Ш', 'III')
		.replaceAll(/[Хх]/g, 'X')
		.replaceAll('У', 'V');

	// A misreading must still look like a numeral: upper case, with at least one true digit or a
	// Cyrillic numeral.
	if (!/^[IVXLCDM]+$/.test(fixed) || !/[IVXПШУИ]/.test(text)) return undefined;
	// A last `L` after `X`s is an `I` read with its serif (`XIL.`, `XXXL.`).
	return romanValue(fixed) ?? (/^X+I*L$/.test(fixed) ? romanValue(`${fixed.slice(0, -1)}I`) : undefined);
}

/** Each word's value, from 1 in order. */
const counting = (words: string): Record<string, number> => Object.fromEntries(words.split(' ').map((word, index) => [word, index + 1]));

/**
 * Number words after a division word (`Part One`, `Chapitre quatre`, `Teil zwei`, `Часть первая`),
 * 1 to 20 as cardinals and 1 to 10 (English 1 to 20) as ordinals, in the languages of
 * `divisionWords`. A word two languages share (`six`, `vier`, `acht`) means the same in both.
 */
const numberWords: Readonly<Record<string, number>> = {
	...counting('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'),
	...counting(
		'first second third fourth fifth sixth seventh eighth ninth tenth ' +
			'eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth',
	),
	...counting('un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt'),
	...counting('premier deuxième troisième quatrième cinquième sixième septième huitième neuvième dixième'),
	première: 1,
	une: 1,
	seconde: 2,
	...counting('eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf'),
	...counting('erster zweiter dritter vierter fünfter sechster siebenter achter neunter zehnter'),
	...counting('erstes zweites drittes viertes fünftes sechstes siebentes achtes neuntes zehntes'),
	...counting('een twee drie vier vijf zes zeven acht negen tien elf twaalf'),
	...counting('eerste tweede derde vierde vijfde zesde zevende achtste negende tiende'),
	...counting('первая вторая третья четвертая пятая шестая седьмая восьмая девятая десятая'),
	...counting('первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый'),
	четвёртая: 4,
	четвёртый: 4,
};

/** The division words (of `divisionWords`) that head a group of entries (`PART ONE`, `BOOK II`) rather than one entry (`CHAPTER I.`). */
export const groupWords: ReadonlySet<string> = new Set([
	'part',
	'book',
	'volume',
	'vol',
	'partie',
	'livre',
	'teil',
	'buch',
	'deel',
	'boek',
	'часть',
	'книга',
	'том',
]);

/** The first words of `divisionWords`, as typed (`chap.` and `chap` both), for a quick look-up. */
const divisionStart = new Set(
	divisionWords.split('|').flatMap((w) => {
		const plain = w.replaceAll('\\', '').replace('?', '');
		return plain.endsWith('.') ? [plain, plain.slice(0, -1)] : [plain, `${plain}.`];
	}),
);

const wordLabel = new RegExp(
	`^(?<word>${divisionWords})(?:\\s+(?<num>[IVXLCDMПlШ1]+|\\d+|[A-Za-z]\\b|${Object.keys(numberWords).join('|')}))?(?<punct>[.:]?)(?=\\s|—|--|$)`,
	'i',
);

/** Parse the value of the numeral after a division word. */
function numeralValue(text: string): number | undefined {
	if (/^\d+$/.test(text)) return Number(text);
	return numberWords[text.toLowerCase()] ?? ocrRomanValue(text);
}

/** Words that look like Roman numerals but begin titles far more often. */
const romanLookalikes = new Set(['I', 'MIX', 'DI', 'MI', 'LI', 'CD', 'DC', 'MD', 'CC', 'MM', 'CIV', 'DIV', 'MIL', 'LIV']);

/** The letters and dots that open `text` (`Chap.` of `Chap. IV`). */
export function firstWord(text: string): string {
	let end = 0;
	for (const ch of text) {
		if (ch !== '.' && !isLetter(ch)) break;
		end += ch.length;
	}

	return text.slice(0, end);
}

/** Whether a label may start with `first`: a letter, a digit, `(`, `[`, `§` or `|` (a misread `I`). */
export function canOpenLabel(first: string): boolean {
	return isLetterOrDigit(first) || '([§|'.includes(first);
}

/**
 * A Roman numeral label (with the letters OCR reads for its own: `l`, `1`, `|`, `П`, `Ш`, Cyrillic
 * look-alikes) and what ends it: a dot, a wide gap, or a space before a capital or an opening mark.
 */
const romanLabel = /^([IVXLCDMlПШ1|ХУТГИiT]{1,8})(?:(\.)(\s+|$)|(\t+| {2,})|( )(?=[A-ZА-Я"«“'(<_]))/u;

/**
 * Find a numbering label at the start of `text` (leading whitespace already removed).
 *
 * @example parseLabel('II. An Essential Condition') // {label: 'II.', value: {kind: 'roman', value: 2}, …}
 */
export function parseLabel(text: string): LabelMatch | undefined {
	// Each form below opens with a character of its own: look before running its pattern.
	const first = text.charAt(0);
	if (first === '' || !canOpenLabel(first)) return undefined;

	// `[Sidenote: CHAP. I.]` as Project Gutenberg transcribes a marginal chapter number.
	const sidenote = first === '[' ? /^\[Sidenote:\s*(?<inner>[^\]]+)\](?<gap>\s*)/i.exec(text) : null;
	if (sidenote?.groups) {
		const inner = parseLabel(sidenote.groups['inner']!.trim());
		if (inner && inner.rest === '') {
			return {label: sidenote[0].trimEnd(), value: inner.value, rest: text.slice(sidenote[0].length), gap: sidenote.groups['gap']!};
		}
	}

	const word = divisionStart.has(firstWord(text).toLowerCase()) ? wordLabel.exec(text) : null;
	if (word?.groups) {
		const rawWord = word.groups['word']!;
		const num = word.groups['num'];
		const value = num === undefined ? undefined : numeralValue(num);
		const after = text.slice(word[0].length);
		// `Appendix` alone is a title, not a label; `Part One`, `Chapter II` and `Appendix A` are labels.
		if (num !== undefined && (value !== undefined || /^[A-Za-z]$/.test(num))) {
			const gapMatch = /^(?:\s*(?:—|--|-|:|\.)\s*|\s+)/.exec(after);
			const gap = gapMatch?.[0] ?? '';
			return {
				label: word[0],
				value:
					value === undefined
						? {kind: 'word', word: rawWord.toLowerCase().replace(/\.$/, '')}
						: {kind: 'word', word: rawWord.toLowerCase().replace(/\.$/, ''), value},
				rest: after.slice(gap.length),
				gap,
			};
		}
	}

	// `§ 12`
	const section = first === '§' ? /^§\s*(\d+)\.?(\s+|$)/.exec(text) : null;
	if (section) {
		return {label: section[0].trimEnd(), value: {kind: 'arabic', value: Number(section[1])}, rest: text.slice(section[0].length), gap: section[2]!};
	}

	// `(a)`, `(_a_)`, `a)`
	const letter = first === '(' || text.charAt(1) === ')' ? /^(?:\((?:_)?([a-zа-я])(?:_)?\)|([a-zа-я])\))(\s+|$)/i.exec(text) : null;
	if (letter) {
		return {
			label: letter[0].trimEnd(),
			value: {kind: 'letter', value: (letter[1] ?? letter[2])!.toLowerCase()},
			rest: text.slice(letter[0].length),
			gap: letter[3]!,
		};
	}

	// `12.`, `12)`, `1.2.`, `1.2`, or a bare number before a wide gap.
	// `1.`, `1)`, `1.2.`, a number set off by a tab or wide spaces; and a dotted number with no
	// final dot before a capital (`1.1.1 Sources`), where `3.5 per cent` stays a title.
	const arabic =
		first >= '0' && first <= '9'
			? (/^(\d{1,3}(?:\.\d{1,3})*)(?:([.)])(\s+|$)|(\t+| {2,}))/.exec(text) ?? /^(\d{1,3}(?:\.\d{1,3})+)()( )(?=[A-ZА-ЯЁ])/.exec(text))
			: null;
	if (arabic) {
		const [, digits, , spaceAfterPunct, wideGap] = arabic;
		const rest = text.slice(arabic[0].length);
		// `1920. …` or `3.5 per cent` are not numbering.
		if (!(digits!.length >= 4 && !digits!.includes('.'))) {
			return {
				label: arabic[0].trimEnd(),
				value: {kind: 'arabic', value: Number(digits!.split('.').at(-1))},
				rest,
				gap: spaceAfterPunct ?? wideGap ?? '',
			};
		}
	}

	// Roman, `IV.` or `IV` before a wide gap; also OCR misreadings (`Il.`, `П.`, `1V.`).
	const roman = 'IVXLCDMlПШ1|ХУТГИ'.includes(first) ? romanLabel.exec(text) : null;
	if (roman) {
		const [, numeral, dot, spaceAfterDot, wideGap, singleSpace] = roman;
		const rest = text.slice(roman[0].length);
		const value = ocrRomanValue(numeral!);
		const isInitials = /^[A-ZА-Я]\.\s/u.test(rest) || /^[A-ZА-Я] [A-ZА-Я] [A-ZА-Я]/u.test(rest);
		const plausible =
			value !== undefined &&
			!isInitials &&
			(dot !== undefined || wideGap !== undefined || !romanLookalikes.has(numeral!)) &&
			// A single space after a numeral without a dot only counts for true Roman digits.
			(singleSpace === undefined || romanValue(numeral!) !== undefined);
		if (plausible) {
			return {
				label: roman[0].trimEnd(),
				value: {kind: 'roman', value},
				rest,
				gap: spaceAfterDot ?? wideGap ?? singleSpace ?? '',
			};
		}
	}

	return undefined;
}

/** Whether two label values stand for the same number or letter (`IV.` and `4.` agree). */
export function labelsAgree(a: LabelValue | undefined, b: LabelValue | undefined): boolean | undefined {
	if (a === undefined || b === undefined) return a === b ? undefined : false;
	const va = 'value' in a ? a.value : undefined;
	const vb = 'value' in b ? b.value : undefined;
	if (a.kind === 'word' && b.kind === 'word' && a.word !== b.word) return false;
	return va === vb;
}
