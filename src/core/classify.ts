/**
 * Classify the differences between two paired items: numbering, page, leaders, and inside the
 * title each changed run of words, by the lightest layer of normalisation that makes the two
 * readings agree (whitespace, hyphenation, markup, case, punctuation), or else by what the
 * changed words are (numbers, OCR confusions, spelling variants, other words).
 *
 * Long (about 580 lines): one classifier, each field and each layer of normalisation in turn, and
 * the table of spelling variants it folds; the OCR misreadings it reads are in `misreadings.ts`.
 */
import {diffArrays, diffChars} from 'diff';
import {distance} from 'fastest-levenshtein';
import {hasInvisible, isAscii, showInvisibles, stripInvisible, trailing} from './chars.js';
import {commonEnds, longReading, ratio} from './distance.js';
import {misreadings} from './misreadings.js';
import {monthNames, referenceWords} from './word-lists.js';
import {collapseLetterSpacing, collapseWhitespace, foldApostrophes, foldTypography, joinHyphenation} from './normalize.js';
import {pageNumber} from './parse.js';
import {romanValue} from './labels.js';
import {
	isEdgeSpeck,
	withLabelsRead,
	withoutDigitBeforePage,
	withoutLeaderTail,
	withoutLeadingSpecks,
	withoutMarkBeforeLeader,
	withoutStrayCloser,
	withPageFromTitle,
} from './pair-readings.js';
import type {Difference, DifferenceKind, Severity, TocItem} from './types.js';

/** The usual severity of each kind, from the JSON contract. */
export const kindSeverity = {
	number: 'substantive',
	page: 'substantive',
	words: 'substantive',
	spelling: 'minor',
	ocr: 'minor',
	punctuation: 'cosmetic',
	leaders: 'cosmetic',
	whitespace: 'cosmetic',
	case: 'cosmetic',
	markup: 'cosmetic',
	hyphenation: 'cosmetic',
	invisible: 'cosmetic',
	speck: 'cosmetic',
	missing: 'substantive',
	extra: 'substantive',
	truncation: 'substantive',
	moved: 'minor',
} as const satisfies Record<DifferenceKind, Severity>;

function difference(kind: DifferenceKind, field: Difference['field'], a: string, b: string): Difference {
	return {kind, severity: kindSeverity[kind], field, a, b};
}

/** A month or a reference word (`word-lists.ts`): shown before a number that differs, for context. */
const monthOrReference = new RegExp(`^(?:${monthNames}|${referenceWords})$`, 'i');

/**
 * Orthographic variants that are both correct somewhere, folded to one form: British and
 * American endings, older spellings, transliterations, and the old orthographies of French,
 * Dutch and Russian. Applied to a lower-cased word. Each pattern comes with the strings one of
 * which it needs to match: most words have none of them, and a pattern that never runs is never
 * compiled (the patterns with Unicode look-behinds cost ~0.15 ms each to compile, issue 5).
 */
