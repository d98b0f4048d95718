import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {findPrintings} from '../../src/core/split.js';

const seed = readFileSync(new URL('../../samples/lenin-cw31-two-printings.txt', import.meta.url), 'utf8').split('\n');

const page = (titles: readonly string[], firstPage = 1) => titles.map((t, i) => `${t}\t${firstPage + i * 7}`);
const titles = [
	'Preface',
	'The Origins of the Quarrel',
	'The First Campaign',
	'Winter Quarters',
	'The Second Campaign',
	'The Peace',
	'Aftermath',
	'Notes',
	'Index',
];

describe('findPrintings', () => {
	it('finds the two printings of the seed at lines 2–121 and 123–223', () => {
		const {ranges, report} = findPrintings(seed);
		expect(ranges).toEqual([
			[2, 121],
			[123, 223],
		]);
		expect(report.boundaries).toEqual([123]);
		expect(report.confidence).toBeGreaterThan(0.9);
	});

	it('finds a second printing that starts at its contents heading, without the title page', () => {
		const lines = ['MY BOOK', 'BY ME', '', 'CONTENTS', ...page(titles), '', 'CONTENTS', ...page(titles)];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 13],
			[15, 24],
		]);
	});

	it('finds a second printing from its recurring entries and the pages starting over', () => {
		const noisy = page(titles).map((l) => l.replace('Campaign', 'Carnpaign'));
		const lines = [...page(titles), '', ...noisy];
		const {ranges, report} = findPrintings(lines);
		expect(ranges).toEqual([
			[1, 9],
			[11, 19],
		]);
		expect(report.method).toContain('page numbers start over');
	});

	it('takes an added title page into the printing it opens', () => {
		const lines = ['CONTENTS', ...page(titles), '', 'SECOND EDITION, REVISED', '', 'CONTENTS', ...page(titles)];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 10],
			[12, 23],
		]);
	});

	it('does not take the middle of the second opening for a third printing', () => {
		const one = ['CONTENTS', ...page(titles)];
		const withoutSecond = one.filter((_, i) => i !== 2);
		const lines = [...withoutSecond, '', ...one];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 9],
			[11, 20],
		]);
	});

	it('keeps a last entry without a page in the first printing when the file is doubled', () => {
		const one = ['CONTENTS.', ...page(titles), '  [Index]'];
		expect(findPrintings([...one, ...one]).ranges).toEqual([
			[1, 11],
			[12, 22],
		]);
	});

	it('finds three printings', () => {
		const one = ['CONTENTS', ...page(titles)];
		const lines = [...one, '', ...one, '', ...one];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 10],
			[12, 21],
			[23, 32],
		]);
	});

	it('starts the third printing at an entry it moved before its heading, not in the second (#16)', () => {
		// C printed its `The Peace` first, above its heading: the line is C's, though B ends just before it.
		const one = ['CONTENTS', ...page(titles)];
		const moved = page(titles).filter((line) => !line.startsWith('The Peace'));
		const c = [page(titles)[5]!, 'CONTENTS', ...moved];
		const lines = [...one, '', ...one, '', '', ...c];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 10],
			[12, 21],
			[24, 33],
		]);
	});

	it('starts the third printing at the column head above its first entry (#16)', () => {
		const one = ['Chap.\t\tPage.', '', ...page(titles)];
		const lines = ['CONTENTS', ...one, '', '', 'CONTENTS', ...one, '', '', ...one];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 12],
			[15, 26],
			[29, 39],
		]);
	});

	it('says at which boundary page numbers start over when only one of two does', () => {
		const printing = (offset: number) => [
			'CONTENTS',
			`Preface\t${1 + offset}`,
			`Chapter I. The Start\t${5 + offset}`,
			`Chapter II. The Middle\t${9 + offset}`,
			`Chapter III. The End\t${12 + offset}`,
		];
		const {report} = findPrintings([...printing(0), '', ...printing(20), '', ...printing(0)]);
		expect(report.boundaries).toEqual([7, 13]);
		expect(report.method).toBe('the opening lines recur, and page numbers start over at line 13');
	});

	it('takes several split lines for three printings, in any order, each at the next line of text', () => {
		const one = ['CONTENTS', ...page(titles)];
		const lines = [...one, '', ...one, '', ...one];
		expect(findPrintings(lines, {splitAt: [22, 11]}).ranges).toEqual([
			[1, 10],
			[12, 21],
			[23, 32],
		]);
		expect(findPrintings(lines, {splitAt: [22, 11]}).report).toEqual({boundaries: [12, 23], confidence: 1, method: '--split-at'});
	});

	it('finds the second printing when it moved one of its opening entries far down', () => {
		const many = [...titles, 'Appendix A', 'Appendix B', 'Appendix C', 'Appendix D', 'Appendix E', 'Appendix F', 'Appendix G'];
		const moved = [many[0]!, ...many.slice(2), many[1]!];
		const lines = ['CONTENTS', ...page(many), 'CONTENTS', ...page(moved)];
		expect(findPrintings(lines).ranges).toEqual([
			[1, many.length + 1],
			[many.length + 2, 2 * many.length + 2],
		]);
	});

	it('reports a single printing when nothing recurs', () => {
		const {ranges, report} = findPrintings(['CONTENTS', ...page(titles)]);
		expect(ranges).toHaveLength(1);
		expect(report.boundaries).toEqual([]);
		expect(report.confidence).toBe(0);
	});

	it('splits where the user says with --split-at', () => {
		const {ranges, report} = findPrintings(seed, {splitAt: 130});
		// Line 130 is blank: the second printing starts at the next line with text.
		expect(ranges).toEqual([
			[2, 129],
			[131, 223],
		]);
		expect(report).toMatchObject({boundaries: [131], confidence: 1, method: '--split-at'});
	});
});

