/**
 * The `unicode` family: what text encodings do to a contents page. One printing has its accents
 * decomposed (NFD: `é` as `e` + U+0301, `й` as `и` + U+0306), the other composed (NFC); zero-width
 * characters (U+200B, U+200C, U+200D, U+FEFF) sit inside a few lines of one printing (and now and
 * then at the same place in both); and the pages are long Roman numbers (`lxxxviii`, `cxxxviii`)
 * or written in Arabic-Indic (`٤٥`) or Devanagari (`४५`) digits in both printings.
 *
 * Truth: a difference of composition only is no difference; a zero-width character in one printing
 * only is an `invisible` difference (cosmetic; a kind the engine does not name yet); long Roman and
 * non-ASCII pages are pages, so a changed one is a `page` difference and equal ones are none.
 */
import {toRoman} from '../core/labels.js';
import {itemOrder, linesOfItem, type Draft, type DraftLine, type DraftPair} from './draft.js';
import {parseLine, renderLine, type InjectedDifference} from './noise.js';
import {createRng, hashSeed, type Rng} from './rng.js';

type Side = 'a' | 'b';

/** The zero-width characters the family puts in. */
export const zeroWidthCharacters = ['\u200B', '\u200C', '\u200D', '\uFEFF'] as const;

/** How a case writes its pages. */
export type PageScript = 'roman' | 'arabic-indic' | 'devanagari';

/** The zero of each non-ASCII digit script. */
const zeros: Readonly<Record<Exclude<PageScript, 'roman'>, number>> = {'arabic-indic': 0x06_60, devanagari: 0x09_66};

/** Write ASCII digits in another script, leaving everything else. */
export function toDigits(text: string, script: Exclude<PageScript, 'roman'>): string {
	return text.replaceAll(/\d/gu, (digit) => String.fromCodePoint(zeros[script] + Number(digit)));
}

/** Decompose one printing's accents (NFD), and the differences' readings on that side with it. */
export function decompose(draft: Draft, side: Side): Draft {
	return {
		...draft,
		[side]: draft[side].map((line) => ({...line, text: line.text.normalize('NFD')})),
		pairs: draft.pairs.map((pair) => ({...pair, differences: pair.differences.map((d) => ({...d, [side]: d[side].normalize('NFD')}))})),
	};
}

/** The pairs whose items read the same in both printings and carry no difference: safe to mark. */
function identicalPairs(draft: Draft): DraftPair[] {
	const text = (side: Side, key: string): string =>
		linesOfItem(draft[side], key)
			.map((k) => draft[side][k]!.text)
			.join('\n');
	return draft.pairs.filter((pair) => pair.differences.length === 0 && pair.optional.length === 0 && text('a', pair.a) === text('b', pair.b));
}

/** Put a zero-width character inside a word of the item's first line; the word before and after. */
function markWord(line: DraftLine, character: string, choice: number): {line: DraftLine; before: string; after: string} | undefined {
	const parsed = parseLine(line.text);
	const words = [...parsed.body.matchAll(/\p{L}{3,}/gu)];
	if (words.length === 0) return undefined;
	const word = words[choice % words.length]!;
	const at = 1 + (choice % (word[0].length - 1));
	const after = word[0].slice(0, at) + character + word[0].slice(at);
	const body = parsed.body.slice(0, word.index) + after + parsed.body.slice(word.index + word[0].length);
	return {line: {...line, text: renderLine({...parsed, body})}, before: word[0], after};
}

/**
 * Zero-width characters inside one to three entries of one printing (`invisible` differences),
 * and, now and then, inside one entry of both printings at the same place (no difference).
 */
export function zeroWidths(draft: Draft, rng: Rng): Draft {
	let result = draft;
	const candidates = identicalPairs(draft);
	const count = Math.min(candidates.length, rng.int(1, 3));
	const chosen = new Set<DraftPair>();
	while (chosen.size < count) chosen.add(rng.pick(candidates));
	const both = candidates.length > count && rng.chance(0.4) ? rng.pick(candidates.filter((pair) => !chosen.has(pair))) : undefined;
	for (const pair of [...chosen, ...(both ? [both] : [])]) {
		const character = rng.pick(zeroWidthCharacters);
		const choice = rng.int(0, 1000);
		const sides: Side[] = pair === both ? ['a', 'b'] : [rng.chance(0.5) ? 'a' : 'b'];
		let difference: InjectedDifference | undefined;
		for (const side of sides) {
			const at = linesOfItem(result[side], pair[side])[0]!;
			const marked = markWord(result[side][at]!, character, choice);
			if (!marked) continue;
			result = {...result, [side]: result[side].map((line, k) => (k === at ? marked.line : line))};
			difference =
				side === 'a' ? {kind: 'invisible', a: marked.after, b: marked.before, noisy: 'a'} : {kind: 'invisible', a: marked.before, b: marked.after, noisy: 'b'};
		}

		if (pair !== both && difference) {
			const recorded = difference;
			result = {...result, pairs: result.pairs.map((p) => (p.a === pair.a ? {...p, differences: [...p.differences, recorded]} : p))};
		}
	}

	return result;
}

