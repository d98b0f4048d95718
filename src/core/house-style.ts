/**
 * A printing's house style: how its entries end (a full stop after the title or not), what stands
 * between title and page (leader dots, a tab, spaces), and what follows the page (`116.` or `116`).
 * When nearly every other entry of both printings follows one style, the reading of a difference
 * that breaks it is likely the slip: `rocks.` among 92 of 95 entries that end without a full stop.
 *
 * Pure: items in, a verdict out. The weight of the verdict is `suggest.ts`'s business.
 */
import type {TocItem} from './types.js';

/** A trait of an entry's style: its value on an item, or undefined when the item has none to compare. */
export type StyleTrait = {
	/** The trait's value on an item (`'.'`, `''`, `'dots'` …); undefined when the item says nothing. */
	readonly of: (item: TocItem) => string | undefined;
	/** How entries with a value are described: `end with a full stop`, `have leader dots`. */
	readonly describe: (value: string) => string;
	/** The group of a value: an entry is compared only with entries whose value is of the same group. @default one group */
	readonly group?: (value: string) => string;
};

/** The mark a text ends with (`.`, `,`, `;`, `:`), or `''` when it ends otherwise. */
function finalMark(text: string): string {
	return /[.,;:]$/u.exec(text.trimEnd())?.[0] ?? '';
}

const markNames: Readonly<Record<string, string>> = {'.': 'a full stop', ',': 'a comma', ';': 'a semicolon', ':': 'a colon'};

/** The prefix of a title ending's value on a heading (an item without a page): headings keep a style of their own. */
const headingPrefix = 'heading ';

/**
 * How a title ends: with a full stop, a comma, … or with none of them (items with letters in the
 * title). A heading without a page (`CONTENTS.`, `PART I`) is weighed against the other headings
 * only: the entries' style is not theirs.
 */
export const titleEnding: StyleTrait = {
	of: (item) => {
		if (!/\p{L}/u.test(item.title)) return undefined;
		const mark = finalMark(item.title);
		return item.page === undefined || item.page === '' ? `${headingPrefix}${mark}` : mark;
	},
	group: (value) => (value.startsWith(headingPrefix) ? 'heading' : 'entry'),
	describe: (value) => {
		const mark = value.startsWith(headingPrefix) ? value.slice(headingPrefix.length) : value;
		const ending = mark === '' ? 'end without a full stop' : `end with ${markNames[mark] ?? mark}`;
		return value.startsWith(headingPrefix) ? `without a page ${ending}` : ending;
	},
};

/** What follows a page: a mark (`116.`) or nothing (entries with a page). */
export const pageEnding: StyleTrait = {
	of: (item) => (item.page === undefined || item.page === '' ? undefined : finalMark(item.page)),
	describe: (value) => (value === '' ? 'have nothing after the page' : `have ${markNames[value] ?? value} after the page`),
};

/** The kind of leader between title and page: dots, a tab or spaces (entries with a page). */
export const leaderStyle: StyleTrait = {
	of: (item) => {
		if (item.page === undefined || item.page === '') return undefined;
		if (/[.·…_]/u.test(item.leader)) return 'dots';
		if (item.leader.includes('\t')) return 'tab';
		return item.leader === '' ? 'none' : 'spaces';
	},
	describe: (value) =>
		({dots: 'have leader dots before the page', tab: 'have a tab before the page', spaces: 'have spaces before the page'})[value] ??
		'have nothing before the page',
};

/** Options for `judgeStyle`. */
export type StyleOptions = {
	/** The share of comparable entries, in each printing, that must follow the style. @default 0.9 */
	readonly threshold?: number;
	/** The fewest comparable entries each printing must have. @default 8 */
	readonly minimum?: number;
};

/** A verdict: the reading that keeps the house style, and how many of the other entries follow it. */
export type StyleVerdict = {
	readonly reading: 'a' | 'b';
	/** The style the reading keeps (a value of the trait). */
	readonly value: string;
	/** Entries of both printings (other than the pair judged) that follow it, of those that have the trait. */
	readonly following: number;
	readonly comparable: number;
};

/** How many entries of a printing have a trait, and how many have each value. */
export type StyleTally = {readonly comparable: number; readonly counts: ReadonlyMap<string, number>};

/** Count a trait over a printing's entries (once per printing: a long contents page has thousands of differences). */
export function tallyStyle(items: readonly TocItem[], trait: StyleTrait): StyleTally {
	const counts = new Map<string, number>();
	let comparable = 0;
	for (const item of items) {
		const value = trait.of(item);
		if (value === undefined) continue;
		comparable++;
		counts.set(value, (counts.get(value) ?? 0) + 1);
	}

	return {comparable, counts};
}

/** A tally without one entry's value (the entry judged is no witness of its own style). */
function without(tally: StyleTally, value: string): StyleTally {
	const count = tally.counts.get(value) ?? 0;
	if (count === 0) return tally;
	return {comparable: tally.comparable - 1, counts: new Map([...tally.counts, [value, count - 1]])};
}

/**
 * Which of two readings of a pair of entries (`a` of printing A, `b` of printing B) keeps the
 * house style of both printings: when the two differ in the trait and one of them has the value
 * that at least `threshold` of the other comparable entries have, in each printing. Undefined when
 * the style says nothing.
 *
 * @example
 * judgeStyle(a, b, [tallyStyle(printingA.items, titleEnding), tallyStyle(printingB.items, titleEnding)], titleEnding)
 * // {reading: 'a', value: '', following: 184, comparable: 188}
 */
export function judgeStyle(
	a: TocItem,
	b: TocItem,
	tallies: readonly [StyleTally, StyleTally],
	trait: StyleTrait,
	options: StyleOptions = {},
): StyleVerdict | undefined {
	const {threshold = 0.9, minimum = 8} = options;
	const ofA = trait.of(a);
	const ofB = trait.of(b);
	if (ofA === undefined || ofB === undefined || ofA === ofB) return undefined;
	const group = trait.group ?? (() => '');
	if (group(ofA) !== group(ofB)) return undefined;
	const values = {a: ofA, b: ofB};
	const others = [without(tallies[0], ofA), without(tallies[1], ofB)];
	// The entries of the pair's group, in each printing.
	const comparable = others.map(({counts}) => [...counts].reduce((sum, [value, count]) => (group(value) === group(ofA) ? sum + count : sum), 0));
	for (const side of ['a', 'b'] as const) {
		const value = values[side];
		const following = others.map(({counts}) => counts.get(value) ?? 0);
		if (comparable.every((n, k) => n >= minimum && following[k]! >= threshold * n)) {
			return {reading: side, value, following: following[0]! + following[1]!, comparable: comparable[0]! + comparable[1]!};
		}
	}

	return undefined;
}

/** The verdict in one line: `184 of 188 entries end without a full stop`. */
export function describeStyle(verdict: StyleVerdict, trait: StyleTrait): string {
	return `${verdict.following} of ${verdict.comparable} entries ${trait.describe(verdict.value)}`;
}
