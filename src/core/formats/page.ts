/**
 * PAGE XML (the 2013 and 2019 schemas of PRImA, as Transkribus, eScriptorium, Kraken and OCR-D
 * write it): `Page/TextRegion/TextLine/Word`, the text in `TextEquiv/Unicode` (`conf` its
 * confidence), the outline in `Coords/@points`. The regions come in the page's reading order
 * when it gives one. A line without words is read from its own `TextEquiv`.
 */
import {attribute, childrenNamed, descendants, numberAttribute, type XmlElement} from './xml.js';
import {OcrFormatError, type Box, type OcrDocument, type OcrLine, type OcrWord, type TextSpan} from './types.js';

/** The PAGE version a namespace names: `2013` for `…/pagecontent/2013-07-15`. */
export function pageVersion(namespace: string): string | undefined {
	return /primaresearch\.org\/PAGE\/gts\/pagecontent\/(\d{4})-\d\d-\d\d/u.exec(namespace)?.[1];
}

/** The bounding box of a `points` list (`x1,y1 x2,y2 …`). */
export function pointsBox(points: string): Box | undefined {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const pair of points.trim().split(/\s+/u)) {
		const [x, y] = pair.split(',').map(Number);
		if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
		xs.push(x);
		ys.push(y);
	}

	if (xs.length === 0) return undefined;
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return {x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y};
}

function boxOf(element: XmlElement): Box | undefined {
	const points = childrenNamed(element, 'Coords')[0]?.attributes.get('points')?.value;
	return points === undefined ? undefined : pointsBox(points);
}

/** The first (or `index="1"`, else lowest-index) `TextEquiv` of an element, with its `Unicode`. */
function textEquiv(element: XmlElement): {readonly equiv: XmlElement; readonly unicode: XmlElement} | undefined {
	const equivs = childrenNamed(element, 'TextEquiv');
	const ranked = [...equivs].sort((x, y) => (numberAttribute(x, 'index') ?? 0) - (numberAttribute(y, 'index') ?? 0));
	const equiv = ranked[0];
	const unicode = equiv ? childrenNamed(equiv, 'Unicode')[0] : undefined;
	return equiv && unicode ? {equiv, unicode} : undefined;
}

/** The regions of a page in its reading order (`ReadingOrder/OrderedGroup/RegionRefIndexed`), else in document order. */
function regionsInOrder(page: XmlElement): XmlElement[] {
	const regions = descendants(page, (e) => e.name === 'TextRegion');
	const order = descendants(page, (e) => e.name === 'ReadingOrder')[0];
	if (order === undefined) return regions;
	const refs = descendants(order, (e) => e.name === 'RegionRefIndexed' || e.name === 'OrderedGroupIndexed');
	const rank = new Map<string, number>();
	for (const ref of refs) {
		const id = attribute(ref, 'regionRef');
		if (id !== undefined) rank.set(id, numberAttribute(ref, 'index') ?? rank.size);
	}

	return regions
		.map((region, k) => ({region, k, rank: rank.get(attribute(region, 'id') ?? '') ?? Number.POSITIVE_INFINITY}))
		.sort((x, y) => x.rank - y.rank || x.k - y.k)
		.map(({region}) => region);
}

/** The words of a line that has no `Word` elements, each with its span inside the line's text. */
function wordsOfText(unicode: XmlElement, source: string): OcrWord[] {
	const raw = source.slice(unicode.inner[0], unicode.inner[1]);
	const words: OcrWord[] = [];
	for (const match of raw.matchAll(/\S+/gu)) {
		const start = unicode.inner[0] + match.index;
		const content: TextSpan = [start, start + match[0].length];
		words.push({text: decodeEntities(match[0]), content});
	}

	return words;
}

/** Resolve XML's predefined and numeric entities. */
export function decodeEntities(text: string): string {
	const named: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};
	return text.replaceAll(/&(#x[\da-f]+|#\d+|\w+);/giu, (whole, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return named[name] ?? whole;
	});
}

/** Read a PAGE XML document from its parsed root. */
export function readPage(root: XmlElement, source: string, name: string): OcrDocument {
	const version = pageVersion(root.namespace) ?? '';
	const page = childrenNamed(root, 'Page')[0];
	if (page === undefined) throw new OcrFormatError(`${name}: a PAGE XML file without <Page>; give the OCR engine's full PAGE output`);
	const image = attribute(page, 'imageFilename');
	const width = numberAttribute(page, 'imageWidth');
	const height = numberAttribute(page, 'imageHeight');
	const lines: OcrLine[] = [];
	for (const [block, region] of regionsInOrder(page).entries()) {
		for (const line of childrenNamed(region, 'TextLine')) {
			const own = textEquiv(line);
			const wordElements = childrenNamed(line, 'Word');
			const words: OcrWord[] =
				wordElements.length > 0
					? wordElements.flatMap((word): OcrWord[] => {
							const equiv = textEquiv(word);
							if (equiv === undefined || equiv.unicode.text.trim() === '') return [];
							const id = attribute(word, 'id');
							const box = boxOf(word);
							const confidence = numberAttribute(equiv.equiv, 'conf');
							return [
								{
									...(id === undefined ? {} : {id}),
									text: equiv.unicode.text.trim(),
									...(box ? {box} : {}),
									...(confidence === undefined ? {} : {confidence}),
									element: word.span,
									content: equiv.unicode.inner,
								},
							];
						})
					: own === undefined
						? []
						: wordsOfText(own.unicode, source);
			const id = attribute(line, 'id');
			const box = boxOf(line);
			lines.push({
				page: 1,
				...(id === undefined ? {} : {id}),
				...(box ? {box} : {}),
				words,
				block,
				element: line.span,
				...(own === undefined ? {} : {lineText: own.unicode.inner}),
			});
		}
	}

	const pageId = attribute(page, 'id');
	return {
		format: 'page',
		version,
		pages: [
			{
				number: 1,
				...(pageId === undefined ? {} : {id: pageId}),
				...(image ? {image} : {}),
				...(width === undefined ? {} : {width}),
				...(height === undefined ? {} : {height}),
			},
		],
		lines,
		source,
	};
}