/** Replace the page on an item's page line; returns undefined when the item has no page. */
function withPage(lines: readonly DraftLine[], key: string, page: (old: string) => string): DraftLine[] | undefined {
	const at = linesOfItem(lines, key).findLast((k) => parseLine(lines[k]!.text).page !== '');
	if (at === undefined) return undefined;
	const parsed = parseLine(lines[at]!.text);
	return lines.map((line, k) => (k === at ? {...line, text: renderLine({...parsed, page: page(parsed.page)})} : line));
}

/**
 * Long Roman pages (`lxxxviii`) on up to four of the first paged entries, the same in both
 * printings; with even chance one of them misread in one printing (a `page` difference).
 */
export function longRomanPages(draft: Draft, rng: Rng): Draft {
	const same = new Set(identicalPairs(draft));
	const order = itemOrder(draft.a);
	const paged = draft.pairs
		.filter((pair) => same.has(pair) && /^\d+\.?$/u.test(parseLine(draft.a[linesOfItem(draft.a, pair.a).at(-1)!]!.text).page))
		.sort((x, y) => order.indexOf(x.a) - order.indexOf(y.a))
		.slice(0, 4);
	let value = rng.int(80, 130);
	let result = draft;
	const misread = paged.length > 0 && rng.chance(0.5) ? rng.pick(paged) : undefined;
	for (const pair of paged) {
		const roman = toRoman(value).toLowerCase();
		const other = toRoman(value + rng.pick([-10, -1, 1, 10])).toLowerCase();
		const noisy: Side = rng.chance(0.5) ? 'a' : 'b';
		const a = withPage(result.a, pair.a, (old) => (pair === misread && noisy === 'a' ? other : roman) + (old.endsWith('.') ? '.' : ''));
		const b = withPage(result.b, pair.b, (old) => (pair === misread && noisy === 'b' ? other : roman) + (old.endsWith('.') ? '.' : ''));
		if (!a || !b) continue;
		const differences: InjectedDifference[] =
			pair === misread ? [noisy === 'a' ? {kind: 'page', a: other, b: roman, noisy} : {kind: 'page', a: roman, b: other, noisy}] : [];
		result = {...result, a, b, pairs: result.pairs.map((p) => (p.a === pair.a ? {...p, differences} : p))};
		value += rng.int(3, 15);
	}

	return result;
}

/** Every page of both printings in another script's digits; the `page` differences' readings with them. */
export function scriptPages(draft: Draft, script: Exclude<PageScript, 'roman'>): Draft {
	const convert = (lines: readonly DraftLine[]): DraftLine[] =>
		lines.map((line) => {
			if (line.item === undefined) return line;
			const parsed = parseLine(line.text);
			return parsed.page === '' ? line : {...line, text: renderLine({...parsed, page: toDigits(parsed.page, script)})};
		});
	return {
		...draft,
		a: convert(draft.a),
		b: convert(draft.b),
		pairs: draft.pairs.map((pair) => ({
			...pair,
			differences: pair.differences.map((d) => (d.kind === 'page' ? {...d, a: toDigits(d.a, script), b: toDigits(d.b, script)} : d)),
		})),
	};
}

/** The page script of a seed: Roman, Arabic-Indic and Devanagari in turn. */
export const pageScriptOf = (seed: number): PageScript => (['roman', 'arabic-indic', 'devanagari'] as const)[seed % 3]!;

/**
 * Transform a noisy pair's draft into a unicode case: one printing decomposed (NFD), zero-width
 * characters, and the seed's page script.
 *
 * @example
 * fromDraft(unicodeCase(toDraft(makeNoisyPair(page, 2)), 2)); // Devanagari pages
 */
export function unicodeCase(draft: Draft, seed: number): Draft {
	const rng = createRng(hashSeed(`unicode|${draft.name}|${draft.mode}`, seed));
	const script = pageScriptOf(seed);
	// Pages first: the zero-width characters go into entries whose readings are still the same.
	let result = script === 'roman' ? longRomanPages(draft, rng) : scriptPages(draft, script);
	result = zeroWidths(result, rng);
	return decompose(result, rng.chance(0.5) ? 'a' : 'b');
}
