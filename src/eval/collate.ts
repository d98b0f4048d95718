/**
 * `node dist/eval/collate.js --collatex DIR`: tocdiff's line alignment against a collation tool's,
 * CollateX (its Python port), on the evaluation's cases (issue 12: "at or above a collation tool's
 * line alignment on every case family").
 *
 * Both get the true split (the two-files form of each case). CollateX aligns the two printings word
 * by word (`scripts/collatex/align.py`: near matching on, no segmentation), and every column that
 * holds a word of each gives a pair of lines; tocdiff's rows give theirs. Each is scored by the
 * evaluation's line measure (pair counting over A line × B line, `metrics.ts`), pooled per family
 * and as a mean of per-case F1, with the cases each wins. The real-OCR family has a truth of its
 * own shape and is left out.
 *
 * Not part of `npm test` or `npm run eval`: it needs Python 3 with CollateX, networkx,
 * python-Levenshtein and prettytable, and takes minutes. Options: `--collatex DIR` (the
 * collatex-pythonport folder), `--seeds N` (10), `--family NAME[,NAME]`, `--part tune|held|all`
 * (all), `--seconds N` (CollateX's time a case, 120), `--python PATH` (python3).
 */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {compare} from '../core/index.js';
import {familyCases, familyNames, type FamilyName, type PairCase} from './families.js';
import {familyInputs} from './inputs.js';
import {parseOptions} from './options.js';
import {addCounts, prf, scoreLines, zeroCounts, type Counts, type ScoredRow} from './metrics.js';

const driver = fileURLToPath(new URL('../../scripts/collatex/align.py', import.meta.url));

type CaseResult = {
	readonly family: FamilyName;
	readonly tocdiff: Counts;
	readonly collatex: Counts | undefined;
	readonly tocdiffMs: number;
	readonly collatexSeconds: number;
};

/** The lines of a text with their numbers, blank ones left out. */
const numbered = (text: string): Array<[number, string]> =>
	text
		.split(/\r\n|\r|\n/)
		.map((line, k): [number, string] => [k + 1, line])
		.filter(([, line]) => line.trim() !== '');

/**
 * CollateX's line pairs as rows the line measure reads. Lines bound by aligned words are one row,
 * as tocdiff's rows are: the pairs are closed over (A's line 3 with B's 4 and 5, and B's 5 with A's
 * 4, make one row of A 3–4 and B 4–5), so that a paragraph aligned word by word is scored as
 * the entry it pairs, not as its single line pairs.
 */
function pairRows(pairs: ReadonlyArray<readonly [number, number]>): ScoredRow[] {
	// Union-find over A's lines (x) and B's lines (-y).
	const parent = new Map<number, number>();
	const find = (node: number): number => {
		let root = node;
		while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
		parent.set(node, root);
		return root;
	};

	for (const [x, y] of pairs) {
		if (!parent.has(x)) parent.set(x, x);
		if (!parent.has(-y)) parent.set(-y, -y);
		parent.set(find(x), find(-y));
	}

	const groups = new Map<number, {a: number[]; b: number[]}>();
	for (const node of parent.keys()) {
		const root = find(node);
		const group = groups.get(root) ?? {a: [], b: []};
		if (node > 0) group.a.push(node);
		else group.b.push(-node);
		groups.set(root, group);
	}

	// One row per pair of lines in a group: the measure counts A line × B line, and a group's lines
	// need not be consecutive.
	return [...groups.values()].flatMap((group) =>
		group.a.flatMap((x) => group.b.map((y): ScoredRow => ({status: 'changed', a: {lines: [x, x], text: ''}, b: {lines: [y, y], text: ''}, differences: []}))),
	);
}

