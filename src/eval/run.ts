/**
 * `npm run eval`: run every family of cases (`families.ts`) through the engine and report, per
 * family and per part (tuning, held back, both), alignment F1 (entries and lines), difference F1,
 * split accuracy, suggestion coverage and accuracy at 0.9, and the time per run; then, over
 * everything, difference F1 by kind and the suggestions by kind.
 *
 * Options: `--seeds N` (20), `--family NAME[,NAME]`, `--part tune|held|all` (all: both, each
 * reported), `--fixture NAME[,NAME]` (a fixture, a multi-volume layout or a case name),
 * `--mode two-files|one-file`, `--json` (machine-readable, schema `tocdiff-eval/2`), `--verbose`
 * (every mismatch: family, fixture, seed, lines, texts, expected vs got), `--dump DIR` (write each
 * case's files and truth), `--third` (a third printing after B, in the synthetic family only).
 *
 * Long (about 560 lines): the evaluation's command, its options and every table it prints.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {dictionaryFor} from '../cli/words.js';
import {compare, CompareError} from '../core/index.js';
import {acceptLevels, rowSuggestion} from '../core/row-suggestion.js';
import type {Row} from '../core/types.js';
import {familyCases, familyNames, type FamilyCase, type FamilyName, type OcrRunCase, type PairCase} from './families.js';
import {familyInputs} from './inputs.js';
import {parseOptions} from './options.js';
import {heldBackRule, type Part, type PartChoice} from './held-back.js';
import {
	addByKind,
	addCounts,
	addSuggestions,
	confidenceBands,
	prf,
	scoreComparison,
	zeroCounts,
	zeroSuggestions,
	type Counts,
	type Mismatch,
	type SuggestionCounts,
} from './metrics.js';
import {makeNoisyPair, type EvalKind, type Mode, type NoisyPair} from './noise.js';
import {scoreOcrComparison} from './ocr-score.js';
import {printingLayout} from './ocr-layout.js';

type Tally = {
	alignment: Counts;
	lines: Counts;
	differences: Counts;
	byKind: Partial<Record<EvalKind, Counts>>;
	suggestions: Partial<Record<EvalKind, SuggestionCounts>>;
	splitHits: number;
	splitTotal: number;
	errors: number;
	runs: number;
	/** Items of A and B, and those with a difference or without a partner: the noise level. */
	items: number;
	noisyItems: number;
	/** Rows of page furniture the engine did not mark as furniture. */
	furnitureRows: number;
	/** The real-OCR family's differences by field (`label`, `title`, `page`, `item`). */
	byField: Record<string, Counts>;
	milliseconds: number;
	/** The differences the engine reported, and those on rows that `y` decides (a row suggestion at 0.9 or more). */
	reported: number;
	byY: number;
};

type RunMismatch = Mismatch & {
	readonly family: FamilyName;
	readonly fixture: string;
	readonly seed: number;
	readonly mode: Mode;
	readonly part: Part;
	readonly files: string;
};

const emptyTally = (): Tally => ({
	alignment: zeroCounts,
	lines: zeroCounts,
	differences: zeroCounts,
	byKind: {},
	suggestions: {},
	splitHits: 0,
	splitTotal: 0,
	errors: 0,
	runs: 0,
	items: 0,
	noisyItems: 0,
	furnitureRows: 0,
	byField: {},
	milliseconds: 0,
	reported: 0,
	byY: 0,
});

function addTally(into: Tally, more: Tally): void {
	into.alignment = addCounts(into.alignment, more.alignment);
	into.lines = addCounts(into.lines, more.lines);
	into.differences = addCounts(into.differences, more.differences);
	addByKind(into.byKind, more.byKind);
	addSuggestions(into.suggestions, more.suggestions);
	into.splitHits += more.splitHits;
	into.splitTotal += more.splitTotal;
	into.errors += more.errors;
	into.runs += more.runs;
	into.items += more.items;
	into.noisyItems += more.noisyItems;
	into.furnitureRows += more.furnitureRows;
	for (const [field, counts] of Object.entries(more.byField)) into.byField[field] = addCounts(into.byField[field] ?? zeroCounts, counts);
	into.milliseconds += more.milliseconds;
	into.reported += more.reported;
	into.byY += more.byY;
}

