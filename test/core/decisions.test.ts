import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {chosenPrinting, decidedReading, itemAt, matchDecisions, rekeyDecisions, rowKeys, type Decision} from '../../src/core/decisions.js';
import {threePrintingsWithANote} from '../report/fixtures.js';
import type {Row} from '../../src/core/types.js';
import {seedText} from '../report/fixtures.js';

const rowsOf = (text: string): readonly Row[] => compare([{name: 'vol31.txt', text}]).rows;
const rows = rowsOf(seedText);
const keys = rowKeys(rows);
const rowWith = (title: string): number => rows.findIndex((row) => row.a?.title.includes(title));

/** A decision on a row, with its readings, as the review screen saves it. */
function decide(row: number, fields: Omit<Decision, 'key'>): Decision {
	return {key: keys[row]!, ...fields, ...(rows[row]!.a ? {a: rows[row]!.a.text} : {}), ...(rows[row]!.b ? {b: rows[row]!.b.text} : {})};
}

const presidium = rowWith('PRESIDIUM');
const bolsheviki = rowWith('Bolsheviki');
const decisions = [decide(presidium, {verdict: 'b', note: 'JULY 4 per the 1966 edition'}), decide(bolsheviki, {verdict: 'not-error'})];

describe('matching decisions to rows', () => {
	it('matches by content key', () => {
		const match = matchDecisions(rows, decisions);
		expect([...match.byRow.keys()].sort((x, y) => x - y)).toEqual([bolsheviki, presidium].sort((x, y) => x - y));
		expect(match.orphans).toEqual([]);
	});

	it('keeps a decision with its entry when only the layout of the input changed', () => {
		// Tabs become spaces and every line is indented: no reading changed.
		const relaid = rowsOf(
			seedText
				.split('\n')
				.map((line) => (line.trim() === '' ? line : `  ${line.replaceAll('\t', '    ')}`))
				.join('\n'),
		);
		expect(rowKeys(relaid)).not.toContain(decisions[0]!.key);
		const match = matchDecisions(relaid, decisions);
		expect(match.orphans).toEqual([]);
		expect(match.byRow.get(relaid.findIndex((row) => row.a?.title.includes('PRESIDIUM')))).toMatchObject({verdict: 'b', note: 'JULY 4 per the 1966 edition'});
		// The decisions take their rows' new keys, so that the next save finds them directly.
		expect(rekeyDecisions(relaid, decisions).map((decision) => decision.key)).toEqual([rowKeys(relaid)[presidium], rowKeys(relaid)[bolsheviki]]);
	});

	it('leaves a decision orphaned when the words of its entry changed, and never drops it', () => {
		const edited = rowsOf(seedText.replace('JULY 4', 'JULY 5'));
		const match = matchDecisions(edited, decisions);
		expect(match.orphans).toEqual([decisions[0]]);
		expect(match.byRow.size).toBe(1);
	});
});

describe('decisions for any printing (#16)', () => {
	const three = compare(threePrintingsWithANote()).rows;
	const only = three.findIndex((row) => row.status === 'only-other');

	it('names the printing a verdict chooses, A first', () => {
		expect(['a', 'b', 'c', 'i', 'edit', 'not-error', undefined].map((verdict) => chosenPrinting(verdict as Decision['verdict']))).toEqual([
			0,
			1,
			2,
			8,
			undefined,
			undefined,
			undefined,
		]);
	});

	it('reads the chosen printing’s item on a row, or none where it has none', () => {
		const row = three[only]!;
		expect([0, 1, 2, 3].map((position) => itemAt(row, position)?.title ?? null)).toEqual([null, null, 'A Note on the Translation', null]);
		expect(decidedReading(row, {key: row.key, verdict: 'c'})).toBe('A Note on the Translation\t15');
		expect(decidedReading(row, {key: row.key, verdict: 'a'})).toBeUndefined();
	});

	it('keys a row only a further printing has by its reading, apart from every other row', () => {
		expect(new Set(rowKeys(three)).size).toBe(three.length);
		const moved = compare(threePrintingsWithANote().map((source) => (source.name === 'c.txt' ? {...source, text: `\n${source.text}`} : source))).rows;
		expect(moved.find((row) => row.status === 'only-other')?.key).toBe(three[only]!.key);
	});
});
