#!/usr/bin/env node
/**
 * Check the scan crops of an HTML report in a real browser (Debian's `chromium`, headless): each
 * crop's page image must load, and the part of it the crop shows must hold ink (dark pixels), not
 * be blank. Prints one JSON line: {crops, loaded, inked, failures: [...]}; exits 1 on a failure.
 *
 *   node scripts/check-html-crops.mjs report.html [--chromium PATH]
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** Runs in the page: draws each crop's region of its page image on a canvas and counts the dark pixels. */
const checker = `
<script>
window.addEventListener('load', async () => {
	const out = {crops: 0, loaded: 0, inked: 0, failures: []};
	const crops = [...document.querySelectorAll('svg.crop')];
	out.crops = crops.length;
	for (const crop of crops) {
		const id = crop.getAttribute('data-scan');
		const source = document.getElementById(id);
		const [x, y, w, h] = crop.getAttribute('viewBox').split(' ').map(Number);
		const label = crop.getAttribute('aria-label');
		const image = new Image();
		const loaded = await new Promise((resolve) => { image.onload = () => resolve(true); image.onerror = () => resolve(false); image.src = source.getAttribute('href'); });
		if (!loaded || image.naturalWidth === 0) { out.failures.push(label + ': the page image does not load'); continue; }
		out.loaded++;
		// The crop is in the page's own units (image width/height attributes); the image may be smaller or larger.
		const sx = image.naturalWidth / Number(source.getAttribute('width'));
		const sy = image.naturalHeight / Number(source.getAttribute('height'));
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(w * sx));
		canvas.height = Math.max(1, Math.round(h * sy));
		const context = canvas.getContext('2d');
		context.drawImage(image, x * sx, y * sy, w * sx, h * sy, 0, 0, canvas.width, canvas.height);
		const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
		// Ink is what is much darker than the paper (the crop's light level that most pixels reach):
		// faded grey print counts, a blank or uniform crop does not.
		const levels = [];
		for (let i = 0; i < data.length; i += 4) levels.push(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]);
		const paper = [...levels].sort((p, q) => p - q)[Math.floor(levels.length * 0.9)];
		let dark = 0;
		for (const level of levels) if (level < paper * 0.65) dark++;
		const share = dark / (data.length / 4);
		if (share >= 0.001) out.inked++;
		else out.failures.push(label + ': shows no ink (' + (share * 100).toFixed(2) + ' % dark)');
	}
	const pre = document.createElement('pre');
	pre.id = 'crop-check';
	pre.textContent = JSON.stringify(out);
	document.body.append(pre);
	document.title = 'checked';
});
</script>`;

/** Check the crops of the HTML report in `file`. */
export function checkHtmlCrops(file, chromium = 'chromium') {
	const folder = mkdtempSync(path.join(tmpdir(), 'tocdiff-crops-'));
	try {
		const copy = path.join(folder, 'report.html');
		writeFileSync(copy, readFileSync(file, 'utf8').replace('</body>', `${checker}\n</body>`));
		const dom = execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=10000', '--dump-dom', `file://${copy}`], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 120_000,
			maxBuffer: 256 * 1024 * 1024,
		});
		const found = /<pre id="crop-check">([^<]*)<\/pre>/u.exec(dom);
		if (!found) return {crops: 0, loaded: 0, inked: 0, failures: ['the check did not run in the browser']};
		return JSON.parse(found[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--chromium');
	const chromium = at === -1 ? 'chromium' : args[at + 1];
	const file = args.find((arg, k) => !arg.startsWith('--') && args[k - 1] !== '--chromium');
	const result = checkHtmlCrops(file, chromium);
	console.log(JSON.stringify(result));
	process.exitCode = result.failures.length > 0 || result.crops === 0 ? 1 : 0;
}
