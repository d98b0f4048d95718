import {describe, expect, it} from 'vitest';
import {detectLanguage} from '../../src/core/language.js';
import {parseItems} from '../../src/core/parse.js';
import type {Printing} from '../../src/core/types.js';

const printing = (lines: readonly string[]): Printing => ({
	id: 'A',
	source: 'a.txt',
	lines: [1, lines.length],
	items: parseItems(lines, 1, lines.length),
	printed: lines,
});

describe('detectLanguage', () => {
	it.each([
		['English', ['I. The Origin of Music\t1', 'II. Music of the Hebrews and the Hindus\t16', 'III. On Folk-Song\t32'], 'en'],
		[
			'French',
			['I. Deux Parents et Deux Enfants\t7', 'II. Le Docteur part pour la ville\t8', 'III. La Chanson du petit Pierre\t9', 'IV. Dans la Neige\t10'],
			'fr',
		],
		['German', ['I. Die Geschichte der Musik\t1', 'II. Von der Oper und dem Lied\t9', 'III. Über die Sonate\t20'], 'de'],
		['Dutch', ['I. Het lied van een visscher\t1', 'II. Op de heide\t9', 'III. Voor mijn moeder\t20'], 'nl'],
		['Russian (Cyrillic)', ['I. Догматизм и «свобода критики»\t5', 'II. Стихийность масс и сознательность\t23', 'III. Тред-юнионистская политика\t41'], 'ru'],
		['too few words to tell', ['Preface\t1', 'Index\t2'], undefined],
	] as const)('%s', (_name, lines, expected) => {
		expect(detectLanguage([printing(lines)])).toBe(expected);
	});
});
