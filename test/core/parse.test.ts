import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {itemLine, pageNumber, parseItems, parseLine, parsePrinting, stripMarkup} from '../../src/core/parse.js';

const items = (text: string) => {
	const lines = text.split('\n');
	return parseItems(lines, 1, lines.length);
};

const printing = (text: string) => {
	const lines = text.split('\n');
	return parsePrinting(lines, 1, lines.length);
};

describe('parseLine: numbering labels', () => {
	it.each([
		['I. In What Sense We Can Speak\t21', 'I.', {kind: 'roman', value: 1}, 'In What Sense We Can Speak'],
		['IV  The Struggle\t31', 'IV', {kind: 'roman', value: 4}, 'The Struggle'],
		['XVIII. OPERA (continued)      224', 'XVIII.', {kind: 'roman', value: 18}, 'OPERA (continued)'],
		['1. REPORT ON THE INTERNATIONAL SITUATION\t215', '1.', {kind: 'arabic', value: 1}, 'REPORT ON THE INTERNATIONAL SITUATION'],
		['12. Leadership   358-388', '12.', {kind: 'arabic', value: 12}, 'Leadership'],
		['(a) Close order    167-198', '(a)', {kind: 'letter', value: 'a'}, 'Close order'],
		['(_b_) Extended order   199-231', '(_b_)', {kind: 'letter', value: 'b'}, 'Extended order'],
		['Part One. The Beginning\t1', 'Part One.', {kind: 'word', word: 'part', value: 1}, 'The Beginning'],
		['Chapter II: Origins\t17', 'Chapter II:', {kind: 'word', word: 'chapter', value: 2}, 'Origins'],
		['CHAPTER XVII. THE END\t400', 'CHAPTER XVII.', {kind: 'word', word: 'chapter', value: 17}, 'THE END'],
		['Appendix A. Tables\t300', 'Appendix A.', {kind: 'word', word: 'appendix'}, 'Tables'],
		['Глава 3. Начало\t45', 'Глава 3.', {kind: 'word', word: 'глава', value: 3}, 'Начало'],
		['Chapitre quatre. La ville\t45', 'Chapitre quatre.', {kind: 'word', word: 'chapitre', value: 4}, 'La ville'],
		['Chapitre dix-sept — Le retour\t245', 'Chapitre dix-sept', {kind: 'word', word: 'chapitre', value: 17}, 'Le retour'],
		['Livre deuxième. Les champs\t80', 'Livre deuxième.', {kind: 'word', word: 'livre', value: 2}, 'Les champs'],
		['Teil zwei: Die Stadt\t50', 'Teil zwei:', {kind: 'word', word: 'teil', value: 2}, 'Die Stadt'],
		['Hoofdstuk vijf. De reis\t60', 'Hoofdstuk vijf.', {kind: 'word', word: 'hoofdstuk', value: 5}, 'De reis'],
		['Часть четвёртая. Осень\t70', 'Часть четвёртая.', {kind: 'word', word: 'часть', value: 4}, 'Осень'],
		['ТОМ ПЯТЫЙ\t9', 'ТОМ ПЯТЫЙ', {kind: 'word', word: 'том', value: 5}, ''],
		['Chapter Twelfth. Farewell\t300', 'Chapter Twelfth.', {kind: 'word', word: 'chapter', value: 12}, 'Farewell'],
		['П. An Essential Condition\t23', 'П.', {kind: 'roman', value: 2}, 'An Essential Condition'],
		['Il. An Essential Condition\t23', 'Il.', {kind: 'roman', value: 2}, 'An Essential Condition'],
		['1V. The Struggle\t31', '1V.', {kind: 'roman', value: 4}, 'The Struggle'],
		['V.\t117', 'V.', {kind: 'roman', value: 5}, ''],
		['1.1.1 Sources\t2', '1.1.1', {kind: 'arabic', value: 1}, 'Sources'],
		['1.2 Methods\t3', '1.2', {kind: 'arabic', value: 2}, 'Methods'],
	])('reads the label of %j', (line, label, labelValue, title) => {
		const parsed = parseLine(line, 1);
		expect(parsed).toMatchObject({label, labelValue, titleMarkup: title});
	});

	it.each([
		['Appendix\t105', 'Appendix'],
		['V. I. Lenin, May 1920\t16-17', 'V. I. Lenin, May 1920'],
		['I Was There\t5', 'I Was There'],
		['1920. A Year of Struggle\t5', '1920. A Year of Struggle'],
		['MIX AND MATCH\t7', 'MIX AND MATCH'],
		['3.5 per cent of the Vote\t7', '3.5 per cent of the Vote'],
		['2 Methods\t5', '2 Methods'],
	])('finds no label in %j', (line, title) => {
		const parsed = parseLine(line, 1);
		expect(parsed.label).toBeUndefined();
		expect(parsed.titleMarkup).toBe(title);
	});
});

