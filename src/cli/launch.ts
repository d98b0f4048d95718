#!/usr/bin/env node
/**
 * The `tocdiff` command's first file (`dist/tocdiff.cjs`): it starts the command bundle
 * `dist/cli.cjs` from V8's code cache, so that a run does not compile the engine afresh (issue 5).
 *
 * Node 20 has no code cache for modules it loads itself, so the bundle is compiled here as a
 * script with the cache that `npm run build` made (`dist/cli.cjs.cache`, see scripts/bundle.mjs).
 * The cache belongs to one build: its first bytes repeat the build id on the bundle's first line,
 * and V8 refuses one made by another Node or with other flags. Without a usable cache the
 * bundle is compiled as usual; nothing else changes.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';

// A run reads each pattern a few hundred times at most: compiling every regular expression to
// machine code at once is cheaper than interpreting it first and compiling it later. Set before
// the bundle is compiled, as the cache was made with it.
setFlagsFromString('--no-regexp-tier-up');

const bundle = path.join(__dirname, 'cli.cjs');
const cacheFile = `${bundle}.cache`;
const source = readFileSync(bundle, 'utf8');
// The first line is `//build:<40 hex digits>`.
const buildId = source.slice(8, 48);

function readCache(): Buffer | undefined {
	try {
		const cache = readFileSync(cacheFile);
		return cache.subarray(0, 40).toString('latin1') === buildId ? cache.subarray(40) : undefined;
	} catch {
		return undefined;
	}
}

type Start = (argv?: readonly string[]) => Promise<void>;
type Wrapped = (module: {exports: {start?: Start}}, require: NodeJS.Require, filename: string, dirname: string, load: (specifier: string) => Promise<unknown>) => void;

const script = new Script(`(function (module, require, __filename, __dirname, __tocdiffImport) {${source}\n})`, {filename: bundle, cachedData: readCache()});
const loaded: {exports: {start?: Start}} = {exports: {}};
// ES modules (the review screen) load through this file's own `import()`, relative to the bundle.
(script.runInThisContext() as Wrapped)(loaded, require, bundle, __dirname, async (specifier) => import(pathToFileURL(path.join(__dirname, specifier)).href));

void loaded.exports.start!().then(() => {
	// `npm run build` runs the command once with this set, then keeps what V8 compiled for it.
	if (process.env['TOCDIFF_WRITE_CODE_CACHE'] === '1') writeFileSync(cacheFile, Buffer.concat([Buffer.from(buildId, 'latin1'), script.createCachedData()]));
});
