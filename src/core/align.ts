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
import {leaderScore} from './leaders.js';
import {normalizeTitle, ocrKey, type OcrKey} from './normalize.js';
import {pageNumber} from './parse.js';
import {regroup} from './regroup.js';
import {longestIncreasing} from './sequence.js';
import type {AlignOp, TocItem} from './types.js';

export type {AlignOp} from './types.js';

/**
 * What the DP and the moves compare an item by, each computed once and only when first asked
 * (#17): most items are anchors, which are found by their exact identity alone (`Side`).
 */
class Features {
	readonly item: TocItem;
	readonly page: number | undefined;
	#key: OcrKey | undefined;
	#fullKey: OcrKey | undefined;
	#hash: number | undefined;
	#keyId: number | undefined;

	constructor(item: TocItem) {
		this.item = item;
		this.page = pageNumber(item.page);
	}

	get key(): OcrKey {
		return (this.#key ??= ocrKey(normalizeTitle(this.item.title)));
	}

	/** The key of label and title together, for when one printing read the label as title. */
	get fullKey(): OcrKey {
		return (this.#fullKey ??= this.item.label === undefined ? this.key : ocrKey(normalizeTitle(`${this.item.label} ${this.item.title}`)));
	}

	/** A hash of the item's printed text, to break exact ties the same way whichever side is A. */
	get hash(): number {
		return (this.#hash ??= fnv1a(this.item.text));
	}

	/** The identity of `key`, a number shared by both sides; -1 for an empty key. */
	keyId(keys: Map<string, number>): number {
		if (this.#keyId === undefined) {
			const {key} = this;
			let id = key === '' ? -1 : keys.get(key);
			if (id === undefined) {
				id = keys.size;
				keys.set(key, id);
			}

			this.#keyId = id;
		}

		return this.#keyId;
	}
}

/** An item's numbering value as the exact key writes it: `{"kind":"roman","value":2}`, or nothing. */
function labelText(item: TocItem): string {
	return item.labelValue ? JSON.stringify(item.labelValue) : '';
}

/** FNV-1a over a string's units, from `hash`. */
function mix(hash: number, text: string): number {
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01_00_01_93);
	return hash;
}

/**
 * A hash of an item's exact key (its numbering value, its title in normal form and its page), in
 * 30 bits (a small integer to a map): items whose keys are equal hash alike.
 */
function exactHash(item: TocItem, normalized: string): number {
	let hash = 0x81_1c_9d_c5;
	const label = item.labelValue;
	if (label !== undefined) {
		hash = mix(hash, label.kind);
		if (label.value !== undefined) hash = mix(hash ^ 0x1f, String(label.value));
		if (label.kind === 'word') hash = mix(hash ^ 0x1e, label.word);
	}

	hash = mix(Math.imul(hash ^ 0x7c, 0x01_00_01_93), normalized);
	hash = mix(Math.imul(hash ^ 0x7c, 0x01_00_01_93), item.page ?? '');
	return hash & 0x3f_ff_ff_ff;
}

/**
 * Numbers for the items' exact keys (numbering value, title in normal form, page), shared by both
 * printings; -1 for an item with none of them. The anchors compare every item by it, so it is made
 * without a string an item (#17: 185,000 keys and their map were a tenth of the memory): a hash
 * finds the earlier items that may share an item's key, and the items themselves say whether they do.
 */
class ExactIdentities {
	/** The first item of each identity, by number. */
	readonly #first: TocItem[] = [];
	/** A hash → the first identity with it; the further ones with the same hash (rare) in `#more`. */
	readonly #byHash = new Map<number, number>();
	readonly #more = new Map<number, number[]>();

	get size(): number {
		return this.#first.length;
	}

	of(item: TocItem): number {
		const normalized = normalizeTitle(item.title);
		if (item.labelValue === undefined && normalized === '' && (item.page ?? '') === '') return -1;
		const hash = exactHash(item, normalized);
		const id = this.#byHash.get(hash);
		if (id === undefined) {
			this.#byHash.set(hash, this.#first.length);
			return this.#add(item);
		}

		if (sameExact(item, normalized, this.#first[id]!)) return id;
		const more = this.#more.get(hash) ?? [];
		for (const other of more) if (sameExact(item, normalized, this.#first[other]!)) return other;
		more.push(this.#first.length);
		this.#more.set(hash, more);
		return this.#add(item);
	}

	#add(item: TocItem): number {
		this.#first.push(item);
		return this.#first.length - 1;
	}
}

/** Whether `item` (its title in normal form given) has the exact key of `other`. */
function sameExact(item: TocItem, normalized: string, other: TocItem): boolean {
	if ((item.page ?? '') !== (other.page ?? '')) return false;
	if (item.labelValue !== other.labelValue && labelText(item) !== labelText(other)) return false;
	return item.title === other.title || normalized === normalizeTitle(other.title);
}

/**
 * One printing's items as the aligner reads them: each item's exact identity, made for all at once;
 * its other features (`Features`) only for the items the anchors leave, when first asked; and the
 * features of adjacent items read as one.
 */
class Side {
	readonly items: readonly TocItem[];
	readonly exactIds: Int32Array;
	/** Features of adjacent items read as one, by the second item's index. */
	readonly joined = new Map<number, Features>();
	readonly #features: Array<Features | undefined>;

	constructor(items: readonly TocItem[], exact: ExactIdentities) {
		this.items = items;
		this.exactIds = Int32Array.from(items, (item) => exact.of(item));
		this.#features = Array.from({length: items.length});
	}

	at(index: number): Features {
		let found = this.#features[index];
		if (found === undefined) {
			found = new Features(this.items[index]!);
			this.#features[index] = found;
		}

		return found;
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
function canStartJoin(item: TocItem): boolean {
	return item.page === undefined && item.type !== 'text';
}

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
	let hash = 0x81_1c_9d_c5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01_00_01_93);
	return hash >>> 0;
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
function joined(first: Features, second: Features): Features {
	const title = `${first.item.title} ${second.item.title}`.trim();
	const item: TocItem = {
		...second.item,
		...(first.item.label === undefined ? {} : {label: first.item.label}),
		...(first.item.labelValue === undefined ? {} : {labelValue: first.item.labelValue}),
		title,
		type: 'entry',
	};
	return new Features(item);
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
	const {a, b, keys} = sides;
	// Level 0 reads the exact identities; below it, the OCR keys, each numbered as first asked for
	// (so all of the region's before the table is sized).
	const idA = level === 0 ? (i: number) => a.exactIds[i]! : (i: number) => a.at(i).keyId(keys);
	const idB = level === 0 ? (j: number) => b.exactIds[j]! : (j: number) => b.at(j).keyId(keys);
	if (level > 0) {
		for (let i = aFrom; i < aTo; i++) idA(i);
		for (let j = bFrom; j < bTo; j++) idB(j);
	}

	const size = Math.max(sides.exactCount, keys.size) + 1;
	if (sides.scratch.a.first.length < size) {
		// Room for every identity numbered so far, and for more to come.
		sides.scratch.a.first = new Int32Array(size * 2).fill(-1);
		sides.scratch.b.first = new Int32Array(size * 2).fill(-1);
	}

	const {a: inA, b: inB} = sides.scratch;
	occurrences(inA, idA, aFrom, aTo);
	occurrences(inB, idB, bFrom, bTo);
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

/**
 * The two printings' items, the numbers of their OCR keys (`Features.keyId`), how many exact
 * identities there are, and a scratch table for counting them: what every step reads.
 */
type Sides = {
	readonly a: Side;
	readonly b: Side;
	readonly keys: Map<string, number>;
	readonly exactCount: number;
	readonly scratch: {readonly a: Occurrences; readonly b: Occurrences};
};

function joinedAt(side: Side, second: number): Features {
	let found = side.joined.get(second);
	if (found === undefined) {
		found = joined(side.at(second - 1), side.at(second));
		side.joined.set(second, found);
	}

	return found;
}

/**
 * Global alignment of `fa[aFrom..aTo)` with `fb[bFrom..bTo)`, with one-to-two moves, optionally
 * within a band of half-width `band` around the diagonal. Only the cells of the band are stored:
 * row `i` holds columns `lo[i]..hi[i]`, so memory follows the band, not the whole rectangle.
 */
function alignGap(sides: Sides, aFrom: number, aTo: number, bFrom: number, bTo: number, band?: number): GapOp[] {
	const {a: sa, b: sb} = sides;
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
			const skewB = i > 0 && j > 1 && canStartJoin(sb.items[bFrom + j - 2]!) ? costAt(i - 1, j - 2) : Number.POSITIVE_INFINITY;
			const skewA = i > 1 && j > 0 && canStartJoin(sa.items[aFrom + i - 2]!) ? costAt(i - 2, j - 1) : Number.POSITIVE_INFINITY;
			// How alike the two last items are alone: a join must read better than that, or the
			// line before would be swallowed (`EEN BLIJSPEL.` over the entry that follows it).
			const direct =
				i > 0 && j > 0 && (Number.isFinite(diagonal) || Number.isFinite(skewA) || Number.isFinite(skewB))
					? similarity(sa.at(aFrom + i - 1), sb.at(bFrom + j - 1))
					: 0;
			if (Number.isFinite(diagonal)) {
				const s = direct;
				if (s >= minSimilarity && diagonal + (1 - s) < best) {
					best = diagonal + (1 - s);
					how = 2;
				}
			}

			if (Number.isFinite(skewB)) {
				const s = similarity(sa.at(aFrom + i - 1), joinedAt(sb, bFrom + j - 1));
				if (s >= minJoinedSimilarity && s > direct + 0.05 && skewB + (1 - s) + 0.05 < best) {
					best = skewB + (1 - s) + 0.05;
					how = 3;
				}
			}

			if (Number.isFinite(skewA)) {
				const s = similarity(joinedAt(sa, aFrom + i - 1), sb.at(bFrom + j - 1));
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
function findMoves(ops: AlignOp[], sa: Side, sb: Side): AlignOp[] {
	const lonelyA = ops.filter((op) => op.kind === 'only-a').map((op) => op.a);
	const lonelyB = new Set(ops.filter((op) => op.kind === 'only-b').map((op) => op.b));
	if (lonelyA.length === 0 || lonelyB.size === 0) return ops;
	const byKey = new Map<string, number[]>();
	for (const j of lonelyB) {
		const list = byKey.get(sb.at(j).key) ?? [];
		list.push(j);
		byKey.set(sb.at(j).key, list);
	}

	const partner = new Map<number, {b: number; similarity: number}>();
	const fuzzy = lonelyA.length * lonelyB.size <= 1_000_000;
	// A short title (`The`) moves only as the one entry of its key left on each side: two crossing
	// pairs of equal cost leave one of them here, whichever printing is A.
	const keysA = new Map<string, number>();
	for (const i of lonelyA) keysA.set(sa.at(i).key, (keysA.get(sa.at(i).key) ?? 0) + 1);
	for (const i of lonelyA) {
		const {key} = sa.at(i);
		if (key.length < 4 && (key === '' || keysA.get(key) !== 1 || byKey.get(key)?.length !== 1)) continue;
		let best: {b: number; similarity: number} | undefined;
		for (const j of byKey.get(key) ?? []) {
			if (lonelyB.has(j)) {
				best = {b: j, similarity: similarity(sa.at(i), sb.at(j))};
				break;
			}
		}

		if (key.length < 4) {
			// An entry, with its page: a short line without one is more likely a column head or a scrap.
			if (best && best.similarity >= 0.8 && sa.at(i).page !== undefined && sb.at(best.b).page !== undefined) {
				partner.set(i, best);
				lonelyB.delete(best.b);
			}

			continue;
		}

		if (!best && fuzzy) {
			for (const j of lonelyB) {
				const s = similarity(sa.at(i), sb.at(j));
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
	const exact = new ExactIdentities();
	const sa = new Side(a, exact);
	const sb = new Side(b, exact);
	const scratch = (): Occurrences => ({first: new Int32Array(0), touched: []});
	const sides: Sides = {a: sa, b: sb, keys: new Map(), exactCount: exact.size, scratch: {a: scratch(), b: scratch()}};
	const ops = alignRegion(sides, 0, a.length, 0, b.length, options.bandLimit ?? 250_000, 0);
	// Where whole items do not pair, the words may: printings that joined their lines differently.
	return pairInPlace(regroup(findMoves(ops, sa, sb), a, b), sa, sb);
}

/** Whether an item's page lies between the nearest pages before and after it in its printing (a few items away at most), or it has none to judge. */
function inOrder(side: Side, index: number): boolean {
	const {page} = side.at(index);
	if (page === undefined) return true;
	const near = (step: number): number | undefined => {
		for (let k = index + step, seen = 0; k >= 0 && k < side.items.length && seen < 5; k += step, seen++) {
			const other = side.at(k).page;
			if (other !== undefined) return other;
		}

		return undefined;
	};

	const before = near(-1);
	const after = near(1);
	return (before === undefined || before <= page) && (after === undefined || page <= after);
}

/** Whether a title reads as a recogniser's debris: a third of its tokens or more read as leader dots read as text (`GOOBPADIY 205.4. de date o sn`). */
function garbled(title: string): boolean {
	const tokens = title.split(/\s+/u).filter((token) => token !== '');
	return tokens.length >= 2 && tokens.filter((token) => leaderScore(token) >= 0.6).length * 3 >= tokens.length;
}

/** Whether the shorter of two items' title keys reads as the start of the longer, through OCR noise (`Literature` / `iteraturel suis odes`). */
function startsAlike(x: Features, y: Features): boolean {
	const [short, long] = x.key.length <= y.key.length ? [x.key, y.key] : [y.key, x.key];
	return short.length >= 4 && ratio(short, long.slice(0, short.length)) >= 0.75;
}

/**
 * Items left unpaired on both sides between the same two rows, as many on each side (three at
 * most), that stand in the same place, pair: the same entry, whatever the
 * recogniser made of its title (`Literature 14` / `iteraturel suis odes see ee 14`), where one of
 * the two titles reads as debris or the shorter as the start of the longer. A page need not be
 * there (`Peoples 15` / `PGOPIO8: 5c icjccces eee … AS`); one that differs bars the pair only where
 * both stand in their printings' order (`iteraturel suis odes … 6` after 13 is a misread page). An
 * entry an edition replaced by another (`The Battle of the Somme` / `A Letter to Gorky`) stays apart.
 * Where some pairs of a stretch fail, those whose titles start alike pair all the same.
 */
function pairInPlace(ops: AlignOp[], sa: Side, sb: Side): AlignOp[] {
	const out: AlignOp[] = [];
	let k = 0;
	while (k < ops.length) {
		const op = ops[k]!;
		if (op.kind !== 'only-a' && op.kind !== 'only-b') {
			out.push(op);
			k++;
			continue;
		}

		let end = k;
		while (end < ops.length && (ops[end]!.kind === 'only-a' || ops[end]!.kind === 'only-b')) end++;
		const stretch = ops.slice(k, end);
		const onlyA = stretch.flatMap((each) => (each.kind === 'only-a' ? [each.a] : []));
		const onlyB = stretch.flatMap((each) => (each.kind === 'only-b' ? [each.b] : []));
		// The same place says as much as the same page, where neither page says otherwise: a page lost,
		// or one out of its own printing's order (`iteraturel suis odes … 14 6` after 18).
		const inPlace = (i: number, j: number): boolean => {
			const [x, y] = [sa.at(i), sb.at(j)];
			if (x.item.type === 'text' || y.item.type === 'text') return false;
			if (x.page !== undefined && y.page !== undefined && x.page !== y.page && inOrder(sa, i) && inOrder(sb, j)) return false;
			return garbled(x.item.title) || garbled(y.item.title) || startsAlike(x, y);
		};

		// As many on each side: all pair in place where all pass; else each whose titles start alike
		// (debris alone, without the others, may be the next entry's: the stretch may be shifted).
		const passes = onlyA.length === onlyB.length && onlyA.length <= 3 ? onlyA.map((i, n) => inPlace(i, onlyB[n]!)) : [];
		const paired = passes.every(Boolean) ? passes : passes.map((pass, n) => pass && startsAlike(sa.at(onlyA[n]!), sb.at(onlyB[n]!)));
		if (paired.includes(true)) {
			for (const [n, i] of onlyA.entries()) {
				if (paired[n]) out.push({kind: 'pair', a: [i], b: [onlyB[n]!]});
				else out.push({kind: 'only-a', a: i}, {kind: 'only-b', b: onlyB[n]!});
			}
		} else out.push(...stretch);
		k = end;
	}

	return out;
}
