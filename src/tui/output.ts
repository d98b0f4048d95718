/**
 * Ink's frame buffer, which the review screen's bundle puts in place of `ink/build/output.js`
 * (scripts/bundle.mjs). Ink renders each frame by writing every piece of text into an `Output`
 * and asking it for the frame's string. Ink's own keeps one object per cell, each with its own
 * array of styles, and works out the colour codes between every two neighbouring cells with
 * fresh sets: at 120 × 40 that is about 5,000 cells, ~20 ms of the first frame with the garbage
 * collection it causes (issue 5). This one gives the same string, byte for byte, and keeps:
 *
 * - a frame as two arrays a row: the grapheme of each cell and a number for its style;
 * - each style (a list of colour codes) once, numbered, and the codes between two styles once;
 * - each line of text, cut into graphemes and styles, across frames: most lines of a frame
 *   are the lines of the frame before;
 * - the screen's usual line, always-narrow characters and colour codes, cut without tokens.
 *
 * The codes, the clipping and the widths still come from Ink's own helpers
 * (@alcalzone/ansi-tokenize, slice-ansi, string-width). test/tui/output.test.ts checks it
 * against Ink's Output on random writes, clips and styles, and on frames drawn one after another.
 */
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, type AnsiCode} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {isNarrow} from './string-width.js';

/** What Ink passes to `write`: functions that change each line before it is placed. */
type OutputTransformer = (line: string, index: number) => string;

type Clip = {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined};

type Operation = {type: 'write'; x: number; y: number; text: string; transformers: OutputTransformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};

/** A line of text as cells: its graphemes, the columns each takes, and each one's style number. */
type Cells = {values: string[]; widths: number[]; styles: number[]};

/** Past this many entries a cache is emptied, so that a long session cannot grow it without end. */
const cacheLimit = 4096;

/** Style numbers: 0 is no style. Each style's codes, and the codes from one style to another. */
let styleNumbers = new Map<string, number>([['', 0]]);
let stylesByNumber: AnsiCode[][] = [[]];
let transitions: Array<Map<number, string>> = [new Map<number, string>()];
let linesSeen = new Map<string, Cells>();
const widths = new Map<string, number>();

function styleNumber(codes: AnsiCode[]): number {
	let key = '';
	for (const code of codes) key += `${code.code}\u0000${code.endCode}\u0001`;
	let number = styleNumbers.get(key);
	if (number === undefined) {
		number = stylesByNumber.length;
		styleNumbers.set(key, number);
		stylesByNumber.push(codes);
		transitions.push(new Map());
	}

	return number;
}

/** Forget every style and every line (a line's cells hold style numbers); only between frames. */
function forgetStyles(): void {
	styleNumbers = new Map([['', 0]]);
	stylesByNumber = [[]];
	transitions = [new Map<number, string>()];
	linesSeen = new Map();
}

/** The codes that turn style `from` into style `to`, as Ink's `styledCharsToString` writes them. */
function transition(from: number, to: number): string {
	const known = transitions[from]!;
	let codes = known.get(to);
	if (codes === undefined) {
		codes = ansiCodesToString(diffAnsiCodes(stylesByNumber[from]!, stylesByNumber[to]!));
		known.set(to, codes);
	}

	return codes;
}

function widthOf(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size >= cacheLimit) widths.clear();
		width = stringWidth(text);
		widths.set(text, width);
	}

	return width;
}

const slices = new Map<string, string>();

/**
 * `sliceAnsi(line, start, end)`, each once (#17): a frame clips every line of the list, and most
 * lines are the frame before's (slicing them again was a third of a key press).
 */
function sliceOf(line: string, start: number, end: number): string {
	const key = `${start}\u0000${end}\u0000${line}`;
	let slice = slices.get(key);
	if (slice === undefined) {
		if (slices.size >= cacheLimit) slices.clear();
		slice = sliceAnsi(line, start, end);
		slices.set(key, slice);
	}

	return slice;
}

function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
	return widest;
}

