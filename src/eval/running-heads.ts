/**
 * The `running-heads` family: page furniture put into each printing at its page breaks, the way a
 * PDF's text or an OCR of a printed book carries it: every 30–40 lines, at different places in A
 * and B, a folio at the foot of the page, a running head at the top of the next (`8 CONTENTS`,
 * `CONTENTS ix`, `viii CONTENTS`, `CONTENTS—continued`, `12 GUERNSEY FOLK LORE`, a bare page
 * number; `INHOUD`, `СОДЕРЖАНИЕ`, … in the book's language) and sometimes a `Page` column head,
 * with or without blank lines around them; now and then a break falls inside a wrapped entry. The furniture lines belong to no item: they must give
 * no row (the engine may keep them as rows it marks as furniture).
 *
 * `seedFileDraft` turns the engine's own comparison of a file into a truth, so that the seed file
 * with running heads put in can be held to the rows of the seed file without them.
 */
import {toRoman} from '../core/labels.js';
import type {Comparison, DifferenceKind} from '../core/types.js';
import {textLines, type Draft, type DraftLine, type DraftPair, type DraftSingle} from './draft.js';
import {parseLine, type Language} from './noise.js';
import {createRng, hashSeed, type Rng} from './rng.js';

/** How a printing marks its page breaks. */
export type HeadStyle = 'roman' | 'arabic' | 'short-title' | 'continued' | 'folio';

/** Every style, in a fixed order. */
export const headStyles = ['roman', 'arabic', 'short-title', 'continued', 'folio'] as const satisfies readonly HeadStyle[];

/** Where the contents begin in a side: the first line of an item that ends in a page number. */
function contentsStart(lines: readonly DraftLine[]): number {
	const found = lines.findIndex((line) => line.item !== undefined && parseLine(line.text).page !== '');
	return found === -1 ? lines.findIndex((line) => line.item !== undefined) : found;
}

/** Indexes k where lines k-1 and k belong to the same item: a break there falls inside an entry. */
function insideItems(lines: readonly DraftLine[], from: number, to: number): number[] {
	const found: number[] = [];
	for (let k = Math.max(1, from); k <= to; k++) {
		const item = lines[k]?.item;
		if (item !== undefined && lines.slice(0, k).findLast((line) => line.item !== undefined)?.item === item) found.push(k);
	}

	return found;
}

/** The words a book's page furniture is made of. */
export type FurnitureWords = {
	/** The running head's word: `CONTENTS`, `INHOUD`, `СОДЕРЖАНИЕ`. */
	readonly contents: string;
	/** What follows it on a later page: `continued`. */
	readonly continued: string;
	/** Column heads over the pages: `Page`. */
	readonly pageHeads: readonly string[];
	/** The book's short title, for the verso's head: `GUERNSEY FOLK LORE`. */
	readonly shortTitle: string;
};

const wordsByLanguage: Readonly<Record<Language, Omit<FurnitureWords, 'shortTitle'>>> = {
	en: {contents: 'CONTENTS', continued: 'continued', pageHeads: ['Page', 'PAGE', 'Page.']},
	fr: {contents: 'TABLE DES MATIÈRES', continued: 'suite', pageHeads: ['Page', 'Pages.']},
	nl: {contents: 'INHOUD', continued: 'vervolg', pageHeads: ['Bladz.', 'Blz.']},
	ru: {contents: 'СОДЕРЖАНИЕ', continued: 'продолжение', pageHeads: ['Стр.', 'Стр']},
};

/** The furniture words of a book in a language, with its short title. */
export const furnitureWords = (language: Language, shortTitle: string): FurnitureWords => ({...wordsByLanguage[language], shortTitle});

/**
 * The furniture lines of one page break: the folio at the foot of the page ending, the head at the
 * top of the next (verso and recto alternate with the page number), and perhaps a column head.
 *
 * @example
 * breakLines('roman', 8, furnitureWords('en', 'GUERNSEY FOLK LORE'), rng); // ['viii CONTENTS'] or ['viii CONTENTS', 'Page']
 */
