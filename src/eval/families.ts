/**
 * The evaluation's families of cases. `synthetic` is the noise model's pairs as they are; the
 * others transform them (or build their own contents) while keeping the truth exact, each aimed at
 * a layout that real contents pages have and the noise model lacks. See `src/eval/README.md` for
 * what each family's truth says. Cases are made lazily, one at a time, in a fixed order.
 */
import {compare} from '../core/index.js';
import {columnHeadsAsFurniture, fromDraft, toDraft} from './draft.js';
import type {Fixture} from './fixtures.js';
import {partOf, type Part} from './held-back.js';
import {entryPool, layoutName, tenVolumeContents, volumeLayouts} from './multi-volume.js';
import {makeNoisyPair, type ContentsPage, type Mode, type NoisyPair} from './noise.js';
import type {OcrCaseWithTexts} from './ocr-score.js';
import {paragraphCase} from './paragraph.js';
import {reflowCase} from './reflow.js';
import {furnitureWords, insertRunningHeads, seedFileDraft} from './running-heads.js';
import {unicodeCase} from './unicode.js';

/** The families, in the order they are run and reported. */
export const familyNames = ['synthetic', 'multi-volume', 'running-heads', 'reflow', 'paragraph', 'unicode', 'real-ocr'] as const;

/** A family of cases. */
export type FamilyName = (typeof familyNames)[number];

type CaseBase = {
	readonly family: FamilyName;
	/** The fixture or layout the case was made from. */
	readonly fixture: string;
	readonly seed: number;
	readonly mode: Mode;
	readonly part: Part;
};

/** A pair of printings to compare, with its truth. */
export type PairCase = CaseBase & {
	readonly type: 'pair';
	readonly truth: NoisyPair;
	/** The contents page the pair was made from, when the noise model made it as it is (for `--third`). */
	readonly page?: ContentsPage;
};

/** A file holding one printing only: the right answer is no split. */
export type OnePrintingCase = CaseBase & {readonly type: 'one-printing'; readonly source: {readonly name: string; readonly text: string}};

/** A real-OCR case in one of its two forms (scored by `ocr-score.ts`). */
export type OcrRunCase = CaseBase & {readonly type: 'ocr'; readonly ocr: OcrCaseWithTexts};

/** A case of any family. */
export type FamilyCase = PairCase | OnePrintingCase | OcrRunCase;

/** What the families are made from. */
export type FamilyInputs = {
	readonly fixtures: readonly Fixture[];
	/** The analytical contents of the paragraph family, with a composed title page. */
	readonly paragraph: {readonly name: string; readonly text: string; readonly titlePage?: readonly string[]};
	/** The seed file (two printings in one file), put through the running-heads family as well. */
	readonly seedFile: {readonly name: string; readonly text: string; readonly language: Fixture['language']; readonly runningTitle: string};
	readonly seeds: number;
	readonly modes: readonly Mode[];
	/** Only these fixtures (or layouts, or case names); all when absent. */
	readonly only?: readonly string[];
	/** The real-OCR cases (none until they are committed). */
	readonly ocr?: readonly OcrCaseWithTexts[];
};

const seedsOf = (count: number): number[] => Array.from({length: count}, (_, k) => k + 1);

/** Each fixture × mode × seed, the noise model's pair and its part. */
function* noisyPairs(inputs: FamilyInputs): Generator<{fixture: Fixture; mode: Mode; seed: number; pair: NoisyPair; part: Part}> {
	for (const fixture of inputs.fixtures) {
		if (inputs.only && !inputs.only.includes(fixture.name)) continue;
		for (const mode of inputs.modes) {
			for (const seed of seedsOf(inputs.seeds)) {
				// Column heads are page furniture: no row (#12).
				yield {fixture, mode, seed, pair: columnHeadsAsFurniture(makeNoisyPair(fixture, seed, {mode})), part: partOf(fixture.name, seed)};
			}
		}
	}
}

/** A title for running heads when a fixture has none: its title page's first line. */
const runningTitleOf = (fixture: Fixture): string =>
	fixture.runningTitle ?? fixture.titlePage?.find((line) => line.trim() !== '') ?? fixture.name.toUpperCase();

function* synthetic(inputs: FamilyInputs): Generator<FamilyCase> {
	for (const {fixture, mode, seed, pair, part} of noisyPairs(inputs)) {
		yield {type: 'pair', family: 'synthetic', fixture: fixture.name, seed, mode, part, truth: pair, page: fixture};
	}
}

