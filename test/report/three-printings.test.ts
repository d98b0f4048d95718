/**
 * Three printings in one file (samples/lenin-cw31-three-printings.txt): A lost `Concluding
 * Remarks`, B stops early, C (a third scan of B's edition) reads PRESIDIUM as A and JULY 4 as B and
 * goes on to the end. Every format words the same comparison: the entry only C has as a row of
 * its own, C's readings, a decision for C's reading, and the errata and corrected page of C (#16).
 */
import {readFileSync} from 'node:fs';
import {parse as parseCsv} from 'csv-parse/sync';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {describe, expect, it} from 'vitest';
import {dictionaryFor} from '../../src/cli/words.js';
import {compare} from '../../src/core/index.js';
import type {Decision, DecisionMatch} from '../../src/core/decisions.js';
import type {ReportContext} from '../../src/report/context.js';
import {noDecisions} from '../../src/report/context.js';
import {toCsv} from '../../src/report/csv.js';
import {toHtml} from '../../src/report/html.js';
import {reportObject} from '../../src/report/json.js';
import {toMarkdown} from '../../src/report/markdown.js';
import {toTei} from '../../src/report/tei.js';
import {toText} from '../../src/report/text.js';
import {toToc} from '../../src/report/toc.js';

const name = 'samples/lenin-cw31-three-printings.txt';
const text = readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const sources = [{name, text}] as const;
const three = compare(sources, {dictionary: dictionaryFor});
const rowWhere = (test: (title: string) => boolean): number =>
	three.rows.findIndex((row) => [row.a, row.b, ...(row.others ?? [])].some((item) => item !== null && test(item.title)));
const onlyC = three.rows.findIndex((row) => row.status === 'only-other');
const presidium = rowWhere((title) => title.includes('PRESIDIUM'));

/** A context with decisions on rows, by index. */
function deciding(verdicts: ReadonlyArray<readonly [number, Decision['verdict']]>, base: ReportContext['base'] = 'a'): ReportContext {
	const byRow = new Map(verdicts.map(([row, verdict]): [number, Decision] => [row, {key: three.rows[row]!.key, ...(verdict ? {verdict} : {})}]));
	const decisions: DecisionMatch = {byRow, orphans: []};
	return {decisions, sources, base};
}

