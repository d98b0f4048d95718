import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/index.js';
import {columnHeadsAsFurniture, isColumnHead, itemLines} from '../../src/eval/draft.js';
import {familyCases, familyNames, type FamilyCase, type FamilyInputs, type PairCase} from '../../src/eval/families.js';
import {loadFixtures, readFixtureText} from '../../src/eval/fixtures.js';
import {entryPool, layoutName, tenVolumeContents, volumeLayouts} from '../../src/eval/multi-volume.js';
import {makeNoisyPair, type NoisyPair} from '../../src/eval/noise.js';
import {expectExactTruth, lineReader} from './truth-check.js';

const fixtures = loadFixtures();
const seedText = readFileSync(new URL('../../samples/lenin-cw31-two-printings.txt', import.meta.url), 'utf8');
const inputs = (seeds: number): FamilyInputs => ({
	fixtures,
	paragraph: {
		name: 'krehbiel-music',
		text: readFixtureText('how-to-listen-to-music-krehbiel-en.txt'),
		titlePage: ['HOW TO LISTEN TO MUSIC', '', 'BY', 'H. E. KREHBIEL'],
	},
	seedFile: {name: 'lenin-cw31-seed', text: seedText, language: 'en', runningTitle: 'V. I. LENIN'},
	seeds,
	modes: ['two-files', 'one-file'],
});

const casesOf = (family: (typeof familyNames)[number], seeds = 3): FamilyCase[] => [...familyCases(family, inputs(seeds))];
const pairsOf = (family: (typeof familyNames)[number], seeds = 3): PairCase[] =>
	casesOf(family, seeds).filter((found): found is PairCase => found.type === 'pair');
const squeeze = (text: string): string => text.replaceAll(/\s+/gu, ' ').trim();

/** The base pair a transformed case was made from: the noise model's, its column heads page furniture. */
const baseOf = (found: PairCase): NoisyPair =>
	columnHeadsAsFurniture(
		makeNoisyPair(
			fixtures.find((fixture) => fixture.name === found.fixture)!,
			found.seed,
			{mode: found.mode},
		),
	);

describe.each(['synthetic', 'multi-volume', 'running-heads', 'reflow', 'paragraph', 'unicode'] as const)('the %s family', (family) => {
	const pairs = pairsOf(family);

	it('has cases, each with a truth exact about its files', () => {
		expect(pairs.length).toBeGreaterThan(0);
		for (const found of pairs) expectExactTruth(found.truth);
	});

	it('makes the same cases again for the same seeds', () => {
		expect(pairsOf(family).map((found) => found.truth)).toEqual(pairs.map((found) => found.truth));
	});
});

describe('the synthetic family', () => {
	it('is the noise model as it is, its column heads page furniture (#12)', () => {
		for (const found of pairsOf('synthetic', 2)) expect(found.truth).toEqual(baseOf(found));
		const withHeads = pairsOf('synthetic', 2).filter((found) => found.truth.furniture !== undefined);
		expect(withHeads.length).toBeGreaterThan(0);
		for (const found of withHeads) {
			for (const side of ['a', 'b'] as const) {
				const read = lineReader(found.truth, side);
				for (const line of found.truth.furniture![side]) expect(isColumnHead(read(line)!), read(line)).toBe(true);
				for (const item of found.truth[side].items) expect(isColumnHead(item.text), item.text).toBe(false);
			}
		}
	});

	it.each([
		['     Chap.                                  Page.', true],
		['\t<i>Page</i>', true],
		['    CHAPTER                                                         PAGE', true],
		['     Cbap.                                  Page.', true],
		['                                      Bladz.', true],
		['PART I--_Drill._                                  Paragraph.', false],
		['Preface\t13', false],
	])('reads %j as a column head: %s', (line, expected) => {
		expect(isColumnHead(line)).toBe(expected);
	});
});

