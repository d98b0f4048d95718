/**
 * Test helper: check that a case's truth agrees with the files it describes (every item's own
 * lines hold its text, no blank line or furniture inside an item, every item paired or single
 * once, every recorded difference visible in its items, the boundary where B starts).
 */
import {expect} from 'vitest';
import {itemLines, textLines} from '../../src/eval/draft.js';
import type {NoisyPair} from '../../src/eval/noise.js';

/** The lines of the file that holds a side, 1-based. */
export function lineReader(pair: NoisyPair, side: 'a' | 'b'): (line: number) => string | undefined {
	const source = pair.mode === 'one-file' ? pair.sources[0]! : pair.sources[side === 'a' ? 0 : 1]!;
	const lines = textLines(source.text);
	return (line) => lines[line - 1];
}

const squeeze = (text: string): string => text.replaceAll(/\s+/gu, ' ').trim();

/** Expect the truth of a pair to be exact about its files. */
export function expectExactTruth(pair: NoisyPair): void {
	for (const side of ['a', 'b'] as const) {
		const read = lineReader(pair, side);
		const furniture = new Set(pair.furniture?.[side] ?? []);
		const owned = new Set<number>();
		for (const [k, item] of pair[side].items.entries()) {
			expect(item.index).toBe(k);
			const lines = itemLines(item);
			expect(lines[0]).toBe(item.lines[0]);
			expect(lines.at(-1)).toBe(item.lines[1]);
			expect(lines.map((line) => read(line)).join('\n')).toBe(item.text);
			for (const line of lines) {
				expect(read(line)?.trim()).not.toBe('');
				expect(furniture.has(line)).toBe(false);
				expect(owned.has(line)).toBe(false);
				owned.add(line);
			}

			// Lines inside the range that are not the item's are blank or furniture.
			for (let line = item.lines[0]; line <= item.lines[1]; line++) {
				if (!lines.includes(line)) expect(read(line)?.trim() === '' || furniture.has(line)).toBe(true);
			}

			if (k > 0) expect(item.lines[0]).toBeGreaterThan(pair[side].items[k - 1]!.lines[1]);
		}

		for (const line of furniture) expect(read(line)?.trim()).not.toBe('');
		const paired = pair.pairs.map((p) => p[side]);
		const single = pair.singles.filter((s) => s.side === side).map((s) => s.item);
		expect(new Set(paired).size).toBe(paired.length);
		expect([...paired, ...single].sort((x, y) => x - y)).toEqual(pair[side].items.map((item) => item.index));
	}

	for (const p of pair.pairs) {
		const a = squeeze(pair.a.items[p.a]!.text);
		const b = squeeze(pair.b.items[p.b]!.text);
		for (const difference of p.differences) {
			if (difference.kind === 'moved') continue;
			if (difference.a !== '') expect(a).toContain(squeeze(difference.a));
			if (difference.b !== '') expect(b).toContain(squeeze(difference.b));
		}
	}

	if (pair.boundary !== undefined) {
		expect(pair.b.lines[0]).toBe(pair.boundary);
		expect(pair.a.lines[1]).toBeLessThan(pair.boundary);
	}
}
