/**
 * Hand-made comparisons for the review screen's tests, taken from the seed
 * (samples/lenin-cw31-two-printings.txt): two printings of Lenin, Collected Works, vol. 31.
 */
import type {Comparison, Difference, Printing, Row, RowDraft, Severity, TocItem} from '../../src/core/types.js';
import type {RowDetail} from '../../src/tui/detail-state.js';
import {describeComparison} from '../../src/core/meaning.js';

let nextIndex = 0;

/** A parsed entry: `label`, title and page, on one line of the source. */
export function item(line: number, title: string, page?: string, label?: string): TocItem {
	const text = `${label ? `${label} ` : ''}${title}${page ? `\t${page}` : ''}`;
	return {
		index: nextIndex++,
		lines: [line, line],
		text,
		type: page ? 'entry' : 'heading',
		...(label ? {label} : {}),
		title,
		titleMarkup: title,
		italics: [],
		leader: page ? '\t' : '',
		...(page ? {page} : {}),
		depth: 0,
	};
}

function difference(kind: Difference['kind'], severity: Severity, a: string, b: string, field: Difference['field'] = 'title'): Difference {
	return {kind, severity, field, a, b};
}

function same(lineA: number, lineB: number, title: string, page?: string, label?: string): RowDraft {
	return {status: 'same', a: item(lineA, title, page, label), b: item(lineB, title, page, label), similarity: 1, differences: []};
}

function printing(id: string, lines: readonly [number, number], items: readonly TocItem[]): Printing {
	return {id, source: 'vol31.txt', lines, items, printed: []};
}

/** Twelve rows of the seed with every status and severity. */
export function seedComparison(): Comparison {
	nextIndex = 0;
	const rows: RowDraft[] = [
		same(2, 123, 'V. I. L E N I N'),
		{
			status: 'only-b',
			a: null,
			b: item(135, 'TRANSLATED FROM THE RUSSIAN'),
			similarity: 0,
			differences: [difference('extra', 'minor', '', 'TRANSLATED FROM THE RUSSIAN', 'item')],
		},
		same(18, 141, 'Preface', '13'),
		same(19, 142, '"LEFT-WING" COMMUNISM—AN INFANTILE DISORDER', '17'),
		{
			status: 'changed',
			a: item(22, "An Essential Condition of the Bolsheviki's Success", '23', 'II.'),
			b: item(145, "An Essential Condition of the Bolsheviks' Success", '23', 'II.'),
			similarity: 0.97,
			differences: [difference('spelling', 'minor', "Bolsheviki's", "Bolsheviks'")],
		},
		same(23, 146, 'The Principal Stages in the History of Bolshevism', '26', 'III.'),
		{
			status: 'changed',
			a: item(52, 'TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 1, 1920', '181'),
			b: item(176, 'TELEPHONE MESSAGE TO THE PRESIDUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920', '181'),
			similarity: 0.98,
			differences: [difference('ocr', 'minor', 'PRESIDIUM', 'PRESIDUM'), difference('number', 'substantive', 'JULY 1', 'JULY 4')],
		},
		{
			status: 'changed',
			a: item(56, 'What Immediate and Universal Preparation for the Dictatorship of the Proletariat Should Consist In.', '188', 'II.'),
			b: item(180, 'What Immediate and Universal Preparation for the Dictatorship of the Proletariat Should Consist In', '188', 'II.'),
			similarity: 0.99,
			differences: [difference('punctuation', 'cosmetic', 'In.', 'In')],
		},
		same(58, 182, 'REPLY TO A LETTER FROM THE JOINT PROVISIONAL COMMITTEE FOR THE COMMUNIST PARTY OF BRITAIN', '202'),
		{
			status: 'changed',
			a: item(92, 'ON THE STRUGGLE WITHIN THE ITALIAN SOCIALIST PARTY', '377'),
			b: item(216, 'ON THE STRUGGLE WITHIN THE ITALIAN SOCIALIST PARTY', '379'),
			similarity: 0.98,
			differences: [difference('page', 'substantive', '377', '379', 'page')],
		},
		{
			status: 'only-a',
			a: item(100, 'Concluding Remarks', '435'),
			b: null,
			similarity: 0,
			differences: [difference('truncation', 'substantive', 'Concluding Remarks 435', '', 'item')],
		},
		{status: 'only-a', a: item(110, 'Notes', '537'), b: null, similarity: 0, differences: [difference('truncation', 'substantive', 'Notes 537', '', 'item')]},
	];
	const itemsA = rows.flatMap((row) => (row.a ? [row.a] : []));
	const itemsB = rows.flatMap((row) => (row.b ? [row.b] : []));
	return describeComparison({
		printings: [printing('A', [2, 121], itemsA), printing('B', [123, 223], itemsB)],
		split: {boundaries: [123], confidence: 1, method: 'repeated title page'},
		rows,
		checks: [],
	});
}

