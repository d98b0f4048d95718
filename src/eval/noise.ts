/**
 * The evaluation's noise model: turn one real contents page into two printings of it, as two OCR
 * scans or two editions would differ, and record the truth (which item of A is which item of B,
 * and which differences were injected into each pair, with the exact strings).
 *
 * The model works on the text's lines. Its own light notion of an item: one non-empty line, or a
 * line without a page followed by its indented continuation that carries the page (a title the
 * book itself wrapped). An entry the model wraps over two lines stays one item spanning both.
 * Everything is drawn from a seeded PRNG, so a (page, seed, mode) triple always gives the same pair.
 *
 * Long (about 900 lines): the noise model is one generator whose kinds of noise draw on one random
 * stream in a fixed order; split, a change in one file would silently reshuffle every seeded case.
 */
import type {DifferenceKind} from '../core/types.js';
import {createRng, hashSeed, type Rng} from './rng.js';

/** Languages the noise model has spelling variants and filler words for. */
export type Language = 'en' | 'fr' | 'nl' | 'ru';

/** A contents page to make printings of. */
export type ContentsPage = {
	/** A short name, used in reports and mixed into the seed. */
	readonly name: string;
	readonly text: string;
	readonly language: Language;
	/** Lines of a title page (blank lines included) that a printing may carry before the contents. */
	readonly titlePage?: readonly string[];
	/** Lines a later edition adds to its title page (`SECOND EDITION`). */
	readonly titlePageExtra?: readonly string[];
};

/** How the two printings are handed to `compare`: two files, or one file holding both. */
export type Mode = 'two-files' | 'one-file';

/** Probabilities of each noise operation: per item unless noted. */
export type NoiseRates = {
	/** A letter confusion, dropped or doubled letter in one word. */
	readonly ocr: number;
	/** Of the OCR errors, the share that lands in A rather than B. */
	readonly ocrOnA: number;
	/** A spelling variant, where a word has one (`Bolsheviki's` / `Bolsheviks'`). */
	readonly spelling: number;
	/** A changed digit in a number inside the title; only items whose title holds digits. */
	readonly number: number;
	/** A changed digit in the page reference. */
	readonly page: number;
	readonly punctuation: number;
	/** Another style of leader (tab, dots, spaces) before the page. */
	readonly leaders: number;
	readonly case: number;
	/** A word added or dropped. */
	readonly words: number;
	/** The entry wrapped over two lines in B (should still pair). */
	readonly wrap: number;
	/** The item dropped from B. */
	readonly missing: number;
	/** The item dropped from A, so that B has it extra. */
	readonly extra: number;
	/** Per pair: one item of B moved elsewhere. */
	readonly move: number;
	/** Per pair: B's tail cut off. */
	readonly truncation: number;
	/** Per pair: A carries a title page too (only when B carries one). */
	readonly titlePageA: number;
	/** Per pair, two-files mode: B carries a title page (always in one-file mode). */
	readonly titlePageB: number;
	/** Per pair: B's title page has the edition's extra lines. */
	readonly titlePageExtra: number;
};

/** Rates that give a typical pair differences in roughly 5–20 % of its entries. */
export const defaultNoiseRates = {
	ocr: 0.04,
	ocrOnA: 0.3,
	spelling: 0.3,
	number: 0.1,
	page: 0.03,
	punctuation: 0.02,
	leaders: 0.02,
	case: 0.015,
	words: 0.015,
	wrap: 0.03,
	missing: 0.012,
	extra: 0.008,
	move: 0.4,
	truncation: 0.25,
	titlePageA: 0.5,
	titlePageB: 0.5,
	titlePageExtra: 0.5,
} as const satisfies NoiseRates;

/** Options for `makeNoisyPair`. */
export type NoiseOptions = {
	/** @default 'two-files' */
	readonly mode?: Mode;
	/** Override some rates; the rest come from `defaultNoiseRates`. */
	readonly rates?: Partial<NoiseRates>;
};

/**
 * A kind of difference the evaluation knows: the engine's kinds, and `invisible` (a zero-width
 * character in one printing only), which the engine does not name yet.
 */
export type EvalKind = DifferenceKind | 'invisible';

/** A difference the model injected, with the exact differing strings. */
export type InjectedDifference = {
	readonly kind: EvalKind;
	readonly a: string;
	readonly b: string;
	/** The printing the noise went into; the other holds the clean original (absent for moves). */
	readonly noisy?: 'a' | 'b';
};

