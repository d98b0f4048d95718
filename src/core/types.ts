/**
 * The shared vocabulary of tocdiff: items parsed from a contents page, printings, aligned rows,
 * differences and the comparison that holds them. Everything here is plain, readonly data.
 */

/** Languages tocdiff tells apart (and has dictionaries for, Dutch aside). */
export type Language = 'en' | 'fr' | 'de' | 'nl' | 'ru';

/** Whether a word is in a dictionary; undefined when there is no dictionary to ask. */
export type WordLookup = (word: string) => boolean | undefined;

/** What a parsed unit of a contents page is. */
export type ItemType = 'entry' | 'heading' | 'text';

/** A run of italic text inside a title, as offsets into `TocItem.title` (end exclusive). */
export type Span = {readonly start: number; readonly end: number};

/** The value a numbering label stands for, so that `IV.` and `4.` can be compared. */
export type LabelValue =
	| {readonly kind: 'roman'; readonly value: number}
	| {readonly kind: 'arabic'; readonly value: number}
	| {readonly kind: 'letter'; readonly value: string}
	| {readonly kind: 'word'; readonly word: string; readonly value?: number};

/** A rectangle on a page image, in the image's pixels (a PDF's: points), from its top left corner. */
export type Box = {readonly x: number; readonly y: number; readonly width: number; readonly height: number};

/** A word where an OCR file put it: its id, text, box and the recogniser's confidence (0..1). */
export type WordPlace = {readonly id?: string; readonly text: string; readonly box?: Box; readonly confidence?: number};

/** A line where an OCR file put it: its page (from 1), id, box and words. */
export type LinePlace = {readonly page: number; readonly id?: string; readonly box?: Box; readonly words: readonly WordPlace[]};

/** Where an item read from an OCR file is on the scan: the page of its first line, and its lines. */
export type ItemPlace = {readonly page: number; readonly lines: readonly LinePlace[]};

/** One unit of a contents page: an entry, a heading or a line of front matter. */
export type TocItem = {
	/** Position in its printing's item list, from 0. */
	readonly index: number;
	/** First and last line (1-based, inclusive) in the file the printing came from. */
	readonly lines: readonly [number, number];
	/** The source lines as printed, joined with `\n`. */
	readonly text: string;
	readonly type: ItemType;
	/** The numbering as printed (`II.`, `Chapter II`, `(a)`), when the item has one. */
	readonly label?: string;
	/** What the label stands for, when it could be read (OCR misreadings such as `Il.` included). */
	readonly labelValue?: LabelValue;
	/** The title without numbering, page, leaders or markup; a wrapped title is joined with spaces. */
	readonly title: string;
	/** The title with its markup (`<i>…</i>`) kept. */
	readonly titleMarkup: string;
	/** Italic runs in `title`. */
	readonly italics: readonly Span[];
	/** What stood between the title and the page: a tab, spaces or leader dots, as printed. */
	readonly leader: string;
	/** The page reference as printed (`23`, `16-17`, `xi`); absent when there is none. */
	readonly page?: string;
	/** Indentation depth (0 for none), from the leading whitespace of the first line. */
	readonly depth: number;
	/** Where it is on the scan, when it was read from an OCR file (ALTO, PAGE XML, hOCR, PDF). */
	readonly place?: ItemPlace;
};

/**
 * A line of page furniture inside a printing: a running head (`CONTENTS ix`, `8 CONTENTS`, the
 * book's short title with its folio), a column head (`Page`, `CHAP. PAGE`), or a bare folio. It is
 * never an entry and never a row; the corrected contents page keeps it where it stood.
 */
export type FurnitureLine = {
	/** The line (1-based), as `[line, line]`, in the printing's file. */
	readonly lines: readonly [number, number];
	/** The line as printed. */
	readonly text: string;
	readonly kind: 'running-head' | 'column-head' | 'folio';
};

/** One printing of the contents: where it lies in its source and what it holds. */
export type Printing = {
	/** `A`, `B`, `C`, … in the order found. */
	readonly id: string;
	/** The path as given on the command line, or a name chosen by the caller. */
	readonly source: string;
	/** First and last non-empty line (1-based, inclusive) in the source. */
	readonly lines: readonly [number, number];
	readonly items: readonly TocItem[];
	/** The page furniture found among its lines, in line order; absent when there is none. */
	readonly furniture?: readonly FurnitureLine[];
	/** Set when some of its lines were not in Unicode NFC: tocdiff compared them composed; how many. */
	readonly normalized?: {readonly form: 'NFC'; readonly lines: number};
	/** How many specks of a scan (`°`, a stray `;` at a line's edge) were read past; absent when none. */
	readonly specks?: number;
	/**
	 * The printing's own lines as printed (not composed to NFC), from line `lines[0]` to `lines[1]`
	 * of its file: what the corrected contents page is rebuilt from.
	 */
	readonly printed: readonly string[];
};

