/**
 * The page images of printings read from OCR files, for the HTML report's crops: found where the
 * OCR file names them (beside it), or in `--images DIR`, and read as data URLs, so that the report
 * stays one file that needs no server.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {ReportSource, Scans} from '../report/index.js';

/** The image types browsers show, by their first bytes. */
function mimeOf(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
	if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
	if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
	return undefined;
}

const isTiff = (bytes: Uint8Array): boolean => (bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d);

/** The largest page image taken into a report (a 600 dpi colour TIFF is no crop for a browser). */
const maxImageBytes = 16 * 1024 * 1024;

/**
 * Read the page images of every source read from an OCR file: for each page, the image the file
 * names, looked for in `imagesDir` first (by its file name) and then beside the OCR file. What
 * cannot be found or shown is listed, each once, for the report to say.
 */
export async function loadScans(sources: readonly ReportSource[], imagesDir: string | undefined, cwd: string): Promise<Scans> {
	const pages = new Map<string, Map<number, string>>();
	const missing: string[] = [];
	for (const source of sources) {
		const document = source.ocr;
		if (document === undefined) continue;
		const found = new Map<number, string>();
		const lacking: number[] = [];
		const unshown: string[] = [];
		for (const page of document.pages) {
			if (page.image === undefined || page.width === undefined || page.height === undefined) {
				lacking.push(page.number);
				continue;
			}

			const candidates = [
				...(imagesDir === undefined ? [] : [path.resolve(cwd, imagesDir, path.basename(page.image))]),
				path.resolve(cwd, path.dirname(source.name), page.image),
			];
			let shown = false;
			for (const candidate of candidates) {
				let bytes: Uint8Array;
				try {
					// eslint-disable-next-line no-await-in-loop -- the first place that has it
					bytes = await readFile(candidate);
				} catch {
					continue;
				}

				const mime = mimeOf(bytes);
				if (mime === undefined || bytes.length > maxImageBytes) {
					const why = isTiff(bytes)
						? 'TIFF, which browsers do not show: convert it to PNG or JPEG'
						: mime === undefined
							? 'not an image a browser shows'
							: 'over 16 MB';
					unshown.push(`${page.image} (${why})`);
					shown = true;
					break;
				}

				found.set(page.number, `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`);
				shown = true;
				break;
			}

			if (!shown) lacking.push(page.number);
		}

		pages.set(source.name, found);
		if (lacking.length > 0) missing.push(`${source.name} page${lacking.length === 1 ? '' : 's'} ${lacking.join(', ')}`);
		missing.push(...unshown.map((what) => `${source.name}: ${what}`));
	}

	return {pages, missing};
}
