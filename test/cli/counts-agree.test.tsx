/**
 * Every consumer of a comparison counts what core decided, and so they agree (#14): the text,
 * JSON, Markdown, HTML, TEI and CSV reports, the corrected contents page, the `--batch` table,
 * `--exit-code` and the review screen's header, each run on the same inputs.
 */
import {render} from 'ink-testing-library';
import {XMLParser} from 'fast-xml-parser';
import {parse as parseCsv} from 'csv-parse/sync';
import {afterEach, describe, expect, it} from 'vitest';
import {runBatchTask, type BatchJobIo, type BatchResult} from '../../src/cli/batch-job.js';
import {summaryTable} from '../../src/cli/batch.js';
import {compareFile} from '../../src/cli/compare-file.js';
import {main} from '../../src/cli/main.js';
import {noDecisions} from '../../src/report/context.js';
import {headerProps} from '../../src/tui/app.js';
import {Header} from '../../src/tui/header.js';
import {prepareReview} from '../../src/tui/review-data.js';
import {initialState} from '../../src/tui/state.js';
import {repaginatedText, seedText, threePrintingsWithANote} from '../report/fixtures.js';
import {memoryIo} from './memory-io.js';

type Input = {readonly name: string; readonly files: ReadonlyArray<{readonly name: string; readonly text: string}>};

const seedLines = seedText.split('\n');
/** Printing A of the seed, with its title page (lines 1–122). */
const printingA = seedLines.slice(0, 122).join('\n');
/** The same printing repaginated: every page four later, nothing else changed. */
const shifted = printingA.replaceAll(/\t(\d+)$/gm, (_match, page: string) => `\t${Number(page) + 4}`);

const inputs: readonly Input[] = [
	{name: 'the seed', files: [{name: 'seed.txt', text: seedText}]},
	{name: 'the repaginated seed', files: [{name: 'repaginated.txt', text: repaginatedText}]},
	// Every difference is a page that the offset explains: nothing for the reviewer (#14's batch count).
	{name: 'a printing whose every page is the other’s plus 4', files: [{name: 'offset.txt', text: `${printingA}\n${shifted}\n`}]},
	{name: 'two copies of one printing', files: [{name: 'same.txt', text: `${printingA}\n${printingA}\n`}]},
	{name: 'three printings', files: threePrintingsWithANote()},
];

const mounted: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

