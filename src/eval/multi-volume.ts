/**
 * The `multi-volume` family: the contents of a set in ten volumes, each volume with its own heading
 * (`VOLUME III`) and `CONTENTS`, made from the entries of the evaluation's real contents pages, and
 * printed twice in one file by the noise model. Four layouts: titles that never recur across
 * volumes or a run of titles that recurs in every volume (`Preface`, `Introduction`, two section
 * titles, `Notes`, `Index`, each with its own pages); pages that run on through the set or start
 * over in every volume. And a file holding one printing of such a set: the right answer is that it
 * holds one printing (no split).
 */
import {toRoman} from '../core/labels.js';
import {parseLine, renderLine, sourceItems, type ContentsPage} from './noise.js';
import {createRng, hashSeed, type Rng} from './rng.js';

/** How a ten-volume contents is laid out. */
export type VolumeLayout = {
	/** `distinct`: no title recurs across volumes; `recurring`: a run of titles recurs in every volume. */
	readonly titles: 'distinct' | 'recurring';
	/** `continuing`: pages run on through the set; `restarting`: every volume starts again (front matter in roman). */
	readonly pages: 'continuing' | 'restarting';
};

/** The four layouts, in a fixed order. */
export const volumeLayouts: readonly VolumeLayout[] = [
	{titles: 'distinct', pages: 'continuing'},
	{titles: 'distinct', pages: 'restarting'},
	{titles: 'recurring', pages: 'continuing'},
	{titles: 'recurring', pages: 'restarting'},
];

/** The case name of a layout (`volumes-recurring-restarting`). */
export const layoutName = (layout: VolumeLayout): string => `volumes-${layout.titles}-${layout.pages}`;

/** How many volumes a set has. */
export const volumeCount = 10;

// Composed for the evaluation (no source): a set's title page and a later impression's extra line.
const setTitlePage = ['SELECTED WRITINGS', '', 'IN TEN VOLUMES', '', 'LONDON', '1912'];
const setTitlePageExtra = ['SECOND IMPRESSION'];

/** The run of titles that recurs in every volume: before the volume's own entries, between its halves, after them. */
const recurringFront = ['Preface', 'Introduction'];
const recurringMiddle = ['I. Articles and Speeches', 'II. Letters'];
const recurringBack = ['Notes', 'Index'];

const squeeze = (title: string): string =>
	title
		.toLowerCase()
		.replaceAll(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
const recurringKeys = new Set([...recurringFront, ...recurringMiddle, ...recurringBack].map((title) => squeeze(parseLine(title).body)));

/**
 * The entries a set can be made of: every one-line item with a page of the given contents pages,
 * as the title alone (no numbering, indentation, leaders or page: a set renumbers), each title once.
 */
export function entryPool(pages: readonly ContentsPage[]): string[] {
	const seen = new Set<string>();
	const pool: string[] = [];
	for (const page of pages) {
		for (const item of sourceItems(page.text)) {
			if (item.lines.length !== 1) continue;
			const line = parseLine(item.lines[0]!);
			if (line.page === '' || line.body.trim().length < 4) continue;
			const entry = line.body.trim();
			const key = squeeze(line.body);
			// A title that recurs in the pool, or one of the recurring run's own, would recur across volumes.
			if (seen.has(key) || recurringKeys.has(key)) continue;
			seen.add(key);
			pool.push(entry);
		}
	}

	return pool;
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
	const result = [...items];
	for (let k = result.length - 1; k > 0; k--) {
		const j = rng.int(0, k);
		[result[k], result[j]] = [result[j]!, result[k]!];
	}

	return result;
}

/**
 * A ten-volume contents page: each volume a `VOLUME N` heading, `CONTENTS`, and its entries (8 to
 * 13 of the pool's, never one twice; with the recurring run around and between them), in one leader
 * style, the pages as the layout says.
 *
 * @throws Error when the pool holds too few entries for ten volumes.
 * @example
 * const page = tenVolumeContents(entryPool(fixtures), {titles: 'recurring', pages: 'restarting'}, 3);
 * makeNoisyPair(page, 3, {mode: 'one-file'});
 */
export function tenVolumeContents(pool: readonly string[], layout: VolumeLayout, seed: number): ContentsPage {
	const rng = createRng(hashSeed(`multi-volume|${layoutName(layout)}`, seed));
	const entries = shuffled(pool, rng);
	if (entries.length < volumeCount * 13) throw new Error(`a ten-volume set needs ${volumeCount * 13} entries; the pool has ${entries.length}`);
	const gap = rng.pick(['\t', ' . . . . . ', '    ']);
	const lines: string[] = [];
	let page = rng.int(1, 9);
	let next = 0;
	const entry = (title: string, reading: string): string => renderLine({...parseLine(title), gap, page: reading});
	for (let volume = 1; volume <= volumeCount; volume++) {
		if (volume > 1) lines.push('', '');
		lines.push(`VOLUME ${toRoman(volume)}`, '', 'CONTENTS', '');
		if (layout.pages === 'restarting') page = rng.int(1, 9);
		const own = entries.slice(next, next + rng.int(8, 13));
		next += own.length;
		if (layout.titles === 'recurring') {
			// Front matter: roman pages when every volume starts over, else the running page.
			let front = rng.int(5, 9);
			for (const title of recurringFront) {
				if (layout.pages === 'restarting') {
					lines.push(entry(title, toRoman(front).toLowerCase()));
					front += rng.int(2, 6);
				} else {
					page += rng.int(2, 8);
					lines.push(entry(title, String(page)));
				}
			}
		}

		const half = Math.ceil(own.length / 2);
		for (const [k, title] of own.entries()) {
			if (layout.titles === 'recurring' && (k === 0 || k === half)) {
				page += rng.int(1, 3);
				lines.push(entry(recurringMiddle[k === 0 ? 0 : 1]!, String(page)));
			}

			page += rng.int(2, 24);
			lines.push(entry(title, String(page)));
		}

		if (layout.titles === 'recurring') {
			for (const title of recurringBack) {
				page += rng.int(8, 30);
				lines.push(entry(title, String(page)));
			}
		}
	}

	return {name: layoutName(layout), text: `${lines.join('\n')}\n`, language: 'en', titlePage: setTitlePage, titlePageExtra: setTitlePageExtra};
}
