/**
 * Align the items of two printings, entry by entry.
 *
 * Method. (1) Anchors: items whose full comparison key (label, title, page) occurs once in each
 * printing pair up; the longest run of them that keeps both orders (patience LIS, O(n log n))
 * fixes the alignment there. In a region small enough for one DP (`bandLimit` cells) only runs of
 * six or more consecutive anchors cut it, since a lone anchor may be a moved item. (2) Gaps: between consecutive anchors a global alignment (dynamic
 * programming) pairs the rest. Its pair cost is 1 − similarity, where similarity weighs an
 * OCR-aware title distance (`rn`/`m`, `cl`/`d`, `l`/`1`/`I`, `O`/`0`, doubled letters cost
 * nothing) with agreement of numbering and page; a gap costs 0.5. Two extra moves pair one item
 * with two adjacent items of the other side, when the first of the two has no page, so that an
 * entry wrapped differently still pairs as one unit. A gap larger than `bandLimit` cells is split
 * by looser anchors (title only) and otherwise aligned within a band around its diagonal, so that
 * time and memory stay near linear on realistic input; only the band's cells are stored, and the
 * band narrows to keep a gap under `maxBandCells`. Cost: O(n log n) for anchors plus the cells of
 * the gaps, which on realistic input (most entries unchanged) is O(n). (3) Moves: items left unpaired on both
 * sides that are near-identical pair as `moved`.
 *
 * Long (about 460 lines): the method in one place, anchors, the banded DP and moves sharing its keys.
 */
import {ratio} from './distance.js';
import {labelsAgree} from './labels.js';
import {normalizeTitle, ocrKey, type NormalizedTitle, type OcrKey} from './normalize.js';
import {pageNumber} from './parse.js';
import {regroup} from './regroup.js';
import {longestIncreasing} from './sequence.js';
import type {AlignOp, TocItem} from './types.js';

export type {AlignOp} from './types.js';

/**
 * What an item is compared by, each computed once and only when first asked (#17): the anchors
 * read `exact` of every item, while the OCR keys and the hash are read only for the items the
 * anchors leave to the DP and to the moves.
 */
class Features {
	readonly page: number | undefined;
	/** The identity of `exact` (label value, title in normal form and page), as a number shared by both sides; -1 for an item with none of them. */
	readonly exactId: number;
	#key: OcrKey | undefined;
	#fullKey: OcrKey | undefined;
	#hash: number | undefined;
	#keyId: number | undefined;

	readonly item: TocItem;
	readonly normalized: NormalizedTitle;

	constructor(item: TocItem, normalized: NormalizedTitle, ids: Interner) {
		this.item = item;
		this.normalized = normalized;
		this.page = pageNumber(item.page);
		const exact = `${item.labelValue ? JSON.stringify(item.labelValue) : ''}|${normalized}|${item.page ?? ''}`;
		this.exactId = exact === '||' ? -1 : ids.exact(exact);
	}