/** A large comparison: `count` rows, every seventh changed (with each severity in turn), every 50th only in A. */
export function bigComparison(count: number): Comparison {
	nextIndex = 0;
	const severities: Severity[] = ['substantive', 'minor', 'cosmetic'];
	const rows: RowDraft[] = [];
	for (let index = 0; index < count; index++) {
		const title = `SPEECH DELIVERED AT MEETING NUMBER ${index + 1} OF THE MOSCOW SOVIET OF WORKERS' AND RED ARMY DEPUTIES`;
		const page = String(10 + index);
		if (index % 50 === 49) {
			rows.push({
				status: 'only-a',
				a: item(index + 1, title, page),
				b: null,
				similarity: 0,
				differences: [difference('missing', 'substantive', title, '', 'item')],
			});
		} else if (index % 7 === 3) {
			const severity = severities[index % 3]!;
			rows.push({
				status: 'changed',
				a: item(index + 1, title, page),
				b: item(count + index + 1, title.replace('SOVIET', 'SOVET'), page),
				similarity: 0.99,
				differences: [difference('ocr', severity, 'SOVIET', 'SOVET')],
			});
		} else {
			rows.push(same(index + 1, count + index + 1, title, page));
		}
	}

	const itemsA = rows.flatMap((row) => (row.a ? [row.a] : []));
	const itemsB = rows.flatMap((row) => (row.b ? [row.b] : []));
	return describeComparison({printings: [printing('A', [1, count], itemsA), printing('B', [count + 1, 2 * count], itemsB)], rows, checks: []});
}

/**
 * The seed's twelve rows with suggestions (#7): the page 377/379 row A at 0.90, the spelling
 * row B at 0.63, and the PRESIDIUM row A at 0.90 on its OCR error but even on its date, so the
 * row as a whole has none.
 */
export function suggestedComparison(): Comparison {
	const comparison = seedComparison();
	const suggest = (row: RowDraft, ...suggestions: Array<Difference['suggestion']>): RowDraft => ({
		...row,
		differences: row.differences.map((difference, k) => (suggestions[k] === undefined ? difference : {...difference, suggestion: suggestions[k]})),
	});
	const rows = comparison.rows.map((row, index) => {
		switch (index) {
			case 4: {
				return suggest(row, {reading: 'b', confidence: 0.63, why: "“Bolsheviks'” occurs elsewhere in the printings and “Bolsheviki's” does not"});
			}

			case 6: {
				return suggest(
					row,
					{reading: 'a', confidence: 0.9, why: '“PRESIDIUM” is in the English dictionary and “PRESIDUM” is not'},
					{reading: null, confidence: 0.5, why: 'nothing tells which number is right'},
				);
			}

			case 9: {
				return suggest(row, {reading: 'a', confidence: 0.9, why: 'page 377 fits between 374 and 391 in A, and 379 does not fit between 380 and 393 in B'});
			}

			default: {
				return row;
			}
		}
	});
	return describeComparison({...comparison, rows});
}

/** What the detail pane shows of row `index` of `rows`, undecided, with no suggestion or check. */
export function rowDetailOf(rows: readonly Row[], index: number, expanded = false): RowDetail {
	return {
		kind: 'row',
		index,
		count: rows.length,
		row: rows[index]!,
		decision: undefined,
		differs: true,
		suggestion: undefined,
		checks: [],
		otherIds: [],
		ids: ['A', 'B'],
		expanded,
	};
}
