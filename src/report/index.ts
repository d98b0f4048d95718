/**
 * The exporters by format name: pure functions from a comparison (and the decisions) to a file.
 * The text and JSON writers load with this module; the others load when asked for (`load`), so
 * that a JSON run never pays for the CSV writer's streams or the HTML and TEI builders.
 */
import type {Comparison} from '../core/types.js';
import type {ReportContext} from './context.js';
import {jsonPieces, toJson} from './json.js';
import {toText} from './text.js';

export type {ReportContext, ReportSource, Scans} from './context.js';
export {noDecisions} from './context.js';

/** Options every exporter may use. */
export type ExportOptions = {
	/** Colour for the text report on a terminal. @default false */
	readonly color?: boolean;
	/** CSV: a first column `file` holding this name on every record, so that many files' records can share one table (`--batch`). */
	readonly file?: string;
};

/** Writes one format. */
export type Writer = (comparison: Comparison, context: ReportContext, options: ExportOptions) => string;

/** Writes one format in pieces, as it is made: for reports too large to hold as one string (#17). */
export type PieceWriter = (comparison: Comparison, context: ReportContext, options: ExportOptions) => Iterable<string>;

/** A format and how to write it. */
export type Format = {
	readonly name: string;
	/** The file name extension for a default output path. */
	readonly extension: string;
	readonly description: string;
	/** The format's writer, loaded on first use. */
	readonly load: () => Promise<Writer>;
	/** A writer of the same report in pieces, where the format has one. */
	readonly loadPieces?: () => Promise<PieceWriter>;
};

/** Every format, in the order help lists them. */
export const formats = [
	{
		name: 'text',
		extension: 'txt',
		description: 'a readable summary with each difference marked',
		load: async () => (c, x, o) => toText(c, x, o.color === undefined ? {} : {color: o.color}),
	},
	{
		name: 'json',
		extension: 'json',
		description: 'the tocdiff-report/1 JSON contract, for scripts',
		load: async () => (c, x) => toJson(c, x),
		loadPieces: async () => (c, x) => jsonPieces(c, x),
	},
	{
		name: 'markdown',
		extension: 'md',
		description: 'an errata list grouped by severity, for editors',
		load: async () => (await import('./markdown.js')).toMarkdown,
	},
	{name: 'csv', extension: 'csv', description: 'one row per difference (RFC 4180), for spreadsheets', load: async () => (await import('./csv.js')).toCsv},
	{name: 'html', extension: 'html', description: 'a self-contained side-by-side page with a summary', load: async () => (await import('./html.js')).toHtml},
	{name: 'tei', extension: 'tei.xml', description: 'TEI P5 XML: witnesses and an apparatus of readings', load: async () => (await import('./tei.js')).toTei},
	{name: 'toc', extension: 'toc.txt', description: 'the corrected contents page (printing A, or --base b)', load: async () => (await import('./toc.js')).toToc},
	{name: 'alto', extension: 'xml', description: 'a corrected copy of the printing’s own ALTO file', load: async () => (await import('./ocr.js')).toOcr('alto')},
	{
		name: 'page',
		extension: 'xml',
		description: 'a corrected copy of the printing’s own PAGE XML file',
		load: async () => (await import('./ocr.js')).toOcr('page'),
	},
	{
		name: 'hocr',
		extension: 'hocr',
		description: 'a corrected copy of the printing’s own hOCR file',
		load: async () => (await import('./ocr.js')).toOcr('hocr'),
	},
] as const satisfies readonly Format[];

/** The formats that write a corrected copy of a printing's own OCR file: offered only for a printing read from one. */
export const ocrFormatNames: ReadonlySet<string> = new Set(['alto', 'page', 'hocr']);

/** The names of every format. */
export type FormatName = (typeof formats)[number]['name'];

/** Look a format up by name. */
export function formatNamed(name: string): Format | undefined {
	return (formats as readonly Format[]).find((f) => f.name === name);
}
