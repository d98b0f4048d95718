/**
 * The corrected contents page: the base printing's own lines, with every decision applied and
 * everything else (blank lines, tabs, leaders, the wrapping of untouched items) kept as printed,
 * so that the result can replace the OCR text. With no decisions it is the base printing verbatim.
 */
import {itemLine, parseLine} from '../core/parse.js';
import type {Comparison, Printing, TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {chosenPrinting, itemAt} from '../core/decisions.js';
import {basePosition, comparedPrintings} from './findings.js';

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
	const base = basePosition(comparison, context);
	const count = comparison.printings.length;
	const basePrinting = comparison.printings[base]!;
	const replace: Plan['replace'] = new Map();
	const insert: Plan['insert'] = new Map();
	let lastBase = basePrinting.lines[0] - 1;
	// Each printing's last line so far: the blank lines before an item it alone has are kept with it.
	const lastOf: Array<number | undefined> = comparison.printings.map(() => undefined);
	for (const [index, row] of comparison.rows.entries()) {
		const decision = context.decisions.byRow.get(index);
		const baseItem = itemAt(row, base);
		const chosen = chosenPrinting(decision?.verdict);
		// A printing the comparison does not have was chosen (a decision made on more printings): none.
		const picked = chosen !== undefined && chosen !== base && chosen < count ? chosen : undefined;
		const pickedItem = picked === undefined ? null : itemAt(row, picked);
		if (baseItem) {
			let text: string | undefined = baseItem.text;
			if (decision?.verdict === 'edit') text = decision.text === undefined ? baseItem.text : layoutEdit(baseItem, decision.text);
			else if (picked !== undefined) {
				// none: the chosen printing is right to omit it. A page that differs only by the page
				// offset (a repaginated edition) stays the base printing's: the decision is about the rest.
				const offsetPage =
					pickedItem && picked < 2 && base < 2 && baseItem.page !== undefined && row.differences.some((d) => d.field === 'page' && d.explainedBy !== undefined);
				text = offsetPage ? layoutEdit(baseItem, itemLine({...pickedItem, page: baseItem.page})) : pickedItem?.text;
			}

			if (text !== baseItem.text) replace.set(baseItem.lines[0], {last: baseItem.lines[1], text: text === '' ? undefined : text});
			lastBase = baseItem.lines[1];
		} else {
			// An item the base lacks: the chosen printing's, or a correction laid out as the first printing that has it.
			const source =
				picked ?? (decision?.verdict === 'edit' ? [0, 1, ...comparison.printings.keys()].find((k) => k !== base && itemAt(row, k) !== null) : undefined);
			const item = source === undefined ? null : itemAt(row, source);
			const text =
				item === null ? undefined : decision?.verdict === 'edit' ? (decision.text === undefined ? undefined : layoutEdit(item, decision.text)) : item.text;
			if (source !== undefined && item !== null && text !== undefined && text !== '') {
				// Keep the blank lines that stood before the item in its own printing.
				const block = insert.get(lastBase) ?? [];
				const last = lastOf[source];
				if (last !== undefined) {
					for (let line = last + 1; line < item.lines[0] && isBlank(lineOf(comparison.printings[source]!, line)); line++) block.push('');
				}

				block.push(...text.split(/\r?\n/));
				insert.set(lastBase, block);
			}
		}

		for (let k = 0; k < count; k++) {
			const item = itemAt(row, k);
			if (item) lastOf[k] = item.lines[1];
		}
	}

	return {replace, insert};
}

/**
 * Rebuild the contents page from printing A (or B with `base: 'b'`, C with `base: 'c'` …) with the
 * decisions applied: a verdict that chooses a printing (`a`, `b`, `c` …) takes that printing's
 * reading, `edit` the decision's text, `not-error` or no decision keeps the base text. An item the
 * base lacks is inserted where it stood when a decision accepts it; an item of the base is dropped
 * when a decision says a printing that lacks it is right. Lines end as in the source; the text ends
 * with a line end.
 *
 * @example
 * toToc(comparison, {decisions: noDecisions, sources}) // printing A's lines, unchanged
 */
export function toToc(comparison: Comparison, context: ReportContext): string {
	comparedPrintings(comparison);
	const base = basePosition(comparison, context);
	const printing = comparison.printings[base]!;
	// The line end the file used, as read (a library call gives none: a line feed).
	const source = context.sources.find((candidate) => candidate.name === printing.source) ?? context.sources[base];
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
