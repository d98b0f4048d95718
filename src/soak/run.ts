/**
 * `npm run soak` (issue 6): a long robustness run, not a test. It makes thousands of cases (pairs
 * of printings from the evaluation's noise model, in one file and in two, and the same bytes
 * mangled: cut short, binary junk, huge lines, other encodings and line ends; with random
 * formats and options, good and bad), runs the built command on each with a time limit, and
 * reports every crash, hang, message that is not one line, and JSON report that breaks the schema.
 * About one case in eight belongs to a family of faults around the review screen and standard
 * output (families.ts): the disk filling up or the decisions folder made read-only mid-review,
 * one decisions file under two names, the terminal closing, standard output that cannot be
 * written; those also count decisions lost, locks left behind and temporary files left over.
 * Prints one summary line last; exits 1 when anything was found.
 *
 * Options: `--cases N` (2000), `--seed N` (1; a case is the same for the same seed and number),
 * `--only N` (run case N alone, to reproduce it), `--jobs N` (one per CPU core), `--timeout S`
 * (30 s a run), `--keep` (keep every case's folder, not only those with findings), `--family NAME`
 * (every case of that family: disk-full, read-only, linked-decisions, hang-up, stdout-error).
 */
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadFixtures, type Fixture} from '../eval/fixtures.js';
import {parseOptions} from '../eval/options.js';
import {createRng, hashSeed, type Rng} from '../eval/rng.js';
import {synthesizeContents} from '../eval/synth.js';
import {mangle, manglings, printingsOf, randomScenario} from './cases.js';
import {families, familyOf, runFamily, type Family} from './families.js';
import {excerpt, judgeRun, type Expectation, type Finding, type FindingKind, type Outcome} from './judge.js';

// The command as package.json's `bin` names it; `src/soak` and `dist/soak` both sit two levels down.
const root = new URL('../../', import.meta.url);
const cli = fileURLToPath(new URL((JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {bin: {tocdiff: string}}).bin.tocdiff, root));
const validFormats = ['text', 'json', 'markdown', 'csv', 'html', 'tei', 'toc'] as const;

/** One run of the command: its folder, arguments, standard input and what it must give. */
type SoakCase = {
	readonly id: number;
	readonly label: string;
	readonly dir: string;
	readonly args: readonly string[];
	readonly stdin?: Uint8Array;
	readonly expectation: Expectation;
	/** Where the JSON report goes, when the case asks for one: `stdout` (standard output) or a file. */
	readonly json?: string;
};

/** The bytes of the case's input files: noisy printings (perhaps mangled), junk, or something huge. */
function inputsOf(rng: Rng, id: number, fixtures: readonly Fixture[]): {readonly label: string; readonly files: readonly Uint8Array[]} {
	const roll = rng.next();
	if (roll < 0.02) {
		// Huge: a synthetic page of tens of thousands of entries, or one enormous line.
		if (rng.chance(0.5)) {
			const page = synthesizeContents(rng.int(20_000, 60_000), id);
			return {label: `huge page (${page.text.length} chars)`, files: [Buffer.from(`${page.text}\n${page.text}`)]};
		}

		return {label: 'one huge line', files: [Buffer.from(`${'Chapter One '.repeat(rng.int(50_000, 400_000))}\t12\n`)]};
	}

	if (roll < 0.12) {
		const how = rng.pick(['binary', 'blank', 'truncate', 'junk', 'invalid-utf8', 'huge-line'] as const);
		const count = rng.int(1, 2);
		const text = 'CONTENTS\n\nI. Preface\t1\nII. The Beginning\t5\n';
		return {label: `junk ${how} × ${count}`, files: Array.from({length: count}, () => mangle(text, how, rng))};
	}

	const scenario = randomScenario(rng, fixtures.length, id);
	const pair = printingsOf(scenario, fixtures);
	const how = rng.chance(0.6) ? 'none' : rng.pick(manglings);
	const files = pair.sources.map((source, i) => mangle(source.text, i === 0 || rng.chance(0.5) ? how : 'none', rng, 300_000));
	return {label: `${pair.name} ${scenario.mode} noise ${scenario.noise} ${how}`, files};
}

