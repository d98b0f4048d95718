import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {dictionaryFor, openWordList} from '../../src/cli/words.js';
// @ts-expect-error -- a build script in plain JavaScript, without types
import {pack} from '../../scripts/pack-words.mjs';

const folder = mkdtempSync(path.join(tmpdir(), 'tocdiff-words-'));
let files = 0;

/** Pack words as the build does (lower case, distinct, in byte order) and open the list. */
function listOf(words: readonly string[]) {
	const sorted = [...new Set(words.map((word) => word.normalize('NFC').toLowerCase()))]
		.map((word) => Buffer.from(word, 'utf8'))
		.sort((x, y) => Buffer.compare(x, y));
	const file = path.join(folder, `list-${files++}.words`);
	writeFileSync(file, (pack as (words: Buffer[]) => Buffer)(sorted));
	return openWordList(file)!;
}

describe('openWordList', () => {
	it('finds every word of a list and nothing else (property)', () => {
		const word = fc.string({unit: fc.constantFrom(...'abcdeéжзи'), minLength: 1, maxLength: 8});
		fc.assert(
			fc.property(fc.uniqueArray(word, {minLength: 1, maxLength: 300}), fc.array(word, {maxLength: 30}), (words, probes) => {
				const lookup = listOf(words);
				const members = new Set(words);
				return [...words, ...probes].every((probe) => lookup(probe) === members.has(probe));
			}),
			{numRuns: 60},
		);
	});

	it.each([
		['the first word', 'aardvark', true],
		['the last word', 'zygote', true],
		['a word in the middle of a block', 'word-100', true],
		['a word before all others', 'aa', false],
		['a word after all others', 'zz', false],
		['a prefix of a word', 'word-10', true],
		['a word that is not in the list', 'word-1000', false],
		['upper case, compared in lower case', 'WORD-42', true],
	])('looks up %s', (_name, probe, expected) => {
		const words = ['aardvark', 'zygote', ...Array.from({length: 300}, (_, i) => `word-${i}`)];
		expect(listOf(words)(probe)).toBe(expected);
	});

	it('gives undefined for a file that is not a word list', () => {
		const file = path.join(folder, 'not-a-list.words');
		writeFileSync(file, 'hello');
		expect(openWordList(file)).toBeUndefined();
		expect(openWordList(path.join(folder, 'missing.words'))).toBeUndefined();
	});
});

describe('dictionaryFor (the lists npm run build makes from the Hunspell dictionaries)', () => {
	it.each([
		['en', 'PRESIDIUM', true],
		['en', 'PRESIDUM', false],
		['en', 'Bolsheviks', true],
		['fr', 'enfants', true],
		['fr', 'enfans', false],
		['de', 'Häuser', true],
		['ru', 'ещё', true],
		['ru', 'делатъ', false],
	] as const)('%s: %s is %s', (language, word, expected) => {
		expect(dictionaryFor(language)(word)).toBe(expected);
	});

	it('answers undefined for a language without a list', () => {
		expect(dictionaryFor('nl')('mensch')).toBeUndefined();
	});
});
