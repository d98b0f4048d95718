import {describe, expect, it} from 'vitest';
import {caseEvidence, caseTable} from '../../src/core/case-evidence.js';
import {compare} from '../../src/core/compare.js';
import {parseItems} from '../../src/core/parse.js';
import {presenceEvidence, presenceIndex} from '../../src/core/presence.js';
import {recordEvidence, trackRecord} from '../../src/core/track-record.js';
import type {Difference, RowDraft, TocItem} from '../../src/core/types.js';

const ids = {a: 'A', b: 'B'} as const;
const itemsOf = (lines: readonly string[]): TocItem[] => parseItems(lines, 1, lines.length, {frontMatter: false});

/**
 * Rows pairing two item lists by position, a missing item on either side as `null`; as buildRows
 * does, the items one side has past the last pair, two or more, are a truncation.
 */
function rowsOf(a: ReadonlyArray<TocItem | null>, b: ReadonlyArray<TocItem | null>): RowDraft[] {
	const lastPair = a.findLastIndex((item, k) => item !== null && (b[k] ?? null) !== null);
	const truncated = a.length - lastPair - 1 >= 2;
	return a.map((item, k) => {
		const other = b[k] ?? null;
		const status = item === null ? 'only-b' : other === null ? 'only-a' : 'same';
		const kind = truncated && k > lastPair ? 'truncation' : status === 'only-a' ? 'missing' : 'extra';
		const differences = status === 'same' ? [] : [{kind, severity: 'substantive', field: 'item', a: item?.text ?? '', b: other?.text ?? ''}];
		return {status, a: item, b: other, similarity: status === 'same' ? 1 : 0, differences} as unknown as RowDraft;
	});
}

/** Ten numbered chapters, 10 pages apart, each printed on its own line. */
const chapters = (skip: number[] = [], stop = 10): Array<TocItem | null> => {
	const numerals = ['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.', 'IX.', 'X.'];
	const lines = numerals.map((numeral, k) => `${numeral} Chapter about thing ${k}\t${10 * (k + 1)}`);
	const items = itemsOf(lines);
	return items.map((item, k) => (skip.includes(k) || k >= stop ? null : item));
};

describe('presence evidence (an entry one printing lacks)', () => {
	it('speaks for an entry whose numbering the other printing jumps over, and whose page fits', () => {
		const rows = rowsOf(chapters(), chapters([4]));
		const evidence = presenceEvidence(rows, presenceIndex(rows), 4, ids);
		expect(evidence.map((piece) => piece.why)).toEqual([
			'page 50 fits between 40 and 60 in A',
			"B's pages go from 40 to 60 there, with room for it",
			"B's numbering goes from IV. to VI.: V. is missing there",
		]);
		expect(evidence.every((piece) => piece.weight > 0)).toBe(true);
	});

	it('speaks for B when A lacks the entry', () => {
		const rows = rowsOf(chapters([6]), chapters());
		const evidence = presenceEvidence(rows, presenceIndex(rows), 6, ids);
		expect(evidence.length).toBeGreaterThan(0);
		expect(evidence.every((piece) => piece.weight < 0)).toBe(true);
	});

	it('says the other printing stops early, strongly when two entries or more are past its end', () => {
		const rows = rowsOf(chapters(), chapters([], 7));
		const index = presenceIndex(rows);
		expect(presenceEvidence(rows, index, 8, ids)[0]).toEqual({weight: 2.2, why: 'B stops before this entry'});
		const one = rowsOf(chapters(), chapters([], 9));
		expect(presenceEvidence(one, presenceIndex(one), 9, ids)[0]).toEqual({weight: 1.1, why: 'B stops before this entry'});
	});

	it('says nothing of a line with neither page nor numbering inside both printings, nor of a paired row', () => {
		const a = itemsOf(['Preface\t1', 'A LINE OF THE TITLE PAGE', 'Chapter one\t5', 'Chapter two\t9']);
		const b = itemsOf(['Preface\t1', 'Chapter one\t5', 'Chapter two\t9']);
		const rows = rowsOf([a[0]!, a[1]!, a[2]!, a[3]!], [b[0]!, null, b[1]!, b[2]!]);
		expect(presenceEvidence(rows, presenceIndex(rows), 1, ids)).toEqual([]);
		expect(presenceEvidence(rows, presenceIndex(rows), 2, ids)).toEqual([]);
	});

	it('finds no room where the other printing has none', () => {
		const a = itemsOf(['One\t10', 'Two\t20', 'Three\t30']);
		const b = itemsOf(['One\t10', 'Three\t12']);
		const rows = rowsOf([a[0]!, a[1]!, a[2]!], [b[0]!, null, b[1]!]);
		const whys = presenceEvidence(rows, presenceIndex(rows), 1, ids).map((piece) => piece.why);
		expect(whys).toEqual(['page 20 fits between 10 and 30 in A']);
	});
});

