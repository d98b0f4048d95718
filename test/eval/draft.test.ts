import {describe, expect, it} from 'vitest';
import {fromDraft, itemKey, toDraft, type Draft} from '../../src/eval/draft.js';
import {loadFixtures} from '../../src/eval/fixtures.js';
import {makeNoisyPair, type Mode} from '../../src/eval/noise.js';
import {expectExactTruth} from './truth-check.js';

const fixtures = loadFixtures();
const cases = fixtures.flatMap((fixture) =>
	(['two-files', 'one-file'] as Mode[]).flatMap((mode) => [1, 2, 3].map((seed) => [fixture.name, mode, seed] as const)),
);

describe('toDraft and fromDraft', () => {
	it.each(cases)('give back the same pair (%s, %s, seed %i)', (name, mode, seed) => {
		const pair = makeNoisyPair(
			fixtures.find((fixture) => fixture.name === name)!,
			seed,
			{mode},
		);
		expect(fromDraft(toDraft(pair))).toEqual(pair);
	});

	it('renumbers every item when a line is inserted, and keeps the truth exact', () => {
		const pair = makeNoisyPair(fixtures[0]!, 1, {mode: 'one-file'});
		const draft = toDraft(pair);
		const moved: Draft = {...draft, a: [{text: 'CONTENTS vii', furniture: true}, ...draft.a], b: [...draft.b.slice(0, 3), {text: ''}, ...draft.b.slice(3)]};
		const result = fromDraft(moved);
		expectExactTruth(result);
		expect(result.a.items[0]!.lines[0]).toBe(pair.a.items[0]!.lines[0] + 1);
		// B starts one line later (the line inserted in A); B's own blank line comes after its first line.
		expect(result.boundary).toBe(pair.boundary! + 1);
		expect(result.b.items.at(-1)!.lines[1]).toBe(pair.b.items.at(-1)!.lines[1] + 2);
		expect(result.furniture).toEqual({a: [1], b: []});
	});

	it('records an item whose lines a blank line interrupts by its own lines', () => {
		const pair = makeNoisyPair(fixtures[0]!, 1);
		const draft = toDraft(pair);
		const key = itemKey('b', 5);
		const at = draft.b.findIndex((line) => line.item === key);
		const split: Draft = {
			...draft,
			b: [...draft.b.slice(0, at), {text: 'first half', item: key}, {text: ''}, {text: 'second half', item: key}, ...draft.b.slice(at + 1)],
		};
		const item = fromDraft(split).b.items[5]!;
		expect(item.ownLines).toEqual([at + 1, at + 3]);
		expect(item.text).toBe('first half\nsecond half');
	});

	it('throws when a pair names an item that no line holds', () => {
		const draft = toDraft(makeNoisyPair(fixtures[0]!, 1));
		expect(() => fromDraft({...draft, a: draft.a.filter((line) => line.item !== itemKey('a', 0))})).toThrow(/no line holds item a0/u);
	});
});