/** The level `y` accepts at first: the review screen's default. */
const [acceptLevel] = acceptLevels;

/**
 * Count the differences that ask a decision (a row's open ones: not those a check explains, a page
 * offset or a title page), and those on rows the `y` key decides at its first level (0.9).
 */
function countY(tally: Tally, rows: readonly Row[]): void {
	for (const row of rows) {
		if (row.open.length === 0) continue;
		tally.reported += row.open.length;
		const suggestion = rowSuggestion(row);
		if (suggestion !== undefined && suggestion.confidence >= acceptLevel) tally.byY += row.open.length;
	}
}

function noiseLevel(pair: NoisyPair): {items: number; noisy: number} {
	const paired = pair.pairs.filter((p) => p.differences.length > 0).length;
	return {items: pair.a.items.length, noisy: paired + pair.singles.filter((s) => s.side === 'a' || s.kind !== 'extra').length};
}

const contextOf = (found: FamilyCase, files: string) => ({
	family: found.family,
	fixture: found.fixture,
	seed: found.seed,
	mode: found.mode,
	part: found.part,
	files,
});

function runPair(found: PairCase, pair: NoisyPair, mismatches: RunMismatch[]): Tally {
	const tally = emptyTally();
	tally.runs = 1;
	const level = noiseLevel(pair);
	tally.items = level.items;
	tally.noisyItems = level.noisy;
	const context = contextOf(found, pair.sources.map((source) => source.name).join(' + '));
	const started = performance.now();
	let comparison;
	try {
		// With the dictionaries the CLI uses, so that the suggestions are scored as users get them.
		comparison = compare(pair.sources, {dictionary: dictionaryFor});
	} catch (error) {
		tally.milliseconds = performance.now() - started;
		tally.errors = 1;
		// No rows: every pair and line pair missed, every unpaired item not found.
		const nothing = scoreComparison(pair, []);
		tally.alignment = nothing.alignment;
		tally.lines = nothing.lines;
		tally.differences = nothing.differences;
		addByKind(tally.byKind, nothing.byKind);
		if (pair.boundary !== undefined) tally.splitTotal = 1;
		mismatches.push({...context, type: 'split', expected: 'a comparison', got: `error: ${error instanceof Error ? error.message : String(error)}`});
		return tally;
	}

	tally.milliseconds = performance.now() - started;
	const score = scoreComparison(pair, comparison.rows, comparison.split);
	countY(tally, comparison.rows);
	tally.alignment = score.alignment;
	tally.lines = score.lines;
	tally.differences = score.differences;
	tally.furnitureRows = score.furnitureRows ?? 0;
	addByKind(tally.byKind, score.byKind);
	addSuggestions(tally.suggestions, score.suggestions);
	if (score.split !== undefined) {
		tally.splitTotal = 1;
		tally.splitHits = score.split ? 1 : 0;
	}

	for (const mismatch of score.mismatches) mismatches.push({...context, ...mismatch});
	return tally;
}

/** A file of one printing: right when the engine says it holds one printing only. */
function runOnePrinting(found: Extract<FamilyCase, {type: 'one-printing'}>, mismatches: RunMismatch[]): Tally {
	const tally = emptyTally();
	tally.runs = 1;
	tally.splitTotal = 1;
	const started = performance.now();
	let got: string;
	try {
		const comparison = compare([found.source], {dictionary: dictionaryFor});
		got = `split at line ${comparison.split?.boundaries.join(', ') ?? '?'} (${comparison.split?.method ?? 'no method'})`;
	} catch (error) {
		if (error instanceof CompareError && error.message.includes('seems to hold only one printing')) tally.splitHits = 1;
		got = `error: ${error instanceof Error ? error.message : String(error)}`;
	}

	tally.milliseconds = performance.now() - started;
	if (tally.splitHits === 0)
		mismatches.push({...contextOf(found, found.source.name), type: 'split', expected: 'one printing (no split: "seems to hold only one printing")', got});
	return tally;
}

/** The key the real-OCR cases' suggestions are counted under (they are scored by field, not kind). */
const ocrSuggestionKey = 'fields (OCR)';

