import {mkdtempSync, readFileSync, writeFileSync, mkdirSync, chmodSync, existsSync, linkSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {runCli, samplePath} from './run-cli.js';
import {stackLine} from '../../src/soak/judge.js';

const seed = samplePath('lenin-cw31-two-printings.txt');
const seedText = readFileSync(seed, 'utf8');
const seedLines = seedText.split('\n');
let dir: string;
let fileA: string;
let fileB: string;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-e2e-'));
	fileA = path.join(dir, 'a.txt');
	fileB = path.join(dir, 'b.txt');
	writeFileSync(fileA, seedLines.slice(1, 121).join('\n'));
	writeFileSync(fileB, seedLines.slice(122, 223).join('\n'));
});

/** Expected failures print exactly one line and never a stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
	expect(stderr).toMatch(pattern);
	expect(stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(stderr).not.toMatch(stackLine);
}

describe('tocdiff FILE', () => {
	it('prints the text report in a pipe, with the printings, counts and marked differences', () => {
		const {code, stdout, stderr} = runCli([seed]);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		expect(stdout).toContain('A  lines 2–121');
		expect(stdout).toContain('B  lines 123–223');
		expect(stdout).toContain('107 rows: 82 same · 4 changed · 19 only in A · 2 only in B · 0 moved');
		expect(stdout).toContain('PRESID[-I-]UM');
		expect(stdout).toContain('JULY [-1-]{+4+}');
		expect(stdout).not.toContain('\u001B[');
	});

	it('writes the seed JSON exactly as the golden file', () => {
		// The path as a user types it from the project folder, as the golden file records it.
		const {code, stdout} = runCli(['samples/lenin-cw31-two-printings.txt', '--format', 'json']);
		expect(code).toBe(0);
		const golden = readFileSync(new URL('../fixtures/expected/seed.json', import.meta.url), 'utf8');
		expect(stdout).toBe(golden);
	});

	it('follows the seed expectations of the JSON contract', () => {
		const report = JSON.parse(runCli([seed, '-f', 'json']).stdout) as {
			schema: string;
			printings: Array<{id: string; lines: number[]}>;
			rows: Array<{
				status: string;
				a: {lines: number[]} | null;
				b: {lines: number[]} | null;
				differences: Array<{kind: string; severity: string; a: string; b: string}>;
			}>;
		};
		expect(report.schema).toBe('tocdiff-report/1');
		expect(report.printings.map((p) => [p.id, p.lines])).toEqual([
			['A', [2, 121]],
			['B', [123, 223]],
		]);
		const changed = report.rows
			.filter((r) => r.status === 'changed')
			.map((r) => [r.a!.lines[0], r.b!.lines[0], r.differences.map((d) => `${d.kind}/${d.severity}:${d.a}|${d.b}`)]);
		expect(changed).toEqual([
			[22, 146, ["spelling/minor:Bolsheviki's|Bolsheviks'"]],
			[52, 176, ['ocr/minor:PRESIDIUM|PRESIDUM', 'number/substantive:JULY 1|JULY 4']],
			[56, 180, ['punctuation/cosmetic:In.|In']],
			[91, 215, ['leaders/cosmetic:. .|']],
		]);
		expect(report.rows.filter((r) => r.status === 'only-b').map((r) => r.b!.lines[0])).toEqual([137, 138]);
		const onlyA = report.rows.filter((r) => r.status === 'only-a');
		expect(onlyA).toHaveLength(19);
		expect(onlyA.every((r) => r.differences[0]!.kind === 'truncation' && (r.a!.lines[0] ?? 0) >= 101)).toBe(true);
		expect(report.rows.filter((r) => r.status === 'same')).toHaveLength(82);
	});

	it('suggests PRESIDIUM over PRESIDUM from the English dictionary, and says when the evidence is even (#7)', () => {
		const report = JSON.parse(runCli([seed, '-f', 'json']).stdout) as {
			language: string;
			rows: Array<{differences: Array<{kind: string; a: string; suggestion?: {reading: string | null; confidence: number; why: string}}>}>;
		};
		expect(report.language).toBe('en');
		const differences = report.rows.flatMap((row) => row.differences);
		expect(differences.find((d) => d.a === 'PRESIDIUM')?.suggestion).toEqual({
			reading: 'a',
			confidence: 0.9,
			why: '“PRESIDIUM” is in the English dictionary and “PRESIDUM” is not',
		});
		expect(differences.find((d) => d.a === 'JULY 1')?.suggestion).toMatchObject({reading: null, confidence: 0.5});
		// B stops early: every entry past its end is A's to keep, and says why.
		const lost = differences.filter((d) => d.kind === 'truncation');
		expect(lost.length).toBeGreaterThan(0);
		for (const d of lost) expect(d.suggestion).toMatchObject({reading: 'a', why: expect.stringMatching(/^B stops before this entry/)});
	});

	it('splits where --split-at says', () => {
		const report = JSON.parse(runCli([seed, '-f', 'json', '--split-at', '140']).stdout) as {printings: Array<{lines: number[]}>};
		expect(report.printings.map((p) => p.lines)).toEqual([
			[2, 138],
			[140, 223],
		]);
	});
});

describe('tocdiff FILE_A FILE_B', () => {
	it('compares one printing in each file, with line numbers in each file', () => {
		const report = JSON.parse(runCli([fileA, fileB, '-f', 'json']).stdout) as {
			printings: Array<{lines: number[]}>;
			rows: Array<{status: string; a: {lines: number[]} | null; b: {lines: number[]} | null}>;
		};
		expect(report.printings.map((p) => p.lines)).toEqual([
			[1, 120],
			[1, 101],
		]);
		const changed = report.rows.filter((r) => r.status === 'changed').map((r) => [r.a!.lines[0], r.b!.lines[0]]);
		expect(changed).toEqual([
			[21, 24],
			[51, 54],
			[55, 58],
			[90, 93],
		]);
	});

	it('reads standard input for "-"', () => {
		const {code, stdout} = runCli(['-', fileB, '-f', 'json'], {input: readFileSync(fileA)});
		expect(code).toBe(0);
		expect(JSON.parse(stdout).printings[0].source).toBe('(standard input)');
	});

	it('reads UTF-16 with a BOM, CRLF line ends and Windows-1252', () => {
		const utf16 = path.join(dir, 'a-utf16.txt');
		writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(fileA, 'utf8').replaceAll('\n', '\r\n'), 'utf16le')]));
		const cp1252 = path.join(dir, 'b-1252.txt');
		writeFileSync(cp1252, Buffer.from(readFileSync(fileB, 'utf8').replaceAll('—', '-'), 'latin1'));
		const report = JSON.parse(runCli([utf16, cp1252, '-f', 'json']).stdout) as {summary: {status: Record<string, number>}};
		expect(report.summary.status['changed']).toBeGreaterThanOrEqual(4);
		expect(report.summary.status['same']).toBeGreaterThan(70);
	});
});

describe('tocdiff FILE_A FILE_B FILE_C (#7)', () => {
	it('shows the third printing’s reading on each differing row and lets it vote', () => {
		const fileC = path.join(dir, 'c.txt');
		writeFileSync(fileC, readFileSync(fileB, 'utf8').replace('PRESIDUM', 'PRESIDIUM'));
		const {code, stdout, stderr} = runCli([fileA, fileB, fileC]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^C {2}lines 1–101 {2}88 items .*c\.txt {2}\(its readings show under each row and vote in the suggestions\)$/m);
		expect(stdout).toContain('    C 54: TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920  181');
		expect(stdout).toContain('probably A (0.99): C reads “PRESIDIUM” too; “PRESIDIUM” is in the English dictionary and “PRESIDUM” is not');
		expect(stdout).toContain('probably B (0.90): C reads “JULY 4” too');
	});
});

describe('three printings in one file (#16)', () => {
	const three = samplePath('lenin-cw31-three-printings.txt');
	const threeLines = readFileSync(three, 'utf8').split('\n');

	it('shows the entry only C has as a row of its own', () => {
		const {code, stdout, stderr} = runCli([three]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain('split at lines 122 and 224 (confidence');
		expect(stdout).toContain('107 rows: 81 same · 4 changed · 19 only in A · 2 only in B · 0 moved · 1 only in C');
		expect(stdout).toContain('+ C 328  extra\n    Concluding Remarks  435\n    extra (substantive): only in printing C');
	});

	it('writes the corrected contents page of C with --base c or --base 3: its own lines, with no decisions', () => {
		const empty = path.join(dir, 'none.tocdiff.json');
		for (const base of ['c', '3', 'C']) {
			const {code, stdout, stderr} = runCli([three, '-f', 'toc', '--base', base, '--decisions', empty]);
			expect(stderr).toBe('');
			expect(code).toBe(0);
			expect(stdout).toBe(`${threeLines.slice(223, 346).join('\n')}\n`);
		}
	});

	it('applies a decision for C: to the corrected page and errata of A, and of C', () => {
		const json = JSON.parse(runCli([three, '-f', 'json']).stdout) as {rows: Array<{key: string; status: string; a: {title: string} | null}>};
		const only = json.rows.find((row) => row.status === 'only-other')!;
		const presidium = json.rows.find((row) => row.a?.title.includes('PRESIDIUM'))!;
		const decisions = path.join(dir, 'three.tocdiff.json');
		writeFileSync(
			decisions,
			JSON.stringify({
				schema: 'tocdiff-decisions/1',
				decisions: [
					{key: only.key, verdict: 'c'},
					{key: presidium.key, verdict: 'c'},
				],
			}),
		);
		const page = runCli([three, '-f', 'toc', '--decisions', decisions]).stdout.split('\n');
		expect(page).toContain('Concluding Remarks\t435');
		expect(page).toContain('TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920\t181');
		const errata = runCli([three, '-f', 'markdown', '--base', 'c', '--decisions', decisions]).stdout;
		expect(errata).toContain("Line numbers are printing C's unless another printing is named");
		expect(errata).toContain('- p. 181, A line 52: for “JULY 1” read “JULY 4”; B line 175: for “PRESIDUM” read “PRESIDIUM” — ocr, number, as in C');
		const report = JSON.parse(runCli([three, '-f', 'json', '--decisions', decisions]).stdout) as {rows: Array<{decision?: {verdict: string}}>};
		expect(report.rows.filter((row) => row.decision?.verdict === 'c')).toHaveLength(2);
	});

	it('gives C its column in HTML, its readings in TEI and CSV', () => {
		const html = path.join(dir, 'three.html');
		expect(runCli([three, '-o', html]).code).toBe(0);
		expect(readFileSync(html, 'utf8')).toContain('<th class="line">C line</th><th>Printing C</th>');
		const tei = runCli([three, '-f', 'tei']).stdout;
		expect(tei).toContain('<rdg wit="#C">TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920\t181</rdg>');
		expect(tei).toContain('<note type="suggestion" subtype="number" cert="0.90" corresp="#B">probably B (0.90): C reads “JULY 4” too</note>');
		const csv = runCli([three, '-f', 'csv']).stdout;
		expect(csv.split('\r\n')[0]).toBe('row,key,a_lines,b_lines,page,kind,severity,field,a,b,decision,edit,note,suggestion,confidence,why,others,checks');
		expect(csv).toContain('C 277: TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 4, 1920 181');
	});

	it('exits 3 on --base c of two printings, saying which there are', () => {
		const {code, stdout, stderr} = runCli([seed, '-f', 'toc', '--base', 'c']);
		expect(code).toBe(3);
		expect(stdout).toBe('');
		expectOneLineError(stderr, /^tocdiff: --base c: the input holds 2 printings, A and B, and no C; give --base a or b$/m);
	});
});

describe('options', () => {
	it('writes --output to a file and nothing to standard output', () => {
		const out = path.join(dir, 'report.json');
		const {code, stdout} = runCli([seed, '-f', 'json', '-o', out]);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe('tocdiff-report/1');
	});

	it('treats --output - as standard output', () => {
		expect(JSON.parse(runCli([seed, '-f', 'json', '-o', '-']).stdout).schema).toBe('tocdiff-report/1');
	});

	it.each([
		['differences found', () => [seed, '--exit-code'], 1],
		['no differences', () => [fileA, fileA, '--exit-code'], 0],
		['differences without --exit-code', () => [seed], 0],
	])('exit code with %s', (_name, args, expected) => {
		expect(runCli(args()).code).toBe(expected);
	});

	it('says the printings agree when they do', () => {
		expect(runCli([fileA, fileA]).stdout).toContain('The printings agree entry for entry.');
	});

	it('prints help with usage, options and examples', () => {
		const {code, stdout} = runCli(['--help']);
		expect(code).toBe(0);
		for (const part of ['Usage', 'Options', 'Examples', 'Exit codes', '--split-at', '--exit-code', '--format']) expect(stdout).toContain(part);
	});

	it('prints the version from package.json', () => {
		const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
		expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
	});

	it.each([
		['NO_COLOR', {NO_COLOR: '1'}, false],
		['FORCE_COLOR', {FORCE_COLOR: '1'}, true],
		['FORCE_COLOR over NO_COLOR', {FORCE_COLOR: '1', NO_COLOR: '1'}, true],
	])('respects %s', (_name, env, colored) => {
		const {stdout} = runCli([seed], {env});
		expect(stdout.includes('\u001B[')).toBe(colored);
		expect(stdout.includes('[-I-]')).toBe(!colored);
	});

	it('never colours a report written to a file', () => {
		const out = path.join(dir, 'report.txt');
		runCli([seed, '-o', out], {env: {FORCE_COLOR: '1'}});
		expect(readFileSync(out, 'utf8')).not.toContain('\u001B[');
	});

	it('writes the corrected contents with the line ends of the input (CRLF)', () => {
		const crlf = path.join(dir, 'crlf.txt');
		writeFileSync(crlf, seedText.replaceAll('\n', '\r\n'));
		const {stdout} = runCli([crlf, '-f', 'toc']);
		expect(stdout.split('\r\n').length).toBeGreaterThan(100);
		expect(stdout.replaceAll('\r\n', '')).not.toContain('\n');
	});

	it.each(['markdown', 'csv', 'html', 'tei', 'toc'])('exports --format %s', (format) => {
		const {code, stdout} = runCli([seed, '-f', format]);
		expect(code).toBe(0);
		expect(stdout.length).toBeGreaterThan(100);
	});

	it('applies a decisions file given with --decisions', () => {
		const decisions = new URL('../fixtures/decisions/seed.decisions.json', import.meta.url);
		const {code, stdout} = runCli([seed, '-f', 'json', '--decisions', decisions.pathname]);
		expect(code).toBe(0);
		expect(JSON.parse(stdout).rows.some((r: {decision?: unknown}) => r.decision !== undefined)).toBe(true);
	});
});

describe('bad input and usage', () => {
	it.each([
		['an unknown flag', ['--frobnicate', seed], /tocdiff: .*--frobnicate.*tocdiff --help/],
		['an unknown format', [seed, '-f', 'docx'], /unknown format "docx"; use one of: text, json/],
		['no file', [], /no input file/],
		['27 files', Array.from({length: 27}, () => seed), /at most 26 input files/],
		['a bad --split-at', [seed, '--split-at', 'abc'], /--split-at takes a line number/],
		['--split-at with two files', [seed, seed, '--split-at', '3'], /--split-at is for one file/],
		['a bad --base', [seed, '--base', 'z'], /--base takes a printing: a, b, c … or its number, 1, 2, 3 …; not "z"/],
		['--base 0', [seed, '--base', '0'], /--base takes a printing/],
	])('exits 2 on %s with one line', (_name, args, message) => {
		const {code, stderr, stdout} = runCli(args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expectOneLineError(stderr, message);
	});

	it.each([
		['a missing file', () => [path.join(dir, 'nope.txt')], /nope\.txt: no such file; check the path/],
		['a folder', () => [dir], /is a folder/],
		[
			'binary data',
			() => {
				const file = path.join(dir, 'image.png');
				writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
				return [file];
			},
			/looks like binary data, not text/,
		],
		[
			'a blank file',
			() => {
				const file = path.join(dir, 'empty.txt');
				writeFileSync(file, '\n\n');
				return [file];
			},
			/holds only blank lines/,
		],
		['one printing only', () => [fileA], /seems to hold only one printing; pass --split-at LINE .* or give the second printing as a second file/],
		[
			'a malformed decisions file',
			() => {
				const file = path.join(dir, 'bad.tocdiff.json');
				writeFileSync(file, '{oops');
				return [seed, '--decisions', file];
			},
			/not valid JSON/,
		],
		['an output folder that does not exist', () => [seed, '-o', path.join(dir, 'no', 'such', 'out.txt')], /cannot write .*the folder does not exist/],
		['an output that is an input', () => [fileA, fileB, '-o', fileB], /is one of the inputs; choose another --output path/],
		['an output that is the decisions file', () => [seed, '-o', `${seed}.tocdiff.json`], /holds the review decisions; choose another --output path/],
		[
			'an output that is a link to an input',
			() => {
				const link = path.join(dir, 'link-to-b.txt');
				if (!existsSync(link)) symlinkSync(fileB, link);
				return [fileA, fileB, '-o', link];
			},
			/link-to-b\.txt is one of the inputs/,
		],
		[
			'an input named through a link, with the output its target',
			() => {
				const link = path.join(dir, 'b-again.txt');
				if (!existsSync(link)) linkSync(fileB, link);
				return [fileA, link, '-o', fileB];
			},
			/b\.txt is one of the inputs/,
		],
		['an output that is a folder', () => [seed, '-o', `${dir}/`], /cannot write .*: it is a folder; give a file name to --output/],
		['a decisions path that is a folder', () => [seed, '--decisions', dir], /cannot read the decisions file \(it is a folder\)/],
	])('exits 3 on %s with one line', (_name, args, message) => {
		const before = readFileSync(fileB, 'utf8');
		const {code, stderr} = runCli(args());
		expect(readFileSync(fileB, 'utf8')).toBe(before);
		expect(code).toBe(3);
		expectOneLineError(stderr, message);
	});

	// Root reads every file whatever its mode, so this can only be checked as another user.
	it.skipIf(process.getuid?.() === 0)('exits 3 with one line when an input cannot be read', () => {
		const file = path.join(dir, 'locked.txt');
		writeFileSync(file, 'x');
		chmodSync(file, 0o000);
		const {code, stderr} = runCli([file]);
		expect(code).toBe(3);
		expectOneLineError(stderr, /permission denied/);
	});

	it('does not write the decisions file on a plain report', () => {
		const copy = path.join(dir, 'copy.txt');
		writeFileSync(copy, seedText);
		runCli([copy]);
		expect(existsSync(`${copy}.tocdiff.json`)).toBe(false);
		mkdirSync(path.join(dir, 'sub'), {recursive: true});
	});
});