/** How the printings in one file were found. */
export type SplitReport = {
	/** First line (1-based) of every printing after the first. */
	readonly boundaries: readonly number[];
	/** How sure the split is, 0..1. */
	readonly confidence: number;
	/** A short human description of the evidence (`repeated title page`, `--split-at`). */
	readonly method: string;
	/** The next best explanation of the file, when there is one: where its printings would start, and how sure that would be. */
	readonly alternatives?: readonly SplitAlternative[];
};

/** Another way the file could split: the first line of each printing after the first, and its confidence. */
export type SplitAlternative = {
	readonly boundaries: readonly number[];
	readonly confidence: number;
};

/** A kind of difference; see `json-report.md`. */
export type DifferenceKind =
	| 'number'
	| 'page'
	| 'words'
	| 'spelling'
	| 'ocr'
	| 'punctuation'
	| 'leaders'
	| 'whitespace'
	| 'case'
	| 'markup'
	| 'hyphenation'
	| 'invisible'
	| 'speck'
	| 'missing'
	| 'extra'
	| 'truncation'
	| 'moved';

/** How much a difference matters to a reader. */
export type Severity = 'substantive' | 'minor' | 'cosmetic';

/** Severities from the most to the least serious. */
export const severities = ['substantive', 'minor', 'cosmetic'] as const satisfies readonly Severity[];

/** Which part of an item a difference lies in. */
export type Field = 'label' | 'title' | 'page' | 'leader' | 'item';

/** One difference inside a row, with the exact differing text on both sides. */
export type Difference = {
	readonly kind: DifferenceKind;
	readonly severity: Severity;
	readonly field: Field;
	/** The reading in printing A (empty when A has nothing there). */
	readonly a: string;
	/** The reading in printing B (empty when B has nothing there). */
	readonly b: string;
	/**
	 * Set when a check explains the difference away: a page that differs by the constant offset
	 * of a repaginated edition, or a line of one printing's title page that the other lacks
	 * (`title-page`: no entry, so no erratum; see `Check`). The difference stays, marked, so counts hold.
	 */
	readonly explainedBy?: 'page-offset' | 'title-page';
	/** Which reading is probably right, how sure, and why; absent for kinds with nothing to weigh (see `suggest.ts`). */
	readonly suggestion?: Suggestion;
};

/**
 * A suggestion on a difference: the reading that is probably right (`null` when the evidence is
 * even), how sure (0..1, the chance that `reading` is right; 0.5 when even), and the evidence.
 */
export type Suggestion = {
	readonly reading: 'a' | 'b' | null;
	readonly confidence: number;
	readonly why: string;
};

/**
 * One step of an alignment, by item index: a pair (several adjacent items of a side read as one,
 * where the printings joined their lines differently), a moved pair, or an item of one side alone.
 */
export type AlignOp =
	| {readonly kind: 'pair'; readonly a: readonly number[]; readonly b: readonly number[]}
	| {readonly kind: 'moved'; readonly a: readonly number[]; readonly b: readonly number[]}
	| {readonly kind: 'only-a'; readonly a: number}
	| {readonly kind: 'only-b'; readonly b: number};

/**
 * The status of an aligned row. `only-other`: with more than two printings, an item that neither A
 * nor B has, only a further printing (C, D, …): its reading is in `Row.others`.
 */
export type RowStatus = 'same' | 'changed' | 'only-a' | 'only-b' | 'moved' | 'only-other';

/**
 * One aligned unit as the engine builds it, before what it means is decided (`describeRows`): an
 * item of A, an item of B, or both; and the other printings' readings.
 */
export type RowDraft = RowReadings & {
	/**
	 * With more than two printings (three scans of one page): the item of each further printing
	 * (C, D, …, in order) aligned to this row, or null; absent with two printings.
	 */
	readonly others?: readonly (TocItem | null)[];
};

/**
 * One aligned unit and what it means, decided once in core (`meaning.ts`): every report, the
 * batch table, `--exit-code` and the review screen read these fields and work none of them out again.
 */
export type Row = RowDraft & {
	/** The row's content key, stable across runs: decisions are saved under it (see `rowKeys`). */
	readonly key: string;
	/**
	 * The differences no check explains: what the reviewer must look at. A page that only follows a
	 * repaginated edition's offset is no erratum: its check names the offset once (#7).
	 */
	readonly open: readonly Difference[];
	/** The most serious severity among `open`; absent when nothing is open (the row does not differ). */
	readonly worst?: Severity;
};

