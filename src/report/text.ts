/**
 * The text report: what a person reads in a terminal or a pipe. The printings and their lines,
 * counts by status, severity and kind, then each difference with its line numbers and the
 * differing characters marked: colour on a terminal, `[-…-]{+…+}` without one.
 */
import {placeText} from './place.js';
import {showInvisibles} from '../core/chars.js';
import {highlightSpans} from '../core/highlight.js';
import {itemLine} from '../core/parse.js';
import {severities, type Comparison, type Row, type Severity} from '../core/types.js';
import type {ReportContext} from './context.js';
import type {Decision} from '../core/decisions.js';
import {
	explainedByOffset,
	comparedPrintings,
	describeSplit,
	describeSuggestion,
	describeVerdict,
	explainedSentence,
	firstItem,
	formatLines,
	otherReadings,
	sharedCorrections,
	statusGlyphs,
} from './findings.js';

/** Options for `toText`. */
export type TextOptions = {
	/**
	 * Mark differences with ANSI colour instead of `[-…-]{+…+}`.
	 * @default false
	 */
	readonly color?: boolean;
};

const ansi = {
	red: (s: string) => `\u001B[31m${s}\u001B[39m`,
	green: (s: string) => `\u001B[32m${s}\u001B[39m`,
	yellow: (s: string) => `\u001B[33m${s}\u001B[39m`,
	dim: (s: string) => `\u001B[2m${s}\u001B[22m`,
	bold: (s: string) => `\u001B[1m${s}\u001B[22m`,
	removed: (s: string) => `\u001B[1;31;9m${s}\u001B[0m`,
	added: (s: string) => `\u001B[1;32m${s}\u001B[0m`,
};

/** Put a printed line on one terminal line: tabs and line breaks become visible gaps. */
function flat(text: string): string {
	// A soft hyphen or a zero-width space prints nothing on a terminal: name it, or a difference in it would be invisible.
	return showInvisibles(text.replaceAll('\t', '  ').replaceAll('\n', ' ⏎ '));
}

/** Shorten text to about `length` characters at a word boundary, with `…`. */
export function clip(text: string, length = 100): string {
	if (text.length <= length) return text;
	const cut = text.lastIndexOf(' ', length);
	return `${text.slice(0, cut > length / 2 ? cut : length)}…`;
}

/** A long run the readings share is shown by its ends only: the differences are what matter. */
function elide(text: string, first: boolean, last: boolean): string {
	const keep = 40;
	if (text.length <= keep * 2 + 5) return text;
	if (first) return `…${text.slice(-keep)}`;
	if (last) return `${text.slice(0, keep)}…`;
	return `${text.slice(0, keep)} … ${text.slice(-keep)}`;
}

/**
 * The two readings of a row in one line, with A's characters marked out and B's marked in. When
 * the readings themselves hold `[-` or `{+`, the marks become `⟦-…-⟧` and `⟦+…+⟧`.
 */
export function markedLine(a: string, b: string, color: boolean): string {
	const segments = highlightSpans(flat(a), flat(b));
	const clash = /\[-|-\]|\{\+|\+\}/.test(a + b);
	const [outOpen, outClose, inOpen, inClose] = clash ? ['⟦-', '-⟧', '⟦+', '+⟧'] : ['[-', '-]', '{+', '+}'];
	const long = a.length + b.length > 240;
	return segments
		.map((segment, index) => {
			switch (segment.kind) {
				case 'same': {
					return long ? elide(segment.text, index === 0, index === segments.length - 1) : segment.text;
				}

				case 'a-only': {
					return color ? ansi.removed(segment.text) : `${outOpen}${segment.text}${outClose}`;
				}

				case 'b-only': {
					return color ? ansi.added(segment.text) : `${inOpen}${segment.text}${inClose}`;
				}
			}
		})
		.join('');
}

