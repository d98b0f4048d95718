import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {matchDecisions, rowKeys} from '../../src/core/decisions.js';
import {DecisionsFileError, loadDecisions} from '../../src/cli/decisions-file.js';
import {formats, ocrFormatNames, type Writer} from '../../src/report/index.js';
import {reportProblems} from '../../src/soak/report-schema.js';
import {seed, seedSources} from '../report/seed.js';
import {fuzzRuns, fuzzTimeout} from './arbitraries.js';

let dir: string;
let writers: ReadonlyArray<readonly [string, Writer]>;
beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-fuzz-decisions-'));
	writers = await Promise.all(formats.filter((f) => !ocrFormatNames.has(f.name)).map(async (f) => [f.name, await f.load()] as const));
});
afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

const keys = rowKeys(seed.rows);
const anyValue = fc.oneof(fc.jsonValue({maxDepth: 2}), fc.constant(undefined));

/** An entry shaped almost like a real decision: real keys and verdicts, with any field any value. */
const nearDecision = fc.record(
	{
		key: fc.oneof(fc.constantFrom(...keys), fc.string(), anyValue),
		verdict: fc.oneof(fc.constantFrom('a', 'b', 'edit', 'not-error'), anyValue),
		// An `edit` needs its reading (a file without it is refused), so mostly give one.
		text: fc.oneof({weight: 3, arbitrary: fc.string({minLength: 1})}, {weight: 1, arbitrary: anyValue}),
		note: fc.oneof(fc.string({unit: 'grapheme'}), anyValue),
		a: fc.oneof(fc.string(), anyValue),
		b: fc.oneof(fc.string(), anyValue),
		extra: anyValue,
	},
	{requiredKeys: []},
);

/** A decision as the screen writes it, so that files that load stay common among the mangled ones. */
const wellFormed = fc.record(
	{key: fc.constantFrom(...keys), verdict: fc.constantFrom('a', 'b', 'not-error'), note: fc.string({minLength: 1}), a: fc.string(), b: fc.string()},
	{requiredKeys: ['key']},
);

const nearFile = fc
	.tuple(
		fc.record(
			{
				schema: fc.oneof({weight: 4, arbitrary: fc.constant('tocdiff-decisions/1')}, {weight: 1, arbitrary: anyValue}),
				decisions: fc.oneof(
					{
						weight: 4,
						arbitrary: fc.array(fc.oneof({weight: 5, arbitrary: nearDecision}, {weight: 3, arbitrary: wellFormed}, {weight: 1, arbitrary: anyValue}), {
							maxLength: 6,
						}),
					},
					{weight: 1, arbitrary: anyValue},
				),
				more: anyValue,
			},
			{requiredKeys: []},
		),
		fc.nat(4),
	)
	.map(([file, indent]) => JSON.stringify(file, undefined, indent));

/** What a decisions file might hold: its real shape nearly, any JSON, any text, any bytes. */
const content = fc.oneof(
	{weight: 4, arbitrary: nearFile.map((text) => Buffer.from(text))},
	{weight: 1, arbitrary: fc.array(wellFormed, {maxLength: 6}).map((decisions) => Buffer.from(JSON.stringify({schema: 'tocdiff-decisions/1', decisions})))},
	// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify gives undefined for some values, whatever its type says
	{weight: 1, arbitrary: fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? ''))},
	{weight: 1, arbitrary: fc.string({unit: 'binary'}).map((text) => Buffer.from(text))},
	{weight: 1, arbitrary: fc.uint8Array({maxLength: 200})},
	// A real file spoiled: cut short, or with a byte-order mark.
	{weight: 1, arbitrary: fc.tuple(nearFile, fc.nat()).map(([text, cut]) => Buffer.from(text).subarray(0, cut % (text.length + 1)))},
	{weight: 1, arbitrary: nearFile.map((text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))},
);

describe('fuzz: the decisions file', fuzzTimeout, () => {
	it('loadDecisions returns decisions or throws a one-line DecisionsFileError, and every report takes what it returns', async () => {
		let loaded = 0;
		await fc.assert(
			fc.asyncProperty(content, async (bytes) => {
				const file = path.join(dir, 'vol.txt.tocdiff.json');
				writeFileSync(file, bytes);
				let decisions;
				try {
					decisions = await loadDecisions(file);
				} catch (error) {
					if (!(error instanceof DecisionsFileError)) throw error;
					expect(error.message).not.toContain('\n');
					expect(error.message).toContain(file);
					return;
				}

				loaded++;
				expect(Array.isArray(decisions)).toBe(true);
				const match = matchDecisions(seed.rows, decisions);
				for (const [name, write] of writers) {
					const report = write(seed, {decisions: match, sources: seedSources}, {});
					if (name === 'json') expect(reportProblems(JSON.parse(report))).toEqual([]);
				}
			}),
			{numRuns: fuzzRuns(60)},
		);
		expect(loaded).toBeGreaterThan(0);
	});
});
