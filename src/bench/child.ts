/**
 * Measurements that must run in a process of their own (so that peak memory is theirs alone):
 * `node dist/bench/child.js naive A.txt B.txt` aligns two printings with the naive full DP;
 * `node dist/bench/child.js keys A.txt B.txt` times key presses on the review screen (run it with
 * NODE_ENV=production, as the built command runs React).
 * Prints one JSON line: `{"milliseconds": …, "rss": …}` (rss in bytes, the process's peak).
 */
import {readFileSync} from 'node:fs';
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
} else {
	process.stderr.write('usage: child.js naive|keys A.txt B.txt\n');
	process.exitCode = 2;
}
