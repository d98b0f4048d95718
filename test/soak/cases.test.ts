import {describe, expect, it} from 'vitest';
import {decode} from '../../src/core/decode.js';
import {loadFixtures} from '../../src/eval/fixtures.js';
import {createRng} from '../../src/eval/rng.js';
import {mangle, manglings, printingsOf, scaledRates} from '../../src/soak/cases.js';

const text = 'CONTENTS\n\nI. Préface\t1\nII. Глава\t5\n';

describe('soak cases', () => {
	it.each([
		['none', text],
		['utf16le', text],
		['utf16be', text],
		['utf16-bom', text],
		['utf8-bom', text],
		['crlf', text],
		['cr', text],
	] as const)('%s keeps the text readable as it was', (how, expected) => {
		expect(decode(mangle(text, how, createRng(1))).text).toBe(expected);
	});

	it('cuts a file short to a prefix of its bytes', () => {
		const bytes = Buffer.from(mangle(text, 'truncate', createRng(3)));
		expect(Buffer.from(text).subarray(0, bytes.length).equals(bytes)).toBe(true);
	});

	it('spoils the same way for the same seed, and every way differs from the text', () => {
		for (const how of manglings) {
			expect(Buffer.from(mangle(text, how, createRng(5))).equals(mangle(text, how, createRng(5)))).toBe(true);
		}

		const spoilt = manglings.filter((how) => !Buffer.from(mangle(text, how, createRng(5))).equals(Buffer.from(text)));
		expect(spoilt).toEqual(manglings.filter((how) => how !== 'none'));
	});

	it('scales the noise rates and keeps them probabilities', () => {
		expect(Object.values(scaledRates(0)).filter((rate) => rate > 0)).toEqual([scaledRates(0).ocrOnA]);
		expect(Object.values(scaledRates(100)).every((rate) => rate <= 1)).toBe(true);
	});

	it('prints a synthetic page twice when the scenario points past the fixtures', () => {
		const fixtures = loadFixtures();
		const pair = printingsOf({page: fixtures.length, seed: 12, mode: 'one-file', noise: 1}, fixtures);
		expect(pair.name).toMatch(/^synthetic-\d+$/);
		expect(pair.sources).toHaveLength(1);
	});
});
