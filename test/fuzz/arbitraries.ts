/**
 * Shared arbitraries for the fuzz tests: bytes biased towards what breaks text readers, contents
 * lines, and the run count (`FUZZ_RUNS=10000 npx vitest run test/fuzz` for a longer search).
 */
import fc from 'fast-check';
import {loadFixtures} from '../../src/eval/fixtures.js';
import {createRng} from '../../src/eval/rng.js';
import {mangle, manglings, printingsOf} from '../../src/soak/cases.js';

/** The runs of a property: `numRuns` in CI, or `FUZZ_RUNS` when set. */
export function fuzzRuns(numRuns: number): number {
	const asked = Number(process.env['FUZZ_RUNS']);
	return Number.isInteger(asked) && asked > 0 ? asked : numRuns;
}

/** A suite's time limit: 20 s in CI, an hour for a long `FUZZ_RUNS` search. */
export const fuzzTimeout = {timeout: process.env['FUZZ_RUNS'] === undefined ? 20_000 : 3_600_000};

const words = [
	'Preface',
	'The',
	'Congress',
	'of',
	'Soviets',
	'Letter',
	'to',
	'Workers',
	'JULY',
	'Glava',
	'Глава',
	'Réponse',
	'à',
	'Index',
	'C O N T E N T S',
	'<i>Pravda</i>',
	'RAIL-',
	'WAY',
];
const labels = ['', 'I. ', 'II. ', 'Il. ', '1. ', '(a) ', 'CHAPTER IV ', 'PART II.—', 'П. '];
const gaps = ['\t', '  ', ' . . . . ', '......', ' ', ''];
const pages = ['1', '23', '16-17', 'xi', '131.', '', '0', '99999999999999999999'];

/** A line as a contents page might print it, or nearly. */
export const tocLine = fc
	.tuple(
		fc.constantFrom(' ', '', '\t', '    '),
		fc.constantFrom(...labels),
		fc.array(fc.constantFrom(...words), {maxLength: 8}),
		fc.constantFrom(...gaps),
		fc.constantFrom(...pages),
	)
	.map(([indent, label, title, gap, page]) => `${indent}${label}${title.join(' ')}${gap}${page}`);

/** Text of contents-like lines, blank lines and stray characters. */
export const tocText = fc
	.array(
		fc.oneof({weight: 6, arbitrary: tocLine}, {weight: 1, arbitrary: fc.constant('')}, {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 30})}),
		{maxLength: 60},
	)
	.map((lines) => lines.join('\n'));

const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const swapped = (text: string): Uint8Array => Buffer.from(text, 'utf16le').swap16();

/** Pieces that text readers get wrong: byte-order marks, NULs, line ends, bad UTF-8, UTF-16 without a mark, long lines. */
const fragment: fc.Arbitrary<Uint8Array> = fc.oneof(
	fc.uint8Array({maxLength: 64}),
	fc
		.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00, 0x00, 0xfe, 0xff], [0], [0x0d, 0x0a], [0x0d], [0x0a], [0x0a, 0x0d], [0x0c], [0x1a])
		.map((b) => Uint8Array.from(b)),
	fc.constantFrom([0xc3], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]).map((b) => Uint8Array.from(b)),
	fc.uint8Array({minLength: 1, maxLength: 40, min: 0xc0, max: 0xff}),
	tocLine.map((line) => encode(`${line}\n`)),
	tocText.map((text) => Buffer.from(text, 'utf16le')),
	tocText.map((text) => swapped(text)),
	fc.string({unit: 'grapheme', maxLength: 40}).map(encode),
	fc.tuple(fc.constantFrom('x', 'Chapter ', '. ', '\t', 'é'), fc.integer({min: 1000, max: 60_000})).map(([piece, times]) => encode(piece.repeat(times))),
);

/** Bytes made of those pieces. */
export const biasedBytes = fc.array(fragment, {maxLength: 40}).map((parts) => Uint8Array.from(Buffer.concat(parts)));

const fixtures = loadFixtures();

/** Realistic printings from the noise model (one file holding both, or the first of two), spoiled one way. */
export const mangledPrintings = fc
	.record({
		page: fc.nat(fixtures.length),
		seed: fc.nat(),
		mode: fc.constantFrom('two-files' as const, 'one-file' as const),
		noise: fc.constantFrom(0, 1, 4),
		how: fc.constantFrom(...manglings),
	})
	.map(({how, ...scenario}) => mangle(printingsOf(scenario, fixtures).sources[0]!.text, how, createRng(scenario.seed), 200_000));

/** Any bytes, biased bytes, or spoiled printings. */
export const anyBytes = fc.oneof(fc.uint8Array({maxLength: 512}), biasedBytes, mangledPrintings);
