import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {letterEvidence, letterTable} from '../../src/core/letter-evidence.js';
import {parseItems} from '../../src/core/parse.js';
import type {Difference, RowDraft} from '../../src/core/types.js';

const itemsOf = (lines: readonly string[]) => parseItems(lines, 1, lines.length);
const spelling = (a: string, b: string): Difference => ({kind: 'spelling', field: 'title', a, b, severity: 'minor'});
const rowOf = (a: string, b: string): RowDraft => ({status: 'changed', a: itemsOf([a])[0]!, b: itemsOf([b])[0]!, similarity: 0.9, differences: []});
// Forty modern Russian words, some ending in -с, none in -ъ or with і.
const modern = itemsOf(
	Array.from(
		{length: 40},
		(_, k) =>
			`${['Рабочий класс', 'Критика в России', 'Что делать', 'Наш ответ', 'Политические обличения'][k % 5]} ${'абвгдежзиклмнопрстуфх'[k % 21]}слово${k}\t${k + 1}`,
	),
);

describe('letter evidence', () => {
	it('takes the reading whose letters the printings print elsewhere, where the other’s they print nowhere', () => {
		const row = rowOf('Стихийность масс\t5', 'Стихийность массъ\t5');
		expect(letterEvidence(spelling('масс', 'массъ'), row, letterTable([...modern, row.a!, row.b!]))).toEqual([
			{weight: 1.5, why: 'no other word of the printings ends in “ъ”, as “массъ” does'},
		]);
		const inner = rowOf('Заключение\t9', 'Заключеніе\t9');
		expect(letterEvidence(spelling('Заключение', 'Заключеніе'), inner, letterTable([...modern, inner.a!, inner.b!]))).toEqual([
			{weight: 1.5, why: 'no other word of the printings has “і”, as “Заключеніе” has'},
		]);
	});

	it('takes the same slip elsewhere as rare, where twenty times as many words print the other letters', () => {
		const inner = rowOf('Заключение\t9', 'Заключеніе\t9');
		const withSlip = [
			...modern,
			...itemsOf(['Политическіе обличения\t60', ...Array.from({length: 24}, (_, k) => `Статьи ли${'абвгдежзклмнопрстуфхцчшщ'[k]!}ра\t${70 + k}`)]),
		];
		const [evidence] = letterEvidence(spelling('Заключение', 'Заключеніе'), inner, letterTable([...withSlip, inner.a!, inner.b!]));
		expect(evidence?.weight).toBe(1.5);
		expect(evidence?.why).toMatch(/^one other word of the printings has “і”, and \d+ “и”$/);
	});

	it('measures letters the other reading lacks against all the words, where one other word prints them', () => {
		const row = rowOf('Стихийность масс\t5', 'Стихийность массъ\t5');
		const withSlip = [...modern, ...itemsOf(['Кустарничество и экономизмъ\t60'])];
		const table = letterTable([...withSlip, row.a!, row.b!]);
		expect(letterEvidence(spelling('масс', 'массъ'), row, table)).toEqual([
			{weight: 1.5, why: `one other word of the printings ends in “ъ”, of ${table.words.size} words`},
		]);
		// Where many words end in it (an old orthography throughout), nothing.
		const old = itemsOf(Array.from({length: 30}, (_, k) => `Законъ ${'абвгдежзклмнопрстуфхцчшщэюя'[k % 27]!}омъ\t${k + 1}`));
		expect(letterEvidence(spelling('масс', 'массъ'), row, letterTable([...withSlip, ...old, row.a!, row.b!]))).toEqual([]);
	});

	it('says nothing where both spellings’ letters are printed elsewhere, or the printings are short', () => {
		const row = rowOf('Defense of the line\t5', 'Defence of the line\t5');
		const english = itemsOf(Array.from({length: 40}, (_, k) => `Second course number ${k}\t${k + 1}`));
		expect(letterEvidence(spelling('Defense', 'Defence'), row, letterTable([...english, row.a!, row.b!]))).toEqual([]);
		const short = rowOf('Стихийность масс\t5', 'Стихийность массъ\t5');
		expect(letterEvidence(spelling('масс', 'массъ'), short, letterTable([short.a!, short.b!]))).toEqual([]);
	});

	it('reaches the suggestion through compare', () => {
		const page = (word: string) => [...modern.map((item) => `${item.title}\t${item.page!}`), `Стихийность ${word}\t50`].join('\n');
		const found = compare([
			{name: 'a.txt', text: page('масс')},
			{name: 'b.txt', text: page('массъ')},
		]).rows.flatMap((row) => row.differences);
		expect(found).toContainEqual(expect.objectContaining({kind: 'spelling', suggestion: expect.objectContaining({reading: 'a'})}));
	});
});