const spellingPatterns: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
	// Apostrophes and possessives: `Bolsheviki's` / `Bolsheviks'`.
	[/'s$|s'$|'/gu, 's', ["'"]],
	// Russian plurals transliterated whole or anglicised: `Bolsheviki` / `Bolsheviks`.
	[/ikis?$/gu, 'iks', ['iki']],
	[/(?<=\p{L}{2})i[sz](?=(?:e|es|ed|ing|er|ers|ation|ations|m|ms|t|ts)$)/gu, 'iz', ['is', 'iz']],
	[/(?<=\p{L}{2})ys(?=(?:e|es|ed|ing)$)/gu, 'yz', ['ys']],
	[/(?<=\p{L}{3})our(?=(?:s|ed|ing|ite|ites|able)?$)/gu, 'or', ['our']],
	[/(?<=\p{L}{2}[tb])re(?=(?:s|d)?$)/gu, 'er', ['re']],
	[/(?<=\p{L}{2})ence$/gu, 'ense', ['ence']],
	[/(?<=\p{L}{3})mme$/gu, 'm', ['mme']],
	[/(?<=\p{L}{3})ogue$/gu, 'og', ['ogue']],
	[/(?<=\p{L})xion/gu, 'ction', ['xion']],
	[/^intr/gu, 'entr', ['intr']],
	[/ae/gu, 'e', ['ae']],
	[/oe/gu, 'e', ['oe']],
	[/(?<=\p{L})ll(?=(?:ed|ing|er|ers|or|ors)$)/gu, 'l', ['ll']],
	[/ph/gu, 'f', ['ph']],
	[/-/gu, '', ['-']],
	// French: `enfans` / `enfants`; Dutch: `mensch` / `mens`, `blyspel` / `blijspel`, `komedie` / `comedie`.
	[/(?<=\p{L}{2})([ae])nt?s$/gu, '$1ns', ['ns', 'nts']],
	[/sch(?=(?:en|e)?$)/gu, 's', ['sch']],
	[/ij/gu, 'y', ['ij']],
	[/^c(?=[oau])/gu, 'k', ['c']],
	// Russian: ё, and the pre-1918 letters і, ѣ, ѳ, ѵ and the final hard sign.
	[/ё/gu, 'е', ['ё']],
	[/[іѵ]/gu, 'и', ['і', 'ѵ']],
	[/ѣ/gu, 'е', ['ѣ']],
	[/ѳ/gu, 'ф', ['ѳ']],
	[/(?<=\p{L}{2})ъ$/gu, '', ['ъ']],
	[/^пред/gu, 'перед', ['пред']],
	[/ß/gu, 'ss', ['ß']],
];

/** A word with accents removed: `collége`, `collège` and `poëte` differ in spelling, not sense. */
function withoutAccents(word: string): string {
	// ASCII has no accents to remove.
	if (isAscii(word)) return word;
	return word.normalize('NFD').replaceAll(/\p{M}/gu, '').normalize('NFC');
}

function spellingKey(word: string): string {
	let key = withoutAccents(foldApostrophes(word.toLowerCase()));
	for (const [pattern, replacement, needles] of spellingPatterns) if (needles.some((needle) => key.includes(needle))) key = key.replace(pattern, replacement);
	return key;
}

/** Letter pairs OCR confuses (`misreadings.ts`); a word that differs only by these is a recognition error. */
const ocrPairs: ReadonlyArray<readonly [string, string]> = misreadings.map(({a, b}) => [a, b] as const);

const singlePairs = ocrPairs.filter(([x, y]) => x.length === 1 && y.length === 1);
const severalPairs = ocrPairs.filter(([x, y]) => x.length > 1 || y.length > 1);

/** Latin letters and the Cyrillic letters they look like. */
const latinLookalikes: Readonly<Record<string, string>> = {
	A: 'А',
	B: 'В',
	C: 'С',
	E: 'Е',
	H: 'Н',
	K: 'К',
	M: 'М',
	O: 'О',
	P: 'Р',
	T: 'Т',
	X: 'Х',
	a: 'а',
	c: 'с',
	e: 'е',
	o: 'о',
	p: 'р',
	x: 'х',
	y: 'у',
};

/** A word with each Latin letter that looks Cyrillic written in Cyrillic. */
function lookalikes(word: string): string {
	return word.replaceAll(/[ABCEHKMOPTXaceopxy]/g, (letter) => latinLookalikes[letter]!);
}

