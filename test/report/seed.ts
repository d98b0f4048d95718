/**
 * The seed comparison and its report contexts, shared by the golden and round-trip tests.
 */
import {dictionaryFor} from '../../src/cli/words.js';
import {compare, matchDecisions, type Comparison} from '../../src/core/index.js';
import {noDecisions, type ReportContext} from '../../src/report/context.js';
import {readSeedDecisions, repaginatedText, seedName, seedText} from './fixtures.js';

/** The seed's sources, as the CLI passes them. */
export const seedSources = [{name: seedName, text: seedText}] as const;

/** The seed's comparison, by the real engine. */
// With the dictionaries the CLI uses (dist/words, made by `npm run build`), as the CLI compares.
export const seed: Comparison = compare(seedSources, {dictionary: dictionaryFor});

/** The context with no decisions file. */
export const undecided: ReportContext = {decisions: noDecisions, sources: seedSources};

/** The context with the decisions fixture applied. */
export const decided: ReportContext = {decisions: matchDecisions(seed.rows, readSeedDecisions()), sources: seedSources};

/** The seed with a repaginated second printing and three errors in the first (see fixtures/checks/README.md). */
export const repaginatedSources = [{name: 'test/fixtures/checks/lenin-cw31-repaginated.txt', text: repaginatedText}] as const;

/** The repaginated seed's comparison, by the real engine. */
export const repaginated: Comparison = compare(repaginatedSources, {dictionary: dictionaryFor});

/** The repaginated seed with no decisions. */
export const repaginatedContext: ReportContext = {decisions: noDecisions, sources: repaginatedSources};