/** Where a row's items are: `A 52 · B 176`; on a row only further printings have, theirs (`C 22`). */
function where(row: Row, comparison: Comparison): string {
	const parts: string[] = [];
	// An item read from an OCR file says where it is on the scan too: `A 27 (p. 3, line tl_27)`.
	const scan = (item: Row['a']): string => (placeText(item) === undefined ? '' : ` (${placeText(item)})`);
	if (row.a) parts.push(`A ${formatLines(row.a.lines)}${scan(row.a)}`);
	if (row.b) parts.push(`B ${formatLines(row.b.lines)}${scan(row.b)}`);
	if (row.status === 'only-other') for (const {id, item} of otherReadings(comparison, row)) parts.push(`${id} ${formatLines(item.lines)}${scan(item)}`);
	return parts.join(' · ');
}

function severityColor(severity: Severity, text: string, color: boolean): string {
	if (!color) return text;
	return severity === 'substantive' ? ansi.red(text) : severity === 'minor' ? ansi.yellow(text) : ansi.dim(text);
}

function worst(row: Row): Severity {
	return row.worst ?? 'cosmetic';
}

/**
 * The checks of the printings, one line each (`A 61  page-order: page 97 breaks the order …`),
 * and how many page differences an offset explains; nothing when there are none.
 */
function checkLines(comparison: Comparison, color: boolean): string[] {
	if (comparison.checks.length === 0) return [];
	const out = ['', `${comparison.checks.length} check${comparison.checks.length === 1 ? '' : 's'}:`];
	for (const check of comparison.checks) {
		out.push(`  ${check.printing} ${formatLines(check.lines)}  ${color ? ansi.yellow(check.kind) : check.kind}: ${check.message}`);
	}

	const explained = explainedByOffset(comparison);
	if (explained > 0)
		out.push(
			`  ${explained} page difference${explained === 1 ? '' : 's'} follow${explained === 1 ? 's' : ''} the page offset ` +
				`and ${explained === 1 ? 'is' : 'are'} not listed one by one`,
		);
	return out;
}

/** A confused run of characters as shown in a table: quoted, spaces visible, `nothing` for none. */
function showCharacters(text: string): string {
	return text === '' ? 'nothing' : `“${flat(text).replaceAll(' ', '␣')}”`;
}

/** Lines as a short list: `22, 52, 60 …` after five. */
function shortLines(lines: readonly number[]): string {
	return lines.length > 5 ? `${lines.slice(0, 5).join(', ')} …` : lines.join(', ');
}

/** The character confusion table: which characters of A became which in B, most frequent first. */
function confusionLines(comparison: Comparison): string[] {
	const {confusions} = comparison;
	if (confusions.length === 0) return [];
	const [a, b] = comparison.printings;
	const total = confusions.reduce((sum, confusion) => sum + confusion.count, 0);
	const out = ['', `character confusions (${a?.id ?? 'A'} → ${b?.id ?? 'B'}, ${total} in all; in OCR errors, spellings, numbers and pages):`];
	const shown = confusions.map((confusion) => `${showCharacters(confusion.a)} → ${showCharacters(confusion.b)}`);
	const width = Math.max(...shown.map((text) => [...text].length));
	for (const [k, confusion] of confusions.entries()) {
		const text = shown[k]!;
		out.push(
			`  ${text}${' '.repeat(width - [...text].length)}  ${String(confusion.count).padStart(3)}×  ` +
				`${confusion.lines.length === 1 ? 'line' : 'lines'} ${shortLines(confusion.lines)}`,
		);
	}

	return out;
}

/** A decision in words: `printing C is right`, `corrected by hand`, `not an error`. */
function verdictText(decision: Decision, ids: readonly string[]): string {
	if (decision.verdict === 'edit') return 'corrected by hand';
	if (decision.verdict === 'not-error') return 'not an error';
	return `printing ${describeVerdict(decision, ...ids)}`;
}

