import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {narrowWidth} from '../../src/tui/string-width.js';
// wrap-ansi keeps an older string-width of its own; the fast path stands in for both.
import olderStringWidth from '../../node_modules/wrap-ansi/node_modules/string-width/index.js';

const bmp = Array.from({length: 0x30_00}, (_, code) => String.fromCodePoint(code));

describe('the string-width fast path', () => {
	it('gives every character it knows the width string-width gives it', () => {
		const known = bmp.filter((char) => narrowWidth(char) !== undefined);
		expect(known.length).toBeGreaterThan(1500);
		for (const char of known) {
			expect([char, narrowWidth(char)]).toEqual([char, stringWidth(char)]);
			expect([char, narrowWidth(char)]).toEqual([char, olderStringWidth(char)]);
		}
	});

	it('leaves wide, joining, invisible and emoji characters to string-width', () => {
		for (const text of [
			'©',
			'↔',
			'▶',
			'中',
			'\u0301',
			'e\u0301',
			'\u200D',
			'\u00AD',
			'\uFE0F',
			'◽',
			'‼',
			'\u001B]8;;x\u0007link',
			'\u001B[31m中',
			'\t',
			'\n',
			'😀',
		])
			expect(narrowWidth(text)).toBeUndefined();
		expect(narrowWidth('abc', {ambiguousIsNarrow: false})).toBeUndefined();
		expect(narrowWidth('\u001B[1;31m│ abc\u001B[39m')).toBe(5);
	});

	it('measures mixed text as string-width does, or not at all', () => {
		const units = fc.constantFrom(
			'a',
			' ',
			'│',
			'−',
			'⇄',
			'…',
			'ё',
			'Ж',
			'«',
			'◆',
			'█',
			'中',
			'\u0301',
			'\uFE0F',
			'😀',
			'\u001B[1m',
			'\u001B[39;49m',
			'\u001B]8;;x\u0007',
		);
		fc.assert(
			fc.property(fc.array(units, {maxLength: 30}), (parts) => {
				const text = parts.join('');
				const fast = narrowWidth(text);
				if (fast !== undefined) expect(fast).toBe(stringWidth(text));
			}),
			{numRuns: 500},
		);
	});
});