/** An item of one printing, as the model laid it out. */
export type TruthItem = {
	/** Position in its printing's item list, from 0. */
	readonly index: number;
	/** First and last line (1-based, inclusive) in the file the printing is in. */
	readonly lines: readonly [number, number];
	/** The lines joined with `\n` (its own lines only, when `ownLines` is set). */
	readonly text: string;
	/**
	 * The item's own lines, when they are not every line of `lines`: a blank line or a running head
	 * fell inside it (the transformed families of `families.ts`). Absent: every line of `lines`.
	 */
	readonly ownLines?: readonly number[];
};

/** One printing: its file and its items. */
export type PrintingTruth = {
	readonly source: string;
	/** First and last non-empty line of the printing in its file. */
	readonly lines: readonly [number, number];
	readonly items: readonly TruthItem[];
};

/** Item `a` of A is item `b` of B. */
export type TruthPair = {
	readonly a: number;
	readonly b: number;
	/** What was injected; empty when the two are the same. */
	readonly differences: readonly InjectedDifference[];
	/** Kinds an engine may report here without being wrong (`whitespace` for a wrapped entry). */
	readonly optional: readonly EvalKind[];
};

/** An item with no partner in the other printing. */
export type TruthSingle = {
	readonly side: 'a' | 'b';
	readonly item: number;
	readonly kind: 'missing' | 'extra' | 'truncation';
	/** The noise dropped the item from the other printing (not an edition's own title-page lines): this side is the clean one. */
	readonly dropped: boolean;
};

/** Two printings of a page and the truth about them. */
export type NoisyPair = {
	readonly name: string;
	readonly seed: number;
	readonly mode: Mode;
	/** What to hand to `compare`: two files, or one. */
	readonly sources: ReadonlyArray<{readonly name: string; readonly text: string}>;
	readonly a: PrintingTruth;
	readonly b: PrintingTruth;
	readonly pairs: readonly TruthPair[];
	readonly singles: readonly TruthSingle[];
	/** One-file mode: the first line of B in the file. */
	readonly boundary?: number;
	/** One-file mode with further printings (`--third`): the first line of each printing after B in the file. */
	readonly later?: readonly number[];
	/**
	 * Lines of page furniture (running heads, folios, column heads) in A's and in B's file: part of
	 * no item. They must give no row, unless the engine marks them as furniture.
	 */
	readonly furniture?: {readonly a: readonly number[]; readonly b: readonly number[]};
};

/** A line split into the parts the noise operations touch: `indent + label + body + gap + page`. */
export type Line = {indent: string; label: string; body: string; gap: string; page: string};

/** One printing's rendering of an item. */
type Copy = {lines: Line[]; blankBefore: number};

type Unit = {
	a: Copy | undefined;
	b: Copy | undefined;
	diffs: InjectedDifference[];
	optional: DifferenceKind[];
	single?: TruthSingle['kind'];
	isTitlePage: boolean;
};

// A page at the end of a line, after a tab, two or more spaces or leader dots: `23`, `16-17`, `xi`, `131.`.
const pagePattern = /^(.*?\S)((?:[ \t]*(?:\. ?){2,}[ \t]*)|\t+|\s{2,})((?:\d+(?:[-–]\d+)?|[ivxlcdm]+)\.?)$/iu;
// A numbering label: `IV.`, `12.`, `a)`, `(_b_)`, `CHAPTER XI`.
const labelPattern = new RegExp(
	String.raw`^((?:[IVXLCDM]{1,7}|\d{1,4}|[a-zа-яё])[.)]|\(_?[a-zа-яё\d]{1,4}_?\)|` +
		String.raw`(?:CHAPTER|Chapter|CHAP\.|Chap\.|PART|Part|ГЛАВА|Глава|ЧАСТЬ|Часть)\s+[IVXLCDM\d]+[.:]?)(\s+)`,
	'u',
);
// A word with surrounding quotes or punctuation: the core is what letter-level noise touches.
const wordPattern = /^([«"“„(»]*)(\p{L}[\p{L}'’-]*\p{L})([.,;:!?»"”)]*)$/u;

/**
 * Split a line into indentation, numbering label, body, leader gap and page (each may be empty).
 *
 * @example
 * parseLine('IV. The Struggle\t31'); // {indent: '', label: 'IV. ', body: 'The Struggle', gap: '\t', page: '31'}
 */
export function parseLine(text: string): Line {
	const indent = /^\s*/u.exec(text)?.[0] ?? '';
	let rest = text.slice(indent.length);
	let gap = '';
	let page = '';
	const pageMatch = pagePattern.exec(rest);
	if (pageMatch) {
		rest = pageMatch[1]!;
		gap = pageMatch[2]!;
		page = pageMatch[3]!;
	}

	let label = '';
	const labelMatch = labelPattern.exec(rest);
	if (labelMatch && labelMatch[0].length < rest.length) {
		label = labelMatch[0];
		rest = rest.slice(label.length);
	}

	return {indent, label, body: rest, gap, page};
}

