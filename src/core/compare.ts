/**
 * The whole engine in one call: find the printings, parse them, align them, classify the
 * differences and count them.
 */
import {alignItems} from './align.js';
import {isAscii} from './chars.js';
import {checkPrinting, explainPageOffsets, explainTitlePages, findPageOffsets, offsetChecks, renumberingChecks, titlePageChecks} from './checks.js';
import {detectLanguage} from './language.js';
import {lineReader, parsePrinting, type LineParse, type LineReader} from './parse.js';
import {findRunningHeads} from './running-heads.js';
import {findPrintings} from './split.js';
import {describeComparison} from './meaning.js';
import {suggestRows} from './suggest.js';
import {attachOthers, buildRows} from './rows.js';
import type {Comparison, Language, LinePlace, Printing, SplitReport, TocItem, WordLookup} from './types.js';

/** One input: a name to report (a path as given) and its decoded text. */
export type Source = {
	readonly name: string;
	readonly text: string;
	/**
	 * For text read from an OCR file: where each line of `text` (index: line number − 1) is on the
	 * scan; undefined for lines that are not an OCR line (the blank lines between blocks).
	 */
	readonly layout?: readonly (LinePlace | undefined)[];
};

/** Options for `compare`. */
export type CompareOptions = {
	/**
	 * The first line (1-based) of the second printing in a one-file input, overriding detection;
	 * with several, the first line of the second, third … printing.
	 */
	readonly splitAt?: number | readonly number[];
	/**
	 * How many printings a one-file input holds, when the split stays ambiguous; `splitAt` overrides it.
	 * @default as many as explain the file best
	 */
	readonly printings?: number;
	/**
	 * The shortest run of entries lost at the end of one printing that counts as a truncation
	 * rather than separate losses.
	 * @default 2
	 */
	readonly truncationRun?: number;
	/**
	 * The dictionary of a language, for the suggestions (`suggest.ts`): called with the language
	 * of the contents once it is known. The look-up may open its word list lazily.
	 * @default no dictionary: suggestions weigh only what the printings themselves show
	 */
	readonly dictionary?: (language: Language) => WordLookup | undefined;
};

/** An input that cannot be compared; the message says why and what to do. */
export class CompareError extends Error {
	override name = 'CompareError';
}

/**
 * A text's lines in Unicode NFC (an accent written as a letter and a combining mark, as some OCR
 * engines write it, becomes the composed letter), and which lines that changed: a difference only
 * in normalisation is no difference.
 */
function nfcLines(text: string): {readonly lines: string[]; readonly changed: ReadonlySet<number>} {
	const lines = splitLines(text);
	const changed = new Set<number>();
	if (isAscii(text)) return {lines, changed};
	for (const [i, line] of lines.entries()) {
		if (isAscii(line)) continue;
		const composed = line.normalize('NFC');
		if (composed !== line) {
			lines[i] = composed;
			changed.add(i + 1);
		}
	}

	return {lines, changed};
}

/** Split text into lines; `\r\n` and `\r` count as line ends too. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

function nonEmptyRange(lines: readonly string[]): readonly [number, number] | undefined {
	const first = lines.findIndex((l) => l.trim() !== '');
	if (first === -1) return undefined;
	let last = lines.length - 1;
	while (lines[last]!.trim() === '') last--;
	return [first + 1, last + 1];
}

/** Why a source without text cannot be compared: nothing at all, or blank lines only. */
function emptyMessage(source: Source): string {
	return `${source.name} ${source.text === '' ? 'is empty' : 'holds only blank lines'}; give a file that holds a contents page`;
}

/**
 * What is wrong with the split points a user gave, or undefined: one past the text, one that
 * leaves nothing before it, or two with nothing between them. `lines` are the file's lines.
 */
function splitAtProblem(name: string, lines: readonly string[], range: readonly [number, number], splitAt: number | readonly number[]): string | undefined {
	const [first, last] = range;
	const points = typeof splitAt === 'number' ? [splitAt] : [...splitAt].sort((x, y) => x - y);
	const which = points.length === 1 ? 'the second printing' : 'each printing after the first';
	// The first line of text at or after a point: where that printing would start.
	const startOf = (at: number): number => {
		let n = Math.max(at, first);
		while (n <= last && lines[n - 1]!.trim() === '') n++;
		return n;
	};

	for (const [k, at] of points.entries()) {
		if (at > last) return `${name}: --split-at ${at} is past the last line of text (${last}); give the line where ${which} begins`;
		if (at <= first) return `${name}: --split-at ${at} leaves nothing before it (the text starts at line ${first}); give the line where ${which} begins`;
		if (k > 0 && startOf(at) === startOf(points[k - 1]!))
			return `${name}: --split-at ${points[k - 1]},${at}: no text lies between them; give the line where ${which} begins`;
	}

	return undefined;
}

/**
 * Why one file gave one printing only, and what to do: it holds no entries at all (prose, a
 * list without pages), or the second printing was not found.
 */
function onePrintingMessage(name: string, hasPage: boolean, printings: number | undefined): string {
	if (!hasPage)
		return `${name} holds no contents entries (no line ends in a page number); give a contents page, or pass --split-at LINE if its entries have no pages`;
	if (printings !== undefined) return `${name}: found no ${printings} places where a printing starts; pass --split-at LINE,LINE… to say where each begins`;
	return `${name} seems to hold only one printing; pass --split-at LINE to say where the second begins, or give the second printing as a second file`;
}

