/**
 * The JSON report, schema `tocdiff-report/1` (see `json-report.md`): the stable,
 * machine-readable interface that scripts rely on.
 */
import type {Decision} from '../core/decisions.js';
import type {Comparison, TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {placeJson} from './place.js';

// The objects of every row are built field by field, the optional ones only when present (#17):
// spreading `{}` or `{field}` into an object literal takes a slow path, a hundred thousand times.

function itemJson(item: TocItem | null): Record<string, unknown> | null {
	if (item === null) return null;
	const json: Record<string, unknown> = {lines: item.lines, text: item.text, type: item.type};
	if (item.label !== undefined) json['label'] = item.label;
	json['title'] = item.title;
	if (item.page !== undefined) json['page'] = item.page;
	// Read from an OCR file: where it is on the scan (#15).
	if (item.place !== undefined) json['place'] = placeJson(item.place);
	return json;
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

/** The report in three parts: the fields before the rows, each row, and the fields after them. */
type ReportParts = {
	readonly head: Record<string, unknown>;
	readonly rows: number;
	readonly row: (index: number) => Record<string, unknown>;
	readonly tail: Record<string, unknown>;
};

function reportParts(comparison: Comparison, context: ReportContext): ReportParts {
	// The contract has room for one truncation; a comparison holds at most one (the tail of A or B).
	const truncation = comparison.truncations[0];
	// The open counts by severity stay out: the contract's summary keeps the fields it had.
	const {open: _open, ...summary} = comparison.summary;
	return {
		head: {
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
		},
		rows: comparison.rows.length,
		row(index) {
			const row = comparison.rows[index]!;
			const decision = context.decisions.byRow.get(index);
			const json: Record<string, unknown> = {key: row.key, status: row.status, a: itemJson(row.a), b: itemJson(row.b)};
			if (row.others !== undefined) json['others'] = row.others.map((item, k) => ({printing: comparison.printings[k + 2]?.id, item: itemJson(item)}));
			json['similarity'] = row.similarity;
			json['differences'] = row.differences.map((d) => {
				const difference: Record<string, unknown> = {kind: d.kind, severity: d.severity, field: d.field, a: d.a, b: d.b};
				if (d.explainedBy !== undefined) difference['explainedBy'] = d.explainedBy;
				if (d.suggestion !== undefined) difference['suggestion'] = d.suggestion;
				return difference;
			});
			if (decision !== undefined) json['decision'] = decisionJson(decision);
			return json;
		},
		tail: {
			checks: comparison.checks.map((check) => ({...check})),
			confusions: comparison.confusions,
			summary: {
				...summary,
				...(truncation === undefined ? {} : {truncation: {printing: truncation.printing, items: truncation.items, lines: truncation.lines}}),
				...(context.decisions.byRow.size > 0 || context.decisions.orphans.length > 0
					? {decided: context.decisions.byRow.size, orphanedDecisions: context.decisions.orphans.length}
					: {}),
			},
		},
	};
}

/** Build the report object (exported for tests and for the review screen). */
export function reportObject(comparison: Comparison, context: ReportContext): Record<string, unknown> {
	const {head, rows, row, tail} = reportParts(comparison, context);
	return {...head, rows: Array.from({length: rows}, (_, index) => row(index)), ...tail};
}

/** Rows a piece holds. */
const rowsAPiece = 1000;

/**
 * The JSON report, pretty-printed, ending in a newline, in pieces of a thousand rows (#17): the
 * same characters as `JSON.stringify` of `reportObject` with an indent of 2, made a thousand rows
 * at a time, so that a report of 100,000 rows is never one object graph nor one string. Each
 * piece's rows are given to `JSON.stringify` as the `rows` of an object, which indents them as the
 * whole report does; the object's first and last lines are cut off.
 */
export function* jsonPieces(comparison: Comparison, context: ReportContext): Generator<string, void, undefined> {
	const {head, rows, row, tail} = reportParts(comparison, context);
	// `{\n  "schema": …\n}` without its closing line.
	let piece = `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "rows": [`;
	for (let from = 0; from < rows; from += rowsAPiece) {
		const some = Array.from({length: Math.min(rowsAPiece, rows - from)}, (_, k) => row(from + k));
		// `{\n  "rows": [\n` … `\n  ]\n}` around the rows, at an indent of 4.
		const text = JSON.stringify({rows: some}, null, 2);
		yield `${piece}${from === 0 ? '\n' : ',\n'}${text.slice(14, -6)}`;
		piece = '';
	}

	// `{\n  "checks": …\n}` without its opening brace.
	yield `${piece}${rows === 0 ? ']' : '\n  ]'},${JSON.stringify(tail, null, 2).slice(1)}\n`;
}

/** The JSON report, pretty-printed, ending in a newline. */
export function toJson(comparison: Comparison, context: ReportContext): string {
	return [...jsonPieces(comparison, context)].join('');
}
