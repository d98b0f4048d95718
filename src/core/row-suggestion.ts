/**
 * The suggestion for a whole row, apart from the engine that makes suggestions: the review screen
 * needs only this, and importing the engine would put it in the screen's chunk too.
 */
import type {RowDraft, Suggestion} from './types.js';

/**
 * The levels at which the review screen's `y` accepts row suggestions, the first its default
 * (`Y` steps down through them); the evaluation counts what `y` decides at the first.
 */
export const acceptLevels = [0.9, 0.8, 0.7, 0.6] as const;

/**
 * The suggestion for a whole row, which a reviewer can accept as one decision: the reading that
 * every suggestion on the row agrees on, as sure as the least sure of them. None when a
 * difference's evidence is even or points the other way (accepting would then choose without
 * evidence), or when no difference carries a suggestion.
 */
export function rowSuggestion(row: RowDraft): Suggestion | undefined {
	const suggestions = row.differences.flatMap((difference) => (difference.suggestion === undefined ? [] : [difference.suggestion]));
	const [first] = suggestions;
	if (first?.reading === undefined || first.reading === null) return undefined;
	if (suggestions.some((suggestion) => suggestion.reading !== first.reading)) return undefined;
	return {
		reading: first.reading,
		confidence: Math.min(...suggestions.map((suggestion) => suggestion.confidence)),
		why: [...new Set(suggestions.map((suggestion) => suggestion.why))].join('; '),
	};
}