/** Build case `id` in its own folder under `parent`. */
function makeCase(id: number, seed: number, parent: string, fixtures: readonly Fixture[]): SoakCase {
	const rng = createRng(hashSeed(`soak ${id}`, seed));
	const dir = path.join(parent, `case-${id}`);
	mkdirSync(dir, {recursive: true});
	const inputs = inputsOf(rng, id, fixtures);
	const files = inputs.files.map((bytes, i) => {
		const file = path.join(dir, i === 0 ? 'a.txt' : 'b.txt');
		writeFileSync(file, bytes);
		return file;
	});
	const args: string[] = [...files];
	const notes: string[] = [];
	let usage = false;
	let input = false;
	let stdin: Uint8Array | undefined;
	if (rng.chance(0.1)) {
		args[0] = '-';
		stdin = inputs.files[0];
		notes.push('stdin');
	}

	let format: string | undefined;
	const formatRoll = rng.next();
	if (formatRoll < 0.65) format = 'json';
	else if (formatRoll < 0.9) format = rng.pick(validFormats);
	else if (formatRoll < 0.93) {
		format = rng.pick(['docx', '', 'JSON', 'md', '--json']);
		usage = true;
	}

	if (format !== undefined) args.push('--format', format);
	let json: SoakCase['json'] = format === 'json' ? 'stdout' : undefined;

	const outputRoll = rng.next();
	if (outputRoll < 0.12) {
		const out = path.join(dir, rng.pick(['out.json', 'out.md', 'out', 'out.txt']));
		args.push('-o', out);
		if (json !== undefined || (format === undefined && out.endsWith('.json'))) json = out;
	} else if (outputRoll < 0.16) {
		const named = args.findLast((arg) => files.includes(arg)) ?? `${dir}/`;
		args.push('-o', rng.pick(['/proc/tocdiff-soak/out.json', `${dir}/`, named]));
		json = undefined;
		input = true;
	}

	if (rng.chance(0.12)) {
		const value = rng.chance(0.8) ? String(rng.int(1, 400)) : rng.pick(['0', 'abc', '-3', '1.5', '']);
		args.push('--split-at', value);
		if (!/^[1-9]\d*$/.test(value) || files.length === 2) usage = true;
	}

	if (rng.chance(0.1)) {
		const base = rng.chance(0.9) ? 'b' : 'c';
		args.push('--base', base);
		if (base === 'c') usage = true;
	}

	const exitCode = rng.chance(0.3);
	if (exitCode) args.push('--exit-code');
	if (rng.chance(0.1)) args.push('--no-tui');
	if (rng.chance(0.02)) {
		args.push(rng.pick(['--frobnicate', '-x', '--format']));
		usage = true;
	}

	if (rng.chance(0.12)) {
		const decisions = path.join(dir, 'decisions.json');
		const kind = rng.pick(['missing', 'garbage', 'orphans', 'bom', 'folder'] as const);
		const orphans = JSON.stringify({schema: 'tocdiff-decisions/1', decisions: [{key: 'gone', verdict: 'a', note: 'x'}]});
		if (kind === 'garbage') writeFileSync(decisions, mangle(orphans, rng.pick(['truncate', 'junk', 'binary'] as const), rng));
		if (kind === 'orphans' || kind === 'bom') writeFileSync(decisions, `${kind === 'bom' ? '\uFEFF' : ''}${orphans}`);
		args.push('--decisions', kind === 'folder' ? dir : decisions);
		if (kind === 'folder') input = true;
		notes.push(`decisions ${kind}`);
	}

	const code = usage ? 2 : input ? 3 : undefined;
	return {
		id,
		label: [inputs.label, ...notes].join(', '),
		dir,
		args,
		...(stdin === undefined ? {} : {stdin}),
		expectation: {exitCode, ...(code === undefined ? {} : {code})},
		...(json === undefined ? {} : {json}),
	};
}