/** Whether `a` turns into `b` by OCR-like edits: confusion pairs, one dropped or doubled letter. */
export function isOcrVariant(a: string, b: string): boolean {
	if (a === b) return false;
	const strip = (s: string): string => s.replaceAll(/(\p{L})\1/gu, '$1');
	// One letter dropped or added, or a letter doubled.
	if (Math.abs(a.length - b.length) === 1 && distance(a, b) === 1) return true;
	if (strip(a) === strip(b)) return true;
	// Confusions: fold every pair to one side and compare, as printed and in lower case. The pairs
	// of several letters go first, and then each set alone too, so that one cannot hide another
	// (`Socialism` holds `li`, read `h`, before its `l`, read `1`, in `Socia1ism`).
	for (const pairs of [ocrPairs, singlePairs, severalPairs]) {
		const fold = (s: string): string => pairs.reduce((text, [x, y]) => text.replaceAll(x, y), s);
		if (fold(a) === fold(b) || fold(a.toLowerCase()) === fold(b.toLowerCase())) return true;
	}

	// Latin letters that look Cyrillic in a Russian word (`Poccии` for `России`), or the reverse.
	if (lookalikes(a) === lookalikes(b)) return true;
	// Two neighbouring letters swapped (`order` / `ordre`): a slip of type or of recognition.
	if (a.length === b.length && a.length >= 4) {
		const at = [...a].findIndex((ch, i) => ch !== b[i]);
		if (at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2)) return true;
	}

	// A single substituted letter inside a longer word is most often a misread glyph.
	return a.length === b.length && a.length >= 4 && distance(a, b) === 1 && !/\d/.test(a + b);
}

/** Whether two words are spelling variants, both plausible. */
export function isSpellingVariant(a: string, b: string): boolean {
	if (a.toLowerCase() === b.toLowerCase()) return false;
	if (spellingKey(a) === spellingKey(b)) return true;
	const longest = Math.max(a.length, b.length);
	const edits = distance(a.toLowerCase(), b.toLowerCase());
	return edits >= 2 && longest >= 5 && 1 - edits / longest >= 0.7;
}

const punctuation = /[^\p{L}\p{N}\s]/gu;

function words(text: string): string[] {
	return text === '' ? [] : text.split(' ');
}

/** A word without its punctuation; apostrophes belong to the word (`Bolsheviki's`). */
function bareWord(word: string): string {
	return foldTypography(word).replaceAll(punctuation, '');
}

/** The punctuation of a word, apostrophes aside: `Success.` has `.`. */
function marksOf(word: string): string {
	const bare = foldTypography(word).replaceAll("'", '');
	// ASCII needs no Unicode classes, which are slow to compile and to run cold (#5).
	return bare.replaceAll(isAscii(bare) ? /[A-Za-z\d]/g : /[\p{L}\p{N}\p{M}]/gu, '');
}

/**
 * Classify one changed word. `before` is the word before it, for context (`JULY 1`). A word can
 * carry two differences: `Bolsheviki's` / `Bolsheviks'.` is a spelling and a punctuation.
 */
function classifyWord(x: string, y: string, before: string | undefined): Difference[] {
	if (x === y) return [];
	if (foldTypography(x) === foldTypography(y)) return [difference('punctuation', 'title', x, y)];
	if (x.toLowerCase() === y.toLowerCase()) return [difference('case', 'title', x, y)];
	const bx = bareWord(x);
	const by = bareWord(y);
	if (bx === by) return [difference('punctuation', 'title', x, y)];
	if (bx.toLowerCase() === by.toLowerCase()) return [difference('case', 'title', x, y), difference('punctuation', 'title', x, y)];
	// A mark where a letter was (`Socia!ism`) is part of the misreading, not punctuation of its own.
	const also = marksOf(x) === marksOf(y) || isOcrVariant(x, y) ? [] : [difference('punctuation', 'title', x, y)];
	if (/\d/.test(bx) && /\d/.test(by) && bx.replaceAll(/\D/g, '') !== by.replaceAll(/\D/g, '') && !isOcrDigit(bx, by)) {
		return [numberDifference(x, y, before), ...also];
	}

	const accents = accentOrTranscription(x, y);
	if (accents) return [difference(accents, 'title', trimRun(x), trimRun(y))];
	let kind: DifferenceKind;
	if (spellingKey(bx) === spellingKey(by)) kind = 'spelling';
	else if (isOcrVariant(bx, by)) kind = 'ocr';
	else if (isSpellingVariant(bx, by)) kind = 'spelling';
	else kind = 'words';
	// A word replaced outright takes its punctuation with it: one difference, not two.
	return [difference(kind, 'title', trimRun(x), trimRun(y)), ...(kind === 'words' ? [] : also)];
}

