/**
 * The `paragraph` family: an analytical contents, where each chapter is a margin note
 * (`[Sidenote: CHAP. I.]`), an italic title and a paragraph of summary over many lines ending in
 * its page (`_Page 15_`), as in H. E. Krehbiel, *How to Listen to Music* (the fixture
 * `how-to-listen-to-music-krehbiel-en.txt`; source in `test/fixtures/eval/SOURCES.md`).
 *
 * Printing A keeps the source's lines. Printing B breaks every paragraph at another measure, and a
 * case may also have B drop one line of a paragraph, run two chapters together (no blank lines
 * between them), or put a chapter's title on the first line of its summary; and an OCR error or a
 * changed page in a chapter or two.
 *
 * Truth: a chapter (note, title, summary and page) is one item, whatever its lines; every other
 * block (`CONTENTS`, a rule of asterisks, `PLATES`, the plates' paragraph, `INDEX`) is an item. A
 * pair whose lines are broken or joined differently may differ in `whitespace` only; a dropped line
 * is a `words` difference.
 */
import {textLines, type Draft, type DraftLine, type DraftPair, type DraftSingle} from './draft.js';
import {changeDigit, ocrWord, type InjectedDifference, type Mode} from './noise.js';
import {createRng, hashSeed, type Rng} from './rng.js';

/** A block of the source: an item's lines, and the blank lines before it. */
export type ParagraphItem = {readonly lines: readonly string[]; readonly blanksBefore: readonly number[]};

// A paragraph's page: `_Page 15_` at the end of its last line, after spaces.
const pageAtEnd = /^(.*?)(\s+)(_Page \d+_)$/u;

/**
 * Split an analytical contents into items: each run of non-blank lines is one, except that a run
 * opening with `[Sidenote:` joins the runs after it up to the one that ends with a page (a chapter).
 * `blanksBefore[k]` is the number of blank lines before the item's `k`-th line (0 inside a run).
 */
export function paragraphItems(text: string): ParagraphItem[] {
	const items: Array<{lines: string[]; blanksBefore: number[]}> = [];
	let blanks = 0;
	// The item being built: a run closes at a blank line, a chapter at its page.
	let current: {lines: string[]; blanksBefore: number[]} | undefined;
	let chapter = false;
	for (const line of textLines(text)) {
		if (line.trim() === '') {
			blanks++;
			if (!chapter) current = undefined;
			continue;
		}

		if (current) {
			current.lines.push(line);
			current.blanksBefore.push(blanks);
		} else {
			current = {lines: [line], blanksBefore: [blanks]};
			items.push(current);
			chapter = line.startsWith('[Sidenote:');
		}

		blanks = 0;
		if (chapter && pageAtEnd.test(line)) {
			chapter = false;
			current = undefined;
		}
	}

	return items;
}

/** Break a paragraph's words into lines of at most `measure` characters, the page right-aligned on the last. */
export function breakParagraph(words: readonly string[], page: string, measure: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		if (current !== '' && current.length + 1 + word.length > measure) {
			lines.push(current);
			current = word;
		} else {
			current = current === '' ? word : `${current} ${word}`;
		}
	}

	lines.push(`${current}${' '.repeat(Math.max(2, measure + 10 - current.length - page.length))}${page}`);
	return lines;
}

/** A chapter's parts: margin note, title, the summary's words, page. */
type Chapter = {note: string; title: string; words: string[]; page: string};

function chapterOf(item: ParagraphItem): Chapter | undefined {
	const [note, title, ...summary] = item.lines;
	const last = summary.at(-1);
	const match = last === undefined ? null : pageAtEnd.exec(last);
	if (!note?.startsWith('[Sidenote:') || title === undefined || !match) return undefined;
	const text = [...summary.slice(0, -1), match[1]!].join(' ');
	return {note, title, words: text.split(/\s+/u).filter((word) => word !== ''), page: match[3]!};
}

/** What B does to one chapter. */
type ChapterNoise = {measure: number; dropLine: boolean; joinTitle: boolean; runOn: boolean; ocr?: 'a' | 'b'; page: boolean};