/** Run the built command on a case, killing it after `timeout` milliseconds. */
async function runCase(soakCase: SoakCase, timeout: number): Promise<Outcome & {readonly milliseconds: number}> {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NO_COLOR' && key !== 'FORCE_COLOR'));
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [cli, ...soakCase.args], {cwd: soakCase.dir, env, stdio: ['pipe', 'pipe', 'pipe']});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeout);
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		// The command may exit before it reads its input (a usage error): that is not a failure here.
		child.stdin.on('error', () => undefined);
		child.stdin.end(soakCase.stdin ?? '');
		child.on('close', (code) => {
			clearTimeout(timer);
			const out = Buffer.concat(stdout).toString('utf8');
			let json: string | undefined;
			if (soakCase.json === 'stdout') json = out;
			else if (soakCase.json !== undefined) json = readIfThere(soakCase.json);
			resolve({
				code,
				stdout: out,
				stderr: Buffer.concat(stderr).toString('utf8'),
				timedOut,
				...(json === undefined ? {} : {json}),
				milliseconds: performance.now() - started,
			});
		});
	});
}

function readIfThere(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

/** The command line of a case, to paste into a shell from its folder. */
function commandOf(soakCase: SoakCase): string {
	const quoted = soakCase.args.map((arg) => (/^[\w./:=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
	return `cd ${soakCase.dir} && node ${cli} ${quoted.join(' ')}${soakCase.stdin === undefined ? '' : ' < a.txt'}`;
}

const {values} = parseOptions('soak', process.argv.slice(2), {
	cases: {type: 'string', default: '2000'},
	seed: {type: 'string', default: '1'},
	only: {type: 'string'},
	jobs: {type: 'string', default: String(availableParallelism())},
	timeout: {type: 'string', default: '30'},
	keep: {type: 'boolean', default: false},
	family: {type: 'string'},
});

if (values.family !== undefined && !(families as readonly string[]).includes(values.family)) {
	process.stderr.write(`soak: --family takes one of ${families.join(', ')}, not "${values.family}"\n`);
	process.exit(2);
}

const fixtures = loadFixtures();
const seed = Number(values.seed);
const ids = values.only === undefined ? Array.from({length: Number(values.cases)}, (_, i) => i) : [Number(values.only)];
const folder = mkdtempSync(path.join(tmpdir(), 'tocdiff-soak-'));
const timeout = Number(values.timeout) * 1000;
const counts: Record<FindingKind, number> = {
	crash: 0,
	hang: 0,
	message: 0,
	'exit-code': 0,
	'invalid-json': 0,
	'stderr-noise': 0,
	'lost-decision': 0,
	lock: 0,
	leftover: 0,
};
/** Per family: cases run, cases skipped (not set up here), decisions made and kept. */
const familyCounts = new Map<Family, {run: number; skipped: number; made: number; kept: number; discarded: number}>(
	families.map((family) => [family, {run: 0, skipped: 0, made: 0, kept: 0, discarded: 0}]),
);
const exits = new Map<string, number>();
let slowest = {milliseconds: 0, id: -1};
let withFindings = 0;
let next = 0;
const started = performance.now();

/** Run case `id` of a fault family in its folder; record what it found. */
async function familyCase(id: number, family: Family): Promise<void> {
	const dir = path.join(folder, `case-${id}`);
	mkdirSync(dir, {recursive: true});
	const rng = createRng(hashSeed(`soak ${id}`, seed));
	const started = performance.now();
	const outcome = await runFamily(family, {dir, cli, fixtures, rng, timeout});
	const milliseconds = performance.now() - started;
	const tally = familyCounts.get(family)!;
	if (outcome.exit === 'skipped') tally.skipped++;
	else tally.run++;
	tally.made += outcome.decisions.made;
	tally.kept += outcome.decisions.kept;
	tally.discarded += outcome.decisions.discarded;
	exits.set(outcome.exit, (exits.get(outcome.exit) ?? 0) + 1);
	if (milliseconds > slowest.milliseconds) slowest = {milliseconds, id};
	if (outcome.findings.length > 0) {
		withFindings++;
		for (const finding of outcome.findings) counts[finding.kind]++;
		process.stdout.write(`case ${id} (${outcome.label}): ${outcome.findings.map((f) => `${f.kind}: ${f.detail}`).join(' | ')}\n  ${outcome.command}\n`);
	} else if (!values.keep) {
		rmSync(dir, {recursive: true, force: true});
	}
}

/** Take cases off the list one by one until none is left. */
async function worker(): Promise<void> {
	while (next < ids.length) {
		const id = ids[next++]!;
		// A draw of its own, so that the other cases are what they were before the families came.
		const family = (values.family as Family | undefined) ?? familyOf(createRng(hashSeed(`family ${id}`, seed)));
		if (family !== undefined) {
			// eslint-disable-next-line no-await-in-loop -- one case at a time per worker
			await familyCase(id, family);
			continue;
		}

		const soakCase = makeCase(id, seed, folder, fixtures);
		// eslint-disable-next-line no-await-in-loop -- one case at a time per worker
		const outcome = await runCase(soakCase, timeout);
		const findings: Finding[] = judgeRun(soakCase.expectation, outcome);
		const exit = outcome.timedOut ? 'timeout' : String(outcome.code);
		exits.set(exit, (exits.get(exit) ?? 0) + 1);
		if (outcome.milliseconds > slowest.milliseconds) slowest = {milliseconds: outcome.milliseconds, id};
		if (findings.length > 0) {
			withFindings++;
			for (const finding of findings) counts[finding.kind]++;
			process.stdout.write(
				`case ${id} (${soakCase.label}): ${findings.map((f) => `${f.kind}: ${f.detail}`).join(' | ')}` +
					`\n  ${commandOf(soakCase)}\n  stdout: ${excerpt(outcome.stdout, 120)}\n`,
			);
		} else if (!values.keep) {
			rmSync(soakCase.dir, {recursive: true, force: true});
		}
	}
}

await Promise.all(Array.from({length: Math.max(1, Number(values.jobs))}, worker));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const exitList = [...exits]
	.sort()
	.map(([code, n]) => `${code}: ${n}`)
	.join(', ');
const found =
	Object.entries(counts)
		.filter(([, n]) => n > 0)
		.map(([kind, n]) => `${n} ${kind}`)
		.join(', ') || 'nothing';
const familyList = [...familyCounts]
	.map(([family, tally]) => `${family} ${tally.run}${tally.skipped > 0 ? ` (${tally.skipped} skipped: not set up here)` : ''}`)
	.join(', ');
const made = [...familyCounts.values()].reduce((sum, tally) => sum + tally.made, 0);
const kept = [...familyCounts.values()].reduce((sum, tally) => sum + tally.kept, 0);
const discarded = [...familyCounts.values()].reduce((sum, tally) => sum + tally.discarded, 0);
if (withFindings === 0 && !values.keep) rmSync(folder, {recursive: true, force: true});
process.stdout.write(
	`soak: ${ids.length} cases (seed ${seed}) in ${seconds} s, ${values.jobs} at a time; families: ${familyList}; ` +
		`decisions made in them ${made}: ${kept} kept, ${discarded} given up by the reviewer when asked, ${made - kept - discarded} lost; ` +
		`exits ${exitList}; slowest ${Math.round(slowest.milliseconds)} ms (case ${slowest.id}); ` +
		`found ${found}${withFindings > 0 ? ` in ${withFindings} cases (kept in ${folder})` : ''}\n`,
);
process.exitCode = withFindings > 0 ? 1 : 0;
