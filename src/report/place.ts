/**
 * Where an item read from an OCR file is on the scan, in words (`p. 3, line tl_27`), and as the
 * JSON report gives it: pages, line and word ids, boxes and the recogniser's confidences.
 */
import type {ItemPlace, TocItem} from '../core/types.js';

/**
 * The page and line ids of an item read from an OCR file, or undefined for plain text.
 *
 * @example
 * placeText(item) // 'p. 3, line tl_27', 'p. 3, lines tl_27–tl_28', 'pp. 3–4, lines line_40–line_0'
 */
export function placeText(item: TocItem | null | undefined): string | undefined {
	const place = item?.place;
	if (place === undefined || place.lines.length === 0) return undefined;
	const first = place.lines[0]!;
	const last = place.lines.at(-1)!;
	const pages = first.page === last.page ? `p. ${first.page}` : `pp. ${first.page}–${last.page}`;
	const id = (line: typeof first): string => line.id ?? `${place.lines.indexOf(line) + 1}`;
	const lines = place.lines.length === 1 ? `line ${id(first)}` : `lines ${id(first)}–${id(last)}`;
	return `${pages}, ${lines}`;
}

const box = (value: {readonly x: number; readonly y: number; readonly width: number; readonly height: number} | undefined) =>
	value === undefined ? {} : {box: {x: value.x, y: value.y, width: value.width, height: value.height}};

/** An item's place as the JSON report writes it (only the documented fields, in a fixed order). */
export function placeJson(place: ItemPlace): Record<string, unknown> {
	return {
		page: place.page,
		lines: place.lines.map((line) => ({
			page: line.page,
			...(line.id === undefined ? {} : {id: line.id}),
			...box(line.box),
			words: line.words.map((word) => ({
				...(word.id === undefined ? {} : {id: word.id}),
				text: word.text,
				...box(word.box),
				...(word.confidence === undefined ? {} : {confidence: word.confidence}),
			})),
		})),
	};
}
