/**
 * Escaping for the text formats the reports write. Each function is total: any string in,
 * a string out that the format reads back as the same characters.
 */

/** Escape text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replaceAll(/[&<>"']/g, (ch) => htmlEntities[ch as keyof typeof htmlEntities]);
}

const htmlEntities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'} as const;

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * unpaired surrogates). They are replaced with U+FFFD, as a decoder would.
 */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replace what XML 1.0 cannot hold with U+FFFD. */
export function toXmlChars(text: string): string {
	return text.replaceAll(notXml, '\uFFFD');
}

/** Escape text for XML character content. */
export function escapeXmlText(text: string): string {
	// `>` is escaped too, so that `]]>` cannot occur; CR is kept as a reference, not normalised away.
	return toXmlChars(text).replaceAll(/[&<>\r]/g, (ch) => xmlTextEntities[ch as keyof typeof xmlTextEntities]);
}

const xmlTextEntities = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;'} as const;

/** Escape text for a double-quoted XML attribute value (whitespace kept as references). */
export function escapeXmlAttribute(text: string): string {
	return toXmlChars(text).replaceAll(/[&<>"\t\n\r]/g, (ch) => xmlAttributeEntities[ch as keyof typeof xmlAttributeEntities]);
}

const xmlAttributeEntities = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	'\t': '&#9;',
	'\n': '&#10;',
	'\r': '&#13;',
} as const;

/**
 * Escape inline Markdown (CommonMark) so that a reading shows as typed: markup characters get a
 * backslash, and `|` too, so the text is safe inside a table cell.
 *
 * @example
 * escapeMarkdown('<i>Note</i> *1*') // '\\<i\\>Note\\</i\\> \\*1\\*'
 */
export function escapeMarkdown(text: string): string {
	return text.replaceAll(/[\\`*_[\]<>|~&]/g, '\\$&');
}
