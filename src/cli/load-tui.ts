/**
 * Load the review screen's module (Ink, React, Yoga) when the screen opens. A seam for the
 * bundle: in `dist/cli.cjs` this module is replaced by a call to the launcher's `load`, since a
 * script compiled with a code cache cannot import ES modules itself on Node 20 (scripts/bundle.mjs).
 */
export async function loadTui(): Promise<typeof import('../tui/run.js')> {
	return import('../tui/run.js');
}
