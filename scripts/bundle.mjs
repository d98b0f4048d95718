/**
 * Bundle the command into `dist/tocdiff.js` (issue 5: instant start). One file for the
 * non-interactive path; the review screen (Ink, React) and batch mode are chunks beside it,
 * loaded only by `main`'s dynamic imports. `react-devtools-core`, which Ink imports only when
 * DEV is set, is replaced by a stub. Run after `tsc`: `npm run build` does both.
 */
import {rmSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = new URL('../dist/', import.meta.url);

// Chunks from an earlier bundle have other hashes: remove them so dist/ holds one set.
for (const name of readdirSync(dist)) if (/^chunk-.*\.js$/.test(name)) rmSync(new URL(name, dist));

await build({
	absWorkingDir: root,
	entryPoints: {tocdiff: 'src/cli/bin.ts', 'batch-worker': 'src/cli/batch-worker.ts'},
	outdir: 'dist',
	// Chunks sit beside the entries, so that `new URL('./batch-worker.js', import.meta.url)` works from any of them.
	chunkNames: 'chunk-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20.19',
	minifyWhitespace: true,
	minifySyntax: true,
	legalComments: 'none',
	alias: {'react-devtools-core': './scripts/react-devtools-stub.mjs'},
	// Yoga's WebAssembly loader asks `typeof fetch` before it reads its inline module; in Node the
	// first touch of `fetch` loads the whole undici client (~10 ms). tocdiff never fetches anything.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	// CommonJS dependencies (React) call `require` for Node built-ins; give ESM output one.
	banner: {js: "import {createRequire as __tocdiffRequire} from 'node:module'; const require = __tocdiffRequire(import.meta.url);"},
	logLevel: 'warning',
});