function printingOf(
	id: string,
	source: string,
	printed: readonly string[],
	lines: readonly string[],
	range: readonly [number, number],
	read: LineReader,
	runningHeads: ReadonlySet<number>,
	composed: ReadonlySet<number>,
	layout?: readonly (LinePlace | undefined)[],
): Printing {
	const parsed = parsePrinting(lines, range[0], range[1], {read, furniture: runningHeads});
	const {furniture, specks} = parsed;
	const items = layout === undefined ? parsed.items : parsed.items.map((item) => placed(item, layout));
	let normalized = 0;
	for (const line of composed) if (line >= range[0] && line <= range[1]) normalized++;
	return {
		id,
		source,
		lines: range,
		items,
		...(furniture.length > 0 ? {furniture} : {}),
		...(normalized > 0 ? {normalized: {form: 'NFC', lines: normalized}} : {}),
		...(specks > 0 ? {specks} : {}),
		printed: printed.slice(range[0] - 1, range[1]),
	};
}

/** An item with the OCR lines it was read from, when there are any. */
function placed(item: TocItem, layout: readonly (LinePlace | undefined)[]): TocItem {
	const lines = layout.slice(item.lines[0] - 1, item.lines[1]).filter((line): line is LinePlace => line !== undefined);
	return lines.length === 0 ? item : {...item, place: {page: lines[0]!.page, lines}};
}

/**
 * Compare two printings of a contents page: one source holding both (or more) one after the
 * other, or sources holding one each. Rows pair A with B; the printings after those two give
 * their readings on each row (`Row.others`) and vote in the suggestions.
 *
 * @throws CompareError when a source is empty or only one printing can be found.
 * @example
 * const {rows, summary} = compare([{name: 'vol31.txt', text}]);
 */
export function compare(sources: readonly Source[], options: CompareOptions = {}): Comparison {
	const ids = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
	if (sources.length === 0 || sources.length > ids.length) throw new CompareError(`expected 1 to ${ids.length} inputs, got ${sources.length}`);
	let printings: Printing[];
	let split: SplitReport | undefined;
	if (sources.length === 1) {
		const [source] = sources as [Source];
		const {lines, changed} = nfcLines(source.text);
		const range = nonEmptyRange(lines);
		if (range === undefined) throw new CompareError(emptyMessage(source));
		const read = lineReader(lines);
		const problem = options.splitAt === undefined ? undefined : splitAtProblem(source.name, lines, range, options.splitAt);
		if (problem !== undefined) throw new CompareError(problem);
		// A file with no page anywhere holds no entries to split by (500,000 lines of prose or of one word).
		const hasPage = lines.some((line, i) => line.trim() !== '' && read(i + 1).page !== undefined);
		if (options.splitAt === undefined && !hasPage) throw new CompareError(onePrintingMessage(source.name, hasPage, options.printings));
		const [runningHeads] = findRunningHeads([lines], [read]) as [ReadonlySet<number>];
		const found = findPrintings(
			lines,
			{
				...(options.splitAt === undefined ? {} : {splitAt: options.splitAt}),
				...(options.printings === undefined ? {} : {printings: options.printings}),
				furniture: runningHeads,
			},
			read,
		);
		if (found.ranges.length < 2) throw new CompareError(onePrintingMessage(source.name, hasPage, options.printings));

		const printed = changed.size === 0 ? lines : splitLines(source.text);
		printings = found.ranges.map((range, i) =>
			printingOf(ids[i] ?? `P${i + 1}`, source.name, printed, lines, range, read, runningHeads, changed, source.layout),
		);
		split = found.report;
	} else {
		const texts = sources.map((source) => nfcLines(source.text));
		// The book's running title comes back once a page: across the files, not always within one.
		// One reading of each line text for all the files: the printings repeat most of their lines.
		const byText = new Map<string, LineParse>();
		const readers = texts.map((text) => lineReader(text.lines, byText));
		const runningHeads = findRunningHeads(
			texts.map((text) => text.lines),
			readers,
		);
		printings = sources.map((source, i) => {
			const {lines, changed} = texts[i]!;
			const range = nonEmptyRange(lines);
			if (range === undefined) throw new CompareError(emptyMessage(source));
			return printingOf(
				ids[i]!,
				source.name,
				changed.size === 0 ? lines : splitLines(source.text),
				lines,
				range,
				readers[i]!,
				runningHeads[i]!,
				changed,
				source.layout,
			);
		});
	}

	const [first, second, ...others] = printings as [Printing, Printing, ...Printing[]];
	const ops = alignItems(first.items, second.items);
	const built = attachOthers(buildRows(first.items, second.items, ops, options.truncationRun), ops, first, second, others);
	const offsets = findPageOffsets(built);
	const language = detectLanguage([first, second]);
	const lookup = language === undefined ? undefined : options.dictionary?.(language);
	const titlePages = titlePageChecks(built, [first.id, second.id]);
	const explained = explainTitlePages(explainPageOffsets(built, offsets), titlePages.rows);
	const rows = suggestRows(explained, [first, second], {lookup, language, others: others.map((other) => other.id)});
	// Grouped by printing, in the printings' order.
	const order = new Map(printings.map((printing, k) => [printing.id, k]));
	const checks = [
		// A title page stands before every entry: its check first.
		...titlePages.checks,
		...printings.flatMap((printing) => checkPrinting(printing)),
		...offsetChecks(rows, offsets, [first.id, second.id]),
		...renumberingChecks(rows, [first.id, second.id]),
	].sort((x, y) => order.get(x.printing)! - order.get(y.printing)!);
	return describeComparison({printings, split, language, rows, checks});
}
