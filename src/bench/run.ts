/**
 * `npm run bench` (issue 5): a benchmark, not a test. For 1,000, 10,000 and 100,000 entries a
 * printing it makes a noisy pair with the evaluation's noise model, runs the built CLI on it
 * (`--format json`), and prints wall time and peak memory beside GNU diff on the same two files
 * (the floor for plain line comparison) and beside a naive full-DP alignment (measured where it
 * fits, extrapolated as n·m beyond). Then start-up against a bare `node -e 0`, the review
 * screen's first frame, and its key-press redraw on 2 × 10,000 rows.
 *
 * Then the split (issue 12, `./split.ts`): one file against two for ten-volume sets, a third
 * printing's cost per entry, and degenerate input.
 *
 * Options: `--part all|speed|split`, `--split-sizes 10000,100000`, `--split-runs 3`, `--sizes 1000,10000,100000`, `--naive-max N` (largest size the naive DP really runs,
 * default 3000), `--runs N` (start-up repetitions, default 15), `--markdown` (the table only, for RESULTS.md).
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {compare} from '../core/compare.js';
import {prf, scoreComparison} from '../eval/metrics.js';
import {makeLargePair} from '../eval/synth.js';
import {benchSplit} from './split.js';
import {hasScript, percentile, timeKeysInTerminal, timeToText, type KeyTimes} from './terminal.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist', 'tocdiff.cjs');
const child = fileURLToPath(new URL('child.js', import.meta.url));
const seed = path.join(root, 'samples', 'lenin-cw31-two-printings.txt');

type Measure = {readonly milliseconds: number; readonly rss: number | undefined};

/** Run a command; time it; read its peak RSS from GNU time when there is one. */
function measure(command: string, args: readonly string[]): Measure {
	const gnuTime = existsSync('/usr/bin/time');
	const started = performance.now();
	const result = gnuTime
		? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe']})
		: spawnSync(command, args, {stdio: 'ignore'});
	const milliseconds = performance.now() - started;
	if (result.error) throw result.error;
	const kilobytes = gnuTime ? Number(/(\d+)\s*$/.exec(String(result.stderr))?.[1]) : Number.NaN;
	return {milliseconds, rss: Number.isFinite(kilobytes) ? kilobytes * 1024 : undefined};
}

const median = (values: readonly number[]): number => percentile(values, 0.5);

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of the JSON it reads
function childJson<T>(args: readonly string[], env: Record<string, string> = {}): T {
	const result = spawnSync(process.execPath, [child, ...args], {encoding: 'utf8', maxBuffer: 1 << 26, env: {...process.env, ...env}});
	if (result.status !== 0) throw new Error(`bench child ${args[0]} failed:\n${result.stderr}`);
	return JSON.parse(result.stdout) as T;
}

