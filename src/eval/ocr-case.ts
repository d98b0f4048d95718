/**
 * The real-OCR evaluation family: two printings of one contents page, each rendered to an image
 * (its own font, size and measure, some with dot leaders), degraded like a scan and read by
 * Tesseract. The truth records facts only (which OCR line belongs to which drawn entry, and what
 * each printing's OCR reads in each field of each entry); the scorer derives the expected pairs and
 * differences from them. Cases live in `test/fixtures/eval/ocr/`, one folder each, with a
 * `truth.json` of this shape; `scripts/ocr-cases/` regenerates them.
 */

/** A language Tesseract read the page in. */
export type OcrLanguage = 'en' | 'fr' | 'nl' | 'de' | 'ru';

/** One entry as it was drawn: the clean text both printings were rendered from. */
export type DrawnEntry = {
	readonly label?: string;
	readonly title: string;
	readonly page?: string;
};

/** What one printing's OCR reads for one drawn entry, field by field, as it reads it. */
export type OcrReading = {
	readonly label: string;
	readonly title: string;
	readonly page: string;
};

/** What a line of an OCR text is: part of a drawn entry (its index), front matter, page furniture, or nothing (blank, noise). */
export type LineTruth = number | 'front' | 'furniture' | null;

/** One printing: its OCR text and the truth about each of its lines. */
export type OcrPrinting = {
	/** The OCR text, relative to the case folder. */
	readonly file: string;
	/** How it was drawn and degraded (font, size, measure, leaders, dpi, rotation, blur, …), for people. */
	readonly render: Readonly<Record<string, string | number | boolean>>;
	/** Line `k + 1` of the text is `lines[k]`. */
	readonly lines: readonly LineTruth[];
	/** What this printing reads for entry `k`, or null when no line of it survived the OCR. */
	readonly readings: ReadonlyArray<OcrReading | null>;
	/**
	 * The page images the printing was drawn on, in order: where each image's text starts in the
	 * printing's text (1-based line), and Tesseract's hOCR and ALTO output for it where they are
	 * committed. Optional, as the whole field is new.
	 */
	readonly images?: ReadonlyArray<OcrImage>;
};

/** One page image of a printing and Tesseract's outputs for it. */
export type OcrImage = {
	/** The line of the printing's text where this image's text starts (1-based). */
	readonly firstLine: number;
	/** Tesseract's hOCR for the image, relative to the case folder (committed for some cases only, to keep the fixtures small). */
	readonly hocr?: string;
	/** Tesseract's ALTO XML for the image, relative to the case folder (with `hocr`). */
	readonly alto?: string;
};

/** One case. */
export type OcrCase = {
	readonly name: string;
	readonly language: OcrLanguage;
	/** Held back: never looked at while tuning, reported apart. */
	readonly heldOut: boolean;
	/** The page drawn (a file under `test/fixtures/eval/` or `samples/`), for people. */
	readonly source: string;
	readonly entries: readonly DrawnEntry[];
	readonly printings: readonly [OcrPrinting, OcrPrinting];
	/** Both texts in one file (A, a blank line, B): its name and the first line of B in it. */
	readonly oneFile: {readonly file: string; readonly boundary: number};
};
