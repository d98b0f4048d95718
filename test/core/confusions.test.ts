import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {changedMiddle, confusionTable} from '../../src/core/confusions.js';

const around = (line: string): string => ['Preface\t1', 'The Origin of the World\t5', line, 'The Music of the Hebrews\t40', 'Index\t50'].join('\n');
const table = (a: string, b: string) =>
	confusionTable(
		compare([
			{name: 'a.txt', text: around(a)},
			{name: 'b.txt', text: around(b)},
		]).rows,
	).map(({a: x, b: y, count, lines}) => [x, y, count, lines]);

describe('confusionTable', () => {
	it.each([
		['a letter misread', 'The Modern World\t20', 'The Modem World\t20', [['rn', 'm', 1, [3]]]],
		['a dropped letter', 'The Presidium of the Party\t20', 'The Presidum of the Party\t20', [['i', '', 1, [3]]]],
		['a digit in a number, digit by digit', 'Speech of July 1, 1920\t20', 'Speech of July 4, 1920\t20', [['1', '4', 1, [3]]]],
		['a page, digit by digit', 'The Music of the Greeks\t21', 'The Music of the Greeks\t27', [['1', '7', 1, [3]]]],
		['a page that is another number, not a misreading', 'The Music of the Greeks\t9', 'The Music of the Greeks\t29', []],
		['words replaced outright are not confusions', 'Speech at the Congress\t20', 'Letter to the Congress\t20', []],
		['punctuation is not counted', 'The Music of the Greeks.\t20', 'The Music of the Greeks\t20', []],
	])('%s', (_name, a, b, expected) => {
		expect(table(a, b)).toEqual(expected);
	});

	it('counts a confusion each time, lists its lines once each, most frequent first', () => {
		const a = ['The Modern World\t1', 'Modern Times and modern art\t2', 'The Presidium\t3'].join('\n');
		const b = ['The Modem World\t1', 'Modem Times and modem art\t2', 'The Presidum\t3'].join('\n');
		const rows = compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
		]).rows;
		expect(confusionTable(rows).map(({a: x, b: y, count, lines}) => [x, y, count, lines])).toEqual([
			['rn', 'm', 3, [1, 2]],
			['i', '', 1, [3]],
		]);
	});

	it('leaves out the pages a page offset explains', () => {
		const a = ['Preface\t13', 'One\t17', 'Two\t21', 'Three\t23'];
		const b = a.map((line) => line.replace(/\d+$/, (page) => String(Number(page) + 4)));
		expect(
			confusionTable(
				compare([
					{name: 'a.txt', text: a.join('\n')},
					{name: 'b.txt', text: b.join('\n')},
				]).rows,
			),
		).toEqual([]);
	});
});

describe('changedMiddle', () => {
	it.each([
		['PRESIDIUM', 'PRESIDUM', ['I', '']],
		['Modern', 'Modem', ['rn', 'm']],
		["Bolsheviki's", "Bolsheviks'", ["i's", "s'"]],
		['П.', 'II.', ['П', 'II']],
		['same', 'same', ['', '']],
		['𝐋𝐚𝐛𝐨𝐮𝐫', '𝐋𝐚𝐛𝐨𝐫', ['𝐮', '']],
	])('%s / %s', (a, b, expected) => {
		expect(changedMiddle(a, b)).toEqual(expected);
	});
});