describe('parseLine: pages and leaders', () => {
	it.each([
		['Preface\t13', '13', '\t'],
		['Preface    13', '13', '    '],
		['Preface . . . 13', '13', ' . . . '],
		['Preface ...... 13', '13', ' ...... '],
		['Preface……13', '13', '……'],
		['Preface … 13', '13', ' … '],
		['Preface\txi', 'xi', '\t'],
		['Introduction   VII', 'VII', '   '],
		['V. I. Lenin, May 1920\t16-17', '16-17', '\t'],
		['The Whole Book\t1—104', '1—104', '\t'],
		['BEREISDE LIEDEN                         3.', '3.', '                         '],
		['ON THE STRUGGLE WITHIN THE ITALIAN SOCIALIST PARTY . .\t377', '377', ' . .\t'],
		['          WITH THEM. . . . 109', '109', ' . . . '],
		['Preface......13', '13', '......'],
		['warning against pedants and rhapsodists.                      _Page 3_', '3', '                      _Page '],
		['The Tasks of Revolutionary Social-Democracy\t15-19\t16k', '15-19', '\t'],
		// Roman pages of any length, and decimal digits of any script (#12).
		['Preface ...... lxxxviii', 'lxxxviii', ' ...... '],
		['Introduction\tcxxxviii', 'cxxxviii', '\t'],
		['Notes    CCCLXXXVIII', 'CCCLXXXVIII', '    '],
		['مقدمة\t٤٥', '٤٥', '\t'],
		['प्रस्तावना  ४५', '४५', '  '],
		['Preface\t１３', '１３', '\t'],
	])('reads the page of %j', (line, page, leader) => {
		expect(parseLine(line, 1)).toMatchObject({page, leader});
	});

	it('keeps a date at the end of a title out of the page when a tab sets the page off', () => {
		expect(parseLine('5. SPEECH ON PARLIAMENTARIANISM, AUGUST 2\t253', 1)).toMatchObject({titleMarkup: 'SPEECH ON PARLIAMENTARIANISM, AUGUST 2', page: '253'});
	});

	it('reads a heading with no page', () => {
		expect(parseLine('ILLUSTRATIONS', 1).page).toBeUndefined();
	});

	it.each(['The Civil War  civil', 'A Mix of Things  mix', 'Ill Met  ill'])(
		'reads no page in %j, whose last word only has the letters of a Roman numeral (#12)',
		(line) => {
			expect(parseLine(line, 1).page).toBeUndefined();
		},
	);

	it.each([
		['lxxxviii', undefined],
		['٤٥', 45],
		['४५-४९', 45],
		['１３', 13],
		['216-17', 216],
	])('reads the page %j as the number %j', (page, value) => {
		expect(pageNumber(page)).toBe(value);
	});
});

