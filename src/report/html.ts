/**
 * The HTML export: one self-contained page (inline CSS, no script, nothing fetched) with a
 * summary, a legend and a side-by-side table of every row, the differing spans highlighted.
 * Severities are told apart by glyph and word as well as colour, so the page works in print,
 * in greyscale and for colour-blind readers (Okabe–Ito colours).
 */
import {chosenPrinting, type Decision} from '../core/decisions.js';
import {highlightSpans, segmentsOf, type HighlightSegment} from '../core/highlight.js';
import {severities, type Comparison, type Printing, type Row, type Severity, type TocItem} from '../core/types.js';
import type {ReportContext} from './context.js';
import {cropsOf, scanDefinitions, scanIndex, type ScanIndex} from './crops.js';
import {escapeHtml as h} from './escape.js';
import {
	explainedByOffset,
	comparedPrintings,
	describeSuggestion,
	describeVerdict,
	findingsOf,
	formatLines,
	isDecided,
	rowsSentence,
	severityMarks,
	severityMeanings,
	tallyBySeverity,
} from './findings.js';

const style = `
:root { --substantive: #b84a00; --substantive-bg: #fbe4d6; --minor: #005a8c; --minor-bg: #dcebf5;
  --cosmetic: #555; --cosmetic-bg: #ececec; --mark: #ffe16b; --rule: #c9c9c9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a;
  margin: 1.5rem auto; max-width: 78rem; padding: 0 1rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
p.sources { margin: 0 0 1rem; color: #333; }
table { border-collapse: collapse; }
.summary td, .summary th { padding: .25rem .75rem; border-bottom: 1px solid var(--rule); text-align: right; }
.summary th:first-child, .summary td:first-child { text-align: left; }
.sev { display: inline-block; font-weight: 600; white-space: nowrap; padding: 0 .35rem; border-radius: 3px; border: 1px solid; }
.sev.substantive { color: var(--substantive); background: var(--substantive-bg); }
.sev.minor { color: var(--minor); background: var(--minor-bg); }
.sev.cosmetic { color: var(--cosmetic); background: var(--cosmetic-bg); border-style: dashed; }
.legend { list-style: none; padding: 0; margin: 0; } .legend li { margin: .2rem 0; }
mark { background: var(--mark); color: inherit; text-decoration: underline 2px; text-underline-offset: 2px; border-radius: 2px; }
.tab { color: #888; } .empty { color: #888; font-style: italic; }
.controls { margin: 1rem 0 .5rem; }
.rows { width: 100%; table-layout: fixed; font-size: 14px; }
.rows th { text-align: left; background: #f4f4f4; position: sticky; top: 0; border-bottom: 2px solid #888; }
.rows th, .rows td { padding: .3rem .45rem; vertical-align: top; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
.rows td.reading { white-space: pre-wrap; }
.rows .num, .rows .line { width: 3.2rem; color: #555; font-variant-numeric: tabular-nums; }
.rows .severity { width: 8.2rem; } .rows .decision { width: 10rem; } .rows .kinds { width: 8rem; }
.rows tr.same td { color: #555; }
.rows tr.substantive td:first-child { border-left: 6px solid var(--substantive); }
.rows tr.minor td:first-child { border-left: 6px double var(--minor); }
.rows tr.cosmetic td:first-child { border-left: 6px dotted var(--cosmetic); }
.rows td.chosen { outline: 2px solid #1a1a1a; outline-offset: -2px; }
.rows td.chosen::before { content: "✓ "; font-weight: 700; }
.kinds ul { margin: 0; padding: 0; list-style: none; }
.note { display: block; color: #444; font-style: italic; }
.suggestion { display: block; color: #444; font-size: .92em; } .legend .suggestion { display: inline; }
.explained { color: #666; }
.checks li { margin: .2rem 0; } .checks .kind { color: #555; font-family: ui-monospace, monospace; font-size: .92em; }
body:has(#differing-only:checked) .rows tr.same { display: none; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } .controls { display: none; }
  .rows { font-size: 9pt; } .rows th { position: static; } .rows tr { break-inside: avoid; }
  .rows .num, .rows .line { width: 2.6rem; } .rows .severity { width: 7.4rem; }
  .rows .kinds { width: 6.5rem; } .rows .decision { width: 8rem; } }
`;

