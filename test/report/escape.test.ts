import fc from 'fast-check';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {describe, expect, it} from 'vitest';
import {escapeHtml, escapeMarkdown, escapeXmlAttribute, escapeXmlText, toXmlChars} from '../../src/report/escape.js';

const parser = new XMLParser({ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false});

describe('escaping', () => {
	it.each([['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;']])('escapes HTML %j', (input, expected) => {
		expect(escapeHtml(input)).toBe(expected);
	});

	it.each([
		['a\u0000b\uFFFEc', 'a\uFFFDb\uFFFDc'],
		['\uD800x', '\uFFFDx'],
		['😀', '😀'],
	])('replaces characters XML cannot hold in %j', (input, expected) => {
		expect(toXmlChars(input)).toBe(expected);
	});

	it('keeps any text well-formed in XML content and attributes', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), (text) => XMLValidator.validate(`<r a="${escapeXmlAttribute(text)}">${escapeXmlText(text)}</r>`) === true),
		);
	});

	it('reads back what it wrote, bar the characters XML cannot hold', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme'}), (text) => {
				const clean = toXmlChars(text).replaceAll(/[\u0000-\u001F]/g, '');
				const parsed = parser.parse(`<r a="${escapeXmlAttribute(clean)}">${escapeXmlText(clean)}</r>`) as {r: string | {'#text'?: string; '@_a': string}};
				const value = typeof parsed.r === 'string' ? {'#text': parsed.r, '@_a': ''} : parsed.r;
				return (value['#text'] ?? '') === clean && value['@_a'] === clean;
			}),
		);
	});

	it('escapes Markdown markup and table pipes', () => {
		expect(escapeMarkdown('<i>Note</i> *1* | [x] _y_ `z` ~s~ & \\')).toBe('\\<i\\>Note\\</i\\> \\*1\\* \\| \\[x\\] \\_y\\_ \\`z\\` \\~s\\~ \\& \\\\');
	});
});
