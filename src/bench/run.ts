/**
 * `npm run bench` (issues 5 and 17): a benchmark, not a test. Every figure is a comparison made in
 * the same run, paired and interleaved (the two sides of each pair run one after the other, in
 * alternating order, so that both see the same load), and reported as the median ratio with its
 * range over the pairs; the machine (cores, load average before and after) is recorded, with a
 * warning when the load was above the cores.
 *
 * - Size: for 1,000, 10,000 and 100,000 entries a printing, a noisy pair from the evaluation's
 *   noise model, the built CLI (`--format json`, the whole process) against GNU diff and, when
 *   python3 is there, a difflib script (`difflib-align.py`) on the same two files.
 * - Start-up: `--format json` on the seed and `--help`, each against a bare `node -e 0`.
 * - The review screen's first frame against a `node` that prints the same title in the same
 *   terminal; key presses on 2 × 10,000 rows against a harness floor (a `node` that answers each
 *   key with the next row's line in the same terminal).
 * - The split (issue 12, `./split.ts`).
 *
 * Options: `--part all|speed|split`, `--sizes 1000,10000,100000`, `--pairs N` (pairs a size
 * measure, default 5), `--runs N` (pairs a start-up measure, default 15), `--split-sizes`,
 * `--split-runs`, `--write-results` (write `src/bench/RESULTS.md` with the command, the date and
 * the machine, instead of printing).
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, release, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {compare} from '../core/compare.js';
import {prf, scoreComparison} from '../eval/metrics.js';
import {makeLargePair} from '../eval/synth.js';
import {paired, seconds, showRatio, spreadOf, type Paired, type Spread} from './paired.js';
import {benchSplit} from './split.js';
import {hasScript, percentile, timeKeysInTerminal, timeToText} from './terminal.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist', 'tocdiff.cjs');
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

const megabytes = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${Math.round(bytes / 1_048_576)} MB`);

/** The machine as a run found it. */
type Machine = {readonly cores: number; readonly load: readonly number[]};

const machineNow = (): Machine => ({cores: availableParallelism(), load: loadavg()});
const loadText = (load: readonly number[]): string => load.map((x) => x.toFixed(2)).join(' ');

/** A warning when the 1-minute load average was above the cores, before or after: the times then measure the queue. */
function loadWarning(before: Machine, after: Machine): string | undefined {
	const worst = Math.max(before.load[0]!, after.load[0]!);
	if (worst <= before.cores) return undefined;
	return (
		`**Warning:** the load average (${worst.toFixed(2)}) was above the ${before.cores} cores: absolute times are inflated and even paired ratios are noisy; ` +
		`measure again on a quieter machine before reading much into them.`
	);
}

const hasPython = spawnSync('python3', ['--version']).status === 0;
const difflibScript = path.join(root, 'src', 'bench', 'difflib-align.py');

type SizeRow = {
	readonly entries: number;
	readonly items: readonly [number, number];
	readonly pairs: number;
	readonly tocdiff: Spread;
	readonly rss: Spread | undefined;
	readonly diff: Paired;
	readonly difflib: Paired | undefined;
	readonly alignmentF1: number;
};

async function benchSize(entries: number, directory: string, pairs: number): Promise<SizeRow> {
	const pair = makeLargePair(entries, 1);
	const [a, b] = [path.join(directory, `${entries}-a.txt`), path.join(directory, `${entries}-b.txt`)];
	writeFileSync(a, pair.sources[0]!.text);
	writeFileSync(b, pair.sources[1]!.text);
	const rss: number[] = [];
	const tocdiff = (): number => {
		const measured = measure(process.execPath, [cli, a, b, '--format', 'json']);
		if (measured.rss !== undefined) rss.push(measured.rss);
		return measured.milliseconds;
	};

	const diff = await paired(pairs, tocdiff, () => measure('diff', [a, b]).milliseconds);
	const difflib = hasPython ? await paired(pairs, tocdiff, () => measure('python3', [difflibScript, a, b]).milliseconds) : undefined;
	const score = scoreComparison(pair, compare(pair.sources).rows);
	return {
		entries,
		items: [pair.a.items.length, pair.b.items.length],
		pairs,
		tocdiff: spreadOf([diff.first, ...(difflib ? [difflib.first] : [])].map((s) => s.median)),
		rss: rss.length === 0 ? undefined : spreadOf(rss),
		diff,
		difflib,
		alignmentF1: prf(score.alignment).f1,
	};
}

/** A `node` that draws the review screen's footer line and answers each `j` with the next row's: the harness floor for a key press. */
const floorScript = [
	'process.stdin.setRawMode(true); let row = 1; const total = 10001;',
	"process.stdout.write(' decided\\r\\nrow 1 of ' + total + '\\r\\n');",
	"process.stdin.on('data', (d) => { if (String(d) === 'q') process.exit(0); row++; process.stdout.write('row ' + row + ' of ' + total + '\\r\\n'); });",
].join(' ');