describe('parseLine: what OCR makes of the edges of a line (#18)', () => {
	it.each([
		['; Geography ; 13', 'Geography', '13', ' ; ', 1],
		['___ TELEGRAM TO ARMENIA ; 13', 'TELEGRAM TO ARMENIA', '13', ' ; ', 1],
		['Human remains , ; 20-', 'Human remains', '20', ' , ; ', 1],
		['Unpainted ware - 66-', 'Unpainted ware', '66', ' - ', 1],
		['Human remains . . 20-', 'Human remains', '20', ' . . ', 1],
		['Placing of relics ...... 2)', 'Placing of relics', '2', ' ...... ', 1],
		['Storm\t21 °', 'Storm', '21', '\t', 1],
		['Storm  77 .', 'Storm', '77', '  ', 1],
		['Introduction : 3%', 'Introduction', '3', ' : ', 1],
		['Stools : 27', 'Stools', '27', ' : ', undefined],
		['’ The cemeteries ..... 16', 'The cemeteries', '16', ' ..... ', 1],
		// A year or day against the dots ends the title; the dots and what OCR made of them lead.
		['DECEMBER 25, 1920....................2..... 535 .', 'DECEMBER 25, 1920', '535', '....................2..... ', 1],
		['V. I. Lenin, May 1920..........-0.00e0ce0e eee. 16-17', 'V. I. Lenin, May 1920', '16-17', '..........-0.00e0ce0e eee. ', undefined],
		['League, October 2, 1920........0. 0.000. c eee eee 283', 'League, October 2, 1920', '283', '........0. 0.000. c eee eee ', undefined],
		// A mark between the dots and the page, and a digit after a led page, are specks.
		['Proletariat Should Consist In..............-188.', 'Proletariat Should Consist In', '188.', '..............-', undefined],
		['COMMUNIST PARTY, JULY 23............ 235 3', 'COMMUNIST PARTY, JULY 23', '235', '............ ', 1],
		['Lenin, May 1920 : 16-17 5', 'Lenin, May 1920', '16-17', ' : ', 1],
		['Rough Draft . 404 2', 'Rough Draft', '404', ' . ', 1],
		// So is a letter alone after a led page (verbatim from Tesseract 5: Что делать?, Entre nous).
		['раз «мистификаторы»............. 99 у', 'раз «мистификаторы»', '99', '............. ', 1],
		['XV. Un bon et un mauvais écolier.…..... 25 L', 'Un bon et un mauvais écolier', '25', '.…..... ', 1],
		// A dot and a colon against the word open the dots too; a lone dot between spaces leads; a
		// range takes the specks after it as a page does.
		['(b) Fire direction and control.:........5.... 402-424,', 'Fire direction and control', '402-424', '.:........5.... ', 1],
		['2. The band . 779-781', 'The band', '779-781', ' . ', undefined],
		['(c) Fire ; 232-257-', 'Fire', '232-257', ' ; ', 1],
		['XXXIX. A l’Ecole? ou chez nous?.......:74', 'A l’Ecole? ou chez nous?', '74', '.......:', undefined],
	])('reads %j as title %j and page %j, the specks and what OCR made of the dots read past', (line, title, page, leader, specks) => {
		expect(parseLine(line, 1)).toMatchObject({titleMarkup: title, page, leader, pageStrength: 'strong', ...(specks === undefined ? {} : {specks})});
	});

	it('reads a small letter alone after a page set off by one space as a speck, and the page as weak; keeps a capital', () => {
		expect(parseLine('а) Начало стихийного подъема 34 у', 1)).toMatchObject({
			titleMarkup: 'Начало стихийного подъема',
			page: '34',
			pageStrength: 'weak',
			specks: 1,
		});
		expect(parseLine('Third degree 240 i', 1)).toMatchObject({titleMarkup: 'Third degree', page: '240', specks: 1});
		const capital = parseLine('The Plates of Volume 2 A', 1);
		expect(capital.titleMarkup).toBe('The Plates of Volume 2 A');
		expect(capital.page).toBeUndefined();
	});

	it.each([
		['« Le Temps »  5', '« Le Temps »', '5'],
		['Le « Temps » ...... 5', 'Le « Temps »', '5'],
		['“The Voyage”  12', '“The Voyage”', '12'],
	])('keeps the quotation marks that %j opens and closes in its title', (line, title, page) => {
		expect(parseLine(line, 1)).toMatchObject({titleMarkup: title, page});
	});

	it('reads a quotation mark that closes nothing, or one after the page, as what a scan left', () => {
		expect(parseLine('VIIT. Paul est guéri, mais comment? . » 14', 1)).toMatchObject({titleMarkup: 'Paul est guéri, mais comment?', page: '14'});
		expect(parseLine('(d) Night operations - 558-568 «', 1)).toMatchObject({titleMarkup: 'Night operations', page: '558-568', specks: 1});
	});

	it('keeps a digit after a page set off by a tab or spaces alone, and a year before dots that are no leader', () => {
		expect(parseLine('Chapter\t12 5', 1).page).toBe('5');
		expect(parseLine('The year 1920... and after', 1).titleMarkup).toBe('The year 1920... and after');
	});

	it('reads a page set off by one space, a speck after it, as a page to be decided by the run', () => {
		expect(parseLine('Peoples 15:', 1)).toMatchObject({titleMarkup: 'Peoples', page: '15', pageStrength: 'weak', specks: 1});
		expect(parseLine('2. Orders, commands and signals 31-47 ©', 1)).toMatchObject({titleMarkup: 'Orders, commands and signals', page: '31-47', specks: 1});
		expect(parseLine('9. Withdrawal from action 531-535—', 1)).toMatchObject({titleMarkup: 'Withdrawal from action', page: '531-535', pageStrength: 'weak'});
	});

	it.each([
		['FROM THE MOSCOW-KAZAN RAIL-', 'FROM THE MOSCOW-KAZAN RAIL-'],
		['What is to be done?', 'What is to be done?'],
		['Chapter I.', ''],
		['Part I: 5', ''],
	])('leaves the marks of %j that belong to its words', (line, title) => {
		expect(parseLine(line, 1)).toMatchObject({titleMarkup: title});
		expect(parseLine(line, 1).specks).toBeUndefined();
	});

	it.each([
		['Preface ..... 1O3', '1O3', 103],
		['Preface\tl7', 'l7', 17],
		['Предисловие\tЗ5', 'З5', 35],
		['Notes\t16-l7', '16-l7', 16],
		['Notes\t17l', '17l', 17],
	])('reads the misread page of %j, printed %j, as %d', (line, printed, value) => {
		const parsed = parseLine(line, 1);
		expect(parsed.page).toBe(printed);
		expect(pageNumber(parsed.page)).toBe(value);
	});

	it('reads no page in a word that only has a look-alike (Preface So)', () => {
		expect(parseLine('Preface\tSo', 1).page).toBeUndefined();
	});
});

