import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {Exporter} from '../../src/report/context.js';
import {toCsv} from '../../src/report/csv.js';
import {toHtml} from '../../src/report/html.js';
import {toMarkdown} from '../../src/report/markdown.js';
import {toTei} from '../../src/report/tei.js';
import {toToc} from '../../src/report/toc.js';
import {decided, seed, undecided} from './seed.js';

const formats: ReadonlyArray<readonly [string, Exporter]> = [
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
