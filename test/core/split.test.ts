import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {findPrintings} from '../../src/core/split.js';

const seed = readFileSync(new URL('../../samples/lenin-cw31-two-printings.txt', import.meta.url), 'utf8').split('\n');

const page = (titles: readonly string[], firstPage = 1) => titles.map((t, i) => `${t}\t${firstPage + i * 7}`);
const titles = ['Preface', 'The Origins of the Quarrel', 'The First Campaign', 'Winter Quarters', 'The Second Campaign', 'The Peace', 'Aftermath', 'Notes', 'Index'];

describe('findPrintings', () => {
	it('finds the two printings of the seed at lines 2–121 and 123–223', () => {
		const {ranges, report} = findPrintings(seed);
		expect(ranges).toEqual([
			[2, 121],
			[123, 223],
		]);
		expect(report.boundaries).toEqual([123]);
		expect(report.confidence).toBeGreaterThan(0.9);
	});

	it('finds a second printing that starts at its contents heading, without the title page', () => {
		const lines = ['MY BOOK', 'BY ME', '', 'CONTENTS', ...page(titles), '', 'CONTENTS', ...page(titles)];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 13],
			[15, 24],
		]);
	});

	it('finds a second printing from its recurring entries and the pages starting over', () => {
		const noisy = page(titles).map((l) => l.replace('Campaign', 'Carnpaign'));
		const lines = [...page(titles), '', ...noisy];
		const {ranges, report} = findPrintings(lines);
		expect(ranges).toEqual([
			[1, 9],
			[11, 19],
		]);
		expect(report.method).toContain('page numbers start over');
	});

	it('takes an added title page into the printing it opens', () => {
		const lines = ['CONTENTS', ...page(titles), '', 'SECOND EDITION, REVISED', '', 'CONTENTS', ...page(titles)];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 10],
			[12, 23],
		]);
	});

	it('does not take the middle of the second opening for a third printing', () => {
		const one = ['CONTENTS', ...page(titles)];
		const withoutSecond = one.filter((_, i) => i !== 2);
		const lines = [...withoutSecond, '', ...one];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 9],
			[11, 20],
		]);
	});

	it('keeps a last entry without a page in the first printing when the file is doubled', () => {
		const one = ['CONTENTS.', ...page(titles), '  [Index]'];
		expect(findPrintings([...one, ...one]).ranges).toEqual([
			[1, 11],
			[12, 22],
		]);
	});

	it('finds three printings', () => {
		const one = ['CONTENTS', ...page(titles)];
		const lines = [...one, '', ...one, '', ...one];
		expect(findPrintings(lines).ranges).toEqual([
			[1, 10],
			[12, 21],
			[23, 32],
		]);
	});

	it('says at which boundary page numbers start over when only one of two does', () => {
		const printing = (offset: number) => ['CONTENTS', `Preface\t${1 + offset}`, `Chapter I. The Start\t${5 + offset}`, `Chapter II. The Middle\t${9 + offset}`, `Chapter III. The End\t${12 + offset}`];
		const {report} = findPrintings([...printing(0), '', ...printing(20), '', ...printing(0)]);
		expect(report.boundaries).toEqual([7, 13]);
		expect(report.method).toBe('the opening lines recur, and page numbers start over at line 13');
	});

	it('takes several split lines for three printings, in any order, each at the next line of text', () => {
		const one = ['CONTENTS', ...page(titles)];
		const lines = [...one, '', ...one, '', ...one];
		expect(findPrintings(lines, [22, 11]).ranges).toEqual([
			[1, 10],
			[12, 21],
			[23, 32],
		]);
		expect(findPrintings(lines, [22, 11]).report).toEqual({boundaries: [12, 23], confidence: 1, method: '--split-at'});
	});

	it('finds the second printing when it moved one of its opening entries far down', () => {
		const many = [...titles, 'Appendix A', 'Appendix B', 'Appendix C', 'Appendix D', 'Appendix E', 'Appendix F', 'Appendix G'];
		const moved = [many[0]!, ...many.slice(2), many[1]!];
		const lines = ['CONTENTS', ...page(many), 'CONTENTS', ...page(moved)];
		expect(findPrintings(lines).ranges).toEqual([
			[1, many.length + 1],
			[many.length + 2, 2 * many.length + 2],
		]);
	});

	it('reports a single printing when nothing recurs', () => {
		const {ranges, report} = findPrintings(['CONTENTS', ...page(titles)]);
		expect(ranges).toHaveLength(1);
		expect(report.boundaries).toEqual([]);
		expect(report.confidence).toBe(0);
	});

	it('splits where the user says with --split-at', () => {
		const {ranges, report} = findPrintings(seed, 130);
		// Line 130 is blank: the second printing starts at the next line with text.
		expect(ranges).toEqual([
			[2, 129],
			[131, 223],
		]);
		expect(report).toMatchObject({boundaries: [131], confidence: 1, method: '--split-at'});
	});
});
