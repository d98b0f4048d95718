import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitSegments, highlightPair, type Segment} from '../../src/tui/highlight.js';

const shown = (segments: readonly Segment[]) => segments.map((segment) => segment.text).join('');
const graphemes = (text: string) => Array.from(new Intl.Segmenter().segment(text), ({segment}) => segment);

describe('fitting highlighted text into columns', () => {
	it('cuts narrow text as before: to the width, with … where it was cut', () => {
		expect(shown(fitSegments([{text: 'The Principal Stages', changed: false}], 10))).toBe('The Princ…');
		expect(shown(fitSegments([{text: 'Preface', changed: false}], 10))).toBe('Preface   ');
		expect(fitSegments([{text: 'Preface', changed: false}], 10, {pad: false})).toEqual([{text: 'Preface', changed: false}]);
		expect(fitSegments([{text: 'x', changed: false}], 0)).toEqual([]);
	});

	it('counts columns as the terminal shows them: two for 中 and 😀, none for a combining accent', () => {
		expect(shown(fitSegments([{text: '第一章 天地', changed: false}], 12))).toBe('第一章 天地 ');
		expect(shown(fitSegments([{text: '第一章 天地 😀 無限', changed: false}], 10))).toBe('第一章 天…');
		expect(shown(fitSegments([{text: 'Chapter Two e\u0301', changed: false}], 14))).toBe('Chapter Two e\u0301 ');
		// A wide character that does not fit whole is left out, never cut in half; a space fills in.
		expect(shown(fitSegments([{text: 'ab中文字', changed: false}], 5))).toBe('ab中…');
		expect(shown(fitSegments([{text: 'ab中文字', changed: false}], 6))).toBe('ab中… ');
	});

	it('fills exactly the width asked for and cuts only between graphemes, whatever the text', () => {
		const units = fc.constantFrom('a', ' ', 'Ж', '…', '中', '文', '😀', '👍🏽', 'e\u0301', '🇫🇷', '—');
		const run = fc.record({text: fc.array(units, {minLength: 1, maxLength: 12}).map((parts) => parts.join('')), changed: fc.boolean()});
		fc.assert(
			fc.property(fc.array(run, {maxLength: 5}), fc.integer({min: 1, max: 40}), fc.option(fc.nat(30), {nil: undefined}), (segments, width, focus) => {
				const fitted = fitSegments(segments, width, focus === undefined ? {} : {focus});
				expect(stringWidth(shown(fitted))).toBe(width);
				const whole = new Set(segments.flatMap((segment) => graphemes(segment.text)));
				for (const grapheme of graphemes(shown(fitted))) expect(whole.has(grapheme) || grapheme === '…' || grapheme === ' ').toBe(true);
			}),
			{numRuns: 500},
		);
	});

	it('marks no cut at the end when the text, started later to show the difference, ends in view', () => {
		const a = "II. An Essential Condition of the Bolsheviki's Success";
		const pair = highlightPair(a, "II. An Essential Condition of the Bolsheviks' Success");
		const fitted = shown(fitSegments(pair.a, 40, {focus: pair.prefix}));
		expect(fitted.startsWith('…')).toBe(true);
		expect(fitted.trimEnd().endsWith('Success')).toBe(true);
		expect(stringWidth(fitted)).toBe(40);
	});

	it('starts a pair no later than the longer side needs to end in view, and both alike', () => {
		const pair = highlightPair('PART I. TIMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.', 'PART I. TIMES AND SEASONS, FESTIVALS AND MERRYMAKlNGS!');
		const left = shown(fitSegments(pair.a, 46, {focus: pair.prefix, other: pair.b}));
		const right = shown(fitSegments(pair.b, 46, {focus: pair.prefix, other: pair.a}));
		// 54 columns in 46: nine dropped, where a third of the width before the difference would drop 20.
		expect([left, right]).toEqual(['…IMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.', '…IMES AND SEASONS, FESTIVALS AND MERRYMAKlNGS!']);
	});

	it('keeps both sides of a pair in line when it starts them later to show the difference', () => {
		const a = '第一章 天地 第二章 天地 第三章 天地 第四章 天地 Bolsheviki';
		const b = '第一章 天地 第二章 天地 第三章 天地 第四章 天地 Bolsheviks';
		const pair = highlightPair(a, b);
		const left = shown(fitSegments(pair.a, 30, {focus: pair.prefix}));
		const right = shown(fitSegments(pair.b, 30, {focus: pair.prefix}));
		expect(left.startsWith('…')).toBe(true);
		expect(left).toContain('Bolshevik');
		expect([stringWidth(left), stringWidth(right)]).toEqual([30, 30]);
		expect(left.slice(0, left.indexOf('Bolshevik'))).toBe(right.slice(0, right.indexOf('Bolshevik')));
	});
});