describe('the running-heads family', () => {
	const pairs = pairsOf('running-heads', 4);
	const fromFixtures = pairs.filter((found) => found.fixture !== 'lenin-cw31-seed');

	it('adds furniture lines only: every item reads as before, every pair and single stays', () => {
		for (const found of fromFixtures) {
			const base = baseOf(found);
			for (const side of ['a', 'b'] as const) expect(found.truth[side].items.map((item) => item.text)).toEqual(base[side].items.map((item) => item.text));
			expect(found.truth.pairs).toEqual(base.pairs);
			expect(found.truth.singles).toEqual(base.singles);
		}
	});

	it('puts running heads into both printings, at different places, sometimes inside an entry', () => {
		const withHeads = fromFixtures.filter((found) => (found.truth.furniture?.a.length ?? 0) > 0 && (found.truth.furniture?.b.length ?? 0) > 0);
		expect(withHeads.length).toBeGreaterThan(fromFixtures.length / 3);
		const inside = pairs.some((found) =>
			found.truth.a.items.some((item) =>
				item.ownLines?.some((line, k) => k > 0 && line - item.ownLines![k - 1]! > 1 && found.truth.furniture!.a.includes(line - 1)),
			),
		);
		expect(inside).toBe(true);
	});

	it('writes furniture the way books print it', () => {
		const heads = new Set<string>();
		for (const found of fromFixtures) {
			for (const side of ['a', 'b'] as const) {
				const read = lineReader(found.truth, side);
				for (const line of found.truth.furniture?.[side] ?? []) heads.add(read(line)!);
			}
		}

		const shapes = [
			/^[ivxlc]+ CONTENTS$/u,
			/^CONTENTS [ivxlc]+$/u,
			/^\d+ CONTENTS$/u,
			/^CONTENTS \d+$/u,
			/^CONTENTS—continued$/u,
			/^(?:\d+|[ivxlc]+)$/u,
			/^(?:Page|PAGE|Page\.)$/u,
			/^\d+ GUERNSEY FOLK LORE$|^GUERNSEY FOLK LORE \d+$/u,
			/^INHOUD|INHOUD$/u,
		];
		for (const shape of shapes)
			expect(
				[...heads].some((head) => shape.test(head)),
				String(shape),
			).toBe(true);
		// Nothing else: each head has one of the shapes, in its book's language and title.
		const other =
			/^(?:\d+|[ivxlc]+) |^(?:CONTENTS|TABLE DES MATIÈRES|INHOUD|СОДЕРЖАНИЕ)|(?:\d+|[ivxlc]+)$|^(?:Page|PAGE|Page\.|Pages\.|Bladz\.|Blz\.|Стр\.?)$/u;
		for (const head of heads) expect(other.test(head) || isColumnHead(head), head).toBe(true);
	});

	it('holds the seed file to its own rows', () => {
		const own = compare([{name: 'lenin-cw31-seed.txt', text: seedText}]);
		const seeded = pairs.filter((found) => found.fixture === 'lenin-cw31-seed');
		expect(seeded).toHaveLength(4);
		for (const found of seeded) {
			expect(found.truth.pairs).toHaveLength(own.rows.filter((row) => row.a && row.b).length);
			expect(found.truth.singles).toHaveLength(own.rows.filter((row) => !(row.a && row.b)).length);
			expect(found.truth.pairs.flatMap((pair) => pair.differences.map((d) => d.kind))).toEqual(
				own.rows.filter((row) => row.a && row.b).flatMap((row) => row.differences.map((d) => d.kind)),
			);
			expect(found.truth.furniture!.a.length + found.truth.furniture!.b.length).toBeGreaterThan(0);
			// Without its furniture, the file is the seed again.
			const furniture = new Set(found.truth.furniture!.a);
			const kept = found.truth.sources[0]!.text.split('\n').filter((_, k) => !furniture.has(k + 1) && !found.truth.furniture!.b.includes(k + 1));
			expect(squeeze(kept.join('\n'))).toBe(squeeze(seedText));
		}
	});
});

describe('the reflow family', () => {
	const pairs = pairsOf('reflow', 6);

	it("keeps every entry's words, apart from what a case records as lost, and adds year headings to both printings alike", () => {
		const isYear = (item: {readonly text: string}) => /^\d{4}$/u.test(item.text);
		const years = (pair: NoisyPair, side: 'a' | 'b') => pair[side].items.filter((item) => isYear(item)).length;
		const words = (pair: NoisyPair, side: 'a' | 'b') =>
			pair[side].items
				.filter((item) => !isYear(item))
				.map((item) => squeeze(item.text))
				.join(' ');
		for (const found of pairs) {
			const base = baseOf(found);
			const lost = found.truth.pairs.some((pair) => pair.differences.some((d) => d.kind === 'words' || (d.kind === 'page' && (d.a === '' || d.b === ''))));
			if (!lost) for (const side of ['a', 'b'] as const) expect(words(found.truth, side)).toBe(words(base, side));
			expect(years(found.truth, 'a') - years(base, 'a')).toBe(years(found.truth, 'b') - years(base, 'b'));
		}
	});

	it('wraps the printings at different measures, and makes every kind of trouble somewhere', () => {
		const widest = (pair: NoisyPair, side: 'a' | 'b') =>
			Math.max(
				...pair[side].items.flatMap((item) =>
					item.text
						.split('\n')
						.slice(0, -1)
						.map((line) => line.length),
				),
				0,
			);
		expect(pairs.some((found) => Math.abs(widest(found.truth, 'a') - widest(found.truth, 'b')) >= 10)).toBe(true);
		const all = pairs.flatMap((found) => found.truth.pairs.flatMap((pair) => pair.differences));
		expect(all.some((d) => d.kind === 'words' && d.b === '')).toBe(true);
		expect(all.some((d) => d.kind === 'page' && (d.a === '' || d.b === ''))).toBe(true);
		expect(pairs.some((found) => found.truth.a.items.some((item) => /^\d{4}$/u.test(item.text)))).toBe(true);
		expect(pairs.some((found) => [...found.truth.a.items, ...found.truth.b.items].some((item) => item.ownLines !== undefined))).toBe(true);
	});

	it('pairs every year heading with the same year', () => {
		for (const found of pairs) {
			for (const pair of found.truth.pairs) {
				const a = found.truth.a.items[pair.a]!.text;
				if (/^\d{4}$/u.test(a)) expect(found.truth.b.items[pair.b]!.text).toBe(a);
			}
		}
	});
});

