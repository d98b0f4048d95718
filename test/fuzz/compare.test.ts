import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {alignItems} from '../../src/core/align.js';
import {compare, CompareError, splitLines, type Source} from '../../src/core/compare.js';
import {decode, DecodeError} from '../../src/core/decode.js';
import {lineReader, parseItems} from '../../src/core/parse.js';
import {findPrintings} from '../../src/core/split.js';
import {formats, noDecisions, ocrFormatNames, type Writer} from '../../src/report/index.js';
import {reportProblems} from '../../src/soak/report-schema.js';
import {anyBytes, fuzzRuns, fuzzTimeout, tocText} from './arbitraries.js';

let writers: ReadonlyArray<readonly [string, Writer]>;
beforeAll(async () => {
	writers = await Promise.all(formats.filter((f) => !ocrFormatNames.has(f.name)).map(async (f) => [f.name, await f.load()] as const));
});

/** An expected failure: one of the engine's own errors, with a one-line message for people. */
function expectExpected(error: unknown): void {
	if (!(error instanceof DecodeError || error instanceof CompareError)) throw error;
	expect(error.message).toMatch(/^\S.*\S$/);
	expect(error.message).not.toContain('\n');
}

/** Decode and compare the inputs, then write every report; return whether it got that far. */
function run(inputs: readonly Uint8Array[], splitAt: number | undefined): boolean {
	let sources: Source[];
	try {
		sources = inputs.map((bytes, i) => ({name: `input-${i}.txt`, text: decode(bytes, `input-${i}.txt`).text}));
		const comparison = compare(sources, splitAt === undefined ? {} : {splitAt});
		for (const [name, write] of writers) {
			const content = write(comparison, {decisions: noDecisions, sources}, {color: true});
			expect(typeof content).toBe('string');
			if (name === 'json') expect(reportProblems(JSON.parse(content))).toEqual([]);
		}

		return true;
	} catch (error) {
		expectExpected(error);
		return false;
	}
}

describe('fuzz: decode, compare and every report', fuzzTimeout, () => {
	it('never crash on one input of any bytes: only a DecodeError or CompareError with a message', () => {
		let compared = 0;
		fc.assert(
			fc.property(anyBytes, fc.option(fc.integer({min: 1, max: 400}), {nil: undefined}), (bytes, splitAt) => {
				if (run([bytes], splitAt)) compared++;
			}),
			{numRuns: fuzzRuns(150)},
		);
		// The inputs reach the reports, not only the errors.
		expect(compared).toBeGreaterThan(0);
	});

	it('never crash on two inputs of any bytes', () => {
		fc.assert(
			fc.property(anyBytes, anyBytes, (a, b) => {
				run([a, b], undefined);
			}),
			{numRuns: fuzzRuns(80)},
		);
	});

	it('read UTF-16 without a mark as UTF-16', () => {
		fc.assert(
			fc.property(
				tocText.filter((text) => /\n.*\S/.test(text) && text.length > 20),
				(text) => {
					const bytes = Buffer.from(text, 'utf16le');
					try {
						expect(decode(bytes).text).toBe(text);
					} catch (error) {
						expectExpected(error);
					}
				},
			),
			{numRuns: fuzzRuns(100)},
		);
	});
});

describe('fuzz: parse, split and align on any text', fuzzTimeout, () => {
	it('never throw, and keep lines in range', () => {
		fc.assert(
			fc.property(
				fc.oneof(tocText, fc.string({unit: 'grapheme', maxLength: 400}), fc.string({unit: 'binary', maxLength: 400})),
				tocText,
				fc.option(fc.nat(80), {nil: undefined}),
				(x, y, splitAt) => {
					const lines = splitLines(x);
					const read = lineReader(lines);
					const found = findPrintings(lines, splitAt === undefined ? {} : {splitAt}, read);
					for (const [first, last] of found.ranges) {
						expect(first).toBeGreaterThanOrEqual(1);
						expect(last).toBeGreaterThanOrEqual(first);
						expect(last).toBeLessThanOrEqual(lines.length);
					}

					const a = parseItems(lines, 1, lines.length, {read});
					const linesY = splitLines(y);
					const b = parseItems(linesY, 1, linesY.length);
					for (const item of a) expect(item.lines[1]).toBeLessThanOrEqual(lines.length);
					const ops = alignItems(a, b);
					const seen = ops.flatMap((op) => (op.kind === 'only-a' ? [op.a] : op.kind === 'only-b' ? [] : op.a));
					expect(seen.sort((i, j) => i - j)).toEqual(a.map((_item, i) => i));
				},
			),
			{numRuns: fuzzRuns(200)},
		);
	});
});
