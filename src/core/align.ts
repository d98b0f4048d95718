/**
 * Align the items of two printings, entry by entry.
 *
 * Method. (1) Anchors: items whose full comparison key (label, title, page) occurs once in each
 * printing pair up; the longest run of them that keeps both orders (patience LIS, O(n log n))
 * fixes the alignment there. (2) Gaps: between consecutive anchors a global alignment (dynamic
 * programming) pairs the rest. Its pair cost is 1 − similarity, where similarity weighs an
 * OCR-aware title distance (`rn`/`m`, `cl`/`d`, `l`/`1`/`I`, `O`/`0`, doubled letters cost
 * nothing) with agreement of numbering and page; a gap costs 0.5. Two extra moves pair one item
 * with two adjacent items of the other side, when the first of the two has no page, so that an
 * entry wrapped differently still pairs as one unit. A gap larger than `bandLimit` cells is split
 * by looser anchors (title only) and otherwise aligned within a band around its diagonal, so that
 * time and memory stay near linear on realistic input. (3) Moves: items left unpaired on both
 * sides that are near-identical pair as `moved`.
 */
import {distance} from 'fastest-levenshtein';
import {labelsAgree} from './labels.js';
import {normalizeTitle, ocrKey} from './normalize.js';
import {pageNumber} from './parse.js';
import type {TocItem} from './types.js';

/** One step of an alignment, by item index. `a` or `b` hold one or two adjacent indices. */
export type AlignOp =
	| {readonly kind: 'pair'; readonly a: readonly number[]; readonly b: readonly number[]; readonly similarity: number}
	| {readonly kind: 'moved'; readonly a: readonly number[]; readonly b: readonly number[]; readonly similarity: number}
	| {readonly kind: 'only-a'; readonly a: number}
	| {readonly kind: 'only-b'; readonly b: number};

/** What an item is compared by, computed once. */
type Features = {
	readonly item: TocItem;
	readonly key: string;
	/** The key of label and title together, for when one printing read the label as title. */
	readonly fullKey: string;
	readonly exact: string;
	readonly page: number | undefined;
};

/** Options for `alignItems`. */
export type AlignOptions = {
	/**
	 * The largest gap, in DP cells, aligned in full; larger gaps are split or banded.
	 * @default 250_000
	 */
	readonly bandLimit?: number;
};

const gapCost = 0.5;
const minSimilarity = 0.5;

function features(item: TocItem): Features {
	const normalized = normalizeTitle(item.title);
	const key = ocrKey(normalized);
	const fullKey = item.label === undefined ? key : ocrKey(normalizeTitle(`${item.label} ${item.title}`));
	return {item, key, fullKey, exact: `${item.labelValue ? JSON.stringify(item.labelValue) : ''}|${normalized}|${item.page ?? ''}`, page: pageNumber(item.page)};
}

/** Similarity of two strings from their edit distance, 0..1. */
export function ratio(a: string, b: string): number {
	const longest = Math.max(a.length, b.length);
	return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** How alike two items are, 0..1: title through OCR noise, numbering, page, kind of item. */
function similarity(a: Features, b: Features): number {
	let total = 0;
	let weight = 0;
	const hasTitle = a.key.length > 0 || b.key.length > 0;
	if (hasTitle) {
		// A quick bound on the edit distance saves the full computation for unrelated titles.
		const longest = Math.max(a.key.length, b.key.length);
		const bound = 1 - Math.abs(a.key.length - b.key.length) / longest;
		let title = bound < 0.4 ? bound : ratio(a.key, b.key);
		if ((a.item.label === undefined) !== (b.item.label === undefined)) title = Math.max(title, ratio(a.fullKey, b.fullKey));
		total += 0.7 * title;
		weight += 0.7;
		if (title < 0.45) return title * 0.7;
	}

	const labels = labelsAgree(a.item.labelValue, b.item.labelValue);
	if (labels !== undefined || !hasTitle) {
		total += 0.15 * (labels === true ? 1 : a.item.label === undefined || b.item.label === undefined ? 0.5 : 0);
		weight += 0.15;
	}

	if (a.item.page !== undefined || b.item.page !== undefined) {
		const same = a.item.page === b.item.page || (a.page !== undefined && a.page === b.page);
		const near = a.page !== undefined && b.page !== undefined && Math.abs(a.page - b.page) <= 3;
		total += 0.15 * (same ? 1 : a.item.page === undefined || b.item.page === undefined ? 0.5 : near ? 0.6 : 0.2);
		weight += 0.15;
	}

	let score = weight === 0 ? 0 : total / weight;
	if ((a.item.type === 'text') !== (b.item.type === 'text')) score -= 0.15;
	return Math.max(0, Math.min(1, score));
}

/** The features of two adjacent items read as one (an entry wrapped over two lines). */
function joined(first: Features, second: Features): Features {
	const title = `${first.item.title} ${second.item.title}`.trim();
	const item: TocItem = {
		...second.item,
		...(first.item.label === undefined ? {} : {label: first.item.label}),
		...(first.item.labelValue === undefined ? {} : {labelValue: first.item.labelValue}),
		title,
		type: 'entry',
	};
	return features(item);
}

/** Longest increasing subsequence of `values`, as indices into it (patience sorting). */
function longestIncreasing(values: readonly number[]): number[] {
	const tails: number[] = [];
	const previous: number[] = Array.from({length: values.length}, () => -1);
	for (let i = 0; i < values.length; i++) {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
			else hi = mid;
		}

		if (lo > 0) previous[i] = tails[lo - 1]!;
		tails[lo] = i;
	}

	const out: number[] = [];
	for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k]!) out.push(k);
	return out.reverse();
}

