import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Segmenter} from '../../src/tui/segmenter.js';
import {narrowWidth} from '../../src/tui/string-width.js';

const real = new Intl.Segmenter();
const ours = new Segmenter();
const segments = (segmenter: {segment: (text: string) => Iterable<Intl.SegmentData>}, text: string) =>
	[...segmenter.segment(text)].map(({segment, index, input}) => ({segment, index, input}));

/** Every character the fast path handles: the always-narrow ones, and ESC. */
const simple = [...Array.from({length: 0x30_00}, (_, code) => String.fromCodePoint(code)).filter((char) => narrowWidth(char) !== undefined), '\u001B'];

describe('the grapheme segmenter', () => {
	it('cuts each simple character alone, as Intl.Segmenter does, whatever its neighbours', () => {
		expect(simple.length).toBeGreaterThan(1500);
		for (const char of simple) {
			for (const text of [`x${char}x`, `${char}${char}`, `\u001B${char}\u001B`, `${char}a\u0301`])
				expect([text, segments(ours, text)]).toEqual([text, segments(real, text)]);
		}
	});

	it('agrees with Intl.Segmenter on any mix of simple and other text', () => {
		const units = fc.constantFrom(
			'a',
			' ',
			'│',
			'…',
			'Ж',
			'\u001B[1m',
			'\u001B[39m',
			'e\u0301',
			'\u0301',
			'中',
			'😀',
			'👍🏽',
			'\u200D',
			'\r\n',
			'\r',
			'\n',
			'🇫🇷',
			'\uFE0F',
			'ᄀ',
			'ᅡ',
			'\t',
		);
		fc.assert(
			fc.property(fc.array(units, {maxLength: 24}), fc.nat(60), (parts, at) => {
				const text = parts.join('');
				expect(segments(ours, text)).toEqual(segments(real, text));
				const found = ours.segment(text).containing(at);
				const expected = real.segment(text).containing(at);
				expect(found && {segment: found.segment, index: found.index}).toEqual(expected && {segment: expected.segment, index: expected.index});
			}),
			{numRuns: 1000},
		);
	});

	it('answers containing() at the edges as Intl.Segmenter does', () => {
		for (const text of ['abc', '']) {
			for (const at of [-1, 0, 1.7, 2, 3, Number.NaN, undefined]) {
				const found = ours.segment(text).containing(at);
				const expected = real.segment(text).containing(at);
				expect([text, at, found?.segment, found?.index]).toEqual([text, at, expected?.segment, expected?.index]);
			}
		}
	});

	it('leaves words and sentences to Intl.Segmenter', () => {
		const words = new Segmenter('en', {granularity: 'word'});
		const text = 'Left-wing Communism, an infantile disorder';
		expect([...words.segment(text)]).toEqual([...new Intl.Segmenter('en', {granularity: 'word'}).segment(text)]);
		expect(words.resolvedOptions()).toEqual({locale: 'en', granularity: 'word'});
		expect(new Segmenter().resolvedOptions().granularity).toBe('grapheme');
	});
});
