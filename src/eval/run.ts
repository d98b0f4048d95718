/**
 * `npm run eval`: make noisy pairs of every fixture for N seeds in both modes, compare them with
 * the engine, and report alignment F1, difference F1 (overall and per kind) and split accuracy.
 *
 * Options: `--seeds N` (20), `--fixture NAME[,NAME]`, `--mode two-files|one-file`,
 * `--json` (machine-readable results), `--verbose` (every mismatch: fixture, seed, lines, texts,
 * expected vs got), `--dump DIR` (write each generated pair and its truth, to reproduce with the CLI),
 * `--third` (add a third printing, another noisy copy of the same page, to measure how the
 * majority reading helps the suggestions).
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {dictionaryFor} from '../cli/words.js';
import {compare} from '../core/index.js';
import type {DifferenceKind} from '../core/types.js';
import {loadFixtures} from './fixtures.js';
import {addByKind, addCounts, addSuggestions, prf, scoreComparison, zeroCounts, type Counts, type Mismatch, type SuggestionCounts} from './metrics.js';
import {makeNoisyPair, type Mode, type NoisyPair} from './noise.js';

type Tally = {
	alignment: Counts;
	differences: Counts;
	byKind: Partial<Record<DifferenceKind, Counts>>;
	suggestions: Partial<Record<DifferenceKind, SuggestionCounts>>;
	splitHits: number;
	splitTotal: number;
	errors: number;
	runs: number;
	/** Items of A and B, and those with a difference or without a partner: the noise level. */
	items: number;
	noisyItems: number;
	milliseconds: number;
};

type RunMismatch = Mismatch & {readonly fixture: string; readonly seed: number; readonly mode: Mode; readonly files: string};

const emptyTally = (): Tally => ({
	alignment: zeroCounts,
	differences: zeroCounts,
	byKind: {},
	suggestions: {},
	splitHits: 0,
	splitTotal: 0,
	errors: 0,
	runs: 0,
	items: 0,
	noisyItems: 0,
	milliseconds: 0,
});

function addTally(into: Tally, more: Tally): void {
	into.alignment = addCounts(into.alignment, more.alignment);
	into.differences = addCounts(into.differences, more.differences);
	addByKind(into.byKind, more.byKind);
	addSuggestions(into.suggestions, more.suggestions);
	into.splitHits += more.splitHits;
	into.splitTotal += more.splitTotal;
	into.errors += more.errors;
	into.runs += more.runs;
	into.items += more.items;
	into.noisyItems += more.noisyItems;
	into.milliseconds += more.milliseconds;
}

function noiseLevel(pair: NoisyPair): {items: number; noisy: number} {
	const paired = pair.pairs.filter((p) => p.differences.length > 0).length;
	return {items: pair.a.items.length, noisy: paired + pair.singles.filter((s) => s.side === 'a' || s.kind !== 'extra').length};
}

function runOne(pair: NoisyPair, mismatches: RunMismatch[]): Tally {
	const tally = emptyTally();
	tally.runs = 1;
	const level = noiseLevel(pair);
	tally.items = level.items;
	tally.noisyItems = level.noisy;
	const files = pair.sources.map((source) => source.name).join(' + ');
	const context = {fixture: pair.name, seed: pair.seed, mode: pair.mode, files};
	const started = performance.now();
	let comparison;
	try {
		// With the dictionaries the CLI uses, so that the suggestions are scored as users get them.
		comparison = compare(pair.sources, {dictionary: dictionaryFor});
	} catch (error) {
		tally.milliseconds = performance.now() - started;
		tally.errors = 1;
		tally.alignment = {tp: 0, fp: 0, fn: pair.pairs.length};
		if (pair.boundary !== undefined) tally.splitTotal = 1;
		mismatches.push({...context, type: 'split', expected: 'a comparison', got: `error: ${error instanceof Error ? error.message : String(error)}`});
		return tally;
	}

	tally.milliseconds = performance.now() - started;
	const score = scoreComparison(pair, comparison.rows, comparison.split);
	tally.alignment = score.alignment;
	tally.differences = score.differences;
	addByKind(tally.byKind, score.byKind);
	addSuggestions(tally.suggestions, score.suggestions);
	if (score.split !== undefined) {
		tally.splitTotal = 1;
		tally.splitHits = score.split ? 1 : 0;
	}

	for (const mismatch of score.mismatches) mismatches.push({...context, ...mismatch});
	return tally;
}

const percent = (value: number): string => (value * 100).toFixed(1).padStart(5);
const f1Of = (counts: Counts): number => prf(counts).f1;

