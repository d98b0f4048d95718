/**
 * What every exporter needs besides the comparison: the reviewer's decisions and the input texts.
 */
import type {DecisionMatch} from '../core/decisions.js';

/** One input file as read: its name as given and its decoded text. */
export type ReportSource = {
	readonly name: string;
	readonly text: string;
	/** The line end the file used (its text here has `\n` only), so that `toToc` can write it back. */
	readonly lineEnd?: string;
	/** The encoding its bytes were read in (`utf-8`, `koi8-r` …), when they were read from bytes. */
	readonly encoding?: string;
};

/** The context an exporter runs in, built by the CLI or the review screen. */
export type ReportContext = {
	/** Saved decisions matched to the comparison's rows. */
	readonly decisions: DecisionMatch;
	/** The input files' decoded texts, in order, so that `toToc` can rebuild the layout. */
	readonly sources: readonly ReportSource[];
	/**
	 * The printing that `toToc` rebuilds and that the errata list corrects.
	 * @default 'a'
	 */
	readonly base?: 'a' | 'b';
};

/** A decision match with no decisions, for a run without a decisions file. */
export const noDecisions: DecisionMatch = {byRow: new Map(), orphans: []};
