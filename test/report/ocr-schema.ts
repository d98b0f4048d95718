/**
 * Validate XML against the official ALTO and PAGE schemas in test/schemas/ (libxml2's validator,
 * compiled to WebAssembly by xmllint-wasm: no tool to install). The ALTO schemas import XLink from
 * the web; the import is pointed at test/schemas/xlink.xsd in memory.
 */
import {readFileSync} from 'node:fs';
import {validateXML} from 'xmllint-wasm';

const schemas = 'test/schemas';

/** The schema file for a document: by its root namespace. */
export function schemaFor(xml: string): string {
	const alto = /alto\/ns-v(\d)#/u.exec(xml)?.[1];
	if (alto === '2') return 'alto-2-1.xsd';
	if (alto === '3') return 'alto-3-0.xsd';
	if (alto === '4') return 'alto-4-4.xsd';
	const page = /pagecontent\/(\d{4}-\d\d-\d\d)/u.exec(xml)?.[1];
	if (page === '2013-07-15' || page === '2019-07-15') return `pagecontent-${page}.xsd`;
	throw new Error('no schema for this document');
}

/** The schema's errors for `xml` (none when it is valid). */
export async function schemaErrors(xml: string): Promise<string[]> {
	const schema = readFileSync(`${schemas}/${schemaFor(xml)}`, 'utf8').replace('http://www.loc.gov/standards/xlink/xlink.xsd', 'xlink.xsd');
	const result = await validateXML({
		xml: [{fileName: 'document.xml', contents: xml}],
		schema: [schema],
		preload: [{fileName: 'xlink.xsd', contents: readFileSync(`${schemas}/xlink.xsd`, 'utf8')}],
	});
	return result.errors.map((error) => error.rawMessage);
}

/**
 * The schema errors of `out` that `input` does not have too (line numbers aside): a corrected copy
 * must add none. (Tesseract's multi-page ALTO repeats its ids on every page, which xs:ID forbids.)
 */
export async function newSchemaErrors(input: string, out: string): Promise<string[]> {
	const strip = (message: string): string => message.replace(/^document\.xml:\d+: /u, '');
	const before = (await schemaErrors(input)).map(strip);
	const left = [...before];
	return (await schemaErrors(out)).map(strip).filter((message) => {
		const at = left.indexOf(message);
		if (at === -1) return true;
		left.splice(at, 1);
		return false;
	});
}
