/**
 * Inputs for the robustness checks (issue 6): realistic pairs of printings from the evaluation's
 * noise model, at any noise level, and the same bytes mangled the ways files go wrong (cut short,
 * binary junk, huge lines, other encodings and line ends). The property tests and `npm run soak`
 * share them, so that a case the soak run reports can be replayed in a test by its seed.
 */
import type {Fixture} from '../eval/fixtures.js';
import {defaultNoiseRates, makeNoisyPair, type Mode, type NoiseRates, type NoisyPair} from '../eval/noise.js';
import type {Rng} from '../eval/rng.js';
import {synthesizeContents} from '../eval/synth.js';

/** What to print twice and how: `page` indexes the fixtures, and one past them means a synthetic page. */
export type Scenario = {
	readonly page: number;
	readonly seed: number;
	readonly mode: Mode;
	/** Every noise rate times this (0 gives identical printings; 4 is a very bad scan). */
	readonly noise: number;
};

/** The default rates scaled by `factor`, each kept a probability. */
export function scaledRates(factor: number): NoiseRates {
	const scaled = Object.fromEntries(Object.entries(defaultNoiseRates).map(([name, rate]) => [name, name === 'ocrOnA' ? rate : Math.min(1, rate * factor)]));
	return scaled as NoiseRates;
}

/**
 * Two printings of one contents page, from a scenario: a real page from the fixtures, or a
 * synthetic one of 1–300 entries in a leader style the seed picks.
 */
export function printingsOf(scenario: Scenario, fixtures: readonly Fixture[]): NoisyPair {
	const fixture = fixtures[scenario.page];
	const leaders = (['tab', 'dots', 'spaces'] as const)[scenario.seed % 3]!;
	const page = fixture ?? synthesizeContents(1 + (scenario.seed % 300), scenario.seed, {leaders, chaptersPerPart: scenario.seed % 5 === 0 ? 0 : 20});
	return makeNoisyPair(page, scenario.seed, {mode: scenario.mode, rates: scaledRates(scenario.noise)});
}

/** Every way to spoil a file's bytes, for drawing one at random. */
export const manglings = [
	'none',
	'truncate',
	'junk',
	'nul',
	'huge-line',
	'utf16le',
	'utf16be',
	'utf16-bom',
	'utf8-bom',
	'latin1',
	'crlf',
	'cr',
	'mixed-ends',
	'invalid-utf8',
	'binary',
	'blank',
] as const;

/** A way to spoil a file's bytes. */
export type Mangling = (typeof manglings)[number];

/** Byte sequences that are not UTF-8: a lone lead byte, a lone continuation, an overlong form, a surrogate, a byte past U+10FFFF. */
const invalidUtf8 = [[0xc3], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82]] as const;

function randomBytes(rng: Rng, length: number): Uint8Array {
	return Uint8Array.from({length}, () => rng.int(0, 255));
}

/** Insert `insert` at a random place in `bytes`. */
function insertAt(rng: Rng, bytes: Uint8Array, insert: Uint8Array): Uint8Array {
	const at = rng.int(0, bytes.length);
	return Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
}

/** UTF-16 big-endian: Node writes only the little-endian form, so swap each pair. */
function utf16be(text: string): Uint8Array {
	const bytes = Buffer.from(text, 'utf16le');
	bytes.swap16();
	return bytes;
}

/**
 * The text's bytes spoiled one way. `huge-line` adds a line of up to `hugeLine` characters.
 *
 * @example mangle('I. Preface\t1\n', 'utf16be', createRng(1)) // the text in UTF-16 without a BOM
 */
export function mangle(text: string, how: Mangling, rng: Rng, hugeLine = 1_000_000): Uint8Array {
	const utf8 = Buffer.from(text, 'utf8');
	switch (how) {
		case 'none': {
			return utf8;
		}

		case 'truncate': {
			// Anywhere, a multi-byte character included.
			return utf8.subarray(0, rng.int(0, utf8.length));
		}

		case 'junk': {
			return insertAt(rng, utf8, randomBytes(rng, rng.int(1, 4096)));
		}

		case 'nul': {
			let bytes: Uint8Array = utf8;
			for (let k = rng.int(1, 5); k > 0; k--) bytes = insertAt(rng, bytes, Uint8Array.of(0));
			return bytes;
		}

		case 'huge-line': {
			const line = rng.chance(0.5) ? 'x'.repeat(rng.int(1, hugeLine)) : `${'Chapter '.repeat(rng.int(1, hugeLine / 8))}\t${rng.int(1, 999)}`;
			return insertAt(rng, utf8, Buffer.from(`\n${line}\n`));
		}

		case 'utf16le': {
			return Buffer.from(text, 'utf16le');
		}

		case 'utf16be': {
			return utf16be(text);
		}

		case 'utf16-bom': {
			return Buffer.concat([Uint8Array.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]);
		}

		case 'utf8-bom': {
			return Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8]);
		}

		case 'latin1': {
			return Buffer.from(text, 'latin1');
		}

		case 'crlf': {
			return Buffer.from(text.replaceAll('\n', '\r\n'));
		}

		case 'cr': {
			return Buffer.from(text.replaceAll('\n', '\r'));
		}

		case 'mixed-ends': {
			return Buffer.from(text.replaceAll('\n', () => rng.pick(['\n', '\r\n', '\r', '\n\r'])));
		}

		case 'invalid-utf8': {
			let bytes: Uint8Array = utf8;
			for (let k = rng.int(1, 8); k > 0; k--) bytes = insertAt(rng, bytes, Uint8Array.from(rng.pick(invalidUtf8)));
			return bytes;
		}

		case 'binary': {
			return randomBytes(rng, rng.int(0, 65_536));
		}

		case 'blank': {
			return Buffer.from(rng.pick(['', '\n', '   \n\t\n', '\r\n\r\n', '\uFEFF']));
		}
	}
}

/** Draw a scenario from a seeded generator. */
export function randomScenario(rng: Rng, fixtureCount: number, seed: number): Scenario {
	return {page: rng.int(0, fixtureCount), seed, mode: rng.chance(0.5) ? 'one-file' : 'two-files', noise: rng.pick([0, 0.5, 1, 1, 2, 4])};
}
