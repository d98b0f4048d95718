/**
 * Evidence on a number inside a title (#16): `NOVEMBER 21` / `NOVEMBER 27`, `1915` / `1975`.
 * Contents pages list speeches by date, letters by year, parts by number: the number of an entry
 * usually runs with its neighbours'. A reading that lies between the numbers of the same length in
 * the entries before and after it, in its own printing, beats one that does not; so does one that
 * an entry close by prints too.
 *
 * Pure.
 */
import {oneSided, otherSide, type Evidence, type Side} from './evidence.js';
import type {Difference, RowDraft} from './types.js';
import {monthNames, monthNumber} from './word-lists.js';

/** How far to look for a neighbour with a number of the same length, in rows. */
const reach = 6;
/** A run this close by holds the reading too: within the two entries on either side. */
const close = 2;

/** The numbers of a text, as printed. */
const numbersOf = (text: string): string[] => text.match(/\d+/g) ?? [];

/** The number that differs: the first of one reading that the other does not hold at the same place. */
function differingNumbers(difference: Difference): {readonly a: string; readonly b: string} | undefined {
	const a = numbersOf(difference.a);
	const b = numbersOf(difference.b);
	if (a.length !== b.length) return undefined;
	const k = a.findIndex((number, at) => number !== b[at]);
	return k < 0 || a[k]!.length !== b[k]!.length ? undefined : {a: a[k]!, b: b[k]!};
}

/** The nearest number of `length` digits in the titles of one side's items before (`step` −1) or after (+1) a row. */
function neighbour(
	rows: readonly RowDraft[],
	row: number,
	side: Side,
	length: number,
	step: -1 | 1,
): {readonly value: number; readonly distance: number} | undefined {
	let distance = 0;
	for (let at = row + step; at >= 0 && at < rows.length && Math.abs(at - row) <= reach; at += step) {
		const item = rows[at]![side];
		if (item === null) continue;
		distance++;
		const found = numbersOf(item.title).filter((number) => number.length === length);
		if (found.length > 0) return {value: Number(step < 0 ? found.at(-1)! : found[0]!), distance};
	}

	return undefined;
}

/** A date: a month and its day, either way round (`NOVEMBER 21`, `Aug. 3`, `7 ноября`, `14 juillet`). */
const datePattern = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:(?<month>${monthNames})\.?\s+(?<day>\d{1,2})|(?<dayFirst>\d{1,2})\s+(?<monthAfter>${monthNames})\.?)(?![\p{L}\p{N}])`,
	'giu',
);

/** A date in a title (`NOVEMBER 21`, `Aug. 3`), as printed and as a number that sorts by month, then day. */
type Dated = {readonly text: string; readonly key: number};

function datesOf(title: string): Dated[] {
	return [...title.matchAll(datePattern)].map((match) => {
		const {month, day, dayFirst, monthAfter} = match.groups!;
		return {text: match[0], key: monthNumber(month ?? monthAfter!)! * 100 + Number(day ?? dayFirst)};
	});
}

/** The nearest date in the titles of one side's items before (`step` −1) or after (+1) a row. */
function nearestDate(rows: readonly RowDraft[], row: number, side: Side, step: -1 | 1): Dated | undefined {
	for (let at = row + step; at >= 0 && at < rows.length && Math.abs(at - row) <= reach; at += step) {
		const item = rows[at]![side];
		if (item === null) continue;
		const found = datesOf(item.title);
		if (found.length > 0) return step < 0 ? found.at(-1) : found[0];
	}

	return undefined;
}

/**
 * Evidence on a date that differs (`NOVEMBER 25` / `NOVEMBER 28`): a contents page of speeches and
 * letters runs in the order of their dates, across months, as a day's number alone cannot show
 * (`NOVEMBER 28` before `DECEMBER 3`). None when the readings differ in no one date, or nothing decides: the plain numbers speak then.
 */
function dateEvidence(rows: readonly RowDraft[], index: number): Evidence[] {
	const row = rows[index]!;
	if (row.a === null || row.b === null) return [];
	const inA = datesOf(row.a.title);
	const inB = datesOf(row.b.title);
	const onlyA = inA.filter((date) => !inB.some((other) => other.key === date.key));
	const onlyB = inB.filter((date) => !inA.some((other) => other.key === date.key));
	if (onlyA.length !== 1 || onlyB.length !== 1) return [];
	const dates = {a: onlyA[0]!, b: onlyB[0]!};
	const around = {
		a: {before: nearestDate(rows, index, 'a', -1), after: nearestDate(rows, index, 'a', 1)},
		b: {before: nearestDate(rows, index, 'b', -1), after: nearestDate(rows, index, 'b', 1)},
	};
	const between = (side: Side): boolean | undefined => {
		const {before, after} = around[side];
		if (before === undefined || after === undefined || before.key > after.key) return undefined;
		return before.key < dates[side].key && dates[side].key < after.key;
	};

	return oneSided(between('a'), between('b'), 1.5, (side) => {
		const {before, after} = around[side];
		return `${dates[side].text} lies between ${before!.text} and ${after!.text} in the entries around it, and ${dates[otherSide(side)].text} does not`;
	});
}

/**
 * The evidence on a number difference in a title.
 *
 * @example
 * numberEvidence(difference, rows, index) // [{weight: 1.5, why: '21 lies between 20 and 25 in the entries around it, and 27 does not'}]
 */
export function numberEvidence(difference: Difference, rows: readonly RowDraft[], index: number): Evidence[] {
	if (difference.field !== 'title') return [];
	const numbers = differingNumbers(difference);
	if (numbers === undefined) return [];
	const length = numbers.a.length;
	const around = {
		a: {before: neighbour(rows, index, 'a', length, -1), after: neighbour(rows, index, 'a', length, 1)},
		b: {before: neighbour(rows, index, 'b', length, -1), after: neighbour(rows, index, 'b', length, 1)},
	};
	const between = (side: Side): boolean | undefined => {
		const {before, after} = around[side];
		if (before === undefined || after === undefined || before.value > after.value) return undefined;
		const value = Number(numbers[side]);
		return before.value <= value && value <= after.value;
	};

	// A day of a date is read with its month; any other number with the numbers of its length.
	const dated = dateEvidence(rows, index);
	const evidence =
		dated.length > 0
			? dated
			: oneSided(between('a'), between('b'), 1.5, (side) => {
					const other = otherSide(side);
					const {before, after} = around[side];
					return `${numbers[side]} lies between ${before!.value} and ${after!.value} in the entries around it, and ${numbers[other]} does not`;
				});
	const nearby = (side: Side): boolean => {
		const value = Number(numbers[side]);
		const {before, after} = around[side];
		return [before, after].some((each) => each !== undefined && each.distance <= close && each.value === value);
	};

	evidence.push(...oneSided(nearby('a'), nearby('b'), 1.1, (side) => `${numbers[side]} is printed in an entry close by too`));
	return evidence;
}
