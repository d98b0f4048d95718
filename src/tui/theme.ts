/**
 * Glyphs and colours of the review screen. Every meaning is carried by a glyph or a marker; colour
 * only reinforces it, so the screen stays readable with `NO_COLOR` and in colourless test frames.
 */
import type {RowStatus, Severity} from '../core/types.js';
import type {Verdict} from '../core/decisions.js';

/** Whether colour is on. With colour off, differing characters are wrapped in `markers`. */
export type Theme = {readonly color: boolean};

/** Colour on, unless `NO_COLOR` is set to a non-empty value (https://no-color.org). */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env, isTTY = true): Theme {
	return {color: isTTY && !(env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')};
}

/** The status glyph of each row status: the text report's. */
export {statusGlyphs} from '../report/findings.js';

/** Status colours (Ink colour names). */
export const statusColors = {
	same: 'gray',
	changed: 'yellow',
	'only-a': 'red',
	'only-b': 'green',
	moved: 'magenta',
	'only-other': 'green',
} as const satisfies Record<RowStatus, string>;

/** One glyph per severity, tallest for the most serious; the density strip uses the same ones. */
export const severityBars = {
	substantive: '█',
	minor: '▄',
	cosmetic: '▁',
} as const satisfies Record<Severity, string>;

/** Severity colours (Ink colour names). */
export const severityColors = {
	substantive: 'red',
	minor: 'yellow',
	cosmetic: 'blue',
} as const satisfies Record<Severity, string>;

/**
 * Short marks for verdicts in the list: the printing chosen, by its letter (the fifth printing's
 * by its number, as `✓E` is a correction's).
 */
export const verdictMarks = {
	a: '✓A',
	b: '✓B',
	c: '✓C',
	d: '✓D',
	e: '✓5',
	f: '✓F',
	g: '✓G',
	h: '✓H',
	i: '✓I',
	edit: '✓E',
	'not-error': '✓X',
} as const satisfies Record<Verdict, string>;

/** Brackets around differing characters when colour is off. */
export const changeMarkers = ['⟨', '⟩'] as const;

/** The glyph that marks the selected row (tests read frames without colour). */
export const selectionGlyph = '›';

/** The glyph that marks a row whose decision is not saved yet (a save failed), as editors mark a changed file. */
export const unsavedGlyph = '*';

/** Props for an Ink `Text` in a colour, or none when colour is off (or no colour is wanted). */
export function paint(theme: Theme, color: string | undefined): {color?: string} {
	return theme.color && color ? {color} : {};
}
