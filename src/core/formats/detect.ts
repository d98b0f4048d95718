/**
 * Tell an OCR file's format from its content, whatever its name, cheaply (a look at its start,
 * no XML parser), so that a plain-text run loads no parser at all.
 */
import type {OcrFormat} from './types.js';

/** What the start of a text says it is: an OCR format, XML (or HTML) of another kind, or plain text. */
export type Sniffed =
	{readonly kind: 'ocr'; readonly format: Exclude<OcrFormat, 'pdf'>} | {readonly kind: 'other-markup'; readonly root: string} | {readonly kind: 'text'};

/** The first element's name after the prolog (XML declaration, comments, doctype), if the text starts with markup. */
function rootElement(head: string): string | undefined {
	let rest = head.replace(/^\uFEFF/u, '').trimStart();
	// Declarations, processing instructions, comments and the doctype, in any order.
	for (;;) {
		const skipped = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)\s*/iu.exec(rest);
		if (!skipped) break;
		rest = rest.slice(skipped[0].length);
	}

	return /^<([A-Za-z_][\w:.-]*)/u.exec(rest)?.[1];
}

/**
 * What `text` is: ALTO (root `alto`), PAGE XML (root `PcGts`), hOCR (an HTML document with an
 * `ocr_page`), other markup (a text that opens with an XML declaration or a doctype), or text.
 * A contents page in plain text may open with markup of its own (`<i>Preface</i>  v`): it is text.
 *
 * @example
 * sniffFormat('<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">…') // {kind: 'ocr', format: 'alto'}
 */
export function sniffFormat(text: string): Sniffed {
	const head = text.slice(0, 65_536);
	const root = rootElement(head);
	if (root === undefined) return {kind: 'text'};
	const local = root.slice(root.indexOf(':') + 1);
	if (local === 'alto') return {kind: 'ocr', format: 'alto'};
	if (local === 'PcGts') return {kind: 'ocr', format: 'page'};
	if (local.toLowerCase() === 'html' && /class\s*=\s*["'][^"']*\bocr_(?:page|line|carea|par)\b/u.test(text)) return {kind: 'ocr', format: 'hocr'};
	const declared = /^\uFEFF?\s*<(?:\?xml|!DOCTYPE)/iu.test(head);
	return declared || local.toLowerCase() === 'html' ? {kind: 'other-markup', root: local} : {kind: 'text'};
}