/** Render one side: A as the source, B as the noise says. */
function renderSide(
	items: readonly ParagraphItem[],
	side: 'a' | 'b',
	noise: readonly ChapterNoise[],
	rng: Rng,
	differences: InjectedDifference[][],
	titlePage: readonly string[],
): DraftLine[] {
	const lines: DraftLine[] = titlePage.map((text, k) => (text.trim() === '' ? {text} : {text, item: `${side}t${k}`}));
	if (titlePage.length > 0) lines.push({text: ''}, {text: ''});
	for (const [k, item] of items.entries()) {
		const key = `${side}${k}`;
		const chapter = chapterOf(item);
		const n = noise[k]!;
		const blankRun = (count: number): void => {
			for (let b = 0; b < count; b++) lines.push({text: ''});
		};

		if (side === 'a' || !chapter) {
			for (const [j, text] of item.lines.entries()) {
				blankRun(k === 0 && j === 0 ? 0 : item.blanksBefore[j]!);
				lines.push({text, item: key});
			}

			continue;
		}

		// B: the chapter broken again, as its noise says.
		const words = [...chapter.words];
		let page = chapter.page;
		if (n.ocr === 'b') {
			const at = words.findIndex((word, w) => w > 3 && /^\p{L}{5,}$/u.test(word) && ocrWord(word, rng) !== undefined);
			const misread = at < 0 ? undefined : ocrWord(words[at]!, rng);
			if (misread !== undefined) {
				differences[k]!.push({kind: 'ocr', a: words[at]!, b: misread, noisy: 'b'});
				words[at] = misread;
			}
		}

		if (n.page) {
			const digits = /\d+/u.exec(page)![0];
			const changed = page.replace(digits, changeDigit(digits, rng));
			differences[k]!.push({kind: 'page', a: page, b: changed, noisy: 'b'});
			page = changed;
		}

		let body = breakParagraph(words, page, n.measure);
		// A line dropped from a chapter that has no other difference, so that every recorded one stays visible.
		// Nor one that would leave an italic span (`_Opera seria_`) open: the loss would be markup too.
		if (n.dropLine && body.length >= 4 && differences[k]!.length === 0) {
			const underscores = (text: string): number => text.split('_').length - 1;
			const droppable = body
				.map((_, j) => j)
				.filter((j) => j >= 1 && j <= body.length - 2 && underscores(body.slice(0, j).join(' ')) % 2 === 0 && underscores(body[j]!) % 2 === 0);
			if (droppable.length > 0) {
				const drop = rng.pick(droppable);
				differences[k]!.push({kind: 'words', a: body[drop]!, b: '', noisy: 'b'});
				body = body.filter((_, j) => j !== drop);
			}
		}

		blankRun(n.runOn ? 0 : item.blanksBefore[0]!);
		lines.push({text: chapter.note, item: key});
		if (n.joinTitle) {
			lines.push({text: `${chapter.title} ${body[0]!}`, item: key});
			for (const text of body.slice(1)) lines.push({text, item: key});
		} else {
			blankRun(n.runOn ? 0 : item.blanksBefore[1]!);
			lines.push({text: chapter.title, item: key});
			blankRun(n.runOn ? 0 : item.blanksBefore[2]!);
			for (const text of body) lines.push({text, item: key});
		}
	}

	return lines;
}

/**
 * A paragraph case: the source as A, B broken again with its noise, in two files or one.
 *
 * @example
 * fromDraft(paragraphCase({name: 'krehbiel', text, titlePage}, 3, 'one-file'));
 */
export function paragraphCase(page: {readonly name: string; readonly text: string; readonly titlePage?: readonly string[]}, seed: number, mode: Mode): Draft {
	const rng = createRng(hashSeed(`paragraph|${page.name}|${mode}`, seed));
	const items = paragraphItems(page.text);
	const measure = rng.chance(0.5) ? rng.int(48, 60) : rng.int(76, 86);
	const chapters = items.map((item) => chapterOf(item) !== undefined);
	const noise: ChapterNoise[] = items.map(() => ({
		measure,
		dropLine: rng.chance(0.15),
		joinTitle: rng.chance(0.15),
		runOn: rng.chance(0.15),
		...(rng.chance(0.15) ? {ocr: 'b' as const} : {}),
		page: rng.chance(0.08),
	}));
	const differences = items.map((): InjectedDifference[] => []);
	// Two printings of one page in one file: B opens with the title page, A with even chance (as the noise model does).
	const titlePage = mode === 'one-file' ? (page.titlePage ?? []) : [];
	const titleOnA = titlePage.length > 0 && rng.chance(0.5);
	const a = renderSide(items, 'a', noise, rng, differences, titleOnA ? titlePage : []);
	const b = renderSide(items, 'b', noise, rng, differences, titlePage);
	const pairs: DraftPair[] = items.map((_, k) => ({
		a: `a${k}`,
		b: `b${k}`,
		differences: differences[k]!,
		optional: chapters[k] ? ['whitespace'] : [],
	}));
	const titleKeys = titlePage.flatMap((text, k) => (text.trim() === '' ? [] : [k]));
	const titlePairs: DraftPair[] = titleOnA ? titleKeys.map((k) => ({a: `at${k}`, b: `bt${k}`, differences: [], optional: []})) : [];
	const singles: DraftSingle[] = titleOnA ? [] : titleKeys.map((k) => ({side: 'b', item: `bt${k}`, kind: 'extra', dropped: false}));
	const oneFile = mode === 'one-file';
	return {
		name: page.name,
		seed,
		mode,
		files: oneFile ? {a: `${page.name}.txt`, b: `${page.name}.txt`} : {a: `${page.name}-a.txt`, b: `${page.name}-b.txt`},
		a: oneFile ? [...a, {text: ''}] : a,
		b,
		pairs: [...titlePairs, ...pairs],
		singles,
	};
}