/** Colour and style codes (SGR) exactly as ansi-tokenize reads them, kept by the split below. */
const styleCode = /(\u001B\[[\d;]*m)/;
/** The codes of each SGR sequence seen, as ansi-tokenize reads it. */
const codesOfSequence = new Map<string, AnsiCode[]>();

function sequenceCodes(sequence: string): AnsiCode[] {
	let codes = codesOfSequence.get(sequence);
	if (codes === undefined) {
		if (codesOfSequence.size >= cacheLimit) codesOfSequence.clear();
		codes = tokenize(sequence).filter((token): token is AnsiCode => token.type === 'ansi');
		codesOfSequence.set(sequence, codes);
	}

	return codes;
}

/** A line cut into cells, as Ink's `styledCharsFromTokens(tokenize(line))` cuts it. */
function cellsOf(line: string): Cells {
	let cells = linesSeen.get(line);
	if (cells !== undefined) return cells;
	cells = simpleCells(line) ?? tokenizedCells(line);
	if (linesSeen.size >= cacheLimit) linesSeen.clear();
	linesSeen.set(line, cells);
	return cells;
}

/**
 * The cells of a line made of always-narrow characters and SGR codes, the screen's usual line:
 * each UTF-16 unit is a grapheme one column wide, as the segmenter and string-width would find.
 * Any other line gives undefined.
 */
function simpleCells(line: string): Cells | undefined {
	const parts = line.split(styleCode);
	for (let index = 0; index < parts.length; index += 2) if (!isNarrow(parts[index]!)) return undefined;
	const cells: Cells = {values: [], widths: [], styles: []};
	let codes: AnsiCode[] = [];
	let style = 0;
	for (const [index, part] of parts.entries()) {
		if (index % 2 === 1) {
			codes = reduceAnsiCodesIncremental(codes, sequenceCodes(part));
			style = styleNumber(codes);
			continue;
		}

		for (let unit = 0; unit < part.length; unit++) {
			cells.values.push(part[unit]!);
			cells.widths.push(1);
			cells.styles.push(style);
		}
	}

	return cells;
}

/** The cells of any line, through ansi-tokenize and string-width. */
function tokenizedCells(line: string): Cells {
	const cells: Cells = {values: [], widths: [], styles: []};
	let previous: AnsiCode[] | undefined;
	let style = 0;
	for (const {value, styles} of styledCharsFromTokens(tokenize(line))) {
		if (previous === undefined || !sameCodes(previous, styles)) style = styleNumber(styles);
		previous = styles;
		cells.values.push(value);
		cells.widths.push(Math.max(1, widthOf(value)));
		cells.styles.push(style);
	}

	return cells;
}

function sameCodes(a: AnsiCode[], b: AnsiCode[]): boolean {
	if (a.length !== b.length) return false;
	for (const [index, code] of a.entries()) if (code.code !== b[index]!.code || code.endCode !== b[index]!.endCode) return false;
	return true;
}

/** A row of the frame as one string: each style change written once, trailing blanks cut. */
function rowText(values: Array<string | undefined>, styles: number[]): string {
	let text = '';
	let style = -1;
	// Indices only: a cell written left of the frame is a property of the array, not a cell.
	for (let index = 0; index < values.length; index++) {
		const value = values[index];
		if (value === undefined) continue;
		const next = styles[index]!;
		if (style === -1) text += transition(0, next);
		else if (next !== style) text += transition(style, next);
		text += value;
		style = next;
	}

	if (style !== -1) text += transition(style, 0);
	return text.trimEnd();
}

export default class Output {
	width: number;
	height: number;
	readonly operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {transformers: OutputTransformer[]}): void {
		if (!text) return;
		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		if (stylesByNumber.length > cacheLimit) forgetStyles();
		const values: Array<Array<string | undefined>> = [];
		const styles: number[][] = [];
		for (let y = 0; y < this.height; y++) {
			values.push(Array.from<string>({length: this.width}).fill(' '));
			styles.push(Array.from<number>({length: this.width}).fill(0));
		}

		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') clips.push(operation.clip);
			else if (operation.type === 'unclip') clips.pop();
			else this.place(operation, clips.at(-1), values, styles);
		}

		return {output: values.map((row, y) => rowText(row, styles[y]!)).join('\n'), height: values.length};
	}

	/** Put one write's lines into the rows, clipped as Ink clips them. */
	private place(
		{x, y, text, transformers}: {x: number; y: number; text: string; transformers: OutputTransformer[]},
		clip: Clip | undefined,
		values: Array<Array<string | undefined>>,
		styles: number[][],
	): void {
		let lines = text.split('\n');
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			// Text wholly outside the clip is not written.
			if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
			if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) return;
			if (clipHorizontally) {
				const {x1, x2} = clip as {x1: number; x2: number};
				lines = lines.map((line) => {
					const width = widthOf(line);
					return sliceOf(line, x < x1 ? x1 - x : 0, x + width > x2 ? x2 - x : width);
				});
				if (x < x1) x = x1;
			}

			if (clipVertically) {
				const {y1, y2} = clip as {y1: number; y2: number};
				lines = lines.slice(y < y1 ? y1 - y : 0, y + lines.length > y2 ? y2 - y : lines.length);
				if (y < y1) y = y1;
			}
		}

		// As Ink does: a line whose row is not in the frame is skipped without moving down a row.
		let offsetY = 0;
		for (const [index, given] of lines.entries()) {
			let line = given;
			const rowValues = values[y + offsetY];
			const rowStyles = styles[y + offsetY]!;
			if (!rowValues) continue;
			for (const transformer of transformers) line = transformer(line, index);
			const cells = cellsOf(line);
			let offsetX = x;
			for (const [cell, value] of cells.values.entries()) {
				const style = cells.styles[cell]!;
				const width = cells.widths[cell]!;
				rowValues[offsetX] = value;
				rowStyles[offsetX] = style;
				// A wide character's other columns are empty cells of its style.
				for (let column = 1; column < width; column++) {
					rowValues[offsetX + column] = '';
					rowStyles[offsetX + column] = style;
				}

				offsetX += width;
			}

			offsetY++;
		}
	}
}
