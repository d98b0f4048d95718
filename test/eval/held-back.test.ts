import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {familyCases, familyNames, type FamilyInputs} from '../../src/eval/families.js';
import {loadFixtures, readFixtureText} from '../../src/eval/fixtures.js';
import {heldBackFixtures, heldBackRule, heldBackSeedStep, partOf} from '../../src/eval/held-back.js';

describe('partOf', () => {
	it.each([
		['lenin-cw31', 1, 'tune'],
		['lenin-cw31', 4, 'tune'],
		['lenin-cw31', 5, 'held'],
		['lenin-cw31', 20, 'held'],
		['macdowell-essays', 1, 'held'],
		['entre-nous', 7, 'held'],
		['volumes-distinct-continuing', 10, 'held'],
		['volumes-distinct-continuing', 11, 'tune'],
		['krehbiel-music', 15, 'held'],
		['lenin-cw31-seed', 3, 'tune'],
	] as const)('puts %s seed %i in the %s part', (fixture, seed, part) => {
		expect(partOf(fixture, seed)).toBe(part);
	});

	it('is the written rule: two whole fixtures and every fifth seed', () => {
		expect(heldBackFixtures).toEqual(['macdowell-essays', 'entre-nous']);
		expect(heldBackSeedStep).toBe(5);
		expect(heldBackRule).toContain('macdowell-essays and entre-nous');
		expect(heldBackRule).toContain('multiple of 5');
		// The held-back fixtures exist, so the rule holds back something.
		const names = loadFixtures().map((fixture) => fixture.name);
		for (const fixture of heldBackFixtures) expect(names).toContain(fixture);
	});
});

describe('the held-back split of the families', () => {
	const inputs: FamilyInputs = {
		fixtures: loadFixtures(),
		paragraph: {name: 'krehbiel-music', text: readFixtureText('how-to-listen-to-music-krehbiel-en.txt')},
		seedFile: {
			name: 'lenin-cw31-seed',
			text: readFileSync(new URL('../../samples/lenin-cw31-two-printings.txt', import.meta.url), 'utf8'),
			language: 'en',
			runningTitle: 'V. I. LENIN',
		},
		seeds: 10,
		modes: ['two-files', 'one-file'],
	};
	const key = (found: {family: string; fixture: string; seed: number; mode: string; type: string}) =>
		`${found.family}/${found.fixture}/${found.seed}/${found.mode}/${found.type}`;

	it.each(familyNames.filter((family) => family !== 'real-ocr'))('is stable and disjoint in %s, each part non-empty', (family) => {
		const first = [...familyCases(family, inputs)].map((found) => [key(found), found.part] as const);
		const second = [...familyCases(family, inputs)].map((found) => [key(found), found.part] as const);
		expect(second).toEqual(first);
		const keys = first.map(([k]) => k);
		expect(new Set(keys).size).toBe(keys.length);
		const tune = new Set(first.filter(([, part]) => part === 'tune').map(([k]) => k));
		const held = new Set(first.filter(([, part]) => part === 'held').map(([k]) => k));
		expect(tune.size + held.size).toBe(keys.length);
		expect([...tune].some((k) => held.has(k))).toBe(false);
		expect(tune.size).toBeGreaterThan(0);
		expect(held.size).toBeGreaterThan(0);
	});
});