describe('the unicode family', () => {
	const pairs = pairsOf('unicode', 6);
	const visible = (text: string) => text.normalize('NFC').replaceAll(/[\u200B-\u200D\uFEFF]/gu, '');

	it('leaves an entry without a recorded difference reading the same once composed and without zero-width characters', () => {
		for (const found of pairs) {
			for (const pair of found.truth.pairs) {
				const a = found.truth.a.items[pair.a]!.text;
				const b = found.truth.b.items[pair.b]!.text;
				if (pair.differences.every((d) => d.kind === 'invisible') && pair.optional.length === 0) expect(visible(a)).toBe(visible(b));
				if (pair.differences.length === 0 && pair.optional.length === 0)
					expect(a.replaceAll(/[\u200B-\u200D\uFEFF]/gu, '').normalize('NFC')).toBe(b.replaceAll(/[\u200B-\u200D\uFEFF]/gu, '').normalize('NFC'));
			}
		}
	});

	it('decomposes one printing, adds zero-width characters, and writes pages in long Roman or other digits', () => {
		const texts = pairs.map((found) => found.truth.sources.map((source) => source.text).join('\n'));
		expect(texts.some((text) => text !== text.normalize('NFC'))).toBe(true);
		for (const character of ['\u200B', '\u200C', '\u200D', '\uFEFF'])
			expect(
				texts.some((text) => text.includes(character)),
				character.codePointAt(0)!.toString(16),
			).toBe(true);
		expect(texts.some((text) => /\t[\u0660-\u0669]+$/mu.test(text))).toBe(true);
		expect(texts.some((text) => /[\u0966-\u096F]+$/mu.test(text))).toBe(true);
		expect(texts.some((text) => /\b[lc]x+[vi]*$/mu.test(text))).toBe(true);
		const kinds = pairs.flatMap((found) => found.truth.pairs.flatMap((pair) => pair.differences.map((d) => d.kind)));
		expect(kinds).toContain('invisible');
	});

	it('records a zero-width difference as the word with and without the character', () => {
		for (const found of pairs) {
			for (const difference of found.truth.pairs.flatMap((pair) => pair.differences.filter((d) => d.kind === 'invisible'))) {
				expect(visible(difference.a)).toBe(visible(difference.b));
				expect(difference.a).not.toBe(difference.b);
			}
		}
	});
});

describe('the paragraph family', () => {
	const pairs = pairsOf('paragraph', 20);

	it('keeps each chapter one item, from its margin note to its page, in both printings', () => {
		for (const found of pairs) {
			for (const side of ['a', 'b'] as const) {
				const chapters = found.truth[side].items.filter((item) => item.text.startsWith('[Sidenote:'));
				expect(chapters).toHaveLength(9);
				for (const chapter of chapters) expect(chapter.text).toMatch(/_Page \d+_$/u);
			}
		}
	});

	it('breaks B elsewhere and sometimes drops a line, runs chapters together or joins a title to its summary', () => {
		const b = pairs.map((found) => found.truth.b.items.filter((item) => item.text.startsWith('[Sidenote:')));
		const a = pairs.map((found) => found.truth.a.items.filter((item) => item.text.startsWith('[Sidenote:')));
		expect(b.some((chapters, k) => chapters.some((chapter, j) => chapter.text !== a[k]![j]!.text))).toBe(true);
		expect(pairs.some((found) => found.truth.pairs.some((pair) => pair.differences.some((d) => d.kind === 'words')))).toBe(true);
		expect(b.flat().some((chapter) => /^_[^_]+_ \S/mu.test(chapter.text))).toBe(true);
		// Run together: a chapter's first line right after the previous chapter's page line.
		expect(
			pairs.some((found) =>
				found.truth.b.items.some((item, k) => k > 0 && item.text.startsWith('[Sidenote:') && item.lines[0] === found.truth.b.items[k - 1]!.lines[1] + 1),
			),
		).toBe(true);
	});

	it('never leaves an italic span open where it drops a line (the loss would be markup too)', () => {
		for (const found of pairs) for (const item of found.truth.b.items) expect((item.text.split('_').length - 1) % 2).toBe(0);
	});

	it('words a chapter the same in both printings, apart from its recorded differences', () => {
		for (const found of pairs) {
			for (const pair of found.truth.pairs) {
				if (pair.differences.length > 0) continue;
				expect(squeeze(found.truth.b.items[pair.b]!.text)).toBe(squeeze(found.truth.a.items[pair.a]!.text));
			}
		}
	});
});

