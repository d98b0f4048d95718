/**
 * The character confusion table of a comparison: which characters of printing A became which in
 * printing B, and how often, over the differences that are changes of a few characters (OCR
 * errors, spelling variants, changed numbers and pages). A scan's typical misreadings (`rn`→`m`,
 * `1`→`l`) stand out at a glance, and one can be checked everywhere at once.
 */
import {commonEnds} from './distance.js';
import type {Confusion, DifferenceKind, RowDraft} from './types.js';

/**
 * Kinds whose readings differ by a few characters (numbers and pages digit by digit, when they have
 * as many); words replaced outright would only add noise.
 */
const characterKinds: ReadonlySet<DifferenceKind> = new Set(['ocr', 'spelling', 'number', 'page']);

/** The longest run of characters counted as one confusion; longer changes are not misreadings. */
const longest = 3;

/**
 * What differs between two readings once their common start and end are set aside: `PRESIDIUM` /
 * `PRESIDUM` → `I` / ``, `Modern` / `Modem` → `rn` / `m`. A misreading is one such change; a longer
 * middle is left out by the caller. (A character diff would split `i's` / `s'` into two pieces
 * that no reader would call confusions, and its library costs half a millisecond to warm up.)
 */
export function changedMiddle(a: string, b: string): readonly [string, string] {
	const {start, end} = commonEnds(a, b);
	return [a.slice(start, a.length - end), b.slice(start, b.length - end)];
}

/**
 * Count the character confusions over every paired row's character-level differences (pages an
 * offset explains left out), most frequent first, then in A's character order.
 *
 * @example
 * confusionTable(rows) // [{a: 'I', b: '', count: 1, lines: [52]}, {a: '1', b: '4', count: 1, lines: [52]}, …]
 */
export function confusionTable(rows: readonly RowDraft[]): Confusion[] {
	const table = new Map<string, {a: string; b: string; count: number; lines: number[]}>();
	const add = (a: string, b: string, line: number): void => {
		if (a.length > longest || b.length > longest) return;
		const key = `${a}\u0000${b}`;
		const entry = table.get(key) ?? {a, b, count: 0, lines: []};
		entry.count++;
		if (entry.lines.at(-1) !== line) entry.lines.push(line);
		table.set(key, entry);
	};

	for (const row of rows) {
		if (row.a === null || row.b === null) continue;
		for (const difference of row.differences) {
			if (!characterKinds.has(difference.kind) || difference.explainedBy !== undefined) continue;
			if (difference.kind === 'number' || difference.kind === 'page') {
				// A number is read digit by digit: `181`/`184` is 1→4; `97`/`209` is another number, not a misreading.
				const [a, b] = [[...difference.a], [...difference.b]];
				if (a.length === b.length) for (const [k, ch] of a.entries()) if (ch !== b[k]) add(ch, b[k]!, row.a.lines[0]);
				continue;
			}

			const [a, b] = changedMiddle(difference.a, difference.b);
			if (a !== b) add(a, b, row.a.lines[0]);
		}
	}

	return [...table.values()].sort((x, y) => y.count - x.count || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
