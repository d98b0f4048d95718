/**
 * Synthetic contents pages of any size, for benchmarks (issue 5): parts, numbered chapters and
 * lettered sections with realistic titles, dates and increasing pages, in one leader style.
 * Feed the result to `makeNoisyPair` (or use `makeLargePair`) for a pair with known truth.
 */
import {toRoman} from '../core/labels.js';
import {makeNoisyPair, type ContentsPage, type NoiseOptions, type NoisyPair} from './noise.js';
import {createRng, type Rng} from './rng.js';

/** Options for `synthesizeContents`. */
export type SynthOptions = {
	/** Mean number of chapters per part; 0 for no parts. @default 40 */
	readonly chaptersPerPart?: number;
	/** Share of chapters that have lettered sections. @default 0.3 */
	readonly sectionShare?: number;
	/** What stands between title and page. @default 'tab' */
	readonly leaders?: 'tab' | 'dots' | 'spaces';
};

const adjectives = [
	'Early',
	'Principal',
	'General',
	'Social',
	'Economic',
	'Political',
	'Practical',
	'Agrarian',
	'National',
	'Colonial',
	'Military',
	'Natural',
	'Historical',
	'Critical',
	'Ancient',
	'Modern',
	'Preliminary',
	'Final',
	'Provisional',
	'Elementary',
];
const nouns = [
	'Question',
	'Movement',
	'Theory',
	'Conference',
	'Congress',
	'Committee',
	'Method',
	'Society',
	'Music',
	'Church',
	'Sonata',
	'Festival',
	'Custom',
	'Instrument',
	'Reform',
	'Revolution',
	'Workers',
	'Peasants',
	'Schools',
	'Labour',
	'Industry',
	'Trade Unions',
	'Constitution',
	'Cooperative',
	'Party',
	'Frontier',
	'Harvest',
	'Railway',
	'Parliament',
	'Press',
];
const places = ['Moscow', 'Petrograd', 'London', 'Paris', 'Vienna', 'Berlin', 'Guernsey', 'The Hague', 'Kazan', 'Geneva', 'Rome', 'Boston'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const speeches = ['Speech Delivered at', 'Report to', 'Letter to', 'Telegram to', 'Reply to', 'Theses on', 'Draft Resolution of', 'Notes on', 'Remarks at'];

function title(rng: Rng): string {
	switch (rng.int(0, 4)) {
		case 0: {
			return `The ${rng.pick(adjectives)} ${rng.pick(nouns)} of the ${rng.pick(nouns)}`;
		}

		case 1: {
			return `${rng.pick(nouns)} and ${rng.pick(nouns)}`;
		}

		case 2: {
			return `${rng.pick(speeches)} the ${rng.pick(adjectives)} ${rng.pick(nouns)}, ${rng.pick(months)} ${rng.int(1, 28)}, ${rng.int(1890, 1925)}`;
		}

		case 3: {
			return `On the ${rng.pick(nouns)} in ${rng.pick(places)}`;
		}

		default: {
			return `${rng.pick(adjectives)} ${rng.pick(nouns)}`;
		}
	}
}

/**
 * A synthetic contents page of `entries` entries (parts, chapters and sections together).
 *
 * @example
 * const page = synthesizeContents(10_000, 1);
 * page.text.split('\n').length; // about 10 000 lines plus blank lines
 */
export function synthesizeContents(entries: number, seed: number, options: SynthOptions = {}): ContentsPage {
	const rng = createRng(seed);
	const chaptersPerPart = options.chaptersPerPart ?? 40;
	const sectionShare = options.sectionShare ?? 0.3;
	const leader = {tab: () => '\t', dots: () => ` ${'. '.repeat(rng.int(3, 8))}`, spaces: () => '    '}[options.leaders ?? 'tab'];
	const lines: string[] = ['CONTENTS', ''];
	let page = rng.int(1, 15);
	let part = 0;
	let chapter = 0;
	let count = 0;
	let untilPart = 0;
	while (count < entries) {
		if (chaptersPerPart > 0 && untilPart <= 0) {
			part++;
			chapter = 0;
			untilPart = rng.int(Math.ceil(chaptersPerPart / 2), chaptersPerPart * 2);
			if (count > 0) lines.push('');
			lines.push(`PART ${toRoman(part)}.—${title(rng).toUpperCase()}${leader()}${page}`, '');
			count++;
			continue;
		}

		chapter++;
		untilPart--;
		page += rng.int(1, 12);
		lines.push(`${chapter}. ${title(rng)}${leader()}${page}`);
		count++;
		if (rng.chance(sectionShare)) {
			const sections = rng.int(2, 6);
			for (let s = 0; s < sections && count < entries; s++) {
				page += rng.int(0, 4);
				lines.push(`    (${String.fromCodePoint(97 + (s % 26))}) ${title(rng)}${leader()}${page}`);
				count++;
			}
		}
	}

	return {name: `synthetic-${entries}`, text: `${lines.join('\n')}\n`, language: 'en'};
}

/**
 * A noisy pair of synthetic pages of `entries` entries, with its truth.
 *
 * @example
 * const pair = makeLargePair(100_000, 7); // compare(pair.sources) and score it
 */
export function makeLargePair(entries: number, seed: number, options: NoiseOptions & SynthOptions = {}): NoisyPair {
	return makeNoisyPair(synthesizeContents(entries, seed, options), seed, options);
}
