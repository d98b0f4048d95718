import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {isAscii} from '../../src/core/chars.js';
import {canOpenLabel, firstWord} from '../../src/core/labels.js';
import {
	collapseLetterSpacing,
	foldKey,
	joinHyphenation,
	normalizeByLayers,
	normalizeTitle,
	ocrKey,
	spacedRuns,
	type NormalizedTitle,
} from '../../src/core/normalize.js';

// The scan replaced a regular expression for speed (issue 5); the expression stays here as the
// statement of what the scan must find.
const reference = (min: number): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}](?: [\\p{L}\\p{N}]){${min - 1},}(?![\\p{L}\\p{N}])`, 'gu');

function referenceCollapse(text: string): string {
	return text.replaceAll(reference(3), (run) => {
		const chars = run.split(' ');
		let out = chars[0]!;
		for (let i = 1; i < chars.length; i++) out += (/\p{N}/u.test(chars[i]!) === /\p{N}/u.test(chars[i - 1]!) ? '' : ' ') + chars[i]!;
		return out;
	});
}

// Text made of the characters that matter: letters (Latin, Cyrillic, astral), digits, spaces, punctuation.
const spaced = fc.string({unit: fc.constantFrom('C', 'o', 'N', 'Т', 'ё', '1', '9', '٣', '𝐀', ' ', ' ', ' ', '.', '(', '-', '\t'), maxLength: 40});

describe('letter-spacing', () => {
	it.each([
		['C O N T E N T S', 'CONTENTS'],
		['M O S C O W 1 9 6 6', 'MOSCOW 1966'],
		['V. I. L E N I N', 'V. I. LENIN'],
		['(C O N) and S O', '(CON) and S O'],
		['C O NTENTS', 'C O NTENTS'],
		['С О Д Е Р Ж А Н И Е', 'СОДЕРЖАНИЕ'],
		['A  B  C', 'A  B  C'],
		['no spacing here', 'no spacing here'],
	])('collapses %j to %j', (text, expected) => {
		expect(collapseLetterSpacing(text)).toBe(expected);
	});

	it('finds the runs the regular expression finds, at the same offsets', () => {
		fc.assert(
			fc.property(spaced, fc.integer({min: 3, max: 5}), (text, min) => {
				const found = spacedRuns(text, min).map((run) => [run.start, run.end]);
				const expected = [...text.matchAll(reference(min))].map((match) => [match.index, match.index + match[0].length]);
				expect(found).toEqual(expected);
			}),
			{numRuns: 2000},
		);
	});

	it('collapses as the regular expression does', () => {
		fc.assert(
			fc.property(spaced, (text) => {
				expect(collapseLetterSpacing(text)).toBe(referenceCollapse(text));
			}),
			{numRuns: 2000},
		);
	});
});

// The character-by-character form ocrKey had before it became whole-string passes (issue 5): the
// statement of what it must give.
const referenceFolds = new Map<string, string>([
	...[...'1l|!ії'].map((c) => [c, 'i'] as const),
	['0', 'o'],
	['5', 's'],
	['8', 'b'],
	['c', 'e'],
	['е', 'e'],
	['а', 'a'],
	['о', 'o'],
	['р', 'p'],
	['с', 'e'],
	['х', 'x'],
	['у', 'y'],
	['щ', 'ш'],
	['й', 'и'],
	['ё', 'е'],
	['u', 'n'],
	['h', 'b'],
]);

function referenceOcrKey(normalized: string): string {
	let key = normalized;
	for (const [pair, replacement] of [
		['rn', 'm'],
		['cl', 'd'],
		['vv', 'w'],
		['ii', 'n'],
		['li', 'h'],
		['rm', 'nn'],
	] as const)
		key = key.replaceAll(pair, replacement);
	let out = '';
	let previous = '';
	for (const raw of key) {
		const c = referenceFolds.get(raw) ?? raw;
		if (c === previous && /^\p{L}$/u.test(c)) continue;
		out += c;
		previous = c;
	}

	return out;
}

describe('ocrKey', () => {
	it('folds as the character-by-character reference does', () => {
		const unit = fc.constantFrom(..."rnmclduvwiihl1|!ії058eеаорсхущйёeaopbnsx 2-'𝐀".split(''), 'ё', 'й');
		fc.assert(
			fc.property(fc.string({unit, maxLength: 30}), (text) => {
				expect(ocrKey(text as NormalizedTitle)).toBe(referenceOcrKey(text));
			}),
			{numRuns: 3000},
		);
	});
});

// Start-up fast paths (#5): each answers as the Unicode pattern it stands in for.
describe('fast paths against the patterns they replace', () => {
	const text = fc
		.array(fc.constantFrom('a', 'Z', '-', ' ', '\n', '\t', 'é', 'É', 'ж', 'Ж', 'e\u0301', '5', '’', 'ß', 'İ'), {maxLength: 20})
		.map((parts) => parts.join(''));

	it('joinHyphenation looks for a hyphen and a space before its pattern', () => {
		fc.assert(
			fc.property(text, (value) => {
				expect(joinHyphenation(value)).toBe(value.replaceAll(/(\p{L})-\s+(\p{Ll}|\p{Lu}(?=\p{Lu}))/gu, '$1$2'));
			}),
			{numRuns: 2000},
		);
	});

	it('ASCII classes equal the Unicode ones on ASCII text', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary-ascii'}), (value) => {
				expect(isAscii(value)).toBe(true);
				expect(value.replaceAll(/[^A-Za-z]/g, '')).toBe(value.replaceAll(/[^\p{L}]/gu, ''));
				expect(value.replaceAll(/[^A-Za-z\d]/g, '')).toBe(value.replaceAll(/[^\p{L}\p{N}]/gu, ''));
				expect(value.replaceAll(/[A-Za-z\d\s]/g, '')).toBe(value.normalize('NFD').replaceAll(/[\p{L}\p{N}\p{M}\s]/gu, ''));
				expect(value.normalize('NFD').replaceAll(/\P{M}/gu, '')).toBe('');
			}),
		);
		expect(isAscii('Bolsheviks’')).toBe(false);
	});

	it('a label may open with what the Unicode pattern allowed, and nothing else', () => {
		const oracle = /[\p{L}\p{N}([§|]/u;
		for (let code = 0; code < 0x3000; code++) {
			const ch = String.fromCharCode(code);
			expect([ch, canOpenLabel(ch)]).toEqual([ch, oracle.test(ch)]);
		}
	});
});

describe('firstWord against the pattern it replaces', () => {
	it('takes the letters and dots that open any text', () => {
		const text = fc.array(fc.constantFrom('C', 'h', '.', ' ', 'I', 'V', '1', 'é', 'Г', 'л', '-', '\t', 'x'), {maxLength: 12}).map((parts) => parts.join(''));
		fc.assert(
			fc.property(text, (value) => {
				expect(firstWord(value)).toBe(/^[\p{L}.]+/u.exec(value)?.[0] ?? '');
			}),
			{numRuns: 3000},
		);
	});
});

// The quick paths of ASCII titles and keys (#17) must give what the layers give, on any text.
describe('quick normal forms', () => {
	const titles = fc.string({
		unit: fc.constantFrom(
			'a',
			'C',
			'l',
			'i',
			'r',
			'n',
			'm',
			'h',
			'u',
			'c',
			'v',
			'w',
			'e',
			'o',
			'1',
			'0',
			'5',
			'8',
			'|',
			'!',
			' ',
			' ',
			'\t',
			'.',
			'-',
			',',
			'`',
			"'",
			'é',
			'С',
			'ё',
			'—',
		),
		maxLength: 30,
	});

	it.each(['Reply to the General Custom, March 5, 1907', 'C O N T E N T S', 'RAIL- WAY', 'Spindle whorls. ......', 'The Bolsheviki`s Success', 'Prefаce'])(
		'normalises %j as the layers do',
		(title) => {
			expect(normalizeTitle(title)).toBe(normalizeByLayers(title));
			expect(ocrKey(normalizeTitle(title))).toBe(foldKey(normalizeByLayers(title)));
		},
	);

	it('normalises and keys any text as the layers do', () => {
		fc.assert(
			fc.property(titles, (title) => {
				expect(normalizeTitle(title)).toBe(normalizeByLayers(title));
				expect(ocrKey(normalizeTitle(title))).toBe(foldKey(normalizeByLayers(title)));
				expect(ocrKey(title as NormalizedTitle)).toBe(foldKey(title as NormalizedTitle));
			}),
			{numRuns: 5000},
		);
	});
});
