/**
 * A noisy pair as editable lines, so that the evaluation's families can insert, drop, split and
 * rewrite lines of either printing and still hand the engine an exact truth.
 *
 * `toDraft` turns a `NoisyPair` into two lists of lines, each line tagged with the item it belongs
 * to (a key that stays the same however lines move), or as page furniture, or as nothing (blank).
 * A family edits those lists and the pairs' recorded differences; `fromDraft` numbers the lines
 * again and rebuilds every item's line range, own lines and text, the pairs, the singles, the
 * furniture lines and the split boundary from the tags. So no line number is ever remapped by hand.
 */
import type {InjectedDifference, EvalKind, Mode, NoisyPair, PrintingTruth, TruthItem, TruthPair, TruthSingle} from './noise.js';

/** A line of one printing in a draft: its text and what it is part of. */
export type DraftLine = {
	readonly text: string;
	/** The key of the item it is part of; absent for a blank line or for furniture. */
	readonly item?: string;
	/** Page furniture (a running head, a folio, a column head): part of no item. */
	readonly furniture?: true;
};

/** Item `a` of A is item `b` of B (keys), with what differs between them. */
export type DraftPair = {
	readonly a: string;
	readonly b: string;
	readonly differences: readonly InjectedDifference[];
	readonly optional: readonly EvalKind[];
};

/** An item in one printing only (a key). */
export type DraftSingle = Omit<TruthSingle, 'item'> & {readonly item: string};

/** Two printings as lines, with the truth about them by item keys. */
export type Draft = {
	readonly name: string;
	readonly seed: number;
	readonly mode: Mode;
	/** File names: A's and B's (the same name twice in one-file mode). */
	readonly files: {readonly a: string; readonly b: string};
	/** A's lines; in one-file mode, every line of the file before B's first (blank lines after A included). */
	readonly a: readonly DraftLine[];
	/** B's lines; in one-file mode, from B's first line to the end of the file. */
	readonly b: readonly DraftLine[];
	readonly pairs: readonly DraftPair[];
	readonly singles: readonly DraftSingle[];
};

/** The key of item `index` of a side, as `toDraft` makes it. */
export const itemKey = (side: 'a' | 'b', index: number): string => `${side}${index}`;

/** The lines an item holds: its own lines when set, else every line of its range. */
export function itemLines(item: Pick<TruthItem, 'lines' | 'ownLines'>): readonly number[] {
	if (item.ownLines) return item.ownLines;
	const lines: number[] = [];
	for (let line = item.lines[0]; line <= item.lines[1]; line++) lines.push(line);
	return lines;
}