/** The text report. */
export function toText(comparison: Comparison, context: ReportContext, options: TextOptions = {}): string {
	const color = options.color ?? false;
	const out: string[] = [];
	const bold = (s: string): string => (color ? ansi.bold(s) : s);
	const ids = comparedPrintings(comparison).map((printing) => printing.id) as [string, string];
	const allIds = comparison.printings.map((printing) => printing.id);
	// Each further printing's reading of a row (`C 54: …`), or that it has none.
	const otherLines = (row: Row): string[] =>
		(row.others ?? []).map(
			(other, k) => `    ${comparison.printings[k + 2]?.id ?? '?'} ${other ? `${other.lines[0]}: ${clip(flat(itemLine(other)), 200)}` : 'has no such entry'}`,
		);
	for (const p of comparison.printings) {
		const note = comparison.printings.indexOf(p) > 1 ? `  (its readings show under each row and vote in the suggestions)` : '';
		out.push(`${bold(p.id)}  lines ${p.lines[0]}–${p.lines[1]}  ${p.items.length} item${p.items.length === 1 ? '' : 's'}  ${p.source}${note}`);
	}

	if (comparison.split) out.push(describeSplit(comparison.split));

	const {summary} = comparison;
	const s = summary.status;
	// What the reviewer must look at; what a check explains is said apart, once (#14).
	const open = summary.open.severity;
	const differences = severities.reduce((n, k) => n + open[k], 0);
	// Rows only further printings have, where there are some: `· 1 only in C`.
	const further = s['only-other'] === undefined ? '' : ` · ${s['only-other']} only in ${allIds.slice(2).join(' or ')}`;
	out.push(
		'',
		`${summary.rows} rows: ${s.same} same · ${s.changed} changed · ${s['only-a']} only in A · ${s['only-b']} only in B · ${s.moved} moved${further}`,
		`${differences} difference${differences === 1 ? '' : 's'} to review: ${severities.map((k) => severityColor(k, `${open[k]} ${k}`, color)).join(' · ')}`,
	);
	const explained = explainedSentence(comparison);
	if (explained !== undefined) out.push(`  ${explained}`);
	const kinds = Object.entries(summary.open.kinds).sort((x, y) => y[1] - x[1]);
	if (kinds.length > 0) out.push(`  by kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(' · ')}`);
	if (context.decisions.byRow.size > 0 || context.decisions.orphans.length > 0) {
		out.push(
			`  decisions: ${[...context.decisions.byRow.values()].filter((d) => d.verdict !== undefined).length} applied` +
				(context.decisions.orphans.length > 0 ? `, ${context.decisions.orphans.length} no longer match any row (kept in the decisions file)` : ''),
		);
	}

	out.push(...checkLines(comparison, color));
	const [truncation] = comparison.truncations;
	let truncationShown = false;
	const shared = new Map(sharedCorrections(comparison, context).map((correction) => [correction.index, correction]));
	for (const [index, row] of comparison.rows.entries()) {
		const correction = shared.get(index);
		if (correction) {
			// Both printings read it so: the correction is the erratum.
			out.push(
				'',
				`${statusGlyphs[row.status]} ${where(row, comparison)}  ${correction.kinds}, corrected in both printings`,
				`    ${clip(flat(itemLine(correction.row.a)), 200)}`,
			);
			for (const d of correction.differences)
				out.push(`    ${severityColor(d.severity, `${d.kind} (${d.severity})`, color)}: “${clip(flat(d.a))}” → “${clip(flat(d.b))}”`);
			out.push(`    decided: ${verdictText(correction.decision, allIds)} “${clip(flat(correction.decision.text ?? ''))}”`);
			if (correction.decision.note) out.push(`    note: ${correction.decision.note}`);
			continue;
		}

		if (row.status === 'same') continue;
		// A row whose only difference is a page that follows the offset: the check above says it once.
		if (row.open.length === 0 && !context.decisions.byRow.get(index)) continue;
		const head = `${severityColor(worst(row), statusGlyphs[row.status], color)} ${where(row, comparison)}`;
		// An item of a further printing alone among the lost ones is a row of its own, shown as such (#16).
		if (truncation && index >= truncation.rows[0] && index <= truncation.rows[1] && row.status !== 'only-other') {
			if (truncationShown) continue;
			truncationShown = true;
			const lostAt: number[] = [];
			for (let k = truncation.rows[0]; k <= truncation.rows[1]; k++) if (comparison.rows[k]!.status !== 'only-other') lostAt.push(k);
			const lost = lostAt.map((k) => comparison.rows[k]!);
			const titleOf = (r: Row): string => {
				const item = firstItem(r);
				return clip(`${item.label === undefined ? '' : `${item.label} `}${item.title}`, 60);
			};
			const glyph = severityColor('substantive', statusGlyphs[row.status], color);
			const kind = severityColor('substantive', 'truncation (substantive)', color);
			const kept = truncation.printing === 'B' ? 'A' : 'B';
			out.push(
				'',
				`${glyph} ${kept} ${truncation.lines[0]}–${truncation.lines[1]}  ` +
					`${kind}: printing ${truncation.printing} stops early; ${truncation.items} items are not in it`,
				`    from “${titleOf(lost[0]!)}” to “${titleOf(lost.at(-1)!)}”`,
			);
			// Decisions on the lost entries still show, one line each.
			for (const [k, lostRow] of lost.entries()) {
				const decision = context.decisions.byRow.get(lostAt[k]!);
				if (!decision?.verdict) continue;
				out.push(
					`    ${where(lostRow, comparison)} decided: ${verdictText(decision, allIds)}` +
						`${decision.verdict === 'edit' ? ` “${clip(flat(decision.text ?? ''))}”` : ''} (“${titleOf(lostRow)}”)`,
				);
			}

			continue;
		}

		const kinds = [...new Set(row.differences.map((d) => d.kind))].join(', ');
		const paired = row.status === 'changed' || row.status === 'moved';
		const similarity = paired ? `  similarity ${(Math.floor(row.similarity * 100) / 100).toFixed(2)}` : '';
		out.push('', `${head}  ${severityColor(worst(row), kinds, color)}${similarity}`);
		if (row.a && row.b) {
			const leaders = row.differences.some((d) => d.kind === 'leaders');
			out.push(`    ${markedLine(itemLine(row.a, leaders ? row.a.leader : undefined), itemLine(row.b, leaders ? row.b.leader : undefined), color)}`);
			out.push(...otherLines(row));
			for (const d of row.differences) {
				const explained = d.explainedBy === undefined ? '' : d.explainedBy === 'title-page' ? ', a line of the title page' : ', explained by the page offset';
				out.push(`    ${severityColor(d.severity, `${d.kind} (${d.severity}${explained})`, color)}: “${clip(flat(d.a))}” → “${clip(flat(d.b))}”`);
				if (d.suggestion) out.push(`      ${describeSuggestion(d.suggestion, ids)}`);
			}
		} else if (row.status === 'only-other') {
			// An item neither A nor B has: the further printings' readings are the row (#16).
			const readings = otherReadings(comparison, row);
			const d = row.differences[0];
			for (const {id, item} of readings) out.push(`    ${readings.length > 1 ? `${id} ${item.lines[0]}: ` : ''}${clip(flat(itemLine(item)), 200)}`);
			if (d) out.push(`    ${severityColor(d.severity, `${d.kind} (${d.severity})`, color)}: only in printing ${readings.map(({id}) => id).join(' and ')}`);
			if (d?.suggestion) out.push(`      ${describeSuggestion(d.suggestion, ids)}`);
		} else {
			const item = firstItem(row);
			const d = row.differences[0];
			out.push(`    ${clip(flat(itemLine(item)), 200)}`);
			out.push(...otherLines(row));
			if (d) out.push(`    ${severityColor(d.severity, `${d.kind} (${d.severity})`, color)}: only in printing ${row.a ? 'A' : 'B'}`);
			if (d?.suggestion) out.push(`      ${describeSuggestion(d.suggestion, ids)}`);
		}

		const decision = context.decisions.byRow.get(index);
		if (decision?.verdict)
			out.push(`    decided: ${verdictText(decision, allIds)}${decision.verdict === 'edit' ? ` “${clip(flat(decision.text ?? ''))}”` : ''}`);
		if (decision?.note) out.push(`    note: ${decision.note}`);
	}

	out.push(...confusionLines(comparison));
	if (summary.differing === 0)
		out.push(
			'',
			summary.explained === undefined ? 'The printings agree entry for entry.' : 'The printings agree entry for entry, but for what the checks explain.',
		);
	return `${out.join('\n')}\n`;
}
