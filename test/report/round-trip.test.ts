import {readFileSync} from 'node:fs';
import {parse as parseCsv} from 'csv-parse/sync';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {describe, expect, it} from 'vitest';
import {rowKeys} from '../../src/core/decisions.js';
import type {RowDraft} from '../../src/core/types.js';
import {noDecisions, type ReportContext} from '../../src/report/context.js';
import {csvColumns, toCsv} from '../../src/report/csv.js';
import {toHtml} from '../../src/report/html.js';
import {formatLines} from '../../src/report/findings.js';
import {toTei} from '../../src/report/tei.js';
import {compare} from '../../src/core/compare.js';
import {comparisonOf, makeItem} from './fixtures.js';

const two = (a: string, b: string) =>
	compare([
		{name: 'a.txt', text: a},
		{name: 'b.txt', text: b},
	]);
import {decided, seed, undecided} from './seed.js';

/** A reading with everything the formats must escape: quotes, commas, markup, entities, controls, CR/LF. */
const nasty = 'A "quoted", <b>bold</b> & ]]> \u0001 <i>it</i>\r\nend';
const nastyRows: RowDraft[] = [
	{
		status: 'changed',
		a: makeItem(0, 1, 'Plain\t1'),
		b: makeItem(0, 1, nasty),
		similarity: 0.1,
		differences: [{kind: 'words', severity: 'substantive', field: 'title', a: 'Plain', b: nasty}],
	},
];
const nastyComparison = comparisonOf(
	nastyRows,
	{id: 'A', source: 'a&b.txt', lines: [1, 1], items: [nastyRows[0]!.a!]},
	{id: 'B', source: '<b>.txt', lines: [1, 2], items: [nastyRows[0]!.b!]},
);
const nastyContext: ReportContext = {
	decisions: {byRow: new Map([[0, {key: rowKeys(nastyRows)[0]!, verdict: 'edit', text: nasty, note: '"note", <x>'}]]), orphans: []},
	sources: [],
};

type CsvRecord = Record<(typeof csvColumns)[number], string>;
const readCsv = (text: string): CsvRecord[] => parseCsv<CsvRecord>(text, {columns: true, record_delimiter: '\r\n'});

describe('the CSV export', () => {
	it('parses back to one record per difference with the header row', () => {
		const records = readCsv(toCsv(seed, decided));
		// A record per open difference, and one for B's title page, a check on rows with none (#16).
		expect(records).toHaveLength(seed.rows.reduce((sum, row) => sum + row.open.length, 0) + seed.checks.length);
		expect(records.filter((record) => record.kind === 'title-page')).toHaveLength(1);
		expect(Object.keys(records[0]!)).toEqual([...csvColumns]);
		expect(records.find((record) => record.kind === 'number')).toMatchObject({
			a_lines: '52',
			b_lines: '176',
			page: '181',
			severity: 'substantive',
			a: 'JULY 1',
			b: 'JULY 4',
			decision: 'edit',
			note: 'Date checked against the text on p. 181.',
		});
		expect(records.find((record) => record.kind === 'leaders')?.a).toBe('. .');
		// The suggestion, where the evidence takes a side; where it is even, no reading, 0.50 and why (#16).
		expect(records.find((record) => record.kind === 'ocr')).toMatchObject({
			suggestion: 'a',
			confidence: '0.90',
			why: '“PRESIDIUM” is in the English dictionary and “PRESIDUM” is not',
		});
		expect(records.find((record) => record.kind === 'number')).toMatchObject({suggestion: '', confidence: '0.50', why: 'nothing tells which number is right'});
		// Two printings, and no check but the title page's own record: the further readings and the checks column are empty.
		expect(records.every((record) => record.others === '' && (record.checks === '' || record.kind === 'title-page'))).toBe(true);
	});

	it('gives the checks a column, and a check on no row with a record (the page offset) a record of its own (#16)', () => {
		const repaginated = compare([{name: 'r.txt', text: readFileSync(new URL('../fixtures/checks/lenin-cw31-repaginated.txt', import.meta.url), 'utf8')}]);
		const records = readCsv(toCsv(repaginated, {decisions: noDecisions, sources: []}));
		expect(records.find((record) => record.a_lines === '34')).toMatchObject({
			kind: 'number',
			checks: 'A 34 numbering: “II.” between “П.” and “IV.” should be III',
		});
		expect(records.filter((record) => record.kind === 'page-offset')).toEqual([
			expect.objectContaining({
				row: '',
				b_lines: '143-215',
				severity: '',
				checks:
					"B 143-215 page-offset: B's pages run 4 ahead of A's on 69 entries (a repaginated edition?): their page differences are explained by the offset",
			}),
		]);
		// Every check is in the table, on a difference's record or on one of its own.
		for (const check of repaginated.checks) expect(records.some((record) => record.checks.includes(check.message))).toBe(true);
	});

	it('ends every record with CRLF', () => {
		const text = toCsv(seed, undecided);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
	});

	it('keeps quotes, commas and line breaks inside a field', () => {
		const [record] = readCsv(toCsv(nastyComparison, nastyContext));
		expect(record?.b).toBe(nasty);
		expect(record?.edit).toBe(nasty);
		expect(record?.note).toBe('"note", <x>');
	});
});

