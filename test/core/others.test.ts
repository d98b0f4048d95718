import {describe, expect, it} from 'vitest';
import {compare} from '../../src/core/compare.js';
import {rowSuggestion} from '../../src/core/row-suggestion.js';
import type {WordLookup} from '../../src/core/types.js';
import {seedText} from '../report/fixtures.js';
import {noDecisions} from '../../src/report/context.js';
import {toText} from '../../src/report/text.js';

// Three scans of the seed's contents (#7): A and B as in the seed, and C, a third scan of B's
// edition that reads PRESIDIUM and Bolsheviki's as A does but JULY 4 as B does.
const lines = seedText.split('\n');
const a = lines.slice(1, 121).join('\n');
const b = lines.slice(122, 223).join('\n');
const c = b.replace('PRESIDUM', 'PRESIDIUM').replace("Bolsheviks'", "Bolsheviki's");
const english: WordLookup = (word) => ['presidium', 'telephone', 'message'].includes(word);
const three = compare(
	[
		{name: 'a.txt', text: a},
		{name: 'b.txt', text: b},
		{name: 'c.txt', text: c},
	],
	{dictionary: () => english},
);
const rowWith = (title: string) => three.rows.find((row) => row.a?.title.includes(title))!;

describe('more than two printings', () => {
	it('names B’s title-page lines as such when C has them too, and suggests nothing there (#16)', () => {
		const lost = three.rows.filter((row) => row.a === null && row.b?.page === undefined && row.b?.label === undefined && row.status === 'only-b');
		expect(lost.map((row) => row.b!.title)).toEqual(['TRANSLATED FROM THE RUSSIAN', 'EDITED BY JULIUS KATZER']);
		expect(lost.every((row) => row.others?.[0] !== null && row.open.length === 0)).toBe(true);
		expect(lost.flatMap((row) => row.differences).every((d) => d.explainedBy === 'title-page' && d.suggestion === undefined)).toBe(true);
		expect(three.checks.filter((check) => check.kind === 'title-page').map((check) => check.printing)).toEqual(['B']);
	});

	it('aligns every further printing and gives its reading on each row', () => {
		expect(three.printings.map((p) => p.id)).toEqual(['A', 'B', 'C']);
		const row = rowWith('PRESIDIUM');
		expect(row.others?.map((item) => item?.lines[0])).toEqual([54]);
		expect(row.others?.[0]?.title).toContain('PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4');
		// Rows only in A (where B stops early) have no reading in C either.
		expect(three.rows.filter((r) => r.status === 'only-a').every((r) => r.others?.[0] === null)).toBe(true);
		expect(three.rows.filter((r) => r.status === 'same').every((r) => r.others?.[0] !== null)).toBe(true);
	});

	it('suggests the majority reading, with the evidence', () => {
		const row = rowWith('PRESIDIUM');
		expect(row.differences.map((d) => [d.kind, d.suggestion])).toEqual([
			['ocr', {reading: 'a', confidence: 0.99, why: 'C reads “PRESIDIUM” too; “PRESIDIUM” is in the English dictionary and “PRESIDUM” is not'}],
			['number', {reading: 'b', confidence: 0.9, why: 'C reads “JULY 4” too'}],
		]);
		// A is right on one difference and B on the other: no reading of the row is right as a whole.
		expect(rowSuggestion(row)).toBeUndefined();
		// A spelling: C's vote shows what C printed, not a slip; it counts half (0.84 when it counted whole).
		expect(rowWith('Bolsheviki').differences[0]?.suggestion).toMatchObject({reading: 'a', confidence: 0.63});
	});

	it('finds the printings of three scans in one file too', () => {
		const oneFile = compare([{name: 'three.txt', text: [a, b, c].join('\n\n')}]);
		expect(oneFile.printings).toHaveLength(3);
		expect(toText(oneFile, {decisions: noDecisions, sources: []})).toMatch(/^split at lines \d+ and \d+ \(/m);
		expect(oneFile.rows.find((row) => row.a?.title.includes('PRESIDIUM'))?.differences[1]?.suggestion?.reading).toBe('b');
	});

	it('reads an added word as absent from the printing that lacks it', () => {
		const entry = (title: string) => ['Preface\t1', `${title}\t5`, 'Index\t9'].join('\n');
		const result = compare([
			{name: 'a.txt', text: entry('Speech at the Congress')},
			{name: 'b.txt', text: entry('Speech at the Second Congress')},
			{name: 'c.txt', text: entry('Speech at the Congress')},
		]);
		const difference = result.rows.flatMap((row) => row.differences)[0];
		expect(difference).toMatchObject({kind: 'words', suggestion: {reading: 'a', confidence: 0.9, why: 'C reads nothing there too'}});
	});

	it('gives an item that only a further printing has a row of its own, after the entry before it (#16)', () => {
		// C caught an entry that A and B both dropped, after the Preface (C's line 22).
		const withExtra = c.replace('Preface\t13', 'Preface\t13\nA Note on the Translation\t15');
		const result = compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
			{name: 'c.txt', text: withExtra},
		]);
		expect(result.checks.filter((check) => check.kind === 'only-other')).toEqual([]);
		expect(result.rows).toHaveLength(three.rows.length + 1);
		const at = result.rows.findIndex((row) => row.status === 'only-other');
		expect(result.rows[at - 1]?.a?.title).toBe('Preface');
		const row = result.rows[at]!;
		expect(row).toMatchObject({status: 'only-other', a: null, b: null, similarity: 0});
		expect(row.others?.[0]).toMatchObject({lines: [22, 22], title: 'A Note on the Translation', page: '15'});
		// A and B both lack it: two against one, as a missing entry that C lacks too.
		expect(row.differences).toEqual([
			{
				kind: 'extra',
				severity: 'substantive',
				field: 'item',
				a: '',
				b: '',
				suggestion: {reading: 'a', confidence: 0.9, why: 'A and B have no such entry; against it: C has it'},
			},
		]);
		expect(result.summary.status['only-other']).toBe(1);
		expect(result.summary.differing).toBe(three.summary.differing + 1);
		// Its key is its own, and stays when the comparison is made again.
		expect(new Set(result.rows.map((each) => each.key)).size).toBe(result.rows.length);
		expect(
			compare([
				{name: 'a.txt', text: a},
				{name: 'b.txt', text: b},
				{name: 'c.txt', text: withExtra},
			]).rows[at]?.key,
		).toBe(row.key);
		// Two printings count no such rows: their summary is as it was.
		expect(three.summary.status).not.toHaveProperty('only-other');
		expect(three.checks.filter((check) => check.kind === 'only-other')).toEqual([]);
	});

	it('gives the later printings their reading on a row only C has, and lets them vote (#16)', () => {
		const entries = (...titles: string[]) => ['Preface\t1', ...titles.map((title, k) => `${title}\t${k + 5}`)].join('\n');
		const result = compare([
			{name: 'a.txt', text: entries('Origins', 'The End')},
			{name: 'b.txt', text: entries('Origins', 'The End')},
			{name: 'c.txt', text: entries('Origins', 'The Doctor Leaves', 'The End')},
			{name: 'd.txt', text: entries('Origins', 'The Doctor Leaves', 'The End')},
		]);
		const rows = result.rows.filter((row) => row.status === 'only-other');
		expect(rows).toHaveLength(1);
		expect(rows[0]!.others?.map((item) => item?.title)).toEqual(['The Doctor Leaves', 'The Doctor Leaves']);
		// Two printings have it, two lack it: nothing tells.
		expect(rows[0]!.differences[0]?.suggestion).toEqual({reading: null, confidence: 0.5, why: 'A and B have no such entry; C and D have it'});
	});

	it('puts an item only C has, in the stretch where B stopped early, among the lost entries without ending their run (#16)', () => {
		// C is a scan of A's edition that caught an entry after “Concluding Remarks”, where B has stopped.
		const extra = a.replace('Concluding Remarks\t435', 'Concluding Remarks\t435\nA Closing Word\t436');
		const result = compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
			{name: 'c.txt', text: extra},
		]);
		const at = result.rows.findIndex((row) => row.status === 'only-other');
		expect(result.rows[at]?.others?.[0]?.title).toBe('A Closing Word');
		expect(result.truncations).toHaveLength(1);
		expect(result.truncations[0]).toMatchObject({printing: 'B', items: 19});
		expect(at).toBeGreaterThan(result.truncations[0]!.rows[0]);
		expect(at).toBeLessThan(result.truncations[0]!.rows[1]);
	});

	it('reads all the items of a further printing that a row joins, and lets them vote', () => {
		// B prints PART I. and its title on one line; A and C on two, which the row reads as one.
		const twoLines = 'CONTENTS\n\nPART I.\n\nTIMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.\n\nI. FESTIVAL CUSTOMS\t19\nII. LOCAL CUSTOMS\t59';
		const oneLine = 'CONTENTS\n\nPART I. TIMES AND SEASONS, FESTIVALS AND MERRYMAKlNGS.\n\nI. FESTIVAL CUSTOMS\t19\nII. LOCAL CUSTOMS\t59';
		const result = compare([
			{name: 'a.txt', text: twoLines},
			{name: 'b.txt', text: oneLine},
			{name: 'c.txt', text: twoLines},
		]);
		const row = result.rows.find((r) => r.status === 'changed')!;
		expect(row.a?.lines).toEqual([3, 5]);
		expect(row.others?.[0]).toMatchObject({lines: [3, 5], label: 'PART I.', title: 'TIMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.'});
		expect(row.differences[0]?.suggestion).toMatchObject({reading: 'a', why: 'C reads “MERRYMAKINGS” too'});
		expect(result.checks).toEqual([]);
	});

	it('reads the items a further printing splits an entry into as one', () => {
		// A and B print PART I. and its title on one line; C on two.
		const twoLines = 'CONTENTS\n\nPART I.\n\nTIMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.\n\nI. FESTIVAL CUSTOMS\t19\nII. LOCAL CUSTOMS\t59';
		const oneLine = (title: string) => `CONTENTS\n\nPART I. ${title}\n\nI. FESTIVAL CUSTOMS\t19\nII. LOCAL CUSTOMS\t59`;
		const result = compare([
			{name: 'a.txt', text: oneLine('TIMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.')},
			{name: 'b.txt', text: oneLine('TIMES AND SEASONS, FESTIVALS AND MERRYMAKlNGS.')},
			{name: 'c.txt', text: twoLines},
		]);
		const row = result.rows.find((r) => r.status === 'changed')!;
		expect(row.others?.[0]).toMatchObject({lines: [3, 5], label: 'PART I.', title: 'TIMES AND SEASONS, FESTIVALS AND MERRYMAKINGS.'});
		expect(row.differences[0]?.suggestion).toMatchObject({reading: 'a', why: 'C reads “MERRYMAKINGS” too'});
		expect(result.checks).toEqual([]);
	});

	it('votes on an entry that one of A and B lacks', () => {
		const entries = (...titles: string[]) => ['Preface\t1', ...titles.map((title, k) => `${title}\t${k + 5}`)].join('\n');
		const result = compare([
			{name: 'a.txt', text: entries('Origins', 'The Doctor Leaves', 'The End')},
			{name: 'b.txt', text: entries('Origins', 'The End')},
			{name: 'c.txt', text: entries('Origins', 'The Doctor Leaves', 'The End')},
		]);
		const row = result.rows.find((r) => r.status === 'only-a')!;
		expect(row.others?.[0]?.title).toBe('The Doctor Leaves');
		expect(row.differences[0]).toMatchObject({
			kind: 'missing',
			suggestion: {reading: 'a', confidence: 0.96, why: 'page 6 fits between 5 and 7 in A; C has the entry too'},
		});
		// B stops early and C, a scan of B's edition, stops there too: a printing cut short says nothing by lacking them.
		const lost = three.rows.filter((r) => r.status === 'only-a');
		expect(lost.length).toBeGreaterThan(0);
		for (const r of lost) expect(r.differences[0]?.suggestion).toMatchObject({reading: 'a', why: expect.stringMatching(/^B stops before this entry/)});
		// Where C goes on past the entry, lacking it is a vote.
		const lacking = compare([
			{name: 'a.txt', text: entries('Origins', 'The Doctor Leaves', 'The End')},
			{name: 'b.txt', text: entries('Origins', 'The End')},
			{name: 'c.txt', text: entries('Origins', 'The End')},
		]);
		expect(lacking.rows.find((r) => r.status === 'only-a')?.differences[0]?.suggestion).toEqual({
			reading: 'b',
			confidence: 0.75,
			why: 'C has no such entry either; against it: page 6 fits between 5 and 7 in A',
		});
		// Two printings: B stops early, and the entries past its end are A's to keep.
		const two = compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
		]).rows.filter((r) => r.status === 'only-a');
		expect(two.length).toBeGreaterThan(0);
		for (const r of two) expect(r.differences[0]?.suggestion).toMatchObject({reading: 'a', why: expect.stringMatching(/^B stops before this entry/)});
	});

	it('gives rows no other readings with two printings', () => {
		expect(
			compare([
				{name: 'a.txt', text: a},
				{name: 'b.txt', text: b},
			]).rows.every((row) => row.others === undefined),
		).toBe(true);
	});
});
