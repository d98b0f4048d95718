import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {rowKeys} from '../../src/core/decisions.js';
import {toCsv} from '../../src/report/csv.js';
import {escapeHtml} from '../../src/report/escape.js';
import {findingsOf} from '../../src/report/findings.js';
import {toHtml} from '../../src/report/html.js';
import {toMarkdown} from '../../src/report/markdown.js';
import {repaginatedText} from './fixtures.js';

const text = repaginatedText;
const comparison = compare([{name: 'r.txt', text}]);
const context = {decisions: {byRow: new Map(), orphans: []}, sources: [{name: 'r.txt', text}]};

// A repaginated edition: B's pages run 4 ahead on 69 entries, which its check names once (#7).
describe('differences a check explains', () => {
	const explained = comparison.rows.flatMap((row) => row.differences).filter((difference) => difference.explainedBy === 'page-offset').length;
	const open = comparison.rows.flatMap((row) => row.open).length;

	it('are left out of every errata report alike', () => {
		expect(explained).toBeGreaterThan(60);
		expect(findingsOf(comparison, context)).toHaveLength(open);
		expect(toMarkdown(comparison, context)).toContain(`| **Total** | **${open}** |`);
		expect(toHtml(comparison, context)).toContain(`Total</th><th>${open}<`);
		// A record per open difference; the checks on rows with none, and the page offset, a record each (#16).
		const records = toCsv(comparison, context).trimEnd().split('\n').slice(1);
		const checkKinds = new Set(comparison.checks.map((check) => check.kind));
		expect(records.filter((record) => !checkKinds.has(record.split(',')[5] as never))).toHaveLength(open);
		expect(records.filter((record) => record.split(',')[5] === 'page-offset')).toHaveLength(1);
	});

	it('are marked in the HTML table, which lists the checks that explain them', () => {
		const html = toHtml(comparison, context);
		expect(html).toContain('<h2 id="checks">Checks</h2>');
		for (const check of comparison.checks) expect(html).toContain(escapeHtml(check.message));
		expect(html).toContain(`<p>${explained} page differences that the page offset explains are not counted above; the table marks them “by the offset”.</p>`);
		expect(html.match(/<li class="explained"[^>]*>page, by the offset<\/li>/g)).toHaveLength(explained);
	});

	it('give a row no severity of their own, and do not make it differ (#14)', () => {
		const onlyExplained = comparison.rows.filter(
			(row) => row.differences.length > 0 && row.differences.every((difference) => difference.explainedBy !== undefined),
		);
		expect(onlyExplained.length).toBeGreaterThan(0);
		for (const row of onlyExplained) {
			expect(row.open).toEqual([]);
			expect(row.worst).toBeUndefined();
		}

		expect(comparison.summary.differing).toBe(comparison.rows.length - comparison.summary.status.same - onlyExplained.length);
	});
});

describe('an erratum in a repaginated edition', () => {
	it('cites the page of the printing it corrects', () => {
		// A row whose pages follow the offset and whose title differs too: A is right, so B is corrected on B's page.
		const index = comparison.rows.findIndex(
			(row) => row.a?.page !== undefined && row.b?.page !== undefined && row.a.page !== row.b.page && row.open.some((d) => d.field === 'title'),
		);
		expect(index).toBeGreaterThanOrEqual(0);
		const row = comparison.rows[index]!;
		const decided = {
			decisions: {byRow: new Map([[index, {key: rowKeys(comparison.rows)[index]!, verdict: 'a' as const}]]), orphans: []},
			sources: [{name: 'r.txt', text}],
		};
		const line = toMarkdown(comparison, decided)
			.split('\n')
			.find((entry) => entry.includes(`B line ${row.b!.lines[0]}`) && entry.includes('as in A'));
		expect(line).toMatch(new RegExp(`^- p\\. ${row.b!.page} \\(B line ${row.b!.lines[0]}\\)`));
	});
});
