/**
 * Build the word lists that suggestions look words up in (issue 7): every form that a Hunspell
 * dictionary (dictionary-en, -fr, -de, -ru, read by nspell) accepts, lower-cased, sorted by
 * UTF-8 bytes, deduplicated and packed, one file per language in `dist/words/LANG.words`.
 *
 * Building nspell from a full dictionary costs 0.3 s (English) to 10 s (French), far too much for
 * every run; the packed list is opened only when a difference needs a word looked up, and only
 * its header and the one block a look-up needs are read (see `src/cli/words.ts`).
 *
 * The format is described in `pack-words.mjs`. Lists are rebuilt only when a dictionary or these
 * scripts changed.
 */
import {mkdirSync, statSync, writeFileSync, existsSync, renameSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';
import {pack} from './pack-words.mjs';

const languages = ['en', 'fr', 'de', 'ru'];
const require = createRequire(import.meta.url);
const outDir = fileURLToPath(new URL('../dist/words/', import.meta.url));

/** Forms that only make sense attached to another word: French elisions (`d'`, `qu'`), German `-teil`. */
function keep(word, language) {
	if (word.startsWith('-') || word.endsWith('-') || Buffer.byteLength(word) > 255) return false;
	return !(language === 'fr' && /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/i.test(word));
}

/** Expand one language's dictionary and write its list. */
async function build(language) {
	const nspell = require('nspell');
	const {default: dictionary} = await import(`dictionary-${language}`);
	const forms = Object.keys(nspell(dictionary).data);
	const distinct = new Set();
	for (const form of forms) if (keep(form, language)) distinct.add(form.normalize('NFC').toLowerCase());
	const words = [...distinct].map((word) => Buffer.from(word, 'utf8')).sort(Buffer.compare);
	const target = `${outDir}${language}.words`;
	writeFileSync(`${target}.tmp`, pack(words));
	renameSync(`${target}.tmp`, target);
	return words.length;
}

function isFresh(language) {
	const target = `${outDir}${language}.words`;
	if (!existsSync(target)) return false;
	const built = statSync(target).mtimeMs;
	const sources = [
		fileURLToPath(new URL(`../node_modules/dictionary-${language}/index.dic`, import.meta.url)),
		fileURLToPath(import.meta.url),
		fileURLToPath(new URL('pack-words.mjs', import.meta.url)),
	];
	return sources.every((file) => statSync(file).mtimeMs <= built);
}

if (isMainThread) {
	mkdirSync(outDir, {recursive: true});
	const stale = languages.filter((language) => !isFresh(language));
	// Each language in a thread of its own: French alone takes ten seconds.
	await Promise.all(
		stale.map(
			(language) =>
				new Promise((resolve, reject) => {
					const started = performance.now();
					const worker = new Worker(fileURLToPath(import.meta.url), {workerData: language, resourceLimits: {maxOldGenerationSizeMb: 4096}});
					worker.once('message', (count) => {
						console.log(`words: ${language} ${count} forms in ${Math.round(performance.now() - started)} ms`);
						resolve();
					});
					worker.once('error', reject);
				}),
		),
	);
} else {
	parentPort.postMessage(await build(workerData));
}
