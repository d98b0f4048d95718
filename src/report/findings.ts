/**
 * What the exporters share: the differences of a comparison listed one by one with their row and
 * decision, tallies by severity, and the words for them. What a row means (its key, its open
 * differences, its worst severity) is decided in core (`core/meaning.ts`); this module words it.
 */
import {classifyPair} from '../core/classify.js';
import {chosenPrinting, itemAt, printingLetters, type Decision, type PrintingLetter} from '../core/decisions.js';
import {worstOf} from '../core/meaning.js';
import {parseItems} from '../core/parse.js';
import {
	severities,
	type Comparison,
	type Difference,
	type Printing,
	type Row,
	type RowStatus,
	type Severity,
	type SplitReport,
	type Suggestion,
	type TocItem,
} from '../core/types.js';
import type {ReportContext} from './context.js';

/** One difference with the row it belongs to and the decision on that row. */
export type Finding = {
	/** The row's position in `comparison.rows`, from 0. */
	readonly index: number;
	/** The row's content key (`Row.key`). */
	readonly key: string;
	readonly row: Row;
	readonly difference: Difference;
	readonly decision: Decision | undefined;
};

/**
 * A correction typed on a row whose printings agree (or differ only where a check explains): both
 * share an error, which the errata must still name. `differences` are those between printing A's
 * reading and the correction, classified as the comparison classifies (`JULY 1` → `JULY 4`: number).
 */
export type SharedCorrection = {
	readonly index: number;
	readonly key: string;
	readonly row: Row & {readonly a: TocItem; readonly b: TocItem};
	readonly decision: Decision & {readonly verdict: 'edit'};
	readonly differences: readonly Difference[];
	/** The most serious severity among `differences`, and their kinds (`page, number`). */
	readonly severity: Severity;
	readonly kinds: string;
};

/**
 * What a correction typed for a row changes in `item`, classified as the comparison classifies
 * (`LEECH CRAFT.` → `LEECH-CRAFT.`: hyphenation; `422` → `430`: page). The screen offers a reading
 * as one line without its leader dots, so leaders are not counted as corrected.
 */
export function correctionDifferences(item: TocItem, text: string): Difference[] {
	const lines = text.split('\n');
	const corrected = parseItems(lines, 1, lines.length, {frontMatter: false})[0];
	return corrected === undefined ? [] : classifyPair(item, corrected).filter((difference) => difference.kind !== 'leaders');
}

/** The corrections on rows with no open difference, in reading order; a correction that changes nothing is none. */
export function sharedCorrections(comparison: Comparison, context: ReportContext): readonly SharedCorrection[] {
	const found: SharedCorrection[] = [];
	for (const [index, decision] of context.decisions.byRow) {
		const row = comparison.rows[index];
		if (decision.verdict !== 'edit' || !row?.a || !row.b || row.open.length > 0) continue;
		const differences = correctionDifferences(row.a, decision.text ?? '');
		const severity = worstOf(differences);
		if (severity === undefined) continue;
		const kinds = [...new Set(differences.map((difference) => difference.kind))].join(', ');
		found.push({index, key: row.key, row: {...row, a: row.a, b: row.b}, decision: {...decision, verdict: 'edit'}, differences, severity, kinds});
	}

	return found.sort((x, y) => x.index - y.index);
}

/**
 * Every difference no check explains, row by row, in reading order; and each thing a correction
 * of a shared error changes (both printings hold the reading it corrects, under `a` and `b`).
 */
export function findingsOf(comparison: Comparison, context: ReportContext): readonly Finding[] {
	const open = comparison.rows.flatMap((row, index) =>
		row.open.map((difference) => ({
			index,
			key: row.key,
			row,
			difference,
			decision: context.decisions.byRow.get(index),
		})),
	);
	const shared = sharedCorrections(comparison, context).flatMap(({index, key, row, decision, differences}) =>
		differences.map(({suggestion: _none, ...difference}): Finding => ({index, key, row, decision, difference: {...difference, b: difference.a}})),
	);
	return shared.length === 0 ? open : [...open, ...shared].sort((x, y) => x.index - y.index);
}

/** Whether a decision settles its row: it has a verdict (a note alone does not). */
export function isDecided(decision: Decision | undefined): decision is Decision & {readonly verdict: NonNullable<Decision['verdict']>} {
	return decision?.verdict !== undefined;
}

/** Counts of differences for one severity. */
export type SeverityTally = {readonly total: number; readonly decided: number; readonly undecided: number};

/** Count differences, decided and undecided, by severity. */
export function tallyBySeverity(findings: readonly Finding[]): Readonly<Record<Severity, SeverityTally>> {
	const entries = severities.map((severity) => {
		const group = findings.filter((finding) => finding.difference.severity === severity);
		const decided = group.filter((finding) => isDecided(finding.decision)).length;
		return [severity, {total: group.length, decided, undecided: group.length - decided}] as const;
	});
	return Object.fromEntries(entries) as Record<Severity, SeverityTally>;
}

/** `probably B (0.90): why`, or `even: why` when the evidence is even; `ids` name A and B. */
export function describeSuggestion(suggestion: Suggestion, ids: readonly [string, string]): string {
	if (suggestion.reading === null) return `even: ${suggestion.why}`;
	return `probably ${ids[suggestion.reading === 'a' ? 0 : 1]} (${suggestion.confidence.toFixed(2)}): ${suggestion.why}`;
}

/**
 * The position (0 for A) of the base printing, the one the corrected contents page rebuilds and
 * whose line numbers the errata give bare (`context.base`, A by default).
 *
 * @throws Error when the comparison has no such printing (the command checks `--base` before).
 */
