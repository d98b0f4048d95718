/**
 * Bundle the command for an instant start (issue 5). Run after `tsc`: `npm run build` does both.
 *
 * - `dist/tocdiff.cjs`, the `bin`: a small launcher (src/cli/launch.ts).
 * - `dist/cli.cjs`: everything but the review screen in one CommonJS file (CommonJS starts ~4 ms
 *   sooner than an ES module graph), which the launcher compiles with V8's code cache
 *   `dist/cli.cjs.cache`, made here by running the command once on the seed.
 * - `dist/tui.js` (the review screen: Ink, React) and `dist/batch-worker.js`, ES modules with
 *   shared chunks beside them. Yoga's WebAssembly loader awaits at the top level, which only an
 *   ES module may do; the command loads them with `import()` when they are needed.
 */
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = new URL('../dist/', import.meta.url);

// Files from an earlier bundle have other hashes: remove them so dist/ holds one set.
for (const name of readdirSync(dist)) if (/^chunk-.*\.js$|^cli\.cjs(?:\.cache)?$|^tocdiff\.js$/.test(name)) rmSync(new URL(name, dist));

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
};

// Ink asks string-width for the width of every piece of text on every frame: each import of it
// gets src/tui/string-width.ts's fast path first, then the importer's own string-width.
const narrowWidthFirst = {
	name: 'narrow-width-first',
	setup(context) {
		context.onResolve({filter: /^string-width$/}, async ({importer, resolveDir, kind, pluginData}) => {
			if (pluginData === 'real') return undefined;
			const real = await context.resolve('string-width', {importer, resolveDir, kind, pluginData: 'real'});
			return {path: real.path, namespace: 'narrow-width-first'};
		});
		context.onLoad({filter: /.*/, namespace: 'narrow-width-first'}, ({path}) => ({
			contents: [
				`import real from ${JSON.stringify(path)};`,
				`import {narrowWidth} from ${JSON.stringify(fileURLToPath(new URL('src/tui/string-width.ts', new URL('../', import.meta.url))))};`,
				'export default function stringWidth(text, options) { return narrowWidth(text, options) ?? real(text, options); }',
			].join('\n'),
			resolveDir: root,
			loader: 'js',
		}));
	},
};

// The review screen and the batch worker: ES modules.
await build({
	plugins: [narrowWidthFirst],
	...common,
	entryPoints: {tui: 'src/tui/run.tsx', 'batch-worker': 'src/cli/batch-worker.ts'},
	// Chunks sit beside the entries, so that relative URLs work from any of them.
	chunkNames: 'chunk-[hash]',
	splitting: true,
	format: 'esm',
	alias: {'react-devtools-core': './scripts/react-devtools-stub.mjs'},
	// Yoga's WebAssembly loader asks `typeof fetch` before it reads its inline module; in Node the
	// first touch of `fetch` loads the whole undici client (~10 ms). tocdiff never fetches anything.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	// CommonJS dependencies (React) call `require` for Node built-ins; give ESM output one.
	banner: {js: "import {createRequire as __tocdiffRequire} from 'node:module'; const require = __tocdiffRequire(import.meta.url);"},
});

// The launcher and the command: CommonJS. `src/cli/load-tui.ts` becomes a call to the
// launcher's `import()` (a parameter of the function the launcher wraps the bundle in).
const tuiThroughLauncher = {
	name: 'tui-through-launcher',
	setup(context) {
		context.onResolve({filter: /\/load-tui\.js$/}, () => ({path: 'load-tui', namespace: 'tocdiff'}));
		context.onLoad({filter: /.*/, namespace: 'tocdiff'}, () => ({
			contents: "export const loadTui = () => __tocdiffImport('tui.js');",
			loader: 'js',
		}));
	},
};
await build({
	...common,
	entryPoints: {tocdiff: 'src/cli/launch.ts', cli: 'src/cli/bin.ts'},
	outExtension: {'.js': '.cjs'},
	format: 'cjs',
	plugins: [tuiThroughLauncher],
	// The bundle sits in dist/, as `import.meta.url` would say of an ES module there.
	define: {'import.meta.url': '__tocdiffUrl'},
	banner: {js: 'var __tocdiffUrl = require("node:url").pathToFileURL(__filename).href;'},
});

// A build id on the bundle's first line; the cache made for it repeats it (see launch.ts).
const bundleFile = new URL('cli.cjs', dist);
const bundled = readFileSync(bundleFile, 'utf8');
writeFileSync(bundleFile, `//build:${createHash('sha1').update(bundled).digest('hex')}\n${bundled}`);
execFileSync(process.execPath, [fileURLToPath(new URL('tocdiff.cjs', dist)), 'samples/lenin-cw31-two-printings.txt', '--format', 'json'], {
	cwd: root,
	env: {...process.env, TOCDIFF_WRITE_CODE_CACHE: '1'},
	stdio: ['ignore', 'ignore', 'inherit'],
});
