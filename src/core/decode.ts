/**
 * Turn the bytes of an input file into text: UTF-8 with or without a BOM, UTF-16 with a BOM,
 * and the single-byte encodings old OCR output is often in (Windows-1252; for Cyrillic,
 * Windows-1251, KOI8-R, CP866 and ISO-8859-5), recognised by the letters they produce. Binary
 * data is refused, and so is Cyrillic whose encoding the letters cannot tell.
 */

/** The single-byte encodings of Cyrillic text, by their WHATWG names (as TextDecoder knows them). */
export const cyrillicEncodings = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'] as const;

/** One of `cyrillicEncodings`. */
export type CyrillicEncoding = (typeof cyrillicEncodings)[number];

/** What the bytes were read as (WHATWG names: `ibm866` is CP866). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | CyrillicEncoding;

/** How people and iconv name each Cyrillic encoding. */
const cyrillicNames: Readonly<Record<CyrillicEncoding, string>> = {
	'windows-1251': 'Windows-1251',
	'koi8-r': 'KOI8-R',
	ibm866: 'CP866',
	'iso-8859-5': 'ISO-8859-5',
};

/** The line end a file used most, before decoding made every line end `\n`. */
export type LineEnd = '\n' | '\r\n' | '\r';

/** Decoded text, with the encoding it was read in and the line end it used. */
export type Decoded = {readonly text: string; readonly encoding: Encoding; readonly lineEnd: LineEnd};

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest is ISO-8859-1). Written out because
 * Node's TextDecoder reads the `windows-1252` label as ISO-8859-1 and returns C1 controls there.
 * Unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 code point.
 */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80]! : String.fromCharCode(b);
	return out;
}

/** Bytes that cannot be read as text; the message says why. */
export class DecodeError extends Error {
	override name = 'DecodeError';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

const controlByte = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/** Share of control characters other than tab, line feed, carriage return and form feed. */
function controlShare(bytes: Uint8Array): number {
	const sample = Math.min(bytes.length, 65_536);
	// Text has none at all, which native code tells at once; a byte-by-byte loop runs cold (#5).
	if (!controlByte.test(new TextDecoder('latin1').decode(bytes.subarray(0, sample)))) return 0;
	let control = 0;
	for (let i = 0; i < sample; i++) {
		const b = bytes[i]!;
		if (b === 0) return 1;
		if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
	}

	return sample === 0 ? 0 : control / sample;
}

/**
 * Whether bytes that are not UTF-8 hold Cyrillic rather than Western text. In Cyrillic text most
 * letters are bytes above 0x7F, whatever the encoding; in Western text such bytes are accents
 * scattered among ASCII letters. Bytes that Windows-1252 leaves unassigned are Cyrillic letters
 * in Windows-1251 and CP866.
 */
function looksCyrillic(bytes: Uint8Array): boolean {
	let high = 0;
	let ascii = 0;
	let undefined1252 = 0;
	for (const b of bytes) {
		if (b >= 0x80) high++;
		else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
		if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90) undefined1252++;
	}

	return undefined1252 > 0 || high > ascii * 0.5;
}

/**
 * How often each Russian letter occurs in running text, in per cent (Russian National Corpus,
 * rounded): the Cyrillic encodings map the same bytes to different letters, and only the right
 * one gives text whose letters come as often as Russian letters do.
 */
const russianLetters: Readonly<Record<string, number>> = {
	о: 10.97,
	е: 8.45,
	а: 8.01,
	и: 7.35,
	н: 6.7,
	т: 6.26,
	с: 5.47,
	р: 4.73,
	в: 4.54,
	л: 4.4,
	к: 3.49,
	м: 3.21,
	д: 2.98,
	п: 2.81,
	у: 2.62,
	я: 2.01,
	ы: 1.9,
	ь: 1.74,
	г: 1.7,
	з: 1.65,
	б: 1.59,
	ч: 1.44,
	й: 1.21,
	х: 0.97,
	ж: 0.94,
	ш: 0.73,
	ю: 0.64,
	ц: 0.48,
	щ: 0.36,
	э: 0.32,
	ф: 0.26,
	ъ: 0.04,
	ё: 0.04,
	// Ukrainian and Belarusian letters, rare in Russian but letters all the same.
	і: 0.05,
	ї: 0.01,
	є: 0.01,
	ў: 0.01,
	ґ: 0.01,
};