describe.each(inputs)('every consumer of $name counts alike (#14)', ({files}) => {
	const names = files.map((file) => file.name);
	const compared = compareFile(names, memoryIo(files).readFile);

	it('the comparison decides once: rows that differ are those with an open difference', async () => {
		const {comparison} = await compared;
		const {summary} = comparison;
		expect(summary.differing).toBe(comparison.rows.filter((row) => row.differences.some((difference) => difference.explainedBy === undefined)).length);
		const open = Object.values(summary.open.severity).reduce((sum, count) => sum + count, 0);
		expect(open).toBe(comparison.rows.reduce((sum, row) => sum + row.open.length, 0));
		expect(summary.open.severity.substantive + summary.open.severity.minor + summary.open.severity.cosmetic).toBe(
			Object.values(summary.open.kinds).reduce((sum, count) => sum + count, 0),
		);
	});

	it('text, JSON, Markdown, HTML, TEI, CSV and the corrected page agree with it', async () => {
		const {comparison, report} = await compared;
		const {differing, open: openCounts} = comparison.summary;
		const open = openCounts.severity.substantive + openCounts.severity.minor + openCounts.severity.cosmetic;

		const text = await report('text', noDecisions, 'a');
		expect(text).toContain(`${open} difference${open === 1 ? '' : 's'} to review: ${openCounts.severity.substantive} substantive`);
		expect(text.includes('The printings agree entry for entry')).toBe(differing === 0);

		const json = JSON.parse(await report('json', noDecisions, 'a')) as {
			summary: {differing: number};
			rows: Array<{key: string; differences: Array<{explainedBy?: string}>}>;
		};
		expect(json.summary.differing).toBe(differing);
		expect(json.rows.filter((row) => row.differences.some((difference) => difference.explainedBy === undefined))).toHaveLength(differing);
		expect(json.rows.map((row) => row.key)).toEqual(comparison.rows.map((row) => row.key));

		expect(await report('markdown', noDecisions, 'a')).toContain(`| **Total** | **${open}** |`);
		const html = await report('html', noDecisions, 'a');
		expect(html).toContain(`Total</th><th>${open}<`);
		expect(html.match(/<tr id="row-\d+" class="[^"]*\b(?:substantive|minor|cosmetic)\b/g) ?? []).toHaveLength(differing);

		const tei = new XMLParser({ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'app'}).parse(await report('tei', noDecisions, 'a')) as {
			TEI: {text: {body: {list: {item: Array<{app?: Array<{'@_ana': string}>}>}}}};
		};
		const apps = tei.TEI.text.body.list.item.flatMap((item) => item.app ?? []);
		expect(apps.filter((app) => app['@_ana'].includes('#severity-'))).toHaveLength(differing);

		// A record per open difference; the checks on rows with none, and page offsets, have records of their own (#16).
		const checkKinds = new Set<string>(comparison.checks.map((check) => check.kind));
		const records = parseCsv<Record<string, string>>(await report('csv', noDecisions, 'a'), {columns: true});
		expect(records.filter((record) => !checkKinds.has(record['kind']!))).toHaveLength(open);

		// No decisions: the corrected contents page is printing A's own lines, as core kept them.
		const [a] = comparison.printings;
		expect(await report('toc', noDecisions, 'a')).toBe(`${a!.printed.join('\n').trimEnd()}\n`);
	});

	it('--exit-code exits 1 exactly when rows differ', async () => {
		const {comparison} = await compared;
		const io = memoryIo(files);
		expect(await main([...names, '--format', 'json', '--exit-code'], io)).toBe(comparison.summary.differing > 0 ? 1 : 0);
		expect(await main([...names, '--format', 'json'], memoryIo(files))).toBe(0);
	});

	it.runIf(files.length === 1)('the --batch table counts the same rows, and says so in its last line', async () => {
		const {comparison} = await compared;
		const io: BatchJobIo = {readFile: memoryIo(files).readFile, readDecisions: memoryIo(files).readFile};
		const result: BatchResult = await runBatchTask({index: 0, file: names[0]!, base: 'a'}, io);
		expect(result.kind).toBe('done');
		const table = summaryTable([result]);
		const {differing, open} = comparison.summary;
		const cells = table.split('\n')[1]!.split(/\s{2,}/);
		expect(cells.slice(1, 6)).toEqual([comparison.rows.length, differing, open.severity.substantive, open.severity.minor, open.severity.cosmetic].map(String));
		expect(table).toContain(`1 compared (${differing > 0 ? 1 : 0} with differences)`);
	});

	it('the review screen’s header counts them too', async () => {
		const {comparison} = await compared;
		const state = initialState(prepareReview(comparison, names.join(' ')), {size: {columns: 200, rows: 40}});
		const instance = render(<Header {...headerProps(state)} theme={{color: false}} />);
		mounted.push(instance);
		const frame = instance.lastFrame() ?? '';
		const {differing, open} = comparison.summary;
		expect(frame).toContain(` ${open.severity.substantive} substantive`);
		expect(frame).toContain(` ${open.severity.minor} minor`);
		expect(frame).toContain(` ${open.severity.cosmetic} cosmetic`);
		expect(frame).toContain(`0/${differing} rows decided`);
	});
});

describe('a printing whose every page is the other’s plus 4 (#14)', () => {
	it('differs nowhere once the offset explains its pages', async () => {
		const {comparison, report} = await compareFile(['offset.txt'], memoryIo(inputs[2]!.files).readFile);
		expect(comparison.summary.explained).toBeGreaterThan(90);
		expect(comparison.summary.differing).toBe(0);
		const text = await report('text', noDecisions, 'a');
		expect(text).toContain('0 differences to review');
		expect(text).toContain(`1 page offset explains ${comparison.summary.explained} page differences`);
	});
});
