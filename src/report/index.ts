/**
 * The exporters by format name: pure functions from a comparison (and the decisions) to a file.
 */
import type {Comparison} from '../core/types.js';
import type {ReportContext} from './context.js';
import {toCsv} from './csv.js';
import {toHtml} from './html.js';
import {toJson} from './json.js';
import {toMarkdown} from './markdown.js';
import {toTei} from './tei.js';
import {toText} from './text.js';
import {toToc} from './toc.js';

export type {ReportContext, ReportSource} from './context.js';
export {noDecisions} from './context.js';

/** Options every exporter may use. */
export type ExportOptions = {
	/** Colour for the text report on a terminal. @default false */
	readonly color?: boolean;
};

/** A format and how to write it. */
export type Format = {
	readonly name: string;
	/** The file name extension for a default output path. */
	readonly extension: string;
	readonly description: string;
	readonly write: (comparison: Comparison, context: ReportContext, options: ExportOptions) => string;
};

/** Every format, in the order help lists them. */
export const formats = [
	{name: 'text', extension: 'txt', description: 'a readable summary with each difference marked', write: (c, x, o) => toText(c, x, o.color === undefined ? {} : {color: o.color})},
	{name: 'json', extension: 'json', description: 'the tocdiff-report/1 JSON contract, for scripts', write: (c, x) => toJson(c, x)},
	{name: 'markdown', extension: 'md', description: 'an errata list grouped by severity, for editors', write: (c, x) => toMarkdown(c, x)},
	{name: 'csv', extension: 'csv', description: 'one row per difference (RFC 4180), for spreadsheets', write: (c, x) => toCsv(c, x)},
	{name: 'html', extension: 'html', description: 'a self-contained side-by-side page with a summary', write: (c, x) => toHtml(c, x)},
	{name: 'tei', extension: 'tei.xml', description: 'TEI P5 XML: witnesses and an apparatus of readings', write: (c, x) => toTei(c, x)},
	{name: 'toc', extension: 'toc.txt', description: 'the corrected contents page (printing A, or --base b)', write: (c, x) => toToc(c, x)},
] as const satisfies readonly Format[];

/** The names of every format. */
export type FormatName = (typeof formats)[number]['name'];

/** Look a format up by name. */
export function formatNamed(name: string): Format | undefined {
	return formats.find((f) => f.name === name);
}