/** Where one printing stops early: the rows of the entries it lacks, one run. */
export type Truncation = {
	/** The printing that stops (`A` or `B`). */
	readonly printing: string;
	/** How many items it lacks. */
	readonly items: number;
	/** First and last line (1-based, inclusive) of the lacking items, in the other printing's file. */
	readonly lines: readonly [number, number];
	/** First and last row (positions in `Comparison.rows`, inclusive) of the run. */
	readonly rows: readonly [number, number];
};

/** A row's readings in A and B. */
export type RowReadings =
	| {
			readonly status: 'same' | 'changed' | 'moved';
			readonly a: TocItem;
			readonly b: TocItem;
			readonly similarity: number;
			readonly differences: readonly Difference[];
	  }
	| {
			readonly status: 'only-a';
			readonly a: TocItem;
			readonly b: null;
			readonly similarity: 0;
			readonly differences: readonly Difference[];
	  }
	| {
			readonly status: 'only-b';
			readonly a: null;
			readonly b: TocItem;
			readonly similarity: 0;
			readonly differences: readonly Difference[];
	  }
	| {
			/** An item of a further printing (C, D, …) that neither A nor B has: its readings are in `others` (#16). */
			readonly status: 'only-other';
			readonly a: null;
			readonly b: null;
			readonly similarity: 0;
			readonly differences: readonly Difference[];
	  };

/** Counts of rows by status, and of differences by kind and severity. */
export type Summary = {
	readonly rows: number;
	/** Rows by status; `only-other` only when some row is an item of a further printing alone. */
	readonly status: Readonly<Record<Exclude<RowStatus, 'only-other'>, number> & {readonly 'only-other'?: number}>;
	readonly kinds: Readonly<Partial<Record<DifferenceKind, number>>>;
	readonly severity: Readonly<Record<Severity, number>>;
	/**
	 * Rows the reviewer must look at: those with a difference that no check explains (`Row.open`).
	 * `--exit-code`, the batch table, the reports' headlines and the screen's header count these.
	 */
	readonly differing: number;
	/** The differences no check explains (`Row.open`), by severity and by kind; `severity` and `kinds` count every difference. */
	readonly open: {readonly severity: Readonly<Record<Severity, number>>; readonly kinds: Readonly<Partial<Record<DifferenceKind, number>>>};
	/** Differences a check explains (`Difference.explainedBy`); absent when there are none. */
	readonly explained?: number;
};

/** One character confusion: what A printed, what B printed instead (`''` for nothing), how often, and where. */
export type Confusion = {
	readonly a: string;
	readonly b: string;
	readonly count: number;
	/** First lines in A of the rows where it occurs, in order, each once. */
	readonly lines: readonly number[];
};

/** What a check inside a printing, or between the two, found. */
export type CheckKind = 'page-order' | 'numbering' | 'page-offset' | 'renumbering' | 'only-other' | 'title-page';

/**
 * A finding about one printing as a whole rather than about a pair of entries: a page out of
 * order, a numbering gap, repeat or misreading, or a constant page offset between the printings.
 * (`only-other`, an item of a further printing that neither A nor B has, is no longer made: such an
 * item is a row of its own, status `only-other`; the kind stays for reports written before.)
 */
export type Check = {
	/** The printing the finding is in (`A`, `B`, …); for `page-offset`, the printing whose pages are offset. */
	readonly printing: string;
	/** First and last line (1-based, inclusive) concerned, in that printing's file. */
	readonly lines: readonly [number, number];
	readonly kind: CheckKind;
	/** One sentence for people. */
	readonly message: string;
	/** For `page-offset`: how many pages the printing runs ahead of the other (negative: behind). */
	readonly offset?: number;
};

/** The result of comparing two printings. */
export type Comparison = {
	/** Every printing found, in order; the rows compare the first two, and give the others' readings. */
	readonly printings: readonly Printing[];
	/** How the printings were found in one file; absent when each came from its own file. */
	readonly split?: SplitReport;
	readonly rows: readonly Row[];
	/** Findings about the printings as wholes, in printing and line order. */
	readonly checks: readonly Check[];
	/** The language of the contents, when its words tell (`en`, `fr`, `de`, `nl`, `ru`). */
	readonly language?: Language;
	/** Which characters of A became which in B, most frequent first (see `confusions.ts`). */
	readonly confusions: readonly Confusion[];
	/** Where a printing stops early, one run each (at most one today: the tail of A or of B). */
	readonly truncations: readonly Truncation[];
	readonly summary: Summary;
};

/** Throw in the default branch of an exhaustive switch. */
export function assertNever(value: never): never {
	throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