/** Pairs of indices whose key is unique on both sides and that keep both orders. */
function uniqueAnchors(
	fa: readonly Features[],
	fb: readonly Features[],
	aFrom: number,
	aTo: number,
	bFrom: number,
	bTo: number,
	keyOf: (f: Features) => string,
): Array<[number, number]> {
	const count = (list: readonly Features[], from: number, to: number): Map<string, number> => {
		const seen = new Map<string, number>();
		for (let i = from; i < to; i++) {
			const key = keyOf(list[i]!);
			if (key === '' || key === '||') continue;
			seen.set(key, seen.has(key) ? -1 : i);
		}

		return seen;
	};

	const inA = count(fa, aFrom, aTo);
	const inB = count(fb, bFrom, bTo);
	const pairs: Array<[number, number]> = [];
	for (const [key, i] of inA) {
		const j = inB.get(key);
		if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
	}

	pairs.sort((x, y) => x[0] - y[0]);
	return longestIncreasing(pairs.map((p) => p[1])).map((k) => pairs[k]!);
}

type GapOp = AlignOp;

/**
 * Global alignment of `fa[aFrom..aTo)` with `fb[bFrom..bTo)`, with one-to-two moves, optionally
 * within a band of half-width `band` around the diagonal.
 */
function alignGap(fa: readonly Features[], fb: readonly Features[], aFrom: number, aTo: number, bFrom: number, bTo: number, band?: number): GapOp[] {
	const n = aTo - aFrom;
	const m = bTo - bFrom;
	if (n === 0 || m === 0) {
		const ops: GapOp[] = [];
		for (let i = aFrom; i < aTo; i++) ops.push({kind: 'only-a', a: i});
		for (let j = bFrom; j < bTo; j++) ops.push({kind: 'only-b', b: j});
		return ops;
	}

	const width = m + 1;
	const cost = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY);
	// Back-pointer: 0 gap in B (only-a), 1 gap in A (only-b), 2 pair, 3 one A with two B, 4 two A with one B.
	const move = new Uint8Array((n + 1) * width);
	const sims = new Float64Array((n + 1) * width);
	cost[0] = 0;
	const inBand = (i: number, j: number): boolean => band === undefined || Math.abs(j - (i * m) / n) <= band;
	for (let i = 0; i <= n; i++) {
		for (let j = 0; j <= m; j++) {
			if ((i === 0 && j === 0) || !inBand(i, j)) continue;
			let best = Number.POSITIVE_INFINITY;
			let how = 0;
			let sim = 0;
			const at = i * width + j;
			if (i > 0 && cost[at - width]! + gapCost < best) {
				best = cost[at - width]! + gapCost;
				how = 0;
			}

			if (j > 0 && cost[at - 1]! + gapCost < best) {
				best = cost[at - 1]! + gapCost;
				how = 1;
			}

			if (i > 0 && j > 0 && Number.isFinite(cost[at - width - 1]!)) {
				const s = similarity(fa[aFrom + i - 1]!, fb[bFrom + j - 1]!);
				if (s >= minSimilarity && cost[at - width - 1]! + (1 - s) < best) {
					best = cost[at - width - 1]! + (1 - s);
					how = 2;
					sim = s;
				}
			}

			if (i > 0 && j > 1 && fb[bFrom + j - 2]!.item.page === undefined && Number.isFinite(cost[at - width - 2]!)) {
				const s = similarity(fa[aFrom + i - 1]!, joined(fb[bFrom + j - 2]!, fb[bFrom + j - 1]!));
				if (s >= minSimilarity && cost[at - width - 2]! + (1 - s) + 0.05 < best) {
					best = cost[at - width - 2]! + (1 - s) + 0.05;
					how = 3;
					sim = s;
				}
			}

			if (i > 1 && j > 0 && fa[aFrom + i - 2]!.item.page === undefined && Number.isFinite(cost[at - 2 * width - 1]!)) {
				const s = similarity(joined(fa[aFrom + i - 2]!, fa[aFrom + i - 1]!), fb[bFrom + j - 1]!);
				if (s >= minSimilarity && cost[at - 2 * width - 1]! + (1 - s) + 0.05 < best) {
					best = cost[at - 2 * width - 1]! + (1 - s) + 0.05;
					how = 4;
					sim = s;
				}
			}

			cost[at] = best;
			move[at] = how;
			sims[at] = sim;
		}
	}

	const ops: GapOp[] = [];
	let i = n;
	let j = m;
	while (i > 0 || j > 0) {
		const at = i * width + j;
		switch (move[at]) {
			case 0: {
				ops.push({kind: 'only-a', a: aFrom + i - 1});
				i--;
				break;
			}

			case 1: {
				ops.push({kind: 'only-b', b: bFrom + j - 1});
				j--;
				break;
			}

			case 2: {
				ops.push({kind: 'pair', a: [aFrom + i - 1], b: [bFrom + j - 1], similarity: sims[at]!});
				i--;
				j--;
				break;
			}

			case 3: {
				ops.push({kind: 'pair', a: [aFrom + i - 1], b: [bFrom + j - 2, bFrom + j - 1], similarity: sims[at]!});
				i--;
				j -= 2;
				break;
			}

			default: {
				ops.push({kind: 'pair', a: [aFrom + i - 2, aFrom + i - 1], b: [bFrom + j - 1], similarity: sims[at]!});
				i -= 2;
				j--;
			}
		}
	}

	return ops.reverse();
}

