import {describe, expect, it} from 'vitest';
import {parseLabel} from '../../src/core/labels.js';
import {divisionWords, pagelessDivisions} from '../../src/core/word-lists.js';

describe('numbering that OCR misread (#18)', () => {
	it.each([
		['|. Стихийность масс', '|.', 1],
		['П. Стихийность масс', 'П.', 2],
		['Ш. Тред-юнионистская политика', 'Ш.', 3],
		['ТУ. Кустарничество экономистов', 'ТУ.', 4],
		['У. «План» общерусской газеты', 'У.', 5],
		['Ill. Turati and Co. in Italy', 'Ill.', 3],
		['Vil. Should We Participate', 'Vil.', 7],
		['Vill. No Compromises?', 'Vill.', 8],
		['XIL. Le Printemps', 'XIL.', 12],
		['XXXL. Ninette', 'XXXL.', 31],
		['ГУ. Кустарничество экономистов', 'ГУ.', 4],
		['И. Стихийность масс', 'И.', 2],
		['IT. The Communists', 'IT.', 2],
	])('reads %j as the label %j, numbered %d', (text, label, value) => {
		expect(parseLabel(text)).toMatchObject({label, value: {kind: 'roman', value}});
	});

	it.each(['Il nous faut travailler tous', 'TO THE POOR PEASANTS', 'Vive la France', 'Ли и Пан'])('reads no label in %j', (text) => {
		expect(parseLabel(text)).toBeUndefined();
	});
});

describe('the word lists (#14)', () => {
	it('takes the divisions whose number the parser keeps from the one table of division words', () => {
		const divisions = new Set(divisionWords.split('|'));
		for (const word of pagelessDivisions.split('|')) expect(divisions).toContain(word);
	});
});
