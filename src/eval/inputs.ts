/**
 * What the evaluation's families are made from (`FamilyInputs`), read once: the fixtures, the
 * paragraph family's analytical contents, the seed file, and the real-OCR cases when asked for.
 * Shared by `npm run eval` (`run.ts`) and the collation comparison (`collate.ts`).
 */
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {FamilyInputs} from './families.js';
import {loadFixtures, readFixtureText} from './fixtures.js';
import type {Mode} from './noise.js';
import {loadOcrCases, ocrCaseDirectory} from './ocr-cases.js';

/** The repository's root: `src/eval` and `dist/eval` both sit two levels below it. */
const root = fileURLToPath(new URL('../../', import.meta.url));

// Composed from the bibliographic facts (no source page): the paragraph family's title page.
const krehbielTitlePage = [
	'HOW TO LISTEN TO MUSIC',
	'',
	'HINTS AND SUGGESTIONS',
	'TO UNTAUGHT LOVERS OF THE ART',
	'',
	'BY',
	'HENRY EDWARD KREHBIEL',
	'',
	'NEW YORK',
];

export type InputOptions = {
	readonly seeds: number;
	readonly modes: readonly Mode[];
	/** Only these fixtures, layouts or case names. */
	readonly only?: readonly string[] | undefined;
	/** Whether to read the real-OCR cases (they are read only when their family runs). */
	readonly ocr: boolean;
	readonly ocrDirectory?: string | undefined;
};

export function familyInputs(options: InputOptions): FamilyInputs {
	const ocrDirectory = options.ocrDirectory ?? ocrCaseDirectory;
	return {
		fixtures: loadFixtures(),
		paragraph: {name: 'krehbiel-music', text: readFixtureText('how-to-listen-to-music-krehbiel-en.txt'), titlePage: krehbielTitlePage},
		seedFile: {
			name: 'lenin-cw31-seed',
			text: readFileSync(`${root}/samples/lenin-cw31-two-printings.txt`, 'utf8'),
			language: 'en' as const,
			runningTitle: 'V. I. LENIN',
		},
		seeds: options.seeds,
		modes: options.modes,
		...(options.only === undefined ? {} : {only: options.only}),
		ocr: options.ocr && existsSync(ocrDirectory) ? loadOcrCases(ocrDirectory) : [],
	};
}
