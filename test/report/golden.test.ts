import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {Comparison} from '../../src/core/types.js';
import type {ReportContext} from '../../src/report/context.js';
import {toCsv} from '../../src/report/csv.js';
import {toHtml} from '../../src/report/html.js';
import {toMarkdown} from '../../src/report/markdown.js';
import {toTei} from '../../src/report/tei.js';
import {toToc} from '../../src/report/toc.js';
import {toText} from '../../src/report/text.js';
import {decided, repaginated, repaginatedContext, seed, undecided} from './seed.js';

type Write = (comparison: Comparison, context: ReportContext) => string;

const formats: ReadonlyArray<readonly [string, Write]> = [
	['md', toMarkdown],
	['csv', toCsv],
	['html', toHtml],
	['tei.xml', toTei],
	['toc.txt', toToc],
];

const golden = (name: string): string => fileURLToPath(new URL(`../fixtures/expected/${name}`, import.meta.url));

describe.each(formats)('the %s export of the seed', (extension, exporter) => {
	it.each([
		['seed', undecided],
		['seed-decided', decided],
	] as const)('matches %s.' + extension + ' byte for byte', (name, context) => {
		const actual = exporter(seed, context);
		const path = golden(`${name}.${extension}`);
		// Regenerate only on purpose, and review the diff: UPDATE_GOLDEN=1 npx vitest run test/report
		if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
		expect(actual).toBe(readFileSync(path, 'utf8'));
	});
});

// The checks (#7): a printing with pages out of order, misnumbered entries and a page offset.
describe.each([
	['txt', toText],
	['md', toMarkdown],
] as const)('the %s report of the repaginated seed', (extension, exporter) => {
	it(`matches repaginated.${extension} byte for byte`, () => {
		const actual = exporter(repaginated, repaginatedContext);
		const path = golden(`repaginated.${extension}`);
		if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
		expect(actual).toBe(readFileSync(path, 'utf8'));
	});
});
