/**
 * The CSV export: one record per difference (RFC 4180: CRLF line ends, fields quoted where they
 * hold a comma, a quote or a line break; UTF-8 without a byte-order mark) with a header record.
 * Written with csv-stringify, whose synchronous API costs a few milliseconds to import.
 */
import {stringify} from 'csv-stringify/sync';
import {checksByRow} from '../core/meaning.js';
import type {Check, Comparison, Row} from '../core/types.js';
import type {ReportContext} from './context.js';
import {findingsOf, formatLines, otherReadings, rowPage} from './findings.js';

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
	'others',
	'checks',
] as const;

/**
 * Text from the printings or the reviewer that a spreadsheet would run as a formula (`=1+1`,
 * `+…`, `-…`, `@…`) gets a leading apostrophe, which spreadsheets show as text (OWASP's advice).
 */
function guard(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A check in a cell: `A 33 numbering: “П.” reads as II: a misread numeral`. */
function checkText(check: Check): string {
	return `${check.printing} ${formatLines(check.lines, '-')} ${check.kind}: ${check.message}`;
}

/** The further printings' readings of a row in a cell: `C 277: TELEPHONE MESSAGE … 181`, several joined by ` | `. */
function othersText(comparison: Comparison, row: Row): string {
	return otherReadings(comparison, row)
		.map(({id, item}) => `${id} ${formatLines(item.lines, '-')}: ${item.text.replaceAll(/\s+/g, ' ').trim()}`)
		.join(' | ');
}

/**
 * Write a comparison's differences as CSV. `row` is the 1-based row number, `key` the row's
 * content key (the one decisions use), lines are `52` or `52-53`, `decision` is the verdict
 * (`a`, `b`, `edit`, `not-error`) or empty, `edit` the edited reading. With `options.file` (for
 * `--batch`), a first column `file` names the file on every record. The last three say what
 * tocdiff suggests: the reading probably right (`a`, `b`, or empty when the evidence is even or
 * there is none), how sure (`0.90`; `0.50` when even), and why (even evidence says why too); a
 * spreadsheet can sort the undecided by them. `others` gives the further printings' readings of
 * the row (`C 277: …`), and `checks` the checks on it (`A 33 numbering: …`), as the text report
 * shows them; a check on no record's row (a page offset, a row that differs in nothing) is a record
 * of its own, its `kind` the check's. A correction typed where both printings agree is a record for
 * each thing it changes, with the same reading under `a` and `b`.
 *
 * @example
 * toCsv(comparison, {decisions: noDecisions, sources})
 * // 'row,key,a_lines,…\r\n23,1x2y3z,22,146,23,spelling,minor,title,Bolsheviki\'s,Bolsheviks\',,,\r\n…'
 */
export function toCsv(comparison: Comparison, context: ReportContext, options: {readonly file?: string} = {}): string {
	const file = options.file === undefined ? [] : [guard(options.file)];
	const onRows = checksByRow(comparison);
	const checksOf = (index: number): string => guard((onRows[index] ?? []).map((check) => checkText(check)).join(' | '));
	const findings = findingsOf(comparison, context);
	const differences = findings.map(({index, key, row, difference, decision}) => [
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
		difference.suggestion ? difference.suggestion.confidence.toFixed(2) : '',
		guard(difference.suggestion?.why ?? ''),
		guard(othersText(comparison, row)),
		checksOf(index),
	]);
	// The checks on rows no record shows, and the page offsets, as records of their own, in row order.
	const recorded = new Set(findings.map((finding) => finding.index));
	const checkRecord = (check: Check, index: number | undefined): string[] => {
		const row = index === undefined ? undefined : comparison.rows[index];
		const lines = formatLines(check.lines, '-');
		return [
			...file,
			index === undefined ? '' : String(index + 1),
			row?.key ?? '',
			check.printing === comparison.printings[0]?.id ? lines : '',
			check.printing === comparison.printings[1]?.id ? lines : '',
			row ? (rowPage(row) ?? '') : '',
			check.kind,
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			row ? guard(othersText(comparison, row)) : '',
			guard(checkText(check)),
		];
	};
	const byRow = onRows.flatMap((checks, index) => (recorded.has(index) ? [] : checks.map((check) => ({index, record: checkRecord(check, index)}))));
	const offsets = comparison.checks.filter((check) => check.kind === 'page-offset').map((check) => checkRecord(check, undefined));
	const records: string[][] = [];
	let next = 0;
	for (const [k, record] of differences.entries()) {
		while (next < byRow.length && byRow[next]!.index < findings[k]!.index) records.push(byRow[next++]!.record);
		records.push(record);
	}

	records.push(...byRow.slice(next).map((each) => each.record), ...offsets);
	// csv-stringify quotes only fields holding its own record delimiter, so a bare LF or CR in a
	// reading would break the record; leading or trailing spaces are quoted so no reader trims them.
	return stringify([[...(options.file === undefined ? [] : ['file']), ...csvColumns], ...records], {
		record_delimiter: 'windows',
		quoted_match: /[\r\n]|^\s|\s$/,
	});
}
