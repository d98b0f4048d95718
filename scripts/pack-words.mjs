/**
 * Pack a sorted list of distinct words (UTF-8 `Buffer`s, in `Buffer.compare` order) into the
 * `TDW3` format that `src/cli/words.ts` searches without reading the whole file:
 *
 * | bytes | what |
 * |---|---|
 * | 4 | `TDW3` |
 * | 4 | N, the number of blocks (uint32 LE) |
 * | 4 | H, the length of the heads section (uint32 LE) |
 * | 4 N | each block's offset from the start of the file (uint32 LE) |
 * | 4 N | where each block's first word starts in the heads section (uint32 LE) |
 * | H | each block's first word: length (1 byte), bytes |
 * | … | the blocks |
 *
 * A block holds up to 64 words: its first word whole (`length, bytes`), then each word as the
 * number of bytes it shares with the word before and the rest (`shared, length, bytes`). The
 * header and heads are read once; a look-up then reads one block. Words are at most 255 bytes.
 */
const blockSize = 64;

/** The packed list. */
export function pack(words) {
	const blocks = [];
	const heads = [];
	const headStarts = [];
	let headLength = 0;
	for (let start = 0; start < words.length; start += blockSize) {
		const parts = [];
		let previous;
		for (const word of words.slice(start, start + blockSize)) {
			if (previous === undefined) {
				parts.push(Buffer.from([word.length]), word);
				heads.push(Buffer.from([word.length]), word);
				headStarts.push(headLength);
				headLength += 1 + word.length;
			} else {
				let shared = 0;
				while (shared < previous.length && shared < word.length && shared < 255 && previous[shared] === word[shared]) shared++;
				parts.push(Buffer.from([shared, word.length - shared]), word.subarray(shared));
			}

			previous = word;
		}

		blocks.push(Buffer.concat(parts));
	}

	const headSection = Buffer.concat(heads);
	const header = Buffer.alloc(12 + 8 * blocks.length);
	header.write('TDW3', 0, 'latin1');
	header.writeUInt32LE(blocks.length, 4);
	header.writeUInt32LE(headSection.length, 8);
	let offset = header.length + headSection.length;
	for (const [index, block] of blocks.entries()) {
		header.writeUInt32LE(offset, 12 + 4 * index);
		header.writeUInt32LE(headStarts[index], 12 + 4 * blocks.length + 4 * index);
		offset += block.length;
	}

	return Buffer.concat([header, headSection, ...blocks]);
}
