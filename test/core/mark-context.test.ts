import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {judgeMark, markTable} from '../../src/core/mark-context.js';
import {parseItems} from '../../src/core/parse.js';

const items = (lines: readonly string[]) => parseItems(lines, 1, lines.length);
const dated = (mark: string) => Array.from({length: 10}, (_, k) => `SPEECH AT A MEETING, MAY ${k + 1}${mark} 1920\t${10 + k}`);
const options = {threshold: 0.85, minimum: 8};

describe('judgeMark: the mark inside a title, by the other titles’ usage (#16, #18)', () => {
	it('takes the comma that the other titles put between a day and a year', () => {
		const table = markTable(items([...dated(','), 'TELEGRAM, AUGUST 2, 1920\t30', 'TELEGRAM, AUGUST 2. 1920\t30']));
		const verdict = judgeMark({a: '2,', b: '2.'}, {a: 'TELEGRAM, AUGUST 2, 1920', b: 'TELEGRAM, AUGUST 2. 1920'}, table, options);
		expect(verdict).toEqual({reading: 'a', following: 10, comparable: 10, why: 'a day before a year takes a comma 10 times in 10 elsewhere in the printings'});
	});

	it('says nothing where the titles are divided, too few, or the mark ends the title', () => {
		const mixed = markTable(items([...dated(','), ...dated('.')]));
		expect(judgeMark({a: '2,', b: '2.'}, {a: 'AUGUST 2, 1920', b: 'AUGUST 2. 1920'}, mixed, options)).toBeUndefined();
		const few = markTable(items(dated(',').slice(0, 5)));
		expect(judgeMark({a: '2,', b: '2.'}, {a: 'AUGUST 2, 1920', b: 'AUGUST 2. 1920'}, few, options)).toBeUndefined();
		const table = markTable(items(dated(',')));
		expect(judgeMark({a: '1920,', b: '1920.'}, {a: 'AUGUST 2, 1920,', b: 'AUGUST 2, 1920.'}, table, options)).toBeUndefined();
	});

	it('weighs a mark against none only beside a number: between words most titles print none', () => {
		const words = Array.from({length: 12}, (_, k) => `Letters to Gorky Number${'abcdefghijkl'[k]}\t${k + 1}`);
		const table = markTable(items([...words, ...dated(',')]));
		expect(judgeMark({a: 'Smith,', b: 'Smith'}, {a: 'On Smith, John', b: 'On Smith John'}, table, options)).toBeUndefined();
		expect(judgeMark({a: '2,', b: '2'}, {a: 'AUGUST 2, 1920', b: 'AUGUST 2 1920'}, table, options)).toMatchObject({reading: 'a'});
	});
});

describe('suggestions on a mark inside a title (#16, #18)', () => {
	it('names the reading with the comma the other titles print between a day and a year, and says why', () => {
		const text = (mark: string) => [...dated(','), `TELEGRAM TO J. V. STALIN, AUGUST 2${mark} 1920\t40`].join('\n');
		const result = compare([
			{name: 'a.txt', text: text(',')},
			{name: 'b.txt', text: text('.')},
		]);
		const [difference] = result.rows.flatMap((row) => row.differences);
		expect(difference).toMatchObject({
			kind: 'punctuation',
			suggestion: {reading: 'a', why: 'a day before a year takes a comma 20 times in 20 elsewhere in the printings'},
		});
		expect(difference!.suggestion!.confidence).toBeGreaterThanOrEqual(0.9);
	});
});