function main(argv: readonly string[]): number {
	const {values} = parseOptions('collate', argv, {
		collatex: {type: 'string'},
		seeds: {type: 'string', default: '10'},
		family: {type: 'string'},
		part: {type: 'string', default: 'all'},
		seconds: {type: 'string', default: '120'},
		python: {type: 'string', default: 'python3'},
	});
	const families = (values.family?.split(',') ?? familyNames.filter((name) => name !== 'real-ocr')) as FamilyName[];
	for (const family of families) {
		if (!(familyNames as readonly string[]).includes(family) || family === 'real-ocr') {
			process.stderr.write(`collate: --family ${family}: use one of ${familyNames.filter((name) => name !== 'real-ocr').join(', ')}\n`);
			return 2;
		}
	}

	const inputs = familyInputs({seeds: Number(values.seeds), modes: ['two-files'], ocr: false});
	const cases: PairCase[] = [];
	for (const family of families) {
		for (const found of familyCases(family, inputs)) {
			if (found.type === 'pair' && (values.part === 'all' || found.part === values.part)) cases.push(found);
		}
	}

	process.stderr.write(`collate: ${cases.length} cases; CollateX aligns them…\n`);
	const input = cases.map((found, id) => JSON.stringify({id, a: numbered(found.truth.sources[0]!.text), b: numbered(found.truth.sources[1]!.text)})).join('\n');
	const args = [driver, '--seconds', values.seconds, ...(values.collatex === undefined ? [] : ['--collatex', values.collatex])];
	const ran = spawnSync(values.python, args, {input, encoding: 'utf8', maxBuffer: 1 << 28});
	if (ran.error || ran.status !== 0) {
		process.stderr.write(
			`collate: CollateX did not run (${ran.error?.message ?? ran.stderr.trim().split('\n').at(-1)}); ` +
				`give --collatex DIR and install networkx, python-Levenshtein and prettytable\n`,
		);
		return 3;
	}

	const answers = new Map<number, {pairs?: Array<[number, number]>; timeout?: boolean; seconds?: number}>();
	for (const line of ran.stdout.split('\n')) {
		if (line.trim() === '') continue;
		const answer = JSON.parse(line) as {id: number; pairs?: Array<[number, number]>; timeout?: boolean; seconds?: number};
		answers.set(answer.id, answer);
	}

	const results: CaseResult[] = cases.map((found, id) => {
		const started = performance.now();
		const comparison = compare(found.truth.sources);
		const tocdiffMs = performance.now() - started;
		const answer = answers.get(id);
		return {
			family: found.family,
			tocdiff: scoreLines(found.truth, comparison.rows),
			collatex: answer?.pairs === undefined ? undefined : scoreLines(found.truth, pairRows(answer.pairs)),
			tocdiffMs,
			collatexSeconds: answer?.seconds ?? 0,
		};
	});

	const f1 = (counts: Counts): number => prf(counts).f1 * 100;
	const heads = [
		'family',
		'cases',
		'tocdiff pooled',
		'CollateX pooled',
		'tocdiff mean',
		'CollateX mean',
		'tocdiff better / CollateX better / equal',
		'CollateX timed out',
		'time tocdiff / CollateX',
	];
	const lines = [
		`tocdiff against CollateX (word tokens, near matching), line alignment F1 %, two-files form (the true split), ${values.seeds} seeds, part ${values.part}`,
		'',
		`| ${heads.join(' | ')} |`,
		'|---|---:|---:|---:|---:|---:|---|---:|---|',
	];
	for (const family of [...families, 'all' as const]) {
		const own = results.filter((result) => family === 'all' || result.family === family);
		const done = own.filter((result) => result.collatex !== undefined);
		if (own.length === 0) continue;
		const pooled = (pick: (result: CaseResult) => Counts): number => f1(done.reduce((sum, result) => addCounts(sum, pick(result)), zeroCounts));
		const mean = (pick: (result: CaseResult) => Counts): number => done.reduce((sum, result) => sum + f1(pick(result)), 0) / Math.max(1, done.length);
		const better = done.filter((result) => f1(result.tocdiff) > f1(result.collatex!) + 1e-9).length;
		const worse = done.filter((result) => f1(result.collatex!) > f1(result.tocdiff) + 1e-9).length;
		const ms = own.reduce((sum, result) => sum + result.tocdiffMs, 0);
		const seconds = own.reduce((sum, result) => sum + result.collatexSeconds, 0);
		const cells = [
			family,
			own.length,
			pooled((r) => r.tocdiff).toFixed(1),
			pooled((r) => r.collatex!).toFixed(1),
			mean((r) => r.tocdiff).toFixed(1),
			mean((r) => r.collatex!).toFixed(1),
			`${better} / ${worse} / ${done.length - better - worse}`,
			own.length - done.length,
			`${(ms / 1000).toFixed(1)} s / ${seconds.toFixed(1)} s`,
		];
		lines.push(`| ${cells.join(' | ')} |`);
	}

	lines.push('', '(pooled and mean over the cases CollateX finished; the time is the alignment alone for CollateX, the whole comparison for tocdiff)');
	console.log(lines.join('\n'));
	return 0;
}

process.exitCode = main(process.argv.slice(2));
