/**
 * The seed comparison and its report contexts, shared by the golden and round-trip tests.
 */
import {compare, matchDecisions, type Comparison} from '../../src/core/index.js';
import {noDecisions, type ReportContext} from '../../src/report/context.js';
import {readSeedDecisions, seedName, seedText} from './fixtures.js';

/** The seed's sources, as the CLI passes them. */
export const seedSources = [{name: seedName, text: seedText}] as const;

/** The seed's comparison, by the real engine. */
export const seed: Comparison = compare(seedSources);

/** The context with no decisions file. */
export const undecided: ReportContext = {decisions: noDecisions, sources: seedSources};

/** The context with the decisions fixture applied. */
export const decided: ReportContext = {decisions: matchDecisions(seed.rows, readSeedDecisions()), sources: seedSources};