/** Put a line split by `parseLine` back together. */
export function renderLine(line: Line): string {
	return line.indent + line.label + line.body + line.gap + line.page;
}

/** A unit of the source text for the noise model: one or more lines, and the blank lines before it. */
export type SourceItem = {readonly lines: readonly string[]; readonly blankBefore: number};

/**
 * Split a contents page into the model's items: each non-empty line, except that a line without a
 * page directly followed by a deeper- or equally-indented, unlabelled line with a page forms one
 * item with it (the book's own wrapped title).
 */
export function sourceItems(text: string): SourceItem[] {
	const items: Array<{lines: string[]; blankBefore: number}> = [];
	let blanks = 0;
	let previousWasText = false;
	for (const raw of text.replace(/\r\n?/gu, '\n').split('\n')) {
		if (raw.trim() === '') {
			blanks++;
			previousWasText = false;
			continue;
		}

		const last = items.at(-1);
		if (previousWasText && last?.lines.length === 1) {
			const previous = parseLine(last.lines[0]!);
			const current = parseLine(raw);
			if (previous.page === '' && current.page !== '' && current.label === '' && current.indent.length >= previous.indent.length) {
				last.lines.push(raw);
				continue;
			}
		}

		items.push({lines: [raw], blankBefore: blanks});
		blanks = 0;
		previousWasText = true;
	}

	return items;
}

// --- Word-level noise -------------------------------------------------------------------------

const ocrConfusions: ReadonlyArray<readonly [string, string]> = [
	['rn', 'm'],
	['m', 'rn'],
	['cl', 'd'],
	['d', 'cl'],
	['li', 'h'],
	['l', '1'],
	['l', 'I'],
	['I', 'l'],
	['O', '0'],
	['ii', 'n'],
	['e', 'c'],
	['c', 'e'],
	['h', 'b'],
	['b', 'h'],
	['u', 'n'],
	['n', 'u'],
	['RN', 'M'],
	['M', 'RN'],
	['CL', 'D'],
	['I', '1'],
	['E', 'F'],
	['и', 'н'],
	['н', 'и'],
	['ш', 'щ'],
	['щ', 'ш'],
	['е', 'с'],
	['с', 'е'],
	['п', 'н'],
	['т', 'г'],
	['И', 'Н'],
	['Н', 'И'],
	['Ш', 'Щ'],
	['О', '0'],
];

/** A recognition error in one word: a confusion, a dropped or a doubled letter; undefined when none applies. */
export function ocrWord(word: string, rng: Rng): string | undefined {
	const candidates: string[] = [];
	for (const [from, to] of ocrConfusions) {
		let at = word.indexOf(from);
		while (at >= 0) {
			candidates.push(word.slice(0, at) + to + word.slice(at + from.length));
			at = word.indexOf(from, at + 1);
		}
	}

	if (word.length >= 5) {
		const i = rng.int(1, word.length - 2);
		if (/\p{L}/u.test(word[i]!)) {
			candidates.push(word.slice(0, i) + word.slice(i + 1), word.slice(0, i + 1) + word.slice(i));
		}
	}

	const usable = candidates.filter((candidate) => candidate !== word);
	return usable.length === 0 ? undefined : rng.pick(usable);
}

type SpellingRule = readonly [RegExp, string];

// Each pair is tried in both directions; patterns work on the lower-cased word.
const spellingPairs: Readonly<Record<Language, ReadonlyArray<readonly [string, string]>>> = {
	en: [
		["bolsheviki's", "bolsheviks'"],
		['bolsheviki', 'bolsheviks'],
		['mensheviki', 'mensheviks'],
		['connexion', 'connection'],
		['shew', 'show'],
		['grey', 'gray'],
		['centre', 'center'],
		['theatre', 'theater'],
		['defence', 'defense'],
		['programme', 'program'],
		['catalogue', 'catalog'],
		['intrenchments', 'entrenchments'],
		['to-day', 'today'],
	],
	fr: [
		['parents', 'parens'],
		['enfants', 'enfans'],
		['savants', 'savans'],
		['poëte', 'poète'],
		['collége', 'collège'],
		['clef', 'clé'],
	],
	nl: [
		['engelschen', 'engelsen'],
		['mensch', 'mens'],
		['visch', 'vis'],
		['kersdag', 'kerstdag'],
		['komedie', 'comedie'],
		['blijspel', 'blyspel'],
	],
	ru: [
		['еще', 'ещё'],
		['ее', 'её'],
		['подъема', 'подъёма'],
		['пред', 'перед'],
	],
};