describe('the multi-volume family', () => {
	const all = casesOf('multi-volume', 4);
	const pairs = all.filter((found): found is PairCase => found.type === 'pair');
	const text = (found: PairCase) => found.truth.sources[0]!.text;

	it('prints ten volumes, each with its heading and CONTENTS, twice in one file', () => {
		for (const found of pairs) {
			expect(found.mode).toBe('one-file');
			const volumes = text(found).match(/^VOLUME [IVX]+$/gmu) ?? [];
			// The noise model may drop a heading, or cut B's tail.
			expect(volumes.length).toBeGreaterThanOrEqual(14);
			expect(volumes.length).toBeLessThanOrEqual(20);
		}
	});

	it('recurs a run of titles in every volume, or no title at all', () => {
		for (const found of pairs) {
			const a = found.truth.a.items.map((item) => squeeze(item.text.replace(/(?:\s|\.\s)+(?:\d+|[ivxlc]+)$/u, '')));
			const recurring = a.filter((title) => title === 'Preface').length;
			if (found.fixture.includes('recurring')) expect(recurring).toBeGreaterThanOrEqual(9);
			else {
				const titles = a.filter((title) => !/^(?:VOLUME [IVX]+|CONTENTS)$/u.test(title));
				expect(recurring).toBe(0);
				expect(new Set(titles).size).toBe(titles.length);
			}
		}
	});

	it.each(volumeLayouts.map((layout) => [layoutName(layout), layout] as const))('lays out %s as it says, before any noise', (_, layout) => {
		const pool = entryPool(fixtures.filter((fixture) => fixture.language === 'en'));
		for (const seed of [1, 2, 3]) {
			const volumes = tenVolumeContents(pool, layout, seed)
				.text.split(/^VOLUME [IVX]+$/mu)
				.slice(1);
			expect(volumes).toHaveLength(10);
			const entries = volumes.map((volume) =>
				[...volume.matchAll(/^(.+?)(?:\t| \. \. \. \. \. | {4})(\d+|[ivxlc]+)$/gmu)].map((match) => ({title: match[1]!, page: match[2]!})),
			);
			const arabic = entries.map((list) => list.filter((entry) => /^\d+$/u.test(entry.page)).map((entry) => Number(entry.page)));
			// Pages rise inside every volume; across volumes they rise too, or start over.
			for (const pages of arabic) expect(pages).toEqual([...pages].sort((x, y) => x - y));
			const runsOn = arabic.every((pages, k) => k === 0 || pages[0]! > arabic[k - 1]!.at(-1)!);
			expect(runsOn).toBe(layout.pages === 'continuing');
			const titles = entries.flat().map((entry) => entry.title);
			const prefaces = titles.filter((title) => title === 'Preface').length;
			expect(prefaces).toBe(layout.titles === 'recurring' ? 10 : 0);
			if (layout.titles === 'distinct') expect(new Set(titles).size).toBe(titles.length);
		}
	});

	it('holds one printing alone in a file as a case of its own', () => {
		const alone = all.filter((found): found is Extract<typeof found, {type: 'one-printing'}> => found.type === 'one-printing');
		expect(alone).toHaveLength(4);
		for (const found of alone) {
			expect((found.source.text.match(/^VOLUME I$/gmu) ?? []).length).toBeLessThanOrEqual(1);
			expect((found.source.text.match(/^CONTENTS$/gmu) ?? []).length).toBeGreaterThanOrEqual(9);
		}
	});
});

describe('every family', () => {
	it('has a tuning and a held-back part, which split its cases (seeds 1 to 10)', () => {
		for (const family of familyNames) {
			if (family === 'real-ocr') continue;
			const found = casesOf(family, 10);
			expect(
				found.some((one) => one.part === 'held'),
				family,
			).toBe(true);
			expect(
				found.some((one) => one.part === 'tune'),
				family,
			).toBe(true);
		}
	});

	it('gives the lines of every pair an item in each printing', () => {
		for (const found of pairsOf('reflow', 2)) {
			for (const pair of found.truth.pairs) {
				expect(itemLines(found.truth.a.items[pair.a]!).length).toBeGreaterThan(0);
				expect(itemLines(found.truth.b.items[pair.b]!).length).toBeGreaterThan(0);
			}
		}
	});
});