function* runningHeads(inputs: FamilyInputs): Generator<FamilyCase> {
	for (const {fixture, mode, seed, pair, part} of noisyPairs(inputs)) {
		const words = furnitureWords(fixture.language, runningTitleOf(fixture));
		yield {type: 'pair', family: 'running-heads', fixture: fixture.name, seed, mode, part, truth: fromDraft(insertRunningHeads(toDraft(pair), seed, words))};
	}

	// The seed file: its rows with running heads must be the rows it gives without them.
	const {seedFile} = inputs;
	if (!inputs.modes.includes('one-file') || (inputs.only && !inputs.only.includes(seedFile.name))) return;
	const own = compare([{name: `${seedFile.name}.txt`, text: seedFile.text}]);
	const words = furnitureWords(seedFile.language, seedFile.runningTitle);
	for (const seed of seedsOf(inputs.seeds)) {
		const draft = seedFileDraft(`${seedFile.name}.txt`, seedFile.text, own, seed);
		yield {
			type: 'pair',
			family: 'running-heads',
			fixture: seedFile.name,
			seed,
			mode: 'one-file',
			part: partOf(seedFile.name, seed),
			truth: fromDraft(insertRunningHeads(draft, seed, words)),
		};
	}
}

function* reflow(inputs: FamilyInputs): Generator<FamilyCase> {
	for (const {fixture, mode, seed, pair, part} of noisyPairs(inputs)) {
		yield {type: 'pair', family: 'reflow', fixture: fixture.name, seed, mode, part, truth: fromDraft(reflowCase(toDraft(pair), seed))};
	}
}

function* unicode(inputs: FamilyInputs): Generator<FamilyCase> {
	for (const {fixture, mode, seed, pair, part} of noisyPairs(inputs)) {
		yield {type: 'pair', family: 'unicode', fixture: fixture.name, seed, mode, part, truth: fromDraft(unicodeCase(toDraft(pair), seed))};
	}
}

function* paragraph(inputs: FamilyInputs): Generator<FamilyCase> {
	if (inputs.only && !inputs.only.includes(inputs.paragraph.name)) return;
	for (const mode of inputs.modes) {
		for (const seed of seedsOf(inputs.seeds)) {
			yield {
				type: 'pair',
				family: 'paragraph',
				fixture: inputs.paragraph.name,
				seed,
				mode,
				part: partOf(inputs.paragraph.name, seed),
				truth: fromDraft(paragraphCase(inputs.paragraph, seed, mode)),
			};
		}
	}
}

function* realOcr(inputs: FamilyInputs): Generator<FamilyCase> {
	for (const ocr of inputs.ocr ?? []) {
		if (inputs.only && !inputs.only.includes(ocr.name)) continue;
		// A case is held back by its own flag; it has no seed.
		for (const mode of inputs.modes) yield {type: 'ocr', family: 'real-ocr', fixture: ocr.name, seed: 0, mode, part: ocr.heldOut ? 'held' : 'tune', ocr};
	}
}

/** The name of the one-printing cases of the multi-volume family. */
export const onePrintingName = 'volumes-one-printing';

function* multiVolume(inputs: FamilyInputs): Generator<FamilyCase> {
	if (!inputs.modes.includes('one-file')) return;
	// Sets are made of English entries: the tuning part's from the tuning fixtures only, the held-back part's from all.
	const english = inputs.fixtures.filter((fixture) => fixture.language === 'en');
	const pools = {tune: entryPool(english.filter((fixture) => partOf(fixture.name, 1) === 'tune')), held: entryPool(english)};
	const wanted = (name: string): boolean => !inputs.only || inputs.only.includes(name);
	for (const seed of seedsOf(inputs.seeds)) {
		const part = partOf('multi-volume', seed);
		for (const layout of volumeLayouts) {
			if (!wanted(layoutName(layout))) continue;
			const page = tenVolumeContents(pools[part], layout, seed);
			yield {
				type: 'pair',
				family: 'multi-volume',
				fixture: layoutName(layout),
				seed,
				mode: 'one-file',
				part,
				truth: makeNoisyPair(page, seed, {mode: 'one-file'}),
			};
		}

		if (!wanted(onePrintingName)) continue;
		// One printing of a set (the layouts in turn): A of a two-file pair, alone in its file.
		const page = tenVolumeContents(pools[part], volumeLayouts[seed % volumeLayouts.length]!, seed);
		const source = makeNoisyPair(page, seed, {mode: 'two-files'}).sources[0]!;
		yield {
			type: 'one-printing',
			family: 'multi-volume',
			fixture: onePrintingName,
			seed,
			mode: 'one-file',
			part,
			source: {name: `${onePrintingName}.txt`, text: source.text},
		};
	}
}

/**
 * The cases of a family, made one at a time (the real-OCR cases are given in `inputs.ocr`, and
 * scored by `ocr-score.ts`).
 *
 * @example
 * for (const found of familyCases('reflow', inputs)) compare(found.truth.sources);
 */
export function familyCases(family: FamilyName, inputs: FamilyInputs): Generator<FamilyCase> {
	switch (family) {
		case 'synthetic': {
			return synthetic(inputs);
		}

		case 'multi-volume': {
			return multiVolume(inputs);
		}

		case 'running-heads': {
			return runningHeads(inputs);
		}

		case 'reflow': {
			return reflow(inputs);
		}

		case 'paragraph': {
			return paragraph(inputs);
		}

		case 'unicode': {
			return unicode(inputs);
		}

		case 'real-ocr': {
			return realOcr(inputs);
		}
	}
}
