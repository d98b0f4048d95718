import {describe, expect, it} from 'vitest';
import {decode, DecodeError} from '../../src/core/decode.js';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
	Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decode', () => {
	it.each([
		['UTF-8', bytes('Préface\t13\n'), 'Préface\t13\n', 'utf-8'],
		['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'Préface\t13'), 'Préface\t13', 'utf-8'],
		['CRLF line ends', bytes('a\r\nb\r\n'), 'a\nb\n', 'utf-8'],
		['CR line ends', bytes('a\rb\r'), 'a\nb\n', 'utf-8'],
		['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Глава 1\r\n', 'utf16le')]), 'Глава 1\n', 'utf-16le'],
		['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Глава 1', 'utf16le').swap16()]), 'Глава 1', 'utf-16be'],
		['UTF-16LE without a mark', Buffer.from('Глава 1. Начало\t5\nPreface\t13\n', 'utf16le'), 'Глава 1. Начало\t5\nPreface\t13\n', 'utf-16le'],
		['UTF-16BE without a mark', Buffer.from('Preface\t13\nIndex\t99\n', 'utf16le').swap16(), 'Preface\t13\nIndex\t99\n', 'utf-16be'],
		['Windows-1252', Buffer.from([0x50, 0x72, 0xe9, 0x66, 0x61, 0x63, 0x65, 0x20, 0x93, 0x41, 0x94]), 'Préface “A”', 'windows-1252'],
		[
			'Windows-1251',
			Buffer.from([0xc3, 0xeb, 0xe0, 0xe2, 0xe0, 0x20, 0x31, 0x2e, 0x20, 0xcd, 0xe0, 0xf7, 0xe0, 0xeb, 0xee]),
			'Глава 1. Начало',
			'windows-1251',
		],
	])('reads %s', (_name, input, text, encoding) => {
		expect(decode(input)).toMatchObject({text, encoding});
	});

	it.each([
		['LF', 'a\nb\n', '\n'],
		['CRLF', 'a\r\nb\r\n', '\r\n'],
		['CR', 'a\rb\r', '\r'],
		['mostly CRLF', 'a\r\nb\r\nc\n', '\r\n'],
	])('remembers the %s line end', (_name, text, lineEnd) => {
		expect(decode(Buffer.from(text)).lineEnd).toBe(lineEnd);
	});

	it.each([
		['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
		['control characters', Buffer.from(Array.from({length: 200}, (_, i) => (i % 3 === 0 ? 1 : 65)))],
		['bytes whose zeros look like UTF-16 without its mark', Buffer.from([0, 1, 0x62, 0x69, 0x6e, 0x61, 0x72, 0x79, 0, 2])],
	])('refuses %s as binary, naming the file', (_name, input) => {
		expect(() => decode(input, 'scan.png')).toThrow(DecodeError);
		expect(() => decode(input, 'scan.png')).toThrow(/^scan\.png looks like binary data, not text/);
	});

	it.each([
		[
			'a stray byte',
			bytes('Préface\t13\nÉtude ', [0xe9], ' 1\t17\n'),
			/^vol\.txt:2: byte 0xE9 is not UTF-8 in a file that otherwise is; fix that line, or save the file again as UTF-8$/,
		],
		['a surrogate', bytes('Глава 1\r\nГлава 2\r\n', [0xed, 0xa0, 0x80], '\r\n'), /^vol\.txt:3: byte 0xED is not UTF-8/],
		[
			'a character cut off at the end',
			bytes('Préface\t13\nÉtude\t17\n— ', [0xe2, 0x80]),
			/^vol\.txt:3: the file ends inside a character, as if cut short; give the whole file$/,
		],
		['CR line ends', bytes('Préface\r', [0xff], '\rÉtude\r'), /^vol\.txt:2: byte 0xFF/],
	])('refuses damaged UTF-8 (%s), naming the line', (_name, input, message) => {
		expect(() => decode(input, 'vol.txt')).toThrow(DecodeError);
		expect(() => decode(input, 'vol.txt')).toThrow(message);
	});

	// The same Russian lines in each legacy Cyrillic encoding: only the right decoding reads as Russian.
	const russian = 'СОДЕРЖАНИЕ\n\nЧТО ДЕЛАТЬ? Наболевшие вопросы нашего движения\t1\nПредисловие\t3\nI. Догматизм и свобода критики\t8\n';
	const inEncoding = (text: string, encoding: string): Uint8Array => {
		const decoder = new TextDecoder(encoding);
		const byChar = new Map<string, number>();
		for (let byte = 0xff; byte >= 0x80; byte--) byChar.set(decoder.decode(Uint8Array.of(byte)), byte);
		return Uint8Array.from(Array.from(text, (char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : byChar.get(char)!)));
	};

	it.each(['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'])('reads Russian in %s by the letters it gives', (encoding) => {
		expect(decode(inEncoding(russian, encoding))).toEqual({text: russian, encoding, lineEnd: '\n'});
	});

	it.each(['koi8-r', 'windows-1251'])('reads Russian in capitals only in %s', (encoding) => {
		const capitals = russian.toUpperCase().repeat(2);
		expect(decode(inEncoding(capitals, encoding)).encoding).toBe(encoding);
	});

	it('refuses a word or two of Cyrillic that reads as Russian in two encodings, naming both and iconv', () => {
		expect(() => decode(inEncoding('Предисловие\t3\n', 'koi8-r'), 'vol.txt')).toThrow(
			/^vol\.txt looks like Cyrillic text in (?:KOI8-R or Windows-1251|Windows-1251 or KOI8-R), too little of it to tell which; convert it to UTF-8 and give that, e\.g\. iconv -f (?:KOI8-R|Windows-1251) -t UTF-8 vol\.txt > converted\.txt$/,
		);
	});

	it.each([
		['French', 'Préface - Étude sur la « Comédie » de Molière, à Paris\t13\nÉpilogue\t99\n'],
		['German', 'Vorwort über Größe und Maß\t5\nSchluß\t77\n'],
	])('keeps %s in Latin-1 as Windows-1252', (_language, text) => {
		expect(decode(Buffer.from(text, 'latin1'))).toMatchObject({text, encoding: 'windows-1252'});
	});

	it('reads Windows-1252 that happens to hold valid UTF-8 pairs among more accents that are not', () => {
		// `Ã©` in Windows-1252 is C3 A9, which is also UTF-8 for `é`; the other accents are not UTF-8.
		const input = Buffer.from('RÃ©sumÃ© of the Préface, Étude, Café\t3', 'latin1');
		expect(decode(input)).toMatchObject({encoding: 'windows-1252'});
	});
});