/** The weight of a character that is no letter (a box-drawing piece, a symbol): far less likely than any letter. */
const notALetter = Math.log(0.0002);

/**
 * How Russian-like a decoding is, as the log-likelihood of its non-ASCII characters under
 * Russian letter frequencies, less a penalty for each word whose case is mixed in a way no word
 * is (`гЛАВА`: a lower-case letter then capitals), which is how a wrong Cyrillic decoding of
 * capitals tends to look. Returns the total and how many characters it weighed.
 */
function russianScore(text: string): {readonly total: number; readonly letters: number} {
	let total = 0;
	let letters = 0;
	let word = '';
	const endWord = (): void => {
		// Mixed case: a capital after a lower-case letter (`гЛАВА`, `оЮВНК`), never in a real word.
		if (/\p{Ll}\p{Lu}/u.test(word)) total -= 3;
		word = '';
	};

	for (const char of text) {
		if (char.charCodeAt(0) < 0x80) {
			endWord();
			continue;
		}

		const lower = char.toLowerCase();
		const share = russianLetters[lower];
		total += share === undefined ? notALetter : Math.log(share / 100);
		letters++;
		if (share === undefined) endWord();
		else word += char;
	}

	endWord();
	return {total, letters};
}

/**
 * Odds, as a log-likelihood, below which two Cyrillic decodings are too close to tell apart: one
 * line of capitals, `СОДЕРЖАНИЕ`, reads as Russian in Windows-1251 and in KOI8-R alike.
 */
const clearMargin = 12;

/**
 * Choose the Cyrillic encoding whose decoding reads most like Russian, or refuse when two are
 * too close to call.
 *
 * @throws DecodeError naming the likely encodings and how to convert the file.
 */
function guessCyrillic(bytes: Uint8Array, name: string): CyrillicEncoding {
	// A sample is enough to tell; the whole file may be 16 MB.
	const sample = bytes.subarray(0, 65_536);
	const ranked = cyrillicEncodings.map((encoding) => ({encoding, ...russianScore(new TextDecoder(encoding).decode(sample))})).sort((x, y) => y.total - x.total);
	const [best, second] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
	if (best.total - second.total >= clearMargin) return best.encoding;
	const likely = `${cyrillicNames[best.encoding]} or ${cyrillicNames[second.encoding]}`;
	throw new DecodeError(
		`${name} looks like Cyrillic text in ${likely}, too little of it to tell which; ` +
			`convert it to UTF-8 and give that, e.g. iconv -f ${cyrillicNames[best.encoding]} -t UTF-8 ${name} > converted.txt`,
	);
}

/**
 * UTF-16 saved without its byte-order mark: every other byte is zero wherever the text is ASCII
 * (spaces, digits, line ends, Latin letters), and the other bytes almost never are.
 */
function utf16WithoutMark(bytes: Uint8Array): Encoding | undefined {
	const length = Math.min(bytes.length, 8192) & ~1;
	// Without a zero byte it is not UTF-16 (of any script with ASCII in it).
	if (length < 8 || bytes.subarray(0, length).indexOf(0) === -1) return undefined;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < length; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}

	const units = length / 2;
	if (oddZero > units * 0.2 && evenZero < units * 0.02) return 'utf-16le';
	if (evenZero > units * 0.2 && oddZero < units * 0.02) return 'utf-16be';
	return undefined;
}

/**
 * Decode a file's bytes to text with `\n` line ends.
 *
 * @throws DecodeError for binary data.
 */
