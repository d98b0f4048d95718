import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import type {LineTruth, OcrPrinting} from '../../src/eval/ocr-case.js';
import {loadOcrCases, type LoadedOcrCase} from '../../src/eval/ocr-cases.js';

const cases = loadOcrCases();

/** The lines of a text that ends with a newline. */
function linesOf(text: string): string[] {
	expect(text.endsWith('\n')).toBe(true);
	return text.slice(0, -1).split('\n');
}

/** How often each non-space character occurs. */
function characterCounts(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const ch of text.replaceAll(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	return counts;
}

/** The text of each line of an hOCR page: its words joined by spaces. */
function hocrLineTexts(hocr: string): string[] {
	const lines = hocr.split(/<span class='ocr_(?:line|header|caption|textfloat)'/u).slice(1);
	return lines.map((line) =>
		[...line.matchAll(/<span class='ocrx_word'[^>]*>([^<]*)<\/span>/gu)]
			.map((word) => word[1]!.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'"))
			.join(' '),
	);
}

function isLineTruth(value: LineTruth, entries: number): boolean {
	return value === null || value === 'front' || value === 'furniture' || (Number.isInteger(value) && value >= 0 && value < entries);
}

function textOf(item: LoadedOcrCase, printing: OcrPrinting): string {
	return printing === item.printings[0] ? item.texts.a : item.texts.b;
}

describe('the real-OCR cases', () => {
	it('are there: 25 or more, in English, French, Dutch and Russian', () => {
		expect(cases.length).toBeGreaterThanOrEqual(25);
		expect(new Set(cases.map((item) => item.language))).toEqual(new Set(['en', 'fr', 'nl', 'ru']));
		for (const language of ['fr', 'nl', 'ru']) expect(cases.filter((item) => item.language === language).length).toBeGreaterThanOrEqual(2);
	});

	it('have at least two cases for every source page, and the same entries in every case of a page', () => {
		const bySource = new Map<string, LoadedOcrCase[]>();
		for (const item of cases) bySource.set(item.source, [...(bySource.get(item.source) ?? []), item]);
		for (const [source, group] of bySource) {
			expect(group.length, source).toBeGreaterThanOrEqual(2);
			for (const item of group) expect(item.entries, item.name).toEqual(group[0]!.entries);
		}
	});

	it('commit Tesseract’s hOCR and ALTO for the first case of every source page', () => {
		const withOutputs = cases.filter((item) => item.printings.every((printing) => printing.images?.every((image) => image.hocr !== undefined)));
		expect(new Set(withOutputs.map((item) => item.source))).toEqual(new Set(cases.map((item) => item.source)));
	});

	it('hold back a non-empty part of them, chosen by source page', () => {
		const held = new Set(cases.filter((item) => item.heldOut).map((item) => item.source));
		const tuning = new Set(cases.filter((item) => !item.heldOut).map((item) => item.source));
		expect(held.size).toBeGreaterThan(0);
		expect(tuning.size).toBeGreaterThan(0);
		expect([...held].filter((source) => tuning.has(source))).toEqual([]);
		const share = cases.filter((item) => item.heldOut).length / cases.length;
		expect(share).toBeGreaterThan(0.2);
		expect(share).toBeLessThan(0.45);
	});

	describe.each(cases.map((item) => [item.name, item] as const))('%s', (_name, item) => {
		it('names its folder and a source page that exists', () => {
			expect(path.basename(item.directory)).toBe(item.name);
			expect(existsSync(path.join(item.directory, '../../../../..', item.source))).toBe(true);
			expect(item.entries.length).toBeGreaterThan(0);
			for (const entry of item.entries) {
				expect(typeof entry.title).toBe('string');
				expect(entry.label === undefined || entry.label.length > 0).toBe(true);
				expect(entry.page === undefined || entry.page.length > 0).toBe(true);
			}
		});

		it.each([0, 1])('printing %i has a truth for every line of its text, and blank lines are nothing', (k) => {
			const printing = item.printings[k]!;
			const lines = linesOf(textOf(item, printing));
			expect(printing.lines.length).toBe(lines.length);
			printing.lines.forEach((truth, index) => {
				expect(isLineTruth(truth, item.entries.length), `line ${index + 1}: ${String(truth)}`).toBe(true);
				if (lines[index]!.trim() === '') expect(truth, `line ${index + 1} is blank`).toBeNull();
			});
			// Every printing reads most of its page: a case whose text lost its entries has rotted.
			const read = new Set(printing.lines.filter((truth) => typeof truth === 'number'));
			expect(read.size).toBeGreaterThan(item.entries.length * 0.6);
			expect(printing.lines.filter((truth) => truth === 'front').length).toBeGreaterThan(0);
		});

		it.each([0, 1])('printing %i reads each entry from the lines mapped to it, and nothing without them', (k) => {
			const printing = item.printings[k]!;
			const lines = linesOf(textOf(item, printing));
			expect(printing.readings.length).toBe(item.entries.length);
			printing.readings.forEach((reading, index) => {
				const own = lines.filter((_line, at) => printing.lines[at] === index);
				if (reading === null) {
					expect(own, `entry ${index} has lines but no reading`).toEqual([]);
					return;
				}

				expect(own.length, `entry ${index} has a reading but no lines`).toBeGreaterThan(0);
				// Every character the reading holds is a character of those lines.
				const available = characterCounts(own.join('\n'));
				const used = characterCounts(reading.label + reading.title + reading.page);
				for (const [ch, count] of used) expect(count, `entry ${index}: “${ch}” in ${JSON.stringify(reading)}`).toBeLessThanOrEqual(available.get(ch) ?? 0);
				for (const field of [reading.label, reading.title, reading.page]) expect(field).toBe(field.replaceAll(/\s+/gu, ' ').trim());
			});
		});

		it.each([0, 1])('printing %i names its images, and each committed hOCR reads the lines of its image', (k) => {
			const printing = item.printings[k]!;
			const lines = linesOf(textOf(item, printing));
			const images = printing.images ?? [];
			expect(images.length).toBeGreaterThan(0);
			expect(images[0]!.firstLine).toBe(1);
			for (const [index, image] of images.entries()) {
				const end = images[index + 1] === undefined ? lines.length + 1 : images[index + 1]!.firstLine - 1;
				expect(end).toBeGreaterThanOrEqual(image.firstLine);
				// A blank line separates one image's text from the next.
				if (images[index + 1] !== undefined) expect(lines[end - 1]).toBe('');
				expect(image.alto === undefined).toBe(image.hocr === undefined);
				if (image.hocr === undefined || image.alto === undefined) continue;
				const hocr = readFileSync(path.join(item.directory, image.hocr), 'utf8');
				const own = lines.slice(image.firstLine - 1, images[index + 1] === undefined ? undefined : end - 1);
				expect(hocrLineTexts(hocr)).toEqual(own.filter((line) => line.trim() !== ''));
				expect(readFileSync(path.join(item.directory, image.alto), 'utf8')).toContain('<alto');
			}
		});

		it('puts both printings in one file, with the boundary at B’s first line', () => {
			expect(item.texts.both).toBe(`${item.texts.a}\n${item.texts.b}`);
			const both = linesOf(item.texts.both);
			const a = linesOf(item.texts.a);
			const b = linesOf(item.texts.b);
			expect(item.oneFile.boundary).toBe(a.length + 2);
			expect(both[item.oneFile.boundary - 2]).toBe('');
			expect(both.slice(item.oneFile.boundary - 1)).toEqual(b);
			expect(both[item.oneFile.boundary - 1]!.trim()).not.toBe('');
		});
	});
});