const xml = new XMLParser({ignoreAttributes: false, preserveOrder: false, trimValues: false});

describe('the TEI export', () => {
	it.each([
		['without decisions', undecided],
		['with decisions', decided],
	])('is well-formed %s', (_, context) => {
		expect(XMLValidator.validate(toTei(seed, context))).toBe(true);
	});

	it('lists the printings as witnesses and every differing row as an app', () => {
		const document = xml.parse(toTei(seed, undecided)) as {
			TEI: {teiHeader: {fileDesc: {sourceDesc: {listWit: {witness: Array<Record<string, string>>}}}}; text: {body: {list: {item: unknown[]}}}};
		};
		const witnesses = document.TEI.teiHeader.fileDesc.sourceDesc.listWit.witness;
		expect(witnesses.map((witness) => witness['@_xml:id'])).toEqual(['A', 'B']);
		const apps = document.TEI.text.body.list.item.filter((item) => typeof item === 'object' && item !== null && 'app' in item);
		expect(apps).toHaveLength(seed.rows.filter((row) => row.status !== 'same').length);
	});

	it('lists the checks in the back, each pointing at its witness, and the suggestions on every open difference (#16)', () => {
		const repaginated = compare([{name: 'r.txt', text: readFileSync(new URL('../fixtures/checks/lenin-cw31-repaginated.txt', import.meta.url), 'utf8')}]);
		const tei = toTei(repaginated, {decisions: noDecisions, sources: []});
		expect(XMLValidator.validate(tei)).toBe(true);
		const document = xml.parse(tei) as {TEI: {text: {back: {div: {'@_type': string; list: {item: Array<Record<string, string>>}}}}}};
		const {div} = document.TEI.text.back;
		expect(div['@_type']).toBe('checks');
		expect(div.list.item.map((item) => [item['@_type'], item['@_corresp'], item['@_n']])).toEqual(
			repaginated.checks.map((check) => [check.kind, `#${check.printing}`, formatLines(check.lines, '-')]),
		);
		const suggested =
			'<note type="suggestion" subtype="ocr" cert="0.90" corresp="#A">probably A (0.90): “PRESIDIUM” is in the English dictionary and “PRESIDUM” is not</note>';
		expect(toTei(seed, undecided)).toContain(suggested);
		// Decided or not, as the text report gives them; even evidence too, pointing at no witness.
		expect(toTei(seed, decided)).toContain(suggested);
		expect(toTei(seed, decided)).toContain('<note type="suggestion" subtype="number" cert="0.50">even: nothing tells which number is right</note>');
	});

	it('marks the chosen reading with lem', () => {
		const tei = toTei(seed, decided);
		expect(tei).toContain('<lem wit="#B">ON THE STRUGGLE WITHIN THE ITALIAN SOCIALIST PARTY\t377</lem>');
		expect(tei).toContain('<lem>TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920\t181</lem>');
		expect(toTei(seed, undecided)).not.toContain('<lem');
	});

	it('stays well-formed and keeps the text with markup, entities and control characters', () => {
		const tei = toTei(nastyComparison, nastyContext);
		expect(XMLValidator.validate(tei)).toBe(true);
		expect(tei).toContain('A "quoted", &lt;b&gt;bold&lt;/b&gt; &amp; ]]&gt; \uFFFD <hi rend="italic">it</hi><lb/>end');
		expect(tei).toContain('<witness xml:id="B">Printing B: &lt;b&gt;.txt, lines 1–2</witness>');
	});
});

