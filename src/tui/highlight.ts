/**
 * Highlighting of the two readings of a row (the core's `highlightSpans`, as the reports use),
 * and fitting highlighted text into a column. Pure; results are cached per pair because the list redraws
 * the same rows on every key press.
 */
import {highlightSpans} from '../core/highlight.js';
import {cells, type Cell} from './columns.js';

/** A run of text, marked when it differs from the other reading. */
export type Segment = {readonly text: string; readonly changed: boolean};

/** The two readings, split into runs. */
export type HighlightPair = {
	readonly a: readonly Segment[];
	readonly b: readonly Segment[];
	/** Where the first difference lies on both sides: the length of the common start (0 when equal). */
	readonly prefix: number;
};

const cache = new Map<string, HighlightPair>();
const cacheLimit = 2000;

/** Split two readings into common and differing runs. */
export function highlightPair(a: string, b: string): HighlightPair {
	const cacheKey = `${a}\u0000${b}`;
	const cached = cache.get(cacheKey);
	if (cached) return cached;
	let result: HighlightPair;
	if (a === b) {
		const same = a === '' ? [] : [{text: a, changed: false}];
		result = {a: same, b: same, prefix: 0};
	} else if (a === '' || b === '') {
		result = {a: a ? [{text: a, changed: true}] : [], b: b ? [{text: b, changed: true}] : [], prefix: 0};
	} else {
		// The same spans as the reports mark (`highlightSpans`), so screen and report agree.
		const spans = highlightSpans(a, b);
		const left: Segment[] = [];
		const right: Segment[] = [];
		for (const span of spans) {
			if (span.kind !== 'b-only') push(left, span.text, span.kind === 'a-only');
			if (span.kind !== 'a-only') push(right, span.text, span.kind === 'b-only');
		}

		const first = spans[0];
		const prefix = first?.kind === 'same' ? [...first.text].length : 0;
		result = {a: left, b: right, prefix};
	}

	if (cache.size >= cacheLimit) cache.clear();
	cache.set(cacheKey, result);
	return result;
}

function push(segments: Segment[], text: string, changed: boolean): void {
	const last = segments.at(-1);
	if (last?.changed === changed) segments[segments.length - 1] = {text: last.text + text, changed};
	else segments.push({text, changed});
}

/** Options for `fitSegments`. */
export type FitOptions = {
	/** Wrap differing runs in these when colour is off (NO_COLOR), so they still show. @default undefined */
	readonly markers?: readonly [string, string];
	/** Pad with spaces to exactly `width`. @default true */
	readonly pad?: boolean;
	/**
	 * The position (in code points) to keep on screen when cutting, so that both sides of a pair
	 * shift alike. @default the start of the first differing run
	 */
	readonly focus?: number;
	/**
	 * The other side of the pair, whose text `focus` also counts in: started later to show the
	 * difference, neither side starts later than the longer of the two needs to end in view.
	 */
	readonly other?: readonly Segment[];
};

/** A run cut into graphemes, each with its width in columns. */
type CellRun = {readonly cells: readonly Cell[]; readonly changed: boolean};

const widthOf = (runs: readonly CellRun[]): number => runs.reduce((sum, run) => sum + run.cells.reduce((total, cell) => total + cell.width, 0), 0);

/**
 * Cut runs to `width` terminal columns, ending with `…` when cut; when the cut falls after the
 * first difference is off screen, start the text closer to it so the difference stays visible.
 * Text is cut between graphemes, and measured as the terminal shows it (`columns.ts`).
 */
export function fitSegments(segments: readonly Segment[], width: number, options: FitOptions = {}): Segment[] {
	const {markers, pad = true, focus, other} = options;
	if (width <= 0) return [];
	const toRuns = (from: readonly Segment[]): CellRun[] =>
		from.map((segment) => ({
			cells: cells(markers && segment.changed ? `${markers[0]}${segment.text}${markers[1]}` : segment.text),
			changed: segment.changed,
		}));
	let runs = toRuns(segments);
	const total = widthOf(runs);
	if (total > width) {
		// Where, in columns, does the first difference start? Keep it on screen. `focus` counts code
		// points of the start both sides share, so both sides find the same column; without it, the
		// code points before the first changed run.
		const start = width > 20 ? (focus ?? codePointsBeforeChange(segments)) : undefined;
		const firstChange = start === undefined ? undefined : columnOfCodePoint(runs, start);
		if (firstChange !== undefined && firstChange > width - 12) {
			// The same skip on both sides of a pair (it depends on `focus` and the longer side), so
			// they stay aligned; no more than lets the longer side end in view after the `…`.
			const longest = Math.max(total, other === undefined ? 0 : widthOf(toRuns(other)));
			runs = dropStart(runs, Math.min(firstChange - Math.floor(width / 3), longest - (width - 1)));
			runs.unshift({cells: [{text: '…', width: 1}], changed: false});
		}

		// After the start is dropped, the rest may fit: then nothing is cut at the end.
		if (widthOf(runs) > width) {
			runs = cutTo(runs, width - 1);
			runs.push({cells: [{text: '…', width: 1}], changed: false});
		}
	}

	const result = runs.filter((run) => run.cells.length > 0).map((run) => ({text: run.cells.map((cell) => cell.text).join(''), changed: run.changed}));
	const used = widthOf(runs);
	if (pad && used < width) result.push({text: ' '.repeat(width - used), changed: false});
	return result;
}

/** The code points before the first changed segment; undefined when none changed. */
function codePointsBeforeChange(segments: readonly Segment[]): number | undefined {
	let count = 0;
	for (const segment of segments) {
		if (segment.changed) return count;
		count += [...segment.text].length;
	}

	return undefined;
}

function columnOfCodePoint(runs: readonly CellRun[], codePoints: number): number {
	let column = 0;
	let passed = 0;
	for (const run of runs) {
		for (const cell of run.cells) {
			if (passed >= codePoints) return column;
			passed += [...cell.text].length;
			column += cell.width;
		}
	}

	return column;
}

/** Drop whole graphemes from the start until at least `count` columns are gone. */
function dropStart(runs: readonly CellRun[], count: number): CellRun[] {
	const result: CellRun[] = [];
	let left = count;
	for (const run of runs) {
		let from = 0;
		while (left > 0 && from < run.cells.length) left -= run.cells[from++]!.width;
		if (from < run.cells.length) result.push(from === 0 ? run : {cells: run.cells.slice(from), changed: run.changed});
	}

	return result;
}

/** Keep whole graphemes from the start while they fit in `width` columns. */
function cutTo(runs: readonly CellRun[], width: number): CellRun[] {
	const result: CellRun[] = [];
	let left = width;
	for (const run of runs) {
		let to = 0;
		while (to < run.cells.length && run.cells[to]!.width <= left) left -= run.cells[to++]!.width;
		if (to > 0) result.push({cells: run.cells.slice(0, to), changed: run.changed});
		if (to < run.cells.length) break;
	}

	return result;
}
