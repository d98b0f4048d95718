/**
 * The errata list in the book trade's form (`p. 181 (line 52): for “JULY 1” read “JULY 4”`),
 * grouped by severity under a summary table. A decision picks the reading to print; without one
 * both readings are given and marked undecided. A printing that stops short is one line.
 *
 * Long (about 450 lines): the errata list's wording for every kind of row and decision, one class.
 */
import {chosenPrinting, printingLetters, type Decision, type PrintingLetter} from '../core/decisions.js';
import {changedRegion} from '../core/highlight.js';
import {isTruncated} from '../core/meaning.js';
import {collapseWhitespace} from '../core/normalize.js';
import {assertNever, severities, type Comparison, type Difference, type Row, type Severity, type TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {escapeMarkdown} from './escape.js';
import {
	explainedByOffset,
	basePosition,
	comparedPrintings,
	describeSuggestion,
	findingsOf,
	formatLines,
	isDecided,
	itemOf,
	rowPage,
	rowsSentence,
	severityMarks,
	correctionDifferences,
	sharedCorrections,
	tallyBySeverity,
	type SharedCorrection,
} from './findings.js';

type Side = 'a' | 'b';

/** What a decision on a row makes right: a reading (a printing's, or a correction), or nothing there (a printing that has none was chosen). */
type Right = {readonly text: string | null; readonly from?: PrintingLetter};

/** One line of the errata list, filed under a severity or among the non-errors. */
type Entry = {readonly group: Severity | 'not-error'; readonly text: string};

/** A reading as printed in an errata line: quoted, escaped, the gap before a page as `…`, line breaks as `/`. */
function quote(reading: string): string {
	if (reading === '') return 'nothing';
	const trimmed = reading.trim();
	const shown =
		trimmed === '' ? reading.replaceAll(' ', '␣').replaceAll('\t', '⇥') : trimmed.replaceAll(/\s*\t\s*| {3,}/g, ' … ').replaceAll(/\s*\r?\n\s*/g, ' / ');
	// The printing's italics become Markdown emphasis rather than tags a reader must skip.
	const emphasised = escapeMarkdown(shown)
		.replaceAll('\\<i\\>', '*')
		.replaceAll('\\</i\\>', '*')
		.replaceAll(/(?<![\p{L}\p{N}\\])\\_(?=\S)([^_]+?)\\_(?![\p{L}\p{N}])/gu, '*$1*');
	return `“${emphasised}”`;
}

/** Cut a title to a readable length for a one-line mention. */
function shortTitle(item: TocItem, max = 48): string {
	const title = item.title.trim();
	return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}

/** `for “X” read “Y”`, or `delete`/`insert` when a side is empty. */
function correction(wrong: string, right: string): string {
	if (right.trim() === '') return `delete ${quote(wrong)}`;
	if (wrong.trim() === '') return `insert ${quote(right)}`;
	return `for ${quote(wrong)} read ${quote(right)}`;
}

function noteOf(decision: Decision | undefined): string {
	const note = decision?.note?.trim();
	return note ? `. Note: ${escapeMarkdown(note.replaceAll(/\s+/g, ' '))}` : '';
}

/** `; probably B (0.90): why` for an undecided difference with a suggestion; nothing when the evidence is even. */
function suggestionOf(difference: Difference, ids: Readonly<Record<PrintingLetter, string>>): string {
	const suggestion = difference.suggestion;
	if (suggestion?.reading === undefined || suggestion.reading === null) return '';
	return `; ${escapeMarkdown(describeSuggestion(suggestion, [ids.a, ids.b]))}`;
}

/** Writes errata lines for one comparison; knows the printings and the base. */
class Errata {
	readonly entries: Entry[] = [];
	/** Each printing's id by its letter (`a` → `A`, `c` → `C`). */
	readonly ids: Readonly<Record<PrintingLetter, string>>;
	readonly base: PrintingLetter;
	/** The letters of the printings after A and B (`c`, `d` …). */
	readonly further: readonly PrintingLetter[];
	private readonly comparison: Comparison;
	private readonly context: ReportContext;

	constructor(comparison: Comparison, context: ReportContext) {
		this.comparison = comparison;
		this.context = context;
		comparedPrintings(comparison);
		this.ids = Object.fromEntries(printingLetters.map((letter, k) => [letter, comparison.printings[k]?.id ?? letter.toUpperCase()])) as Record<
			PrintingLetter,
			string
		>;
		this.base = printingLetters[basePosition(comparison, context)]!;
		this.further = printingLetters.slice(2, comparison.printings.length);
	}

	/** `line 52`, `lines 101–121`, or `B line 176` for a printing that is not the base. */
	ref(side: PrintingLetter, lines: readonly [number, number]): string {
		const word = lines[0] === lines[1] ? 'line' : 'lines';
		return `${side === this.base ? '' : `${this.ids[side]} `}${word} ${formatLines(lines)}`;
	}

	/** Where each printing that has an item on a row has it, the base first: `line 52; B line 176`, `line 277; A line 52; B line 176`. */
	refs(row: Row): string {
		const sides = printingLetters.filter((side) => itemOf(row, side) !== null);
		return [...sides.filter((side) => side === this.base), ...sides.filter((side) => side !== this.base)]
			.map((side) => this.ref(side, itemOf(row, side)!.lines))
			.join('; ');
	}

	/**
	 * What a decision makes right on a row: the chosen printing's reading (nothing, when it has none
	 * there) or the correction; undefined when it decides none.
	 */
	rightOf(row: Row, decision: Decision | undefined): Right | undefined {
		if (decision?.verdict === 'edit') return {text: decision.text ?? ''};
		const chosen = chosenPrinting(decision?.verdict);
		if (chosen === undefined) return undefined;
		const from = printingLetters[chosen]!;
		return {text: itemOf(row, from)?.text ?? null, from};
	}

	/**
	 * What each of `sides` must change to read `right` on row `index`, one clause each: `C line 277:
	 * for “PRESIDUM” read “PRESIDIUM”`, `C line 22: delete “…”`, `B after line 150: insert “…”`; a
	 * printing that reads it already has none.
	 */
	clauses(index: number, row: Row, right: Right, sides: readonly PrintingLetter[]): string[] {
		const text = right.text === null ? undefined : collapseWhitespace(right.text);
		return sides.flatMap((side) => {
			const item = itemOf(row, side);
			if (item === null) return text === undefined || text === '' ? [] : [`${this.insertionPoint(side, index)}: ${correction('', right.text!)}`];
			if (text === undefined || text === '') return [`${this.ref(side, item.lines)}: ${correction(item.text, '')}`];
			if (collapseWhitespace(item.text) === text) return [];
			// Each thing the correction changes in a printing, as a difference names it (the hyphen and
			// the page apart); failing that, the changed stretch of the line.
			const changes = correctionDifferences(item, right.text!);
			const region = changedRegion(collapseWhitespace(item.text), text);
			const body = changes.length > 0 ? changes.map((change) => correction(change.a, change.b)).join(', ') : correction(region.a, region.b);
			return [`${this.ref(side, item.lines)}: ${body}`];
		});
	}

	/** How a decision is tagged: `edited`, or `as in C`. */
	decidedTag(right: Right): string {
		return right.from === undefined ? 'edited' : `as in ${this.ids[right.from]}`;
	}

	/** On a decided row, what the further printings (C, D …) must change to read as decided: one entry, when any must. */
	furtherClauses(index: number, row: Row, decision: Decision | undefined, group: Severity): void {
		const right = this.rightOf(row, decision);
		if (right === undefined || this.further.length === 0) return;
		const clauses = this.clauses(index, row, right, this.further);
		if (clauses.length === 0) return;
		const kinds = [...new Set(row.differences.map((difference) => difference.kind))].join(', ');
		const page = rowPage(row);
		this.entries.push({
			group,
			text: `${page === undefined ? '' : `p. ${escapeMarkdown(page)}, `}${clauses.join('; ')} — ${kinds}, ${this.decidedTag(right)}${noteOf(decision)}`,
		});
	}

	/** Where in `side`'s printing something from row `index` would go: after that printing's previous item. */
	insertionPoint(side: PrintingLetter, index: number): string {
		for (let i = index - 1; i >= 0; i--) {
			const item = itemOf(this.comparison.rows[i]!, side);
			if (item) return `after ${this.ref(side, [item.lines[1], item.lines[1]])}`;
		}

		return side === this.base ? 'at the start' : `at the start of ${this.ids[side]}`;
	}

	add(group: Entry['group'], page: string | undefined, where: string, body: string, tags: string): void {
		const text = `${page === undefined ? where : `p. ${escapeMarkdown(page)} (${where})`}: ${body} — ${tags}`;
		this.entries.push({group, text});
	}

	/**
	 * A moved entry in words: `“Title” stands after “Other” in A and after “Another” in B`; with
	 * `to`, where that printing puts it (`“Title” to stand after “Another”, as in B`).
	 */
	moved(row: Row & {readonly a: TocItem; readonly b: TocItem}, to?: Side): string {
		const title = quote(shortTitle(row.a));
		const after = (side: Side): string => {
			const items = this.comparison.printings[side === 'a' ? 0 : 1]!.items;
			const before = items.slice(0, row[side].index).findLast((item) => item.type === 'entry');
			return before === undefined ? 'first' : `after ${quote(shortTitle(before))}`;
		};

		return to === undefined ? `${title} stands ${after('a')} in ${this.ids.a} and ${after('b')} in ${this.ids.b}` : `${title} to stand ${after(to)}`;
	}

	paired(index: number, row: Row & {readonly a: TocItem; readonly b: TocItem}, decision: Decision | undefined): void {
		const page = rowPage(row);
		const both = this.refs(row);
		const kinds = row.differences.map((difference) => difference.kind).join(', ');
		const verdict = decision?.verdict;
		switch (verdict) {
			case 'edit':
			case 'c':
			case 'd':
			case 'e':
			case 'f':
			case 'g':
			case 'h':
			case 'i': {
				// A correction, or a further printing's reading: what each printing must change to read it.
				// Spacing is the layout's, not the reading's: a correction typed with spaces where the
				// printing has a tab before the page (as the screen's prompt offers it) changes nothing.
				const right = this.rightOf(row, decision)!;
				const clauses = this.clauses(index, row, right, ['a', 'b', ...this.further]);
				if (clauses.length === 0) return;
				const body = clauses.join('; ');
				this.entries.push({
					group: row.worst ?? 'cosmetic',
					text: `${page === undefined ? '' : `p. ${escapeMarkdown(page)}, `}${body} — ${kinds}, ${this.decidedTag(right)}${noteOf(decision)}`,
				});
				return;
			}

			case 'a':
			case 'b': {
				const right = verdict;
				const wrong = right === 'a' ? 'b' : 'a';
				// The erratum is for the printing that is wrong: its own page (a repaginated edition's).
				for (const difference of row.differences) {
					const body = difference.kind === 'moved' ? `move ${this.moved(row, right)}` : correction(difference[wrong], difference[right]);
					this.add(
						difference.severity,
						row[wrong].page ?? page,
						this.ref(wrong, row[wrong].lines),
						body,
						`${difference.kind}, as in ${this.ids[right]}${noteOf(decision)}`,
					);
				}

				this.furtherClauses(index, row, decision, row.worst ?? 'cosmetic');
				return;
			}

			case 'not-error':
			case undefined: {
				// A note alone decides nothing: the row stays among the undecided.
				const notError = decision?.verdict === 'not-error';
				for (const difference of row.differences) {
					const readings = difference.kind === 'moved' ? this.moved(row) : `${this.ids.a} ${quote(difference.a)}, ${this.ids.b} ${quote(difference.b)}`;
					const group = notError ? 'not-error' : difference.severity;
					const suggested = notError ? '' : suggestionOf(difference, this.ids);
					this.add(group, page, both, readings, `${difference.kind}${notError ? '' : ', undecided'}${suggested}${noteOf(decision)}`);
				}

				return;
			}

			default: {
				assertNever(verdict);
			}
		}
	}

	/** A row found in one printing only (`present`), and not part of a truncated run. */
	oneSided(index: number, row: Row, present: Side, item: TocItem, decision: Decision | undefined): void {
		const absent: Side = present === 'a' ? 'b' : 'a';
		const page = rowPage(row);
		const here = this.ref(present, item.lines);
		const difference: Difference | undefined = row.differences[0];
		const kind = difference?.kind ?? (present === 'a' ? 'missing' : 'extra');
		const severity = difference?.severity ?? 'substantive';
		const note = noteOf(decision);
		// A further printing chosen sides with the printing that has the item, or with the one that lacks it.
		const chosen = chosenPrinting(decision?.verdict);
		const further = chosen !== undefined && chosen >= 2 ? printingLetters[chosen]! : undefined;
		const verdict = further === undefined ? decision?.verdict : itemOf(row, further) === null ? absent : present;
		const as = further === undefined ? undefined : this.ids[further];
		this.furtherClauses(index, row, decision, severity);
		switch (verdict) {
			case undefined:
			case 'not-error': {
				const suggested = verdict || difference === undefined ? '' : suggestionOf(difference, this.ids);
				const tags = `${kind}${verdict ? '' : ', undecided'}${suggested}${note}`;
				this.add(verdict ? 'not-error' : severity, page, here, `${quote(item.text)} is in ${this.ids[present]} only`, tags);
				return;
			}

			case 'edit': {
				const text = decision?.text ?? '';
				const body = `${correction(item.text, text)}; ${this.insertionPoint(absent, index)}: ${correction('', text)}`;
				this.add(severity, page, here, body, `${kind}, edited${note}`);
				return;
			}

			default: {
				if (verdict === present) {
					this.add(
						severity,
						page,
						this.insertionPoint(absent, index),
						`${correction('', item.text)} (from ${here})`,
						`${kind}, as in ${as ?? this.ids[present]}${note}`,
					);
				} else {
					this.add(severity, page, here, correction(item.text, ''), `${kind}, as in ${as ?? this.ids[absent]}${note}`);
				}
			}
		}
	}

	/** A row only further printings have (neither A nor B): their reading, or what each printing must change as decided (#16). */
	furtherOnly(index: number, row: Row, decision: Decision | undefined): void {
		const sides = this.further.filter((side) => itemOf(row, side) !== null);
		const first = sides[0];
		if (first === undefined) return;
		const item = itemOf(row, first)!;
		const page = rowPage(row);
		const difference: Difference | undefined = row.differences[0];
		const kind = difference?.kind ?? 'extra';
		const severity = difference?.severity ?? 'substantive';
		const note = noteOf(decision);
		const right = this.rightOf(row, decision);
		if (right === undefined) {
			const notError = decision?.verdict === 'not-error';
			const suggested = notError || difference === undefined ? '' : suggestionOf(difference, this.ids);
			const holders = sides.map((side) => this.ids[side]).join(' and ');
			this.add(
				notError ? 'not-error' : severity,
				page,
				sides.map((side) => this.ref(side, itemOf(row, side)!.lines)).join('; '),
				`${quote(item.text)} is in ${holders} only`,
				`${kind}${notError ? '' : ', undecided'}${suggested}${note}`,
			);
			return;
		}

		const clauses = this.clauses(index, row, right, [...(['a', 'b'] as const), ...this.further]);
		if (clauses.length === 0) return;
		const from = right.text !== null && right.from !== undefined ? ` (from ${this.ref(right.from, itemOf(row, right.from)!.lines)})` : '';
		this.entries.push({
			group: severity,
			text: `${page === undefined ? '' : `p. ${escapeMarkdown(page)}, `}${clauses.join('; ')}${from} — ${kind}, ${this.decidedTag(right)}${note}`,
		});
	}

	/** Consecutive items one printing has after the other stops, as one line (a further printing chosen is said row by row, in `oneSided`). */
	truncated(first: number, rows: readonly Row[], present: Side, decision: (Decision & {readonly verdict?: Side | 'not-error'}) | undefined): void {
		const items = rows.map((row) => itemOf(row, present)).filter((item): item is TocItem => item !== null);
		const head = items[0];
		const tail = items.at(-1);
		if (!head || !tail) return;
		const absent: Side = present === 'a' ? 'b' : 'a';
		const span: [number, number] = [head.lines[0], tail.lines[1]];
		const count = items.length === 1 ? '1 item' : `${items.length} items`;
		const pages = (item: TocItem): string => (item.page === undefined ? '' : ` (p. ${escapeMarkdown(item.page)})`);
		const range =
			items.length === 1
				? `${quote(shortTitle(head))}${pages(head)}`
				: `from ${quote(shortTitle(head))}${pages(head)} to ${quote(shortTitle(tail))}${pages(tail)}`;
		const stop = this.insertionPoint(absent, first).replace(/^after /, 'stops after ');
		const severity = rows[0]?.differences[0]?.severity ?? 'substantive';
		const note = noteOf(decision);
		const where = this.ref(present, span);
		const verdict = decision?.verdict;
		switch (verdict) {
			case undefined:
			case 'not-error': {
				const body = `${count}, ${range}, ${items.length === 1 ? 'is' : 'are'} not in ${this.ids[absent]}, which ${stop}`;
				this.entries.push({group: verdict ? 'not-error' : severity, text: `${where}: ${body} — truncation${verdict ? '' : ', undecided'}${note}`});
				return;
			}

			// Edited rows, and rows where a further printing was chosen, are never grouped; see `write`.
			default: {
				const body =
					verdict === present ? `${this.ids[absent]} ${stop}: insert ${where} of ${this.ids[present]}, ${count}, ${range}` : `delete ${count}, ${range}`;
				const at = verdict === present ? '' : `${where}: `;
				this.entries.push({group: severity, text: `${at}${body} — truncation, as in ${this.ids[verdict]}${note}`});
			}
		}
	}

	/** A correction of what both printings read: one entry for both, classified by what it changes. */
	shared({row, decision, severity, kinds}: SharedCorrection): void {
		const region = changedRegion(collapseWhitespace(row.a.text), collapseWhitespace(decision.text ?? ''));
		this.add(
			severity,
			rowPage(row),
			`${this.ref('a', row.a.lines)}; ${this.ref('b', row.b.lines)}`,
			correction(region.a, region.b),
			`${kinds}, edited; both printings read it so${noteOf(decision)}`,
		);
	}

	write(): void {
		const {rows} = this.comparison;
		const shared = new Map(sharedCorrections(this.comparison, this.context).map((correction) => [correction.index, correction]));
		for (let index = 0; index < rows.length; index++) {
			const row = rows[index]!;
			const decision = this.context.decisions.byRow.get(index);
			const correction = shared.get(index);
			if (correction) {
				this.shared(correction);
				continue;
			}

			if (row.differences.length === 0) continue;
			if (row.a && row.b) {
				const differences = row.open;
				if (differences.length > 0) this.paired(index, {...row, differences, a: row.a, b: row.b}, decision);
				continue;
			}

			if (row.status === 'only-other') {
				this.furtherOnly(index, row, decision);
				continue;
			}

			const present: Side = row.a ? 'a' : 'b';
			const item = row.a ?? row.b;
			if (isTruncated(row) && decision?.verdict !== 'edit' && (chosenPrinting(decision?.verdict) ?? 0) < 2) {
				// An entry only a further printing has, among the lost ones, does not end the run: it is said after it (#16).
				let end = index + 1;
				const lost = (at: number): boolean =>
					isTruncated(rows[at]!) && itemOf(rows[at]!, present) !== null && sameVerdict(decision, this.context.decisions.byRow.get(at));
				while (end < rows.length && (lost(end) || rows[end]!.status === 'only-other')) end++;
				while (!lost(end - 1)) end--;
				this.truncated(index, rows.slice(index, end), present, decision as Decision & {readonly verdict?: Side | 'not-error'});
				for (let at = index + 1; at < end; at++) if (rows[at]!.status === 'only-other') this.furtherOnly(at, rows[at]!, this.context.decisions.byRow.get(at));
				index = end - 1;
				continue;
			}

			this.oneSided(index, row, present, item, decision);
		}
	}
}

function sameVerdict(first: Decision | undefined, next: Decision | undefined): boolean {
	return first?.verdict === next?.verdict && next?.verdict !== 'edit' && (chosenPrinting(next?.verdict) ?? 0) < 2 && (next?.note ?? '') === (first?.note ?? '');
}

const headings = {substantive: 'Substantive', minor: 'Minor', cosmetic: 'Cosmetic'} as const satisfies Record<Severity, string>;

/**
 * Write the errata list as Markdown (CommonMark with a GFM table): a summary table, then one
 * section per severity, then the differences decided not to be errors and any decisions that no
 * longer match a row. Line numbers are the base printing's (`context.base`, A by default) unless
 * marked with another printing's id.
 *
 * @example
 * toMarkdown(comparison, context) // '# Errata\n\n…- p. 181 (line 52): for “JULY 1” read “JULY 4” — number, as in B\n…'
 */
export function toMarkdown(comparison: Comparison, context: ReportContext): string {
	const [a, b] = comparedPrintings(comparison);
	const errata = new Errata(comparison, context);
	errata.write();
	const findings = findingsOf(comparison, context);
	const tally = tallyBySeverity(findings);
	const basePrinting = comparison.printings[basePosition(comparison, context)]!;
	const describe = (printing: typeof a): string =>
		`printing ${escapeMarkdown(printing.id)} is ${escapeMarkdown(printing.source)}, lines ${formatLines(printing.lines)} (${printing.items.length} items)`;
	const count = comparison.printings.length === 2 ? 'two' : comparison.printings.length === 3 ? 'three' : String(comparison.printings.length);

	const out: string[] = ['# Errata', ''];
	out.push(
		`Compared ${count} printings of the contents: ${comparison.printings.map((printing) => describe(printing)).join('; ')}. ` +
			`Line numbers are printing ${escapeMarkdown(basePrinting.id)}'s unless another printing is named; pages are those the contents give.`,
		'',
	);
	out.push('| Severity | Differences | Decided | Undecided |', '| --- | ---: | ---: | ---: |');
	for (const severity of severities) {
		const {total, decided, undecided} = tally[severity];
		out.push(`| ${severityMarks[severity]} ${headings[severity]} | ${total} | ${decided} | ${undecided} |`);
	}

	const decided = findings.filter((finding) => isDecided(finding.decision)).length;
	out.push(`| **Total** | **${findings.length}** | **${decided}** | **${findings.length - decided}** |`, '');
	out.push(rowsSentence(comparison, escapeMarkdown(a.id), escapeMarkdown(b.id)), '');
	out.push(...checksSection(comparison));

	for (const severity of severities) {
		const entries = errata.entries.filter((entry) => entry.group === severity);
		out.push(`## ${severityMarks[severity]} ${headings[severity]}`, '');
		if (entries.length === 0) out.push('None.');
		for (const entry of entries) out.push(`- ${entry.text}`);
		out.push('');
	}

	const notErrors = errata.entries.filter((entry) => entry.group === 'not-error');
	if (notErrors.length > 0) {
		out.push('## Not errors', '', 'Differences a reviewer marked as not errors: both readings stand.', '');
		for (const entry of notErrors) out.push(`- ${entry.text}`);
		out.push('');
	}

	out.push(...confusionSection(comparison));
	const {orphans} = context.decisions;
	if (orphans.length > 0) {
		out.push('## Decisions that match no row', '', 'Saved decisions whose entries are no longer in the comparison; they are kept in the decisions file.', '');
		for (const orphan of orphans) {
			const further = Object.entries(orphan.others ?? {}).map(([id, text]) => `, ${escapeMarkdown(id)} ${quote(text)}`);
			const readings = `${escapeMarkdown(a.id)} ${quote(orphan.a ?? '')}, ${escapeMarkdown(b.id)} ${quote(orphan.b ?? '')}${further.join('')}`;
			const what = orphan.verdict === 'edit' ? `edited to ${quote(orphan.text ?? '')}` : describeOrphan(orphan);
			out.push(`- ${readings}: ${what}${noteOf(orphan)}`);
		}

		out.push('');
	}

	return out.join('\n');
}

/**
 * The checks of each printing (pages out of order, numbering, a page offset) as a section, and
 * the page differences an offset explains, which the errata leave out; nothing when all is well.
 */
function checksSection(comparison: Comparison): string[] {
	if (comparison.checks.length === 0) return [];
	const out = ['## Checks', '', 'What the printings show on their own, and how their pages relate.', ''];
	for (const check of comparison.checks) {
		const word = check.lines[0] === check.lines[1] ? 'line' : 'lines';
		out.push(`- ${escapeMarkdown(check.printing)} ${word} ${formatLines(check.lines)}: ${escapeMarkdown(check.message)} — ${check.kind}`);
	}

	const explained = explainedByOffset(comparison);
	if (explained > 0)
		out.push('', `${explained} page difference${explained === 1 ? '' : 's'} that the page offset explains ${explained === 1 ? 'is' : 'are'} not listed below.`);
	out.push('');
	return out;
}

/** The character confusion table as a Markdown table; nothing when there are no confusions. */
function confusionSection(comparison: Comparison): string[] {
	const {confusions} = comparison;
	if (confusions.length === 0) return [];
	const [a, b] = comparedPrintings(comparison);
	const cell = (text: string): string => (text === '' ? 'nothing' : `“${escapeMarkdown(text.replaceAll(' ', '␣'))}”`);
	const out = [
		'## Character confusions',
		'',
		`Which characters of ${escapeMarkdown(a.id)} became which in ${escapeMarkdown(b.id)}, ` +
			`in OCR errors, spelling variants, numbers and pages; line numbers are ${escapeMarkdown(a.id)}'s.`,
		'',
		`| ${escapeMarkdown(a.id)} | ${escapeMarkdown(b.id)} | Times | Lines |`,
		'| --- | --- | ---: | --- |',
	];
	for (const confusion of confusions) out.push(`| ${cell(confusion.a)} | ${cell(confusion.b)} | ${confusion.count} | ${confusion.lines.join(', ')} |`);
	out.push('');
	return out;
}

function describeOrphan(decision: Decision): string {
	if (decision.verdict === 'not-error') return 'not an error';
	if (decision.verdict === 'edit' || decision.verdict === undefined) return 'note only';
	return `${decision.verdict.toUpperCase()} chosen`;
}