/** Stems that English spells with -ise or -ize (`organise`, `organization`), and the endings after it. */
const iseStems = 'organ|recogn|real|civil|critic|character|emphas|summar|util|mobil|national|central|apolog|special|modern|colon|social|capital';
const iseEndings = 'e|ed|es|ing|ation|ations|er|ers';

const spellingRules: Readonly<Record<Language, readonly SpellingRule[]>> = {
	en: [
		[new RegExp(`^(${iseStems})is(${iseEndings})$`, 'u'), '$1iz$2'],
		[new RegExp(`^(${iseStems})iz(${iseEndings})$`, 'u'), '$1is$2'],
		[/^(labo|colo|hono|favo|harbo|behavio|neighbo|vigo|rigo|hum|endeavo)ur(s|ed|ing)?$/u, '$1r$2'],
		[/^(labo|colo|hono|favo|harbo|behavio|neighbo|vigo|rigo|hum|endeavo)r(s|ed|ing)?$/u, '$1ur$2'],
	],
	fr: [],
	nl: [],
	ru: [
		// Pre-reform orthography: a hard sign after a final consonant, і before a vowel.
		[/^(.{2,}[бвгджзклмнпрстфхцчшщ])$/u, '$1ъ'],
		[/^(.{2,}[бвгджзклмнпрстфхцчшщ])ъ$/u, '$1'],
		[/^(.+)и([аеёиоуыэюя].*)$/u, '$1і$2'],
		[/^(.+)і([аеёиоуыэюя].*)$/u, '$1и$2'],
	],
};