/** Align a region, splitting it at anchors of decreasing strictness, then by DP. */
function alignRegion(
	fa: readonly Features[],
	fb: readonly Features[],
	aFrom: number,
	aTo: number,
	bFrom: number,
	bTo: number,
	limit: number,
	level: number,
): AlignOp[] {
	const n = aTo - aFrom;
	const m = bTo - bFrom;
	if (n === 0 || m === 0 || n * m <= limit || level > 1) {
		const band = n * m > limit ? Math.max(Math.abs(n - m) + 50, Math.floor(limit / Math.max(n, m) / 2)) : undefined;
		return alignGap(fa, fb, aFrom, aTo, bFrom, bTo, band);
	}

	const keyOf = level === 0 ? (f: Features) => f.exact : (f: Features) => f.key;
	const anchors = uniqueAnchors(fa, fb, aFrom, aTo, bFrom, bTo, keyOf);
	if (anchors.length === 0) return alignRegion(fa, fb, aFrom, aTo, bFrom, bTo, limit, level + 1);
	const ops: AlignOp[] = [];
	let ai = aFrom;
	let bj = bFrom;
	for (const [i, j] of anchors) {
		ops.push(...alignRegion(fa, fb, ai, i, bj, j, limit, level + 1));
		ops.push({kind: 'pair', a: [i], b: [j], similarity: similarity(fa[i]!, fb[j]!)});
		ai = i + 1;
		bj = j + 1;
	}

	ops.push(...alignRegion(fa, fb, ai, aTo, bj, bTo, limit, level + 1));
	return ops;
}

/** Pair the items left over on both sides that are near-identical: they moved. */
function findMoves(ops: AlignOp[], fa: readonly Features[], fb: readonly Features[]): AlignOp[] {
	const lonelyA = ops.filter((op) => op.kind === 'only-a').map((op) => op.a);
	const lonelyB = new Set(ops.filter((op) => op.kind === 'only-b').map((op) => op.b));
	if (lonelyA.length === 0 || lonelyB.size === 0) return ops;
	const byKey = new Map<string, number[]>();
	for (const j of lonelyB) {
		const list = byKey.get(fb[j]!.key) ?? [];
		list.push(j);
		byKey.set(fb[j]!.key, list);
	}

	const partner = new Map<number, {b: number; similarity: number}>();
	const fuzzy = lonelyA.length * lonelyB.size <= 1_000_000;
	for (const i of lonelyA) {
		if (fa[i]!.key.length < 4) continue;
		let best: {b: number; similarity: number} | undefined;
		for (const j of byKey.get(fa[i]!.key) ?? []) {
			if (lonelyB.has(j)) {
				best = {b: j, similarity: similarity(fa[i]!, fb[j]!)};
				break;
			}
		}

		if (!best && fuzzy) {
			for (const j of lonelyB) {
				const s = similarity(fa[i]!, fb[j]!);
				if (s >= 0.8 && (!best || s > best.similarity)) best = {b: j, similarity: s};
			}
		}

		if (best && best.similarity >= 0.8) {
			partner.set(i, best);
			lonelyB.delete(best.b);
		}
	}

	const movedB = new Set([...partner.values()].map((p) => p.b));
	const out: AlignOp[] = [];
	for (const op of ops) {
		if (op.kind === 'only-b' && movedB.has(op.b)) continue;
		if (op.kind === 'only-a' && partner.has(op.a)) {
			const p = partner.get(op.a)!;
			out.push({kind: 'moved', a: [op.a], b: [p.b], similarity: p.similarity});
			continue;
		}

		out.push(op);
	}

	return out;
}

/**
 * Align two item lists. Every item appears in exactly one op; pairs keep both orders, except
 * `moved` pairs, which stand at the A item's place.
 */
export function alignItems(a: readonly TocItem[], b: readonly TocItem[], options: AlignOptions = {}): AlignOp[] {
	const fa = a.map((item) => features(item));
	const fb = b.map((item) => features(item));
	const ops = alignRegion(fa, fb, 0, fa.length, 0, fb.length, options.bandLimit ?? 250_000, 0);
	return findMoves(ops, fa, fb);
}