function spans(segments: readonly HighlightSegment[]): string {
	return segments
		.map(({text, kind}) => {
			const escaped = h(text).replaceAll('\t', '<span class="tab" title="tab">⇥</span>\t').replaceAll('\n', '↵\n');
			return kind === 'same' ? escaped : `<mark>${escaped}</mark>`;
		})
		.join('');
}

/** The crops' style, only in a report that has them (a plain-text report stays as it was). */
const cropStyle =
	`.crops { display: flex; flex-wrap: wrap; gap: .3rem; margin-bottom: .3rem; } ` +
	`.crop { max-width: 100%; height: auto; border: 1px solid #bbb; background: #fff; }
.scans { position: absolute; }
`;

function severityBadge(severity: Severity): string {
	return `<span class="sev ${severity}">${severityMarks[severity]} ${severity}</span>`;
}

function cell(item: TocItem | null, segments: readonly HighlightSegment[] | undefined, chosen: boolean, id: string, lang: string, crops = ''): string {
	// The page's own words are English; a reading is in the contents' language, where it is known.
	const attributes = `class="reading${chosen ? ' chosen' : ''}"${lang === 'en' ? '' : ` lang="${lang}"`}`;
	if (!item) return `<td class="reading${chosen ? ' chosen' : ''}"><span class="empty">not in ${h(id)}</span></td>`;
	// The printing's own italics show as italics; a tag cut by a mark is closed by the cell.
	const html = (segments ? spans(segments) : spans([{text: item.text, kind: 'same'}]))
		.replaceAll('&lt;i&gt;', '<i>')
		.replaceAll('&lt;/i&gt;', '</i>')
		// Project Gutenberg's `_italics_`, read as the parser reads them.
		.replaceAll(/(?<![\p{L}\p{N}])_(?=\S)([^_<>]+?)_(?![\p{L}\p{N}])/gu, '<i>$1</i>');
	return `<td ${attributes}>${crops}${html}</td>`;
}

/** A row's decision and note; `ids` name the printings in order (A, B, C …). */
function decisionCell(decision: Decision | undefined, ids: readonly string[]): string {
	const verdict = decision?.verdict === undefined ? '' : describeVerdict(decision, ...ids);
	const edit = decision?.verdict === 'edit' ? `: <q>${h(decision.text ?? '')}</q>` : '';
	const note = decision?.note ? `<span class="note">${h(decision.note)}</span>` : '';
	return `<td class="decision">${h(verdict)}${edit}${note}</td>`;
}

/** The checks of the printings, and what the page offset explains; nothing when there are none. */
function checksSection(comparison: Comparison): string[] {
	if (comparison.checks.length === 0) return [];
	const explained = explainedByOffset(comparison);
	return [
		'<section aria-labelledby="checks">',
		'<h2 id="checks">Checks</h2>',
		'<p>What the printings show on their own, and how their pages relate.</p>',
		'<ul class="checks">',
		...comparison.checks.map(
			(check) =>
				`<li><strong>${h(check.printing)}</strong> ${check.lines[0] === check.lines[1] ? 'line' : 'lines'} ${formatLines(check.lines)}: ` +
				`${h(check.message)} <span class="kind">${h(check.kind)}</span></li>`,
		),
		'</ul>',
		...(explained > 0
			? [
					`<p>${explained} page difference${explained === 1 ? '' : 's'} that the page offset explains ${explained === 1 ? 'is' : 'are'} not counted above; ` +
						`the table marks ${explained === 1 ? 'it' : 'them'} “by the offset”.</p>`,
				]
			: []),
		'</section>',
	];
}

/** Where the crops of a row's readings come from: each printing's source, and the scans. */
type CropSource = {readonly index: ScanIndex; readonly sources: readonly [string, string]};

