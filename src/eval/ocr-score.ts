/**
 * Scoring a comparison of a real-OCR case (`ocr-case.ts`) against its truth, which records facts
 * only: which drawn entry each OCR line belongs to, and what each printing's OCR reads in each
 * field of each entry. Everything expected is derived here, by these rules:
 *
 * - Pairs: the entries present in both printings (some line of each belongs to them); singles:
 *   the entries present in one only.
 * - Differences, by field (label, title, page): a field is expected to differ when the two
 *   readings differ after `normalizeReading` (NFC, whitespace, leader characters, zero-width
 *   characters). On a row that pairs the entry rightly, an expected field is found when the engine
 *   reports any difference in that field; a field not expected to differ is a false positive when
 *   the engine reports one there of a kind other than `leaders`, `whitespace`, `invisible` or
 *   `hyphenation`, `speck` (those are optional: never false; the truth gives specks to no field). An expected field on an entry the engine
 *   did not pair rightly is missed. Presence is the field `item`: a single shown unpaired is found,
 *   a single paired is missed, a paired entry shown unpaired is a false positive.
 * - Alignment, entry level: as for the noise model, a paired row stands for the entries whose
 *   first line lies in its ranges, zipped in order. Line level: pair counting over (A line, B
 *   line) pairs of the same entry (`scoreLines` in `metrics.ts` does the same for the noise model);
 *   a row's pairs of two lines that are both outside entries (front matter, furniture) are not
 *   counted, the truth saying nothing of them.
 * - Suggestions: on each expected differing field, the right reading is the printing whose reading
 *   equals the drawn entry's (normalised), or none when neither does. The engine's suggestion is
 *   the surest on a difference in that field: right, wrong (another printing, or any when none is
 *   right), even (`reading: null`), or none (no suggestion); a field not found at all is a missed
 *   difference, counted there and not among the suggestions (as `metrics.ts` scores the noise model).
 * - Split: in the one-file form, the first boundary found equals `oneFile.boundary`.
 */
import type {Field} from '../core/types.js';
import {
	addCounts,
	zeroCounts,
	type Counts,
	type Mismatch,
	type ScoredItem,
	type ScoredRow,
	type SuggestionCounts,
	suggestionOutcome,
	sumSuggestions,
	zeroSuggestions,
} from './metrics.js';
import type {Mode} from './noise.js';
import type {DrawnEntry, OcrCase, OcrReading} from './ocr-case.js';

/** A case with its texts: printing A, printing B, and both in one file (as `ocr-cases.ts` loads them). */
export type OcrCaseWithTexts = OcrCase & {readonly texts: {readonly a: string; readonly b: string; readonly both: string}};

/** The fields of an entry the OCR truth reads. */
export const ocrFields = ['label', 'title', 'page'] as const;

/** A field of the OCR truth, or presence (`item`). */
export type OcrField = (typeof ocrFields)[number] | 'item';

/** A row as the OCR scorer reads it: a `ScoredRow` whose differences name their field (`Row` satisfies it). */
export type OcrScoredRow = Omit<ScoredRow, 'differences'> & {
	readonly differences: ReadonlyArray<ScoredRow['differences'][number] & {readonly field: Field}>;
};

/** The score of one comparison of a real-OCR case. */
export type OcrScore = {
	readonly alignment: Counts;
	readonly lines: Counts;
	/** Every field together (label, title, page, item). */
	readonly differences: Counts;
	readonly byField: Readonly<Record<OcrField, Counts>>;
	readonly suggestions: SuggestionCounts;
	/** Whether the split was found; absent in the two-file form. */
	readonly split?: boolean;
	readonly mismatches: readonly Mismatch[];
};

/** Kinds the engine may report on a field that is not expected to differ. */
export const optionalOcrKinds: readonly string[] = ['leaders', 'whitespace', 'invisible', 'hyphenation', 'speck'];

// Runs of two or more leader characters (dots, middle dots, ellipses, underscores), spaced or not.
const leaderRun = /(?:\s*[.·‧…⋯_])(?:\s*[.·‧…⋯_])+\s*|…/gu;
const zeroWidth = /[\u200B-\u200D\uFEFF]/gu;

/**
 * A reading as the scorer compares it: NFC, without zero-width characters or runs of leader
 * characters, whitespace collapsed and trimmed.
 *
 * @example
 * normalizeReading('Preface . . . . '); // 'Preface'
 */
export function normalizeReading(text: string): string {
	return text.normalize('NFC').replaceAll(zeroWidth, '').replaceAll(leaderRun, ' ').replaceAll(/\s+/gu, ' ').trim();
}