const words = [
	'river',
	'winter',
	'letter',
	'speech',
	'harbour',
	'garden',
	'council',
	'railway',
	'famine',
	'treaty',
	'market',
	'village',
	'mountain',
	'printer',
	'teacher',
	'soldier',
	'bridge',
	'prison',
	'library',
	'quarrel',
	'journey',
	'orchard',
	'church',
	'factory',
];
/** A title of three words from a list, different for every `n` below 24³. */
const titleOf = (n: number): string => {
	const pick = (k: number) => words[(n * [7, 11, 13][k]! + k * 5 + Math.floor(n / [1, 24, 576][k]!)) % words.length]!;
	return `The ${pick(0)} and the ${pick(1)} of the ${pick(2)} ${n}`;
};

/** A ten-volume contents: each volume a heading, CONTENTS, and its entries; `shared` titles open every volume. */
function tenVolumes(options: {readonly shared: boolean; readonly pagesRestart: boolean; readonly perVolume?: number}): string[] {
	const lines = ['THE COLLECTED WORKS', '', 'IN TEN VOLUMES', ''];
	let page = 1;
	const perVolume = options.perVolume ?? 30;
	for (let volume = 1; volume <= 10; volume++) {
		if (options.pagesRestart) page = 1;
		lines.push(`VOLUME ${volume}`, '', 'CONTENTS', '');
		const shared = options.shared ? ['Preface', 'Introduction', 'Chronology', 'A Note on the Text', 'Abbreviations'] : [];
		const own = Array.from({length: perVolume - shared.length}, (_, k) => titleOf(volume * 100 + k));
		for (const title of [...shared, ...own]) {
			lines.push(`${title}\t${page}`);
			page += 3 + ((page * 7) % 5);
		}

		lines.push('');
	}

	return lines;
}

