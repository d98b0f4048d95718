/**
 * The evaluation's fixtures: real contents pages in `test/fixtures/eval/`, listed with their
 * language and title page in `fixtures.json` (sources cited in that folder's `SOURCES.md`).
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {ContentsPage, Language} from './noise.js';

/** A fixture: a contents page and a word on what it exercises. */
export type Fixture = ContentsPage & {
	readonly file: string;
	readonly features: string;
	/** The book's short title as a running head carries it (`GUERNSEY FOLK LORE`); composed, like the title page. */
	readonly runningTitle?: string;
};

type Manifest = {
	readonly fixtures: ReadonlyArray<{
		readonly name: string;
		readonly file: string;
		readonly language: Language;
		readonly features: string;
		readonly titlePage?: readonly string[];
		readonly titlePageExtra?: readonly string[];
		readonly runningTitle?: string;
	}>;
};

/** The fixture folder; `src/eval` and `dist/eval` both sit two levels below the repository root. */
export const fixtureDirectory = fileURLToPath(new URL('../../test/fixtures/eval/', import.meta.url));

/**
 * Read a text fixture of the folder by its file name (line ends made `\n`).
 *
 * @default directory `test/fixtures/eval/` of this repository
 */
export function readFixtureText(file: string, directory: string = fixtureDirectory): string {
	return readFileSync(`${directory}/${file}`, 'utf8').replace(/\r\n?/gu, '\n');
}

/**
 * Read every fixture listed in `fixtures.json`.
 *
 * @default directory `test/fixtures/eval/` of this repository
 */
export function loadFixtures(directory: string = fixtureDirectory): Fixture[] {
	const manifest = JSON.parse(readFileSync(`${directory}/fixtures.json`, 'utf8')) as Manifest;
	return manifest.fixtures.map((entry) => ({
		...entry,
		text: readFileSync(`${directory}/${entry.file}`, 'utf8').replace(/\r\n?/gu, '\n'),
	}));
}