type KeyRun = {
	readonly median: number;
	readonly p95: number;
	readonly floorMedian: number;
	readonly floorP95: number;
	readonly rows: number;
	readonly presses: number;
};

/** Key presses on the review screen and on the floor, in rounds of 20 presses, alternating. */
async function benchKeys(argv: readonly string[], rounds: number): Promise<KeyRun> {
	const screen: Array<{median: number; p95: number}> = [];
	const floor: Array<{median: number; p95: number}> = [];
	let rows = 0;
	await paired(
		rounds,
		async () => {
			const times = await timeKeysInTerminal(argv, 20);
			rows = times.rows;
			screen.push(times);
			return times.median;
		},
		async () => {
			const times = await timeKeysInTerminal([process.execPath, '-e', floorScript], 20);
			floor.push(times);
			return times.median;
		},
	);
	return {
		rows,
		presses: 20 * rounds,
		median: median(screen.map((t) => t.median)),
		p95: median(screen.map((t) => t.p95)),
		floorMedian: median(floor.map((t) => t.median)),
		floorP95: median(floor.map((t) => t.p95)),
	};
}

/** Start-up and first frames against bare `node`, paired. */
async function startup(
	runs: number,
): Promise<{readonly json: Paired; readonly help: Paired; readonly frames: ReadonlyArray<{columns: number; rows: number; ratio: Paired}> | undefined}> {
	const node = (): number => measure(process.execPath, ['-e', '0']).milliseconds;
	const json = await paired(runs, () => measure(process.execPath, [cli, seed, '--format', 'json']).milliseconds, node);
	const help = await paired(runs, () => measure(process.execPath, [cli, '--help']).milliseconds, node);
	if (!hasScript) return {json, help, frames: undefined};
	// The first frame is the first output that holds the seed's title; `node -e` printing that
	// title in the same terminal gives the baseline.
	const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-frame-'));
	const screen = [process.execPath, cli, seed, '--decisions', path.join(directory, 'decisions.json')];
	const bare = [process.execPath, '-e', "process.stdout.write('lenin'+'-cw31')"];
	const frames: Array<{columns: number; rows: number; ratio: Paired}> = [];
	try {
		for (const [columns, rows] of [
			[80, 24],
			[120, 40],
		] as const) {
			// eslint-disable-next-line no-await-in-loop -- one terminal at a time, for the timing
			const ratio = await paired(
				runs,
				async () => timeToText(screen, 'lenin-cw31', columns, rows),
				async () => timeToText(bare, 'lenin-cw31', columns, rows),
			);
			frames.push({columns, rows, ratio});
		}
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}

	return {json, help, frames};
}

/** The split's measures (issue 12), as Markdown. */
async function splitSection(directory: string, sizes: string, runs: string): Promise<string[]> {
	const table = await benchSplit({cli, directory, sizes: sizes.split(',').map(Number), runs: Number(runs), log: (line) => console.error(line)});
	return [`## Finding the printings (issue 12)`, '', `${runs} paired, interleaved runs a measure; median ratio and its range.`, '', ...table];
}