const drawnField = (entry: DrawnEntry, field: (typeof ocrFields)[number]): string => entry[field] ?? '';
const readField = (reading: OcrReading | null | undefined, field: (typeof ocrFields)[number]): string => reading?.[field] ?? '';

/** The line numbers of each entry in one printing, in the file compared (offset in the one-file form). */
function entryLines(lines: OcrCase['printings'][0]['lines'], offset: number): Map<number, number[]> {
	const found = new Map<number, number[]>();
	for (const [k, truth] of lines.entries()) {
		if (typeof truth !== 'number') continue;
		const list = found.get(truth);
		if (list) list.push(k + 1 + offset);
		else found.set(truth, [k + 1 + offset]);
	}

	return found;
}

/** Lines the truth knows (an entry's, front matter, furniture): the lines a row's pairs are counted on. */
function knownLines(lines: OcrCase['printings'][0]['lines'], offset: number): {known: Set<number>; furniture: Set<number>} {
	const known = new Set<number>();
	const furniture = new Set<number>();
	for (const [k, truth] of lines.entries()) {
		if (truth !== null) known.add(k + 1 + offset);
		if (truth === 'furniture') furniture.add(k + 1 + offset);
	}

	return {known, furniture};
}

function entriesIn(firstLines: ReadonlyMap<number, number>, found: ScoredItem): number[] {
	const entries: number[] = [];
	for (let line = found.lines[0]; line <= found.lines[1]; line++) {
		const entry = firstLines.get(line);
		if (entry !== undefined) entries.push(entry);
	}

	return entries;
}

const linePair = (a: number, b: number): number => a * 1_000_000 + b;

/** How a suggestion fared, `right` being the printing that reads the drawn entry (or null: neither does). */
function outcome(suggestion: ScoredRow['differences'][number]['suggestion'], right: 'a' | 'b' | null): SuggestionCounts {
	return suggestionOutcome(suggestion, suggestion?.reading === right);
}

const addSuggestion = sumSuggestions;

/** The difference of a field whose suggestion counts: the surest that names a reading, else an even one, else none. */
function surest(hits: OcrScoredRow['differences']): OcrScoredRow['differences'][number] | undefined {
	let best: OcrScoredRow['differences'][number] | undefined;
	for (const hit of hits) {
		const {suggestion} = hit;
		if (suggestion === undefined) continue;
		const known = best?.suggestion;
		if (
			known === undefined ||
			(known.reading === null && suggestion.reading !== null) ||
			(suggestion.reading !== null && suggestion.confidence > known.confidence)
		)
			best = hit;
	}

	return best;
}

/**
 * Which printing reads the drawn text where one difference lies: the one whose reading of it the
 * drawn field holds, in whole words (a scrap `ay` is no reading of `Clay`), while it does not hold
 * the other's. Where both printings misread a field at different words, each difference still has
 * a right side (`Началб` / `Начало`, whatever the other printing made of another word).
 */
function rightAt(difference: OcrScoredRow['differences'][number], drawn: string, field: 'a' | 'b' | null): 'a' | 'b' | null {
	if (field !== null) return field;
	const a = normalizeReading(difference.a);
	const b = normalizeReading(difference.b);
	const holds = (reading: string): boolean => reading !== '' && holdsWords(drawn, reading);
	if (holds(a) && !holds(b)) return 'a';
	if (holds(b) && !holds(a)) return 'b';
	// Neither drawn, one side empty (a scrap, `""` / `ar`): the side without it.
	return a === '' ? 'a' : b === '' ? 'b' : null;
}

/** Whether `text` holds `reading` where no letter or digit runs on into it at either end. */
function holdsWords(text: string, reading: string): boolean {
	const edge = (ch: string | undefined, guard: string): string => (ch !== undefined && /[\p{L}\p{N}]/u.test(ch) ? guard : '');
	const escaped = reading.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
	return new RegExp(`${edge(reading[0], '(?<![\\p{L}\\p{N}])')}${escaped}${edge(reading.at(-1), '(?![\\p{L}\\p{N}])')}`, 'u').test(text);
}

/**
 * Score an engine's rows on a real-OCR case, in its two-file form (A and B from their own files) or
 * its one-file form (B's lines after `oneFile.boundary - 1` lines).
 *
 * @example
 * const score = scoreOcrComparison(ocr, 'one-file', comparison.rows, comparison.split);
 */