describe('stripMarkup', () => {
	it.each([
		['THESES ON PRODUCTION PROPAGANDA. <i>Rough Draft</i>', 'THESES ON PRODUCTION PROPAGANDA. Rough Draft', [{start: 33, end: 44}]],
		['REPLY TO MR. SEGRUE, <i>DAILY NEWS</i> CORRESPONDENT', 'REPLY TO MR. SEGRUE, DAILY NEWS CORRESPONDENT', [{start: 21, end: 31}]],
		['PART I--_Drill._', 'PART I--Drill.', [{start: 8, end: 14}]],
		['snake_case_name stays', 'snake_case_name stays', []],
		['<b>Bold</b> only', 'Bold only', []],
	])('strips %j', (markup, title, italics) => {
		expect(stripMarkup(markup)).toEqual({title, italics});
	});
});

describe('parseItems', () => {
	it('marks title-page lines before the contents heading as text', () => {
		const parsed = printing('V. I. L E N I N\n\nCOLLECTED WORKS\n\nVOLUME\n31\n\nCONTENTS\n\n\t<i>Page</i>\nPreface\t13');
		expect(parsed.items.map((i) => [i.type, i.title])).toEqual([
			['text', 'V. I. L E N I N'],
			['text', 'COLLECTED WORKS'],
			['text', 'VOLUME'],
			['text', '31'],
			['heading', 'CONTENTS'],
			['entry', 'Preface'],
		]);
		// The column head is page furniture, not an item (#12).
		expect(parsed.furniture).toEqual([{lines: [10, 10], text: '\t<i>Page</i>', kind: 'column-head'}]);
	});

	it.each([
		'     Chap.                                  Page.',
		'    CHAPTER                                                         PAGE',
		'     Cbap.                                  Page.',
		'                                      Bladz.',
	])('reads the column head %j as page furniture', (line) => {
		const parsed = printing(`${line}\nPreface\t13`);
		expect(parsed.furniture).toEqual([{lines: [1, 1], text: line, kind: 'column-head'}]);
		expect(parsed.items.map((i) => i.title)).toEqual(['Preface']);
	});

	it('does not take a speck before a line for an indent that goes on the entry above (#18)', () => {
		// Verbatim from Tesseract 5 (Chiriqui antiquities): the first line's page was read as `ital`.
		expect(items('White line group , ital\n. Lost color group 113').map((i) => i.title)).toEqual(['White line group , ital', 'Lost color group']);
		// A line set further in than its speck goes on the entry.
		expect(items('The art of the\n   : ancient potters 113').map((i) => i.title)).toEqual(['The art of the ancient potters']);
		expect(items('White line group\n   . lost color group 113').map((i) => i.title)).toEqual(['White line group lost color group']);
		// In capitals, a joining word goes on the entry, specks before it or not (Tesseract 5, MacDowell's essays).
		expect(items('7 Il. ORIGIN-OF SONG VS. ORIGIN * :\n: - OF INSTRUMENTAL MUSIC .......... 16').map((i) => i.page)).toEqual(['16']);
	});

	it('treats letter-spaced lines as text even without a contents heading', () => {
		const [first] = items('M O S C O W 1 9 6 6\nPreface\t13');
		expect(first).toMatchObject({type: 'text', title: 'M O S C O W 1 9 6 6'});
		expect(first!.page).toBeUndefined();
	});

	it.each([
		[
			'without a blank line',
			'4. TO THE INTERNATIONAL ASSOCIATION FOR INFORMATION\nOF THE LABOUR PRESS OF AMERICA, FRANCE AND\nGREAT BRITAIN. November, prior to 10 (23) 44',
		],
		[
			'with blank lines',
			'4. TO THE INTERNATIONAL ASSOCIATION FOR INFORMATION\n\nOF THE LABOUR PRESS OF AMERICA, FRANCE AND\n\nGREAT BRITAIN. November, prior to 10 (23) 44',
		],
	])('joins a wrapped entry %s into one item', (_name, text) => {
		const parsed = items(`3. AN EARLIER ENTRY\t40\n${text}\n5. A LATER ENTRY\t47`);
		expect(parsed).toHaveLength(3);
		expect(parsed[1]).toMatchObject({
			label: '4.',
			title: 'TO THE INTERNATIONAL ASSOCIATION FOR INFORMATION OF THE LABOUR PRESS OF AMERICA, FRANCE AND GREAT BRITAIN. November, prior to 10 (23)',
			page: '44',
			type: 'entry',
		});
		expect(parsed[1]!.lines[1] - parsed[1]!.lines[0]).toBe(text.split('\n').length - 1);
	});

	it('joins a right-aligned roman entry whose title runs on an indented line', () => {
		const parsed = items(
			"   IX. THE SYSTEMS OF HUCBALD AND GUIDO\n         D'AREZZO--THE BEGINNING OF COUNTERPOINT              122\n    X. MUSICAL INSTRUMENTS     132",
		);
		expect(parsed.map((i) => i.title)).toEqual(["THE SYSTEMS OF HUCBALD AND GUIDO D'AREZZO--THE BEGINNING OF COUNTERPOINT", 'MUSICAL INSTRUMENTS']);
	});

	it('keeps a line-end hyphen visible in the title (RAIL- WAY)', () => {
		expect(items('FROM THE MOSCOW-KAZAN RAIL-\nWAY TO THE ALL-RUSSIA SUBBOTNIK\t123')[0]).toMatchObject({
			title: 'FROM THE MOSCOW-KAZAN RAIL- WAY TO THE ALL-RUSSIA SUBBOTNIK',
			page: '123',
		});
	});

	it('does not glue an entry that lost its page to the next one', () => {
		const parsed = items('Preface\t1\nIntroduction\nThe Journey\t9');
		expect(parsed.map((i) => i.title)).toEqual(['Preface', 'Introduction', 'The Journey']);
	});

	it('keeps a part heading apart from the numbered entry after it', () => {
		const parsed = items(
			'                               PART II.\n\n     III. PREHISTORIC MONUMENTS AND THE SUPERSTITIONS CONNECTED\n          WITH THEM.                                                 109',
		);
		expect(parsed.map((i) => [i.type, i.label, i.lines])).toEqual([
			['heading', 'PART II.', [1, 1]],
			['entry', 'III.', [3, 4]],
		]);
	});

	it('keeps a heading between blank lines apart from the entry after it', () => {
		const parsed = items('Notes\t537\n\nILLUSTRATIONS\n\nV. I. Lenin, May 1920\t16-17');
		expect(parsed.map((i) => [i.type, i.title])).toEqual([
			['entry', 'Notes'],
			['heading', 'ILLUSTRATIONS'],
			['entry', 'V. I. Lenin, May 1920'],
		]);
	});

	it.each([
		'CONTENTS 689',
		'690 CONTENTS',
		'CONTENTS—continued xii',
		'8 CONTENTS',
		'CONTENTS ix',
		'viii CONTENTS',
		'viii        CONTENTS',
		'CONTENTS        lxxxviii',
		'CONTENTS (continued)',
		'Contents, continued',
		'ОГЛАВЛЕНИЕ 5',
		'TABLE DES MATIÈRES vii',
	])('sets the running head %j apart as page furniture, not an item (#12)', (head) => {
		const parsed = printing(`Preface\t13\n${head}\nIntroduction\t17`);
		expect(parsed.furniture).toEqual([{lines: [2, 2], text: head, kind: 'running-head'}]);
		expect(parsed.items.map((i) => [i.type, i.title])).toEqual([
			['entry', 'Preface'],
			['entry', 'Introduction'],
		]);
	});

	it('keeps an entry of the contents called Contents, with its page after a tab (#12)', () => {
		expect(printing('Preface\tv\nContents\tvii\nIntroduction\t1').items.map((i) => [i.title, i.page])).toEqual([
			['Preface', 'v'],
			['Contents', 'vii'],
			['Introduction', '1'],
		]);
	});

	it('sets a contents heading repeated after some entries apart: a running head without its folio (#12)', () => {
		const parsed = printing('CONTENTS\nPreface\t13\nOrigins\t15\nThe Quarrel\t16\n\nCONTENTS\n\nIntroduction\t17');
		expect(parsed.items.map((i) => [i.type, i.title])).toEqual([
			['heading', 'CONTENTS'],
			['entry', 'Preface'],
			['entry', 'Origins'],
			['entry', 'The Quarrel'],
			['entry', 'Introduction'],
		]);
		expect(parsed.furniture.map((f) => f.lines[0])).toEqual([6]);
		// After one entry only (an entry a printing moved to the top), it is the heading itself.
		expect(printing('Preface\t13\nCONTENTS\nOrigins\t15').items.map((i) => i.type)).toEqual(['entry', 'heading', 'entry']);
	});

	it('joins a wrapped entry across a page break, its running head and the blank lines around it (#12)', () => {
		const parsed = printing('Preface\t13\nThe Long History of the Quarrel between the\n\nviii CONTENTS\n\nTwo Houses of the North\t17\nIndex\t40');
		expect(parsed.items.map((i) => [i.title, i.page, i.lines])).toEqual([
			['Preface', '13', [1, 1]],
			['The Long History of the Quarrel between the Two Houses of the North', '17', [2, 6]],
			['Index', '40', [7, 7]],
		]);
		expect(parsed.furniture).toEqual([{lines: [4, 4], text: 'viii CONTENTS', kind: 'running-head'}]);
	});

	it('takes a bare number that fits the run of pages for the page of the line before it (#12)', () => {
		const parsed = printing('Preface\t13\nThe Second Chapter\n17\nIndex\t40');
		expect(parsed.items.map((i) => [i.title, i.page, i.lines])).toEqual([
			['Preface', '13', [1, 1]],
			['The Second Chapter', '17', [2, 3]],
			['Index', '40', [4, 4]],
		]);
		expect(parsed.furniture).toEqual([]);
	});

	it('sets a bare number that does not fit the run apart as the contents page’s folio (#12)', () => {
		const parsed = printing('Preface\t13\nThe Second Chapter\t17\n\n8\n\nThe Third Chapter\t25\nIndex\t40');
		expect(parsed.items.map((i) => i.title)).toEqual(['Preface', 'The Second Chapter', 'The Third Chapter', 'Index']);
		expect(parsed.furniture).toEqual([{lines: [4, 4], text: '8', kind: 'folio'}]);
	});

	it('keeps a year alone on its line as a heading of its own, never part of the next entry (#12)', () => {
		const parsed = printing(
			'CONTENTS\n1914\n    The War and Russian Social-Democracy\t15-19\n1915\n    The Conference of the R.S.D.L.P. Groups Abroad\t158-164',
		);
		expect(parsed.items.map((i) => [i.type, i.title, i.page])).toEqual([
			['heading', 'CONTENTS', undefined],
			['heading', '1914', undefined],
			['entry', 'The War and Russian Social-Democracy', '15-19'],
			['heading', '1915', undefined],
			['entry', 'The Conference of the R.S.D.L.P. Groups Abroad', '158-164'],
		]);
	});

	it('reads a page set off by one space when it fits the run of pages', () => {
		const parsed = items('Preface\t1\nThe Journey Home 9\nThe End\t20');
		expect(parsed[1]).toMatchObject({title: 'The Journey Home', page: '9'});
	});

	it('reads a misread page set off by one space as the page when the close run around it shows the misreading (#18)', () => {
		const parsed = items('La Cuisine 25\nLa Chanson du petit Pierre 07\nLe Thé 29\nLes Moineaux 31');
		expect(parsed[1]).toMatchObject({title: 'La Chanson du petit Pierre', page: '07'});
		const added = items('THE INDIAN ASSOCIATION 137\nTO THE REVOLUTIONARY ASSOCIATION 2138\nLETTER TO THE BRITISH WORKERS 139');
		expect(added[1]).toMatchObject({page: '2138'});
	});

	it('reads a digit alone after a page set off by one space as a speck, where the number before it fits the run and the digit does not (#18)', () => {
		// Verbatim from Tesseract 5 (Lenin, CW 31).
		const parsed = items('Preface\t420\nConcluding Remarks 435 7\nIndex\t440');
		expect(parsed[1]).toMatchObject({title: 'Concluding Remarks', page: '435'});
		// A year, or a digit that fits itself, stays as it was.
		expect(items('Preface\t1\nOn Art, 1920 7\nIndex\t440')[1]).toMatchObject({title: 'On Art, 1920', page: '7'});
		expect(items('Preface\t420\nJULY 1920 7\nIndex\t440')[1]).toMatchObject({title: 'JULY 1920 7'});
	});

	it('reads a number after a month’s name as a page where it can be no day and no year (#18)', () => {
		// Verbatim from Tesseract 5 (Infantry Drill Regulations).
		const parsed = items(
			'1. Marches : 623-660\n(a) Training and discipline 623-635\n(b) Protection of the march 636-660\nSpeech of JULY 19\nSpeech, MARCH 1920\n2. Camps : 661-707',
		);
		expect(parsed.map((item) => [item.title, item.page])).toEqual([
			['Marches', '623-660'],
			['Training and discipline', '623-635'],
			['Protection of the march', '636-660'],
			['Speech of JULY 19', undefined],
			['Speech, MARCH 1920', undefined],
			['Camps', '661-707'],
		]);
	});

	it('reads pages set off by one space after a misread strong page that the pages on both sides leave out of their order (#18)', () => {
		// `22` for `202` (set off by a mark: strong) would bar every weak page up to the next strong one.
		const parsed = items(
			'ON THE BRITISH WORKERS : 185\nTHE COMMUNIST INTERNATIONAL 197\nPARTY OF BRITAIN : 22 :\nTELEGRAM TO STALIN 205\nTHE SOUTHERN FRONT 339\nA NOTE ON THE DICTATORSHIP 340\nTHE LAST ENTRY : 400',
		);
		expect(parsed.map((item) => item.page)).toEqual(['185', '197', '22', '205', '339', '340', '400']);
		// A numbering that starts again (a second part) is no misread page: the run on its two sides is out of order itself.
		const restart = items('Part One\nThe Start : 10\nThe Middle 12\nThe End : 30\nPart Two\nThe Return : 1\nThe Journey 1812\nHome : 9');
		expect(restart.find((item) => item.title.startsWith('The Journey'))).toMatchObject({title: 'The Journey 1812'});
	});

	it('reads a page with a hyphen stuck to it after one space as the page where it fits the run, and as a range where the next line goes on from it (#18)', () => {
		const parsed = items('Geography\t53\nMaterial 55-\nManufacture\t56');
		expect(parsed.map((item) => [item.title, item.page])).toEqual([
			['Geography', '53'],
			['Material', '55'],
			['Manufacture', '56'],
		]);
		expect(items('The Peace\t40\nTHE WAR OF 1914-\n1918\t45\nIndex\t50')[1]).toMatchObject({title: 'THE WAR OF 1914- 1918', page: '45'});
	});

	it('joins a wrapped entry whose first line had specks before it: they do not indent it (#18)', () => {
		// Verbatim from Tesseract 5 (Lenin, Collected Works 31).
		const parsed = items(
			'Notes\t510\n: 5. DRAFT RESOLUTION OF THE :\n“EIGHTH CONGRESS OF SOVIETS\nON THE REPORT ON\nELECTRIFICATION..................... 532\nIndex\t540',
		);
		expect(parsed[1]).toMatchObject({label: '5.', page: '532', lines: [2, 5]});
	});

	it('keeps a number far from every page of the run in the title', () => {
		const parsed = items('The Causes\t25\nThe War of 1812\nThe Peace\t29');
		expect(parsed[1]).toMatchObject({title: 'The War of 1812'});
		expect(parsed[1]!.page).toBeUndefined();
	});

	it('reads a mark alone between a title and its page as leader', () => {
		expect(items('Les Moineaux © 53\nLe Thé 58')[0]).toMatchObject({title: 'Les Moineaux', page: '53'});
		expect(items('4. School of the squad _ 101-158')[0]).toMatchObject({title: 'School of the squad', page: '101-158'});
	});

	it('reads an entry whose page column is empty as a whole entry, not the start of a wrapped one', () => {
		const parsed = items(
			'A Note That Runs Long Enough To Look Like A Wrapped Title Line Of The Table\nComments on Accumulation of Capital (special translation)\t\t96k\nThe Three Sources of Marxism\t20-28\t13k',
		);
		expect(parsed.map((i) => [i.type, i.lines[0], i.page])).toEqual([
			['heading', 1, undefined],
			['entry', 2, undefined],
			['entry', 3, '20-28'],
		]);
	});

	it('does not join an indented sub-entry without a page to the entry set further left after it', () => {
		const parsed = items(
			'Socialism and War\t295-330\n    ¶ 4 The History of the Split and the Present State of Social-Democracy in Russia\nOn the Slogan for a United States of Europe\t339-343\n    A wrapped sub-entry whose title runs on to\n    a second line\t350',
		);
		expect(parsed.map((i) => [i.lines, i.page])).toEqual([
			[[1, 1], '295-330'],
			[[2, 2], undefined],
			[[3, 3], '339-343'],
			[[4, 5], '350'],
		]);
	});

	it('keeps a part or book heading apart from the entries it heads', () => {
		const shape = (text: string) => items(text).map((i) => [i.lines, i.label ?? '', i.title, i.type]);
		expect(shape('Preface\t1\n\nPART ONE\n\nChildhood\t3\nSchool\t5')).toEqual([
			[[1, 1], '', 'Preface', 'entry'],
			[[3, 3], 'PART ONE', '', 'heading'],
			[[5, 5], '', 'Childhood', 'entry'],
			[[6, 6], '', 'School', 'entry'],
		]);
		expect(shape('BOOK ONE\nIntroduction\t1\nThe Early Years\t5')[0]).toEqual([[1, 1], 'BOOK ONE', '', 'heading']);
		// A part whose title, with its page, runs on the next line, before numbered chapters: one item.
		expect(shape('PART I.\nTHE FOUNDATIONS\t3\nCHAPTER I. Origins\t5')[0]).toEqual([[1, 2], 'PART I.', 'THE FOUNDATIONS', 'entry']);
		// A chapter's label on its own line still takes the title that follows.
		expect(shape('CHAPTER I.\n\nThe Beginning\t3\nCHAPTER II.\n\nThe End\t9')[0]).toEqual([[1, 3], 'CHAPTER I.', 'The Beginning', 'entry']);
	});

	it("reads one leader dot set off by spaces before the page as leader, and a full stop against a word as the title's", () => {
		expect(items('II. Стихийность масс и сознательность социал-демократии . 31')[0]).toMatchObject({
			title: 'Стихийность масс и сознательность социал-демократии',
			page: '31',
		});
		expect(items('Should Consist In.\t188')[0]).toMatchObject({title: 'Should Consist In.', page: '188'});
	});

	it('keeps the number after Volume in the title', () => {
		expect(items('Lenin Collected Works: Volume 19\nPreface\t20')[0]).toMatchObject({title: 'Lenin Collected Works: Volume 19', type: 'heading'});
	});

	it('does not read a date as a page', () => {
		const parsed = items('Preface\t1\nSPEECH DELIVERED ON JULY 19\nThe End\t20');
		expect(parsed[1]).toMatchObject({title: 'SPEECH DELIVERED ON JULY 19'});
		expect(parsed[1]!.page).toBeUndefined();
	});
});

