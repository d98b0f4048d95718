/**
 * A corrected copy of a printing's own OCR file (ALTO, PAGE XML, hOCR): every decided reading
 * replaces the words it corrects, in place, and every other byte stays as it was. A word that a
 * correction splits or joins gets the box of the words it replaces divided by character count.
 * With no decisions the copy is the file itself.
 *
 * The plan is made on words (which words of the base printing's item become which), then written
 * as edits to the file's text at the places the reader recorded; how each format spells a word is
 * in `ocr-words.ts`.
 */
import {diffArrays} from 'diff';
import {boxAround} from '../core/box.js';
import {parseLine, stripMarkup} from '../core/parse.js';
import {chosenPrinting, itemAt, printingLetters} from '../core/decisions.js';
import type {OcrDocument, OcrLine, OcrWord, WritableOcrFormat} from '../core/formats/types.js';
import type {Comparison, Row, TocItem} from '../core/types.js';
import type {ReportContext, ReportSource} from './context.js';
import {divideBox, escapeXml, freshId, indentBefore, replaceAttribute, writers, type WordWriter} from './ocr-words.js';

/** Why a corrected OCR file cannot be written; the message says what to do. */
export class OcrWriteError extends Error {
	override name = 'OcrWriteError';
}

const formatNames: Readonly<Record<WritableOcrFormat, string>> = {alto: 'ALTO', page: 'PAGE XML', hocr: 'hOCR'};

/** A word of the base printing located in its document: its line and the word. */
type Located = {readonly line: OcrLine; readonly word: OcrWord};

/** One change: consecutive words of the base (none for an insertion) become `texts` (none for a deletion). */
type Change = {
	readonly old: readonly Located[];
	readonly texts: readonly string[];
	/** For an insertion: the word it follows, or precedes when nothing comes before it in the item. */
	readonly anchor?: {readonly at: Located; readonly side: 'after' | 'before'};
};

const tokens = (text: string | undefined): string[] => (text ?? '').split(/\s+/u).filter((token) => token !== '');

/** The words of an item that its fields (numbering, title, page) are made of. */
function fieldTokens(item: Pick<TocItem, 'label' | 'title' | 'page'>): string[] {
	return [...tokens(item.label), ...tokens(item.title), ...tokens(item.page)];
}

/** The reading a decision gives the base item's fields (the base: the printing at `base`, 0 for A), or undefined when it leaves them as they are. */
function decidedFields(row: Row, index: number, context: ReportContext, base: number): Pick<TocItem, 'label' | 'title' | 'page'> | null | undefined {
	const decision = context.decisions.byRow.get(index);
	const chosen = chosenPrinting(decision?.verdict);
	const baseItem = itemAt(row, base);
	if (chosen !== undefined && chosen !== base) {
		const otherItem = itemAt(row, chosen);
		if (otherItem === null) return null;
		// A page that differs only by a repaginated edition's offset (between A and B) stays the base printing's, as in the corrected contents page.
		const offsetPage = chosen < 2 && base < 2 && baseItem?.page !== undefined && row.differences.some((d) => d.field === 'page' && d.explainedBy !== undefined);
		return {
			...(otherItem.label === undefined ? {} : {label: otherItem.label}),
			title: otherItem.title,
			...(offsetPage ? {page: baseItem.page} : otherItem.page === undefined ? {} : {page: otherItem.page}),
		};
	}

	if (decision?.verdict === 'edit' && decision.text !== undefined) {
		if (decision.text.trim() === '') return null;
		const parsed = parseLine(decision.text.replaceAll('\n', ' '), 0);
		const {title} = stripMarkup(parsed.titleMarkup);
		return {...(parsed.label === undefined ? {} : {label: parsed.label}), title, ...(parsed.page === undefined ? {} : {page: parsed.page})};
	}

	return undefined;
}

