/**
 * The outside tools: chromium (measuring text, drawing a page), ImageMagick (degrading it like a
 * scan) and Tesseract (reading it). Every call is synchronous and seeded where the tool draws
 * random numbers, so a run reproduces the same images and texts on the same machine.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

/** Run a command; throw with its stderr when it fails. */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options});
	if (result.error) throw result.error;
	if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 4).join(' ')} … failed (${result.status}): ${result.stderr}`);
	return result.stdout;
}

/** Headless chromium with a fresh profile (root needs --no-sandbox), then the profile is removed. */
function chromium(args) {
	const profile = mkdtempSync(path.join(tmpdir(), 'ocr-cases-chromium-'));
	try {
		return run('chromium', [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--hide-scrollbars',
			'--font-render-hinting=none',
			`--user-data-dir=${profile}`,
			...args,
		]);
	} finally {
		rmSync(profile, {recursive: true, force: true});
	}
}

/** Measure `[{key, css, text}]` in chromium (through the HTML file `file`): `{key: width in CSS px}`. */
export function measureTexts(requests, file) {
	const script = `
const items = ${JSON.stringify(requests.map(({key, css, text}) => [key, css, text]))};
const out = {};
for (const [key, css, text] of items) {
	const node = document.createElement('span');
	node.style.cssText = css + ';white-space:pre';
	node.textContent = text;
	document.body.append(node);
	out[key] = node.getBoundingClientRect().width;
}
const pre = document.createElement('pre');
pre.id = 'widths';
pre.textContent = JSON.stringify(out);
document.body.append(pre);`;
	writeFileSync(file, `<!doctype html><html><head><meta charset="utf-8"></head><body><script>${script}</script></body></html>`);
	const dom = chromium(['--dump-dom', `file://${file}`]);
	const match = /<pre id="widths">([^<]*)<\/pre>/u.exec(dom);
	if (!match) throw new Error('chromium did not report the widths');
	return JSON.parse(match[1].replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'));
}

/** Draw an HTML page to a PNG at `scale` image pixels per CSS pixel. */
export function screenshot(htmlFile, pngFile, width, height, scale) {
	chromium([`--window-size=${width},${height}`, `--force-device-scale-factor=${scale}`, `--screenshot=${pngFile}`, `file://${htmlFile}`]);
}

/**
 * Degrade a clean page like a scan: specks drawn first, a slight rotation, down to the scan's
 * dpi, ink made bold or faded, blur, noise, JPEG. `specks` are `[x, y, r]` in the clean image's pixels.
 */
export function degrade(pngFile, jpgFile, scan, specks) {
	const args = [pngFile, '-colorspace', 'Gray'];
	if (specks.length > 0) {
		args.push('-fill', 'black', '-stroke', 'none');
		for (const [x, y, r] of specks) args.push('-draw', `circle ${x.toFixed(1)},${y.toFixed(1)} ${(x + r).toFixed(1)},${y.toFixed(1)}`);
	}

	args.push('-background', 'white', '-virtual-pixel', 'white', '-distort', 'SRT', String(scan.rotation), '+repage');
	switch (scan.ink) {
		case 'bold': {
			// Ink spread: blur, then everything darker than the threshold turns black.
			args.push('-blur', '0x1.2', '-level', `${scan.inkAmount}%,100%`);
			break;
		}

		case 'faded': {
			// Worn type: blur, light greys turn white (strokes thin and break), black turns grey.
			args.push('-blur', '0x1.0', '-level', `0%,${100 - scan.inkAmount}%`);
			break;
		}

		default: {
			break;
		}
	}

	args.push('-resize', `${((scan.dpi / scan.renderDpi) * 100).toFixed(3)}%`);
	if (scan.blur > 0) args.push('-blur', `0x${scan.blur}`);
	if (scan.ink === 'faded') args.push('+level', `${scan.greyInk}%,100%`);
	args.push('-seed', String(scan.seed), '-attenuate', String(scan.noise), '+noise', 'Gaussian');
	if (scan.paper < 100) args.push('+level', `0%,${scan.paper}%`);
	args.push('-density', String(scan.dpi), '-units', 'PixelsPerInch', '-quality', String(scan.quality), jpgFile);
	run('convert', args, {env: {...process.env, MAGICK_THREAD_LIMIT: '1'}});
}

/**
 * Read an image with Tesseract: writes `base.txt`, `base.hocr` and `base.xml` (ALTO). It runs in
 * the image's folder, so that the outputs name the image without the folder (the same on every machine).
 */
export function ocr(imageFile, base, language, psm) {
	run('tesseract', [path.basename(imageFile), path.basename(base), '-l', language, '--psm', String(psm), 'txt', 'hocr', 'alto'], {
		cwd: path.dirname(imageFile),
		env: {...process.env, OMP_THREAD_LIMIT: '1'},
	});
	return {
		text: readFileSync(`${base}.txt`, 'utf8'),
		hocr: readFileSync(`${base}.hocr`, 'utf8'),
		alto: readFileSync(`${base}.xml`, 'utf8'),
	};
}

/** The versions of the tools, for the README and each case's render notes. */
export function toolVersions() {
	const first = (command, args) => run(command, args).split('\n')[0].trim();
	return {
		tesseract: first('tesseract', ['--version']),
		imagemagick: first('convert', ['-version']),
		chromium: first('chromium', ['--version']),
	};
}