// The keyword patterns match case-insensitively without the `u` flag (cheaper to compile, #5):
// upper, lower and mixed case must still match in every script they list.
describe('parseLine: headings and column heads in any case', () => {
	it.each([
		'CONTENTS',
		'contents',
		'Table of Contents',
		'TABLE DES MATIÈRES',
		'table des matières',
		'Inhaltsverzeichnis',
		'СОДЕРЖАНИЕ',
		'Содержание',
		'ОГЛАВЛЕНИЕ',
		'оглавление',
		'ÍNDICE',
	])('%j is a contents heading', (line) => {
		expect(parseLine(line, 1).role).toBe('contents-heading');
	});

	it.each(['; _ TABLE OF CONTENTS 3 xi', 'TABLE OF CONTENTS xvii.', 'x “TABLE OF CONTENTS', 'i, TABLE OF CONTENTS vii', 'TABLEOFCONTENTS xii'])(
		'%j, the heading with a folio and a scan’s marks beside it, is a running head (#18)',
		(line) => {
			expect(parseLine(line, 1).role).toBe('running-head');
		},
	);

	it.each(['THE CONTENTS OF THE BOX 45', 'CONTENTS OF THE ARK 12', 'TABLE OF CONTENTS a”'])('%j is no running head', (line) => {
		expect(parseLine(line, 1).role).not.toBe('running-head');
	});

	it.each([
		'Page',
		'PAGE',
		'B Page',
		'pp.',
		'CHAP.  PAGE',
		'Bladz.',
		'СТР.',
		'Стр.',
		'СТРАНИЦА',
		'Cbap.      Page.',
		'Глава  СТР',
		'CHAP. . PAGE .',
		'CHAP. : PAGE',
	])('%j is a column head', (line) => {
		expect(parseLine(line, 1).role).toBe('column-head');
	});

	it.each([
		['ГЛАВА 3. Начало\t45', {kind: 'word', word: 'глава', value: 3}],
		['глава 3. Начало\t45', {kind: 'word', word: 'глава', value: 3}],
		['chapter II: Origins\t17', {kind: 'word', word: 'chapter', value: 2}],
		['(Б) Второе\t9', {kind: 'letter', value: 'б'}],
	])('reads the label of %j whatever its case', (line, labelValue) => {
		expect(parseLine(line, 1).labelValue).toEqual(labelValue);
	});
});

