/**
 * The CSV export: one record per difference (RFC 4180: CRLF line ends, fields quoted where they
 * hold a comma, a quote or a line break; UTF-8 without a byte-order mark) with a header record.
 * Written with csv-stringify, whose synchronous API costs a few milliseconds to import.
 */
import {stringify} from 'csv-stringify/sync';
import type {Comparison} from '../core/types.js';
import type {ReportContext} from './context.js';
import {findingsOf, formatLines, rowPage} from './findings.js';

/** The CSV columns, in order. */
export const csvColumns = [
	'row',
	'key',
	'a_lines',
	'b_lines',
	'page',
	'kind',
	'severity',
	'field',
	'a',
	'b',
	'decision',
	'edit',
	'note',
	'suggestion',
	'confidence',
	'why',
] as const;

/**
 * Text from the printings or the reviewer that a spreadsheet would run as a formula (`=1+1`,
 * `+…`, `-…`, `@…`) gets a leading apostrophe, which spreadsheets show as text (OWASP's advice).
 */
function guard(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Write a comparison's differences as CSV. `row` is the 1-based row number, `key` the row's
 * content key (the one decisions use), lines are `52` or `52-53`, `decision` is the verdict
 * (`a`, `b`, `edit`, `not-error`) or empty, `edit` the edited reading. With `options.file` (for
 * `--batch`), a first column `file` names the file on every record. The last three say what
 * tocdiff suggests: the reading probably right (`a`, `b`, or empty when the evidence is even or
 * there is none), how sure (`0.90`), and why; a spreadsheet can sort the undecided by them.
 * A correction typed where both printings agree is a record for each thing it changes, with the
 * same reading under `a` and `b`.
 *
 * @example
 * toCsv(comparison, {decisions: noDecisions, sources})
 * // 'row,key,a_lines,…\r\n23,1x2y3z,22,146,23,spelling,minor,title,Bolsheviki\'s,Bolsheviks\',,,\r\n…'
 */
export function toCsv(comparison: Comparison, context: ReportContext, options: {readonly file?: string} = {}): string {
	const file = options.file === undefined ? [] : [guard(options.file)];
	const records = findingsOf(comparison, context).map(({index, key, row, difference, decision}) => [
		...file,
		String(index + 1),
		key,
		row.a ? formatLines(row.a.lines, '-') : '',
		row.b ? formatLines(row.b.lines, '-') : '',
		rowPage(row) ?? '',
		difference.kind,
		difference.severity,
		difference.field,
		guard(difference.a),
		guard(difference.b),
		decision?.verdict ?? '',
		decision?.verdict === 'edit' ? guard(decision.text ?? '') : '',
		guard(decision?.note ?? ''),
		difference.suggestion?.reading ?? '',
		difference.suggestion?.reading ? difference.suggestion.confidence.toFixed(2) : '',
		guard(difference.suggestion?.reading ? difference.suggestion.why : ''),
	]);
	// csv-stringify quotes only fields holding its own record delimiter, so a bare LF or CR in a
	// reading would break the record; leading or trailing spaces are quoted so no reader trims them.
	return stringify([[...(options.file === undefined ? [] : ['file']), ...csvColumns], ...records], {
		record_delimiter: 'windows',
		quoted_match: /[\r\n]|^\s|\s$/,
	});
}