describe('track record', () => {
	it('counts the settled suggestions by the printing whose reading lost', () => {
		const settled = [
			{reading: 'a' as const, confidence: 0.9},
			{reading: 'a' as const, confidence: 0.85},
			{reading: 'b' as const, confidence: 0.95},
			{reading: 'a' as const, confidence: 0.6},
			{reading: null, confidence: 0.5},
		];
		expect(trackRecord(settled)).toEqual({a: 1, b: 2});
	});

	it('speaks for the better printing when the record is long and lopsided, and never reaches 0.9 alone', () => {
		const [ten] = recordEvidence({a: 0, b: 10}, ids);
		expect(ten!.weight).toBeCloseTo(Math.log(11) / 2, 12);
		expect(ten!.why).toBe("B's reading lost 10 of the 10 differences settled on other evidence");
		expect(recordEvidence({a: 2, b: 10}, ids)).toEqual([]);
		const [long] = recordEvidence({a: 1, b: 300}, ids);
		expect(long!.weight).toBe(1.5);
		expect(recordEvidence({a: 40, b: 0}, ids)[0]!.weight).toBe(-1.5);
	});

	it('stays silent on a short or even record', () => {
		expect(recordEvidence({a: 0, b: 9}, ids)).toEqual([]);
		expect(recordEvidence({a: 10, b: 14}, ids)).toEqual([]);
	});
});

describe('case evidence', () => {
	const difference = (a: string, b: string): Difference => ({kind: 'case', field: 'title', a, b, severity: 'cosmetic'});
	const rowOf = (a: string, b: string): RowDraft => ({status: 'changed', a: itemsOf([a])[0]!, b: itemsOf([b])[0]!, similarity: 0.9, differences: []});

	it('takes the form printed elsewhere in the same place of a title', () => {
		const others = itemsOf(['The History of Art\t1', 'A History of Music\t2', 'History and Myth\t3', 'Notes on History\t4']);
		const row = rowOf('The history of Rome\t5', 'The History of Rome\t5');
		const evidence = caseEvidence(difference('history', 'History'), row, caseTable([...others, row.a!, row.b!]), ids);
		expect(evidence[0]).toEqual({weight: -2.2, why: '“History” is printed so 3 times elsewhere, “history” nowhere'});
	});

	it('takes capitals in a title otherwise in capitals', () => {
		const row = rowOf('THE FALL OF ROME\t5', 'THE Fall OF ROME\t5');
		expect(caseEvidence(difference('FALL', 'Fall'), row, caseTable([row.a!, row.b!]), ids)).toEqual([
			{weight: 2.2, why: 'the rest of the title is in capitals, as “FALL” is'},
		]);
		// Two capital words around it: less sure.
		const short = rowOf('FALL OF ROME\t5', 'Fall OF ROME\t5');
		expect(caseEvidence(difference('FALL', 'Fall'), short, caseTable([short.a!, short.b!]), ids)).toEqual([
			{weight: 1.5, why: 'the rest of the title is in capitals, as “FALL” is'},
		]);
	});

	it('holds a long word in small letters against a book in title case, and says nothing the other way', () => {
		const others = itemsOf(Array.from({length: 12}, (_, k) => `The Great Houses Number ${k}\t${k + 1}`));
		const row = rowOf('The Fall of Rome\t50', 'The fall of Rome\t50');
		const table = caseTable([...others, row.a!, row.b!]);
		const whys = caseEvidence(difference('Fall', 'fall'), row, table, ids).map((piece) => piece.why);
		expect(whys).toContain('98 % of the long words in the titles of A and B are capitalised, as “Fall” is');
		const sentence = caseTable(itemsOf(Array.from({length: 12}, (_, k) => `The great houses number ${k}\t${k + 1}`)));
		expect(caseEvidence(difference('Fall', 'fall'), row, sentence, ids)).toEqual([]);
	});

	it('takes the form printed ten times as often elsewhere, the other perhaps another slip', () => {
		const others = itemsOf([...Array.from({length: 12}, (_, k) => `School of the company ${k}\t${k + 1}`), 'Attack Of fortifications\t9']);
		const row = rowOf('Drill of the squad\t10', 'Drill Of the squad\t10');
		const table = caseTable([...others, row.a!, row.b!]);
		expect(caseEvidence(difference('of', 'Of'), row, table, ids)).toContainEqual({weight: 2.2, why: '“of” is printed so 12 times elsewhere, “Of” once'});
		// Six to one is not enough.
		const closer = caseTable([...others, ...itemsOf(['Attack Of trenches\t11']), row.a!, row.b!]);
		expect(
			caseEvidence(difference('of', 'Of'), row, closer, ids)
				.map((piece) => piece.why)
				.join(),
		).not.toContain('printed so');
	});

	it('takes a title begun with a capital where nineteen in twenty titles are, and the reverse', () => {
		const capitals = itemsOf(Array.from({length: 24}, (_, k) => `Drill number ${k}\t${k + 1}`));
		const row = rowOf('Escorts\t30', 'escorts\t30');
		expect(caseEvidence(difference('Escorts', 'escorts'), row, caseTable([...capitals, row.a!, row.b!]), ids)).toContainEqual({
			weight: 2.2,
			why: '96 % of the titles of A and B begin with a capital, as “Escorts” does',
		});
		const small = itemsOf(Array.from({length: 24}, (_, k) => `drill number ${k}\t${k + 1}`));
		expect(caseEvidence(difference('Escorts', 'escorts'), row, caseTable([...small, row.a!, row.b!]), ids)).toContainEqual({
			weight: -2.2,
			why: '96 % of the titles of A and B begin with a small letter, as “escorts” does',
		});
		// A book that begins titles either way says nothing.
		const mixed = itemsOf(Array.from({length: 24}, (_, k) => `${k % 3 === 0 ? 'drill' : 'Drill'} number ${k}\t${k + 1}`));
		expect(
			caseEvidence(difference('Escorts', 'escorts'), row, caseTable([...mixed, row.a!, row.b!]), ids)
				.map((piece) => piece.why)
				.join(),
		).not.toContain('begin with');
		// Nor does a word inside a title.
		const inside = rowOf('Escorts and Guards\t30', 'Escorts and guards\t30');
		expect(
			caseEvidence(difference('Guards', 'guards'), inside, caseTable([...capitals, inside.a!, inside.b!]), ids)
				.map((piece) => piece.why)
				.join(),
		).not.toContain('begin with');
	});
});