function tableRow(name: string, tally: Tally): string {
	const a = prf(tally.alignment);
	const d = prf(tally.differences);
	const split = tally.splitTotal === 0 ? '    -' : percent(tally.splitHits / tally.splitTotal);
	return [
		name.padEnd(22),
		String(tally.runs).padStart(4),
		percent(tally.noisyItems / Math.max(1, tally.items)),
		percent(a.precision),
		percent(a.recall),
		percent(a.f1),
		percent(d.precision),
		percent(d.recall),
		percent(d.f1),
		split,
		String(tally.errors).padStart(4),
		(tally.milliseconds / Math.max(1, tally.runs)).toFixed(1).padStart(7),
	].join('  ');
}

function printTable(byFixture: ReadonlyMap<string, Tally>, byMode: ReadonlyMap<string, Tally>, overall: Tally): void {
	const header = ['fixture'.padEnd(22), 'runs', 'noise', 'al.P ', 'al.R ', 'al.F1', 'df.P ', 'df.R ', 'df.F1', 'split', 'errs', '  ms/run'].join('  ');
	console.log(header);
	console.log('-'.repeat(header.length));
	for (const [name, tally] of byFixture) console.log(tableRow(name, tally));
	console.log('-'.repeat(header.length));
	for (const [name, tally] of byMode) console.log(tableRow(`(${name})`, tally));
	console.log(tableRow('OVERALL', overall));
	console.log('\n(noise = % of A items with an injected difference or no partner; al = alignment, df = differences, in %)\n');
	console.log(`${'kind'.padEnd(14)}  ${'truth'.padStart(5)}  ${'found'.padStart(5)}  ${'tp'.padStart(5)}  P      R      F1`);
	const kinds = Object.entries(overall.byKind).sort(([x], [y]) => x.localeCompare(y)) as Array<[DifferenceKind, Counts]>;
	for (const [kind, counts] of kinds) {
		const r = prf(counts);
		console.log(
			`${kind.padEnd(14)}  ${String(counts.tp + counts.fn).padStart(5)}  ${String(counts.tp + counts.fp).padStart(5)}  ${String(counts.tp).padStart(5)}  ${percent(r.precision)}  ${percent(r.recall)}  ${percent(r.f1)}`,
		);
	}
}

/** All suggestion outcomes of a tally, over every kind. */
function totalSuggestions(tally: Tally): SuggestionCounts {
	const total: Partial<Record<DifferenceKind, SuggestionCounts>> = {};
	for (const counts of Object.values(tally.suggestions)) addSuggestions(total, {ocr: counts});
	return total.ocr ?? {right: 0, wrong: 0, even: 0, none: 0, sure: 0, sureRight: 0};
}

/** The share of `part` in `whole`, as a percentage, or `-` when there is no whole. */
const share = (part: number, whole: number): string => (whole === 0 ? '    -' : percent(part / whole));

function printSuggestions(tally: Tally): void {
	console.log(`\n${'suggestions'.padEnd(14)}  ${'found'.padStart(5)}  ${'right'.padStart(5)}  ${'wrong'.padStart(5)}  ${'even'.padStart(5)}  ${'none'.padStart(5)}  acc.   cover  ≥0.9 n  ≥0.9 acc.`);
	const line = (name: string, c: SuggestionCounts): void => {
		const found = c.right + c.wrong + c.even + c.none;
		console.log(
			`${name.padEnd(14)}  ${String(found).padStart(5)}  ${String(c.right).padStart(5)}  ${String(c.wrong).padStart(5)}  ${String(c.even).padStart(5)}  ${String(c.none).padStart(5)}  ${share(c.right, c.right + c.wrong)}  ${share(c.right + c.wrong, found)}  ${String(c.sure).padStart(6)}  ${share(c.sureRight, c.sure)}`,
		);
	};

	for (const [kind, counts] of Object.entries(tally.suggestions).sort(([x], [y]) => x.localeCompare(y)) as Array<[DifferenceKind, SuggestionCounts]>) line(kind, counts);
	line('all', totalSuggestions(tally));
	console.log('(right: the clean original suggested; wrong: the noisy reading; acc. = right / (right + wrong); cover = suggested / found)');
}

/**
 * The pair with a third printing after B: the B of another seed's pair, an independent noisy copy
 * of the same page. The truth about A and B, and their line numbers, stay as they are.
 */
function withThirdPrinting(pair: NoisyPair, page: Parameters<typeof makeNoisyPair>[0]): NoisyPair {
	const third = makeNoisyPair(page, pair.seed + 10_000, {mode: 'two-files'}).sources[1]!.text;
	const sources =
		pair.mode === 'one-file'
			? [{name: pair.sources[0]!.name, text: `${pair.sources[0]!.text}\n\n${third}`}]
			: [...pair.sources, {name: `${pair.name}-c.txt`, text: third}];
	return {...pair, sources};
}