/** The changes one decided row makes to the base item's words. */
function rowChanges(item: TocItem, fields: Pick<TocItem, 'label' | 'title' | 'page'>): Change[] {
	const words: Located[] = (item.place?.lines ?? []).flatMap((line) => (line as OcrLine).words.map((word) => ({line: line as OcrLine, word})));
	if (words.length === 0) return [];
	// The item's fields, found word by word among its words in order; the words between them
	// (leaders, a scan's specks) are left alone. Where a field's word is not found as a word
	// (a wrapped title joined), the whole item is read as its fields.
	const own = fieldTokens(item);
	const found: number[] = [];
	let from = 0;
	for (const token of own) {
		const at = words.findIndex((located, k) => k >= from && located.word.text === token);
		if (at === -1) break;
		found.push(at);
		from = at + 1;
	}

	const complete = found.length === own.length;
	const baseWords = complete ? found.map((k) => words[k]!) : words;
	const baseTexts = baseWords.map((located) => located.word.text);
	const changes: Change[] = [];
	let k = 0;
	const parts = diffArrays(baseTexts, fieldTokens(fields));
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p]!;
		if (!part.added && !part.removed) {
			k += part.count;
			continue;
		}

		// A removal and the addition after it are one replacement.
		const next = parts[p + 1];
		const removed = part.removed ? part.value.length : 0;
		const added = part.added ? part.value : next?.added && part.removed ? next.value : [];
		if (part.removed && next?.added) p++;
		const old = baseWords.slice(k, k + removed);
		if (old.length > 0) changes.push({old, texts: added});
		else if (added.length > 0) {
			const before = baseWords[k - 1];
			const after = baseWords[k];
			const anchor = before ? {at: before, side: 'after' as const} : after ? {at: after, side: 'before' as const} : undefined;
			if (anchor) changes.push({old: [], texts: added, anchor});
		}

		k += removed;
	}

	return changes;
}

/** A text edit: replace `[start, end)` of the file's text with `text`. */
type Edit = {readonly start: number; readonly end: number; readonly text: string};