describe('the new evidence through compare', () => {
	it('suggests keeping an entry the second printing lost in its numbering, and the reading without a zero-width space', () => {
		const lines = (drop: boolean, zwsp: boolean) =>
			['I. Preface\t1', 'II. The Origin\t5', 'III. The Music\t9', 'IV. The Dance\t14', 'V. Index\t20']
				.filter((line) => !(drop && line.startsWith('III.')))
				.map((line) => (zwsp && line.startsWith('IV.') ? line.replace('Dance', 'Da\u200Bnce') : line))
				.join('\n');
		const comparison = compare([
			{name: 'a.txt', text: lines(false, false)},
			{name: 'b.txt', text: lines(true, true)},
		]);
		const found = comparison.rows.flatMap((row) => row.differences.map(({kind, suggestion}) => ({kind, reading: suggestion?.reading, why: suggestion?.why})));
		expect(found).toContainEqual({kind: 'missing', reading: 'a', why: expect.stringContaining("B's numbering goes from II. to IV.: III. is missing there")});
		expect(found).toContainEqual({kind: 'invisible', reading: 'a', why: "B's reading holds a character that prints nothing"});
	});
});

describe('number evidence', () => {
	const speeches = (day: string) =>
		['SPEECH AT A MEETING, NOVEMBER 20\t10', `SPEECH TO THE CONGRESS, NOVEMBER ${day}\t12`, 'LETTER TO THE WORKERS, NOVEMBER 25\t14', 'NOTES\t20'].join('\n');
	/** The suggestion on the second entry's first difference, where A prints `page(a)` and B `page(b)`. */
	const suggestionOn = (page: (day: string) => string, a: string, b: string) => {
		const comparison = compare([
			{name: 'a.txt', text: page(a)},
			{name: 'b.txt', text: page(b)},
		]);
		return comparison.rows[1]!.differences[0]!.suggestion;
	};

	it('takes the date that lies between its neighbours', () => {
		const comparison = compare([
			{name: 'a.txt', text: speeches('21')},
			{name: 'b.txt', text: speeches('27')},
		]);
		const difference = comparison.rows[1]!.differences[0]!;
		expect(difference.kind).toBe('number');
		expect(difference.suggestion).toMatchObject({
			reading: 'a',
			why: 'NOVEMBER 21 lies between NOVEMBER 20 and NOVEMBER 25 in the entries around it, and NOVEMBER 27 does not',
		});
	});

	it('reads a day with its month, across the end of a month', () => {
		const letters = (day: string) =>
			['LETTER TO THE WORKERS, NOVEMBER 28\t10', `SPEECH TO THE CONGRESS, DECEMBER ${day}\t12`, 'TELEGRAM, Dec. 5\t14', 'NOTES\t20'].join('\n');
		expect(suggestionOn(letters, '8', '3')).toMatchObject({
			reading: 'b',
			why: 'DECEMBER 3 lies between NOVEMBER 28 and Dec. 5 in the entries around it, and DECEMBER 8 does not',
		});
		// A day before its month, in any of the languages the word lists know (`30 ноября`, `3 декабря`).
		const russian = (day: string) =>
			['Письмо рабочим, 30 ноября\t10', `Речь на съезде, ${day} декабря\t12`, 'Телеграмма, 5 декабря\t14', 'Примечания\t20'].join('\n');
		expect(suggestionOn(russian, '8', '3')).toMatchObject({
			reading: 'b',
			why: '3 декабря lies between 30 ноября and 5 декабря in the entries around it, and 8 декабря does not',
		});
		// A date equal to a neighbour's leaves the days to the plain numbers (several speeches a day).
		expect(suggestionOn(letters, '5', '9')?.why ?? '').not.toContain('DECEMBER 5 lies between');
	});

	it('says nothing when both readings lie in the run', () => {
		expect(suggestionOn(speeches, '22', '23')?.reading ?? null).toBeNull();
	});
});