/** The lines of a text, without the empty string after its final line end. */
export function textLines(text: string): string[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

function sideLines(pair: NoisyPair, side: 'a' | 'b'): {lines: DraftLine[]; offset: number} {
	const printing: PrintingTruth = pair[side];
	let texts: string[];
	let offset = 0;
	if (pair.mode === 'one-file') {
		const all = textLines(pair.sources[0]!.text);
		const boundary = pair.boundary ?? printing.lines[0];
		texts = side === 'a' ? all.slice(0, boundary - 1) : all.slice(boundary - 1);
		offset = side === 'a' ? 0 : boundary - 1;
	} else {
		texts = textLines(pair.sources[side === 'a' ? 0 : 1]!.text);
	}

	const lines: DraftLine[] = texts.map((text) => ({text}));
	const furniture = new Set(pair.furniture?.[side] ?? []);
	for (const line of furniture) lines[line - offset - 1] = {...lines[line - offset - 1]!, furniture: true};
	for (const item of printing.items) {
		for (const line of itemLines(item)) lines[line - offset - 1] = {...lines[line - offset - 1]!, item: itemKey(side, item.index)};
	}

	return {lines, offset};
}

/**
 * A noisy pair as a draft: its files' lines tagged with their items (keys `a0`, `a1`, …, `b0`, …).
 *
 * @example
 * const draft = toDraft(makeNoisyPair(page, 1));
 * fromDraft(draft); // the same pair again
 */
export function toDraft(pair: NoisyPair): Draft {
	return {
		name: pair.name,
		seed: pair.seed,
		mode: pair.mode,
		files: {a: pair.sources[0]!.name, b: pair.sources[pair.mode === 'one-file' ? 0 : 1]!.name},
		a: sideLines(pair, 'a').lines,
		b: sideLines(pair, 'b').lines,
		pairs: pair.pairs.map((p) => ({a: itemKey('a', p.a), b: itemKey('b', p.b), differences: p.differences, optional: p.optional})),
		singles: pair.singles.map((s) => ({...s, item: itemKey(s.side, s.item)})),
	};
}

function printingOf(source: string, lines: readonly DraftLine[], offset: number): {truth: PrintingTruth; index: Map<string, number>; furniture: number[]} {
	const own = new Map<string, number[]>();
	const furniture: number[] = [];
	for (const [k, line] of lines.entries()) {
		const number = k + 1 + offset;
		if (line.furniture) furniture.push(number);
		if (line.item === undefined) continue;
		if (line.text.trim() === '') throw new Error(`draft: blank line ${number} is tagged as part of item ${line.item}`);
		const list = own.get(line.item);
		if (list) list.push(number);
		else own.set(line.item, [number]);
	}

	const index = new Map<string, number>();
	const items: TruthItem[] = [...own.entries()].map(([key, numbers], k) => {
		index.set(key, k);
		const first = numbers[0]!;
		const last = numbers.at(-1)!;
		return {
			index: k,
			lines: [first, last],
			text: numbers.map((number) => lines[number - offset - 1]!.text).join('\n'),
			...(numbers.length === last - first + 1 ? {} : {ownLines: numbers}),
		};
	});
	const first = items[0]?.lines[0] ?? offset + 1;
	const last = items.at(-1)?.lines[1] ?? offset + 1;
	return {truth: {source, lines: [first, last], items}, index, furniture};
}

/**
 * Number a draft's lines and rebuild the pair's truth from its tags: items in line order, each
 * with its range, own lines (when a blank line or furniture falls inside it) and text.
 *
 * @throws Error when a pair or single names an item no line holds, or a blank line holds an item.
 */
export function fromDraft(draft: Draft): NoisyPair {
	const oneFile = draft.mode === 'one-file';
	const a = printingOf(draft.files.a, draft.a, 0);
	const b = printingOf(draft.files.b, draft.b, oneFile ? draft.a.length : 0);
	const find = (side: 'a' | 'b', key: string): number => {
		const found = (side === 'a' ? a : b).index.get(key);
		if (found === undefined) throw new Error(`draft ${draft.name}: no line holds item ${key} of ${side.toUpperCase()}`);
		return found;
	};

	const pairs: TruthPair[] = draft.pairs
		.map((p) => ({a: find('a', p.a), b: find('b', p.b), differences: p.differences, optional: p.optional}))
		.sort((x, y) => x.a - y.a);
	const singles: TruthSingle[] = draft.singles
		.map((s) => ({...s, item: find(s.side, s.item)}))
		.sort((x, y) => (x.side === y.side ? x.item - y.item : x.side === 'a' ? -1 : 1));
	const text = (lines: readonly DraftLine[]): string => `${lines.map((line) => line.text).join('\n')}\n`;
	const sources = oneFile
		? [{name: draft.files.a, text: text([...draft.a, ...draft.b])}]
		: [
				{name: draft.files.a, text: text(draft.a)},
				{name: draft.files.b, text: text(draft.b)},
			];
	const hasFurniture = a.furniture.length > 0 || b.furniture.length > 0;
	return {
		name: draft.name,
		seed: draft.seed,
		mode: draft.mode,
		sources,
		a: a.truth,
		b: b.truth,
		pairs,
		singles,
		...(oneFile ? {boundary: b.truth.lines[0]} : {}),
		...(hasFurniture ? {furniture: {a: a.furniture, b: b.furniture}} : {}),
	};
}

/** The lines of an item in a draft side, as indexes into the side's list, in order. */
export function linesOfItem(lines: readonly DraftLine[], key: string): number[] {
	const found: number[] = [];
	for (const [k, line] of lines.entries()) if (line.item === key) found.push(k);
	return found;
}

/** The item keys of a side, in line order (each once). */
export function itemOrder(lines: readonly DraftLine[]): string[] {
	const seen = new Set<string>();
	for (const line of lines) if (line.item !== undefined) seen.add(line.item);
	return [...seen];
}

/** The words of a column head over the contents (`Chap.  Page.`, `Bladz.`, `Стр.`), as the fixtures print them. */
const columnWords = ['chap', 'chapter', 'page', 'pages', 'paragraph', 'paragraphs', 'bladz', 'bladzijde', 'seite', 'стр', 'страница'];

/** Whether two words differ by one letter at most (a misread `Cbap.`). */
const nearly = (word: string, known: string): boolean => {
	if (word === known) return true;
	if (Math.abs(word.length - known.length) > 1) return false;
	let differing = 0;
	for (let k = 0; k < Math.max(word.length, known.length); k++) if (word[k] !== known[k]) differing++;
	return differing <= 1;
};

/**
 * Whether a line is a column head: only column words (`CHAP.  PAGE`, `_Page_`, `Bladz.`), one letter
 * of each misread at most. The evaluation's own test, apart from the engine's.
 */
export function isColumnHead(text: string): boolean {
	const words = text
		.replaceAll(/<\/?[a-z]+>|_/gi, ' ')
		.toLowerCase()
		.split(/[^\p{L}]+/u)
		.filter((word) => word !== '');
	return words.length > 0 && words.length <= 3 && words.every((word) => columnWords.some((known) => nearly(word, known)));
}

/**
 * The pair with its column heads as page furniture: the engine sets a column head apart (#12), so
 * a truth that pairs it asks for a row that must not be. Its pair, or its being alone, goes too.
 */
export function columnHeadsAsFurniture(pair: NoisyPair): NoisyPair {
	const heads = (side: 'a' | 'b'): Set<number> =>
		new Set(pair[side].items.filter((item) => item.lines[0] === item.lines[1] && isColumnHead(item.text)).map((item) => item.index));
	const inA = heads('a');
	const inB = heads('b');
	if (inA.size === 0 && inB.size === 0) return pair;
	const draft = toDraft(pair);
	const retag = (lines: readonly DraftLine[], side: 'a' | 'b', set: ReadonlySet<number>): DraftLine[] =>
		lines.map((line) =>
			line.item !== undefined && set.has(Number(line.item.slice(1))) && line.item.startsWith(side) ? {text: line.text, furniture: true} : line,
		);
	const gone = (key: string): boolean => (key.startsWith('a') ? inA : inB).has(Number(key.slice(1)));
	return fromDraft({
		...draft,
		a: retag(draft.a, 'a', inA),
		b: retag(draft.b, 'b', inB),
		pairs: draft.pairs.filter((p) => !gone(p.a) && !gone(p.b)),
		singles: draft.singles.filter((s) => !gone(s.item)),
	});
}
