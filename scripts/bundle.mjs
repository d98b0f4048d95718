/**
 * Bundle the command for an instant start (issue 5). Run after `tsc`: `npm run build` does both.
 *
 * - `dist/tocdiff.cjs`, the `bin`: a small launcher (src/cli/launch.ts).
 * - `dist/cli.cjs`: everything but the review screen in one CommonJS file, and `dist/tui.cjs`:
 *   the review screen (Ink, React, Yoga), which the command loads only when the screen opens.
 *   The launcher compiles each with V8's code cache (`cli.cjs.cache`, `tui.cjs.cache`), made
 *   here by running the command once on the seed: as a JSON report, and as the review screen
 *   under a pseudo-terminal from `script` (util-linux) when there is one. CommonJS, because Node
 *   20 keeps no code cache for ES modules and an ES module graph starts ~4 ms later.
 * - `dist/batch-worker.js`: the batch worker thread, an ES module.
 */
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = new URL('../dist/', import.meta.url);

// Files from an earlier bundle have other hashes: remove them so dist/ holds one set.
for (const name of readdirSync(dist)) if (/^chunk-.*\.js$|^(?:cli|tui)\.cjs(?:\.cache)?$|^(?:tocdiff|tui)\.js$/.test(name)) rmSync(new URL(name, dist));

const common = {
	absWorkingDir: root,
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	target: 'node20.19',
	minifyWhitespace: true,
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	// pdf.js (a PDF's text layer) is large and loads only for a PDF input: it stays in node_modules,
	// loaded from there when needed (Node 20.19 can require an ES module).
	external: ['pdfjs-dist'],
};

// Ink imports a default function from each of these modules. Each import gets a stand-in that
// sets the real module up only when it is first needed (`require` of an ES module in a bundle
// is evaluated on first call), and tries a fast path first where one is given:
// - string-width measures every piece of text on every frame; src/tui/string-width.ts measures
//   always-narrow text itself, and the real one builds Unicode-property patterns (~9 ms);
// - terminal-size is asked only when the output is not a terminal, and loads child_process.
const tui = (file) => JSON.stringify(fileURLToPath(new URL(`../src/tui/${file}`, import.meta.url)));
const standIns = {
	'string-width': {prelude: `import {narrowWidth} from ${tui('string-width.ts')};`, fastPath: 'narrowWidth(...parameters) ??'},
	'terminal-size': {prelude: '', fastPath: ''},
};
const loadWhenNeeded = {
	name: 'load-when-needed',
	setup(context) {
		const filter = new RegExp(`^(?:${Object.keys(standIns).join('|')})$`);
		context.onResolve({filter}, async ({path, importer, resolveDir, kind, pluginData}) => {
			if (pluginData === 'real') return undefined;
			const real = await context.resolve(path, {importer, resolveDir, kind, pluginData: 'real'});
			return {path: real.path, namespace: 'load-when-needed', pluginData: path};
		});
		context.onLoad({filter: /.*/, namespace: 'load-when-needed'}, ({path, pluginData}) => ({
			contents: [
				standIns[pluginData].prelude,
				`export default function standIn(...parameters) { return ${standIns[pluginData].fastPath} require(${JSON.stringify(path)}).default(...parameters); }`,
			].join('\n'),
			resolveDir: root,
			loader: 'js',
		}));
	},
};

// Ink cuts every line of every frame into graphemes; src/tui/segmenter.ts does it for simple
// text without loading ICU's break rules (~7 ms), in place of each `Intl.Segmenter`.
const segmenterFastPath = {define: {'Intl.Segmenter': 'TocdiffSegmenter'}, inject: ['src/tui/segmenter.ts']};

// Yoga's loader awaits its WebAssembly at the top level, and Ink's reconciler awaits React's
// developer tools there when DEV=true; a CommonJS bundle cannot. Ink's `import Yoga` gets a binding
// that the bundle's `ready()` fills before the screen renders (the launcher awaits it), and the
// developer-tools branch is cut (tocdiff does not ship react-devtools-core). Each patch checks
// that the text it replaces is there, so that an Ink or Yoga update fails here, not at run time.
const yogaWhenReady = {
	name: 'yoga-when-ready',
	setup(context) {
		context.onResolve({filter: /^yoga-layout$/}, () => ({path: 'yoga-layout', namespace: 'yoga-when-ready'}));
		context.onLoad({filter: /.*/, namespace: 'yoga-when-ready'}, () => ({
			contents: "import {loadYoga} from 'yoga-layout/load'; let Yoga; export {Yoga as default}; export async function ready() { Yoga ??= await loadYoga(); }",
			resolveDir: root,
			loader: 'js',
		}));
		context.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, ({path}) => {
			let text = readFileSync(path, 'utf8');
			for (const [from, to] of [
				["await import('./devtools.js');", ''],
				['await loadPackageJson()', '{name: undefined, version: undefined}'],
			]) {
				if (!text.includes(from)) throw new Error(`${path} no longer holds \`${from}\`: see yogaWhenReady in scripts/bundle.mjs`);
				text = text.replace(from, to);
			}

			return {contents: text, loader: 'js'};
		});
	},
};

// Ink's frame buffer builds an object for every cell of every frame; src/tui/output.ts gives the
// same frames with far less work and garbage (~20 ms of the first frame at 120 × 40).
const fastOutput = {
	name: 'fast-output',
	setup(context) {
		context.onResolve({filter: /^\.\/output\.js$/}, ({importer}) =>
			/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(importer) ? {path: fileURLToPath(new URL('../src/tui/output.ts', import.meta.url))} : undefined,
		);
	},
};

