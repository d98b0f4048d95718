import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {changedRegion, highlightSpans, segmentsOf} from '../../src/core/highlight.js';

const spell = (segments: ReturnType<typeof highlightSpans>): string => segments.map((segment) => segment.text).join('');
const oracle = (segments: ReturnType<typeof highlightSpans>): string =>
	segments.map(({text, kind}) => (kind === 'same' ? text : kind === 'a-only' ? `[-${text}-]` : `{+${text}+}`)).join('');

describe('highlightSpans', () => {
	it.each([
		['JULY 1, 1920', 'JULY 4, 1920', 'JULY [-1-]{+4+}, 1920'],
		['PRESIDIUM OF', 'PRESIDUM OF', 'PRESID[-I-]UM OF'],
		['Consist In.\t188', 'Consist In\t188', 'Consist In[-.-]\t188'],
		['PARTY . .\t377', 'PARTY\t377', 'PARTY[- . .-]\t377'],
		['Preface\t13', 'Preface\t13', 'Preface\t13'],
		['', 'TRANSLATED', '{+TRANSLATED+}'],
		['The Committee', 'The Cornmittee', 'The Co[-m-]{+rn+}mittee'],
		['The Cornmittee', 'The Committee', 'The Co[-rn-]{+m+}mittee'],
	])('marks %j against %j as %j', (a, b, expected) => {
		expect(oracle(highlightSpans(a, b))).toBe(expected);
	});

	it('marks a spelling variant inside the word', () => {
		const segments = highlightSpans("the Bolsheviki's Success", "the Bolsheviks' Success");
		expect(segments[0]).toEqual({text: 'the Bolshevik', kind: 'same'});
		expect(segments.at(-1)).toEqual({text: ' Success', kind: 'same'});
	});

	it('spells both readings back from their segments', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme-ascii'}), fc.string({unit: 'grapheme-ascii'}), (a, b) => {
				const segments = highlightSpans(a, b);
				return spell(segmentsOf(segments, 'a')) === a && spell(segmentsOf(segments, 'b')) === b;
			}),
		);
	});

	it('never leaves two neighbouring segments of one kind or an empty segment', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) =>
				highlightSpans(a, b).every((segment, i, all) => segment.text !== '' && segment.kind !== all[i - 1]?.kind),
			),
		);
	});

	it('finds nothing to mark in a reading compared with itself', () => {
		fc.assert(fc.property(fc.string(), (a) => highlightSpans(a, a).every((segment) => segment.kind === 'same')));
	});
});

describe('changedRegion', () => {
	it.each([
		['TO THE PRESIDIUM, JULY 1, 1920\t181', 'TO THE PRESIDIUM, JULY 4, 1920\t181', 'JULY 1', 'JULY 4'],
		['TO THE PRESIDIUM OF', 'TO THE PRESIDUM OF', 'PRESIDIUM', 'PRESIDUM'],
		['Should Consist In.\t188', 'Should Consist In\t188', 'In.', 'In'],
		['X Y', 'W X Y', 'X', 'W X'],
		['A B', 'A B C', 'B', 'B C'],
		['same', 'same', '', ''],
	])('narrows %j / %j to %j / %j', (a, b, ra, rb) => {
		const region = changedRegion(a, b);
		expect([region.a, region.b]).toEqual([ra, rb]);
		expect(region.before + region.a + region.after).toBe(a);
	});

	it('always rebuilds both readings from its parts', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				const region = changedRegion(a, b);
				return region.before + region.a + region.after === a && region.before + region.b + region.after === b;
			}),
		);
	});
});

describe('numbers', () => {
	it.each([
		['19', '21'],
		['257', '275'],
	])('marks %s → %s as a whole number', (a, b) => {
		expect(highlightSpans(`Page ${a}`, `Page ${b}`)).toEqual([
			{text: 'Page ', kind: 'same'},
			{text: a, kind: 'a-only'},
			{text: b, kind: 'b-only'},
		]);
	});
});