export function breakLines(style: HeadStyle, page: number, words: FurnitureWords, rng: Rng): string[] {
	const verso = page % 2 === 0;
	const roman = toRoman(page).toLowerCase();
	const lines: string[] = [];
	switch (style) {
		case 'roman': {
			lines.push(verso ? `${roman} ${words.contents}` : `${words.contents} ${roman}`);
			break;
		}

		case 'arabic': {
			lines.push(verso ? `${page} ${words.contents}` : `${words.contents} ${page}`);
			break;
		}

		case 'short-title': {
			lines.push(verso ? `${page} ${words.shortTitle}` : `${words.shortTitle} ${page}`);
			break;
		}

		case 'continued': {
			// The folio of the page that ends, then the next page's head.
			lines.push(rng.chance(0.5) ? toRoman(page - 1).toLowerCase() : String(page - 1), `${words.contents}—${words.continued}`);
			break;
		}

		case 'folio': {
			lines.push(rng.chance(0.5) ? roman : String(page));
			break;
		}
	}

	if (style !== 'folio' && rng.chance(0.4)) lines.push(rng.pick(words.pageHeads));
	return lines;
}

/** Put page breaks with furniture into one side, after its contents begin. */
function withHeads(lines: readonly DraftLine[], style: HeadStyle, words: FurnitureWords, rng: Rng): DraftLine[] {
	const start = contentsStart(lines);
	const last = lines.findLastIndex((line) => line.item !== undefined);
	if (start < 0) return [...lines];
	const breaks: number[] = [];
	let at = start + rng.int(10, 35);
	while (at <= last) {
		// Now and then the break falls inside a wrapped entry nearby, as a page break does.
		const inside = insideItems(lines, Math.max(start + 1, at - 8), Math.min(last, at + 8));
		breaks.push(inside.length > 0 && rng.chance(0.4) ? rng.pick(inside) : at);
		at += rng.int(30, 40);
	}

	const result: DraftLine[] = [];
	let page = rng.int(5, 12);
	for (const [k, line] of lines.entries()) {
		if (breaks.includes(k)) {
			page++;
			const furniture = breakLines(style, page, words, rng).map((text): DraftLine => ({text, furniture: true}));
			const blank = rng.chance(0.5);
			if (blank) result.push({text: ''});
			result.push(...furniture);
			if (blank) result.push({text: ''});
		}

		result.push(line);
	}

	return result;
}

/**
 * Put running heads into both printings of a draft, each printing in a style of its own and at its
 * own page breaks. The truth gains furniture lines only: items, pairs and differences stay.
 *
 * @example
 * fromDraft(insertRunningHeads(toDraft(pair), 3, furnitureWords('en', 'GUERNSEY FOLK LORE'))).furniture; // {a: [41, 42], b: [37]}
 */
export function insertRunningHeads(draft: Draft, seed: number, words: FurnitureWords): Draft {
	const side = (key: 'a' | 'b'): DraftLine[] => {
		const rng = createRng(hashSeed(`running-heads|${draft.name}|${draft.mode}|${key}`, seed));
		return withHeads(draft[key], rng.pick(headStyles), words, rng);
	};

	return {...draft, a: side('a'), b: side('b')};
}

/**
 * The engine's own comparison of a one-file source as a truth: each row's items are items, its
 * pairs and singles are the truth's, with the row's differences. Held to it, a transformed copy of
 * the file must give the same rows.
 *
 * @throws Error when the comparison has no split (it must come from one file holding two printings).
 */
export function seedFileDraft(name: string, text: string, comparison: Comparison, seed: number): Draft {
	const boundary = comparison.split?.boundaries[0];
	if (boundary === undefined) throw new Error(`${name}: the seed comparison found no second printing`);
	const all = textLines(text).map((line): DraftLine => ({text: line}));
	const pairs: DraftPair[] = [];
	const singles: DraftSingle[] = [];
	for (const [r, row] of comparison.rows.entries()) {
		for (const [side, found] of [
			['a', row.a],
			['b', row.b],
		] as const) {
			if (found === null) continue;
			for (let line = found.lines[0]; line <= found.lines[1]; line++) {
				if (all[line - 1]!.text.trim() !== '') all[line - 1] = {...all[line - 1]!, item: `${side}r${r}`};
			}
		}

		const differences = row.differences.map((difference) => ({kind: difference.kind, a: difference.a, b: difference.b}));
		if (row.a && row.b) {
			pairs.push({a: `ar${r}`, b: `br${r}`, differences, optional: []});
		} else {
			const lonely = (row.differences.find((d) => d.kind === 'missing' || d.kind === 'extra' || d.kind === 'truncation')?.kind ??
				(row.a ? 'missing' : 'extra')) as Extract<DifferenceKind, 'missing' | 'extra' | 'truncation'>;
			singles.push({side: row.a ? 'a' : 'b', item: `${row.a ? 'a' : 'b'}r${r}`, kind: lonely, dropped: false});
		}
	}

	return {name, seed, mode: 'one-file', files: {a: name, b: name}, a: all.slice(0, boundary - 1), b: all.slice(boundary - 1), pairs, singles};
}
