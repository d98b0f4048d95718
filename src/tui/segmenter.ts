/**
 * A grapheme segmenter with a fast path, which the review screen's bundle puts in place of
 * `Intl.Segmenter` (scripts/bundle.mjs). Ink cuts every line of every frame into graphemes
 * (through @alcalzone/ansi-tokenize and slice-ansi), and the first `Intl.Segmenter` of a process
 * loads ICU's break rules, ~7 ms of the screen's first frame (issue 5).
 *
 * Text made only of always-narrow characters and escape codes (`narrowCharacters`: no combining
 * marks, joiners, Hangul jamo nor regional indicators; ESC is a control, which stands alone)
 * has one grapheme per UTF-16 unit, so it is cut here without ICU. Anything else, and any other
 * granularity, goes to the real `Intl.Segmenter`, made when first needed.
 * test/tui/segmenter.test.ts checks both against `Intl.Segmenter`.
 */
import {narrowCharacters} from './string-width.js';

const simple = new RegExp(`^[${narrowCharacters}\\u001B]*$`);

// Written `globalThis.Intl`: the bundle replaces `Intl.Segmenter` itself with this class.
const RealSegmenter = globalThis.Intl.Segmenter;

/** The segments of text that has one grapheme per UTF-16 unit, as `Intl.Segments` gives them. */
class UnitSegments implements Intl.Segments {
	readonly #input: string;

	constructor(input: string) {
		this.#input = input;
	}

	containing(index = 0): Intl.SegmentData | undefined {
		// As the standard reads an index: a fraction is cut, and NaN is 0.
		const at = Math.trunc(index) || 0;
		return at >= 0 && at < this.#input.length ? this.at(at) : undefined;
	}

	*[Symbol.iterator](): IterableIterator<Intl.SegmentData> {
		for (let index = 0; index < this.#input.length; index++) yield this.at(index);
	}

	private at(index: number): Intl.SegmentData {
		return {segment: this.#input[index]!, index, input: this.#input};
	}
}

/** `Intl.Segmenter`, which cuts simple text into graphemes without ICU. */
export class Segmenter {
	#real: Intl.Segmenter | undefined;
	readonly #locales: string | readonly string[] | undefined;
	readonly #options: Intl.SegmenterOptions | undefined;
	readonly #graphemes: boolean;

	constructor(locales?: string | readonly string[], options?: Intl.SegmenterOptions) {
		this.#locales = locales;
		this.#options = options;
		this.#graphemes = (options?.granularity ?? 'grapheme') === 'grapheme';
	}

	static supportedLocalesOf(locales: string | readonly string[], options?: Intl.SegmenterOptions): string[] {
		return RealSegmenter.supportedLocalesOf(locales, options);
	}

	segment(input: string): Intl.Segments {
		const text = input;
		return this.#graphemes && simple.test(text) ? new UnitSegments(text) : this.real().segment(text);
	}

	resolvedOptions(): Intl.ResolvedSegmenterOptions {
		return this.real().resolvedOptions();
	}

	private real(): Intl.Segmenter {
		this.#real ??= new RealSegmenter(this.#locales, this.#options);
		return this.#real;
	}
}

/** The name under which the review screen's bundle puts this class in place of `Intl.Segmenter`. */
export {Segmenter as TocdiffSegmenter};
