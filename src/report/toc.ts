/**
 * The corrected contents page: the base printing's own lines, with every decision applied and
 * everything else (blank lines, tabs, leaders, the wrapping of untouched items) kept as printed,
 * so that the result can replace the OCR text. With no decisions it is the base printing verbatim.
 */
import {itemLine, parseLine} from '../core/parse.js';
import type {Comparison, Printing, TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {comparedPrintings, itemOf} from './findings.js';

/** Line `number` (1-based, in its file) of a printing, as printed; '' outside the printing. */
function lineOf(printing: Printing, number: number): string {
	return printing.printed[number - printing.lines[0]] ?? '';
}

const isBlank = (line: string): boolean => line.trim() === '';

/**
 * A correction typed on one line, laid out as the printing laid out the item it corrects: the
 * same indent and the same gap before the page (a tab, leader dots), so that the page keeps its
 * look. A correction typed over several lines is kept as typed.
 */
export function layoutEdit(item: TocItem, edited: string): string {
	if (edited.includes('\n')) return edited;
	const indent = /^[\t ]*/.exec(item.text)![0];
	const parsed = parseLine(edited, 0);
	if (parsed.page === undefined || item.page === undefined || parsed.role !== 'body') return indent + edited.trim();
	const label = parsed.label === undefined ? '' : `${parsed.label} `;
	return `${indent}${label}${parsed.titleMarkup}${item.leader}${parsed.page}`;
}

/** The changes to the base printing's lines: replacements by first line, insertions by the line they follow. */
type Plan = {
	readonly replace: Map<number, {readonly last: number; readonly text: string | undefined}>;
	readonly insert: Map<number, string[]>;
};

function plan(comparison: Comparison, context: ReportContext): Plan {
	const base = context.base ?? 'a';
	const other = base === 'a' ? 'b' : 'a';
	const [printingA, printingB] = comparedPrintings(comparison);
	const basePrinting = base === 'a' ? printingA : printingB;
	const otherPrinting = base === 'a' ? printingB : printingA;
	const replace: Plan['replace'] = new Map();
	const insert: Plan['insert'] = new Map();
	let lastBase = basePrinting.lines[0] - 1;
	let lastOther: number | undefined;
	for (const [index, row] of comparison.rows.entries()) {
		const decision = context.decisions.byRow.get(index);
		const baseItem = itemOf(row, base);
		const otherItem = itemOf(row, other);
		if (baseItem) {
			let text: string | undefined = baseItem.text;
			if (decision?.verdict === 'edit') text = decision.text === undefined ? baseItem.text : layoutEdit(baseItem, decision.text);
			else if (decision?.verdict === other) {
				// none: the other printing is right to omit it. A page that differs only by the page
				// offset (a repaginated edition) stays the base printing's: the decision is about the rest.
				const offsetPage = otherItem && baseItem.page !== undefined && row.differences.some((d) => d.field === 'page' && d.explainedBy !== undefined);
				text = offsetPage ? layoutEdit(baseItem, itemLine({...otherItem, page: baseItem.page})) : otherItem?.text;
			}
			if (text !== baseItem.text) replace.set(baseItem.lines[0], {last: baseItem.lines[1], text: text === '' ? undefined : text});
			lastBase = baseItem.lines[1];
		} else if (otherItem) {
			const text =
				decision?.verdict === other
					? otherItem.text
					: decision?.verdict === 'edit' && decision.text !== undefined
						? layoutEdit(otherItem, decision.text)
						: undefined;
			if (text !== undefined && text !== '') {
				// Keep the blank lines that stood before the item in its own printing.
				const block = insert.get(lastBase) ?? [];
				if (lastOther !== undefined) {
					for (let line = lastOther + 1; line < otherItem.lines[0] && isBlank(lineOf(otherPrinting, line)); line++) block.push('');
				}

				block.push(...text.split(/\r?\n/));
				insert.set(lastBase, block);
			}
		}

		if (otherItem) lastOther = otherItem.lines[1];
	}

	return {replace, insert};
}

/**
 * Rebuild the contents page from printing A (or B with `base: 'b'`) with the decisions applied:
 * verdict `a` or `b` takes that printing's reading, `edit` the decision's text, `not-error` or no
 * decision keeps the base text. An item found only in the other printing is inserted where it
 * stood when a decision accepts it; an item found only in the base is dropped when a decision says
 * the other printing is right to omit it. Lines end as in the source; the text ends with a line end.
 *
 * @example
 * toToc(comparison, {decisions: noDecisions, sources}) // printing A's lines, unchanged
 */
export function toToc(comparison: Comparison, context: ReportContext): string {
	const base = context.base ?? 'a';
	const [printingA, printingB] = comparedPrintings(comparison);
	const printing = base === 'a' ? printingA : printingB;
	// The line end the file used, as read (a library call gives none: a line feed).
	const source = context.sources.find((candidate) => candidate.name === printing.source) ?? context.sources[base === 'a' ? 0 : 1];
	const eol = source?.lineEnd ?? (source?.text.includes('\r\n') ? '\r\n' : '\n');
	const {replace, insert} = plan(comparison, context);

	const out: string[] = [];
	let removed = false;
	const emit = (line: string): void => {
		// After a dropped item, do not let two blank runs meet or a blank line lead the page.
		if (isBlank(line) && (out.length === 0 || (removed && isBlank(out.at(-1) ?? '')))) return;
		if (!isBlank(line)) removed = false;
		out.push(line);
	};

	for (const line of insert.get(printing.lines[0] - 1) ?? []) emit(line);
	for (let number = printing.lines[0]; number <= printing.lines[1]; number++) {
		const change = replace.get(number);
		if (change) {
			if (change.text === undefined) removed = true;
			else for (const line of change.text.split(/\r?\n/)) emit(line);
			// A running head that a page break set inside the item stays, after it.
			for (const head of printing.furniture ?? []) if (head.lines[0] > number && head.lines[0] <= change.last) emit(head.text);
			number = change.last;
		} else {
			emit(lineOf(printing, number));
		}

		for (const line of insert.get(number) ?? []) emit(line);
	}

	while (out.length > 0 && isBlank(out.at(-1) ?? '')) out.pop();
	return out.map((line) => line + eol).join('');
}