describe('findPrintings: what explains the file best (#12)', () => {
	it.each([
		['titles that never recur, pages running on', {shared: false, pagesRestart: false}],
		['titles that never recur, pages starting over in every volume', {shared: false, pagesRestart: true}],
		['a run of titles that recurs in every volume, pages running on', {shared: true, pagesRestart: false}],
		['a run of titles that recurs in every volume, pages starting over', {shared: true, pagesRestart: true}],
	])('splits a ten-volume contents printed twice in one file, with %s, at the second printing only', (_name, options) => {
		const one = tenVolumes(options);
		const lines = [...one, '', ...one];
		const {ranges, report} = findPrintings(lines);
		expect(ranges.map((range) => range[0])).toEqual([1, one.length + 2]);
		expect(report.confidence).toBeGreaterThan(0.5);
	});

	it.each([
		['titles that never recur', {shared: false, pagesRestart: true}],
		['a run of titles that recurs in every volume, pages running on', {shared: true, pagesRestart: false}],
	])('finds one printing in one printing of a ten-volume contents with %s', (_name, options) => {
		expect(findPrintings(tenVolumes(options)).ranges).toHaveLength(1);
	});

	it('finds the second printing when only its pages read as pages (the first set off by one space)', () => {
		const entries = [
			'OP ZEE',
			'BEREISDE LIEDEN',
			'AFSCHEID',
			'AAN DE NOORDZEE',
			'EEN EERSTE STORM',
			'PORTSMOUTH BINNEN',
			'LONDON-BRIDGE',
			'IN POETS-CORNER',
			'RUZIE AAN BOORD',
			'EEN KERSDAG',
			'ONDER DE LINIE',
			'DILETTANTISME',
		];
		const titlePage = ['ONTBOEZEMINGEN', 'DOOR', 'GABRIËL', '1869', '', 'INHOUD', ''];
		const first = [...titlePage, ...entries.map((title, k) => `${title} ${3 + 5 * k}.`)];
		const second = [...titlePage, ...entries.map((title, k) => `${title}. …… ……… ${3 + 5 * k}.`)];
		const lines = [...first, '', ...second];
		expect(findPrintings(lines).report.boundaries).toEqual([first.length + 2]);
	});

	it('keeps the earlier printing’s last entry, whose paged line was lost, out of the later one’s title page', () => {
		const entries = ['FESTIVAL CUSTOMS', 'LOCAL CUSTOMS', 'FAIRIES', 'THE DEVIL', 'GHOSTS', 'WITCHES AND WITCHCRAFT', 'FOLK MEDICINE', 'STORY TELLING'];
		const body = entries.map((title, k) => `${title}\t${20 + 30 * k}`);
		const first = ['CONTENTS.', '', ...body, '', "EDITOR'S APPENDIX. OLD GUERNSEY"];
		const second = [
			'GUERNSEY FOLK LORE',
			'',
			'BY THE LATE',
			'SIR EDGAR MACCULLOCH',
			'',
			'CONTENTS.',
			'',
			...body,
			"EDITOR'S APPENDIX. OLD GUERNSEY SONGS AND",
			'BALLADS, ETC.\t549',
		];
		const lines = [...first, '', ...second];
		expect(findPrintings(lines).report.boundaries).toEqual([first.length + 2]);
	});

	it('does not start a printing at a running head inside the contents', () => {
		const one = ['CONTENTS', ...page(titles.slice(0, 5)), '', '8 CONTENTS', '', ...page(titles.slice(5), 40)];
		const lines = [...one, '', ...one];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 13],
			[15, 27],
		]);
	});

	it('does not move the split for Roman pages of eight letters or pages in Arabic-Indic digits', () => {
		const front = ['CONTENTS', 'Preface\tlxxxviii', 'Introduction\tcxxxviii'];
		const arabic = titles.map((t, i) => `${t}\t${String(1 + i * 7).replaceAll(/\d/g, (d) => String.fromCodePoint(0x660 + Number(d)))}`);
		const one = [...front, ...arabic];
		expect(findPrintings([...one, '', ...one]).ranges).toEqual([
			[1, one.length],
			[one.length + 2, 2 * one.length + 1],
		]);
	});

	it('starts a printing at its title page when the title page’s first line reads otherwise there', () => {
		const body = ['CONTENTS', ...page(titles)];
		const a = ['COLLECTED WORKS', 'IN TEN VOLUMES', ...body];
		const b = ['COLLECTED NEW WORKS', 'IN TEN VOLUMES', ...body];
		expect(findPrintings([...a, '', ...b]).ranges).toEqual([
			[1, a.length],
			[a.length + 2, a.length + 1 + b.length],
		]);
	});

	it('finds no second printing in ten thousand identical lines, with a page or without', () => {
		// Every split pairs them as well as any other: nothing says where a second printing starts.
		// (Their time is measured by `npm run bench -- --part split`, not here.)
		expect(findPrintings(Array.from({length: 10_000}, () => 'same')).ranges).toHaveLength(1);
		expect(findPrintings(Array.from({length: 10_000}, () => 'Preface\t5')).ranges).toHaveLength(1);
	});

	it('still splits two printings of a set whose volumes share a run of titles', () => {
		const shared = ['Preface\t3', 'Introduction\t5', 'Notes\t90', 'Index\t95'];
		const volume = (n: number) => [
			`VOLUME ${n}`,
			'CONTENTS',
			...shared.map((l) => l.replace(/\d+$/, (p) => String(Number(p) + n * 100))),
			...['The Quarrel', 'The Campaign', 'The Peace'].map((t, i) => `${t} of ${['Anjou', 'Brittany', 'Castile', 'Dauphiné'][n]}\t${n * 100 + 10 + i * 20}`),
		];
		const one = [0, 1, 2, 3].flatMap((n) => volume(n));
		expect(findPrintings([...one, '', ...one]).ranges).toEqual([
			[1, one.length],
			[one.length + 2, 2 * one.length + 1],
		]);
	});

	it('takes as many printings as --printings says, where they explain the file best', () => {
		const one = ['CONTENTS', ...page(titles)];
		const lines = [...one, '', ...one, '', ...one];
		expect(findPrintings(lines, {printings: 2}).ranges).toHaveLength(2);
		expect(findPrintings(lines, {printings: 3}).report.boundaries).toEqual([12, 23]);
		expect(findPrintings(lines, {printings: 3}).report.method).toMatch(/^--printings 3: /);
	});

	it('says how sure it is, and names the next best explanation when one comes close', () => {
		const one = ['CONTENTS', ...page(titles)];
		const {report} = findPrintings([...one, '', ...one]);
		expect(report).toMatchObject({boundaries: [12], confidence: 1});
		expect(report.alternatives).toBeUndefined();
		// The first page of the contents printed twice, between the printings: B may start at either copy.
		const doubled = findPrintings([...one, '', ...page(titles.slice(0, 3)), '', ...one]);
		const [chosen] = doubled.report.boundaries;
		expect([chosen, doubled.report.alternatives?.[0]?.boundaries[0]].sort()).toEqual([12, 16]);
		expect(doubled.report.confidence).toBeLessThan(0.8);
		expect(doubled.report.confidence).toBeGreaterThan(doubled.report.alternatives![0]!.confidence);
	});
});
