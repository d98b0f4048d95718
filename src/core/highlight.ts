/**
 * Character-level highlighting of two readings: which spans are shared and which belong to one
 * side only. Words are aligned first (jsdiff's `diffWordsWithSpace`), then a replaced word is
 * refined to characters (`diffChars`) when most of it survives, so `PRESIDIUM`/`PRESIDUM` marks one
 * letter but `1`/`4` marks the whole number. Pure; used by the reports, the text report and the TUI.
 */
import {diffChars} from 'diff/lib/diff/character.js';
import {diffWordsWithSpace} from 'diff/lib/diff/word.js';
import {commonEnds, longReading} from './distance.js';

/** Whether a span is in both readings or in one only. */
export type HighlightKind = 'same' | 'a-only' | 'b-only';

/** A run of text with its kind; the `same` and `a-only` runs, in order, spell reading A. */
export type HighlightSegment = {readonly text: string; readonly kind: HighlightKind};

/** The part of two readings that differs, with the common text around it cut away. */
export type ChangedRegion = {
	/** The text before the change, common to both readings. */
	readonly before: string;
	readonly a: string;
	readonly b: string;
	/** The text after the change, common to both readings. */
	readonly after: string;
};

function push(segments: HighlightSegment[], text: string, kind: HighlightKind): void {
	if (text === '') return;
	const last = segments.at(-1);
	if (last?.kind === kind) segments[segments.length - 1] = {text: last.text + text, kind};
	else segments.push({text, kind});
}

type CharChange = {readonly value: string; readonly added?: boolean; readonly removed?: boolean};

/**
 * Put a misreading's two sides together: `Co{+rn+}m[-m-]ittee`, as a character diff may align
 * `Committee` with `Cornmittee`, reads `Co[-m-]{+rn+}mittee`. A change, a kept run, and the opposite
 * change of that same run become the two changes (A's first) and then the kept run: the same texts.
 */
function tidy(changes: readonly CharChange[]): CharChange[] {
	const out = [...changes];
	const isChange = (change: CharChange): boolean => change.added === true || change.removed === true;
	for (let i = 0; i + 2 < out.length; i++) {
		const [first, kept, last] = [out[i]!, out[i + 1]!, out[i + 2]!];
		if (!isChange(first) || isChange(kept) || !isChange(last) || first.added === last.added || last.value !== kept.value) continue;
		const [removed, added] = first.removed ? [first, last] : [last, first];
		out.splice(i, 3, {value: removed.value, removed: true}, {value: added.value, added: true}, {value: kept.value});
	}

	return out;
}

/** Refine a replaced run to characters when at least half of the longer side is kept. */
function refine(segments: HighlightSegment[], removed: string, added: string): void {
	// A number is read whole: `19` → `21` marks both, not `{+2+}1[-9-]`.
	const numbers = /^\d+$/.test(removed) && /^\d+$/.test(added);
	if (removed !== '' && added !== '' && !numbers) {
		const changes = tidy(diffChars(removed, added));
		let common = 0;
		let runs = 0;
		for (const change of changes) {
			if (!change.added && !change.removed) common += change.value.length;
			else runs++;
		}

		// Many small fragments read worse than one replaced word.
		if (common * 2 >= Math.max(removed.length, added.length) && runs <= 4) {
			for (const change of changes) {
				push(segments, change.value, change.removed ? 'a-only' : change.added ? 'b-only' : 'same');
			}

			return;
		}
	}

	push(segments, removed, 'a-only');
	push(segments, added, 'b-only');
}

/**
 * Split two readings into shared and one-sided runs. Within a change, A's run comes first.
 *
 * @example
 * highlightSpans('JULY 1, 1920', 'JULY 4, 1920')
 * // [{text: 'JULY ', kind: 'same'}, {text: '1', kind: 'a-only'}, {text: '4', kind: 'b-only'}, {text: ', 1920', kind: 'same'}]
 */
export function highlightSpans(a: string, b: string): readonly HighlightSegment[] {
	const segments: HighlightSegment[] = [];
	if (a === b) {
		push(segments, a, 'same');
		return segments;
	}

	// Very long readings (OCR debris) are split by their common start and end only: a word diff
	// of two 100,000-character lines would take seconds.
	if (a.length + b.length > longReading) {
		const {start, end} = commonEnds(a, b);
		push(segments, a.slice(0, start), 'same');
		push(segments, a.slice(start, a.length - end), 'a-only');
		push(segments, b.slice(start, b.length - end), 'b-only');
		push(segments, a.slice(a.length - end), 'same');
		return segments;
	}

	let removed = '';
	let added = '';
	for (const change of diffWordsWithSpace(a, b)) {
		if (change.removed) removed += change.value;
		else if (change.added) added += change.value;
		else {
			refine(segments, removed, added);
			removed = '';
			added = '';
			push(segments, change.value, 'same');
		}
	}

	refine(segments, removed, added);
	return segments;
}

/**
 * The segments that spell one side's reading: `same` runs and that side's own runs.
 *
 * @example
 * segmentsOf(highlightSpans(a, b), 'a').map((s) => s.text).join('') === a
 */
export function segmentsOf(segments: readonly HighlightSegment[], side: 'a' | 'b'): readonly HighlightSegment[] {
	const other = side === 'a' ? 'b-only' : 'a-only';
	return segments.filter((segment) => segment.kind !== other);
}

/** Words (letters, digits, apostrophes), runs of whitespace and runs of other marks, as tokens. */
function tokens(text: string): string[] {
	return text.split(/(\s+|[^\p{L}\p{N}\p{M}\s'’]+)/u).filter((token) => token !== '');
}

const isSpace = (token: string | undefined): boolean => token !== undefined && /^\s+$/u.test(token);

/**
 * The smallest run of whole words and marks in which two readings differ, for errata such as
 * `for “JULY 1” read “JULY 4”`. When one side of the run is empty, or both are a mark or a short
 * number, the word before (else after) is taken along, so that the errata line can be read alone.
 *
 * @example
 * changedRegion('MESSAGE, JULY 1, 1920', 'MESSAGE, JULY 4, 1920') // {before: 'MESSAGE, ', a: 'JULY 1', b: 'JULY 4', after: ', 1920'}
 */
export function changedRegion(a: string, b: string): ChangedRegion {
	const ta = tokens(a);
	const tb = tokens(b);
	let start = 0;
	while (start < ta.length && start < tb.length && ta[start] === tb[start]) start++;
	let endA = ta.length;
	let endB = tb.length;
	while (endA > start && endB > start && ta[endA - 1] === tb[endB - 1]) {
		endA--;
		endB--;
	}

	const region = (): [string, string] => [ta.slice(start, endA).join('').trim(), tb.slice(start, endB).join('').trim()];
	const [ra, rb] = region();
	if (a !== b && (ra === '' || rb === '' || Math.max(ra.length, rb.length) <= 2)) {
		if (start > 0) {
			start--;
			while (start > 0 && isSpace(ta[start])) start--;
		} else {
			while (endA < ta.length && endB < tb.length) {
				endA++;
				endB++;
				if (!isSpace(ta[endA - 1])) break;
			}
		}
	}

	return {
		before: ta.slice(0, start).join(''),
		a: ta.slice(start, endA).join(''),
		b: tb.slice(start, endB).join(''),
		after: ta.slice(endA).join(''),
	};
}