	get key(): OcrKey {
		return (this.#key ??= ocrKey(this.normalized));
	}

	/** The key of label and title together, for when one printing read the label as title. */
	get fullKey(): OcrKey {
		return (this.#fullKey ??= this.item.label === undefined ? this.key : ocrKey(normalizeTitle(`${this.item.label} ${this.item.title}`)));
	}

	/** A hash of the item's printed text, to break exact ties the same way whichever side is A. */
	get hash(): number {
		return (this.#hash ??= fnv1a(this.item.text));
	}

	/** The identity of `key` (see `exactId`); -1 for an empty key. */
	keyId(ids: Interner): number {
		return (this.#keyId ??= this.key === '' ? -1 : ids.key(this.key));
	}
}

/** Numbers for the strings the anchors compare, one series for `exact` and one for keys, shared by both sides. */
class Interner {
	readonly #exact = new Map<string, number>();
	readonly #key = new Map<string, number>();

	exact(text: string): number {
		return Interner.#idOf(this.#exact, text);
	}

	key(text: string): number {
		return Interner.#idOf(this.#key, text);
	}

	get size(): number {
		return Math.max(this.#exact.size, this.#key.size);
	}

	static #idOf(ids: Map<string, number>, text: string): number {
		let id = ids.get(text);
		if (id === undefined) {
			id = ids.size;
			ids.set(text, id);
		}

		return id;
	}
}

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
/** Reading two items as one must be a near-certain match, or it would swallow a lost item. */
const minJoinedSimilarity = 0.8;

/** Whether an item may be the first half of an entry that the other printing wrapped. */
function canStartJoin(f: Features): boolean {
	return f.item.page === undefined && f.item.type !== 'text';
}

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
	let hash = 0x81_1c_9d_c5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01_00_01_93);
	return hash >>> 0;
}

function features(item: TocItem, ids: Interner): Features {
	return new Features(item, normalizeTitle(item.title), ids);
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
		// Unlike titles are no pair, unless numbering and page both agree exactly: then a title
		// that lost words (`Ce méchant Paul` / `Ce Paul`) is still the same entry.
		const anchored = labelsAgree(a.item.labelValue, b.item.labelValue) === true && a.page !== undefined && a.page === b.page;
		if (title < (anchored ? 0.25 : 0.45)) return title * 0.7;
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
	// Two pairings can cost exactly the same (`II. The 1`/`I. The 5` against `(a) Stalin 1`/
	// `IV. Stalin 5`); a millionth from a hash symmetric in the two items breaks the tie the same
	// way whichever printing is A, so that swapping the printings swaps nothing else.
	return Math.max(0, Math.min(1, score)) + ((a.hash ^ b.hash) >>> 0) / 2 ** 32 / 1e6;
}

/** The features of two adjacent items read as one (an entry wrapped over two lines). */
function joined(first: Features, second: Features, ids: Interner): Features {
	const title = `${first.item.title} ${second.item.title}`.trim();
	const item: TocItem = {
		...second.item,
		...(first.item.label === undefined ? {} : {label: first.item.label}),
		...(first.item.labelValue === undefined ? {} : {labelValue: first.item.labelValue}),
		title,
		type: 'entry',
	};
	return features(item, ids);
}

/**
 * Where each identity occurs once in a range: `first[id]` is its index, -2 once it occurs again,
 * -1 where it does not occur; `touched` lists the identities set, to clear them after.
 */
type Occurrences = {first: Int32Array; touched: number[]};

function occurrences(scratch: Occurrences, idAt: (i: number) => number, from: number, to: number): void {
	const {first, touched} = scratch;
	for (let i = from; i < to; i++) {
		const id = idAt(i);
		if (id < 0) continue;
		if (first[id] === -1) {
			first[id] = i;
			touched.push(id);
		} else first[id] = -2;
	}
}

function clearOccurrences(scratch: Occurrences): void {
	for (const id of scratch.touched) scratch.first[id] = -1;
	scratch.touched.length = 0;
}

/** Pairs of indices whose key is unique on both sides and that keep both orders. */
function uniqueAnchors(sides: Sides, aFrom: number, aTo: number, bFrom: number, bTo: number, level: number): Array<[number, number]> {
	const {a: fa, b: fb, ids} = sides;
	const idOf = level === 0 ? (f: Features) => f.exactId : (f: Features) => f.keyId(ids);
	// Every identity numbered before the table is sized (the keys are numbered as they are first asked for).
	if (level > 0) {
		for (let i = aFrom; i < aTo; i++) idOf(fa[i]!);
		for (let j = bFrom; j < bTo; j++) idOf(fb[j]!);
	}

	const size = ids.size + 1;
	if (sides.scratch.a.first.length < size) {
		// Room for every identity numbered so far, and for more to come.
		sides.scratch.a.first = new Int32Array(size * 2).fill(-1);
		sides.scratch.b.first = new Int32Array(size * 2).fill(-1);
	}

	const {a: inA, b: inB} = sides.scratch;
	occurrences(inA, (i) => idOf(fa[i]!), aFrom, aTo);
	occurrences(inB, (j) => idOf(fb[j]!), bFrom, bTo);
	// In the order of first occurrence in A, as a map of keys kept it: the unique ones by index.
	const pairs: Array<[number, number]> = [];
	for (const id of inA.touched) {
		const i = inA.first[id]!;
		const j = inB.first[id]!;
		if (i >= 0 && j >= 0) pairs.push([i, j]);
	}

	clearOccurrences(inA);
	clearOccurrences(inB);
	return longestIncreasing(pairs.map((p) => p[1])).map((k) => pairs[k]!);
}

type GapOp = AlignOp;

/** The largest number of DP cells a banded gap may hold; the band narrows to fit (#5). */
const maxBandCells = 16_000_000;

/** Features of adjacent items read as one, computed once per position and side. */
type JoinedCache = {readonly a: Map<number, Features>; readonly b: Map<number, Features>};

/**
 * The two printings' items, the cache of adjacent items read as one, the numbers of their keys and
 * a scratch table for counting them: what every step reads.
 */
type Sides = {
	readonly a: readonly Features[];
	readonly b: readonly Features[];
	readonly joined: JoinedCache;
	readonly ids: Interner;
	readonly scratch: {readonly a: Occurrences; readonly b: Occurrences};
};

function joinedAt(cache: Map<number, Features>, list: readonly Features[], second: number, ids: Interner): Features {
	let found = cache.get(second);
	if (found === undefined) {
		found = joined(list[second - 1]!, list[second]!, ids);
		cache.set(second, found);
	}

	return found;
}

/**
 * Global alignment of `fa[aFrom..aTo)` with `fb[bFrom..bTo)`, with one-to-two moves, optionally
 * within a band of half-width `band` around the diagonal. Only the cells of the band are stored:
 * row `i` holds columns `lo[i]..hi[i]`, so memory follows the band, not the whole rectangle.
 */
function alignGap(sides: Sides, aFrom: number, aTo: number, bFrom: number, bTo: number, band?: number): GapOp[] {
	const {a: fa, b: fb, joined: joinedCache} = sides;
	const n = aTo - aFrom;
	const m = bTo - bFrom;
	if (n === 0 || m === 0) {
		const ops: GapOp[] = [];
		for (let i = aFrom; i < aTo; i++) ops.push({kind: 'only-a', a: i});
		for (let j = bFrom; j < bTo; j++) ops.push({kind: 'only-b', b: j});
		return ops;
	}

	// Row bounds of the band: the columns j with |j − i·m/n| ≤ band.
	const lo = new Int32Array(n + 1);
	const hi = new Int32Array(n + 1);
	const rowStart = new Float64Array(n + 2);
	for (let i = 0; i <= n; i++) {
		if (band === undefined) {
			lo[i] = 0;
			hi[i] = m;
		} else {
			const centre = (i * m) / n;
			lo[i] = Math.max(0, Math.ceil(centre - band));
			hi[i] = Math.min(m, Math.floor(centre + band));
		}

		rowStart[i + 1] = rowStart[i]! + Math.max(0, hi[i]! - lo[i]! + 1);
	}

	const cells = rowStart[n + 1]!;
	const cost = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
	// Back-pointer: 0 gap in B (only-a), 1 gap in A (only-b), 2 pair, 3 one A with two B, 4 two A with one B.
	const move = new Uint8Array(cells);
	const at = (i: number, j: number): number => (i < 0 || j < lo[i]! || j > hi[i]! ? -1 : rowStart[i]! + j - lo[i]!);
	const costAt = (i: number, j: number): number => {
		const k = at(i, j);
		return k < 0 ? Number.POSITIVE_INFINITY : cost[k]!;
	};

	if (lo[0] === 0) cost[0] = 0;
	for (let i = 0; i <= n; i++) {
		for (let j = lo[i]!; j <= hi[i]!; j++) {
			if (i === 0 && j === 0) continue;
			let best = Number.POSITIVE_INFINITY;
			let how = 0;
			const up = i > 0 ? costAt(i - 1, j) : Number.POSITIVE_INFINITY;
			if (up + gapCost < best) {
				best = up + gapCost;
				how = 0;
			}

			const left = j > 0 ? costAt(i, j - 1) : Number.POSITIVE_INFINITY;
			if (left + gapCost < best) {
				best = left + gapCost;
				how = 1;
			}

			const diagonal = i > 0 && j > 0 ? costAt(i - 1, j - 1) : Number.POSITIVE_INFINITY;
			const skewB = i > 0 && j > 1 && canStartJoin(fb[bFrom + j - 2]!) ? costAt(i - 1, j - 2) : Number.POSITIVE_INFINITY;
			const skewA = i > 1 && j > 0 && canStartJoin(fa[aFrom + i - 2]!) ? costAt(i - 2, j - 1) : Number.POSITIVE_INFINITY;
			// How alike the two last items are alone: a join must read better than that, or the
			// line before would be swallowed (`EEN BLIJSPEL.` over the entry that follows it).
			const direct =
				i > 0 && j > 0 && (Number.isFinite(diagonal) || Number.isFinite(skewA) || Number.isFinite(skewB))
					? similarity(fa[aFrom + i - 1]!, fb[bFrom + j - 1]!)
					: 0;
			if (Number.isFinite(diagonal)) {
				const s = direct;
				if (s >= minSimilarity && diagonal + (1 - s) < best) {
					best = diagonal + (1 - s);
					how = 2;
				}
			}

			if (Number.isFinite(skewB)) {
				const s = similarity(fa[aFrom + i - 1]!, joinedAt(joinedCache.b, fb, bFrom + j - 1, sides.ids));
				if (s >= minJoinedSimilarity && s > direct + 0.05 && skewB + (1 - s) + 0.05 < best) {
					best = skewB + (1 - s) + 0.05;
					how = 3;
				}
			}

			if (Number.isFinite(skewA)) {
				const s = similarity(joinedAt(joinedCache.a, fa, aFrom + i - 1, sides.ids), fb[bFrom + j - 1]!);
				if (s >= minJoinedSimilarity && s > direct + 0.05 && skewA + (1 - s) + 0.05 < best) {
					best = skewA + (1 - s) + 0.05;
					how = 4;
				}
			}

			const k = at(i, j);
			cost[k] = best;
			move[k] = how;
		}
	}

	const ops: GapOp[] = [];
	let i = n;
	let j = m;
	while (i > 0 || j > 0) {
		// Similarities are recomputed along the path rather than stored for every cell.
		switch (move[at(i, j)]) {
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
				ops.push({kind: 'pair', a: [aFrom + i - 1], b: [bFrom + j - 1]});
				i--;
				j--;
				break;
			}

			case 3: {
				ops.push({kind: 'pair', a: [aFrom + i - 1], b: [bFrom + j - 2, bFrom + j - 1]});
				i--;
				j -= 2;
				break;
			}

			default: {
				ops.push({kind: 'pair', a: [aFrom + i - 2, aFrom + i - 1], b: [bFrom + j - 1]});
				i -= 2;
				j--;
			}
		}
	}

	return ops.reverse();
}

/** Regions up to this many DP cells are aligned whole, without looking for anchors. */
const smallRegion = 400;

/** The shortest run of consecutive anchors that cuts a region the DP could take whole. */
const minAnchorRun = 6;

/** The anchors that lie in runs of at least `length` consecutive pairs (`i+1`, `j+1`). */
function anchorRuns(anchors: ReadonlyArray<readonly [number, number]>, length: number): Array<[number, number]> {
	const kept: Array<[number, number]> = [];
	let start = 0;
	for (let k = 1; k <= anchors.length; k++) {
		const previous = anchors[k - 1]!;
		const current = anchors[k];
		const continues = current !== undefined && current[0] === previous[0] + 1 && current[1] === previous[1] + 1;
		if (continues) continue;
		if (k - start >= length) for (let r = start; r < k; r++) kept.push([anchors[r]![0], anchors[r]![1]]);
		start = k;
	}

	return kept;
}

/** Align a region, splitting it at anchors of decreasing strictness, then by DP. */
function alignRegion(sides: Sides, aFrom: number, aTo: number, bFrom: number, bTo: number, limit: number, level: number): AlignOp[] {
	const n = aTo - aFrom;
	const m = bTo - bFrom;
	if (n === 0 || m === 0 || n * m <= smallRegion || level > 1) {
		// The band is capped so that a huge gap with no anchors at all stays within memory (#5).
		const wide = Math.max(Math.abs(n - m) + 50, Math.floor(limit / Math.max(n, m) / 2));
		const band = n * m > limit ? Math.min(wide, Math.max(25, Math.floor(maxBandCells / (n + 1) / 2))) : undefined;
		return alignGap(sides, aFrom, aTo, bFrom, bTo, band);
	}

	const found = uniqueAnchors(sides, aFrom, aTo, bFrom, bTo, level);
	// A region the DP could take whole is cut only inside runs of anchors, where the DP would pair
	// the same way; a lone anchor may be an item that moved, which the DP and `findMoves` judge better.
	const anchors = n * m > limit ? found : anchorRuns(found, minAnchorRun);
	if (anchors.length === 0) return alignRegion(sides, aFrom, aTo, bFrom, bTo, limit, level + 1);
	const ops: AlignOp[] = [];
	// A loop, not `push(...gap)`: spreading a gap of 100,000 ops overflows the stack.
	const append = (gap: readonly AlignOp[]): void => {
		for (const op of gap) ops.push(op);
	};

	let ai = aFrom;
	let bj = bFrom;
	for (const [i, j] of anchors) {
		append(alignRegion(sides, ai, i, bj, j, limit, level + 1));
		ops.push({kind: 'pair', a: [i], b: [j]});
		ai = i + 1;
		bj = j + 1;
	}

	append(alignRegion(sides, ai, aTo, bj, bTo, limit, level + 1));
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
	// A short title (`The`) moves only as the one entry of its key left on each side: two crossing
	// pairs of equal cost leave one of them here, whichever printing is A.
	const keysA = new Map<string, number>();
	for (const i of lonelyA) keysA.set(fa[i]!.key, (keysA.get(fa[i]!.key) ?? 0) + 1);
	for (const i of lonelyA) {
		const {key} = fa[i]!;
		if (key.length < 4 && (key === '' || keysA.get(key) !== 1 || byKey.get(key)?.length !== 1)) continue;
		let best: {b: number; similarity: number} | undefined;
		for (const j of byKey.get(key) ?? []) {
			if (lonelyB.has(j)) {
				best = {b: j, similarity: similarity(fa[i]!, fb[j]!)};
				break;
			}
		}

		if (key.length < 4) {
			// An entry, with its page: a short line without one is more likely a column head or a scrap.
			if (best && best.similarity >= 0.8 && fa[i]!.page !== undefined && fb[best.b]!.page !== undefined) {
				partner.set(i, best);
				lonelyB.delete(best.b);
			}

			continue;
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
			out.push({kind: 'moved', a: [op.a], b: [p.b]});
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
	const ids = new Interner();
	const fa = a.map((item) => features(item, ids));
	const fb = b.map((item) => features(item, ids));
	const scratch = (): Occurrences => ({first: new Int32Array(0), touched: []});
	const sides: Sides = {a: fa, b: fb, joined: {a: new Map(), b: new Map()}, ids, scratch: {a: scratch(), b: scratch()}};
	const ops = alignRegion(sides, 0, fa.length, 0, fb.length, options.bandLimit ?? 250_000, 0);
	// Where whole items do not pair, the words may: printings that joined their lines differently.
	return regroup(findMoves(ops, fa, fb), a, b);
}
