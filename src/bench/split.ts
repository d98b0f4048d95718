/**
 * The split's part of `npm run bench` (issue 12): what finding the printings costs, as ratios
 * measured in one run, paired and interleaved so that both sides of a ratio see the same load.
 *
 * - A ten-volume contents page printed twice, 2 × N entries, once with titles that never recur
 *   and once with a run of titles that recurs in every volume (other pages each time): the one-file
 *   run against the same two printings given as two files. The target is one file within 1.3× of
 *   two. Each one-file run must find two printings, split at the true line.
 * - The same set printed once, in one file: it must say it holds one printing.
 * - A third printing of the same contents: what it adds per entry, against what the second adds
 *   (one printing alone, two, three, interleaved): the target is no more than the second.
 * - Degenerate input: 500,000 lines of one word, 500,000 lines of a word and a number, 10,000
 *   identical lines; each against a run of the 2 × 10,000 one-file page in the same bench (the
 *   target: a few seconds at most, never worse per line than a real contents page).
 */
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {toRoman} from '../core/labels.js';
import {makeNoisyPair, type ContentsPage} from '../eval/noise.js';
import {createRng} from '../eval/rng.js';
import {synthesizeContents} from '../eval/synth.js';
import {paired, seconds as showTime, showRatio, spreadOf, type Spread} from './paired.js';

/** One run of the CLI: its time, and what it said. */
type Run = {readonly milliseconds: number; readonly code: number | null; readonly stdout: string; readonly stderr: string};