/** The edits that one change makes to the file's text. */
function changeEdits(change: Change, document: OcrDocument, writer: WordWriter): Edit[] {
	const {source} = document;
	const edits: Edit[] = [];
	const {old, texts} = change;
	// Words of a line without word elements (PAGE XML, hOCR) are runs of its text: edit those.
	const plain = (located: Located): boolean => located.word.element === undefined;
	if (old.length === 0) {
		const {at, side} = change.anchor!;
		if (plain(at)) {
			const joined = texts.map((text) => writer.escape(text, source, at.word)).join(' ');
			const [start, end] = at.word.content!;
			return [side === 'after' ? {start: end, end, text: ` ${joined}`} : {start, end: start, text: `${joined} `}];
		}

		const [start, end] = at.word.element!;
		const element = source.slice(start, end);
		const ref = at.word.box;
		// A word added beside another takes a box beside it, as wide as its characters at that word's width per character.
		const perCharacter = ref ? ref.width / Math.max(1, [...at.word.text].length) : 0;
		let x = ref ? (side === 'after' ? ref.x + ref.width + perCharacter : ref.x) : 0;
		const copies = texts.map((text, n) => {
			const width = Math.round(perCharacter * [...text].length);
			const box = ref ? {x: Math.round(side === 'after' ? x : x - width - perCharacter), y: ref.y, width, height: ref.height} : undefined;
			if (side === 'after') x += width + perCharacter;
			return writer.rewrite(element, text, box, freshId(at.word.id, n + 1, source));
		});
		const separator = writer.separator(source, at.word);
		return [
			side === 'after'
				? {start: end, end, text: copies.map((copy) => separator + copy).join('')}
				: {start, end: start, text: copies.map((copy) => copy + separator).join('')},
		];
	}

	if (old.every(plain)) {
		const start = old[0]!.word.content![0];
		const end = old.at(-1)!.word.content![1];
		return [{start, end, text: texts.map((text) => writer.escape(text, source, old[0]!.word)).join(' ')}];
	}

	if (old.length === texts.length) {
		// Word for word: the text changes, the box and everything else stays.
		for (const [k, located] of old.entries()) {
			if (located.word.text === texts[k]) continue;
			const [start, end] = located.word.content!;
			edits.push({start, end, text: writer.escape(texts[k]!, source, located.word)});
		}

		return edits;
	}

	// Split or joined: the words of each line share that line's box of the old words by characters.
	const byLine = new Map<OcrLine, Located[]>();
	for (const located of old) byLine.set(located.line, [...(byLine.get(located.line) ?? []), located]);
	const groups = [...byLine.values()];
	const lengths = groups.map((group) => group.reduce((sum, located) => sum + [...located.word.text].length, 0));
	const total = lengths.reduce((sum, length) => sum + length, 0) || 1;
	const newTotal = texts.reduce((sum, text) => sum + [...text].length, 0);
	// Each new word goes to the line where its first character falls, by share of characters.
	const assigned: string[][] = groups.map(() => []);
	let done = 0;
	for (const text of texts) {
		let share = newTotal === 0 ? 0 : (done / newTotal) * total;
		let g = 0;
		while (g < groups.length - 1 && share >= lengths[g]!) share -= lengths[g++]!;
		assigned[g]!.push(text);
		done += [...text].length;
	}

	for (const [g, group] of groups.entries()) {
		const mine = assigned[g]!;
		const first = group[0]!;
		const last = group.at(-1)!;
		if (mine.length === 0) {
			edits.push(removal(group, source));
			continue;
		}

		const [start] = first.word.element!;
		const element = source.slice(first.word.element![0], first.word.element![1]);
		const box = boxAround(group.flatMap((located) => (located.word.box ? [located.word.box] : [])));
		const boxes = box ? divideBox(box, mine) : [];
		const separator = writer.separator(source, first.word);
		const written = mine.map((text, n) => writer.rewrite(element, text, boxes[n], n === 0 ? undefined : freshId(first.word.id, n, source)));
		// The first word's element becomes the new words; the others go, with what separated them.
		edits.push({start, end: first.word.element![1], text: written.join(separator)});
		if (group.length > 1) edits.push({start: first.word.element![1], end: last.word.element![1], text: ''});
	}

	return edits;
}

/**
 * Remove consecutive words of one line, with what separates them from the rest of the line (an
 * ALTO `<SP/>`, spaces); all the words of a line: the line itself, as a line needs a word.
 */
function removal(group: readonly Located[], source: string): Edit {
	const {line} = group[0]!;
	const firstIndex = line.words.indexOf(group[0]!.word);
	const lastIndex = line.words.indexOf(group.at(-1)!.word);
	const before = line.words[firstIndex - 1];
	const after = line.words[lastIndex + 1];
	if (before?.element) return {start: before.element[1], end: group.at(-1)!.word.element![1], text: ''};
	if (after?.element) return {start: group[0]!.word.element![0], end: after.element[0], text: ''};
	const [start, end] = line.element!;
	const lineStart = source.lastIndexOf('\n', start - 1);
	return {start: lineStart !== -1 && source.slice(lineStart, start).trim() === '' ? lineStart : start, end, text: ''};
}

/**
 * New lines for entries only the other printing has, after (or before) `anchor`, one per entry:
 * each a copy of the anchor line's markup with new ids, its words copies of the anchor's first
 * word's, set on the next line's place (the anchor's box moved down by its height, as wide as the
 * words' characters at the anchor's width per character).
 */