export function scoreOcrComparison(ocr: OcrCase, mode: Mode, rows: readonly OcrScoredRow[], split?: {readonly boundaries: readonly number[]}): OcrScore {
	const offsetB = mode === 'one-file' ? ocr.oneFile.boundary - 1 : 0;
	const [printingA, printingB] = ocr.printings;
	const linesA = entryLines(printingA.lines, 0);
	const linesB = entryLines(printingB.lines, offsetB);
	const firstA = new Map([...linesA].map(([entry, lines]) => [lines[0]!, entry]));
	const firstB = new Map([...linesB].map(([entry, lines]) => [lines[0]!, entry]));
	const paired = new Set([...linesA.keys()].filter((entry) => linesB.has(entry)));
	const mismatches: Mismatch[] = [];
	const byField: Record<OcrField, Counts> = {label: zeroCounts, title: zeroCounts, page: zeroCounts, item: zeroCounts};
	const add = (field: OcrField, counts: Partial<Counts>): void => {
		byField[field] = addCounts(byField[field], {tp: 0, fp: 0, fn: 0, ...counts});
	};

	let alignment = zeroCounts;
	let suggestions: SuggestionCounts = zeroSuggestions;
	const pairedRightly = new Set<number>();
	const shownAlone = new Set<string>();
	const title = (entry: number): string => {
		const drawn = ocr.entries[entry];
		return drawn ? [drawn.label, drawn.title, drawn.page].filter(Boolean).join(' ') : `entry ${entry}`;
	};

	for (const row of rows) {
		const xs = row.a ? entriesIn(firstA, row.a) : [];
		const ys = row.b ? entriesIn(firstB, row.b) : [];
		if (!row.a || !row.b) {
			const side = row.a ? 'a' : 'b';
			for (const entry of side === 'a' ? xs : ys) {
				shownAlone.add(`${side}${entry}`);
				if (paired.has(entry)) {
					add('item', {fp: 1});
					mismatches.push({
						type: 'differences',
						...(row.a ? {a: row.a} : {}),
						...(row.b ? {b: row.b} : {}),
						expected: `a partner: ${JSON.stringify(title(entry))} is in both printings`,
						got: `row ${row.status}`,
					});
				} else {
					add('item', {tp: 1});
				}
			}

			continue;
		}

		for (let k = 0; k < Math.min(xs.length, ys.length); k++) {
			const x = xs[k]!;
			const y = ys[k]!;
			if (x !== y || !paired.has(x)) {
				alignment = addCounts(alignment, {tp: 0, fp: 1, fn: 0});
				mismatches.push({
					type: 'pair-wrong',
					a: row.a,
					b: row.b,
					expected: `${JSON.stringify(title(x))} paired with its own reading`,
					got: `paired with ${JSON.stringify(title(y))}`,
				});
				continue;
			}

			alignment = addCounts(alignment, {tp: 1, fp: 0, fn: 0});
			pairedRightly.add(x);
			const readingA = printingA.readings[x];
			const readingB = printingB.readings[x];
			const expected: string[] = [];
			const wrong: string[] = [];
			for (const field of ocrFields) {
				const a = normalizeReading(readField(readingA, field));
				const b = normalizeReading(readField(readingB, field));
				const hits = row.differences.filter((difference) => difference.field === field);
				if (a === b) {
					const false_ = hits.filter((difference) => !optionalOcrKinds.includes(difference.kind));
					if (false_.length > 0) {
						add(field, {fp: 1});
						wrong.push(`${field} should not differ`);
					}

					continue;
				}

				expected.push(`${field} ${JSON.stringify(a)}→${JSON.stringify(b)}`);
				if (hits.length === 0) {
					add(field, {fn: 1});
					// Counted among the differences missed, not among the suggestions: as the noise model scores them, only differences found can carry one.
					wrong.push(`${field} missed`);
					continue;
				}

				add(field, {tp: 1});
				const drawn = normalizeReading(drawnField(ocr.entries[x] ?? {title: ''}, field));
				const right = a === drawn ? 'a' : b === drawn ? 'b' : null;
				const chosen = surest(hits);
				const rightHere = chosen === undefined ? right : rightAt(chosen, drawn, right);
				const fared = outcome(chosen?.suggestion, rightHere);
				suggestions = addSuggestion(suggestions, rightHere === null ? {...fared, neither: 1, neitherNamed: fared.right + fared.wrong} : fared);
				// A sure suggestion that is wrong misleads the reviewer most: say which.
				if (fared.sure === 1 && fared.sureRight === 0) {
					const sure = chosen!.suggestion!;
					const why = sure.why === undefined ? '' : `: ${sure.why}`;
					mismatches.push({
						type: 'suggestion',
						a: row.a,
						b: row.b,
						expected: `${field}: ${rightHere === null ? 'neither reading is the drawn one' : `${rightHere.toUpperCase()} reads it`} (${JSON.stringify(drawn)})`,
						got: `suggested ${sure.reading!.toUpperCase()} at ${sure.confidence} on ${JSON.stringify(chosen!.a)} / ${JSON.stringify(chosen!.b)}${why}`,
					});
				}
			}

			if (wrong.length > 0) {
				const reported = row.differences.map((d) => `${d.kind}/${d.field} ${JSON.stringify(d.a)}→${JSON.stringify(d.b)}`).join('; ');
				mismatches.push({
					type: 'differences',
					a: row.a,
					b: row.b,
					expected: expected.length === 0 ? '(no field differs)' : expected.join('; '),
					got: `${reported || '(none)'} (row ${row.status}: ${wrong.join(', ')})`,
				});
			}
		}
	}

	// Pairs the engine missed: their differing fields are missed too.
	for (const entry of paired) {
		if (pairedRightly.has(entry)) continue;
		alignment = addCounts(alignment, {tp: 0, fp: 0, fn: 1});
		for (const field of ocrFields) {
			if (normalizeReading(readField(printingA.readings[entry], field)) === normalizeReading(readField(printingB.readings[entry], field))) continue;
			add(field, {fn: 1});
		}

		mismatches.push({
			type: 'pair-missed',
			expected: `${JSON.stringify(title(entry))} paired (A lines ${linesA.get(entry)!.join(',')}, B lines ${linesB.get(entry)!.join(',')})`,
			got: 'not paired',
		});
	}

	// Singles the engine paired (or showed nowhere).
	for (const [side, lines] of [
		['a', linesA],
		['b', linesB],
	] as const) {
		for (const entry of lines.keys()) {
			if (paired.has(entry) || shownAlone.has(`${side}${entry}`)) continue;
			add('item', {fn: 1});
			mismatches.push({type: 'differences', expected: `only-${side}: ${JSON.stringify(title(entry))}`, got: 'paired, or in no row'});
		}
	}

	let splitFound: boolean | undefined;
	if (mode === 'one-file') {
		const boundary = split?.boundaries[0];
		splitFound = boundary === ocr.oneFile.boundary;
		if (!splitFound)
			mismatches.push({
				type: 'split',
				expected: `B starts at line ${ocr.oneFile.boundary}`,
				got: boundary === undefined ? 'no split' : `B starts at line ${boundary}`,
			});
	}

	return {
		alignment,
		lines: scoreOcrLines(ocr, offsetB, rows, paired, linesA, linesB),
		differences: Object.values(byField).reduce(addCounts, zeroCounts),
		byField,
		suggestions,
		...(splitFound === undefined ? {} : {split: splitFound}),
		mismatches,
	};
}

