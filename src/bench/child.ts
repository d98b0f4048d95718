/**
 * Measurements that must run in a process of their own (so that peak memory is theirs alone):
 * `node dist/bench/child.js naive A.txt B.txt` aligns two printings with the naive full DP;
 * `node dist/bench/child.js keys A.txt B.txt` times key presses on the review screen (run it with
 * NODE_ENV=production, as the built command runs React);
 * `node dist/bench/child.js items FILE…` runs each file as one item of `--batch --format json`
 * does (`runBatchTask`), one after another in this process, and prints each item's milliseconds;
 * `node dist/bench/child.js spin N` keeps a core busy for N iterations (the control of `--batch`).
 * Prints one JSON line: `{"milliseconds": …, "rss": …}` (rss in bytes, the process's peak).
 */
import {readFileSync} from 'node:fs';
import {runBatchTask} from '../cli/batch-job.js';
import {compare, splitLines} from '../core/compare.js';
import {parseItems} from '../core/parse.js';
import {naiveAlign} from './naive-align.js';

function items(file: string) {
	const lines = splitLines(readFileSync(file, 'utf8'));
	return parseItems(lines, 1, lines.length);
}

const [what, fileA, fileB] = process.argv.slice(2);
if (what === 'naive') {
	const a = items(fileA!);
	const b = items(fileB!);
	const started = performance.now();
	naiveAlign(a, b);
	const milliseconds = performance.now() - started;
	process.stdout.write(`${JSON.stringify({milliseconds, rss: process.resourceUsage().maxRSS * 1024})}\n`);
} else if (what === 'keys') {
	const comparison = compare([
		{name: fileA!, text: readFileSync(fileA!, 'utf8')},
		{name: fileB!, text: readFileSync(fileB!, 'utf8')},
	]);
	const {timeKeyPresses} = await import('./tui-keys.js');
	process.stdout.write(`${JSON.stringify(await timeKeyPresses(comparison))}\n`);
	process.exit(0);
} else if (what === 'items') {
	const files = process.argv.slice(3);
	const each: number[] = [];
	for (const [index, file] of files.entries()) {
		const started = performance.now();
		// eslint-disable-next-line no-await-in-loop -- one item after another, as one worker takes them
		const result = await runBatchTask({index, file, base: 'a', format: 'json'});
		if (result.kind === 'failed') throw new Error(`${file}: ${result.message}`);
		each.push(performance.now() - started);
	}

	process.stdout.write(`${JSON.stringify({items: each})}\n`);
} else if (what === 'spin') {
	// A busy loop whose result is printed, so that it cannot be left out.
	let x = 0;
	for (let k = Number(fileA); k > 0; k--) x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
	process.stdout.write(`${x}\n`);
} else {
	process.stderr.write('usage: child.js naive|keys A.txt B.txt, child.js items FILE…, child.js spin N\n');
	process.exitCode = 2;
}
