import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {gluedLeaderAt, leaderGarbageAt, leaderScore, scoreToken} from '../../src/core/leaders.js';
import {classifyPair} from '../../src/core/classify.js';
import {leaderDotsFrom, parseItems, parseLine} from '../../src/core/parse.js';

const cut = (title: string, pageAfter = false): [string, string] | undefined => {
	const at = leaderGarbageAt(title, pageAfter);
	return at < 0 ? undefined : [title.slice(0, at).trimEnd(), title.slice(at)];
};

describe('leader dots read as text (#18)', () => {
	it.each([
		// Verbatim from Tesseract 5 on rendered contents pages with dot leaders.
		['Preface 1s ET eM 2a oa ere ROM LSB G eae Lk eal med cee cage SA er)', false, 'Preface'],
		['Preface... o.oo e eee ve eve cee eeeeeeeeee te.', false, 'Preface'],
		['INTERNATIONAL... 0.00.0. 0teeceeeeeeeeee ees', false, 'INTERNATIONAL'],
		['Appendix. ............ 2... cece eee eee eee eee', false, 'Appendix.'],
		['Premises.7.0 access sceeeses ss esieeas', true, 'Premises'],
		['Masses ..:', true, 'Masses'],
		['What Next?....0. 0.6.2.2 cece ee eee)', true, 'What Next?'],
		['Un bon et un mauvais écolier.….....', true, 'Un bon et un mauvais écolier'],
	])('finds where the leader begins in %j', (title, pageAfter, kept) => {
		expect(cut(title, pageAfter)?.[0]).toBe(kept);
	});

	it.each([
		['TELEGRAM TO J. V. STALIN, NOVEMBER 13, 1920', true],
		['TELEGRAM TO J. V. STAL1N, NOVEMBER 13, 1920', true],
		['SPEECH TO MEN OF THE RED ARMY, MAY 5, 1920. <i>Newspaper Report</i>', true],
		['The first page of the manuscript, April-May 1920', true],
		['A l’Ecole? ou chez nous?', true],
		['Il nous faut travailler tous', true],
		['An Essential Condition of the success', false],
		['April - December', true],
		['THE WAR OF THE ARMS AND MEN IN THE EAST', false],
		['II. Two', true],
		['第一章 天地 😀', true],
		['Chapitre premier ٱلْكِتَاب עברית', true],
	])('finds no leader in the title %j', (title, pageAfter) => {
		expect(cut(title, pageAfter)).toBeUndefined();
	});

	it.each([
		// Verbatim from Tesseract 5 (the Russian contents of Что делать?).
		['Предисловие... ен н и: ееенн-на 2-4. . 3', 'Предисловие', '3'],
		['е) Местная и общерусская работа... -.е-ееесьека 625255 145', 'Местная и общерусская работа', '145'],
		['д) демократию,...... о... 82.', 'демократию', '82.'],
	])('reads a leader that opens with dots against the last word in %j as leader, whatever follows the dots', (line, title, page) => {
		expect(parseLine(line, 1)).toMatchObject({titleMarkup: title, page});
	});

	it.each([
		// Verbatim from Tesseract 5 (Chiriqui antiquities, rendered twice): the page is lost in the garbage.
		['Placing of relics .a.fe.a-2 access eeenuts oes cress eh cee OE', 'Placing of relics'],
		['Color ..as5 es weearee mes oes OF', 'Color'],
	])('reads a token that opens with dots after the last word of %j, and what follows it, as leader', (line, title) => {
		expect(parseLine(line, 1)).toMatchObject({titleMarkup: title, closed: true});
	});

	it('ends a title at dots against its last word where the page was lost with the leader', () => {
		expect(parseLine('Заключение...', 1)).toMatchObject({titleMarkup: 'Заключение', leader: '...', closed: true});
	});

	it('keeps words after an ellipsis in the title', () => {
		expect(gluedLeaderAt('Wait... What? And Then')).toBe(-1);
		expect(gluedLeaderAt('Wait ..What? And Then')).toBe(-1);
		expect(parseLine('Wait... What?... 12', 1)).toMatchObject({titleMarkup: 'Wait... What?', page: '12'});
		expect(parseLine('Hmm... and so on 5', 1)).toMatchObject({titleMarkup: 'Hmm... and so on'});
	});

	it('reads five digits or more as dots read as digits, never a page, year or day', () => {
		expect(leaderScore('625255')).toBeGreaterThanOrEqual(0.9);
		expect(leaderScore('1920,')).toBeLessThan(0.3);
		expect(leaderScore('16-17')).toBeLessThan(0.3);
	});

	it.each([
		['Preface', 0],
		['success', 0],
		['sceeeses', 0.9],
		['cece', 0.9],
		['eeee', 0.9],
		['SeSe', 0.8],
		['eMbrace', 0.8],
		['CONTENTS', 0],
		['Ceci', 0],
	])('scores the ASCII word %j as %d (read in one pass, as the general rules read it)', (token, score) => {
		expect(leaderScore(token)).toBe(score);
	});

	it('scores every ASCII word in one pass as the general rules do', () => {
		// Round letters and capitals most often, where the rules differ most.
		const letter = fc.constantFrom(...'eceoscauEOCSAbdgkMmxyzq');
		fc.assert(
			fc.property(fc.array(letter, {minLength: 4, maxLength: 12}), (letters) => {
				const word = letters.join('');
				expect(leaderScore(word)).toBe(scoreToken(word));
			}),
			{numRuns: 2000},
		);
	});

	it('reads the page after a leader read as letters, and the leader as leader', () => {
		expect(parseLine('Premises.7.0 access sceeeses ss esieeas 118', 1)).toMatchObject({
			titleMarkup: 'Premises',
			page: '118',
			pageStrength: 'strong',
			leader: '.7.0 access sceeeses ss esieeas ',
		});
	});

	it('ends an entry whose page was lost with its leader, so that the next entry is not glued to it', () => {
		const items = parseItems(['Preface... o.oo e eee ve eve cee eeeeeeeeee te.', 'Introduction\t17', 'The First Campaign\t21'], 1, 3, {frontMatter: false});
		expect(items.map((item) => [item.title, item.page, item.lines[0]])).toEqual([
			['Preface', undefined, 1],
			['Introduction', '17', 2],
			['The First Campaign', '21', 3],
		]);
	});
});