function scoreOcrLines(
	ocr: OcrCase,
	offsetB: number,
	rows: readonly OcrScoredRow[],
	paired: ReadonlySet<number>,
	linesA: ReadonlyMap<number, number[]>,
	linesB: ReadonlyMap<number, number[]>,
): Counts {
	const knownA = knownLines(ocr.printings[0].lines, 0);
	const knownB = knownLines(ocr.printings[1].lines, offsetB);
	const expected = new Set<number>();
	for (const entry of paired) for (const x of linesA.get(entry)!) for (const y of linesB.get(entry)!) expected.add(linePair(x, y));
	// As in `scoreLines`: an item the engine marks as furniture stands for none of the furniture lines it holds.
	const within = (found: ScoredItem, {known, furniture}: {known: ReadonlySet<number>; furniture: ReadonlySet<number>}): number[] => {
		const lines: number[] = [];
		for (let line = found.lines[0]; line <= found.lines[1]; line++) if (known.has(line) && !(found.furniture === true && furniture.has(line))) lines.push(line);
		return lines;
	};

	const entryA = new Set([...linesA.values()].flat());
	const entryB = new Set([...linesB.values()].flat());
	const seen = new Set<number>();
	let tp = 0;
	let fp = 0;
	for (const row of rows) {
		if (!row.a || !row.b) continue;
		const ys = within(row.b, knownB);
		for (const x of within(row.a, knownA)) {
			for (const y of ys) {
				const key = linePair(x, y);
				// Front matter or furniture with its like: the truth says nothing of how those pair.
				if (seen.has(key) || (!entryA.has(x) && !entryB.has(y))) continue;
				seen.add(key);
				if (expected.has(key)) tp++;
				else fp++;
			}
		}
	}

	return {tp, fp, fn: expected.size - tp};
}