describe('three printings in one file (#16)', () => {
	it('finds them, and makes the entry only C has a row of its own', () => {
		expect(three.printings.map((printing) => [printing.id, printing.lines])).toEqual([
			['A', [2, 120]],
			['B', [122, 221]],
			['C', [224, 346]],
		]);
		expect(three.rows[onlyC]).toMatchObject({status: 'only-other', a: null, b: null});
		expect(three.rows[onlyC]!.others?.[0]).toMatchObject({title: 'Concluding Remarks', page: '435', lines: [328, 328]});
		// B has stopped there, so only A lacks it, and C has it: nothing tells.
		expect(three.rows[onlyC]!.differences[0]?.suggestion).toEqual({reading: null, confidence: 0.5, why: 'A has no such entry; C has it'});
		expect(three.summary.status['only-other']).toBe(1);
	});

	it('shows the row in the text report, with the rows count', () => {
		const report = toText(three, {decisions: noDecisions, sources});
		expect(report).toContain('107 rows: 81 same · 4 changed · 19 only in A · 2 only in B · 0 moved · 1 only in C');
		expect(report).toContain(
			'+ C 328  extra\n    Concluding Remarks  435\n    extra (substantive): only in printing C\n      even: A has no such entry; C has it',
		);
	});

	it('words a decision for C: the errata correct A and B, the corrected page of A takes its readings', () => {
		const context = deciding([
			[onlyC, 'c'],
			[presidium, 'c'],
		]);
		const errata = toMarkdown(three, context);
		expect(errata).toContain('Compared three printings of the contents:');
		expect(errata).toContain('- p. 181, line 52: for “JULY 1” read “JULY 4”; B line 175: for “PRESIDUM” read “PRESIDIUM” — ocr, number, as in C');
		expect(errata).toContain(
			'- p. 435, after line 102: insert “Concluding Remarks … 435”; after B line 221: insert “Concluding Remarks … 435” (from C line 328) — extra, as in C',
		);
		// The entry only C has, among the entries B lacks where it stops, leaves them one truncation.
		expect(errata).toContain('- lines 99–120: 19 items, from “SPEECH DELIVERED AT A CONFERENCE OF FACTORY TRA…” (p. 429) to');
		const page = toToc(three, context).split('\n');
		expect(page).toContain('TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920\t181');
		expect(page[page.indexOf('Concluding Remarks\t435') - 1]).toMatch(/^SPEECH DELIVERED AT A GENERAL MEETING OF COMMUNISTS OF ZAMOSKVORECHYE DISTRICT/);
		// The text report says so.
		expect(toText(three, context)).toContain('decided: printing C is right');
	});

	it('writes the corrected page and the errata of C (--base c): its own lines, its line numbers bare', () => {
		const printedC = text.split('\n').slice(223, 346);
		expect(toToc(three, {decisions: noDecisions, sources, base: 'c'})).toBe(`${printedC.join('\n')}\n`);
		// A is right that there is no such entry; C's own line goes, and the errata say so at C's line.
		const context = deciding([[onlyC, 'a']], 'c');
		expect(toToc(three, context).split('\n')).not.toContain('Concluding Remarks\t435');
		const errata = toMarkdown(three, context);
		expect(errata).toContain("Line numbers are printing C's unless another printing is named");
		expect(errata).toContain('- p. 435, line 328: delete “Concluding Remarks … 435” — extra, as in A');
		// A decision for B's reading: what C must change too, at its own line.
		expect(toMarkdown(three, deciding([[presidium, 'b']], 'c'))).toContain('- p. 181, line 277: for “PRESIDIUM” read “PRESIDUM” — ocr, number, as in B');
	});

	it('gives C a column in the HTML report, with the suggestions under each difference', () => {
		const html = toHtml(three, deciding([[presidium, 'c']]));
		expect(html).toContain('<th class="line">C line</th><th>Printing C</th>');
		expect(html).toContain('<h1>Contents compared: printings A, B and C</h1>');
		const row = html.split('\n').find((line) => line.startsWith(`<tr id="row-${presidium + 1}"`))!;
		expect(row).toContain('<td class="line">277</td><td class="reading chosen">TELEPHONE MESSAGE TO THE PRESIDIUM');
		expect(row).toContain('<span class="suggestion">probably A (0.99): C reads “PRESIDIUM” too;');
		expect(row).toContain('<td class="decision">C is right</td>');
		const only = html.split('\n').find((line) => line.startsWith(`<tr id="row-${onlyC + 1}"`))!;
		expect(only).toContain('<span class="empty">not in A</span>');
		expect(only).toContain('<td class="line">328</td><td class="reading">');
		expect(only).toContain('<span class="suggestion">even: A has no such entry; C has it</span>');
	});

	it('gives C a reading in every TEI apparatus entry, its lem where chosen, its row as an app of its own', () => {
		const tei = toTei(three, deciding([[presidium, 'c']]));
		expect(XMLValidator.validate(tei)).toBe(true);
		const parsed = new XMLParser({ignoreAttributes: false}).parse(tei) as object;
		expect(parsed).toBeDefined();
		expect(tei).toContain(
			`<app xml:id="row-${presidium + 1}" type="changed" loc="A:52 B:175 C:277" ana="#kind-ocr #kind-number #severity-substantive">\n\t\t\t\t\t\t<lem wit="#C">TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920\t181</lem>`,
		);
		expect(tei).toContain(
			`<app xml:id="row-${onlyC + 1}" type="only-other" loc="C:328" ana="#kind-extra #severity-substantive">\n\t\t\t\t\t\t<rdg wit="#A"/>\n\t\t\t\t\t\t<rdg wit="#B"/>\n\t\t\t\t\t\t<rdg wit="#C">Concluding Remarks\t435</rdg>\n\t\t\t\t\t\t<note type="suggestion" subtype="extra" cert="0.50">even: A has no such entry; C has it</note>`,
		);
	});

	it('gives C its reading and the checks their column in the CSV, and a record of its own to the entry only C has', () => {
		const records = parseCsv<Record<string, string>>(toCsv(three, {decisions: noDecisions, sources}), {columns: true});
		expect(records.find((record) => record.kind === 'ocr')).toMatchObject({
			suggestion: 'a',
			confidence: '0.99',
			others: 'C 277: TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920 181',
		});
		expect(records.find((record) => record.row === String(onlyC + 1))).toMatchObject({
			a_lines: '',
			b_lines: '',
			page: '435',
			kind: 'extra',
			a: '',
			b: '',
			confidence: '0.50',
			why: 'A has no such entry; C has it',
			others: 'C 328: Concluding Remarks 435',
		});
	});

	it('keeps the JSON report additive: the row, its readings, and a decision for C', () => {
		const report = reportObject(three, deciding([[onlyC, 'c']])) as {rows: Array<Record<string, unknown>>; summary: {status: Record<string, number>}};
		expect(report.rows[onlyC]).toMatchObject({
			status: 'only-other',
			a: null,
			b: null,
			others: [{printing: 'C', item: {lines: [328, 328], title: 'Concluding Remarks', page: '435'}}],
			decision: {verdict: 'c'},
		});
		expect(report.summary.status).toEqual({same: 81, changed: 4, 'only-a': 19, 'only-b': 2, moved: 0, 'only-other': 1});
	});
});
