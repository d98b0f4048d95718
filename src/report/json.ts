/**
 * The JSON report, schema `tocdiff-report/1` (see `json-report.md`): the stable,
 * machine-readable interface that scripts rely on.
 */
import type {Decision} from '../core/decisions.js';
import type {Comparison, TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {placeJson} from './place.js';

function itemJson(item: TocItem | null): Record<string, unknown> | null {
	if (item === null) return null;
	return {
		lines: item.lines,
		text: item.text,
		type: item.type,
		...(item.label === undefined ? {} : {label: item.label}),
		title: item.title,
		...(item.page === undefined ? {} : {page: item.page}),
		// Read from an OCR file: where it is on the scan (#15).
		...(item.place === undefined ? {} : {place: placeJson(item.place)}),
	};
}

/**
 * A decision as the report states it: the fields this version knows. Fields a newer version wrote
 * into the decisions file stay there; echoing them would let any value in that file (a structure
 * nested too deep for `JSON.stringify`) break the report.
 */
function decisionJson(decision: Decision): Record<string, unknown> {
	const {verdict, text, note, a, b, others} = decision;
	return {verdict, text, note, a, b, others};
}

/** Build the report object (exported for tests and for the review screen). */
export function reportObject(comparison: Comparison, context: ReportContext): Record<string, unknown> {
	// The contract has room for one truncation; a comparison holds at most one (the tail of A or B).
	const truncation = comparison.truncations[0];
	// The open counts by severity stay out: the contract's summary keeps the fields it had.
	const {open: _open, ...summary} = comparison.summary;
	return {
		schema: 'tocdiff-report/1',
		printings: comparison.printings.map((p) => {
			// The encoding of the file it came from, as read (absent when the text came as text: a library call).
			const encoding = context.sources.find((source) => source.name === p.source)?.encoding;
			return {
				id: p.id,
				source: p.source,
				lines: p.lines,
				items: p.items.length,
				...(encoding === undefined ? {} : {encoding}),
				...(p.furniture ? {furniture: p.furniture} : {}),
				...(p.normalized ? {normalized: p.normalized} : {}),
				...(p.specks ? {specks: p.specks} : {}),
			};
		}),
		...(comparison.split === undefined ? {} : {split: comparison.split}),
		...(comparison.language === undefined ? {} : {language: comparison.language}),
		rows: comparison.rows.map((row, index) => {
			const decision = context.decisions.byRow.get(index);
			return {
				key: row.key,
				status: row.status,
				a: itemJson(row.a),
				b: itemJson(row.b),
				...(row.others === undefined ? {} : {others: row.others.map((item, k) => ({printing: comparison.printings[k + 2]?.id, item: itemJson(item)}))}),
				similarity: row.similarity,
				differences: row.differences.map((d) => ({
					kind: d.kind,
					severity: d.severity,
					field: d.field,
					a: d.a,
					b: d.b,
					...(d.explainedBy === undefined ? {} : {explainedBy: d.explainedBy}),
					...(d.suggestion === undefined ? {} : {suggestion: d.suggestion}),
				})),
				...(decision === undefined ? {} : {decision: decisionJson(decision)}),
			};
		}),
		checks: comparison.checks.map((check) => ({...check})),
		confusions: comparison.confusions,
		summary: {
			...summary,
			...(truncation === undefined ? {} : {truncation: {printing: truncation.printing, items: truncation.items, lines: truncation.lines}}),
			...(context.decisions.byRow.size > 0 || context.decisions.orphans.length > 0
				? {decided: context.decisions.byRow.size, orphanedDecisions: context.decisions.orphans.length}
				: {}),
		},
	};
}

/** The JSON report, pretty-printed, ending in a newline. */
export function toJson(comparison: Comparison, context: ReportContext): string {
	return `${JSON.stringify(reportObject(comparison, context), null, 2)}\n`;
}