/**
 * Pair the words of two runs of different length, keeping their order and pairing only words
 * that are alike (a small dynamic programme over the words, maximising likeness).
 */
function pairWords(xs: readonly string[], ys: readonly string[]): Array<readonly [number | undefined, number | undefined]> {
	const like = (i: number, j: number): number => {
		const x = bareWord(xs[i]!).toLowerCase();
		const y = bareWord(ys[j]!).toLowerCase();
		const score = ratio(x, y);
		return score >= 0.5 || spellingKey(x) === spellingKey(y) ? score : -1;
	};

	const n = xs.length;
	const m = ys.length;
	const best = Array.from({length: n + 1}, () => new Float64Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			const pair = like(i, j);
			best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, pair < 0 ? -1 : pair + best[i + 1]![j + 1]!);
		}
	}

	const out: Array<readonly [number | undefined, number | undefined]> = [];
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m) {
			const pair = like(i, j);
			if (pair >= 0 && best[i]![j] === pair + best[i + 1]![j + 1]!) {
				out.push([i++, j++]);
				continue;
			}

			if (best[i]![j] === best[i + 1]![j]) out.push([i++, undefined]);
			else out.push([undefined, j++]);
		} else if (i < n) out.push([i++, undefined]);
		else out.push([undefined, j++]);
	}

	return out;
}

/** Classify one changed run inside a title. `before` is the unchanged word before it. */
function classifyRun(removed: readonly string[], added: readonly string[], before: string | undefined): Difference[] {
	const a = removed.join(' ');
	const b = added.join(' ');
	// Words split or joined: spacing, or a line-end hyphen (a soft hyphen, U+00AD, is one too).
	if (a.replaceAll('\u00AD', '') === b.replaceAll('\u00AD', '')) return [difference('hyphenation', 'title', a, b)];
	if (a.replaceAll(' ', '') === b.replaceAll(' ', '')) return [difference('whitespace', 'title', a, b)];
	if (joinHyphenation(a) === joinHyphenation(b) || a.replaceAll(/-\s*/g, '') === b.replaceAll(/-\s*/g, '')) {
		return [difference('hyphenation', 'title', a, b)];
	}

	// A whole run that differs only in punctuation or case is one difference, not one per word;
	// so is a run of marks alone on either side (a stray `,` or `"`).
	if (foldTypography(a) === foldTypography(b) || (!/[\p{L}\p{N}]/u.test(a) && !/[\p{L}\p{N}]/u.test(b))) return [difference('punctuation', 'title', a, b)];
	if (a.toLowerCase() === b.toLowerCase()) return [difference('case', 'title', a, b)];
	const accents = accentOrTranscription(a, b);
	if (accents && removed.length !== added.length) return [difference(accents, 'title', trimRun(a), trimRun(b))];

	const found: Difference[] = [];
	// Words with no partner, gathered into runs: words added or dropped (a number still a number).
	let lostA: string[] = [];
	let lostB: string[] = [];
	const flush = (): void => {
		if (lostA.length === 0 && lostB.length === 0) return;
		const numbers = [...lostA, ...lostB].every((w) => /^\W*\d[\d\W]*$/.test(w));
		found.push(
			numbers ? numberDifference(lostA.join(' '), lostB.join(' '), before) : difference('words', 'title', trimRun(lostA.join(' ')), trimRun(lostB.join(' '))),
		);
		lostA = [];
		lostB = [];
	};

	const pairs = removed.length === added.length ? removed.map((_, k) => [k, k] as const) : pairWords(removed, added);
	for (const [i, j] of pairs) {
		if (i === undefined) lostB.push(added[j!]!);
		else if (j === undefined) lostA.push(removed[i]!);
		else {
			flush();
			found.push(...classifyWord(removed[i]!, added[j]!, i === 0 ? before : removed[i - 1]));
		}
	}

	flush();
	// `FAIRIES.` / `FAIRIES AND ELVES.`: the full stop went on to the end of the added words; it did not change.
	return found.filter((d) => d.kind !== 'punctuation' || !(markMoved(d.a, d.b, b) || markMoved(d.b, d.a, a)));
}

