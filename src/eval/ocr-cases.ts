/**
 * Load the real-OCR cases committed under `test/fixtures/eval/ocr/` (one folder per case, each with
 * a `truth.json` of the shape `OcrCase`, made by `scripts/ocr-cases/make.mjs`), with their texts.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {OcrCase} from './ocr-case.js';

/** A case with its three texts: printing A, printing B, and both in one file. */
export type LoadedOcrCase = OcrCase & {
	/** The case's folder. */
	readonly directory: string;
	readonly texts: {readonly a: string; readonly b: string; readonly both: string};
};

/** The folder of the real-OCR cases; `src/eval` and `dist/eval` both sit two levels below the repository root. */
export const ocrCaseDirectory = fileURLToPath(new URL('../../test/fixtures/eval/ocr/', import.meta.url));

/**
 * Read every case (each sub-folder holding a `truth.json`), in name order.
 *
 * @default directory `test/fixtures/eval/ocr/` of this repository
 * @example
 * const cases = loadOcrCases();
 * const tuning = cases.filter((item) => !item.heldOut);
 */
export function loadOcrCases(directory: string = ocrCaseDirectory): LoadedOcrCase[] {
	const names = readdirSync(directory, {withFileTypes: true})
		.filter((entry) => entry.isDirectory() && existsSync(path.join(directory, entry.name, 'truth.json')))
		.map((entry) => entry.name)
		.sort();
	return names.map((name) => {
		const folder = path.join(directory, name);
		const truth = JSON.parse(readFileSync(path.join(folder, 'truth.json'), 'utf8')) as OcrCase;
		const read = (file: string): string => readFileSync(path.join(folder, file), 'utf8');
		return {
			...truth,
			directory: folder,
			texts: {a: read(truth.printings[0].file), b: read(truth.printings[1].file), both: read(truth.oneFile.file)},
		};
	});
}