export function decode(bytes: Uint8Array, name = 'input'): Decoded {
	let encoding: Encoding;
	let body = bytes;
	const unmarkedUtf16 = utf16WithoutMark(bytes);
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		encoding = 'utf-8';
		body = bytes.subarray(3);
	} else if (startsWith(bytes, [0xff, 0xfe])) {
		encoding = 'utf-16le';
		body = bytes.subarray(2);
	} else if (startsWith(bytes, [0xfe, 0xff])) {
		encoding = 'utf-16be';
		body = bytes.subarray(2);
	} else if (unmarkedUtf16 !== undefined) {
		encoding = unmarkedUtf16;
	} else {
		if (controlShare(bytes) > 0.01) {
			throw new DecodeError(`${name} looks like binary data, not text; give a plain-text contents page (UTF-8, UTF-16 or Windows-125x)`);
		}

		try {
			const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
			return {text: normalizeLineEnds(text), encoding: 'utf-8', lineEnd: lineEndOf(text)};
		} catch {
			const damage = utf8Damage(bytes);
			// Mostly good UTF-8 with a bad byte is a damaged UTF-8 file: read as Windows-125x, every
			// other accented letter in it would turn to mojibake, and `--format toc` would write that back.
			if (damage.sequences > damage.invalid) throw new DecodeError(damagedUtf8Message(bytes, damage.firstInvalid, damage.cutShort, name));
			encoding = looksCyrillic(bytes) ? guessCyrillic(bytes, name) : 'windows-1252';
		}
	}

	let text: string;
	try {
		text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding, {fatal: encoding.startsWith('utf')}).decode(body);
	} catch {
		throw new DecodeError(`${name} looks like ${encoding.toUpperCase()} but does not read as it; save it again as UTF-8`);
	}

	if (encoding.startsWith('utf-16') && controlShare(new TextEncoder().encode(text)) > 0.01) {
		// Without a byte-order mark, UTF-16 was only a guess from the zero bytes: binary data has them too.
		if (body === bytes) throw new DecodeError(`${name} looks like binary data, not text; give a plain-text contents page (UTF-8, UTF-16 or Windows-125x)`);
		throw new DecodeError(`${name} looks like UTF-16 but does not read as text; save it again as UTF-8`);
	}

	return {text: normalizeLineEnds(text), encoding, lineEnd: lineEndOf(text)};
}

/** Bytes a valid continuation may take after each lead byte (RFC 3629, as TextDecoder checks it). */
function continuationRange(lead: number): readonly [number, number, number] | undefined {
	// [count of continuation bytes, low and high bound of the first one]; later ones are 0x80–0xBF.
	if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
	if (lead === 0xe0) return [2, 0xa0, 0xbf];
	if (lead === 0xed) return [2, 0x80, 0x9f];
	if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
	if (lead === 0xf0) return [3, 0x90, 0xbf];
	if (lead === 0xf4) return [3, 0x80, 0x8f];
	if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
	return undefined;
}

/**
 * How UTF-8-like bytes are: valid multi-byte sequences, invalid bytes, and the offset of the
 * first invalid one. Windows-125x text has almost no valid sequences; UTF-8 damaged by a cut or a
 * stray byte has many.
 */
function utf8Damage(bytes: Uint8Array): {readonly sequences: number; readonly invalid: number; readonly firstInvalid: number; readonly cutShort: boolean} {
	let sequences = 0;
	let invalid = 0;
	let firstInvalid = -1;
	let cutShort = false;
	for (let i = 0; i < bytes.length;) {
		const lead = bytes[i]!;
		if (lead < 0x80) {
			i++;
			continue;
		}

		const range = continuationRange(lead);
		let length = 0;
		if (range) {
			const [count, low, high] = range;
			length = 1;
			while (length <= count && i + length < bytes.length) {
				const next = bytes[i + length]!;
				if (next < (length === 1 ? low : 0x80) || next > (length === 1 ? high : 0xbf)) break;
				length++;
			}

			if (length === count + 1) {
				sequences++;
				i += length;
				continue;
			}
		}

		invalid++;
		if (firstInvalid === -1) {
			firstInvalid = i;
			// A character begun well but stopped by the end of the file, not by a wrong byte.
			cutShort = range !== undefined && i + length === bytes.length;
		}

		i += Math.max(1, length);
	}

	return {sequences, invalid, firstInvalid, cutShort};
}

/** Where a UTF-8 file breaks, as one line: the line number, the byte, and what to do. */
function damagedUtf8Message(bytes: Uint8Array, at: number, cutShort: boolean, name: string): string {
	let line = 1;
	for (let i = 0; i < at; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
	const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
	if (cutShort) return `${name}:${line}: the file ends inside a character, as if cut short; give the whole file`;
	return `${name}:${line}: byte ${byte} is not UTF-8 in a file that otherwise is; fix that line, or save the file again as UTF-8`;
}

/** The line end used most in `text`. */
function lineEndOf(text: string): LineEnd {
	const crlf = text.split('\r\n').length - 1;
	const cr = text.split('\r').length - 1 - crlf;
	const lf = text.split('\n').length - 1 - crlf;
	return crlf >= lf && crlf >= cr && crlf > 0 ? '\r\n' : cr > lf ? '\r' : '\n';
}

/** CRLF and CR line ends become LF. */
export function normalizeLineEnds(text: string): string {
	return text.replaceAll(/\r\n?/g, '\n');
}
