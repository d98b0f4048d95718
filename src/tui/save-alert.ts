/**
 * The words of the line a failed save keeps on screen, shared by the view that draws it and the
 * layout that makes room for it (one line, or two where one does not hold it).
 */
import {keyFor} from './keymap.js';
import {wrappedLines} from './layout.js';
import {unsavedGlyph} from './theme.js';

/** `1 decision` / `3 decisions`. */
export function decisionCount(count: number): string {
	return count === 1 ? '1 decision' : `${count} decisions`;
}

/**
 * What a failed save means for the reviewer: how many decisions wait (their rows carry `*`),
 * which file and why, and the ways out.
 *
 * @example saveAlertText('vol31.txt.tocdiff.json: the disk is full', 2)
 * // '⚠ 2 decisions not saved (*): vol31.txt.tocdiff.json: the disk is full. Each new decision tries again; w saves them to another file.'
 */
export function saveAlertText(saveError: string, unsaved: number): string {
	const waiting = unsaved === 0 ? 'Not saved' : `${decisionCount(unsaved)} not saved (${unsavedGlyph})`;
	return `⚠ ${waiting}: ${saveError}. Each new decision tries again; ${keyFor('save-as-start')} saves them to another file.`;
}

/** Lines the alert takes at `columns`: none without a failed save, else one or two. */
export function saveAlertLines(saveError: string | undefined, unsaved: number, columns: number): number {
	if (saveError === undefined) return 0;
	return Math.min(2, wrappedLines(saveAlertText(saveError, unsaved), columns));
}
