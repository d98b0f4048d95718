/**
 * Crops of the scans for the HTML report: each page image once, as an SVG `<image>` (a data URL)
 * in a hidden `<defs>`, and each reading's lines as a small SVG whose `viewBox` is the lines' box
 * on that page, drawing the page through `<use>`. Inline, so the report needs no server.
 */
import type {Box, TocItem} from '../core/types.js';
import {boxAround} from '../core/box.js';
import type {Scans} from './context.js';
import {escapeHtml as h} from './escape.js';
import {placeText} from './place.js';

/** A page image of a printing's source, as the report names it. */
export type ScanPage = {readonly id: string; readonly href: string; readonly width: number; readonly height: number};

/** The scans the report can draw from, by source name and page, each with its id in the report. */
export type ScanIndex = ReadonlyMap<string, ReadonlyMap<number, ScanPage>>;

/** Index the scans: each page image gets an id (`scan-1-2`: the second source's page 2, sources from 0). */
export function scanIndex(
	scans: Scans | undefined,
	sizes: ReadonlyMap<string, ReadonlyMap<number, {readonly width: number; readonly height: number}>>,
): ScanIndex {
	const index = new Map<string, Map<number, ScanPage>>();
	let k = 0;
	for (const [source, pages] of scans?.pages ?? []) {
		const entries = new Map<number, ScanPage>();
		for (const [page, href] of pages) {
			const size = sizes.get(source)?.get(page);
			if (size) entries.set(page, {id: `scan-${k}-${page}`, href, ...size});
		}

		index.set(source, entries);
		k++;
	}

	return index;
}

/** The hidden SVG that holds each page image once, for the crops to draw. */
export function scanDefinitions(index: ScanIndex): string {
	const images = [...index.values()].flatMap((pages) => [...pages.values()]);
	if (images.length === 0) return '';
	return [
		'<svg class="scans" width="0" height="0" aria-hidden="true"><defs>',
		...images.map((page) => `<image id="${page.id}" href="${page.href}" width="${page.width}" height="${page.height}" preserveAspectRatio="none"/>`),
		'</defs></svg>',
	].join('\n');
}

/** How much of a page's own units one CSS pixel of a crop shows: a scan's line at about 60 %. */
const scale = 0.6;

/**
 * The crops of an item's lines from its printing's scan: one per page it is on, the box of its
 * lines there with a margin; empty when the item has no place or its page has no image.
 */
export function cropsOf(item: TocItem | null, source: string, index: ScanIndex, printing: string): string {
	if (item?.place === undefined) return '';
	const pages = index.get(source);
	if (pages === undefined) return '';
	const byPage = new Map<number, Box[]>();
	for (const line of item.place.lines) if (line.box) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line.box]);
	const crops: string[] = [];
	for (const [page, boxes] of byPage) {
		const scan = pages.get(page);
		const box = boxAround(boxes);
		if (scan === undefined || box === undefined) continue;
		const margin = Math.round(Math.min(box.height, 40) * 0.25);
		const x = Math.max(0, box.x - margin);
		const y = Math.max(0, box.y - margin);
		const width = Math.min(scan.width - x, box.width + 2 * margin);
		const height = Math.min(scan.height - y, box.height + 2 * margin);
		const label = `${printing} ${placeText(item) ?? `p. ${page}`} on the scan`;
		crops.push(
			`<svg class="crop" viewBox="${x} ${y} ${width} ${height}" width="${Math.round(width * scale)}" height="${Math.round(height * scale)}" ` +
				`role="img" aria-label="${h(label)}" data-scan="${scan.id}"><title>${h(label)}</title><use href="#${scan.id}"/></svg>`,
		);
	}

	return crops.length === 0 ? '' : `<div class="crops">${crops.join('')}</div>`;
}
