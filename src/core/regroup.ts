/**
 * Align below the entry where the entries themselves do not pair: the two printings joined the
 * lines of their entries differently (a paragraph of summary broken at other places, a title
 * wrapped over three lines against two, half of a wrapped entry lost, a year line glued to the
 * entry after it), so that the entry-level alignment left items unpaired on both sides, or paired
 * an item with a much shorter one beside unpaired ones.
 *
 * Method, as collation tools do it: over such a stretch, the words of A's items and of B's items
 * are aligned as two streams, line breaks and item bounds ignored (jsdiff's `diffArrays`, Myers'
 * O(ND), with a comparator that forgives OCR noise). An item of A and an item of B are linked when
 * a good share of the words of either lies in the other; linked items form groups (the word
 * alignment keeps order, so each group is a run of A's items against a run of B's), and each
 * group becomes one row (`a: [92, 93, 94]`, `b: [96, 97]`); items linked to nothing stay alone.
 * Only stretches with unpaired items are looked at, so the cost follows what is unpaired.
 */
import {diffArrays} from 'diff';
import {editCost, ratio} from './distance.js';
import {normalizeTitle, ocrKey} from './normalize.js';
import type {AlignOp, TocItem} from './types.js';

/** A stretch of more words than this on a side is left as the entry-level alignment made it. */
const maxWords = 20_000;

/**
 * How many word comparisons the diff of one stretch may make. Its cost is the words times the
 * edits, so two long streams that share little would take seconds (2 × 20,000 words of debris: 2 s);
 * a stretch that needs more edits than this allows is too unlike to regroup, and stays as it is.
 */
const diffBudget = 1_000_000;

/** A pair whose titles' lengths differ more than this many times is one half of a different join. */
const lengthRatio = 1.4;

/** The words of an item's numbering and title, OCR-folded, for the word alignment (made once an item, #17: read-only). */
function wordsOf(item: TocItem): readonly string[] {
	let words = wordsMemo.get(item);
	if (words === undefined) {
		const text = item.label === undefined ? item.title : `${item.label} ${item.title}`;
		words = ocrKey(normalizeTitle(text))
			.split(' ')
			.filter((word) => word !== '');
		wordsMemo.set(item, words);
	}

	return words;
}

let wordsMemo = new WeakMap<TocItem, readonly string[]>();

/** Two words are one through OCR noise: equal folded, or long and nearly equal. */
function sameWord(x: string, y: string): boolean {
	return x === y || (x.length >= 4 && y.length >= 4 && Math.abs(x.length - y.length) <= 2 && ratio(x, y) >= 0.75);
}

/** The items of A (or B) an op holds. */
function itemsOf(op: AlignOp, side: 'a' | 'b'): readonly number[] {
	switch (op.kind) {
		case 'pair':
		case 'moved': {
			return op[side];
		}

		case 'only-a': {
			return side === 'a' ? [op.a] : [];
		}

		case 'only-b': {
			return side === 'b' ? [op.b] : [];
		}
	}
}

/** Characters of an op's titles on one side, for telling a pair of very different lengths. */
function lengthOf(op: AlignOp, side: 'a' | 'b', items: readonly TocItem[]): number {
	let length = 0;
	for (const index of itemsOf(op, side)) length += items[index]!.title.length + (items[index]!.label?.length ?? 0);
	return length;
}

/** A pair of items of very different lengths: one side may hold what the other split over several items. */
function isLopsided(op: AlignOp, a: readonly TocItem[], b: readonly TocItem[]): boolean {
	if (op.kind !== 'pair') return false;
	const x = lengthOf(op, 'a', a);
	const y = lengthOf(op, 'b', b);
	return Math.max(x, y) > lengthRatio * Math.max(1, Math.min(x, y));
}