/** Whether the real-OCR cases read Tesseract's word confidences where their hOCR is committed (`--no-word-confidence`: not). */
let wordConfidence = true;

/** A real-OCR case in one form, scored field by field (`ocr-score.ts`). */
function runOcr(found: OcrRunCase, mismatches: RunMismatch[]): Tally {
	const {ocr} = found;
	const lineCount = (text: string): number => text.split('\n').length;
	// The cases loaded from their folders know where their hOCR is.
	const directory = 'directory' in ocr && typeof ocr.directory === 'string' ? ocr.directory : undefined;
	const layoutA = wordConfidence && directory !== undefined ? printingLayout(directory, ocr.printings[0], lineCount(ocr.texts.a)) : undefined;
	const layoutB = wordConfidence && directory !== undefined ? printingLayout(directory, ocr.printings[1], lineCount(ocr.texts.b)) : undefined;
	// Both in one file: A's lines, blank lines up to B's first line, then B's.
	const layoutBoth =
		layoutA && layoutB
			? [...layoutA, ...Array.from({length: Math.max(0, ocr.oneFile.boundary - 1 - layoutA.length)}, () => undefined), ...layoutB].slice(
					0,
					lineCount(ocr.texts.both),
				)
			: undefined;
	const sources =
		found.mode === 'one-file'
			? [{name: ocr.oneFile.file, text: ocr.texts.both, ...(layoutBoth ? {layout: layoutBoth} : {})}]
			: [
					{name: ocr.printings[0].file, text: ocr.texts.a, ...(layoutA ? {layout: layoutA} : {})},
					{name: ocr.printings[1].file, text: ocr.texts.b, ...(layoutB ? {layout: layoutB} : {})},
				];
	const tally = emptyTally();
	tally.runs = 1;
	const context = contextOf(found, sources.map((source) => source.name).join(' + '));
	const started = performance.now();
	let comparison;
	try {
		comparison = compare(sources, {dictionary: dictionaryFor});
	} catch (error) {
		comparison = undefined;
		tally.errors = 1;
		mismatches.push({...context, type: 'split', expected: 'a comparison', got: `error: ${error instanceof Error ? error.message : String(error)}`});
	}

	tally.milliseconds = performance.now() - started;
	const score = scoreOcrComparison(ocr, found.mode, comparison?.rows ?? [], comparison?.split);
	countY(tally, comparison?.rows ?? []);
	tally.alignment = score.alignment;
	tally.lines = score.lines;
	tally.differences = score.differences;
	for (const [field, counts] of Object.entries(score.byField)) tally.byField[field] = addCounts(tally.byField[field] ?? zeroCounts, counts);
	addSuggestions(tally.suggestions, {[ocrSuggestionKey]: score.suggestions} as Partial<Record<EvalKind, SuggestionCounts>>);
	if (score.split !== undefined) {
		tally.splitTotal = 1;
		tally.splitHits = score.split ? 1 : 0;
	}

	if (comparison) for (const mismatch of score.mismatches) mismatches.push({...context, ...mismatch});
	return tally;
}

/**
 * The pair with a third printing after B: the B of another seed's pair, an independent noisy copy
 * of the same page. The truth about A and B, and their line numbers, stay as they are.
 */
function withThirdPrinting(pair: NoisyPair, page: NonNullable<PairCase['page']>): NoisyPair {
	const third = makeNoisyPair(page, pair.seed + 10_000, {mode: 'two-files'}).sources[1]!.text;
	if (pair.mode !== 'one-file') return {...pair, sources: [...pair.sources, {name: `${pair.name}-c.txt`, text: third}]};
	const before = `${pair.sources[0]!.text}\n\n`;
	// C starts at its first line of text, after A and B's lines and the blank lines between.
	const later = [before.split('\n').length + third.split('\n').findIndex((line) => line.trim() !== '')];
	return {...pair, sources: [{name: pair.sources[0]!.name, text: `${before}${third}`}], later};
}

const percent = (value: number): string => (value * 100).toFixed(1).padStart(5);
const f1Of = (counts: Counts): number => prf(counts).f1;
/** The share of `part` in `whole`, as a percentage, or `-` when there is no whole. */
const share = (part: number, whole: number): string => (whole === 0 ? '    -' : percent(part / whole));

