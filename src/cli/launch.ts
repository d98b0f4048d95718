#!/usr/bin/env node
/**
 * The `tocdiff` command's first file (`dist/tocdiff.cjs`): it starts the command bundle
 * `dist/cli.cjs`, and later the review screen's bundle `dist/tui.cjs` when the screen opens, each
 * from V8's code cache, so that a run does not compile them afresh (issue 5).
 *
 * Node 20 has no code cache for modules it loads itself, so each bundle is compiled here as a
 * script with the cache that `npm run build` made beside it (`cli.cjs.cache`, `tui.cjs.cache`; see
 * scripts/bundle.mjs). A cache belongs to one build: its first bytes repeat the build id on the
 * bundle's first line, and V8 refuses one made by another Node or with other flags. Without a
 * usable cache a bundle is compiled as usual; nothing else changes.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';

// A run reads each pattern a few hundred times at most: compiling every regular expression to
// machine code at once is cheaper than interpreting it first and compiling it later. Set before
// any bundle is compiled, as the caches were made with it.
setFlagsFromString('--no-regexp-tier-up');

/** What a bundle exports: the command's `start`, or the screen's functions and its `ready`. */
type Exports = Record<string, unknown> & {readonly ready?: () => Promise<void>};
/** The function each bundle is wrapped in; `load` is how it loads another bundle. */
type Wrapped = (module: {exports: Exports}, require: NodeJS.Require, filename: string, dirname: string, load: (name: string) => Promise<Exports>) => void;

/** Each bundle compiled in this run, so that `npm run build` can keep what V8 compiled. */
const compiled = new Map<string, {readonly script: Script; readonly buildId: string; readonly cache: 'used' | 'rejected' | 'absent'}>();

function readCache(file: string, buildId: string): Buffer | undefined {
	try {
		const cache = readFileSync(file);
		return cache.subarray(0, 40).toString('latin1') === buildId ? cache.subarray(40) : undefined;
	} catch {
		return undefined;
	}
}

/** Compile and run the bundle `dist/<name>` with its code cache; its exports. */
function load(name: string): Exports {
	const file = path.join(__dirname, name);
	const source = readFileSync(file, 'utf8');
	// The first line is `//build:<40 hex digits>`.
	const buildId = source.slice(8, 48);
	const cachedData = readCache(`${file}.cache`, buildId);
	const script = new Script(`(function (module, require, __filename, __dirname, __tocdiffLoad) {${source}\n})`, {filename: file, cachedData});
	compiled.set(name, {script, buildId, cache: cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'});
	const loaded: {exports: Exports} = {exports: {}};
	(script.runInThisContext() as Wrapped)(loaded, require, file, __dirname, loadLater);
	return loaded.exports;
}

/** A bundle loaded later in the run; resolves once it is ready (the screen's Yoga is compiled). */
async function loadLater(name: string): Promise<Exports> {
	const exports = load(name);
	await exports.ready?.();
	return exports;
}

void (load('cli.cjs')['start'] as () => Promise<void>)().then(() => {
	// `npm run build` runs the command with this naming the bundles whose caches it wants, then
	// keeps what V8 compiled for that run: the functions it ran are then compiled already.
	for (const name of process.env['TOCDIFF_WRITE_CODE_CACHE']?.split(',') ?? []) {
		const bundle = compiled.get(name);
		if (bundle) writeFileSync(path.join(__dirname, `${name}.cache`), Buffer.concat([Buffer.from(bundle.buildId, 'latin1'), bundle.script.createCachedData()]));
	}

	// For the tests and the benchmark: whether each bundle started from its cache.
	if (process.env['TOCDIFF_REPORT_CODE_CACHE'] === '1') for (const [name, {cache}] of compiled) process.stderr.write(`code cache ${name}: ${cache}\n`);
});
