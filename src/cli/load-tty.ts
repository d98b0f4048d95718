/**
 * Load node:tty when a terminal must be recognised: it brings node:net and the streams with it
 * (~3 ms), which a `--format json` run never needs (issue 5). A seam for the bundle: in
 * `dist/cli.cjs` this module is replaced by the bundle's own `require`, which spares the run
 * node:module and the ES module loader it brings (~1 ms; scripts/bundle.mjs).
 */
import {createRequire} from 'node:module';

export function loadTty(): typeof import('node:tty') {
	return createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
}