/** All suggestion outcomes of a tally, over every kind. */
function totalSuggestions(tally: Tally): SuggestionCounts {
	const total: Partial<Record<EvalKind, SuggestionCounts>> = {};
	for (const counts of Object.values(tally.suggestions)) addSuggestions(total, {ocr: counts});
	return total.ocr ?? zeroSuggestions;
}

const tableHeader = ['family'.padEnd(14), 'part', 'runs', 'al.F1', 'lnF1 ', 'df.F1', 'split'.padStart(9), 'sg.cov', '≥.9acc', '    y', ' ms/run'].join('  ');

function tableRow(family: string, part: string, tally: Tally): string {
	const s = totalSuggestions(tally);
	const found = s.right + s.wrong + s.even + s.none;
	const noPairs = tally.alignment.tp + tally.alignment.fp + tally.alignment.fn === 0;
	return [
		family.padEnd(14),
		part.padEnd(4),
		String(tally.runs).padStart(4),
		noPairs ? '    -' : percent(f1Of(tally.alignment)),
		noPairs ? '    -' : percent(f1Of(tally.lines)),
		noPairs ? '    -' : percent(f1Of(tally.differences)),
		(tally.splitTotal === 0 ? '-' : `${tally.splitHits}/${tally.splitTotal}`).padStart(9),
		share(s.right + s.wrong, found).padStart(6),
		share(s.sureRight, s.sure).padStart(6),
		share(tally.byY, tally.reported),
		(tally.milliseconds / Math.max(1, tally.runs)).toFixed(1).padStart(7),
	].join('  ');
}

function printKinds(tally: Tally): void {
	console.log(`\n${'kind (all)'.padEnd(14)}  ${'truth'.padStart(5)}  ${'found'.padStart(5)}  ${'tp'.padStart(5)}  P      R      F1`);
	const kinds = Object.entries(tally.byKind).sort(([x], [y]) => x.localeCompare(y)) as Array<[EvalKind, Counts]>;
	for (const [kind, counts] of kinds) console.log(prfLine(kind, counts));
}

/** A row of the tables by kind and by field: the name, the truth, what was found, the true positives, P, R and F1. */
function prfLine(name: string, counts: Counts): string {
	const r = prf(counts);
	const truth = counts.tp + counts.fn;
	const found = counts.tp + counts.fp;
	return [
		name.padEnd(14),
		String(truth).padStart(5),
		String(found).padStart(5),
		String(counts.tp).padStart(5),
		percent(r.precision),
		percent(r.recall),
		percent(r.f1),
	].join('  ');
}

function printFields(tally: Tally): void {
	console.log(`\n${'field (OCR)'.padEnd(14)}  ${'truth'.padStart(5)}  ${'found'.padStart(5)}  ${'tp'.padStart(5)}  P      R      F1`);
	for (const [field, counts] of Object.entries(tally.byField)) console.log(prfLine(field, counts));
}

/** The label of confidence band `k`: `0.5–0.6` … `0.9–1.0`. */
const bandLabel = (k: number): string => `${confidenceBands[k]!.toFixed(1)}–${(confidenceBands[k + 1] ?? 1).toFixed(1)}`;

/**
 * The calibration of the suggestions: per confidence band, how many named a reading and the share
 * of right ones, against the band's lower bound (a suggestion's confidence is the chance that it is right).
 */
function calibrationOf(counts: SuggestionCounts) {
	return confidenceBands.map((lower, k) => {
		const n = counts.bands[k] ?? 0;
		const right = counts.bandsRight[k] ?? 0;
		return {band: bandLabel(k), lower, n, right, accuracy: n === 0 ? null : right / n, atOrAboveLower: n === 0 ? null : right / n >= lower};
	});
}

