/**
 * tocdiff's programmatic API: compare two printings of a contents page.
 *
 * @example
 * import {compare} from 'tocdiff';
 * const result = compare([{name: 'vol31.txt', text}]);
 * for (const row of result.rows) if (row.status !== 'same') console.log(row.differences);
 */
export type * from './types.js';
export {assertNever, severities} from './types.js';
export type {Decision, DecisionFile, DecisionMatch, PrintingLetter, Verdict} from './decisions.js';
export {chosenPrinting, decidedReading, itemAt, matchDecisions, printingLetters, rowKeys} from './decisions.js';
export type {CompareOptions, Source} from './compare.js';
export {compare, CompareError, splitLines} from './compare.js';
export {summarize} from './summary.js';
export type {ComparisonParts} from './meaning.js';
export {checksByRow, describeComparison, describeRows, openDifferences, truncationsOf} from './meaning.js';