// The CommonJS bundles sit in dist/: `import.meta.url` there says what it would of an ES module.
const commonjs = {
	...common,
	outExtension: {'.js': '.cjs'},
	format: 'cjs',
	define: {'import.meta.url': '__tocdiffUrl'},
	banner: {js: 'var __tocdiffUrl = require("node:url").pathToFileURL(__filename).href;'},
};

// The review screen: CommonJS, with a build id line like the command's (see below).
const screen = await build({
	...commonjs,
	metafile: true,
	stdin: {contents: "export * from './src/tui/run.tsx'; export {ready} from 'yoga-layout';", resolveDir: root, sourcefile: 'tui-entry.ts', loader: 'ts'},
	entryNames: 'tui',
	plugins: [loadWhenNeeded, yogaWhenReady, fastOutput],
	// Yoga's WebAssembly loader asks `typeof fetch` before it reads its inline module; in Node the
	// first touch of `fetch` loads the whole undici client (~10 ms). tocdiff never fetches anything.
	define: {...commonjs.define, 'process.env.NODE_ENV': '"production"', fetch: 'undefined', ...segmenterFastPath.define},
	inject: segmenterFastPath.inject,
});
// If Ink stops importing its frame buffer as `./output.js` from renderer.js, say so here.
const screenInputs = Object.keys(screen.metafile.inputs);
if (!screenInputs.includes('src/tui/output.ts') || screenInputs.some((input) => /ink[\\/]build[\\/]output\.js$/.test(input))) {
	throw new Error("Ink's frame buffer (ink/build/output.js) is no longer replaced by src/tui/output.ts: see fastOutput in scripts/bundle.mjs");
}

// The batch worker: an ES module.
await build({
	...common,
	entryPoints: {'batch-worker': 'src/cli/batch-worker.ts'},
	format: 'esm',
	// CommonJS dependencies call `require` for Node built-ins; give ESM output one.
	banner: {js: "import {createRequire as __tocdiffRequire} from 'node:module'; const require = __tocdiffRequire(import.meta.url);"},
});

// The launcher and the command: CommonJS. Two modules are seams for it: src/cli/load-tui.ts
// becomes a call to the launcher's `load` (a parameter of the function the launcher wraps the
// bundle in), and src/cli/load-tty.ts a call to the bundle's own `require`.
const seams = {
	'load-tui': "export const loadTui = () => __tocdiffLoad('tui.cjs');",
	'load-tty': "export const loadTty = () => require('node:tty');",
	'load-pdf': "export const loadPdf = async () => require('pdfjs-dist/legacy/build/pdf.mjs');",
};
const launcherSeams = {
	name: 'launcher-seams',
	setup(context) {
		context.onResolve({filter: /\/load-(?:tui|tty|pdf)\.js$/}, ({path}) => ({path: /load-(?:tui|tty|pdf)/.exec(path)[0], namespace: 'tocdiff'}));
		context.onLoad({filter: /.*/, namespace: 'tocdiff'}, ({path}) => ({contents: seams[path], loader: 'js'}));
	},
};
await build({
	...commonjs,
	entryPoints: {tocdiff: 'src/cli/launch.ts', cli: 'src/cli/bin.ts'},
	plugins: [launcherSeams],
});

// A build id on each bundle's first line; the cache made for it repeats it (see launch.ts).
for (const name of ['cli.cjs', 'tui.cjs']) {
	const file = new URL(name, dist);
	const bundled = readFileSync(file, 'utf8');
	writeFileSync(file, `//build:${createHash('sha1').update(bundled).digest('hex')}\n${bundled}`);
}

const launcher = fileURLToPath(new URL('tocdiff.cjs', dist));
const seed = 'samples/lenin-cw31-two-printings.txt';
execFileSync(process.execPath, [launcher, seed, '--format', 'json'], {
	cwd: root,
	env: {...process.env, TOCDIFF_WRITE_CODE_CACHE: 'cli.cjs'},
	stdio: ['ignore', 'ignore', 'inherit'],
});
await warmReviewScreen();

/**
 * Open the review screen on the seed in a pseudo-terminal of 120 × 40 (the bench's and the e2e
 * tests' terminal module, which `tsc` has just built into dist/bench), wait for its first frame,
 * move down and up a few rows, quit, and keep the screen's code cache. Without `script` (util-linux) there is no terminal to
 * open it in: the screen's bundle then runs without a cache, as correctly but ~20 ms slower to open.
 */
async function warmReviewScreen() {
	const {hasScript, openTerminal} = await import(new URL('bench/terminal.js', dist).href);
	const folder = mkdtempSync(path.join(tmpdir(), 'tocdiff-build-'));
	let outcome;
	if (hasScript) {
		const terminal = openTerminal([process.execPath, launcher, seed, '--decisions', path.join(folder, 'decisions.json')], {
			cwd: root,
			env: {TOCDIFF_WRITE_CODE_CACHE: 'tui.cjs'},
		});
		try {
			await terminal.waitFor(' decided', 20_000);
			// A few moves, so that what a key press runs (the reducer, React's update, the next
			// frame) is compiled in the cache too: the first press took 50 ms without (#17).
			for (const [key, row] of [
				['j', 2],
				['j', 3],
				['k', 2],
			]) {
				terminal.clear();
				terminal.press(key);
				// eslint-disable-next-line no-await-in-loop -- one key after the other, each with its frame
				await terminal.waitFor(`row ${row} of `, 5000);
			}

			terminal.press('q');
			const code = await terminal.exited;
			if (code !== 0) outcome = `the screen did not close cleanly (exit ${code})`;
		} catch {
			outcome = 'the screen did not open';
			await terminal.close();
		}
	} else {
		outcome = 'no `script` command';
	}

	rmSync(folder, {recursive: true, force: true});
	if (outcome !== undefined) console.warn(`bundle: no code cache for the review screen (${outcome}); it opens ~20 ms slower`);
}