function rowHtml(row: Row, index: number, decision: Decision | undefined, ids: readonly string[], lang: string, scans?: CropSource): string {
	const severity = row.worst;
	const pair = [ids[0]!, ids[1]!] as const;
	const segments = row.a && row.b && row.differences.length > 0 ? highlightSpans(row.a.text, row.b.text) : undefined;
	// Each difference with what tocdiff suggests on it, as the text report gives it: decided or not, even evidence too (#16).
	const kinds = row.differences
		.map((difference) =>
			difference.explainedBy === undefined
				? `<li>${severityMarks[difference.severity]} ${h(difference.kind)}` +
					`${difference.suggestion ? `<span class="suggestion">${h(describeSuggestion(difference.suggestion, pair))}</span>` : ''}</li>`
				: difference.explainedBy === 'title-page'
					? `<li class="explained" title="a line of the title page, no entry (see Checks)">${h(difference.kind)}, title page</li>`
					: `<li class="explained" title="follows the page offset (see Checks)">${h(difference.kind)}, by the offset</li>`,
		)
		.join('');
	const chosen = chosenPrinting(decision?.verdict);
	// The further printings' readings (C, D …), marked where they read otherwise than A (or B, where A has none).
	const reference = row.a ?? row.b;
	const further = (row.others ?? []).flatMap((item, k) => [
		`<td class="line">${item ? formatLines(item.lines) : ''}</td>`,
		cell(item, item && reference ? segmentsOf(highlightSpans(reference.text, item.text), 'b') : undefined, chosen === k + 2, ids[k + 2] ?? '?', lang),
	]);
	const classes = [row.status === 'same' ? 'same' : 'differs', ...(severity ? [severity] : [])].join(' ');
	return [
		`<tr id="row-${index + 1}" class="${classes}">`,
		`<td class="num">${index + 1}</td>`,
		`<td class="severity">${severity ? severityBadge(severity) : ''}</td>`,
		`<td class="line">${row.a ? formatLines(row.a.lines) : ''}</td>`,
		// On every changed row, the lines cut from each printing's scan above its reading (#15).
		cell(
			row.a,
			segments && segmentsOf(segments, 'a'),
			decision?.verdict === 'a',
			pair[0],
			lang,
			scans && row.status !== 'same' ? cropsOf(row.a, scans.sources[0], scans.index, pair[0]) : '',
		),
		`<td class="line">${row.b ? formatLines(row.b.lines) : ''}</td>`,
		cell(
			row.b,
			segments && segmentsOf(segments, 'b'),
			decision?.verdict === 'b',
			pair[1],
			lang,
			scans && row.status !== 'same' ? cropsOf(row.b, scans.sources[1], scans.index, pair[1]) : '',
		),
		...further,
		`<td class="kinds">${kinds === '' ? '' : `<ul>${kinds}</ul>`}</td>`,
		decisionCell(decision, ids),
		'</tr>',
	].join('');
}

function describe(printing: Printing): string {
	return `<strong>${h(printing.id)}</strong>: ${h(printing.source)}, lines ${formatLines(printing.lines)} (${printing.items.length} items)`;
}

/**
 * Write the comparison as one self-contained HTML page: summary counts by severity (decided and
 * undecided), the checks, a legend, and a side-by-side table of all rows (with a column for each
 * further printing, C …) with the differing spans marked, the chosen reading outlined and ticked,
 * each difference with its suggestion, and each decision and note. A checkbox hides unchanged rows.
 *
 * @example
 * toHtml(comparison, context) // '<!doctype html>\n<html lang="en">…'
 */
