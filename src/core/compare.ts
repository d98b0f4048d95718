/**
 * The whole engine in one call: find the printings, parse them, align them, classify the
 * differences and count them.
 */
import {alignItems, type AlignOp} from './align.js';
import {isAscii} from './chars.js';
import {checkPrinting, explainPageOffsets, findPageOffsets, offsetChecks, renumberingChecks} from './checks.js';
import {classifyPair, kindSeverity, textSimilarity} from './classify.js';
import {detectLanguage} from './language.js';
import {lineReader, parsePrinting, stripMarkup, type LineParse, type LineReader} from './parse.js';
import {findRunningHeads} from './running-heads.js';
import {findPrintings} from './split.js';
import {describeComparison} from './meaning.js';
import {suggestRows} from './suggest.js';
import type {Check, Comparison, Difference, ItemPlace, Language, LinePlace, Printing, RowDraft, SplitReport, TocItem, WordLookup} from './types.js';

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

/** Read two adjacent items as one: an entry wrapped differently in the other printing. */
function mergeItems(items: readonly TocItem[]): TocItem {
	if (items.length === 1) return items[0]!;
	const first = items[0]!;
	const last = items.at(-1)!;
	// The later items' numbering is part of the text (`… Congress V. Letter from …`), and markup
	// opened in one item may close in another (`<i>THE SECOND` … `1920</i>`): read the whole again.
	const titleMarkup = items
		.map((item, k) => (k === 0 || item.label === undefined ? item.titleMarkup : `${item.label} ${item.titleMarkup}`))
		.filter((part) => part.trim() !== '')
		.join(' ')
		.trim();
	const {title, italics} = stripMarkup(titleMarkup);
	// The numbering is the first item's, or none: the last one's is in the title now.
	const {label: _label, labelValue: _value, place: _place, ...rest} = last;
	const places = items.flatMap((item) => (item.place === undefined ? [] : [item.place]));
	const place: ItemPlace | undefined = places.length === 0 ? undefined : {page: places[0]!.page, lines: places.flatMap((each) => each.lines)};
	return {
		...rest,
		...(place === undefined ? {} : {place}),
		index: first.index,
		lines: [first.lines[0], last.lines[1]],
		text: items.map((i) => i.text).join('\n'),
		type: 'entry',
		title: title.trim(),
		titleMarkup,
		italics,
		depth: first.depth,
		...(first.label === undefined ? {} : {label: first.label}),
		...(first.labelValue === undefined ? {} : {labelValue: first.labelValue}),
	};
}

function lonelyDifference(item: TocItem, kind: 'missing' | 'extra' | 'truncation', side: 'a' | 'b'): Difference {
	// Front matter matters less than a lost entry.
	const severity = kind === 'truncation' ? 'substantive' : item.type === 'text' ? 'minor' : kindSeverity[kind];
	const text = item.text.replaceAll(/\s+/g, ' ').trim();
	return {kind, severity, field: 'item', a: side === 'a' ? text : '', b: side === 'b' ? text : ''};
}

