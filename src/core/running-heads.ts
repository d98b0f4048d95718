/**
 * Running heads that only the whole file tells: a book's short title printed with the folio of
 * each contents page (`12 GUERNSEY FOLK LORE`, `THE PIANOFORTE SONATA xi`), the way text taken
 * from a PDF keeps it at every page break. One such line reads like an entry without a page; what
 * gives it away is that the same words come back with the folios of neighbouring pages, where an
 * entry that recurs (`Notes 45`, `Notes 112` in two volumes) comes back with pages far apart.
 * (Heads with the contents heading's own words, `CONTENTS ix`, need no context: `parse.ts` reads them.)
 */
import {normalizeTitle} from './normalize.js';
import {romanValue} from './labels.js';
import {lineReader, pageNumber, type LineReader} from './parse.js';

/** A folio: a page number of at most three digits (of any script), or a Roman numeral. */
const folioFirst = /^(\p{Nd}{1,3}|[ivxlcd]{1,8}|[IVXLCD]{1,8})\s+(\S.*)$/u;
const folioLast = /^(\S.*?)\s+(\p{Nd}{1,3}|[ivxlcd]{1,8}|[IVXLCD]{1,8})$/u;

/** The words of a running head: a few, with a letter, and no leader dots or tab. */
function isHeadText(text: string): boolean {
	if (text.length > 60 || text.includes('..') || text.includes('\t') || text.includes('…')) return false;
	const words = text.split(/\s+/);
	return words.length <= 8 && /\p{L}{2}/u.test(text);
}

/** The value of a folio, or undefined when it is not one. */
function folioValue(text: string): number | undefined {
	return /\p{Nd}/u.test(text) ? pageNumber(text) : romanValue(text);
}

/** A line read as head words and a folio, or undefined. */
function asHead(raw: string): {readonly key: string; readonly folio: number; readonly capitals: boolean} | undefined {
	const line = raw.trim();
	if (line.length < 4 || line.length > 80) return undefined;
	for (const [pattern, words, number] of [
		[folioFirst, 2, 1],
		[folioLast, 1, 2],
	] as const) {
		const match = pattern.exec(line);
		if (!match) continue;
		const text = match[words]!;
		const folio = folioValue(match[number]!);
		if (folio === undefined || !isHeadText(text)) continue;
		const key = normalizeTitle(text);
		if (key.length >= 3) return {key, folio, capitals: text === text.toUpperCase()};
	}

	return undefined;
}

/** Whether `folio` fits between the pages of the entries around line `index` (0-based), a few lines either way. */
function fitsRun(lines: readonly string[], read: LineReader, index: number, folio: number): boolean {
	const pageNear = (direction: 1 | -1): number | undefined => {
		for (let k = index + direction, seen = 0; k >= 0 && k < lines.length && seen < 6; k += direction) {
			if (lines[k]!.trim() === '') continue;
			seen++;
			const parsed = read(k + 1);
			if (parsed.pageStrength === 'strong') return pageNumber(parsed.page) ?? Number.NaN;
		}

		return undefined;
	};

	const before = pageNear(-1);
	const after = pageNear(1);
	// A Roman page among Arabic ones never fits; nothing around it, nothing to contradict.
	if (Number.isNaN(before) || Number.isNaN(after)) return false;
	return (before === undefined || folio >= before) && (after === undefined || folio <= after);
}

/**
 * The lines (1-based, per file) that are running heads of the book's title: the same few words,
 * two or more times across the files, with folios that stay within a page or two of each other per
 * head (the folios of the contents' own pages, in one printing or several).
 *
 * @example findRunningHeads([['12 GUERNSEY FOLK LORE', 'Preface\t1', '', '13 GUERNSEY FOLK LORE']]) // [Set {1, 4}]
 */
export function findRunningHeads(
	files: ReadonlyArray<readonly string[]>,
	readers: readonly LineReader[] = files.map((lines) => lineReader(lines)),
): Array<ReadonlySet<number>> {
	const groups = new Map<string, Array<{file: number; line: number; folio: number; capitals: boolean; outOfRun: boolean}>>();
	// The book's title, as its title page prints it: the lines of each file before its contents begin
	// (its contents heading, or its first entry), twenty at most.
	const opening = new Set<string>();
	for (const [file, lines] of files.entries()) {
		let seen = 0;
		for (const [index, raw] of lines.entries()) {
			if (raw.trim() === '') continue;
			const parsed = readers[file]!(index + 1);
			if (++seen > 20 || parsed.role === 'contents-heading' || parsed.pageStrength === 'strong') break;
			opening.add(normalizeTitle(raw));
		}
	}

	for (const [file, lines] of files.entries()) {
		for (const [index, raw] of lines.entries()) {
			// Cheap tests first: most lines end in a page after a tab or dots, or hold no folio at all.
			if (raw.length > 90 || raw.includes('\t') || raw.includes('..')) continue;
			const head = asHead(raw);
			// `VOLUME III`, `PART II`: a numbered heading, not a running head.
			if (head === undefined || readers[file]!(index + 1).label !== undefined) continue;
			const group = groups.get(head.key) ?? [];
			group.push({file, line: index + 1, folio: head.folio, capitals: head.capitals, outOfRun: !fitsRun(lines, readers[file]!, index, head.folio)});
			groups.set(head.key, group);
		}
	}

	const found = files.map(() => new Set<number>());
	for (const [key, group] of groups) {
		if (group.length < 2) continue;
		// The book's title (from its title page), or a line in capitals that comes back on three pages:
		// an entry that recurs in several volumes with nearby pages (`Preface v`) is neither.
		const title = [...opening].some((line) => line.includes(key));
		if (!title && !(group.length >= 3 && group.every((head) => head.capitals))) continue;
		const folios = group.map((head) => head.folio);
		const spread = Math.max(...folios) - Math.min(...folios);
		// The folios of the contents' own pages: a few pages apart at most, for every printing together.
		if (spread > 2 * group.length + 2) continue;
		// A contents page's folio stands outside the run of the entries' pages somewhere (`8` between
		// entries at pages 45 and 57); an entry's page fits it everywhere.
		if (!group.some((head) => head.outOfRun)) continue;
		// Two heads are a page apart: on neighbouring lines they are a list, not furniture.
		const sorted = group.map((head) => head.file * 1e9 + head.line).sort((x, y) => x - y);
		if (sorted.some((at, k) => k > 0 && at - sorted[k - 1]! < 4)) continue;
		for (const head of group) found[head.file]!.add(head.line);
	}

	return found;
}
