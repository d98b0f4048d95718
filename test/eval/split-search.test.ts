import {describe, expect, it} from 'vitest';
import {findPrintings} from '../../src/core/split.js';
import {loadFixtures} from '../../src/eval/fixtures.js';
import {entryPool, layoutName, tenVolumeContents, volumeLayouts} from '../../src/eval/multi-volume.js';
import {makeNoisyPair} from '../../src/eval/noise.js';
import {synthesizeContents} from '../../src/eval/synth.js';

// The split search pairs a start with the whole file only when the most it could pair beats the
// best start found so far (#12); with `trace`, every start and every set of starts is paired. On the evaluation's ten-volume
// sets printed twice with noise (where what a start could pair and what it does pair differ most:
// volume headings, pages misprinted, recurring titles), the two must choose alike and be as sure.
describe('findPrintings: the search pairs only the starts that could win', () => {
	const pool = entryPool(loadFixtures().filter((fixture) => fixture.language === 'en'));
	it.each(volumeLayouts.map((layout) => [layoutName(layout), layout] as const))('chooses as pairing every start would, on %s', (_, layout) => {
		for (let seed = 1; seed <= 20; seed++) {
			const pair = makeNoisyPair(tenVolumeContents(pool, layout, seed), seed, {mode: 'one-file'});
			const lines = pair.sources[0]!.text.split('\n');
			expect(findPrintings(lines).report).toEqual(findPrintings(lines, {trace: () => undefined}).report);
		}
	});

	it('chooses as pairing every set of starts would, on three printings of the seed-like pages', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const page = synthesizeContents(40 + 10 * (seed % 5), seed);
			const [one, two] = [makeNoisyPair(page, seed), makeNoisyPair(page, seed + 100)];
			const lines = [one.sources[0]!.text, one.sources[1]!.text, two.sources[1]!.text].join('\n\n').split('\n');
			const searched = findPrintings(lines).report;
			expect(searched.boundaries).toHaveLength(2);
			expect(searched).toEqual(findPrintings(lines, {trace: () => undefined}).report);
		}
	});

	// Found by running these sets over 60 seeds: a title page added before the second printing, and
	// in front of its \`VOLUME I\` an entry moved there (read \`The colour\` for \`The color\`), or the
	// first printing's \`VOLUME I\` misread (\`VOLUUME I\`), or one of its \`CONTENTS\` headings
	// misread, so that every later one paired a volume off: the split fell after the title page.
	it.each(volumeLayouts.map((layout) => [layoutName(layout), layout] as const))(
		'splits %s printed twice at the second printing’s title page, over 60 seeds',
		(_, layout) => {
			for (let seed = 1; seed <= 60; seed++) {
				const pair = makeNoisyPair(tenVolumeContents(pool, layout, seed), seed, {mode: 'one-file'});
				expect(findPrintings(pair.sources[0]!.text.split('\n')).report.boundaries, `seed ${seed}`).toEqual([pair.boundary]);
			}
		},
	);
});
