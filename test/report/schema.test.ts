import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compare, CompareError, matchDecisions, rowKeys, type Comparison, type Decision} from '../../src/core/index.js';
import {loadFixtures} from '../../src/eval/fixtures.js';
import {makeNoisyPair} from '../../src/eval/noise.js';
import {noDecisions, type ReportContext} from '../../src/report/context.js';
import {reportObject} from '../../src/report/json.js';
import {printingsOf} from '../../src/soak/cases.js';
import {reportProblems} from '../../src/soak/report-schema.js';
import {seedText, threePrintingsWithANote} from './fixtures.js';
import {decided, seed, undecided} from './seed.js';
import {fuzzRuns} from '../fuzz/arbitraries.js';
import {isTextName} from '../../src/cli/batch-files.js';

const fixtures = loadFixtures();
const samplesDirectory = fileURLToPath(new URL('../../samples/', import.meta.url));

/** The report of `sources` as plain JSON, as a script reads it. */
function reportOf(comparison: Comparison, context: ReportContext): unknown {
	return JSON.parse(JSON.stringify(reportObject(comparison, context)));
}

function expectValid(report: unknown): void {
	expect(reportProblems(report)).toEqual([]);
}

type Lines = readonly [number, number];
type ReportLines = {printings: Array<{lines: Lines}>; rows: Array<{a: {lines: Lines; text: string} | null; b: {lines: Lines; text: string} | null}>};

/**
 * What the schema cannot say about lines (json-report.md, "Lines"): a printing runs from its first
 * to its last non-empty line, and an item lies inside its printing, starting with the line it prints.
 */
function lineProblems(report: ReportLines, sources: ReadonlyArray<{readonly text: string}>): string[] {
	const problems: string[] = [];
	const fileOf = (i: number): string[] => sources[Math.min(i, sources.length - 1)]!.text.split('\n');
	for (const [i, side] of (['a', 'b'] as const).entries()) {
		const file = fileOf(i);
		const [first, last] = report.printings[i]!.lines;
		if (file[first - 1]?.trim() === '' || file[last - 1]?.trim() === '' || first > last)
			problems.push(`printing ${i}: lines ${first}-${last} do not run from text to text`);
		for (const row of report.rows) {
			const item = row[side];
			if (item === null) continue;
			if (item.lines[0] < first || item.lines[1] > last || item.lines[0] > item.lines[1])
				problems.push(`${side} item ${item.lines.join('-')} outside ${first}-${last}`);
			if (item.text.split('\n')[0] !== file[item.lines[0] - 1]) problems.push(`${side} item at ${item.lines[0]} is not the line printed there`);
		}
	}

	return problems;
}

/** The seed's report as plain JSON, for a test to spoil. */
const seedReport = (): Record<string, any> => reportOf(seed, decided) as Record<string, any>;