describe('a title that goes on past the other printing’s in leader garbage (#18)', () => {
	const pair = (a: string, b: string) => classifyPair(parseItems([a], 1, 1, {frontMatter: false})[0]!, parseItems([b], 1, 1, {frontMatter: false})[0]!);

	it('reads the tail as leader, and the lost page as the page difference it is', () => {
		expect(pair('UNIONS 2:2 Fy Sieh es ase SES AE Sar es de Coe eee AO', 'UNIONS? ...... 46').map((d) => [d.kind, d.a, d.b])).toEqual([
			['punctuation', 'UNIONS', 'UNIONS?'],
			['leaders', '2:2 Fy Sieh es ase SES AE Sar es de Coe eee AO', '......'],
			['page', '', '46'],
		]);
	});

	it('keeps a word the other printing joined (RAIL- WAY) in the title', () => {
		expect(pair('THE MOSCOW-KAZAN RAIL- WAY\t123', 'THE MOSCOW-KAZAN RAILWAY\t123').map((d) => d.kind)).toEqual(['hyphenation']);
	});
});

describe('leaderDotsFrom', () => {
	it('finds where the dots at the end of a body begin, from a space, as the pattern it replaces does', () => {
		const pattern = /(?:[ \t]+[.·…](?:[ \t]*[.·…])*|[ \t]*[.·…](?:[ \t]*[.·…]){1,})[ \t]*$/;
		const cases = ['PARTY . .', 'демократии .', 'Chapter I.', 'camps..', 'x . . y', 'Preface ......  ', 'a\t·\t·', '', '. .', 'abc'];
		for (const body of cases) {
			const match = /[.·…][ \t]*$/.test(body) ? pattern.exec(body) : null;
			expect(leaderDotsFrom(body), body).toBe(match && /\s/.test(match[0][0]!) ? match.index : -1);
		}

		expect(leaderDotsFrom('PARTY . .')).toBe(5);
		expect(leaderDotsFrom('Chapter I.')).toBe(-1);
	});
});
