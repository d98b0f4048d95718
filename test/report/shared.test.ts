import {parse as parseCsv} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {rowKeys, type Decision} from '../../src/core/decisions.js';
import type {ReportContext} from '../../src/report/context.js';
import {toCsv} from '../../src/report/csv.js';
import {sharedCorrections} from '../../src/report/findings.js';
import {toHtml} from '../../src/report/html.js';
import {toMarkdown} from '../../src/report/markdown.js';
import {toTei} from '../../src/report/tei.js';
import {toText} from '../../src/report/text.js';
import {seed, seedSources} from './seed.js';

// Both printings read `TELEGRAM TO J. V. STALIN, AUGUST 2, 1920  264`; the reviewer corrects the page.
const row = seed.rows.findIndex((r) => r.status === 'same' && r.a.title === 'TELEGRAM TO J. V. STALIN, AUGUST 2, 1920');
const corrected = 'TELEGRAM TO J. V. STALIN, AUGUST 2, 1920  999';
const context = (decision: Omit<Decision, 'key'>): ReportContext => ({
	decisions: {byRow: new Map([[row, {key: rowKeys(seed.rows)[row]!, ...decision}]]), orphans: []},
	sources: seedSources,
});
const edited = context({verdict: 'edit', text: corrected, note: 'checked against the text'});

describe('a correction of what both printings read (a shared error)', () => {
	it('is classified by what it changes', () => {
		expect(row).toBeGreaterThan(0);
		expect(sharedCorrections(seed, edited).map(({index, differences}) => [index, differences.map((d) => [d.kind, d.severity, d.a, d.b])])).toEqual([
			[row, [['page', 'substantive', '264', '999']]],
		]);
		// Typed as offered, or a note alone, it corrects nothing.
		expect(sharedCorrections(seed, context({verdict: 'edit', text: 'TELEGRAM TO J. V. STALIN, AUGUST 2, 1920  264'}))).toEqual([]);
		expect(sharedCorrections(seed, context({note: 'looked at'}))).toEqual([]);
	});

	it('is an erratum in every report that lists them', () => {
		expect(toMarkdown(seed, edited)).toContain(
			'- p. 264 (line 71; B line 195): for “264” read “999” — page, edited; both printings read it so. Note: checked against the text\n',
		);
		const record = parseCsv<Record<string, string>>(toCsv(seed, edited), {columns: true}).find((r) => r.row === String(row + 1));
		expect(record).toMatchObject({
			kind: 'page',
			severity: 'substantive',
			a: '264',
			b: '264',
			decision: 'edit',
			edit: corrected,
			note: 'checked against the text',
		});
		expect(toText(seed, edited)).toContain(
			`= A 71 · B 195  page, corrected in both printings\n    TELEGRAM TO J. V. STALIN, AUGUST 2, 1920  264\n    page (substantive): “264” → “999”\n    decided: corrected by hand “${corrected}”\n    note: checked against the text\n`,
		);
		expect(toTei(seed, edited)).toContain(`<lem>${corrected}</lem>`);
		// Counted as every erratum is: one more substantive difference, decided.
		expect(toMarkdown(seed, edited)).toContain('| ▲ Substantive | 21 | 1 | 20 |');
		expect(toHtml(seed, edited)).toContain('Total</th><th>25</th><th>1</th>');
	});
});
