import {describe, expect, it} from 'vitest';
import {rowKeys, type Decision, type Verdict} from '../../src/core/decisions.js';
import type {Comparison} from '../../src/core/types.js';
import type {ReportContext} from '../../src/report/context.js';
import {toMarkdown} from '../../src/report/markdown.js';
import {compare} from '../../src/core/compare.js';
import {seed, seedSources, undecided} from './seed.js';

function decide(comparison: Comparison, verdicts: ReadonlyArray<readonly [number, Verdict]>, base?: 'a' | 'b'): ReportContext {
	const keys = rowKeys(comparison.rows);
	const byRow = new Map<number, Decision>(verdicts.map(([index, verdict]) => [index, {key: keys[index]!, verdict}]));
	return {decisions: {byRow, orphans: []}, sources: seedSources, ...(base === undefined ? {} : {base})};
}

const rowOf = (line: number, side: 'a' | 'b' = 'a'): number => seed.rows.findIndex((row) => row[side]?.lines[0] === line);
const entries = (markdown: string): string[] => markdown.split('\n').filter((line) => line.startsWith('- '));
const truncated = seed.rows.flatMap((row, index) => (row.status === 'only-a' ? [index] : []));

describe('toMarkdown', () => {
	it('writes the book-trade form for a decided number (#4)', () => {
		const markdown = toMarkdown(seed, decide(seed, [[rowOf(52), 'b']]));
		expect(markdown).toContain('- p. 181 (line 52): for “JULY 1” read “JULY 4” — number, as in B');
		expect(markdown).toContain('- p. 181 (line 52): for “PRESIDIUM” read “PRESIDUM” — ocr, as in B');
	});

	it('reads a correction typed with spaces where the printing has a tab as no change to that printing, and names each change to the other', () => {
		// The screen offers A's reading as one line, `…JULY 1, 1920  181`; kept as it is, A needs no erratum.
		const row = rowOf(52);
		const key = rowKeys(seed.rows)[row]!;
		const asOffered = 'TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 1, 1920  181';
		const markdown = toMarkdown(seed, {decisions: {byRow: new Map([[row, {key, verdict: 'edit', text: asOffered}]]), orphans: []}, sources: seedSources});
		expect(entries(markdown).filter((line) => line.includes('edited'))).toEqual([
			'- p. 181, B line 176: for “PRESIDUM” read “PRESIDIUM”, for “JULY 4” read “JULY 1” — ocr, number, edited',
		]);
	});

	it('keeps a row that carries only a note among the undecided', () => {
		const keys = rowKeys(seed.rows);
		const notes = [rowOf(52), rowOf(101), rowOf(137, 'b')];
		const byRow = new Map<number, Decision>(notes.map((index) => [index, {key: keys[index]!, note: 'check the scan'}]));
		const markdown = toMarkdown(seed, {decisions: {byRow, orphans: []}, sources: seedSources});
		expect(markdown).not.toContain('marked as not errors');
		expect(markdown).toContain('- p. 181 (line 52; B line 176): A “JULY 1”, B “JULY 4” — number, undecided. Note: check the scan');
		expect(entries(markdown).filter((line) => line.includes('undecided') && line.endsWith('. Note: check the scan'))).toHaveLength(4);
	});

	it('gives both readings of an undecided difference', () => {
		expect(toMarkdown(seed, undecided)).toContain('- p. 181 (line 52; B line 176): A “JULY 1”, B “JULY 4” — number, undecided');
	});

	it('lists a truncated printing as one line', () => {
		const lines = entries(toMarkdown(seed, undecided)).filter((line) => line.includes('truncation'));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^- lines 101–121: 19 items, from “SPEECH DELIVERED AT .*” \(p\. 430\) to .* are not in B, which stops after B line 223 — truncation, undecided$/,
		);
	});

	it('splits a truncated run where the decisions change', () => {
		const context = decide(
			seed,
			truncated.slice(0, 2).map((index) => [index, 'a'] as const),
		);
		const lines = entries(toMarkdown(seed, context)).filter((line) => line.includes('truncation'));
		expect(lines).toEqual([
			expect.stringMatching(/^- B stops after B line 223: insert lines 101–102 of A, 2 items, from .* — truncation, as in A$/),
			expect.stringMatching(/^- lines 103–121: 17 items, .* — truncation, undecided$/),
		]);
	});

	it('says "is" of one lost item and "are" of several', () => {
		const context = decide(seed, [
			[truncated[0]!, 'not-error'],
			[truncated[2]!, 'not-error'],
		]);
		const lines = entries(toMarkdown(seed, context)).filter((line) => line.includes('truncation'));
		const single = lines.filter((line) => line.includes(' 1 item, '));
		expect(single).toHaveLength(3);
		for (const line of single) expect(line).toMatch(/1 item, “.*” \(p\. \d+\), is not in B, which stops/);
		expect(lines.some((line) => /\d+ items, from .* are not in B/.test(line))).toBe(true);
	});

	it('says where a moved entry stands in each printing, and where a decision puts it', () => {
		const contents = (list: readonly string[]) => list.map((title, k) => `${title}\t${k * 4 + 1}`).join('\n');
		const titles = ['Preface', 'The Journey Out', 'The Harbour Town', 'A Winter at Sea', 'The Voyage Home', 'Notes on the Charts', 'Index'];
		const moved = compare([
			{name: 'a.txt', text: contents(titles)},
			{name: 'b.txt', text: contents([titles[0]!, titles[2]!, titles[3]!, titles[4]!, titles[1]!, titles[5]!, titles[6]!])},
		]);
		const index = moved.rows.findIndex((row) => row.status === 'moved');
		expect(index).toBeGreaterThanOrEqual(0);
		const title = moved.rows[index]!.a!.title;
		const undecidedLine = entries(toMarkdown(moved, {decisions: {byRow: new Map(), orphans: []}, sources: []})).find((line) => line.includes('moved'));
		expect(undecidedLine).toMatch(new RegExp(`“${title}” stands (?:first|after “[^”]+”) in A and after “[^”]+” in B — moved, undecided`));
		const decidedLine = entries(toMarkdown(moved, decide(moved, [[index, 'b']]))).find((line) => line.includes('moved'));
		expect(decidedLine).toMatch(new RegExp(`move “${title}” to stand after “[^”]+” — moved, as in B`));
	});

	it('marks entries found in one printing only, and their decisions', () => {
		const only = rowOf(137, 'b');
		expect(toMarkdown(seed, undecided)).toContain('- B line 137: “TRANSLATED FROM THE RUSSIAN” is in B only — extra, undecided');
		expect(toMarkdown(seed, decide(seed, [[only, 'a']]))).toContain('- B line 137: delete “TRANSLATED FROM THE RUSSIAN” — extra, as in A');
		expect(toMarkdown(seed, decide(seed, [[only, 'b']]))).toContain('- after line 14: insert “TRANSLATED FROM THE RUSSIAN” (from B line 137) — extra, as in B');
	});

	it('numbers lines after the base printing', () => {
		const markdown = toMarkdown(seed, decide(seed, [[rowOf(52), 'a']], 'b'));
		expect(markdown).toContain('- p. 181 (line 176): for “JULY 4” read “JULY 1” — number, as in A');
		expect(markdown).toContain("Line numbers are printing B's");
	});

	it('escapes Markdown in readings and lists decisions that match no row', () => {
		const orphan: Decision = {key: 'gone', verdict: 'b', a: '<i>Notes</i> | *537*', b: 'Notes\t537', note: 'old_run'};
		const markdown = toMarkdown(seed, {decisions: {byRow: new Map(), orphans: [orphan]}, sources: seedSources});
		expect(markdown).toContain('## Decisions that match no row');
		expect(markdown).toContain('- A “*Notes* \\| \\*537\\*”, B “Notes … 537”: B chosen. Note: old\\_run');
	});

	it('has a summary table with one line per severity and a total', () => {
		const markdown = toMarkdown(seed, undecided);
		expect(markdown).toMatch(
			/\| Severity \| Differences \| Decided \| Undecided \|\n\| --- \| ---: \| ---: \| ---: \|\n\| ▲ Substantive \| \d+ \| 0 \| \d+ \|/,
		);
		expect(markdown).toContain(`| **Total** | **24** | **0** | **24** |`);
	});
});

describe('a correction that changes two things in a line', () => {
	it('names each apart: the hyphen and the page', () => {
		const pair = compare([
			{name: 'a.txt', text: 'Preface\t1\nXII. FOLK MEDICINE AND LEECH CRAFT.\t422\nIndex\t500'},
			{name: 'b.txt', text: 'Preface\t1\nXII. FOLK MEDICINE AND LEECH CRAFT.\t430\nIndex\t500'},
		]);
		const index = pair.rows.findIndex((row) => row.status === 'changed');
		const context: ReportContext = {
			decisions: {byRow: new Map([[index, {key: rowKeys(pair.rows)[index]!, verdict: 'edit', text: 'XII. FOLK MEDICINE AND LEECH-CRAFT.  430'}]]), orphans: []},
			sources: [],
		};
		expect(entries(toMarkdown(pair, context)).find((line) => line.includes('edited'))).toBe(
			'- p. 422, line 2: for “LEECH CRAFT” read “LEECH-CRAFT”, for “422” read “430”; B line 2: for “LEECH CRAFT” read “LEECH-CRAFT” — page, edited',
		);
	});
});