/** Regroup one stretch of ops; undefined when it should stay as it is. */
function regroupStretch(stretch: readonly AlignOp[], a: readonly TocItem[], b: readonly TocItem[]): AlignOp[] | undefined {
	const aItems = stretch.flatMap((op) => itemsOf(op, 'a')).sort((x, y) => x - y);
	const bItems = stretch.flatMap((op) => itemsOf(op, 'b')).sort((x, y) => x - y);
	if (aItems.length === 0 || bItems.length === 0) return undefined;
	// Each side as one stream of words; `starts` holds where each of its items begins in it.
	const stream = (indexes: readonly number[], items: readonly TocItem[]): {words: string[]; starts: number[]} => {
		const words: string[] = [];
		const starts: number[] = [];
		for (const index of indexes) {
			starts.push(words.length);
			// One word at a time: a line of OCR debris may hold a hundred thousand (a spread would overflow the stack).
			for (const word of wordsOf(items[index]!)) words.push(word);
			if (words.length > maxWords) break;
		}

		return {words, starts};
	};

	const sa = stream(aItems, a);
	const sb = stream(bItems, b);
	if (sa.words.length === 0 || sb.words.length === 0 || sa.words.length > maxWords || sb.words.length > maxWords) return undefined;

	// The words matched, in order: `match[i]` is the word of B that word `i` of A is, or -1.
	const match = new Int32Array(sa.words.length).fill(-1);
	let i = 0;
	let j = 0;
	const maxEditLength = Math.ceil(diffBudget / (sa.words.length + sb.words.length));
	const changes = diffArrays(sa.words, sb.words, {comparator: sameWord, maxEditLength});
	if (changes === undefined) return undefined;
	for (const change of changes) {
		const {count} = change;
		if (change.added) j += count;
		else if (change.removed) i += count;
		else {
			for (let k = 0; k < count; k++) match[i + k] = j + k;
			i += count;
			j += count;
		}
	}

	// A cut between two items of A stands where one between two items of B does, with no matched
	// word crossing it: the last match before it and the first after it bracket where B's cut may be.
	const cuts: Array<[number, number]> = [];
	let lastB = 0;
	for (let k = 1; k < sa.starts.length; k++) {
		const at = sa.starts[k]!;
		let before = -1;
		for (let x = at - 1; x >= 0 && before === -1; x--) before = match[x]!;
		let after = sb.words.length;
		for (let x = at; x < match.length; x++) {
			if (match[x]! >= 0) {
				after = match[x]!;
				break;
			}
		}

		const cut = sb.starts.find((start, y) => y > lastB && start > before && start <= after);
		if (cut === undefined) continue;
		lastB = sb.starts.indexOf(cut);
		cuts.push([k, lastB]);
	}

	// Which items hold a matched word: an item with none at the edge of a region stands alone.
	const matchedA = new Set<number>();
	const matchedB = new Set<number>();
	const itemAt = (starts: readonly number[], word: number): number => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid]! <= word) lo = mid;
			else hi = mid - 1;
		}

		return lo;
	};

	for (const [x, y] of match.entries()) {
		if (y < 0) continue;
		matchedA.add(itemAt(sa.starts, x));
		matchedB.add(itemAt(sb.starts, y));
	}

	const out: AlignOp[] = [];
	const bounds: Array<[number, number]> = [[0, 0], ...cuts, [aItems.length, bItems.length]];
	for (let r = 1; r < bounds.length; r++) {
		let [fromA, fromB] = bounds[r - 1]!;
		let [toA, toB] = bounds[r]!;
		const lead: AlignOp[] = [];
		const trailA: AlignOp[] = [];
		const trailB: AlignOp[] = [];
		while (fromA < toA && !matchedA.has(fromA)) lead.push({kind: 'only-a', a: aItems[fromA++]!});
		while (fromB < toB && !matchedB.has(fromB)) lead.push({kind: 'only-b', b: bItems[fromB++]!});
		while (toA > fromA && !matchedA.has(toA - 1)) trailA.unshift({kind: 'only-a', a: aItems[--toA]!});
		while (toB > fromB && !matchedB.has(toB - 1)) trailB.unshift({kind: 'only-b', b: bItems[--toB]!});
		out.push(...lead);
		if (toA > fromA && toB > fromB) out.push({kind: 'pair', a: aItems.slice(fromA, toA), b: bItems.slice(fromB, toB)});
		else {
			for (let x = fromA; x < toA; x++) out.push({kind: 'only-a', a: aItems[x]!});
			for (let y = fromB; y < toB; y++) out.push({kind: 'only-b', b: bItems[y]!});
		}

		out.push(...trailA, ...trailB);
	}

	return out;
}

/** The words of several items read as one, joined. */
function joinedKey(indexes: readonly number[], items: readonly TocItem[]): string {
	return indexes.map((index) => wordsOf(items[index]!).join(' ')).join(' ');
}

/**
 * What a stretch's ops leave unexplained, in characters: the edit distance of each pair's words
 * (its items read as one), and every character of an item left alone. Regrouping must lower it.
 */
function costOf(ops: readonly AlignOp[], a: readonly TocItem[], b: readonly TocItem[]): number {
	let cost = 0;
	for (const op of ops) {
		if (op.kind === 'only-a') cost += joinedKey([op.a], a).length;
		else if (op.kind === 'only-b') cost += joinedKey([op.b], b).length;
		else cost += editCost(joinedKey(op.a, a), joinedKey(op.b, b));
	}

	return cost;
}

/** An op with its sides swapped. */
function swapped(op: AlignOp): AlignOp {
	switch (op.kind) {
		case 'pair':
		case 'moved': {
			return {kind: op.kind, a: op.b, b: op.a};
		}

		case 'only-a': {
			return {kind: 'only-b', b: op.a};
		}

		case 'only-b': {
			return {kind: 'only-a', a: op.b};
		}
	}
}

