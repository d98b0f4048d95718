/**
 * Review decisions: what a person decided about a row, keyed by the row's content so that a
 * decision survives a re-run, and an edit of the input elsewhere. Pure; the CLI reads and
 * writes the sidecar file.
 */
import type {Row, RowDraft, TocItem} from './types.js';

/**
 * The printings a decision can choose, by the lower-case letter of their id: `a` is printing A, `b`
 * B, `c` the third printing, C, and so on to the ninth, I (the review screen's keys `1`–`9`).
 */
export const printingLetters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;

/** A printing as a decision or `--base` names it: `a`, `b`, `c` … `i`. */
export type PrintingLetter = (typeof printingLetters)[number];

/** What a reviewer decided about a row: which printing is right (`a`, `b`, `c` …), a correction, or not an error. */
export type Verdict = PrintingLetter | 'edit' | 'not-error';

/** The position (0 for A) of the printing a verdict chooses, or undefined for `edit`, `not-error` and none. */
export function chosenPrinting(verdict: Verdict | undefined): number | undefined {
	const index = (printingLetters as readonly string[]).indexOf(verdict ?? '');
	return index === -1 ? undefined : index;
}

/** Whether a value is a verdict that chooses a printing. */
export function isPrintingLetter(value: unknown): value is PrintingLetter {
	return (printingLetters as readonly unknown[]).includes(value);
}

/** The item of the printing at `position` (0 for A, 1 for B, 2 for C …) on a row, or null when it has none there. */
export function itemAt(row: RowDraft, position: number): TocItem | null {
	if (position === 0) return row.a;
	if (position === 1) return row.b;
	return row.others?.[position - 2] ?? null;
}

/** One decision, tied to a row by `key`. */
export type Decision = {
	/** The row's content key (`Row.key`, from `rowKeys()`). */
	readonly key: string;
	/** The verdict; absent when the row only carries a note. */
	readonly verdict?: Verdict;
	/** The correct reading of the whole item, for the `edit` verdict. */
	readonly text?: string;
	readonly note?: string;
	/** The row's readings when decided, so that an orphaned decision can still be shown. */
	readonly a?: string;
	readonly b?: string;
	/** The further printings' readings when decided, by printing id (`{"C": "…"}`): on rows only they have, or where one was chosen. */
	readonly others?: Readonly<Record<string, string>>;
};

/** The sidecar file's content. */
export type DecisionFile = {
	readonly schema: 'tocdiff-decisions/1';
	readonly decisions: readonly Decision[];
};

/** Decisions matched to rows, and those that no longer match any row. */
export type DecisionMatch = {
	/** Row index → decision. */
	readonly byRow: ReadonlyMap<number, Decision>;
	/** Decisions whose key matches no row: kept, and reported, never dropped. */
	readonly orphans: readonly Decision[];
};

/**
 * FNV-1a, 53 bits: short stable keys without a crypto dependency in the pure core. Of `a` and `b`
 * joined by U+0000, without joining them (#17: one string less a row).
 */
function hash(a: string, b: string): string {
	let h1 = 0xde_ad_be_ef;
	let h2 = 0x41_c6_ce_57;
	for (let i = 0; i <= a.length + b.length; i++) {
		// The joining U+0000 at a.length.
		const ch = i < a.length ? a.charCodeAt(i) : i === a.length ? 0 : b.charCodeAt(i - a.length - 1);
		h1 = Math.imul(h1 ^ ch, 2_654_435_761);
		h2 = Math.imul(h2 ^ ch, 1_597_334_677);
	}

	h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
	return (4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The content key of each row, as `describeRows` gives it to `Row.key`: a hash of both readings
 * (not of line numbers), with `~n` added to the n-th repeat of the same content, so that keys are
 * unique and stable across runs.
 */
export function rowKeys(rows: readonly RowDraft[]): string[] {
	const seen = new Map<string, number>();
	return rows.map((row) => {
		// A row only further printings have (neither A nor B) is keyed by their readings: it reads nothing in A and B.
		const others = row.a === null && row.b === null ? `\u0000${(row.others ?? []).map((item) => item?.text ?? '').join('\u0000')}` : '';
		const base = hash(row.a?.text ?? '', `${row.b?.text ?? ''}${others}`);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return count === 0 ? base : `${base}~${count}`;
	});
}

/** Two readings with their layout left out: runs of spaces and tabs, indents, line ends. */
function layoutFree(a: string | undefined, b: string | undefined): string {
	const words = (text: string | undefined): string => (text === undefined ? '\u0001' : text.replaceAll(/\s+/g, ' ').trim());
	return `${words(a)}\u0000${words(b)}`;
}

/**
 * Give each saved decision whose key matches no row, but whose readings match one but for their
 * layout (a tab turned into spaces, an indent added), that row's key: a decision stays with its
 * entry when only the layout of the input changed. Rows keep the decisions their keys match.
 */
export function rekeyDecisions(rows: readonly Row[], decisions: readonly Decision[]): Decision[] {
	// No decisions yet (the usual first run): no keys to work out.
	return decisions.length === 0
		? []
		: rekey(
				rows,
				rows.map((row) => row.key),
				decisions,
			);
}

function rekey(rows: readonly Row[], keys: readonly string[], decisions: readonly Decision[]): Decision[] {
	const known = new Set(keys);
	// The usual case: every decision still has its row.
	if (decisions.every((decision) => known.has(decision.key))) return [...decisions];
	// The rows no decision holds yet, by their readings without layout, first come first served.
	const taken = new Set(decisions.map((decision) => decision.key));
	const free = new Map<string, number[]>();
	for (const [row, key] of keys.entries()) {
		if (taken.has(key)) continue;
		const readings = layoutFree(rows[row]!.a?.text, rows[row]!.b?.text);
		const same = free.get(readings);
		if (same) same.push(row);
		else free.set(readings, [row]);
	}

	return decisions.map((decision) => {
		if (known.has(decision.key) || (decision.a === undefined && decision.b === undefined)) return decision;
		const row = free.get(layoutFree(decision.a, decision.b))?.shift();
		return row === undefined ? decision : {...decision, key: keys[row]!};
	});
}

/**
 * Match saved decisions to rows by key, or by readings that differ only in layout
 * (`rekeyDecisions`); decisions that match no row are returned as orphans.
 */
export function matchDecisions(rows: readonly Row[], decisions: readonly Decision[]): DecisionMatch {
	// No decisions yet (the usual first run): no keys to work out.
	if (decisions.length === 0) return {byRow: new Map(), orphans: []};
	const keys = rows.map((row) => row.key);
	const index = new Map(keys.map((key, i) => [key, i]));
	const byRow = new Map<number, Decision>();
	const orphans: Decision[] = [];
	for (const decision of rekey(rows, keys, decisions)) {
		const row = index.get(decision.key);
		if (row === undefined) orphans.push(decision);
		else byRow.set(row, decision);
	}

	return {byRow, orphans};
}

/** The reading a decision settles on for a row, or undefined when it chooses none (or a printing that has no item there). */
export function decidedReading(row: RowDraft, decision: Decision | undefined): string | undefined {
	if (decision?.verdict === 'edit') return decision.text;
	const chosen = chosenPrinting(decision?.verdict);
	return chosen === undefined ? undefined : (itemAt(row, chosen)?.text ?? undefined);
}
