/**
 * From an alignment to rows: each step a row, its pair classified (two items read as one where a
 * printing wrapped an entry over two), an item in one printing only `missing`, `extra` or, where a
 * printing simply stops, `truncation`; and the readings of the printings after the first two on
 * those rows, with rows of their own for the items only they have.
 */
import {alignItems, type AlignOp} from './align.js';
import {classifyPair, kindSeverity, textSimilarity} from './classify.js';
import {stripMarkup} from './parse.js';
import type {Difference, ItemPlace, Printing, RowDraft, TocItem} from './types.js';

/** Read two adjacent items as one: an entry wrapped differently in the other printing. */
export function mergeItems(items: readonly TocItem[]): TocItem {
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
 * it) becomes a row of its own, `only-other`, after the row of the item before it in its printing
 * (#16): the later printings give their readings on it too.
 */
export function attachOthers(
	rows: readonly RowDraft[],
	ops: readonly AlignOp[],
	first: Printing,
	second: Printing,
	others: readonly Printing[],
): readonly RowDraft[] {
	if (others.length === 0) return rows;
	const maps = others.map((other) => ({
		items: other.items,
		fromA: partners(alignItems(first.items, other.items)),
		fromB: partners(alignItems(second.items, other.items)),
	}));
	const shown = others.map(() => new Set<number>());
	const partnersOf = (indexes: readonly number[], partner: ReadonlyMap<number, readonly number[]>): number[] =>
		[...new Set(indexes.flatMap((index) => partner.get(index) ?? []))].sort((x, y) => x - y);
	let attached: RowDraft[] = rows.map((row, r) => ({
		...row,
		others: maps.map(({items, fromA, fromB}, k) => {
			const fromRowA = partnersOf(opItems(ops[r]!, 'a'), fromA);
			const indexes = fromRowA.length > 0 ? fromRowA : partnersOf(opItems(ops[r]!, 'b'), fromB);
			if (indexes.length === 0) return null;
			for (const index of indexes) shown[k]!.add(index);
			return mergeItems(indexes.map((index) => items[index]!));
		}),
	}));
	for (const [k, other] of others.entries()) {
		const alone = other.items.filter((item) => !shown[k]!.has(item.index));
		if (alone.length === 0) continue;
		// The later printings' partners of these items: their readings on the new rows.
		const later = others.slice(k + 1).map((next) => ({items: next.items, partner: partners(alignItems(other.items, next.items))}));
		const added = alone.map((item): RowDraft => {
			const readings = others.map((_, j): TocItem | null => {
				if (j < k) return null;
				if (j === k) return item;
				const {items, partner} = later[j - k - 1]!;
				const indexes = (partner.get(item.index) ?? []).filter((index) => !shown[j]!.has(index));
				for (const index of indexes) shown[j]!.add(index);
				return indexes.length === 0 ? null : mergeItems(indexes.map((index) => items[index]!));
			});
			const severity = item.type === 'text' ? 'minor' : kindSeverity.extra;
			return {status: 'only-other', a: null, b: null, similarity: 0, differences: [{kind: 'extra', severity, field: 'item', a: '', b: ''}], others: readings};
		});
		attached = placeAfterPredecessors(attached, added, k);
	}

	return attached;
}

/**
 * Put rows of items only printing `k` of the further ones has among the rows, each after the row
 * of the item of that printing just before it (at the start when there is none), in its order.
 */
function placeAfterPredecessors(rows: readonly RowDraft[], added: readonly RowDraft[], k: number): RowDraft[] {
	// The rows that show an item of printing k, by the item's first line.
	const shownAt: Array<readonly [number, number]> = [];
	for (const [r, row] of rows.entries()) {
		const item = row.others?.[k];
		if (item) shownAt.push([item.lines[0], r]);
	}

	shownAt.sort((x, y) => x[0] - y[0]);
	const after = new Map<number, RowDraft[]>();
	for (const row of added) {
		const line = row.others![k]!.lines[0];
		let anchor = -1;
		for (const [start, r] of shownAt) {
			if (start >= line) break;
			anchor = r;
		}

		const list = after.get(anchor) ?? [];
		list.push(row);
		after.set(anchor, list);
	}

	const out: RowDraft[] = [...(after.get(-1) ?? [])];
	for (const [r, row] of rows.entries()) out.push(row, ...(after.get(r) ?? []));
	return out;
}
