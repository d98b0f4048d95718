/**
 * Highlighting of the two readings of a row (the core's `highlightSpans`, as the reports use),
 * and fitting highlighted text into a column. Pure; results are cached per pair because the list redraws
 * the same rows on every key press.
 */
import {highlightSpans} from '../core/highlight.js';

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
};

/**
 * Cut runs to `width` columns, ending with `…` when cut; when the cut falls after the first
 * difference is off screen, start the text closer to it so the difference stays visible.
 */
export function fitSegments(segments: readonly Segment[], width: number, options: FitOptions = {}): Segment[] {
	const {markers, pad = true, focus} = options;
	let runs: Segment[] = segments.map((segment) =>
		markers && segment.changed ? {text: `${markers[0]}${segment.text}${markers[1]}`, changed: true} : segment,
	);
	const chars = (text: string) => [...text];
	const total = runs.reduce((sum, run) => sum + chars(run.text).length, 0);
	if (width <= 0) return [];
	if (total > width) {
		// Where does the first difference start? Keep it on screen.
		let firstChange = focus ?? -1;
		if (focus === undefined) {
			let offset = 0;
			for (const run of runs) {
				if (run.changed) {
					firstChange = offset;
					break;
				}

				offset += chars(run.text).length;
			}
		}

		if (firstChange > width - 12 && width > 20) {
			// The same skip on both sides of a pair (it depends only on `focus`), so they stay aligned.
			const skip = firstChange - Math.floor(width / 3);
			runs = dropStart(runs, skip);
			runs.unshift({text: '…', changed: false});
		}

		runs = cutTo(runs, width - 1);
		runs.push({text: '…', changed: false});
	}

	const used = runs.reduce((sum, run) => sum + chars(run.text).length, 0);
	if (pad && used < width) runs.push({text: ' '.repeat(width - used), changed: false});
	return runs;
}

function dropStart(runs: readonly Segment[], count: number): Segment[] {
	const result: Segment[] = [];
	let left = count;
	for (const run of runs) {
		const characters = [...run.text];
		if (left >= characters.length) {
			left -= characters.length;
			continue;
		}

		result.push({text: characters.slice(left).join(''), changed: run.changed});
		left = 0;
	}

	return result;
}

function cutTo(runs: readonly Segment[], width: number): Segment[] {
	const result: Segment[] = [];
	let left = width;
	for (const run of runs) {
		if (left <= 0) break;
		const characters = [...run.text];
		result.push({text: characters.slice(0, left).join(''), changed: run.changed});
		left -= Math.min(left, characters.length);
	}

	return result;
}