const seconds = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const megabytes = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${Math.round(bytes / 1_048_576)} MB`);

type SizeRow = {
	readonly entries: number;
	readonly items: readonly [number, number];
	readonly tocdiff: Measure;
	readonly diff: Measure;
	readonly naive: Measure & {readonly extrapolated: boolean};
	readonly alignmentF1: number;
};

function benchSize(entries: number, directory: string, naiveMax: number, naiveAt: Map<number, {milliseconds: number; rss: number; cells: number}>): SizeRow {
	const pair = makeLargePair(entries, 1);
	const [a, b] = [path.join(directory, `${entries}-a.txt`), path.join(directory, `${entries}-b.txt`)];
	writeFileSync(a, pair.sources[0]!.text);
	writeFileSync(b, pair.sources[1]!.text);
	const tocdiff = measure(process.execPath, [cli, a, b, '--format', 'json']);
	const diff = measure('diff', [a, b]);
	const cells = (pair.a.items.length + 1) * (pair.b.items.length + 1);
	let naive: SizeRow['naive'];
	if (entries <= naiveMax) {
		const result = childJson<{milliseconds: number; rss: number}>(['naive', a, b]);
		naive = {...result, extrapolated: false};
		naiveAt.set(entries, {...result, cells});
	} else {
		// Time grows as n·m: scale the largest real measurement. Memory adds the table's 9 bytes a cell
		// (a Float64 cost and a Uint8 move) to what that measurement used.
		const [, known] = [...naiveAt].at(-1)!;
		naive = {milliseconds: (known.milliseconds * cells) / known.cells, rss: known.rss + 9 * (cells - known.cells), extrapolated: true};
	}

	const score = scoreComparison(pair, compare(pair.sources).rows);
	return {entries, items: [pair.a.items.length, pair.b.items.length], tocdiff, diff, naive, alignmentF1: prf(score.alignment).f1};
}

/** Review screen first frames in a terminal of one size, and `node -e` under the same wrapper. */
type FrameTimes = {readonly columns: number; readonly rows: number; readonly screen: number; readonly node: number};

async function startup(runs: number): Promise<{readonly node: number; readonly json: number; readonly frames: readonly FrameTimes[] | undefined}> {
	const node: number[] = [];
	const json: number[] = [];
	for (let k = 0; k < runs; k++) {
		// Interleaved, so that both see the same machine load.
		node.push(measure(process.execPath, ['-e', '0']).milliseconds);
		json.push(measure(process.execPath, [cli, seed, '--format', 'json']).milliseconds);
	}

	if (!hasScript) return {node: median(node), json: median(json), frames: undefined};
	// The first frame is the first output that holds the seed's title; `node -e` printing that
	// title in the same terminal gives the baseline, interleaved with it.
	const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-frame-'));
	const screen = [process.execPath, cli, seed, '--decisions', path.join(directory, 'decisions.json')];
	const bare = [process.execPath, '-e', "process.stdout.write('lenin'+'-cw31')"];
	const frames: FrameTimes[] = [];
	try {
		for (const [columns, rows] of [
			[80, 24],
			[120, 40],
		] as const) {
			const times = {screen: [] as number[], node: [] as number[]};
			for (let k = 0; k < runs; k++) {
				// eslint-disable-next-line no-await-in-loop -- one command at a time, for the timing
				times.screen.push(await timeToText(screen, 'lenin-cw31', columns, rows));
				// eslint-disable-next-line no-await-in-loop -- as above
				times.node.push(await timeToText(bare, 'lenin-cw31', columns, rows));
			}

			frames.push({columns, rows, screen: median(times.screen), node: median(times.node)});
		}
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}

	return {node: median(node), json: median(json), frames};
}

/** The split's measures (issue 12), as Markdown. */
function splitSection(directory: string, sizes: string, runs: string): string[] {
	const machine = `${availableParallelism()} cores, load average ${loadavg()
		.map((load) => load.toFixed(1))
		.join(' ')} as it began`;
	const table = benchSplit({cli, directory, sizes: sizes.split(',').map(Number), runs: Number(runs), log: (line) => console.error(line)});
	const busy = loadavg()[0]! > availableParallelism() ? ' The machine was busier than its cores as it ended: the times are long, the ratios still paired.' : '';
	return [`Finding the printings (${runs} paired, interleaved runs a measure; median ratio and its range; ${machine}).${busy}`, '', ...table];
}

async function main(): Promise<void> {
	const {values} = parseArgs({
		options: {
			sizes: {type: 'string', default: '1000,10000,100000'},
			'naive-max': {type: 'string', default: '3000'},
			runs: {type: 'string', default: '15'},
			part: {type: 'string', default: 'all'},
			'split-sizes': {type: 'string', default: '10000,100000'},
			'split-runs': {type: 'string', default: '3'},
		},
	});
	if (!['all', 'speed', 'split'].includes(values.part)) throw new Error(`--part is all, speed or split, not ${values.part}`);
	if (values.part === 'split') {
		const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-bench-'));
		try {
			console.log(splitSection(directory, values['split-sizes'], values['split-runs']).join('\n'));
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}

		return;
	}

	const sizes = values.sizes.split(',').map(Number);
	const naiveMax = Number(values['naive-max']);
	const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-bench-'));
	const naiveAt = new Map<number, {milliseconds: number; rss: number; cells: number}>();
	try {
		// The naive DP is measured below its limit first, so that larger sizes can be scaled from it.
		for (const entries of [1000, 2000, 3000].filter((e) => e <= naiveMax && !sizes.includes(e))) {
			const pair = makeLargePair(entries, 1);
			const [a, b] = [path.join(directory, `n${entries}-a.txt`), path.join(directory, `n${entries}-b.txt`)];
			writeFileSync(a, pair.sources[0]!.text);
			writeFileSync(b, pair.sources[1]!.text);
			const result = childJson<{milliseconds: number; rss: number}>(['naive', a, b]);
			naiveAt.set(entries, {...result, cells: (pair.a.items.length + 1) * (pair.b.items.length + 1)});
			console.error(`naive DP at ${entries}: ${seconds(result.milliseconds)}, ${megabytes(result.rss)}`);
		}

		const rows: SizeRow[] = [];
		for (const entries of sizes.sort((x, y) => x - y)) {
			console.error(`measuring ${entries} entries a printing…`);
			rows.push(benchSize(entries, directory, naiveMax, naiveAt));
		}

		const tenThousand = path.join(directory, '10000-a.txt');
		let keys: {rows: number; median: number; p95: number; firstFrame: number} | undefined;
		let terminalKeys: KeyTimes | undefined;
		if (existsSync(tenThousand)) {
			console.error('timing key presses on the review screen…');
			// React's production build, as the built command has it.
			keys = childJson(['keys', tenThousand, path.join(directory, '10000-b.txt')], {NODE_ENV: 'production'});
			const decisions = path.join(directory, 'keys.tocdiff.json');
			if (hasScript)
				terminalKeys = await timeKeysInTerminal([process.execPath, cli, tenThousand, path.join(directory, '10000-b.txt'), '--decisions', decisions]);
		}

		console.error('timing start-up…');
		const start = await startup(Number(values.runs));

		const lines = [
			'| entries a printing | items A × B | tocdiff (json) | tocdiff peak RSS | GNU diff | diff peak RSS | naive full DP | naive DP memory | alignment F1 |',
			'|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
			...rows.map((r) => {
				const mark = r.naive.extrapolated ? ' (extrapolated)' : '';
				return `| ${r.entries.toLocaleString('en')} | ${r.items[0].toLocaleString('en')} × ${r.items[1].toLocaleString('en')} | ${seconds(r.tocdiff.milliseconds)} | ${megabytes(r.tocdiff.rss)} | ${seconds(r.diff.milliseconds)} | ${megabytes(r.diff.rss)} | ${seconds(r.naive.milliseconds)}${mark} | ${megabytes(r.naive.rss)}${mark} | ${(r.alignmentF1 * 100).toFixed(1)} % |`;
			}),
			'',
			`Start-up on the seed (median of ${values.runs}, interleaved): \`node -e 0\` ${seconds(start.node)}; \`tocdiff FILE --format json\` ${seconds(start.json)} (${(start.json / start.node).toFixed(2)} ×).`,
			start.frames === undefined
				? 'Review screen first frame: not measured (needs `script` from util-linux).'
				: `Review screen first frame, under \`script\` (median of ${values.runs}, interleaved with \`node -e\` printing the same title there): ${start.frames.map((f) => `${f.columns} × ${f.rows}: ${seconds(f.screen)} against ${seconds(f.node)} (${(f.screen / f.node).toFixed(2)} ×)`).join('; ')}.`,
			keys === undefined
				? ''
				: terminalKeys === undefined
					? 'Key presses in a terminal: not measured (needs `script` from util-linux).'
					: `Review screen on ${terminalKeys.rows.toLocaleString('en')} rows (2 × 10,000 entries), the built command under \`script\`: a key press redraws in ${terminalKeys.median.toFixed(1)} ms (median), ${terminalKeys.p95.toFixed(1)} ms (95th percentile).`,
			keys === undefined
				? ''
				: `The same in ink-testing-library (App, reducer and render, no terminal): first frame ${seconds(keys.firstFrame)} after the comparison; a key press ${keys.median.toFixed(1)} ms (median), ${keys.p95.toFixed(1)} ms (95th percentile).`,
		];
		if (values.part === 'all') lines.push('', ...splitSection(directory, values['split-sizes'], values['split-runs']));
		console.log(lines.join('\n'));
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}

await main();
