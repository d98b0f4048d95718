/**
 * The TEI P5 export: the printings as witnesses in `<listWit>`, the contents as a `<list>` in
 * reading order, each differing entry as an `<app>` (parallel segmentation) with one `<rdg>` per
 * printing, and a `<lem>` where a decision chose a reading. Written by hand: the vocabulary is
 * small and fixed, and an XML builder (xmlbuilder2) costs over 40 ms to import on this path.
 * All text goes through `escapeXmlText`/`escapeXmlAttribute`; `<i>` markup becomes `<hi rend="italic">`.
 */
import {chosenPrinting, type Decision} from '../core/decisions.js';
import {severities, type Comparison, type DifferenceKind, type Row, type TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {escapeXmlAttribute as attr, escapeXmlText as text} from './escape.js';
import {comparedPrintings, describeSuggestion, formatLines, severityMeanings, sharedCorrections} from './findings.js';

/** The kinds of difference in their documented order, with a description for the taxonomy. */
const kindMeanings = {
	number: 'a number or date inside the title',
	page: 'the page number',
	words: 'words added, dropped or replaced',
	spelling: 'a word spelled differently, both readings plausible',
	ocr: 'a likely recognition error',
	punctuation: 'punctuation only',
	leaders: 'leader dots or the gap before the page number',
	whitespace: 'spacing only',
	case: 'letter case only',
	markup: 'italics or other markup only',
	hyphenation: 'a word broken by a line-end hyphen',
	invisible: 'characters that print nothing (a zero-width space, a joiner)',
	speck: 'a mark a scan left at the edge of a line (a stray quote, a stop after the page)',
	missing: 'an entry missing from the second printing',
	extra: 'an entry found only in the second printing, or only in a further one (C, D …)',
	truncation: 'entries lost where one printing stops',
	moved: 'an entry standing at another place',
} as const satisfies Record<DifferenceKind, string>;

/** An `xml:id` for a printing: its id when that is an XML name, else a safe one. */
function witnessId(id: string): string {
	return /^[A-Za-z_][\w.-]*$/.test(id) ? id : `w-${id.replaceAll(/[^\w.-]/g, '_')}`;
}

/** A reading as TEI mixed content: line breaks as `<lb/>`, balanced `<i>` runs as `<hi rend="italic">`. */
function reading(value: string): string {
	const parts = value.split(/(<\/?i>)/);
	let depth = 0;
	const balanced =
		parts.every((part) => {
			if (part === '<i>') depth++;
			else if (part === '</i>') depth--;
			return depth === 0 || depth === 1;
		}) && depth === 0;
	const lines = (part: string): string => part.split(/\r?\n/).map(text).join('<lb/>');
	if (!balanced) return lines(value);
	return parts.map((part) => (part === '<i>' ? '<hi rend="italic">' : part === '</i>' ? '</hi>' : lines(part))).join('');
}

function rdg(element: 'lem' | 'rdg', wit: string | undefined, item: TocItem | null | string): string {
	const witness = wit === undefined ? '' : ` wit="${attr(wit)}"`;
	const content = item === null ? '' : typeof item === 'string' ? reading(item) : reading(item.text);
	return content === '' ? `<${element}${witness}/>` : `<${element}${witness}>${content}</${element}>`;
}

function notes(decision: Decision | undefined, indent: string): string[] {
	const out: string[] = [];
	if (decision?.verdict === 'not-error') out.push(`${indent}<note type="decision">Not an error: both readings stand.</note>`);
	const note = decision?.note?.trim();
	if (note) out.push(`${indent}<note type="reviewer">${text(note)}</note>`);
	return out;
}

/**
 * A row as an apparatus entry: a `<rdg>` per printing (a further printing's too), the chosen one
 * (or a correction) as the `<lem>`, first; then what tocdiff suggests on each open difference, as
 * the text report gives it (decided or not, even evidence too), each a `<note type="suggestion">`
 * with the difference's kind as `@subtype`, its confidence as `@cert` and the printing it points to
 * as `@corresp` (#16).
 */
function app(row: Row, index: number, decision: Decision | undefined, ids: readonly string[], indent: string): string[] {
	const readings = [row.a, row.b, ...(row.others ?? [])].map((item, k) => ({id: ids[k] ?? '?', item, k}));
	const kinds = [...new Set(row.differences.map((difference) => difference.kind))];
	const severity = row.worst;
	const ana = [...kinds.map((kind) => `#kind-${kind}`), ...(severity ? [`#severity-${severity}`] : [])].join(' ');
	const loc = readings.flatMap(({id, item}) => (item === null ? [] : [`${id}:${formatLines(item.lines, '-')}`])).join(' ');
	const inner = `${indent}\t`;
	const lines = [`${indent}<app xml:id="row-${index + 1}" type="${attr(row.status)}" loc="${attr(loc)}" ana="${attr(ana)}">`];
	const chosen = chosenPrinting(decision?.verdict);
	if (decision?.verdict === 'edit') lines.push(inner + rdg('lem', undefined, decision.text ?? ''));
	// `<lem>` comes first: the chosen printing's reading, then the others in order.
	const ordered = chosen === undefined || chosen >= readings.length ? readings : [readings[chosen]!, ...readings.filter((_, k) => k !== chosen)];
	for (const {id, item, k} of ordered) lines.push(inner + rdg(k === chosen ? 'lem' : 'rdg', `#${id}`, item));
	for (const {kind, suggestion} of row.open) {
		if (suggestion === undefined) continue;
		const corresp = suggestion.reading === null ? '' : ` corresp="#${attr(ids[suggestion.reading === 'a' ? 0 : 1] ?? '')}"`;
		lines.push(
			`${inner}<note type="suggestion" subtype="${attr(kind)}" cert="${suggestion.confidence.toFixed(2)}"${corresp}>` +
				`${text(describeSuggestion(suggestion, [ids[0] ?? 'A', ids[1] ?? 'B']))}</note>`,
		);
	}

	lines.push(...notes(decision, inner), `${indent}</app>`);
	return lines;
}

/**
 * Write the comparison as a TEI P5 document (UTF-8, well-formed, every text escaped). Unchanged
 * entries are plain `<item>`s with printing A's text; the others hold an `<app>` whose `@loc`
 * gives the lines in each printing and whose `@ana` points at the kinds and the severity in the
 * header's taxonomies. Decisions that match no row are listed in `<back>`.
 *
 * @example
 * toTei(comparison, context) // '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">…'
 */
export function toTei(comparison: Comparison, context: ReportContext): string {
	comparedPrintings(comparison);
	const ids = comparison.printings.map((printing) => witnessId(printing.id));
	const used = new Set(comparison.rows.flatMap((row) => row.differences.map((difference) => difference.kind)));
	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<TEI xmlns="http://www.tei-c.org/ns/1.0">',
		'\t<teiHeader>',
		'\t\t<fileDesc>',
		'\t\t\t<titleStmt>',
		`\t\t\t\t<title>Contents: collation of printings ${text(
			comparison.printings
				.map((printing) => printing.id)
				.slice(0, -1)
				.join(', '),
		)} and ${text(comparison.printings.at(-1)!.id)}</title>`,
		'\t\t\t</titleStmt>',
		'\t\t\t<publicationStmt>',
		'\t\t\t\t<p>Generated by tocdiff.</p>',
		'\t\t\t</publicationStmt>',
		'\t\t\t<sourceDesc>',
		'\t\t\t\t<listWit>',
		// Every printing, so that a check can point at a further one (C, …) too.
		...comparison.printings.map(
			(printing) =>
				`\t\t\t\t\t<witness xml:id="${attr(witnessId(printing.id))}">` +
				`Printing ${text(printing.id)}: ${text(printing.source)}, lines ${formatLines(printing.lines)}</witness>`,
		),
		'\t\t\t\t</listWit>',
		'\t\t\t</sourceDesc>',
		'\t\t</fileDesc>',
		'\t\t<encodingDesc>',
		'\t\t\t<variantEncoding method="parallel-segmentation" location="internal"/>',
		'\t\t\t<classDecl>',
		'\t\t\t\t<taxonomy xml:id="severity">',
		...severities.map(
			(severity) => `\t\t\t\t\t<category xml:id="severity-${severity}"><catDesc>${severity}: ${text(severityMeanings[severity])}</catDesc></category>`,
		),
		'\t\t\t\t</taxonomy>',
		'\t\t\t\t<taxonomy xml:id="kind">',
		...Object.entries(kindMeanings)
			.filter(([kind]) => used.has(kind as DifferenceKind))
			.map(([kind, meaning]) => `\t\t\t\t\t<category xml:id="kind-${kind}"><catDesc>${kind}: ${text(meaning)}</catDesc></category>`),
		'\t\t\t\t</taxonomy>',
		'\t\t\t</classDecl>',
		'\t\t</encodingDesc>',
		'\t</teiHeader>',
		'\t<text>',
		'\t\t<body>',
		'\t\t\t<list type="contents">',
	];

	// A correction of what both printings read is an apparatus entry too, its `<lem>` the correction.
	const corrected = new Set(sharedCorrections(comparison, context).map((correction) => correction.index));
	for (const [index, row] of comparison.rows.entries()) {
		const decision = context.decisions.byRow.get(index);
		if (row.differences.length === 0 && row.a && !corrected.has(index)) {
			out.push(`\t\t\t\t<item n="${index + 1}">${reading(row.a.text)}</item>`);
			continue;
		}

		out.push(`\t\t\t\t<item n="${index + 1}">`, ...app(row, index, decision, ids, '\t\t\t\t\t'), '\t\t\t\t</item>');
	}

	out.push('\t\t\t</list>', '\t\t</body>');
	const {orphans} = context.decisions;
	if (orphans.length > 0 || comparison.checks.length > 0) out.push('\t\t<back>');
	if (comparison.checks.length > 0) {
		out.push('\t\t\t<div type="checks">', '\t\t\t\t<head>Checks</head>', '\t\t\t\t<list>');
		for (const check of comparison.checks) {
			out.push(
				`\t\t\t\t\t<item type="${attr(check.kind)}" corresp="#${attr(witnessId(check.printing))}" ` +
					`n="${formatLines(check.lines, '-')}">${text(check.message)}</item>`,
			);
		}

		out.push('\t\t\t\t</list>', '\t\t\t</div>');
	}

	if (orphans.length > 0) {
		out.push('\t\t\t<div type="orphaned-decisions">', '\t\t\t\t<head>Decisions that match no row</head>', '\t\t\t\t<listApp>');
		for (const orphan of orphans) {
			const lines = [`\t\t\t\t\t<app type="orphan" n="${attr(orphan.key)}">`];
			if (orphan.verdict === 'edit') lines.push(`\t\t\t\t\t\t${rdg('lem', undefined, orphan.text ?? '')}`);
			// The readings the decision was made on: A's, B's and a further printing's, where it kept them.
			const readings = [
				{id: ids[0] ?? 'A', text: orphan.a ?? ''},
				{id: ids[1] ?? 'B', text: orphan.b ?? ''},
				...Object.entries(orphan.others ?? {}).map(([id, value]) => ({id: witnessId(id), text: value})),
			];
			const chosen = chosenPrinting(orphan.verdict);
			const lem = chosen === undefined ? undefined : (ids[chosen] ?? undefined);
			// `<lem>` must come first.
			const ordered = [...readings.filter((each) => each.id === lem), ...readings.filter((each) => each.id !== lem)];
			for (const {id, text: value} of ordered) lines.push(`\t\t\t\t\t\t${rdg(id === lem ? 'lem' : 'rdg', `#${id}`, value)}`);
			lines.push(...notes(orphan, '\t\t\t\t\t\t'), '\t\t\t\t\t</app>');
			out.push(...lines);
		}

		out.push('\t\t\t\t</listApp>', '\t\t\t</div>');
	}

	if (orphans.length > 0 || comparison.checks.length > 0) out.push('\t\t</back>');

	out.push('\t</text>', '</TEI>', '');
	return out.join('\n');
}