/** Whether `word` lost its closing mark to the end of `run`, the other side's words (`FAIRIES.` → `FAIRIES`, run `… ELVES.`). */
function markMoved(word: string, other: string, run: string): boolean {
	const mark = trailing(word, /[.,;:!?]/);
	return mark !== '' && word.slice(0, -mark.length) === other && run.endsWith(mark) && !run.endsWith(other);
}

/**
 * Readings that differ only in accents or in how they are transcribed (`Midē´wiwin` /
 * `Mid[-e]/wiwin`, `collége` / `collège`): a spelling, both readings plausible; or, where one
 * side merely lacks the other's accents (`fâche` / `fache`), a recognition error.
 */
function accentOrTranscription(a: string, b: string): 'ocr' | 'spelling' | undefined {
	// ASCII answers by ASCII classes: Unicode classes cost more to compile than this runs (#5).
	const letters = (text: string): string => {
		const bare = withoutAccents(text);
		return (isAscii(bare) ? bare.replaceAll(/[^A-Za-z\d]/g, '') : bare.replaceAll(/[^\p{L}\p{N}]/gu, '')).toLowerCase();
	};
	if (letters(a) !== letters(b)) return undefined;
	// Russian ё is printed е in most books: a convention, not a misreading.
	if (/[ёЁ]/u.test(a + b)) return 'spelling';
	const marks = (text: string): string => (isAscii(text) ? '' : text.normalize('NFD').replaceAll(/\P{M}/gu, ''));
	const symbols = (text: string): string =>
		isAscii(text) ? text.replaceAll(/[A-Za-z\d\s]/g, '') : text.normalize('NFD').replaceAll(/[\p{L}\p{N}\p{M}\s]/gu, '');
	return symbols(a) === symbols(b) && (marks(a) === '' || marks(b) === '') ? 'ocr' : 'spelling';
}

/** A digit read as a letter or the reverse (`1920` / `l920`), which is OCR, not a new number. */
function isOcrDigit(a: string, b: string): boolean {
	return /[^\d\W]/u.test(a + b) && isOcrVariant(a, b);
}

/** Remove punctuation that only clings to the ends of a run (`1,` → `1`). */
function trimRun(text: string): string {
	// (The end read from the end: `/[,.;:]+$/` tried from every start of a long run is quadratic.)
	const start = text.replace(/^[,.;:]+/, '');
	return start.slice(0, start.length - trailing(start, /[,.;:]/).length);
}

/** A number difference, showing the month or `No.` before it for context (`JULY 1` / `JULY 4`). */
function numberDifference(a: string, b: string, before: string | undefined): Difference {
	const context = before !== undefined && monthOrReference.test(trimRun(before)) ? `${trimRun(before)} ` : '';
	return difference('number', 'title', context + trimRun(a), context + trimRun(b));
}

/** The part of two long readings between their common start and end, widened to whole words. */
function changedWords(a: string, b: string): Difference {
	const ends = commonEnds(a, b);
	const end = ends.end;
	const start = a.lastIndexOf(' ', ends.start - 1) + 1;
	const wordEnd = (text: string, from: number): number => {
		const space = text.indexOf(' ', from);
		return space === -1 ? text.length : space;
	};

	return difference('words', 'title', trimRun(a.slice(start, wordEnd(a, a.length - end))), trimRun(b.slice(start, wordEnd(b, b.length - end))));
}

