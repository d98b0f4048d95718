/**
 * Look words up in the packed word lists that `scripts/build-words.mjs` builds from the Hunspell
 * dictionaries (`dist/words/LANG.words`). A list is opened on the first look-up, which reads its
 * block index and block heads (32 KB for English); each look-up then reads one block of 64 words.
 * A run that looks nothing up pays nothing.
 */
import {closeSync, existsSync, openSync, readSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Language, WordLookup} from '../core/types.js';

/** Where the lists are: beside the bundle (`dist/cli.cjs`), or from `dist/cli/` and `src/cli/`. */
function listFolder(): string | undefined {
	const candidates = ['./words/', '../words/', '../../dist/words/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
	return candidates.find((folder) => existsSync(`${folder}en.words`));
}

/** Read `length` bytes at `position` of an open file. */
function readAt(fd: number, position: number, length: number): Buffer {
	const buffer = Buffer.alloc(length);
	const read = readSync(fd, buffer, 0, length, position);
	return buffer.subarray(0, read);
}

/**
 * A look-up over one packed list (`TDW3`, see `scripts/pack-words.mjs`), or undefined when the
 * file is missing or not such a list. Words are compared as lower-cased NFC UTF-8, as the list
 * was built.
 */
export function openWordList(path: string): WordLookup | undefined {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch {
		return undefined;
	}

	const header = readAt(fd, 0, 12);
	if (header.length < 12 || header.toString('latin1', 0, 4) !== 'TDW3') {
		closeSync(fd);
		return undefined;
	}

	const count = header.readUInt32LE(4);
	const index = readAt(fd, 12, 8 * count + header.readUInt32LE(8));
	// A block's first word: its length byte and its bytes, where the table after the offsets says.
	const compareHead = (block: number, wanted: Buffer): number => {
		const at = 8 * count + index.readUInt32LE(4 * count + 4 * block);
		return index.compare(wanted, 0, wanted.length, at + 1, at + 1 + index[at]!);
	};
	const offset = (block: number): number => index.readUInt32LE(4 * block);
	// The word being decoded, rebuilt in place from the shared prefix and the stored rest.
	const current = Buffer.alloc(256);
	const cache = new Map<string, boolean>();
	return (word) => {
		const key = word.normalize('NFC').toLowerCase();
		const known = cache.get(key);
		if (known !== undefined) return known;
		const wanted = Buffer.from(key, 'utf8');
		// The last block whose first word is not after the wanted one.
		let lo = 0;
		let hi = count - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			if (compareHead(mid, wanted) <= 0) lo = mid;
			else hi = mid - 1;
		}

		// The last block runs to the end of the file; no block is longer than 64 words of 257 bytes.
		const start = offset(lo);
		const block = readAt(fd, start, (lo + 1 < count ? offset(lo + 1) : start + 64 * 257) - start);
		let found = false;
		for (let k = 0, at = 0; at < block.length; k++) {
			const shared = k === 0 ? 0 : block[at++]!;
			const length = block[at++]!;
			block.copy(current, shared, at, at + length);
			at += length;
			const order = current.compare(wanted, 0, wanted.length, 0, shared + length);
			if (order >= 0) {
				found = order === 0;
				break;
			}
		}

		cache.set(key, found);
		return found;
	};
}

const opened = new Map<Language, WordLookup | undefined>();

/**
 * The dictionary of a language, opened on its first look-up (and kept open for the run); a
 * look-up answers undefined when no list was built for the language.
 */
export function dictionaryFor(language: Language): WordLookup {
	return (word) => {
		if (!opened.has(language)) {
			const folder = listFolder();
			opened.set(language, folder === undefined ? undefined : openWordList(`${folder}${language}.words`));
		}

		return opened.get(language)?.(word);
	};
}