/** Per confidence band, the suggestions and the share right, for each part: the calibration report. */
function printCalibration(parts: ReadonlyArray<readonly [string, Tally]>): void {
	console.log(
		`\n${'calibration'.padEnd(14)}  ${parts.map(([name]) => `${`${name} n`.padStart(7)}  ${'right'.padStart(5)}  ${'acc.'.padStart(5)}`).join('   ')}`,
	);
	for (const [k] of confidenceBands.entries()) {
		const cells = parts.map(([, tally]) => {
			const band = calibrationOf(totalSuggestions(tally))[k]!;
			const flag = band.atOrAboveLower === false ? '!' : ' ';
			return `${String(band.n).padStart(7)}  ${String(band.right).padStart(5)}  ${share(band.right, band.n)}${flag}`;
		});
		console.log(`${bandLabel(k).padEnd(14)}  ${cells.join('  ')}`);
	}

	console.log("(suggestions naming a reading, by confidence; acc. = right / n, % ; '!' marks a band whose accuracy is below its lower bound)");
}

function printSuggestions(tally: Tally, title = 'suggestions'): void {
	const heads = ['found', 'right', 'wrong', 'even', 'none'].map((head) => head.padStart(5));
	const total = totalSuggestions(tally);
	// Real OCR: where neither printing reads what was drawn, no suggestion can be right; the coverage of the rest too.
	const known = (total.neither ?? 0) > 0;
	console.log(`\n${[title.padEnd(14), ...heads, `acc.   cover  ≥0.9 n  ≥0.9 acc.${known ? '  neither  cover*' : ''}`].join('  ')}`);
	const line = (name: string, c: SuggestionCounts): void => {
		const found = c.right + c.wrong + c.even + c.none;
		const counts = [found, c.right, c.wrong, c.even, c.none].map((count) => String(count).padStart(5));
		const rates = [share(c.right, c.right + c.wrong), share(c.right + c.wrong, found), String(c.sure).padStart(6), share(c.sureRight, c.sure)];
		const neither = c.neither ?? 0;
		if (known) rates.push(String(neither).padStart(7), share(c.right + c.wrong - (c.neitherNamed ?? 0), found - neither));
		console.log([name.padEnd(14), ...counts, ...rates].join('  '));
	};

	for (const [kind, counts] of Object.entries(tally.suggestions).sort(([x], [y]) => x.localeCompare(y)) as Array<[EvalKind, SuggestionCounts]>)
		line(kind, counts);
	line('all', total);
	console.log('(right: the clean original suggested; wrong: the noisy reading; acc. = right / (right + wrong); cover = suggested / found)');
	if (known)
		console.log('(neither: found where neither printing reads what was drawn, so that no reading can be right; cover* = suggested / found among the rest)');
}

function printMismatch(mismatch: RunMismatch): void {
	const side = (label: string, item: Mismatch['a']) =>
		item ? `  ${label} ${item.lines[0]}${item.lines[1] === item.lines[0] ? '' : `-${item.lines[1]}`}: ${JSON.stringify(item.text)}\n` : '';
	console.log(
		`[${mismatch.type}] ${mismatch.family} ${mismatch.fixture} seed=${mismatch.seed} ${mismatch.mode} ${mismatch.part} (${mismatch.files})\n` +
			side('A', mismatch.a) +
			side('B', mismatch.b) +
			`  expected: ${mismatch.expected}\n  got:      ${mismatch.got}`,
	);
}

type PartTallies = {tune: Tally; held: Tally};

/** A bad option: one line to stderr, exit code 2. */
function usage(message: string): number {
	console.error(message);
	return 2;
}