/** Differences between two titles. */
function compareTitles(a: TocItem, b: TocItem): Difference[] {
	if (a.titleMarkup === b.titleMarkup) return [];
	const ta = collapseWhitespace(a.title);
	const tb = collapseWhitespace(b.title);
	if (ta === tb) {
		if (a.title !== b.title) return [difference('whitespace', 'title', a.title, b.title)];
		return [difference('markup', 'title', a.titleMarkup, b.titleMarkup)];
	}

	// Thousands of characters are OCR debris or a page run together, not a title: pairing their
	// words one by one would cost seconds, so the changed middle is one difference.
	if (ta.length + tb.length > longReading) return [changedWords(ta, tb)];
	const markup = sameItalics(a, b) ? [] : [difference('markup', 'title', a.titleMarkup, b.titleMarkup)];
	if (collapseLetterSpacing(ta) === collapseLetterSpacing(tb)) return [difference('whitespace', 'title', ta, tb), ...markup];

	const found: Difference[] = [];
	const changes = diffArrays(words(ta), words(tb));
	let before: string | undefined;
	for (let k = 0; k < changes.length; k++) {
		const change = changes[k]!;
		if (!change.added && !change.removed) {
			before = change.value.at(-1);
			continue;
		}

		const removed: string[] = [];
		const added: string[] = [];
		while (k < changes.length && (changes[k]!.added || changes[k]!.removed)) {
			(changes[k]!.added ? added : removed).push(...changes[k]!.value);
			k++;
		}

		k--;
		found.push(...classifyRun(removed, added, before));
	}

	return [...mergeKinds(found), ...markup];
}