function printMismatch(mismatch: RunMismatch): void {
	const side = (label: string, item: Mismatch['a']) =>
		item ? `  ${label} ${item.lines[0]}${item.lines[1] === item.lines[0] ? '' : `-${item.lines[1]}`}: ${JSON.stringify(item.text)}\n` : '';
	console.log(
		`[${mismatch.type}] ${mismatch.fixture} seed=${mismatch.seed} ${mismatch.mode} (${mismatch.files})\n` +
			side('A', mismatch.a) +
			side('B', mismatch.b) +
			`  expected: ${mismatch.expected}\n  got:      ${mismatch.got}`,
	);
}

function main(argv: readonly string[]): number {
	const {values} = parseArgs({
		args: [...argv],
		options: {
			seeds: {type: 'string', default: '20'},
			fixture: {type: 'string'},
			mode: {type: 'string'},
			json: {type: 'boolean', default: false},
			verbose: {type: 'boolean', default: false},
			dump: {type: 'string'},
			third: {type: 'boolean', default: false},
		},
		strict: true,
	});
	const seeds = Number.parseInt(values.seeds, 10);
	const wanted = values.fixture?.split(',');
	const modes: Mode[] = values.mode === 'two-files' || values.mode === 'one-file' ? [values.mode] : ['two-files', 'one-file'];
	const fixtures = loadFixtures().filter((fixture) => !wanted || wanted.includes(fixture.name));

	const byFixture = new Map<string, Tally>();
	const byMode = new Map<string, Tally>();
	const overall = emptyTally();
	const mismatches: RunMismatch[] = [];
	for (const fixture of fixtures) {
		const fixtureTally = emptyTally();
		for (const mode of modes) {
			for (let seed = 1; seed <= seeds; seed++) {
				const pair = values.third ? withThirdPrinting(makeNoisyPair(fixture, seed, {mode}), fixture) : makeNoisyPair(fixture, seed, {mode});
				if (values.dump) {
					const directory = `${values.dump}/${fixture.name}-${mode}-${seed}`;
					mkdirSync(directory, {recursive: true});
					for (const source of pair.sources) writeFileSync(`${directory}/${source.name}`, source.text);
					writeFileSync(`${directory}/truth.json`, `${JSON.stringify({...pair, sources: pair.sources.map((s) => s.name)}, null, '\t')}\n`);
				}

				const tally = runOne(pair, mismatches);
				addTally(fixtureTally, tally);
				if (!byMode.has(mode)) byMode.set(mode, emptyTally());
				addTally(byMode.get(mode)!, tally);
			}
		}

		byFixture.set(fixture.name, fixtureTally);
		addTally(overall, fixtureTally);
	}

	if (values.json) {
		const summary = (tally: Tally) => ({
			runs: tally.runs,
			errors: tally.errors,
			noise: tally.noisyItems / Math.max(1, tally.items),
			alignment: {...tally.alignment, ...prf(tally.alignment)},
			differences: {...tally.differences, ...prf(tally.differences)},
			byKind: Object.fromEntries(Object.entries(tally.byKind).map(([kind, counts]) => [kind, {...counts, ...prf(counts)}])),
			split: tally.splitTotal === 0 ? null : {hits: tally.splitHits, total: tally.splitTotal, accuracy: tally.splitHits / tally.splitTotal},
			msPerRun: tally.milliseconds / Math.max(1, tally.runs),
			suggestions: {...tally.suggestions, all: totalSuggestions(tally)},
		});
		console.log(
			JSON.stringify(
				{
					schema: 'tocdiff-eval/1',
					seeds,
					modes,
					overall: summary(overall),
					byMode: Object.fromEntries([...byMode].map(([name, tally]) => [name, summary(tally)])),
					byFixture: Object.fromEntries([...byFixture].map(([name, tally]) => [name, summary(tally)])),
					...(values.verbose ? {mismatches} : {}),
				},
				null,
				'\t',
			),
		);
		return 0;
	}

	if (values.verbose) {
		for (const mismatch of mismatches) printMismatch(mismatch);
		console.log('');
	}

	printTable(byFixture, byMode, overall);
	printSuggestions(overall);
	const alignment = f1Of(overall.alignment);
	const differences = f1Of(overall.differences);
	const suggested = totalSuggestions(overall);
	console.log(
		`\nalignment F1 ${percent(alignment)} % (target 99)   difference F1 ${percent(differences)} % (target 95)   split ${overall.splitTotal === 0 ? '-' : `${overall.splitHits}/${overall.splitTotal}`}   suggestions right ${share(suggested.right, suggested.right + suggested.wrong).trim()} %   mismatches ${mismatches.length}${values.verbose ? '' : ' (--verbose to list)'}`,
	);
	return 0;
}

process.exitCode = main(process.argv.slice(2));