describe('stripMarkup against its one-pattern form', () => {
	// The form before #5 split the pattern: one expression for tags and underscores alike.
	const otherTag = /<\/?(?:b|strong|u|sup|sub|span|small|sc)(?:\s[^>]*)?>/gi;
	const combined = /<(i|em)>((?:(?!<\/?(?:i|em)>).)*?)<\/\1>|(?<![\p{L}\p{N}])_(?=\S)([^_]+?)_(?![\p{L}\p{N}])/gisu;
	function oracle(markup: string): {title: string; italics: Array<{start: number; end: number}>} {
		const italics: Array<{start: number; end: number}> = [];
		let title = '';
		let last = 0;
		const source = markup.replaceAll(otherTag, '');
		for (const match of source.matchAll(combined)) {
			title += source.slice(last, match.index);
			const inner = match[2] ?? match[3] ?? '';
			italics.push({start: title.length, end: title.length + inner.length});
			title += inner;
			last = match.index + match[0].length;
		}

		return {title: title + source.slice(last), italics};
	}

	it('reads any markup as the single pattern did', () => {
		const parts = fc.constantFrom('<i>', '</i>', '<I>', '</EM>', '<em>', '</em>', '<b>', '</b>', '_', 'a', ' ', 'Ж', '😀', '\n', 'x_y');
		fc.assert(
			fc.property(fc.array(parts, {maxLength: 16}), (pieces) => {
				const markup = pieces.join('');
				expect(stripMarkup(markup)).toEqual(oracle(markup));
			}),
			{numRuns: 3000},
		);
	});
});

describe('itemLine', () => {
	it.each([
		['II. An Essential Condition\t23', 'II. An Essential Condition  23'],
		['V.\t117', 'V.  117'],
		['Chapitre trois ........ 9', 'Chapitre trois  9'],
		['Preface', 'Preface'],
	])('writes %j as %j', (line, expected) => {
		expect(itemLine(items(line)[0]!)).toBe(expected);
	});
});