/** Several runs of the same kind in one title stay separate, but identical entries collapse. */
function mergeKinds(found: readonly Difference[]): Difference[] {
	const seen = new Set<string>();
	return found.filter((d) => {
		const key = `${d.kind}\u0000${d.a}\u0000${d.b}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Whether italics agree: the characters that both titles share (aligned by `diffChars`) must be
 * italic in both or in neither, so that a changed digit inside `<i>…</i>` is not a markup change.
 */
function sameItalics(a: TocItem, b: TocItem): boolean {
	if (a.italics.length === 0 && b.italics.length === 0) return true;
	const italicAt = (item: TocItem): Uint8Array => {
		const mask = new Uint8Array(item.title.length);
		for (const span of item.italics) mask.fill(1, span.start, span.end);
		return mask;
	};

	const ma = italicAt(a);
	const mb = italicAt(b);
	let ia = 0;
	let ib = 0;
	for (const change of diffChars(a.title, b.title)) {
		const length = change.value.length;
		if (change.added) ib += length;
		else if (change.removed) ia += length;
		else {
			for (let k = 0; k < length; k++) {
				// Spaces at the edge of an italic run are not telling either way.
				if (ma[ia + k] !== mb[ib + k] && !/\s/.test(change.value[k]!)) return false;
			}

			ia += length;
			ib += length;
		}
	}

	return true;
}

function compareLabels(a: TocItem, b: TocItem): Difference[] {
	const la = a.label ?? '';
	const lb = b.label ?? '';
	if (la === lb) return [];
	const va = a.labelValue && 'value' in a.labelValue ? a.labelValue.value : undefined;
	const vb = b.labelValue && 'value' in b.labelValue ? b.labelValue.value : undefined;
	if (la.replaceAll(punctuation, '') === lb.replaceAll(punctuation, '')) return [difference('punctuation', 'label', la, lb)];
	if (la.toLowerCase() === lb.toLowerCase()) return [difference('case', 'label', la, lb)];
	if (va !== undefined && va === vb) {
		return [difference(la.replaceAll(/\s/g, '') === lb.replaceAll(/\s/g, '') ? 'whitespace' : 'ocr', 'label', la, lb)];
	}

	// Numbering one printing's OCR misread so far that it reads as none (`VIIL.` / `VIII.`, `Il` / `II`).
	if ((va === undefined || vb === undefined) && isOcrVariant(la.replaceAll(punctuation, ''), lb.replaceAll(punctuation, '')))
		return [difference('ocr', 'label', la, lb)];

	return [difference('number', 'label', la, lb)];
}

/** A page's value for comparison: Arabic or Roman, ranges by their first page. */
function pageValue(page: string): string {
	const bare = page.replaceAll(/[_.\s]|Page|pp?\.?/gi, '');
	const roman = romanValue(bare);
	return roman === undefined ? bare.replaceAll(/[–—]/g, '-') : `r${roman}`;
}

function comparePages(a: TocItem, b: TocItem): Difference[] {
	const pa = a.page ?? '';
	const pb = b.page ?? '';
	if (pa === pb) return [];
	if (pa !== '' && pb !== '' && pageValue(pa) === pageValue(pb)) {
		// A stop or comma after the page at the line's end is a speck a scan leaves (`509.` / `509`).
		const kind = pa.replace(/[.,]$/u, '') === pb.replace(/[.,]$/u, '') ? 'speck' : 'punctuation';
		return [difference(kind, 'page', pa, pb)];
	}
	// `l7` for `17` is a misread digit, but it still points the reader to the wrong page.
	// (Roman pages have no digits to compare: `v` and `vi` are two pages.)
	if (pa !== '' && pb !== '' && pageNumber(pa) !== undefined && pageNumber(pa) === pageNumber(pb) && /[^\d\s–—-]/.test(pa + pb)) {
		return [difference('ocr', 'page', pa, pb)];
	}

	return [difference('page', 'page', pa, pb)];
}

function compareLeaders(a: TocItem, b: TocItem): Difference[] {
	// Without a page on either side there is no leader to compare; with one lost, the leader OCR
	// left where the dots were (`… o.oo e eee`) is still a leader of its own.
	if ((a.page === undefined && b.page === undefined) || a.leader === b.leader) return [];
	if ((a.page === undefined && a.leader === '') || (b.page === undefined && b.leader === '')) return [];
	const dots = (leader: string): string => leader.replaceAll(/\s+/g, ' ').trim();
	const da = dots(a.leader);
	const db = dots(b.leader);
	if (da === db) {
		// Only the gap differs. A wider or narrower run of spaces is the page column lining up
		// under titles of other lengths, not a difference; a tab against spaces is another style.
		if (a.leader.includes('\t') === b.leader.includes('\t')) return [];
		return [difference('leaders', 'leader', a.leader.replaceAll('\t', '\\t'), b.leader.replaceAll('\t', '\\t'))];
	}

	return [difference('leaders', 'leader', da, db)];
}

/** Every difference between two paired items, in reading order: label, title, leaders, page. */
export function classifyPair(a: TocItem, b: TocItem): Difference[] {
	// Most pairs read alike in every field (#17): each step below would find nothing, so nothing is done.
	if (a.text === b.text && a.title === b.title && a.titleMarkup === b.titleMarkup && a.label === b.label && a.leader === b.leader && a.page === b.page)
		return [];
	const found = classifyVisible(a, b);
	const invisible = invisibleDifference(a.text, b.text);
	return invisible === undefined ? found : [...found, invisible];
}

/**
 * The difference in characters that print nothing (a zero-width space, a joiner, a BOM inside a
 * line), which parsing reads past: cosmetic, with the words that hold them, each named
 * (`Pre⟨zwsp⟩face` / `Preface`), so that the reviewer sees what differs.
 */
function invisibleDifference(a: string, b: string): Difference | undefined {
	if (!hasInvisible(a) && !hasInvisible(b)) return undefined;
	const marks = (text: string): string => [...text].filter((ch) => stripInvisible(ch) === '').join('');
	if (marks(a) === marks(b)) return undefined;
	// Split at spaces, not at a BOM (which JavaScript counts as one).
	const wordsA = a.split(/[^\S\uFEFF]+/).filter((w) => w !== '');
	const wordsB = b.split(/[^\S\uFEFF]+/).filter((w) => w !== '');
	if (wordsA.length === wordsB.length) {
		const changed = wordsA.flatMap((word, k) => (word !== wordsB[k] && stripInvisible(word) === stripInvisible(wordsB[k]!) ? [k] : []));
		if (changed.length > 0)
			return difference(
				'invisible',
				'title',
				changed.map((k) => showInvisibles(wordsA[k]!)).join(' '),
				changed.map((k) => showInvisibles(wordsB[k]!)).join(' '),
			);
	}

	return difference('invisible', 'title', showInvisibles(collapseWhitespace(a)), showInvisibles(collapseWhitespace(b)));
}

function classifyVisible(pairA: TocItem, pairB: TocItem): Difference[] {
	const read = withoutLeadingSpecks(pairA, pairB);
	const found = classifyReadable(read.a, read.b).map((d) => (isEdgeSpeck(d, pairA, pairB) ? {...d, kind: 'speck' as const, severity: kindSeverity.speck} : d));
	return read.specks === undefined ? found : [difference('speck', read.specks.field, read.specks.a, read.specks.b), ...found];
}

/**
 * Two paired items read against each other, as they are compared: a page left in one title where
 * the other printing has one, leader dots read as words, a stop or a digit where the dots began,
 * numbering misread (`pair-readings.ts`). Specks at a line's start are read past too when
 * `specks` is set, as the review screen shows the pair.
 */
export function readAgainst(pairA: TocItem, pairB: TocItem, specks = false): readonly [TocItem, TocItem] {
	if (specks) {
		const read = withoutLeadingSpecks(pairA, pairB);
		return readAgainst(read.a, read.b);
	}

	// Numbering first (`| XXVIIL. Le Petit Poucet (fin) u 50`): a title that still holds it does not
	// read as the other's, and its tail would not be seen as leader; read again at the end, where
	// only a title without its tail reads as the other's.
	const [labelledA, labelledB] = withLabelsRead(pairA, pairB);
	const tailA = withoutDigitBeforePage(withoutLeaderTail(withPageFromTitle(labelledA, labelledB), labelledB), labelledB);
	const tailB = withoutDigitBeforePage(withoutLeaderTail(withPageFromTitle(labelledB, labelledA), labelledA), labelledA);
	return withLabelsRead(withoutMarkBeforeLeader(withoutStrayCloser(tailA, tailB), tailB), withoutMarkBeforeLeader(withoutStrayCloser(tailB, tailA), tailA));
}

function classifyReadable(pairA: TocItem, pairB: TocItem): Difference[] {
	const [a, b] = readAgainst(pairA, pairB);
	// One printing read the numbering as part of the title (`Chapter One` / `Chapter Onc`):
	// compare label and title together.
	if ((a.label === undefined) !== (b.label === undefined)) {
		const whole = (item: TocItem): TocItem => {
			if (item.label === undefined) return item;
			const {label, labelValue: _value, ...rest} = item;
			const offset = label.length + 1;
			return {
				...rest,
				title: `${label} ${item.title}`.trim(),
				titleMarkup: `${label} ${item.titleMarkup}`.trim(),
				italics: item.italics.map((s) => ({start: s.start + offset, end: s.end + offset})),
			};
		};

		return [...compareTitles(whole(a), whole(b)).map((d) => asLabel(d, a.label, b.label)), ...compareLeaders(a, b), ...comparePages(a, b)];
	}

	return [...compareLabels(a, b), ...compareTitles(a, b), ...compareLeaders(a, b), ...comparePages(a, b)];
}

/**
 * A difference found comparing numbering and title together, where one printing read no numbering:
 * the numbering's, when the printing that has numbering reads it there (`XXXII.` / `XXXIL`, `е)` /
 * nothing), as the reviewer sees it and as the errata name it.
 */
function asLabel(d: Difference, labelA: string | undefined, labelB: string | undefined): Difference {
	const label = labelA ?? labelB!;
	const reading = (labelA === undefined ? d.b : d.a).trim();
	const isLabel = reading !== '' && (reading === label || reading === label.replace(/[.,:;)]$/u, ''));
	return isLabel && d.field === 'title' ? {...d, field: 'label'} : d;
}

/** How alike two items read, 0..1, from the edit distance of their printed text. */
export function textSimilarity(a: TocItem, b: TocItem): number {
	return Math.round(ratio(collapseWhitespace(a.text), collapseWhitespace(b.text)) * 1000) / 1000;
}