describe('the HTML export', () => {
	const html = toHtml(seed, decided);

	it('is one self-contained file: no script, no external resource', () => {
		expect(html).not.toMatch(/<script|<link|\bsrc=|url\(|@import|https?:/i);
	});

	it('parses as XML-compatible markup wherever tags open and close', () => {
		// The page avoids optional end tags, so an XML parser checks that tags nest.
		const body = html
			.slice(html.indexOf('<body>'), html.indexOf('</body>') + 7)
			.replaceAll(/<(br|input)([^>]*)>/g, '<$1$2/>')
			.replaceAll(' checked/', '/');
		expect(XMLValidator.validate(body.replaceAll('&nbsp;', ' '))).toBe(true);
	});

	it('has a summary, a legend with glyphs and words, and one table row per comparison row', () => {
		expect(html).toContain('<h2 id="summary">Summary</h2>');
		for (const word of ['▲ substantive', '◆ minor', '○ cosmetic']) expect(html).toContain(word);
		expect(html.match(/<tr id="row-/g)).toHaveLength(seed.rows.length);
		expect(html).toContain('JULY <mark>1</mark>');
		expect(html).toContain('JULY <mark>4</mark>');
	});

	it('escapes readings and sources', () => {
		const page = toHtml(nastyComparison, nastyContext);
		expect(page).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; ]]&gt;');
		expect(page).not.toContain('<b>bold');
		expect(page).toContain('&lt;b&gt;.txt');
	});

	it('shows each printing without decisions', () => {
		expect(toHtml(seed, {decisions: noDecisions, sources: []})).not.toContain('class="reading chosen"');
	});
});

describe('the HTML export of a French contents page', () => {
	it('marks each reading with the language of the contents, and the page with English', () => {
		const text = readFileSync(new URL('../fixtures/eval/entre-nous-vos-1906-fr.txt', import.meta.url), 'utf8');
		const french = compare([
			{name: 'a.txt', text},
			{name: 'b.txt', text: text.replace('Docteur', 'Dockteur')},
		]);
		expect(french.language).toBe('fr');
		const html = toHtml(french, {decisions: noDecisions, sources: []});
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('<td class="reading" lang="fr">        V. Voilà le Doc<mark>k</mark>teur');
		expect(html).not.toMatch(/<td class="reading">(?!<span class="empty">)/);
		expect(toHtml(seed, undecided)).not.toContain('lang="fr"');
	});
});

describe('CSV and spreadsheets', () => {
	it('writes readings that a spreadsheet would run as formulas as text', () => {
		const comparison = two('Preface\t1\nVI. FAIRIES.\t198\nIndex\t300', 'Preface\t1\n=1+1 FAIRIES.\t198\nIndex\t300');
		const records = parseCsv<Record<string, string>>(toCsv(comparison, {decisions: noDecisions, sources: []}), {columns: true});
		const readings = records.flatMap((record) => [record['a'], record['b']]);
		expect(readings).toContain("'=1+1");
		expect(records).toHaveLength(1);
		expect(readings.every((cell) => !/^[=+@]/.test(cell ?? ''))).toBe(true);
	});
});
