/**
 * Read → decode → compare, once for every caller: the single run, each `--batch` worker and the
 * review screen's exporters. One error mapping: whatever is wrong with an input becomes an
 * `InputError` with one line that says where, what and what to do.
 */
import {compare, CompareError} from '../core/compare.js';
import {printingLetters, type DecisionMatch, type PrintingLetter} from '../core/decisions.js';
import type {Comparison} from '../core/types.js';
import {formatNamed, type ExportOptions, type ReportContext, type ReportSource, type Scans} from '../report/index.js';
import {describeReadError, InputError} from './errors.js';
import {readSource} from './source.js';
import {dictionaryFor} from './words.js';

/** How `compareFile` reads an input's bytes (`-`: standard input); the CLI's `io` gives it. */
export type ReadInput = (file: string) => Promise<Uint8Array>;

/** Options for `compareFile`. */
export type CompareFileOptions = {
	/** The first line of each printing after the first, overriding detection (`--split-at`). */
	readonly splitAt?: readonly number[] | undefined;
	/** How many printings a one-file input holds (`--printings`). */
	readonly printings?: number | undefined;
	/**
	 * Look words up in the dictionary of the contents' language for the suggestions; a summary
	 * alone (`--batch` without a format) shows none, and so looks nothing up.
	 * @default true
	 */
	readonly suggest?: boolean;
	/** The pages of a PDF to read (`--pages 5-9`). @default its contents pages where they can be told, else every page */
	readonly pages?: readonly [number, number] | undefined;
	/** Where the HTML report looks for the scans' page images besides the OCR files' folders (`--images DIR`), and the folder paths are relative to. */
	readonly scans?: ScanOptions;
};

/** Where the HTML report of printings read from OCR files finds their page images (#15). */
export type ScanOptions = {readonly images?: string | undefined; readonly cwd: string};

/** A comparison with the sources it came from, and how to write any report of it. */
export type ComparedFile = {
	readonly comparison: Comparison;
	/** The inputs as read: names as given, decoded texts, line ends and encodings. */
	readonly sources: readonly ReportSource[];
	/**
	 * The report in `format` (a name from `formats`), with `decisions` applied; `base` picks the
	 * printing that the corrected contents page rebuilds and the errata correct.
	 */
	readonly report: (format: string, decisions: DecisionMatch, base: PrintingLetter, options?: ExportOptions) => Promise<string>;
	/** The same report in pieces, where its format is written so (JSON: a large report is never one string, #17); else in one piece. */
	readonly reportPieces: (format: string, decisions: DecisionMatch, base: PrintingLetter, options?: ExportOptions) => Promise<Iterable<string>>;
};

/** The context every exporter runs in: the decisions, the sources and the base printing. */
export function reportContext(decisions: DecisionMatch, sources: readonly ReportSource[], base: PrintingLetter): ReportContext {
	return {decisions, sources, base};
}

/**
 * Refuse a base printing the comparison does not have (`--base c` of two printings), saying which
 * it has (#16).
 *
 * @throws InputError when there is no such printing (exit 3).
 */
export function checkBase(comparison: Comparison, base: PrintingLetter): void {
	const {printings} = comparison;
	if (printingLetters.indexOf(base) < printings.length) return;
	const list = (names: readonly string[], last: string): string => `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;
	const ids = printings.map((printing) => printing.id);
	const letters = printingLetters.slice(0, printings.length);
	throw new InputError(
		`--base ${base}: the input holds ${printings.length} printings, ${list(ids, 'and')}, and no ${base.toUpperCase()}; give --base ${list(letters, 'or')}`,
	);
}

/** For the HTML report of printings read from OCR files: their page images (#15); nothing for plain text. */
async function scansFor(sources: readonly ReportSource[], options: ScanOptions): Promise<{scans?: Scans}> {
	if (!sources.some((source) => source.ocr !== undefined)) return {};
	const {loadScans} = await import('./scans.js');
	return {scans: await loadScans(sources, options.images, options.cwd)};
}

/** A comparison already made, with its sources: what the review screen's exporters write from. */
export function comparedFile(comparison: Comparison, sources: readonly ReportSource[], scanOptions: ScanOptions = {cwd: process.cwd()}): ComparedFile {
	const compared: ComparedFile = {
		comparison,
		sources,
		async reportPieces(format, decisions, base, options = {}) {
			const named = formatNamed(format);
			if (named?.loadPieces === undefined) return [await compared.report(format, decisions, base, options)];
			const write = await named.loadPieces();
			return write(comparison, reportContext(decisions, sources, base), options);
		},
		async report(format, decisions, base, options = {}) {
			const named = formatNamed(format);
			if (named === undefined) throw new Error(`Unknown format ${format}`);
			checkBase(comparison, base);
			const write = await named.load();
			const scans = format === 'html' ? await scansFor(sources, scanOptions) : {};
			try {
				return write(comparison, {...reportContext(decisions, sources, base), ...scans}, options);
			} catch (error) {
				// A corrected OCR file asked of a printing that is not one (report/ocr.ts).
				if (error instanceof Error && error.name === 'OcrWriteError') throw new InputError(error.message);
				throw error;
			}
		},
	};
	return compared;
}

/**
 * Read the inputs with `read`, decode them and compare them.
 *
 * @throws InputError when an input cannot be read, decoded or compared (exit 3).
 * @example
 * const {comparison, report} = await compareFile(['vol31.txt'], io.readInput);
 */
export async function compareFile(files: readonly string[], read: ReadInput, options: CompareFileOptions = {}): Promise<ComparedFile> {
	const sources = await Promise.all(
		files.map(async (file) => {
			let bytes: Uint8Array;
			try {
				bytes = await read(file);
			} catch (error) {
				throw new InputError(describeReadError(file, error));
			}

			return readSource(file, bytes, options.pages === undefined ? {} : {pages: options.pages});
		}),
	);
	let comparison: Comparison;
	try {
		comparison = compare(sources, {
			...(options.suggest === false ? {} : {dictionary: dictionaryFor}),
			...(options.splitAt === undefined ? {} : {splitAt: options.splitAt}),
			...(options.printings === undefined ? {} : {printings: options.printings}),
		});
	} catch (error) {
		if (error instanceof CompareError) throw new InputError(error.message);
		throw error;
	}

	return comparedFile(comparison, sources, options.scans);
}