function main(argv: readonly string[]): number {
	const {values} = parseOptions('eval', argv, {
		seeds: {type: 'string', default: '20'},
		family: {type: 'string'},
		part: {type: 'string', default: 'all'},
		fixture: {type: 'string'},
		mode: {type: 'string'},
		json: {type: 'boolean', default: false},
		verbose: {type: 'boolean', default: false},
		dump: {type: 'string'},
		third: {type: 'boolean', default: false},
		'ocr-dir': {type: 'string'},
		'no-word-confidence': {type: 'boolean', default: false},
	});
	wordConfidence = !values['no-word-confidence'];
	const seeds = Number.parseInt(values.seeds, 10);
	const part = values.part as PartChoice;
	if (!['tune', 'held', 'all'].includes(part)) return usage(`--part ${values.part}: use tune, held or all`);
	const families = values.family === undefined ? [...familyNames] : values.family.split(',');
	for (const family of families)
		if (!(familyNames as readonly string[]).includes(family)) return usage(`--family ${family}: use one of ${familyNames.join(', ')}`);
	if (!(seeds > 0)) return usage(`--seeds ${values.seeds}: give a number of seeds, 1 or more`);
	const modes: Mode[] = values.mode === 'two-files' || values.mode === 'one-file' ? [values.mode] : ['two-files', 'one-file'];
	const inputs = familyInputs({seeds, modes, only: values.fixture?.split(','), ocr: families.includes('real-ocr'), ocrDirectory: values['ocr-dir']});

	const byFamily = new Map<FamilyName, PartTallies>();
	const byFixture = new Map<string, Tally>();
	const byMode = new Map<string, Tally>();
	const mismatches: RunMismatch[] = [];
	const notes: string[] = [];
	for (const family of families as FamilyName[]) {
		const tallies: PartTallies = {tune: emptyTally(), held: emptyTally()};
		byFamily.set(family, tallies);
		if (family === 'real-ocr' && (inputs.ocr?.length ?? 0) === 0) notes.push('real-ocr: no cases (none committed in test/fixtures/eval/ocr/)');
		if (values.third && family !== 'synthetic') notes.push(`${family}: --third applies to the synthetic family only; run without a third printing`);
		for (const found of familyCases(family, inputs)) {
			if (part !== 'all' && found.part !== part) continue;
			let tally: Tally;
			if (found.type === 'one-printing') {
				tally = runOnePrinting(found, mismatches);
			} else if (found.type === 'ocr') {
				tally = runOcr(found, mismatches);
			} else {
				const pair = values.third && found.page ? withThirdPrinting(found.truth, found.page) : found.truth;
				if (values.dump) {
					const directory = `${values.dump}/${family}/${found.fixture}-${found.mode}-${found.seed}`;
					mkdirSync(directory, {recursive: true});
					for (const source of pair.sources) writeFileSync(`${directory}/${source.name}`, source.text);
					writeFileSync(`${directory}/truth.json`, `${JSON.stringify({...pair, sources: pair.sources.map((s) => s.name)}, null, '\t')}\n`);
				}

				tally = runPair(found, pair, mismatches);
			}

			addTally(tallies[found.part], tally);
			const fixtureKey = `${family}/${found.fixture}`;
			if (!byFixture.has(fixtureKey)) byFixture.set(fixtureKey, emptyTally());
			addTally(byFixture.get(fixtureKey)!, tally);
			const modeKey = `${family}/${found.mode}`;
			if (!byMode.has(modeKey)) byMode.set(modeKey, emptyTally());
			addTally(byMode.get(modeKey)!, tally);
		}
	}

	const both = (tallies: PartTallies): Tally => {
		const sum = emptyTally();
		addTally(sum, tallies.tune);
		addTally(sum, tallies.held);
		return sum;
	};

	const total: PartTallies = {tune: emptyTally(), held: emptyTally()};
	for (const tallies of byFamily.values()) {
		addTally(total.tune, tallies.tune);
		addTally(total.held, tallies.held);
	}

	const parts: ReadonlyArray<'tune' | 'held' | 'all'> = part === 'all' ? ['tune', 'held', 'all'] : [part];
	const pick = (tallies: PartTallies, which: 'tune' | 'held' | 'all'): Tally => (which === 'all' ? both(tallies) : tallies[which]);
	if (values.json) {
		const summary = (tally: Tally) => ({
			runs: tally.runs,
			errors: tally.errors,
			noise: tally.noisyItems / Math.max(1, tally.items),
			alignment: {...tally.alignment, ...prf(tally.alignment)},
			lineAlignment: {...tally.lines, ...prf(tally.lines)},
			differences: {...tally.differences, ...prf(tally.differences)},
			byKind: Object.fromEntries(Object.entries(tally.byKind).map(([kind, counts]) => [kind, {...counts, ...prf(counts)}])),
			split: tally.splitTotal === 0 ? null : {hits: tally.splitHits, total: tally.splitTotal, accuracy: tally.splitHits / tally.splitTotal},
			furnitureRows: tally.furnitureRows,
			...(Object.keys(tally.byField).length > 0
				? {byField: Object.fromEntries(Object.entries(tally.byField).map(([field, counts]) => [field, {...counts, ...prf(counts)}]))}
				: {}),
			msPerRun: tally.milliseconds / Math.max(1, tally.runs),
			decidedByY: tally.reported === 0 ? null : tally.byY / tally.reported,
			suggestions: {...tally.suggestions, all: totalSuggestions(tally)},
			calibration: calibrationOf(totalSuggestions(tally)),
		});
		const synthetic = byFamily.get('synthetic');
		const prefixed = (map: ReadonlyMap<string, Tally>, family: string) =>
			Object.fromEntries([...map].filter(([key]) => key.startsWith(`${family}/`)).map(([key, tally]) => [key.slice(family.length + 1), summary(tally)]));
		console.log(
			JSON.stringify(
				{
					schema: 'tocdiff-eval/2',
					seeds,
					modes,
					part,
					heldBack: heldBackRule,
					// Schema 1's fields, for the synthetic family as before.
					...(synthetic ? {overall: summary(pick(synthetic, part)), byMode: prefixed(byMode, 'synthetic'), byFixture: prefixed(byFixture, 'synthetic')} : {}),
					families: Object.fromEntries(
						[...byFamily].map(([family, tallies]) => [
							family,
							{
								...Object.fromEntries(parts.map((which) => [which, summary(pick(tallies, which))])),
								byMode: prefixed(byMode, family),
								byFixture: prefixed(byFixture, family),
							},
						]),
					),
					total: Object.fromEntries(parts.map((which) => [which, summary(pick(total, which))])),
					notes,
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

	console.log(`tocdiff evaluation: ${seeds} seeds, ${modes.join(' + ')}; part ${part}`);
	console.log(`${heldBackRule}\n`);
	console.log(tableHeader);
	console.log('-'.repeat(tableHeader.length));
	for (const [family, tallies] of byFamily) {
		for (const which of parts) console.log(tableRow(family, which, pick(tallies, which)));
	}

	console.log('-'.repeat(tableHeader.length));
	for (const which of parts) console.log(tableRow('ALL', which, pick(total, which)));
	console.log('\n(al = alignment of entries, ln = of lines (pair counting), df = differences, F1 in %; split = files split rightly / one-file runs;');
	console.log(' sg.cov = differences found with a suggestion of a reading, %; ≥.9acc = right among suggestions at confidence ≥ 0.9, %;');
	console.log(" y = differences asking a decision on rows the review screen's y key decides, a row suggestion at 0.9 or more, %)");
	const threw = [...byFamily].map(([family, tallies]) => [family, tallies.tune.errors + tallies.held.errors] as const).filter(([, errors]) => errors > 0);
	if (threw.length > 0)
		console.log(`compare threw (no rows; counted as all missed) in ${threw.map(([family, errors]) => `${family} ${errors}`).join(', ')} runs`);
	for (const note of notes) console.log(`note: ${note}`);
	const all = pick(total, part === 'all' ? 'all' : part);
	if (Object.keys(all.byKind).length > 0) printKinds(all);
	if (Object.keys(all.byField).length > 0) printFields(all);
	if (part === 'all') {
		printSuggestions(total.tune, 'sugg. (tune)');
		printSuggestions(total.held, 'sugg. (held)');
		printCalibration([
			['tune', total.tune],
			['held', total.held],
			['all', all],
		]);
	} else {
		printSuggestions(all, `sugg. (${part})`);
		printCalibration([[part, all]]);
	}

	const suggested = totalSuggestions(all);
	const overall = [
		`alignment F1 ${percent(f1Of(all.alignment))} %`,
		`line F1 ${percent(f1Of(all.lines))} %`,
		`difference F1 ${percent(f1Of(all.differences))} %`,
		`split ${all.splitTotal === 0 ? '-' : `${all.splitHits}/${all.splitTotal}`}`,
		`suggestions right ${share(suggested.right, suggested.right + suggested.wrong).trim()} %`,
		`furniture rows ${all.furnitureRows}`,
		`mismatches ${mismatches.length}${values.verbose ? '' : ' (--verbose to list)'}`,
	];
	console.log(`\nALL: ${overall.join('   ')}`);
	return 0;
}

process.exitCode = main(process.argv.slice(2));
