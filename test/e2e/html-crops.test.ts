import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error -- a script of the repository, in JavaScript
import {checkHtmlCrops} from '../../scripts/check-html-crops.mjs';
import {runCli} from './run-cli.js';

const folder = path.resolve('test/fixtures/ocr/macdowell-essays-1');
const scratch = mkdtempSync(path.join(tmpdir(), 'tocdiff-html-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));
const hasChromium = spawnSync('chromium', ['--version'], {stdio: 'ignore'}).status === 0;
type Check = {crops: number; loaded: number; inked: number; failures: string[]};
const check = checkHtmlCrops as (file: string) => Check;

/** The HTML report of A against B, from the fixture folder (where the page images are). */
function report(a: string, b: string, extra: readonly string[] = []): string {
	const out = path.join(scratch, `${a}-${b}.html`);
	const result = runCli([path.join(folder, a), path.join(folder, b), '-o', out, ...extra]);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return out;
}

describe('the HTML report shows each changed row’s lines cut from the scans (#15)', () => {
	it('crops every changed reading of two hOCR printings from its page image, inline', () => {
		const html = readFileSync(report('a.hocr', 'b.hocr'), 'utf8');
		const crops = html.match(/<svg class="crop" [^>]*>/gu) ?? [];
		expect(crops.length).toBeGreaterThan(30);
		// Each page image once, as data: the report needs no server and no other file.
		expect(html.match(/<image id="scan-\d-\d" href="data:image\/jpeg;base64,/gu)).toHaveLength(4);
		expect(html).not.toMatch(/src="(?!data:)|href="(?!data:|#)/u);
		expect(html).not.toContain('class="scan-note"');
	});

	it('says once which scans it did not find', () => {
		const html = readFileSync(report('a.alto.xml', 'b.hocr'), 'utf8');
		expect(html.match(/class="scan-note"/gu)).toHaveLength(1);
		expect(html).toContain('No scan found for');
		expect(html).toContain('a.alto.xml page 2');
		// Plain text has no scan and no note.
		expect(readFileSync(report('a.txt', 'b.txt'), 'utf8')).not.toContain('scan-note');
	});

	it('finds the page images in --images DIR', () => {
		const alto = path.join(scratch, 'elsewhere.alto.xml');
		cpSync(path.join(folder, 'a.alto.xml'), alto);
		const out = path.join(scratch, 'images.html');
		expect(runCli([alto, path.join(folder, 'b.txt'), '-o', out]).code).toBe(0);
		expect(readFileSync(out, 'utf8')).toMatch(/elsewhere\.alto\.xml pages 1, 2/u);
		expect(runCli([alto, path.join(folder, 'b.txt'), '-o', out, '--images', folder]).code).toBe(0);
		expect(readFileSync(out, 'utf8')).toMatch(/<svg class="crop"/u);
	});

	it.skipIf(!hasChromium)('in Chromium, every crop’s image loads and shows ink', () => {
		const result = check(report('a.hocr', 'b.hocr'));
		expect(result.failures).toEqual([]);
		expect(result.crops).toBeGreaterThan(30);
		expect(result.inked).toBe(result.crops);
	});

	it.skipIf(!hasChromium)('in Chromium, a blank scan and a broken one fail the check', () => {
		const html = readFileSync(report('a.hocr', 'b.hocr'), 'utf8');
		const white = `data:image/png;base64,${readFileSync(path.join(folder, '../white-page.png')).toString('base64')}`;
		const blank = path.join(scratch, 'blank.html');
		writeFileSync(blank, html.replaceAll(/href="data:image\/jpeg;base64,[^"]*"/gu, `href="${white}"`));
		expect(check(blank).inked).toBe(0);
		const broken = path.join(scratch, 'broken.html');
		writeFileSync(broken, html.replaceAll(/href="data:image\/jpeg;base64,[^"]*"/gu, 'href="data:image/jpeg;base64,AAAA"'));
		expect(check(broken).loaded).toBe(0);
	});
});
