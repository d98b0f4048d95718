import {describe, expect, it} from 'vitest';
import {breakLines, furnitureWords, headStyles} from '../../src/eval/running-heads.js';
import {createRng} from '../../src/eval/rng.js';

describe('breakLines', () => {
	const guernsey = furnitureWords('en', 'GUERNSEY FOLK LORE');

	it.each([
		['roman', 8, /^viii CONTENTS$/u],
		['roman', 9, /^CONTENTS ix$/u],
		['arabic', 12, /^12 CONTENTS$/u],
		['arabic', 13, /^CONTENTS 13$/u],
		['short-title', 12, /^12 GUERNSEY FOLK LORE$/u],
		['short-title', 13, /^GUERNSEY FOLK LORE 13$/u],
		['continued', 10, /^CONTENTS—continued$/u],
		['folio', 10, /^(?:10|x)$/u],
	] as const)('writes the %s head of page %i', (style, page, head) => {
		for (let seed = 1; seed <= 20; seed++) {
			const lines = breakLines(style, page, guernsey, createRng(seed));
			expect(
				lines.some((line) => head.test(line)),
				lines.join(' | '),
			).toBe(true);
			// A column head may follow, and nothing else.
			expect(lines.every((line) => head.test(line) || /^(?:Page|PAGE|Page\.)$/u.test(line) || (style === 'continued' && /^(?:9|ix)$/u.test(line)))).toBe(true);
		}
	});

	it.each([
		['nl', /^INHOUD [ivxlc\d]+$|^[ivxlc\d]+ INHOUD$|^INHOUD—vervolg$|^[ivxlc\d]+$|^\d+ BOEK$|^BOEK \d+$|^Bladz\.$|^Blz\.$/u],
		['ru', /^СОДЕРЖАНИЕ [ivxlc\d]+$|^[ivxlc\d]+ СОДЕРЖАНИЕ$|^СОДЕРЖАНИЕ—продолжение$|^[ivxlc\d]+$|^\d+ BOEK$|^BOEK \d+$|^Стр\.?$/u],
	] as const)("speaks the book's language (%s)", (language, shape) => {
		const words = furnitureWords(language, 'BOEK');
		for (const style of headStyles)
			for (let seed = 1; seed <= 10; seed++) for (const line of breakLines(style, 7 + seed, words, createRng(seed))) expect(line).toMatch(shape);
	});
});