/** Ops as a string, for telling two regroupings apart. */
function shapeOf(ops: readonly AlignOp[]): string {
	return JSON.stringify(ops);
}

/**
 * Regroup a stretch from both sides (the cuts are looked for from A's items, then from B's) and
 * keep what explains it best: fewer characters left unmatched than the entry-level alignment, then
 * more pairs. When the two ways tie and disagree, the entry-level alignment stays, so that which
 * printing is A never changes the rows.
 */
function bestRegrouping(stretch: readonly AlignOp[], a: readonly TocItem[], b: readonly TocItem[]): AlignOp[] | undefined {
	const fromA = regroupStretch(stretch, a, b);
	const fromB = regroupStretch(
		stretch.map((op) => swapped(op)),
		b,
		a,
	)?.map((op) => swapped(op));
	const before = costOf(stretch, a, b);
	const scored = [fromA, fromB]
		.filter((ops): ops is AlignOp[] => ops !== undefined)
		.map((ops) => ({ops, cost: costOf(ops, a, b), pairs: ops.filter((op) => op.kind === 'pair').length}))
		.filter((found) => found.cost < before);
	if (scored.length === 0) return undefined;
	if (scored.length === 1) return scored[0]!.ops;
	const [x, y] = scored as [(typeof scored)[number], (typeof scored)[number]];
	if (x.cost !== y.cost) return x.cost < y.cost ? x.ops : y.ops;
	if (x.pairs !== y.pairs) return x.pairs > y.pairs ? x.ops : y.ops;
	return shapeOf(x.ops) === shapeOf(y.ops) ? x.ops : undefined;
}

/**
 * Whether an op may hold part of an entry the other printing joined otherwise: an item alone, a
 * lopsided pair, or a pair of differing items of which one has no page (a line of a wrapped entry
 * or of a paragraph that the parser could not join: its page comes on a later line).
 */
function isLoose(op: AlignOp, a: readonly TocItem[], b: readonly TocItem[]): boolean {
	if (op.kind === 'only-a' || op.kind === 'only-b') return true;
	if (op.kind !== 'pair') return false;
	if (isLopsided(op, a, b)) return true;
	const xs = op.a.map((index) => a[index]!);
	const ys = op.b.map((index) => b[index]!);
	const pageless = [...xs, ...ys].some((item) => item.page === undefined && item.type !== 'text');
	// Two items of one numbering and title read alike, without their words made (#17).
	if (xs.length === 1 && ys.length === 1 && xs[0]!.label === ys[0]!.label && xs[0]!.title === ys[0]!.title) return false;
	return pageless && joinedKey(op.a, a) !== joinedKey(op.b, b);
}

/**
 * The stretches to regroup, as `[start, end)` op indices: each run of loose ops (see `isLoose`),
 * with the pair just after it, which may end the entry (its page is there); runs that meet merge.
 */
function stretchesOf(ops: readonly AlignOp[], a: readonly TocItem[], b: readonly TocItem[]): Array<[number, number]> {
	const found: Array<[number, number]> = [];
	for (let k = 0; k < ops.length;) {
		if (!isLoose(ops[k]!, a, b)) {
			k++;
			continue;
		}

		const start = k;
		let end = k;
		while (end < ops.length && isLoose(ops[end]!, a, b)) end++;
		if (end < ops.length && ops[end]!.kind === 'pair') end++;
		const last = found.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else found.push([start, end]);
		k = end;
	}

	return found;
}

/**
 * Regroup the stretches of an alignment where the two printings joined their lines differently:
 * each run of unpaired ops, widened over the lopsided pairs beside it, that holds items of both
 * printings. Every item stays in exactly one op, in both orders.
 *
 * @example regroup(ops, a, b) // `only-a 5, only-a 6, only-b 7` → `pair [5, 6] / [7]` when 7 reads as 5 and 6 together
 */
export function regroup(ops: readonly AlignOp[], a: readonly TocItem[], b: readonly TocItem[]): AlignOp[] {
	const out: AlignOp[] = [];
	let next = 0;
	for (const [start, end] of stretchesOf(ops, a, b)) {
		out.push(...ops.slice(next, start));
		const stretch = ops.slice(start, end);
		const hasBoth = stretch.some((op) => itemsOf(op, 'a').length > 0) && stretch.some((op) => itemsOf(op, 'b').length > 0);
		out.push(...((hasBoth && stretch.length > 1 ? bestRegrouping(stretch, a, b) : undefined) ?? stretch));
		next = end;
	}

	out.push(...ops.slice(next));
	// The words are not asked for again: let them go with the regrouping (#17).
	wordsMemo = new WeakMap();
	return out;
}