function insertedLines(
	entries: readonly (readonly string[])[],
	anchor: OcrLine,
	side: 'after' | 'before',
	document: OcrDocument,
	format: WritableOcrFormat,
): Edit[] {
	const {source} = document;
	const template = anchor.words.find((word) => word.element !== undefined);
	if (anchor.element === undefined || template === undefined || anchor.box === undefined) return [];
	const [start, end] = anchor.element;
	const element = source.slice(start, end);
	const writer = writers[format];
	const wordElement = source.slice(template.element![0], template.element![1]);
	const perCharacter =
		anchor.box.width /
		Math.max(
			1,
			anchor.words.reduce((sum, word) => sum + [...word.text].length + 1, 0),
		);
	const separator = writer.separator(source, template);
	const indent = indentBefore(source, start);
	const lines = entries.map((texts, k) => {
		const offset = side === 'after' ? k + 1 : k - entries.length;
		const y = Math.max(0, Math.round(anchor.box!.y + offset * anchor.box!.height * 1.2));
		const lineId = freshId(anchor.id, k + 1, source) ?? `line_${k + 1}`;
		let x = anchor.box!.x;
		const words = texts.map((text, n) => {
			const width = Math.round(perCharacter * [...text].length);
			const box = {x: Math.round(x), y, width, height: anchor.box!.height};
			x += width + perCharacter;
			const word = writer.rewrite(wordElement, text, box, `${lineId}_w${n + 1}`);
			return format === 'alto' ? replaceAttribute(replaceAttribute(word, 'VPOS', String(y)), 'HEIGHT', String(box.height)) : word;
		});
		const box = {x: anchor.box!.x, y, width: Math.max(1, Math.round(x - perCharacter - anchor.box!.x)), height: anchor.box!.height};
		// The line's own start tag (and, in PAGE XML, its outline), with the new id and box; then the words.
		const head = element.slice(0, element.search(/<(?:\w+:)?(?:String|Word)\b|<span\b[^>]*ocrx_word/u));
		let opening = head.replace(/<(?:\w+:)?Baseline\b[^>]*\/>\s*/u, '');
		opening =
			format === 'hocr' ? writers.hocr.rewrite(`${opening}</span>`, '', box, lineId).replace(/<\/span>$/u, '') : writer.rewrite(opening, '', box, lineId);
		if (format === 'alto') opening = replaceAttribute(replaceAttribute(opening, 'VPOS', String(box.y)), 'HEIGHT', String(box.height));
		const closing = element.slice(element.lastIndexOf('</'));
		const text =
			format === 'page' ? `${indent}\t<TextEquiv>${indent}\t\t<Unicode>${escapeXml(texts.join(' '), '<')}</Unicode>${indent}\t</TextEquiv>${indent}` : '';
		return `${opening.trimEnd()}${format === 'alto' ? '' : separator}${words.join(separator)}${text}${closing}`;
	});
	return side === 'after'
		? [{start: end, end, text: lines.map((line) => indent + line).join('')}]
		: [{start, end: start, text: lines.map((line) => line + indent).join('')}];
}

/** Find the input a printing came from: by name, else by position. */
function sourceOf(name: string, position: number, sources: readonly ReportSource[]): ReportSource | undefined {
	return sources.find((candidate) => candidate.name === name) ?? sources[position];
}

/**
 * The base printing's OCR file (`context.base`, A by default) with every decision applied.
 *
 * @throws OcrWriteError when the base printing did not come from a file of `format`.
 * @example
 * toOcr('alto')(comparison, {decisions: noDecisions, sources}) // the ALTO file as it was read
 */
