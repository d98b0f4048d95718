/**
 * The seed file and its decisions, and hand-made comparisons for edge cases, built with a
 * deliberately simple line parser.
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Comparison, Printing, RowDraft, TocItem} from '../../src/core/types.js';
import type {Decision, DecisionFile} from '../../src/core/decisions.js';
import {describeComparison} from '../../src/core/meaning.js';

/** The seed file's path relative to the repository, as the CLI would be given it. */
export const seedName = 'samples/lenin-cw31-two-printings.txt';

/** The seed file's text. */
export const seedText = readFileSync(fileURLToPath(new URL(`../../${seedName}`, import.meta.url)), 'utf8');

/** The seed with a repaginated second printing and three errors in the first (see fixtures/checks/README.md). */
export const repaginatedText = readFileSync(new URL('../fixtures/checks/lenin-cw31-repaginated.txt', import.meta.url), 'utf8');

/**
 * Three printings: the seed's two as `a.txt` and `b.txt`, and a third scan of B's edition,
 * `c.txt`, with the entry `A Note on the Translation … 15` after the Preface that only it has.
 */
export function threePrintingsWithANote(): Array<{readonly name: string; readonly text: string}> {
	const lines = seedText.split('\n');
	const b = lines.slice(122, 223).join('\n');
	return [
		{name: 'a.txt', text: lines.slice(1, 121).join('\n')},
		{name: 'b.txt', text: b},
		{name: 'c.txt', text: b.replace('Preface\t13', 'Preface\t13\nA Note on the Translation\t15')},
	];
}

/** The decisions fixture for the seed. */
export const seedDecisionsPath = fileURLToPath(new URL('../fixtures/decisions/seed.decisions.json', import.meta.url));

/** Read the seed's decisions fixture. */
export function readSeedDecisions(): readonly Decision[] {
	return (JSON.parse(readFileSync(seedDecisionsPath, 'utf8')) as DecisionFile).decisions;
}

const italic = /<\/?i>/g;

/** Parse one printed line (or several joined with `\n`) into an item, roughly as the engine does. */
export function makeItem(index: number, first: number, text: string): TocItem {
	const lineCount = text.split('\n').length;
	const flat = text.replaceAll('\n', ' ');
	const depth = /^\t+/.test(flat) && !/\t\S+$/.test(flat.trimStart()) ? 1 : 0;
	const match = /^(.*?)((?:\s*\.(?:\s?\.)+)?\s*\t\s*)([\dclvxi]+(?:-\d+)?)$/.exec(flat.trimStart());
	const body = match ? (match[1] ?? '') : flat.trim();
	const label = /^((?:[IVXL]+|\d+)\.)\s/.exec(body)?.[1];
	const titleMarkup = label === undefined ? body : body.slice(label.length).trimStart();
	const italics: Array<{start: number; end: number}> = [];
	let title = '';
	let open = -1;
	let last = 0;
	for (const tag of titleMarkup.matchAll(italic)) {
		title += titleMarkup.slice(last, tag.index);
		last = tag.index + tag[0].length;
		if (tag[0] === '<i>') open = title.length;
		else if (open >= 0) {
			italics.push({start: open, end: title.length});
			open = -1;
		}
	}

	title += titleMarkup.slice(last);
	const page = match?.[3];
	return {
		index,
		lines: [first, first + lineCount - 1],
		text,
		type: page === undefined ? (/^[A-Z ]+$/.test(title) ? 'heading' : 'text') : 'entry',
		...(label === undefined ? {} : {label}),
		title,
		titleMarkup,
		italics,
		leader: match?.[2] ?? '',
		...(page === undefined ? {} : {page}),
		depth,
	};
}

/** Every non-empty line from `first` to `last` (1-based) as one item. */
export function itemsOf(text: string, first: number, last: number): TocItem[] {
	const lines = text.split(/\r?\n/);
	const items: TocItem[] = [];
	for (let line = first; line <= last; line++) {
		const content = lines[line - 1] ?? '';
		if (content.trim() !== '') items.push(makeItem(items.length, line, content));
	}

	return items;
}

/** A printing as a test gives it: its lines as printed come from the text of its file, when given. */
export type PrintingOf = Omit<Printing, 'printed'> & {readonly text?: string};

/** Build a comparison from explicit rows over two small sources (for edge cases), as core describes it. */
export function comparisonOf(rows: readonly RowDraft[], a: PrintingOf, b: PrintingOf): Comparison {
	const printing = ({text, ...rest}: PrintingOf): Printing => ({...rest, printed: text?.split(/\r?\n/).slice(rest.lines[0] - 1, rest.lines[1]) ?? []});
	return describeComparison({printings: [printing(a), printing(b)], rows, checks: []});
}