export function toHtml(comparison: Comparison, context: ReportContext): string {
	const [a, b] = comparedPrintings(comparison);
	const ids = comparison.printings.map((printing) => printing.id);
	const further = comparison.printings.slice(2);
	const findings = findingsOf(comparison, context);
	const tally = tallyBySeverity(findings);
	const decided = findings.filter((finding) => isDecided(finding.decision)).length;

	const summaryRows = severities.map((severity) => {
		const {total, decided: done, undecided} = tally[severity];
		return `<tr><td>${severityBadge(severity)}</td><td>${total}</td><td>${done}</td><td>${undecided}</td></tr>`;
	});
	const orphans = context.decisions.orphans.map((orphan) => {
		const verdict = orphan.verdict === undefined ? 'note only' : describeVerdict(orphan, ...ids);
		const note = orphan.note ? ` — ${h(orphan.note)}` : '';
		const others = Object.entries(orphan.others ?? {})
			.map(([id, text]) => `, ${h(id)} <q>${h(text)}</q>`)
			.join('');
		return `<li>${h(a.id)} <q>${h(orphan.a ?? '')}</q>, ${h(b.id)} <q>${h(orphan.b ?? '')}</q>${others}: ${h(verdict)}${note}</li>`;
	});

	// Printings read from OCR files: crops of their scans where the page images were found (#15).
	const scanned = context.sources.some((source) => source.ocr !== undefined);
	const sizes = new Map(
		context.sources.map((source) => [
			source.name,
			new Map(
				(source.ocr?.pages ?? []).flatMap((page) =>
					page.width === undefined || page.height === undefined ? [] : [[page.number, {width: page.width, height: page.height}] as const],
				),
			),
		]),
	);
	const index = scanIndex(context.scans, sizes);
	const crops: CropSource | undefined = index.size > 0 ? {index, sources: [a.source, b.source]} : undefined;
	const missing = context.scans?.missing ?? [];
	const scanNote = !scanned
		? []
		: context.scans === undefined || (index.size === 0 && missing.length === 0)
			? ['<p class="scan-note">No scans are shown: no page image was looked for.</p>']
			: missing.length > 0
				? [
						`<p class="scan-note">No scan found for ${missing.map((what) => h(what)).join('; ')}: ` +
							`its rows show no crop (pass <code>--images DIR</code> with the page images).</p>`,
					]
				: [];

	return [
		'<!doctype html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>Contents compared: ${h(ids.slice(0, -1).join(', '))} and ${h(ids.at(-1)!)}</title>`,
		`<style>${style}${crops ? cropStyle : ''}</style>`,
		'</head>',
		'<body>',
		'<header>',
		`<h1>Contents compared: printings ${h(ids.slice(0, -1).join(', '))} and ${h(ids.at(-1)!)}</h1>`,
		`<p class="sources">${comparison.printings.map((printing) => describe(printing)).join('<br>')}</p>`,
		'</header>',
		'<section aria-labelledby="summary">',
		'<h2 id="summary">Summary</h2>',
		'<table class="summary"><thead><tr><th>Severity</th><th>Differences</th><th>Decided</th><th>Undecided</th></tr></thead><tbody>',
		...summaryRows,
		`<tr><th>Total</th><th>${findings.length}</th><th>${decided}</th><th>${findings.length - decided}</th></tr>`,
		'</tbody></table>',
		`<p>${rowsSentence(comparison, h(a.id), h(b.id))}</p>`,
		'</section>',
		...checksSection(comparison),
		'<section aria-labelledby="legend">',
		'<h2 id="legend">Legend</h2>',
		'<ul class="legend">',
		...severities.map((severity) => `<li>${severityBadge(severity)} ${h(severityMeanings[severity])}</li>`),
		'<li><mark>marked text</mark> differs from the other printing; <span class="tab">⇥</span> is a tab</li>',
		'<li><span class="sev" style="border-color:#1a1a1a">✓</span> an outlined, ticked reading is the one a reviewer chose</li>',
		'<li><span class="suggestion">probably B (0.90): why</span> under a difference: the reading tocdiff suggests, ' +
			'how sure it is (the chance it is right), and why; <span class="suggestion">even</span> when nothing tells</li>',
		'</ul>',
		'</section>',
		'<section aria-labelledby="rows">',
		'<h2 id="rows">Side by side</h2>',
		'<p class="controls"><label><input type="checkbox" id="differing-only"> Show differing rows only</label></p>',
		...scanNote,
		...(crops ? [scanDefinitions(index)] : []),
		'<table class="rows">',
		`<thead><tr><th class="num" title="row">#</th><th class="severity">Severity</th><th class="line">${h(a.id)} line</th><th>Printing ${h(a.id)}</th>` +
			`<th class="line">${h(b.id)} line</th><th>Printing ${h(b.id)}</th>` +
			further.map((printing) => `<th class="line">${h(printing.id)} line</th><th>Printing ${h(printing.id)}</th>`).join('') +
			`<th class="kinds">Differences</th><th class="decision">Decision</th></tr></thead>`,
		'<tbody>',
		...comparison.rows.map((row, k) => rowHtml(row, k, context.decisions.byRow.get(k), ids, comparison.language ?? 'en', crops)),
		'</tbody>',
		'</table>',
		'</section>',
		...(orphans.length > 0
			? ['<section aria-labelledby="orphans">', '<h2 id="orphans">Decisions that match no row</h2>', '<ul>', ...orphans, '</ul>', '</section>']
			: []),
		'</body>',
		'</html>',
		'',
	].join('\n');
}