describe('the JSON schema (schema/tocdiff-report.schema.json)', () => {
	it('accepts the seed report, the golden file, with and without decisions', () => {
		expectValid(JSON.parse(readFileSync(new URL('../fixtures/expected/seed.json', import.meta.url), 'utf8')));
		expectValid(reportOf(seed, undecided));
		expectValid(reportOf(seed, decided));
	});

	it('accepts the report of every sample, and of its printings given as two files', () => {
		// As --batch picks them: the reports a user exports beside a sample (`*.errata.txt`) are not samples.
		const samples = readdirSync(samplesDirectory).filter((name) => name.endsWith('.txt') && isTextName(name));
		expect(samples.length).toBeGreaterThan(0);
		for (const name of samples) {
			const text = readFileSync(`${samplesDirectory}${name}`, 'utf8');
			const one = compare([{name, text}]);
			expectValid(reportOf(one, {decisions: noDecisions, sources: [{name, text}]}));
			// The printings as two files, each cut out of the sample at the lines the split found.
			const lines = text.split('\n');
			const parts = one.printings.slice(0, 2).map((p) => ({name: `${name}-${p.id}`, text: lines.slice(p.lines[0] - 1, p.lines[1]).join('\n')}));
			expectValid(reportOf(compare(parts), {decisions: noDecisions, sources: parts}));
		}
	});

	it.each(fixtures.map((f) => [f.name, f] as const))('accepts the reports of the eval fixture %s, alone and as noisy pairs', (_name, fixture) => {
		const same = compare([
			{name: 'a.txt', text: fixture.text},
			{name: 'b.txt', text: fixture.text},
		]);
		expect(same.summary.differing).toBe(0);
		expectValid(reportOf(same, {decisions: noDecisions, sources: []}));
		for (const mode of ['two-files', 'one-file'] as const) {
			const pair = makeNoisyPair(fixture, 1, {mode});
			expectValid(reportOf(compare(pair.sources), {decisions: noDecisions, sources: pair.sources}));
		}
	});

	it('accepts the report of any printings the noise model makes, with any decisions', () => {
		const scenario = fc.record({
			page: fc.nat(fixtures.length),
			seed: fc.nat(),
			mode: fc.constantFrom('two-files' as const, 'one-file' as const),
			noise: fc.constantFrom(0, 0.5, 1, 2, 4),
		});
		const verdict = fc.option(fc.constantFrom('a' as const, 'b' as const, 'edit' as const, 'not-error' as const), {nil: undefined});
		const decision = fc.record({pick: fc.nat(), verdict, note: fc.option(fc.string(), {nil: undefined}), orphan: fc.boolean()});
		fc.assert(
			fc.property(scenario, fc.array(decision, {maxLength: 5}), (s, picks) => {
				const pair = printingsOf(s, fixtures);
				let comparison: Comparison;
				try {
					comparison = compare(pair.sources);
				} catch (error) {
					// A one-file pair whose split is not found is an expected failure, not a report.
					if (error instanceof CompareError) return;
					throw error;
				}

				const keys = rowKeys(comparison.rows);
				const decisions: Decision[] = picks.map((p) => ({
					key: p.orphan || keys.length === 0 ? `gone-${p.pick}` : keys[p.pick % keys.length]!,
					...(p.verdict === undefined ? {} : {verdict: p.verdict}),
					...(p.verdict === 'edit' ? {text: 'corrected'} : {}),
					...(p.note === undefined ? {} : {note: p.note}),
				}));
				const report = reportOf(comparison, {decisions: matchDecisions(comparison.rows, decisions), sources: pair.sources});
				expectValid(report);
				expect(lineProblems(report as ReportLines, pair.sources)).toEqual([]);
			}),
			{numRuns: fuzzRuns(40)},
		);
	});

	it('accepts the report of three printings, with an entry only the third has', () => {
		const sources = threePrintingsWithANote();
		const comparison = compare(sources);
		const report = reportOf(comparison, {decisions: noDecisions, sources}) as {rows: Array<{status: string}>; summary: {status: Record<string, number>}};
		// The entry only C has is a row of its own (#16), and a decision may choose C's reading.
		expect(report.rows.filter((row) => row.status === 'only-other')).toHaveLength(1);
		expect(report.summary.status['only-other']).toBe(1);
		expectValid(report);
		const row = comparison.rows.findIndex((each) => each.status === 'only-other');
		const key = comparison.rows[row]!.key;
		const chosen = {byRow: new Map([[row, {key, verdict: 'c' as const, others: {C: 'A Note on the Translation\t15'}}]]), orphans: []};
		expectValid(reportOf(comparison, {decisions: chosen, sources}));
	});

	it('accepts the report of an edition that numbers its chapters anew', () => {
		const chapters = (numbers: readonly string[]) =>
			['The Origins', 'The Quarrel', 'The First Campaign', 'Winter Quarters', 'The Peace']
				.map((title, k) => `${numbers[k]}. ${title}\t${k * 10 + 1}`)
				.join('\n');
		const sources = [
			{name: 'a.txt', text: chapters(['I', 'II', 'III', 'IV', 'V'])},
			{name: 'b.txt', text: chapters(['I', 'I', 'II', 'III', 'IV'])},
		];
		const report = reportOf(compare(sources), {decisions: noDecisions, sources}) as {checks: Array<{kind: string}>};
		expect(report.checks.map((check) => check.kind)).toContain('renumbering');
		expectValid(report);
	});

	it('holds the seed to the contract on lines, and finds lines shifted by one', () => {
		const sources = [{text: seedText}];
		expect(lineProblems(reportOf(seed, undecided) as ReportLines, sources)).toEqual([]);
		const shifted = reportOf(seed, undecided) as ReportLines;
		shifted.printings[1]!.lines = [122, 223];
		shifted.rows[3]!.a!.lines = [9, 9];
		expect(lineProblems(shifted, sources)).toEqual(['a item at 9 is not the line printed there', 'printing 1: lines 122-223 do not run from text to text']);
	});

	// The schema must be able to say no: each spoiled report is refused.
	it.each<[string, (report: Record<string, any>) => void]>([
		['another schema', (r) => (r['schema'] = 'tocdiff-report/2')],
		['one printing', (r) => r['printings'].pop()],
		['a printing without lines', (r) => delete r['printings'][0].lines],
		['a line 0', (r) => (r['printings'][0].lines = [0, 121])],
		['three numbers for lines', (r) => (r['rows'][0].a.lines = [2, 2, 2])],
		['a fractional line', (r) => (r['rows'][0].a.lines = [2.5, 3])],
		['an unknown status', (r) => (r['rows'][0].status = 'similar')],
		['an unknown kind', (r) => (r['rows'].find((row: any) => row.status === 'changed').differences[0].kind = 'typo')],
		['an unknown severity', (r) => (r['rows'].find((row: any) => row.status === 'changed').differences[0].severity = 'major')],
		['an unknown item type', (r) => (r['rows'][0].a.type = 'chapter')],
		['an unknown field on a row', (r) => (r['rows'][0].colour = 'red')],
		['an unknown field on an item', (r) => (r['rows'][0].a.number = 2)],
		['a difference without a kind', (r) => delete r['rows'].find((row: any) => row.status === 'changed').differences[0].kind],
		['a similarity above 1', (r) => (r['rows'][0].similarity = 1.5)],
		['a page given as a number', (r) => (r['rows'].find((row: any) => row.a?.page).a.page = 23)],
		['an empty page', (r) => (r['rows'].find((row: any) => row.a?.page).a.page = '')],
		['a same row with a difference', (r) => r['rows'][0].differences.push({kind: 'case', severity: 'cosmetic', field: 'title', a: 'x', b: 'X'})],
		['a changed row without differences', (r) => (r['rows'].find((row: any) => row.status === 'changed').differences = [])],
		['an only-a row with an item in B', (r) => (r['rows'].find((row: any) => row.status === 'only-a').b = r['rows'][0].b)],
		['an only-b row marked missing', (r) => (r['rows'].find((row: any) => row.status === 'only-b').differences[0].kind = 'missing')],
		['a paired row without B', (r) => (r['rows'][0].b = null)],
		['a moved row without a move', (r) => (r['rows'].find((row: any) => row.status === 'changed').status = 'moved')],
		['no summary', (r) => delete r['summary']],
		['a count by an unknown status', (r) => (r['summary'].status.lost = 1)],
		['a negative count', (r) => (r['summary'].severity.minor = -1)],
		['an unknown verdict', (r) => (r['rows'].find((row: any) => row.decision).decision.verdict = 'maybe')],
		['an unknown field on a decision', (r) => (r['rows'].find((row: any) => row.decision).decision.colour = 'red')],
	])('refuses a report with %s', (_name, spoil) => {
		const report = seedReport();
		expectValid(report);
		spoil(report);
		expect(reportProblems(report)).not.toEqual([]);
	});
});

describe('the JSON report', () => {
	it('states the decision fields it knows and leaves the rest in the decisions file, however deep (#6)', () => {
		const deep: unknown = JSON.parse(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
		const key = rowKeys(seed.rows)[7]!;
		const decisions = [{key, verdict: 'a', note: 'checked', future: deep} as Decision];
		const report = reportOf(seed, {decisions: matchDecisions(seed.rows, decisions), sources: []}) as {rows: Array<{decision?: unknown}>};
		expect(report.rows[7]!.decision).toEqual({verdict: 'a', note: 'checked'});
	});
});