export function toOcr(format: WritableOcrFormat): (comparison: Comparison, context: ReportContext) => string {
	return (comparison, context) => {
		const position = printingLetters.indexOf(context.base ?? 'a');
		const printing = comparison.printings[position];
		if (printing === undefined)
			throw new OcrWriteError(`there is no printing ${(context.base ?? 'a').toUpperCase()}: the comparison has ${comparison.printings.length}`);
		const source = sourceOf(printing.source, position, context.sources);
		const document = source?.ocr;
		if (document?.format !== format) {
			const what = document === undefined ? 'plain text' : document.format === 'pdf' ? 'a PDF' : formatNames[document.format];
			// Another printing read from a file of this format, if any, to name as the base instead.
			const other = comparison.printings.findIndex((each, k) => k !== position && sourceOf(each.source, k, context.sources)?.ocr?.format === format);
			const letter = other === -1 ? (position === 0 ? 'b' : 'a') : printingLetters[other]!;
			const hint =
				document !== undefined && document.format !== 'pdf'
					? `use --format ${document.format}`
					: `use --format toc for its corrected text, or --base ${letter} if printing ${letter.toUpperCase()} is ${formatNames[format]}`;
			throw new OcrWriteError(
				`--format ${format} writes a corrected copy of printing ${printing.id}'s own ${formatNames[format]} file, and ${printing.source} is ${what}; ${hint}`,
			);
		}

		const writer = writers[format];
		const edits: Edit[] = [];
		// The base printing's last OCR line so far: where an entry only the other printing has goes.
		let lastLine: OcrLine | undefined;
		const pending: string[][] = [];
		for (const [index, row] of comparison.rows.entries()) {
			const item = itemAt(row, position);
			if (item === null) {
				// An entry only another printing has, which a decision accepts: a new line after the base's last.
				const fields = decidedFields(row, index, context, position);
				if (fields) pending.push(fieldTokens(fields));
				continue;
			}

			if (item.place === undefined) continue;
			const first = item.place.lines[0] as OcrLine | undefined;
			if (pending.length > 0) {
				const anchor = lastLine ?? first;
				if (anchor) edits.push(...insertedLines(pending.splice(0), anchor, lastLine === undefined ? 'before' : 'after', document, format));
			}

			lastLine = (item.place.lines.at(-1) as OcrLine | undefined) ?? lastLine;
			const fields = decidedFields(row, index, context, position);
			if (fields === undefined) continue;
			if (fields === null) {
				// The other printing is right to have no such item: its lines go, each from the start of its own line.
				for (const line of item.place.lines as readonly OcrLine[]) {
					if (line.element === undefined) continue;
					const [start, end] = line.element;
					const lineStart = document.source.lastIndexOf('\n', start - 1);
					const from = lineStart !== -1 && document.source.slice(lineStart, start).trim() === '' ? lineStart : start;
					edits.push({start: from, end, text: ''});
				}

				continue;
			}

			for (const change of rowChanges(item, fields)) edits.push(...changeEdits(change, document, writer));
		}

		if (pending.length > 0 && lastLine) edits.push(...insertedLines(pending.splice(0), lastLine, 'after', document, format));

		// PAGE XML: a line's own text follows its words.
		if (format === 'page') edits.push(...lineTextEdits(document, edits));
		let out = document.source;
		for (const edit of [...edits].sort((x, y) => y.start - x.start || y.end - x.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
		// The file's own line ends (its text here has `\n` only).
		return source?.lineEnd === '\r\n' ? out.replaceAll('\n', '\r\n') : out;
	};
}

/** PAGE XML lines whose words changed: their own `TextEquiv` reads the words again, where it read them before. */
function lineTextEdits(document: OcrDocument, edits: readonly Edit[]): Edit[] {
	const out: Edit[] = [];
	const {source} = document;
	for (const line of document.lines) {
		if (line.lineText === undefined || line.element === undefined || line.words.every((word) => word.element === undefined)) continue;
		const [start, end] = line.element;
		const inside = edits.filter((edit) => edit.start >= start && edit.end <= end);
		if (inside.length === 0) continue;
		const before = line.words.map((word) => word.text).join(' ');
		const [textStart, textEnd] = line.lineText;
		if (source.slice(textStart, textEnd) !== escapeXml(before, '<')) continue;
		// The line's words as the edits leave them, read back from the edited element.
		let element = source.slice(start, end);
		for (const edit of [...inside].sort((x, y) => y.start - x.start))
			element = element.slice(0, edit.start - start) + edit.text + element.slice(edit.end - start);
		const words = [...element.matchAll(/<(?:\w+:)?Word\b[\s\S]*?<(?:\w+:)?Unicode>([^<]*)<\/(?:\w+:)?Unicode>/gu)].map((match) => match[1]!);
		out.push({start: textStart, end: textEnd, text: words.join(' ')});
	}

	return out;
}