function matchCase(model: string, word: string): string {
	if (model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
	if (model[0] !== undefined && model[0] === model[0].toUpperCase() && model[0] !== model[0].toLowerCase()) {
		return word[0]!.toUpperCase() + word.slice(1);
	}

	return word;
}

/** Another plausible spelling of the word, when the language has one for it. */
function spellWord(word: string, language: Language, rng: Rng): string | undefined {
	const lower = word.toLowerCase();
	const candidates: string[] = [];
	for (const [one, other] of spellingPairs[language]) {
		if (lower === one) candidates.push(other);
		if (lower === other) candidates.push(one);
	}

	for (const [pattern, replacement] of spellingRules[language]) {
		if (pattern.test(lower)) candidates.push(lower.replace(pattern, replacement));
	}

	if (language === 'nl' && lower.includes('ij')) candidates.push(lower.replaceAll('ij', 'y'));
	const usable = candidates.filter((candidate) => candidate !== lower);
	return usable.length === 0 ? undefined : matchCase(word, rng.pick(usable));
}

function recase(word: string): string | undefined {
	const letters = [...word];
	if (letters.length < 2) return undefined;
	const upper = word.toUpperCase();
	const lower = word.toLowerCase();
	if (upper === lower) return undefined;
	if (word === upper) return letters[0]! + letters.slice(1).join('').toLowerCase();
	if (word === lower) return letters[0]!.toUpperCase() + letters.slice(1).join('');
	if (word === letters[0]! + letters.slice(1).join('').toLowerCase()) return lower;
	return undefined;
}

const fillerWords: Readonly<Record<Language, readonly string[]>> = {
	en: ['new', 'other', 'further', 'general'],
	fr: ['petit', 'nouveau', 'autre'],
	nl: ['nieuwe', 'andere', 'korte'],
	ru: ['новые', 'другие', 'общие'],
};

// --- Line-level operations --------------------------------------------------------------------

/** Words (even indexes) and the whitespace between them (odd indexes). */
function tokenize(body: string): string[] {
	return body.split(/(\s+)/u);
}

type Target = {copy: Copy; touched: Set<string>};

/** A line of the copy and one of its untouched words, chosen at random among those `accept` takes. */
function chooseWord(
	target: Target,
	rng: Rng,
	accept: (word: string, index: number, tokens: readonly string[]) => boolean,
): {line: number; index: number; tokens: string[]} | undefined {
	const options: Array<{line: number; index: number; tokens: string[]}> = [];
	for (const [lineIndex, line] of target.copy.lines.entries()) {
		const tokens = tokenize(line.body);
		for (let index = 0; index < tokens.length; index += 2) {
			const word = tokens[index]!;
			if (word !== '' && !target.touched.has(`${lineIndex}:${index}`) && accept(word, index, tokens)) {
				options.push({line: lineIndex, index, tokens});
			}
		}
	}

	return options.length === 0 ? undefined : rng.pick(options);
}

function setWord(target: Target, choice: {line: number; index: number; tokens: string[]}, word: string): void {
	choice.tokens[choice.index] = word;
	target.copy.lines[choice.line]!.body = choice.tokens.join('');
	target.touched.add(`${choice.line}:${choice.index}`);
}

/** Change the core of one word (`transform` returns undefined when it cannot). */
function changeWordCore(target: Target, rng: Rng, transform: (core: string) => string | undefined): {before: string; after: string} | undefined {
	const choice = chooseWord(target, rng, (word) => {
		const match = wordPattern.exec(word);
		return match !== null && transform(match[2]!) !== undefined;
	});
	if (!choice) return undefined;
	const match = wordPattern.exec(choice.tokens[choice.index]!)!;
	const core = match[2]!;
	const changed = transform(core);
	if (changed === undefined || changed === core) return undefined;
	setWord(target, choice, match[1]! + changed + match[3]!);
	return {before: core, after: changed};
}

/** Change one digit of a run of digits (not into a leading zero), as a misprint or misreading does. */
export function changeDigit(digits: string, rng: Rng): string {
	const position = digits.length === 1 ? 0 : rng.int(1, digits.length - 1);
	const old = Number(digits[position]);
	let next = rng.int(0, 8);
	if (next >= old) next++;
	// No leading zero, and no number turned into 0 (`JUNE 0`).
	if (position === 0 && next === 0) next = old === 1 ? 2 : 1;
	return digits.slice(0, position) + String(next) + digits.slice(position + 1);
}

function gapClass(gap: string): 'tab' | 'dots' | 'spaces' {
	if (gap.includes('.')) return 'dots';
	if (gap.includes('\t')) return 'tab';
	return 'spaces';
}

type Side = 'a' | 'b';

type OpContext = {
	readonly unit: Unit;
	readonly rng: Rng;
	readonly language: Language;
	readonly targets: Record<Side, Target>;
};

function record(context: OpContext, kind: DifferenceKind, side: Side, before: string, after: string): void {
	// `before` is the source reading, `after` the noisy one, on `side`.
	context.unit.diffs.push(side === 'b' ? {kind, a: before, b: after, noisy: 'b'} : {kind, a: after, b: before, noisy: 'a'});
}

function opOcr(context: OpContext, side: Side): boolean {
	const changed = changeWordCore(context.targets[side], context.rng, (core) => (core.length >= 4 ? ocrWord(core, context.rng) : undefined));
	if (!changed) return false;
	record(context, 'ocr', side, changed.before, changed.after);
	return true;
}

function opSpelling(context: OpContext): boolean {
	const changed = changeWordCore(context.targets.b, context.rng, (core) => spellWord(core, context.language, context.rng));
	if (!changed) return false;
	record(context, 'spelling', 'b', changed.before, changed.after);
	return true;
}

function opCase(context: OpContext): boolean {
	const changed = changeWordCore(context.targets.b, context.rng, (core) => (/^\p{L}+$/u.test(core) ? recase(core) : undefined));
	if (!changed) return false;
	record(context, 'case', 'b', changed.before, changed.after);
	return true;
}

function opNumber(context: OpContext): boolean {
	const target = context.targets.b;
	const choice = chooseWord(target, context.rng, (word) => /\d/u.test(word));
	if (!choice) return false;
	const word = choice.tokens[choice.index]!;
	const runs = [...word.matchAll(/\d+/gu)];
	const run = context.rng.pick(runs);
	const changed = changeDigit(run[0], context.rng);
	setWord(target, choice, word.slice(0, run.index) + changed + word.slice(run.index + run[0].length));
	record(context, 'number', 'b', run[0], changed);
	return true;
}

function pageLine(copy: Copy): Line | undefined {
	return copy.lines.find((line) => line.page !== '');
}

function opPage(context: OpContext): boolean {
	const line = pageLine(context.targets.b.copy);
	if (!line) return false;
	const runs = [...line.page.matchAll(/\d+/gu)];
	if (runs.length === 0) return false;
	const run = runs.at(-1)!;
	const before = line.page;
	line.page = before.slice(0, run.index) + changeDigit(run[0], context.rng) + before.slice(run.index + run[0].length);
	record(context, 'page', 'b', before, line.page);
	return true;
}

const leaderStyles: Readonly<Record<'tab' | 'dots' | 'spaces', readonly string[]>> = {
	tab: ['\t'],
	dots: [' . . . . . ', ' ........ ', '\t. . . ', ' .... '],
	spaces: ['      ', '   '],
};

function opLeaders(context: OpContext): boolean {
	const line = pageLine(context.targets.b.copy);
	if (!line) return false;
	const current = gapClass(line.gap);
	const other = context.rng.pick((['tab', 'dots', 'spaces'] as const).filter((style) => style !== current));
	const before = line.gap;
	line.gap = context.rng.pick(leaderStyles[other]);
	record(context, 'leaders', 'b', before, line.gap);
	return true;
}

function opPunctuation(context: OpContext): boolean {
	const target = context.targets.b;
	const {rng} = context;
	const options: Array<() => boolean> = [];
	for (const [lineIndex, line] of target.copy.lines.entries()) {
		const tokens = tokenize(line.body);
		for (let index = 0; index < tokens.length; index += 2) {
			const word = tokens[index]!;
			if (word === '' || target.touched.has(`${lineIndex}:${index}`)) continue;
			const isLast = index === tokens.length - 1 || (index === tokens.length - 3 && tokens.at(-1) === '');
			const change = (after: string) => () => {
				setWord(target, {line: lineIndex, index, tokens}, after);
				record(context, 'punctuation', 'b', word, after);
				return true;
			};

			if (/^\p{L}[\p{L}'’-]*[.,;:]$/u.test(word)) options.push(change(word.slice(0, -1)));
			else if (isLast && /^\p{L}+$/u.test(word) && !line.gap.includes('.')) options.push(change(`${word}.`));
		}
	}

	return options.length > 0 && rng.pick(options)();
}

function opWords(context: OpContext): boolean {
	const target = context.targets.b;
	const {rng} = context;
	const isWord = (word: string) => /^\p{L}[\p{L}'’-]*$/u.test(word);
	if (rng.chance(0.5)) {
		const choice = chooseWord(target, rng, (word, index, tokens) => index > 0 && isWord(word) && tokens.filter((_, i) => i % 2 === 0).length >= 3);
		if (!choice) return false;
		const word = choice.tokens[choice.index]!;
		choice.tokens.splice(choice.index - 1, 2);
		target.copy.lines[choice.line]!.body = choice.tokens.join('');
		record(context, 'words', 'b', word, '');
		return true;
	}

	const choice = chooseWord(target, rng, (word, index, tokens) => isWord(word) && index < tokens.length - 1);
	if (!choice) return false;
	const filler = rng.pick(fillerWords[context.language]);
	const added = matchCase(choice.tokens[choice.index]! === choice.tokens[choice.index]!.toUpperCase() ? 'X' : 'x', filler);
	choice.tokens.splice(choice.index + 1, 0, ' ', added);
	target.copy.lines[choice.line]!.body = choice.tokens.join('');
	record(context, 'words', 'b', '', added);
	return true;
}

/** Wrap B's single-line entry over two lines, the second indented, carrying the page. */
function opWrap(context: OpContext): boolean {
	const copy = context.targets.b.copy;
	if (copy.lines.length !== 1) return false;
	const line = copy.lines[0]!;
	const tokens = tokenize(line.body);
	if (tokens.length < 7 || line.body.length < 25) return false;
	let split = 1;
	let best = Number.POSITIVE_INFINITY;
	let offset = 0;
	for (const [index, token] of tokens.entries()) {
		if (index % 2 === 1 && /^ +$/u.test(token) && Math.abs(offset - line.body.length / 2) < best) {
			best = Math.abs(offset - line.body.length / 2);
			split = index;
		}

		offset += token.length;
	}

	const first = tokens.slice(0, split).join('');
	const second = tokens.slice(split + 1).join('');
	if (first === '' || second === '') return false;
	copy.lines = [
		{indent: line.indent, label: line.label, body: first, gap: '', page: ''},
		{indent: `${line.indent}${' '.repeat(line.label.length + 2)}`, label: '', body: second, gap: line.gap, page: line.page},
	];
	context.unit.optional.push('whitespace');
	return true;
}

function applyTextNoise(unit: Unit, rng: Rng, rates: NoiseRates, language: Language): void {
	const {a, b} = unit;
	if (!a || !b) return;
	const touched = new Set<string>();
	const context: OpContext = {
		unit,
		rng,
		language,
		// One set for both sides: the copies start alike, and a word changed in A must stay the
		// source's word in B, or the recorded strings would not be what the files hold.
		targets: {a: {copy: a, touched}, b: {copy: b, touched}},
	};
	const hasTitleDigits = b.lines.some((line) => /\d/u.test(line.body));
	// The order matters: `words` changes word positions, so it comes after the word-level changes.
	if (hasTitleDigits && rng.chance(rates.number)) opNumber(context);
	if (rng.chance(rates.page)) opPage(context);
	if (rng.chance(rates.leaders)) opLeaders(context);
	if (rng.chance(rates.ocr)) opOcr(context, rng.chance(rates.ocrOnA) ? 'a' : 'b');
	// Nearly every Russian word has a pre-reform spelling; English, French and Dutch words rarely do.
	if (rng.chance(language === 'ru' ? rates.spelling / 5 : rates.spelling)) opSpelling(context);
	if (rng.chance(rates.case)) opCase(context);
	if (rng.chance(rates.punctuation)) opPunctuation(context);
	if (rng.chance(rates.words)) opWords(context);
	if (rng.chance(rates.wrap)) opWrap(context);
}

// --- Building the pair ------------------------------------------------------------------------

function cloneCopy(copy: Copy): Copy {
	return {lines: copy.lines.map((line) => ({...line})), blankBefore: copy.blankBefore};
}

function titlePageUnits(lines: readonly string[], onA: boolean): Unit[] {
	const units: Unit[] = [];
	for (const item of sourceItems(lines.join('\n'))) {
		const copy: Copy = {lines: item.lines.map((text) => ({indent: '', label: '', body: text, gap: '', page: ''})), blankBefore: item.blankBefore};
		units.push({
			a: onA ? cloneCopy(copy) : undefined,
			b: copy,
			diffs: [],
			optional: [],
			...(onA ? {} : {single: 'extra' as const}),
			isTitlePage: true,
		});
	}

	return units;
}

type Rendered = {lines: string[]; spans: Map<Unit, [number, number]>};

function render(units: readonly Unit[], side: Side): Rendered {
	const lines: string[] = [];
	const spans = new Map<Unit, [number, number]>();
	let previousWasTitle = false;
	for (const unit of units) {
		const copy = unit[side];
		if (!copy) continue;
		if (lines.length > 0) {
			const blanks = previousWasTitle && !unit.isTitlePage ? Math.max(2, copy.blankBefore) : copy.blankBefore;
			for (let i = 0; i < blanks; i++) lines.push('');
		}

		const first = lines.length + 1;
		for (const line of copy.lines) lines.push(renderLine(line));
		spans.set(unit, [first, lines.length]);
		previousWasTitle = unit.isTitlePage;
	}

	return {lines, spans};
}

function printingTruth(source: string, rendered: Rendered, order: readonly Unit[], offset: number): {truth: PrintingTruth; index: Map<Unit, number>} {
	const items: TruthItem[] = [];
	const index = new Map<Unit, number>();
	for (const unit of order) {
		const span = rendered.spans.get(unit);
		if (!span) continue;
		index.set(unit, items.length);
		items.push({
			index: items.length,
			lines: [span[0] + offset, span[1] + offset],
			text: rendered.lines.slice(span[0] - 1, span[1]).join('\n'),
		});
	}

	const first = items[0]?.lines[0] ?? offset + 1;
	const last = items.at(-1)?.lines[1] ?? offset + 1;
	return {truth: {source, lines: [first, last], items}, index};
}

/**
 * Make two printings of a contents page, and the truth about them.
 *
 * @example
 * const pair = makeNoisyPair({name: 'cw31', text, language: 'en'}, 7, {mode: 'one-file'});
 * compare(pair.sources); // score against pair.pairs, pair.singles and pair.boundary
 */
export function makeNoisyPair(page: ContentsPage, seed: number, options: NoiseOptions = {}): NoisyPair {
	const mode = options.mode ?? 'two-files';
	const rates: NoiseRates = {...defaultNoiseRates, ...options.rates};
	const rng = createRng(hashSeed(`${page.name}|${mode}`, seed));

	// The contents.
	const content: Unit[] = sourceItems(page.text).map((item) => {
		const copy: Copy = {lines: item.lines.map((text) => parseLine(text)), blankBefore: item.blankBefore};
		return {a: copy, b: cloneCopy(copy), diffs: [], optional: [], isTitlePage: false};
	});
	for (const unit of content) {
		const roll = rng.next();
		if (roll < rates.missing) {
			unit.b = undefined;
			unit.single = 'missing';
		} else if (roll < rates.missing + rates.extra) {
			unit.a = undefined;
			unit.single = 'extra';
		} else {
			applyTextNoise(unit, rng, rates, page.language);
		}
	}

	// B's order: one item moved some places away.
	const bContent = [...content];
	if (content.length >= 8 && rng.chance(rates.move)) {
		const candidates = content
			.map((unit, at) => ({unit, at}))
			.filter(({unit, at}) => unit.a && unit.b && pageLine(unit.a) && at > 0 && at < content.length - 1);
		if (candidates.length > 0) {
			const {unit, at} = rng.pick(candidates);
			const distance = rng.int(3, Math.max(3, Math.min(12, Math.floor(content.length / 3))));
			const to = Math.min(content.length - 1, Math.max(0, at + (rng.chance(0.5) ? distance : -distance)));
			// A shorter move is ambiguous (which of two neighbours moved?), so none is made.
			if (Math.abs(to - at) >= 3) {
				bContent.splice(at, 1);
				bContent.splice(to, 0, unit);
				const text = (copy: Copy | undefined) => copy?.lines.map((line) => renderLine(line)).join('\n') ?? '';
				unit.diffs.push({kind: 'moved', a: text(unit.a), b: text(unit.b)});
				unit.b!.blankBefore = Math.min(unit.b!.blankBefore, 1);
			}
		}
	}

	// B's tail cut off.
	const truncated = content.length >= 10 && rng.chance(rates.truncation);
	if (truncated) {
		const cut = Math.max(2, Math.round(content.length * (0.05 + rng.next() * 0.1)));
		for (const unit of bContent.slice(-cut)) {
			if (unit.a) {
				unit.b = undefined;
				unit.single = 'missing';
				unit.diffs = [];
				unit.optional = [];
			} else {
				unit.b = undefined;
			}
		}

		// What a reader sees as truncation: A's items after the last one B still has. An item
		// moved into the cut tail and lost with it is missing from the middle of A instead.
		const kept = content.filter((unit) => unit.a && unit.b);
		const lastKept = kept.length === 0 ? -1 : content.indexOf(kept.at(-1)!);
		for (const unit of content.slice(lastKept + 1)) {
			if (unit.a && !unit.b) unit.single = 'truncation';
		}
	}

	// Title pages.
	const titleLines = page.titlePage ?? [];
	const bTitle = titleLines.length > 0 && (mode === 'one-file' || rng.chance(rates.titlePageB));
	const aTitle = bTitle && rng.chance(rates.titlePageA);
	const titleUnits = bTitle ? titlePageUnits(titleLines, aTitle) : [];
	if (bTitle && page.titlePageExtra && page.titlePageExtra.length > 0 && rng.chance(rates.titlePageExtra)) {
		const extra = titlePageUnits(['', ...page.titlePageExtra], false);
		titleUnits.push(...extra);
	}

	const aOrder = [...titleUnits, ...content];
	const bOrder = [...titleUnits, ...bContent];
	const aRendered = render(aOrder, 'a');
	const bRendered = render(bOrder, 'b');

	const oneFile = mode === 'one-file';
	const bOffset = oneFile ? aRendered.lines.length + 1 : 0;
	const aName = oneFile ? `${page.name}.txt` : `${page.name}-a.txt`;
	const bName = oneFile ? `${page.name}.txt` : `${page.name}-b.txt`;
	const a = printingTruth(aName, aRendered, aOrder, 0);
	const b = printingTruth(bName, bRendered, bOrder, bOffset);

	const pairs: TruthPair[] = [];
	const singles: TruthSingle[] = [];
	for (const unit of aOrder) {
		const ia = a.index.get(unit);
		const ib = b.index.get(unit);
		if (ia !== undefined && ib !== undefined) {
			pairs.push({a: ia, b: ib, differences: unit.diffs, optional: unit.optional});
		} else if (ia !== undefined) {
			singles.push({side: 'a', item: ia, kind: unit.single === 'truncation' ? 'truncation' : 'missing', dropped: true});
		} else if (ib !== undefined) {
			singles.push({side: 'b', item: ib, kind: 'extra', dropped: !unit.isTitlePage});
		}
	}

	pairs.sort((x, y) => x.a - y.a);
	singles.sort((x, y) => (x.side === y.side ? x.item - y.item : x.side === 'a' ? -1 : 1));

	const aText = `${aRendered.lines.join('\n')}\n`;
	const bText = `${bRendered.lines.join('\n')}\n`;
	const sources = oneFile
		? [{name: aName, text: `${aRendered.lines.join('\n')}\n\n${bText}`}]
		: [
				{name: aName, text: aText},
				{name: bName, text: bText},
			];
	return {
		name: page.name,
		seed,
		mode,
		sources,
		a: a.truth,
		b: b.truth,
		pairs,
		singles,
		...(oneFile ? {boundary: b.truth.lines[0]} : {}),
	};
}
