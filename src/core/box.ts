/** Rectangles on a page image. */
import type {Box} from './types.js';

/**
 * The smallest box around some boxes (a line's around its words), or undefined for none.
 *
 * @example boxAround([{x: 10, y: 5, width: 20, height: 8}, {x: 35, y: 4, width: 10, height: 9}]) // {x: 10, y: 4, width: 35, height: 9}
 */
export function boxAround(boxes: readonly Box[]): Box | undefined {
	if (boxes.length === 0) return undefined;
	const x = Math.min(...boxes.map((b) => b.x));
	const y = Math.min(...boxes.map((b) => b.y));
	return {x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y};
}