export function basePosition(comparison: Comparison, context: ReportContext): number {
	const position = printingLetters.indexOf(context.base ?? 'a');
	if (position >= comparison.printings.length)
		throw new Error(`there is no printing ${(context.base ?? 'a').toUpperCase()}: the comparison has ${comparison.printings.length}`);
	return position;
}

/** The two printings the rows compare. */
export function comparedPrintings(comparison: Comparison): readonly [Printing, Printing] {
	const [a, b] = comparison.printings;
	if (!a || !b) throw new Error('A comparison needs two printings');
	return [a, b];
}

/**
 * The summary's sentence on rows, from the counts core made: `Rows: 85 paired (83 same, 2 changed),
 * 19 in A only, 2 in B only.` (and `, 1 in a further printing only` where there are some). The ids
 * come escaped for the format.
 */
export function rowsSentence(comparison: Comparison, idA: string, idB: string): string {
	const status = comparison.summary.status;
	const paired = [`${status.same} same`, `${status.changed} changed`, ...(status.moved > 0 ? [`${status.moved} moved`] : [])];
	const others = status['only-other'] ?? 0;
	const further = others > 0 ? `, ${others} in a further printing only` : '';
	return (
		`Rows: ${status.same + status.changed + status.moved} paired (${paired.join(', ')}), ` +
		`${status['only-a']} in ${idA} only, ${status['only-b']} in ${idB} only${further}.`
	);
}

/** How many differences a page offset explains (`summary.explained` counts the title pages' lines too). */
export function explainedByOffset(comparison: Comparison): number {
	if ((comparison.summary.explained ?? 0) === 0) return 0;
	let count = 0;
	for (const row of comparison.rows) for (const difference of row.differences) if (difference.explainedBy === 'page-offset') count++;
	return count;
}

/**
 * What the checks explain, in one sentence (`1 page offset explains 69 page differences`), or
 * undefined when they explain nothing.
 */
export function explainedSentence(comparison: Comparison): string | undefined {
	const explained = explainedByOffset(comparison);
	if (explained === 0) return undefined;
	const offsets = comparison.checks.filter((check) => check.kind === 'page-offset').length;
	const what = `${explained} page difference${explained === 1 ? '' : 's'}`;
	return offsets === 1 ? `1 page offset explains ${what}` : `${offsets} page offsets explain ${what}`;
}

/** A line range as `52` or `52–53`. */
export function formatLines(lines: readonly [number, number], dash = '–'): string {
	return lines[0] === lines[1] ? String(lines[0]) : `${lines[0]}${dash}${lines[1]}`;
}

/** The page a row refers to: A's page reference, else B's, else a further printing's. */
export function rowPage(row: Row): string | undefined {
	return row.a?.page ?? row.b?.page ?? row.others?.find((item) => item !== null)?.page;
}

/** The item of printing `side` (`a`, `b`, `c` …) on a row, or null when it has none there. */
export function itemOf(row: Row, side: PrintingLetter): TocItem | null {
	return itemAt(row, printingLetters.indexOf(side));
}

/** The item of the first printing that has one on a row: A's, else B's, else a further printing's. */
export function firstItem(row: Row): TocItem {
	const item = row.a ?? row.b ?? row.others?.find((other) => other !== null);
	if (!item) throw new Error('A row holds an item of some printing');
	return item;
}

/** The further printings that have an item on a row, with it: `[{id: 'C', item}]`. */
export function otherReadings(comparison: Comparison, row: Row): Array<{readonly id: string; readonly item: TocItem}> {
	return (row.others ?? []).flatMap((item, k) => (item === null ? [] : [{id: comparison.printings[k + 2]?.id ?? '?', item}]));
}

/** The glyph of each row status, in the text report and on the review screen. */
export const statusGlyphs = {same: '=', changed: '~', 'only-a': '−', 'only-b': '+', moved: '⇄', 'only-other': '+'} as const satisfies Record<RowStatus, string>;

/** Glyphs that tell severities apart without colour (see the HTML legend). */
export const severityMarks = {substantive: '▲', minor: '◆', cosmetic: '○'} as const satisfies Record<Severity, string>;

/** One sentence per severity, for legends. */
export const severityMeanings = {
	substantive: 'changes what the entry says or where it points: numbers, dates, pages, words, missing entries',
	minor: 'a spelling variant or a likely recognition error',
	cosmetic: 'punctuation, leaders, spacing, case or markup only',
} as const satisfies Record<Severity, string>;

/** Human words for a verdict: `B is right`, `edited`; `ids` name the printings in order (A, B, C …). */
export function describeVerdict(decision: Decision | undefined, ...ids: readonly string[]): string {
	const verdict = decision?.verdict;
	if (verdict === 'edit') return 'edited';
	if (verdict === 'not-error') return 'not an error';
	const chosen = chosenPrinting(verdict);
	if (chosen === undefined) return 'undecided';
	return `${ids[chosen] ?? verdict!.toUpperCase()} is right`;
}

/** Lines as a person says them: `line 123`, `lines 48 and 94`, `lines 12, 48 and 94`. */
function lineList(lines: readonly number[]): string {
	return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/**
 * Where one file was split, how sure, and the next best explanation when there is one:
 * `split at line 123 (confidence 0.93: the opening lines recur …); next best: line 119 (0.41)`;
 * `brief` leaves out the evidence, for the review screen's header.
 */
export function describeSplit(split: SplitReport, brief = false): string {
	const next = split.alternatives?.[0];
	const rival = next === undefined ? '' : `; next best: ${lineList(next.boundaries)} (${next.confidence.toFixed(2)})`;
	return `split at ${lineList(split.boundaries)} (${brief ? '' : 'confidence '}${split.confidence.toFixed(2)}${brief ? '' : `: ${split.method}`})${rival}`;
}
