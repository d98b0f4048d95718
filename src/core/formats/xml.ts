/**
 * A small element tree over an XML text, read with saxes (a strict, streaming XML parser), that
 * keeps where each element, attribute value and text run is written, so that a writer can change
 * a value in place and leave every other byte alone.
 */
import {SaxesParser} from 'saxes';
import {OcrFormatError, type TextSpan} from './types.js';

/** An attribute's value (entities resolved) and where the value is written, between its quotes. */
export type XmlAttribute = {readonly value: string; readonly span: TextSpan};

/** An element: its local name, attributes by local name, children, text and where it is written. */
export type XmlElement = {
	/** The name without its namespace prefix. */
	readonly name: string;
	/** The namespace URI, or `''`. */
	readonly namespace: string;
	readonly attributes: ReadonlyMap<string, XmlAttribute>;
	readonly children: readonly XmlElement[];
	/** The element from `<` to the end of its closing tag. */
	readonly span: TextSpan;
	/** What lies between its start and end tags (empty at the end of a self-closing tag). */
	readonly inner: TextSpan;
	/** Its own text (entities resolved), not its children's. */
	readonly text: string;
};

type Building = {
	name: string;
	namespace: string;
	attributes: Map<string, XmlAttribute>;
	children: XmlElement[];
	start: number;
	innerStart: number;
	text: string;
};

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Each attribute's value span inside one start tag `tag` that begins at `offset`. */
function attributeSpans(tag: string, offset: number): Map<string, TextSpan> {
	const spans = new Map<string, TextSpan>();
	// Names, `=`, and a quoted value; a value may hold `>` but never its own quote.
	const pattern = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
	for (const match of tag.matchAll(pattern)) {
		const value = match[2] ?? match[3] ?? '';
		const end = match.index + match[0].length - 1;
		spans.set(localName(match[1]!), [offset + end - value.length, offset + end]);
	}

	return spans;
}

/** Where the line and column of an error are, as `12:5`. */
function where(parser: SaxesParser): string {
	return `${parser.line}:${parser.column}`;
}

/**
 * Parse `text` into its root element.
 *
 * @throws OcrFormatError naming the line and column of the first error (malformed XML).
 */
export function parseXml(text: string, name: string): XmlElement {
	const parser = new SaxesParser({xmlns: true, position: true});
	const stack: Building[] = [];
	let root: XmlElement | undefined;
	// saxes reports positions after what it has read: the end of a start tag, of a closing tag.
	parser.on('opentag', (tag) => {
		const end = parser.position;
		const start = text.lastIndexOf('<', end - 1);
		const spans = attributeSpans(text.slice(start, end), start);
		const attributes = new Map<string, XmlAttribute>();
		for (const [key, attribute] of Object.entries(tag.attributes)) {
			const local = localName(key);
			attributes.set(local, {value: attribute.value, span: spans.get(local) ?? [start, start]});
		}

		stack.push({name: localName(tag.name), namespace: tag.uri, attributes, children: [], start, innerStart: end, text: ''});
	});
	parser.on('text', (value) => {
		const top = stack.at(-1);
		if (top) top.text += value;
	});
	parser.on('cdata', (value) => {
		const top = stack.at(-1);
		if (top) top.text += value;
	});
	parser.on('closetag', (tag) => {
		const building = stack.pop()!;
		const end = parser.position;
		const innerEnd = tag.isSelfClosing ? end : text.lastIndexOf('</', end - 1);
		const element: XmlElement = {
			name: building.name,
			namespace: building.namespace,
			attributes: building.attributes,
			children: building.children,
			span: [building.start, end],
			inner: [building.innerStart, Math.max(building.innerStart, innerEnd)],
			text: building.text,
		};
		const parent = stack.at(-1);
		if (parent) parent.children.push(element);
		else root = element;
	});
	try {
		parser.write(text).close();
	} catch (error) {
		const message = error instanceof Error ? error.message.replace(/^(?:[^:]*:)?\d+:\d+: /u, '') : String(error);
		throw new OcrFormatError(
			`${name}:${where(parser)}: not well-formed XML (${message.replace(/\.$/u, '')}); fix the file, or give the OCR engine's output again`,
		);
	}

	if (root === undefined) throw new OcrFormatError(`${name}: holds no XML element; give an ALTO, PAGE XML or hOCR file`);
	return root;
}

/** The children of `element` named `name` (local name). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
	return element.children.filter((child) => child.name === name);
}

/** Every descendant of `element` (depth first, document order) for which `test` holds; its matches are not searched further. */
export function descendants(element: XmlElement, test: (candidate: XmlElement) => boolean): XmlElement[] {
	const found: XmlElement[] = [];
	const visit = (node: XmlElement): void => {
		for (const child of node.children) {
			if (test(child)) found.push(child);
			else visit(child);
		}
	};

	visit(element);
	return found;
}

/** The value of an attribute, or undefined. */
export function attribute(element: XmlElement, name: string): string | undefined {
	return element.attributes.get(name)?.value;
}

/** A number from an attribute, or undefined when absent or not a number. */
export function numberAttribute(element: XmlElement, name: string): number | undefined {
	const value = attribute(element, name);
	if (value === undefined || value.trim() === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}
