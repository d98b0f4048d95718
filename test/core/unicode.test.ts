import {describe, expect, it} from 'vitest';
import {showInvisibles, stripInvisible} from '../../src/core/chars.js';
import {compare} from '../../src/core/compare.js';

const two = (a: string, b: string) =>
	compare([
		{name: 'a.txt', text: a},
		{name: 'b.txt', text: b},
	]);

describe('Unicode normal forms and invisible characters (#12)', () => {
	const composed = 'Préface\t5\nLe collège et l’école\t9\nÀ Genève\t14';
	const decomposed = composed.normalize('NFD');

	it('finds no difference where only the normal form differs, and says which printing was not in NFC', () => {
		expect(decomposed).not.toBe(composed);
		const result = two(composed, decomposed);
		expect(result.rows.map((row) => row.status)).toEqual(['same', 'same', 'same']);
		expect(result.summary.differing).toBe(0);
		expect(result.printings.map((printing) => printing.normalized)).toEqual([undefined, {form: 'NFC', lines: 3}]);
	});

	it('pairs a decomposed printing in one file with a composed one', () => {
		const result = compare([{name: 'both.txt', text: `CONTENTS\n${composed}\n\nCONTENTS\n${decomposed}`}]);
		expect(result.rows.every((row) => row.status === 'same')).toBe(true);
	});

	it.each([
		['a zero-width space', 'Pre\u200Bface\t5', 'Pre⟨zwsp⟩face'],
		['a zero-width joiner', 'Pre\u200Dface\t5', 'Pre⟨zwj⟩face'],
		['a zero-width non-joiner', 'Pre\u200Cface\t5', 'Pre⟨zwnj⟩face'],
		['a byte-order mark inside the line', 'Preface\uFEFF\t5', 'Preface⟨bom⟩'],
	])('reports %s alone as one cosmetic invisible difference, named', (_name, line, shown) => {
		const result = two(`${line}\nIndex\t9`, 'Preface\t5\nIndex\t9');
		expect(result.rows[0]!.status).toBe('changed');
		expect(result.rows[0]!.differences).toEqual([
			{
				kind: 'invisible',
				severity: 'cosmetic',
				field: 'title',
				a: shown,
				b: 'Preface',
				suggestion: {reading: 'b', confidence: 0.9, why: "A's reading holds a character that prints nothing"},
			},
		]);
		expect(result.rows[0]!.a!.title).toBe('Preface');
	});

	it('reads a page past an invisible character next to it', () => {
		const result = two('Preface\t5\u200B\nIndex\t9', 'Preface\t5\nIndex\t9');
		expect(result.rows[0]!.a!.page).toBe('5');
		expect(result.rows[0]!.differences.map((d) => d.kind)).toEqual(['invisible']);
	});

	it('names every invisible character it strips', () => {
		const text = 'a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff\u2060g\uFEFFh\u00ADi\u202Ej';
		expect(showInvisibles(text)).toBe('a⟨zwsp⟩b⟨zwnj⟩c⟨zwj⟩d⟨lrm⟩e⟨rlm⟩f⟨wj⟩g⟨bom⟩h⟨shy⟩i⟨U+202E⟩j');
		expect(stripInvisible(text)).toBe('abcdefgh\u00ADij');
	});
});