/** The speed sections, as Markdown. */
async function speedSection(sizes: readonly number[], pairs: number, runs: number, directory: string): Promise<string[]> {
	const rows: SizeRow[] = [];
	for (const entries of [...sizes].sort((x, y) => x - y)) {
		console.error(`measuring ${entries} entries a printing, ${pairs} pairs…`);
		// eslint-disable-next-line no-await-in-loop -- one size at a time, for the timing
		rows.push(await benchSize(entries, directory, pairs));
	}

	const difflib = hasPython
		? 'a difflib script (`src/bench/difflib-align.py`: lines aligned by `SequenceMatcher`, each replaced pair scored)'
		: 'no difflib script (python3 is not installed)';
	const lines = [
		'## Size',
		'',
		`The built CLI (\`--format json\`, the whole process) on a noisy pair from the evaluation's noise model (seed 1, two files), ` +
			`against GNU \`diff\` and ${difflib} on the same files. ` +
			`Each ratio is tocdiff's time over the other's, pair by pair: median (lowest–highest).`,
		'',
		'| entries a printing | items A × B | pairs | tocdiff | tocdiff peak RSS | GNU diff | tocdiff / diff | difflib | tocdiff / difflib | alignment F1 |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map((r) => {
			const cells = [
				r.entries.toLocaleString('en'),
				`${r.items[0].toLocaleString('en')} × ${r.items[1].toLocaleString('en')}`,
				r.pairs,
				seconds(r.tocdiff.median),
				r.rss === undefined ? '–' : megabytes(r.rss.median),
				seconds(r.diff.second.median),
				showRatio(r.diff.ratio),
				r.difflib === undefined ? '–' : seconds(r.difflib.second.median),
				r.difflib === undefined ? '–' : showRatio(r.difflib.ratio),
				`${(r.alignmentF1 * 100).toFixed(1)} %`,
			];
			return `| ${cells.join(' | ')} |`;
		}),
	];

	console.error(`timing start-up, ${runs} pairs…`);
	const start = await startup(runs);
	const json = `${showRatio(start.json.ratio)} (${seconds(start.json.first.median)} against ${seconds(start.json.second.median)})`;
	const frames = start.frames?.map(
		(f) => `${f.columns} × ${f.rows}: ${showRatio(f.ratio.ratio)} (${seconds(f.ratio.first.median)} against ${seconds(f.ratio.second.median)})`,
	);
	lines.push(
		'',
		'## Start-up and the review screen',
		'',
		`Against a bare \`node -e 0\`, ${runs} pairs: \`tocdiff FILE --format json\` on the seed ${json}; \`tocdiff --help\` ${showRatio(start.help.ratio)}.`,
		'',
		frames === undefined
			? 'First frame: not measured (needs `script` from util-linux).'
			: `First frame of the review screen on the seed, under \`script\`, against a \`node\` printing the same title in the same terminal, ` +
					`${runs} pairs: ${frames.join('; ')}.`,
	);

	const tenThousand = path.join(directory, '10000-a.txt');
	if (existsSync(tenThousand) && hasScript) {
		console.error('timing key presses on the review screen…');
		const keys = await benchKeys(
			[process.execPath, cli, tenThousand, path.join(directory, '10000-b.txt'), '--decisions', path.join(directory, 'keys.tocdiff.json')],
			3,
		);
		lines.push(
			'',
			`Key presses on ${keys.rows.toLocaleString('en')} rows (2 × 10,000 entries), the built command under \`script\`, ` +
				`${keys.presses} presses in rounds of 20 alternating with the harness floor (a \`node\` that answers each key with the next row's line): ` +
				`median ${keys.median.toFixed(1)} ms, 95th percentile ${keys.p95.toFixed(1)} ms; ` +
				`the floor ${keys.floorMedian.toFixed(1)} ms and ${keys.floorP95.toFixed(1)} ms, ` +
				`so ${(keys.p95 - keys.floorP95).toFixed(1)} ms above the floor at the 95th percentile (median of the rounds' figures).`,
		);
	} else lines.push('', 'Key presses: not measured (needs the 10,000 size and `script` from util-linux).');

	return lines;
}

async function main(): Promise<void> {
	const {values} = parseArgs({
		options: {
			sizes: {type: 'string', default: '1000,10000,100000'},
			pairs: {type: 'string', default: '5'},
			runs: {type: 'string', default: '15'},
			part: {type: 'string', default: 'all'},
			'split-sizes': {type: 'string', default: '10000,100000'},
			'split-runs': {type: 'string', default: '3'},
			'write-results': {type: 'boolean', default: false},
		},
	});
	if (!['all', 'speed', 'split'].includes(values.part)) throw new Error(`--part is all, speed or split, not ${values.part}`);
	const before = machineNow();
	const began = new Date();
	const directory = mkdtempSync(path.join(tmpdir(), 'tocdiff-bench-'));
	const sections: string[] = [];
	try {
		if (values.part !== 'split')
			sections.push(...(await speedSection(values.sizes.split(',').map(Number), Number(values.pairs), Number(values.runs), directory)));
		if (values.part !== 'speed')
			sections.push(...(sections.length > 0 ? [''] : []), ...(await splitSection(directory, values['split-sizes'], values['split-runs'])));
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}

	const after = machineNow();
	const warning = loadWarning(before, after);
	const command = ['npm run bench --', ...process.argv.slice(2)].join(' ');
	const header = [
		'# Performance: what `npm run bench` measured',
		'',
		`Written by the bench, not by hand: \`${command}\`, begun ${began.toISOString()}, ended ${new Date().toISOString()}. ` +
			`Every figure below comes from that one run; run the same command to measure again (it rewrites this file with \`--write-results\`).`,
		'',
		`Machine: ${before.cores} cores (\`availableParallelism\`), ${process.platform} ${release()}, Node ${process.version}; ` +
			`load average (1, 5, 15 min) ${loadText(before.load)} before, ${loadText(after.load)} after.`,
		...(warning === undefined ? [] : ['', warning]),
		'',
	];
	const text = `${[...header, ...sections].join('\n')}\n`;
	if (warning !== undefined) console.error(warning.replaceAll('**', ''));
	if (values['write-results']) {
		const file = path.join(root, 'src', 'bench', 'RESULTS.md');
		writeFileSync(file, text);
		console.error(`wrote ${file}`);
	} else console.log(text);
}

await main();