/** Turn alignment steps into rows, classifying each pair. */
export function buildRows(a: readonly TocItem[], b: readonly TocItem[], ops: readonly AlignOp[], truncationRun = 2): RowDraft[] {
	// A printing that simply stops: the unpaired items after the last pair, on one side only.
	let lastPair = -1;
	for (const [k, op] of ops.entries()) if (op.kind === 'pair' || op.kind === 'moved') lastPair = k;
	const tail = ops.slice(lastPair + 1);
	const tailA = tail.filter((op) => op.kind === 'only-a').length;
	const tailB = tail.filter((op) => op.kind === 'only-b').length;
	const truncatedSide = lastPair >= 0 && tailA >= truncationRun && tailB === 0 ? 'a' : lastPair >= 0 && tailB >= truncationRun && tailA === 0 ? 'b' : undefined;

	return ops.map((op, k): RowDraft => {
		switch (op.kind) {
			case 'pair':
			case 'moved': {
				const ia = mergeItems(op.a.map((i) => a[i]!));
				const ib = mergeItems(op.b.map((j) => b[j]!));
				const differences = classifyPair(ia, ib);
				if (op.kind === 'moved') {
					const moved: Difference = {kind: 'moved', severity: kindSeverity.moved, field: 'item', a: `line ${ia.lines[0]}`, b: `line ${ib.lines[0]}`};
					return {status: 'moved', a: ia, b: ib, similarity: textSimilarity(ia, ib), differences: [moved, ...differences]};
				}

				return differences.length === 0
					? {status: 'same', a: ia, b: ib, similarity: 1, differences}
					: {status: 'changed', a: ia, b: ib, similarity: textSimilarity(ia, ib), differences};
			}

			case 'only-a': {
				const item = a[op.a]!;
				const kind = truncatedSide === 'a' && k > lastPair ? 'truncation' : 'missing';
				return {status: 'only-a', a: item, b: null, similarity: 0, differences: [lonelyDifference(item, kind, 'a')]};
			}

			case 'only-b': {
				const item = b[op.b]!;
				const kind = truncatedSide === 'b' && k > lastPair ? 'truncation' : 'extra';
				return {status: 'only-b', a: null, b: item, similarity: 0, differences: [lonelyDifference(item, kind, 'b')]};
			}
		}
	});
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

/** The items of A (or B) a row's alignment step holds: none, one, or the several buildRows reads as one. */
function opItems(op: AlignOp, side: 'a' | 'b'): readonly number[] {
	if (op.kind === 'pair' || op.kind === 'moved') return op[side];
	if (op.kind === 'only-a') return side === 'a' ? [op.a] : [];
	return side === 'b' ? [op.b] : [];
}

/** Where each item of the left side went in an alignment: the right items it pairs with (several, when the right side wraps it over more items). */
function partners(ops: readonly AlignOp[]): Map<number, readonly number[]> {
	const found = new Map<number, readonly number[]>();
	for (const op of ops) if (op.kind === 'pair' || op.kind === 'moved') for (const i of op.a) found.set(i, op.b);
	return found;
}

/**
 * Give each row the readings of the printings after the first two (three scans of one page): each
 * further printing is aligned with A and with B, and a row takes the items its A item pairs with
 * (all of them, read as one, when the row or the further printing joins or splits items), else
 * those its B item pairs with. An item of those printings that no row shows (neither A nor B has
 * it) becomes an `only-other` check, so that it is not lost.
 */
function attachOthers(
	rows: readonly RowDraft[],
	ops: readonly AlignOp[],
	first: Printing,
	second: Printing,
	others: readonly Printing[],
): {rows: readonly RowDraft[]; checks: Check[]} {
	if (others.length === 0) return {rows, checks: []};
	const maps = others.map((other) => ({
		items: other.items,
		fromA: partners(alignItems(first.items, other.items)),
		fromB: partners(alignItems(second.items, other.items)),
	}));
	const shown = others.map(() => new Set<number>());
	const partnersOf = (indexes: readonly number[], partner: ReadonlyMap<number, readonly number[]>): number[] =>
		[...new Set(indexes.flatMap((index) => partner.get(index) ?? []))].sort((x, y) => x - y);
	const attached = rows.map((row, r) => ({
		...row,
		others: maps.map(({items, fromA, fromB}, k) => {
			const fromRowA = partnersOf(opItems(ops[r]!, 'a'), fromA);
			const indexes = fromRowA.length > 0 ? fromRowA : partnersOf(opItems(ops[r]!, 'b'), fromB);
			if (indexes.length === 0) return null;
			for (const index of indexes) shown[k]!.add(index);
			return mergeItems(indexes.map((index) => items[index]!));
		}),
	}));
	const checks = others.flatMap((other, k) =>
		other.items
			.filter((item) => !shown[k]!.has(item.index))
			.map((item): Check => ({
				printing: other.id,
				lines: item.lines,
				kind: 'only-other',
				message: `${quoteItem(item)} is in ${other.id} only; neither ${first.id} nor ${second.id} has it`,
			})),
	);
	return {rows: attached, checks};
}

/** An item as a check names it: its numbering and title in quotes, and its page (`“II. Title” (p. 23)`). */
function quoteItem(item: TocItem): string {
	const words = [item.label, item.title].filter((part) => part !== undefined && part !== '').join(' ') || item.text.trim();
	return `“${words}”${item.page === undefined ? '' : ` (p. ${item.page})`}`;
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
	const {rows: built, checks: unshown} = attachOthers(buildRows(first.items, second.items, ops, options.truncationRun), ops, first, second, others);
	const offsets = findPageOffsets(built);
	const language = detectLanguage([first, second]);
	const lookup = language === undefined ? undefined : options.dictionary?.(language);
	const rows = suggestRows(explainPageOffsets(built, offsets), [first, second], {lookup, language, others: others.map((other) => other.id)});
	// Grouped by printing, in the printings' order: C's entries of its own with C's other checks.
	const order = new Map(printings.map((printing, k) => [printing.id, k]));
	const checks = [
		...printings.flatMap((printing) => checkPrinting(printing)),
		...offsetChecks(rows, offsets, [first.id, second.id]),
		...renumberingChecks(rows, [first.id, second.id]),
		...unshown,
	].sort((x, y) => order.get(x.printing)! - order.get(y.printing)!);
	return describeComparison({printings, split, language, rows, checks});
}
