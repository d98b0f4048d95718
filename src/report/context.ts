/**
 * What every exporter needs besides the comparison: the reviewer's decisions and the input texts.
 */
import type {DecisionMatch, PrintingLetter} from '../core/decisions.js';
import type {OcrDocument} from '../core/formats/types.js';
import type {LinePlace} from '../core/types.js';

/** One input file as read: its name as given and its decoded text. */
export type ReportSource = {
	readonly name: string;
	readonly text: string;
	/** The line end the file used (its text here has `\n` only), so that `toToc` can write it back. */
	readonly lineEnd?: string;
	/** The encoding its bytes were read in (`utf-8`, `koi8-r` …), when they were read from bytes. */
	readonly encoding?: string;
	/** For an OCR file (its `text` is then the text read from it): where each text line is on the scan (see `Source.layout`). */
	readonly layout?: readonly (LinePlace | undefined)[];
	/** For an OCR file: the document as read, which a corrected copy is written from. */
	readonly ocr?: OcrDocument;
};

/**
 * The scans of printings read from OCR files, for the HTML report's crops: each source's page
 * images as data URLs, by source name and page; and what could not be found or shown, in words.
 */
export type Scans = {
	readonly pages: ReadonlyMap<string, ReadonlyMap<number, string>>;
	readonly missing: readonly string[];
};

/** The context an exporter runs in, built by the CLI or the review screen. */
export type ReportContext = {
	/** Saved decisions matched to the comparison's rows. */
	readonly decisions: DecisionMatch;
	/** The input files' decoded texts, in order, so that `toToc` can rebuild the layout. */
	readonly sources: readonly ReportSource[];
	/**
	 * The printing that `toToc` (and the OCR writers) rebuild, and whose line numbers the errata list
	 * gives bare: `a`, `b`, or a further printing (`c` …).
	 * @default 'a'
	 */
	readonly base?: PrintingLetter;
	/** Page images for the HTML report's crops of each changed row's lines (absent: none looked for). */
	readonly scans?: Scans;
};

/** A decision match with no decisions, for a run without a decisions file. */
export const noDecisions: DecisionMatch = {byRow: new Map(), orphans: []};