function run(cli: string, args: readonly string[]): Run {
	const started = performance.now();
	const result = spawnSync(process.execPath, [cli, ...args, '--format', 'json'], {encoding: 'utf8', maxBuffer: 1 << 30});
	const milliseconds = performance.now() - started;
	if (result.error) throw result.error;
	return {milliseconds, code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/**
 * A set in ten volumes of `entries` entries in all: each volume `VOLUME N`, `CONTENTS` and its
 * entries (synthetic titles, pages running on through the set). With `recurring`, a run of thirty
 * titles opens every volume, with that volume's pages.
 */
export function tenVolumeSet(entries: number, seed: number, recurring: boolean): ContentsPage {
	const rng = createRng(seed);
	const perVolume = Math.ceil(entries / 10);
	const runLength = recurring ? Math.min(30, Math.floor(perVolume / 3)) : 0;
	const entryLines = (text: string): string[] => text.split('\n').filter((line) => /\t\d+$/.test(line));
	// The recurring run: its titles without their pages.
	const run = entryLines(synthesizeContents(runLength, seed + 1000, {chaptersPerPart: 0, sectionShare: 0}).text).map((line) => line.replace(/\t\d+$/, ''));
	const lines: string[] = ['COLLECTED WORKS', '', 'IN TEN VOLUMES', ''];
	let page = 1;
	for (let volume = 1; volume <= 10; volume++) {
		lines.push(`VOLUME ${toRoman(volume)}`, '', 'CONTENTS', '');
		for (const title of run) {
			page += rng.int(1, 9);
			lines.push(`${title}\t${page}`);
		}

		for (const line of entryLines(synthesizeContents(perVolume - run.length, seed * 100 + volume, {leaders: 'tab'}).text)) {
			page += rng.int(1, 9);
			lines.push(line.replace(/\t\d+$/, `\t${page}`));
		}

		lines.push('');
	}

	return {name: `ten-volumes-${recurring ? 'recurring' : 'distinct'}-${entries}`, text: `${lines.join('\n')}\n`, language: 'en'};
}

/** The JSON report's split boundaries and printing count, or what went wrong. */
function splitOf(result: Run): {readonly printings: number; readonly boundaries: readonly number[]} | string {
	if (result.code !== 0 && result.code !== 1) return result.stderr.trim().split('\n')[0] ?? `exit ${result.code}`;
	const report = JSON.parse(result.stdout) as {printings: unknown[]; split?: {boundaries: number[]}};
	return {printings: report.printings.length, boundaries: report.split?.boundaries ?? []};
}

export type SplitBenchOptions = {
	readonly cli: string;
	readonly directory: string;
	/** Entries a printing. @default [10_000, 100_000] */
	readonly sizes?: readonly number[];
	/** Paired runs a measure. @default 3 */
	readonly runs?: number;
	readonly log?: (line: string) => void;
};

/** Run the split bench; the result is Markdown lines for the bench's report. */
export async function benchSplit(options: SplitBenchOptions): Promise<string[]> {
	const {cli, directory, sizes = [10_000, 100_000], runs = 3, log = () => undefined} = options;
	const out: string[] = ['| set | entries a printing | one file | two files | one file / two files | split |', '|---|---:|---:|---:|---:|---|'];
	const notes: string[] = [];
	let reference: {readonly file: string; readonly lines: number} | undefined;
	for (const entries of sizes) {
		for (const recurring of [false, true]) {
			const page = tenVolumeSet(entries, 12, recurring);
			const pair = makeNoisyPair(page, 12, {mode: 'one-file'});
			const text = pair.sources[0]!.text;
			const boundary = pair.boundary!;
			const lines = text.split('\n');
			const one = path.join(directory, `${page.name}.txt`);
			const a = path.join(directory, `${page.name}-a.txt`);
			const b = path.join(directory, `${page.name}-b.txt`);
			writeFileSync(one, text);
			writeFileSync(a, `${lines.slice(0, boundary - 1).join('\n')}\n`);
			writeFileSync(b, lines.slice(boundary - 1).join('\n'));
			if (entries === 10_000 && !recurring) reference = {file: one, lines: lines.length};
			log(`split bench: ${page.name}, ${runs} paired runs…`);
			// What the last one-file run said (the closure keeps it).
			const last: {split: ReturnType<typeof splitOf>} = {split: ''};
			// eslint-disable-next-line no-await-in-loop -- one measure at a time, for the timing
			const measured = await paired(
				runs,
				() => {
					const oneRun = run(cli, [one]);
					last.split = splitOf(oneRun);
					return oneRun.milliseconds;
				},
				() => run(cli, [a, b]).milliseconds,
			);
			const found = last.split;
			const right = typeof found !== 'string' && found.printings === 2 && found.boundaries.length === 1 && found.boundaries[0] === boundary;
			const said = typeof found === 'string' ? found : `${found.printings} printings at ${found.boundaries.join(', ') || '–'}`;
			out.push(
				`| ten volumes, titles ${recurring ? 'recurring' : 'distinct'} | ${entries.toLocaleString('en')} | ` +
					`${showTime(measured.first.median)} | ${showTime(measured.second.median)} | ${showRatio(measured.ratio)} | ` +
					`${right ? `right (line ${boundary})` : `WRONG: ${said}, truth line ${boundary}`} |`,
			);

			// The same set printed once: one printing, and said so.
			const once = path.join(directory, `${page.name}-once.txt`);
			writeFileSync(once, page.text);
			const single = run(cli, [once]);
			const onePrinting = single.code === 3 && /only one printing/.test(single.stderr);
			notes.push(
				`The ${page.name.replaceAll('-', ' ')} set printed once (${showTime(single.milliseconds)}): ` +
					`${onePrinting ? 'one printing, as it is' : `WRONG: ${splitOf(single) as string}`}.`,
			);
		}
	}

	// A third printing: what each printing adds per entry, from runs of one, two and three printings.
	const page = synthesizeContents(10_000, 3);
	const [pairOne, pairTwo] = [makeNoisyPair(page, 3), makeNoisyPair(page, 4)];
	const [a, b] = pairOne.sources.map((source) => source.text) as [string, string];
	const c = pairTwo.sources[1]!.text;
	const files = {one: path.join(directory, 'p1.txt'), two: path.join(directory, 'p2.txt'), three: path.join(directory, 'p3.txt')};
	writeFileSync(files.one, a);
	writeFileSync(files.two, `${a}\n\n${b}`);
	writeFileSync(files.three, `${a}\n\n${b}\n\n${c}`);
	const counts = {b: pairOne.b.items.length, c: pairTwo.b.items.length};
	log(`split bench: a third printing, ${runs} runs of one, two and three printings…`);
	const third: number[] = [];
	const adds = {second: [] as number[], third: [] as number[]};
	for (let k = 0; k < runs; k++) {
		// One printing alone: start-up, reading and parsing it, and the search that finds no second.
		const t1 = run(cli, [files.one]).milliseconds;
		const t2 = run(cli, [files.two]).milliseconds;
		const t3 = run(cli, [files.three]).milliseconds;
		adds.second.push(t2 - t1);
		adds.third.push(t3 - t2);
		third.push((t3 - t2) / counts.c / ((t2 - t1) / counts.b));
	}

	const threeRun = splitOf(run(cli, [files.three]));
	notes.push(
		`A third printing of 10,000 entries adds ${showTime(spreadOf(adds.third).median)}, the second ${showTime(spreadOf(adds.second).median)}: ` +
			`per entry the third costs ${showRatio(spreadOf(third))} what the second does (target ≤ 1); ` +
			`the three are found as ${typeof threeRun === 'string' ? threeRun : `${threeRun.printings} printings`}.`,
	);

	// Degenerate input, each against the 2 × 10,000 one-file page run beside it.
	const rng = createRng(5);
	const words = ['the', 'of', 'history', 'war', 'music', 'peace', 'letters', 'notes', 'index', 'preface', 'chapter', 'volume'];
	const degenerate = [
		{name: '500,000 lines of one word', text: Array.from({length: 500_000}, () => rng.pick(words)).join('\n')},
		{name: '500,000 lines of a word and a number', text: Array.from({length: 500_000}, () => `${rng.pick(words)} ${rng.int(1, 500)}`).join('\n')},
		{name: '10,000 identical lines', text: 'Preface\t5\n'.repeat(10_000)},
		{name: '10,000 lines of one word', text: 'Preface\n'.repeat(10_000)},
	];
	if (reference !== undefined) {
		for (const [k, input] of degenerate.entries()) {
			const file = path.join(directory, `degenerate-${k}.txt`);
			writeFileSync(file, input.text);
			const lineCount = input.text.split('\n').length;
			log(`split bench: ${input.name}…`);
			let said = '';
			// eslint-disable-next-line no-await-in-loop -- one measure at a time, for the timing
			const measured = await paired(
				runs,
				() => {
					const test = run(cli, [file]);
					said =
						test.code === 0 || test.code === 1
							? `${(splitOf(test) as {printings: number}).printings} printings`
							: test.stderr.trim().split('\n')[0]!.replace(file, 'FILE');
					return test.milliseconds;
				},
				() => run(cli, [reference.file]).milliseconds,
			);
			// Per line: the ratio of the times, scaled by the ratio of the lines.
			const perLine: Spread = {
				median: (measured.ratio.median * reference.lines) / lineCount,
				low: (measured.ratio.low * reference.lines) / lineCount,
				high: (measured.ratio.high * reference.lines) / lineCount,
			};

			notes.push(
				`${input.name}: ${showTime(measured.first.median)}, per line ${showRatio(perLine)} a real contents page's (2 × 10,000 in one file); it says: ${said}`,
			);
		}
	}

	return [...out, '', ...notes.map((note) => `- ${note}`)];
}
