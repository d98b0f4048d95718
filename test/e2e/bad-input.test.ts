import {spawnSync} from 'node:child_process';
import {closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {cliPath, hasScript, openTerminal, runCli, samplePath, type CliResult} from './run-cli.js';
import {stackLine} from '../../src/soak/judge.js';

// Issue 6: every bad input gets one line that names the file (and the line where it helps) and
// says what to do, exit 2 (usage) or 3 (input), never a stack trace. The README's Robustness table
// is this list as the built command answers it: `UPDATE_README=1 npx vitest run test/e2e/bad-input.test.ts`.

const readmeUrl = new URL('../../README.md', import.meta.url);
let dir: string;

/** One bad input: how the README names it, the command (run in a folder of test files), and what it must get. */
type BadInput = {
	readonly input: string;
	readonly args: readonly string[];
	readonly stdin?: string | Uint8Array;
	/** A file to connect to standard input, as `< FILE` does. */
	readonly stdinFrom?: string;
	/** A file to connect to standard output, as `> FILE` (`w`) or `1< FILE` (`r`) do. */
	readonly stdoutTo?: {readonly file: string; readonly flags: 'w' | 'r'};
	/** Run in a pseudo-terminal, typing these keys once the first line is out. */
	readonly terminal?: string;
	readonly code: number;
	readonly message: RegExp;
};

const seedText = readFileSync(samplePath('lenin-cw31-two-printings.txt'), 'utf8');
const seedLines = seedText.split('\n');

/** The files the commands name, written into `dir`. */
function writeInputs(): void {
	const put = (name: string, content: string | Uint8Array): void => {
		writeFileSync(path.join(dir, name), content);
	};
	put('vol31.txt', seedText);
	put('a.txt', seedLines.slice(1, 121).join('\n'));
	put('b.txt', seedLines.slice(122, 223).join('\n'));
	put('empty.txt', '');
	put('blank.txt', '  \n\t\n\n');
	put('notes.txt', 'Read the second volume first.\nThe index is missing.\n\nAsk the library for the 1966 printing.\n');
	put('scan.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
	// UTF-8 with one byte of Windows-1252 on line 14 (`é`), as a careless edit leaves it.
	const bytes = Buffer.from(seedText);
	const at = Buffer.from(seedLines.slice(0, 13).join('\n')).length + 4;
	put('mixed.txt', Buffer.concat([bytes.subarray(0, at), Uint8Array.of(0xe9), bytes.subarray(at)]));
	// Cut short in the middle of the dash `—` (three bytes in UTF-8).
	const dash = bytes.indexOf(Buffer.from('—'), bytes.length / 2);
	put('cut.txt', bytes.subarray(0, dash + 2));
	put('utf16.txt', Buffer.from(seedText, 'utf16le'));
	// One line of a million characters inside the first printing.
	put('long-line.txt', [...seedLines.slice(0, 60), `Speech ${'and speech '.repeat(100_000)}\t99`, ...seedLines.slice(60)].join('\n'));
	mkdirSync(path.join(dir, 'scans'));
	put('bad.tocdiff.json', '{"schema": "tocdiff-decisions/1", "decisions": [');
	put('binary.tocdiff.json', Uint8Array.of(0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x7b));
	put('edit.tocdiff.json', '{"schema": "tocdiff-decisions/1", "decisions": [{"key": "g8gqymxva7", "verdict": "edit", "a": "TRANSLATED FROM THE RUSSIAN"}]}\n');
	// Russian OCR output in KOI8-R: the chapters of Что делать?, one page changed in the second printing.
	const russian = readFileSync(new URL('../fixtures/eval/chto-delat-lenin-1902-ru-substitute.txt', import.meta.url), 'utf8').replaceAll(/[«»]/g, '"');
	put('koi8-a.txt', koi8(russian));
	put('koi8-b.txt', koi8(russian.replace('Предисловие\t3', 'Предисловие\t4')));
	put('short-cyrillic.txt', koi8('Предисловие\t3\n'));
	// A shelf of volumes, with what a batch does not compare: a subfolder, a hidden file, a FIFO.
	mkdirSync(path.join(dir, 'shelf', 'later'), {recursive: true});
	put('shelf/vol1.txt', seedText);
	put('shelf/later/vol2.txt', seedText);
	put('shelf/.vol3.txt', seedText);
	spawnSync('mkfifo', [path.join(dir, 'shelf', 'vol4.txt')]);
}

/** Text in KOI8-R, from the decoder's own table (Node encodes UTF-8 only). */
function koi8(text: string): Uint8Array {
	const decoder = new TextDecoder('koi8-r');
	const byChar = new Map<string, number>();
	for (let byte = 0xff; byte >= 0x80; byte--) byChar.set(decoder.decode(Uint8Array.of(byte)), byte);
	return Uint8Array.from(Array.from(text, (char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : byChar.get(char)!)));
}

const badInputs: readonly BadInput[] = [
	{input: 'a missing file', args: ['nope.txt'], code: 3, message: /^tocdiff: nope\.txt: no such file; check the path$/},
	{input: 'a folder', args: ['scans'], code: 3, message: /^tocdiff: scans is a folder; give the text file inside it$/},
	{input: 'an empty file', args: ['empty.txt'], code: 3, message: /^tocdiff: empty\.txt is empty; give a file that holds a contents page$/},
	{input: 'a blank file', args: ['blank.txt'], code: 3, message: /^tocdiff: blank\.txt holds only blank lines; give a file/},
	{
		input: 'a file with no entries',
		args: ['notes.txt'],
		code: 3,
		message: /^tocdiff: notes\.txt holds no contents entries \(no line ends in a page number\); give a contents page/,
	},
	{input: 'binary data', args: ['scan.png'], code: 3, message: /^tocdiff: scan\.png looks like binary data, not text; give a plain-text contents page/},
	{
		input: 'invalid UTF-8 (a stray byte)',
		args: ['mixed.txt'],
		code: 3,
		message: /^tocdiff: mixed\.txt:14: byte 0xE9 is not UTF-8 in a file that otherwise is; fix that line, or save the file again as UTF-8$/,
	},
	{
		input: 'UTF-8 cut inside a character',
		args: ['cut.txt'],
		code: 3,
		message: /^tocdiff: cut\.txt:\d+: the file ends inside a character, as if cut short; give the whole file$/,
	},
	{input: 'UTF-16 without a byte-order mark', args: ['utf16.txt', '--format', 'json', '-o', 'report.json'], code: 0, message: /^$/},
	{input: 'a single line of 1 MB', args: ['long-line.txt', '-o', 'report.txt'], code: 0, message: /^$/},
	{
		input: 'a file of 50 MB',
		args: ['big.txt'],
		code: 3,
		message: /^tocdiff: big\.txt is over 16 MB, more than any contents page; give the contents pages alone, cut from the book's text$/,
	},
	{input: 'a file that never ends', args: ['/dev/zero'], code: 3, message: /^tocdiff: \/dev\/zero is over 16 MB, more than any contents page/},
	{
		input: 'a single printing',
		args: ['a.txt'],
		code: 3,
		message:
			/^tocdiff: a\.txt seems to hold only one printing; pass --split-at LINE to say where the second begins, or give the second printing as a second file$/,
	},
	{input: 'an unknown option', args: ['vol31.txt', '--colour'], code: 2, message: /^tocdiff: unknown option --colour; run tocdiff --help for the options/},
	{
		input: 'an unknown format',
		args: ['vol31.txt', '--format', 'docx'],
		code: 2,
		message: /^tocdiff: unknown format "docx"; use one of: text, json, markdown, csv, html, tei, toc, alto, page, hocr$/,
	},
	{
		input: '`--split-at` past the end of the file',
		args: ['vol31.txt', '--split-at', '500'],
		code: 3,
		message: /^tocdiff: vol31\.txt: --split-at 500 is past the last line of text \(223\); give the line where the second printing begins$/,
	},
	{
		input: '`--split-at` before the text starts',
		args: ['vol31.txt', '--split-at', '1'],
		code: 3,
		message: /^tocdiff: vol31\.txt: --split-at 1 leaves nothing before it \(the text starts at line 2\)/,
	},
	{
		input: '`--split-at` that is not a line number',
		args: ['vol31.txt', '--split-at', 'middle'],
		code: 2,
		message: /^tocdiff: --split-at takes a line number \(1 or more; for three printings or more, one for each after the first, as 48,94\), not "middle"$/,
	},
	{
		input: 'a negative `--split-at`',
		args: ['vol31.txt', '--split-at', '-5'],
		code: 2,
		message: /^tocdiff: --split-at takes a line number \(1 or more; for three printings or more, one for each after the first, as 48,94\), not "-5"$/,
	},
	{
		input: 'two `--split-at` lines with no text between them',
		args: ['vol31.txt', '--split-at', '140,139'],
		code: 3,
		message: /^tocdiff: vol31\.txt: --split-at 139,140: no text lies between them; give the line where each printing after the first begins$/,
	},
	{
		input: 'an output path that reads as an option',
		args: ['vol31.txt', '-o', '-x'],
		code: 2,
		message: /^tocdiff: --output takes a value, not "-x"; write --output=-x if that is the value$/,
	},
	{
		input: 'an output in a folder that does not exist',
		args: ['vol31.txt', '-o', 'out/errata.md'],
		code: 3,
		message: /^tocdiff: cannot write out\/errata\.md: the folder does not exist or takes no new files; choose another --output path$/,
	},
	{
		input: 'an output where nothing may be written',
		args: ['vol31.txt', '-o', '/sys/errata.md'],
		code: 3,
		message: /^tocdiff: cannot write \/sys\/errata\.md: permission denied; choose another --output path$/,
	},
	{
		input: 'an output that is a folder',
		args: ['vol31.txt', '-o', 'scans/'],
		code: 3,
		message: /^tocdiff: cannot write scans\/: it is a folder; give a file name to --output$/,
	},
	{
		input: 'a decisions file that is not JSON',
		args: ['vol31.txt', '--decisions', 'bad.tocdiff.json'],
		code: 3,
		message: /^tocdiff: bad\.tocdiff\.json: the decisions file is not valid JSON \(.*\); fix it, or move it aside to start afresh$/,
	},
	{
		input: 'a decisions file of binary data',
		args: ['vol31.txt', '--decisions', 'binary.tocdiff.json'],
		code: 3,
		message: /^tocdiff: binary\.tocdiff\.json: the decisions file is not valid JSON \(.*\\u0000.*\); fix it, or move it aside to start afresh$/,
	},
	{
		input: 'a decisions path that is a folder',
		args: ['vol31.txt', '--decisions', 'scans'],
		code: 3,
		message: /^tocdiff: scans: cannot read the decisions file \(it is a folder\); pass --decisions with a file you can read and write$/,
	},
	{
		input: 'empty standard input',
		args: ['-', 'b.txt'],
		stdin: '',
		code: 3,
		message: /^tocdiff: \(standard input\) is empty; give a file that holds a contents page$/,
	},
	{
		input: 'standard input that never ends',
		args: ['-'],
		stdinFrom: '/dev/zero',
		code: 3,
		message: /^tocdiff: standard input is over 16 MB, more than any contents page/,
	},
	{
		input: 'Cyrillic in KOI8-R (CP866, ISO-8859-5 and Windows-1251 alike)',
		args: ['koi8-a.txt', 'koi8-b.txt', '--format', 'json', '-o', 'koi8.json'],
		code: 0,
		message: /^$/,
	},
	{
		input: 'a line of Cyrillic, too little to tell its encoding',
		args: ['short-cyrillic.txt', 'a.txt'],
		code: 3,
		message:
			/^tocdiff: short-cyrillic\.txt looks like Cyrillic text in (?:KOI8-R or Windows-1251|Windows-1251 or KOI8-R), too little of it to tell which; convert it to UTF-8 and give that, e\.g\. iconv -f \S+ -t UTF-8 short-cyrillic\.txt > converted\.txt$/,
	},
	{
		input: 'a correction without its reading in the decisions file',
		args: ['vol31.txt', '--decisions', 'edit.tocdiff.json'],
		code: 3,
		message:
			/^tocdiff: edit\.tocdiff\.json: decision 1 \(on “TRANSLATED FROM THE RUSSIAN”\) has the verdict "edit" but no "text" \(the corrected reading\); fix it, or move it aside to start afresh$/,
	},
	{
		input: 'standard output on a full disk',
		args: ['vol31.txt', '--no-tui'],
		stdoutTo: {file: '/dev/full', flags: 'w'},
		code: 3,
		message: /^tocdiff: cannot write to standard output: the disk is full; free some space, or write the report to a file with -o PATH$/,
	},
	{
		input: 'standard output open for reading only',
		args: ['vol31.txt', '--format', 'json'],
		stdoutTo: {file: '/dev/null', flags: 'r'},
		code: 3,
		message: /^tocdiff: cannot write to standard output: it is not open for writing; write the report to a file with -o PATH$/,
	},
	{input: '`-o /dev/stdout` into a pipe', args: ['vol31.txt', '--format', 'json', '-o', '/dev/stdout'], code: 0, message: /^$/},
	{
		input: 'a folder of volumes with a subfolder, a hidden file and a FIFO',
		args: ['--batch', 'shelf'],
		code: 0,
		message: /^tocdiff: skipped 3: 1 folder \(use --recursive\), 1 hidden file, 1 FIFO$/,
	},
	...(hasScript
		? [
				{
					input: 'a decisions path where nothing may be written (review screen)',
					args: ['vol31.txt', '--decisions', '/sys/vol31.tocdiff.json'],
					terminal: '',
					code: 3,
					message: /^tocdiff: cannot save decisions beside \/sys\/vol31\.tocdiff\.json: permission denied; pass --decisions PATH to keep them elsewhere$/,
				},
				// Typing a printing in is possible, so tocdiff waits, but says so; Ctrl-D with nothing typed ends it.
				{
					input: 'standard input that is a terminal',
					args: ['-'],
					terminal: '\u0004',
					code: 3,
					message:
						/^tocdiff: reading a printing from the keyboard; end it with Ctrl-D\ntocdiff: \(standard input\) is empty; give a file that holds a contents page$/,
				},
			]
		: []),
];

/** Run the built command in a pseudo-terminal; the keys go in once tocdiff has spoken (its prompt), as a person would type them. */
async function runInTerminal(args: readonly string[], keys: string): Promise<CliResult> {
	const session = openTerminal(args, {cwd: dir, columns: 100, lines: 30});
	if (keys !== '') {
		await session.waitFor('tocdiff:');
		session.press(keys);
	}

	const code = await session.exited;
	// The terminal echoes what was typed (`^D`) and ends lines with CR LF; `script` merges the streams.
	return {
		code,
		stdout: '',
		stderr: session
			.output()
			.replaceAll('\r\n', '\n')
			.replaceAll(/\^D\u0008\u0008/g, ''),
	};
}

async function runBadInput(bad: BadInput): Promise<CliResult> {
	if (bad.terminal !== undefined) return runInTerminal(bad.args, bad.terminal);
	if (bad.stdinFrom !== undefined || bad.stdoutTo !== undefined) {
		const input = bad.stdinFrom === undefined ? 'ignore' : openSync(bad.stdinFrom, 'r');
		const output = bad.stdoutTo === undefined ? 'pipe' : openSync(bad.stdoutTo.file, bad.stdoutTo.flags);
		const result = spawnSync(process.execPath, [cliPath, ...bad.args], {cwd: dir, stdio: [input, output, 'pipe'], encoding: 'utf8', timeout: 30_000});
		if (typeof input === 'number') closeSync(input);
		if (typeof output === 'number') closeSync(output);
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- null when the process could not start, whatever the types say
		return {code: result.status, stdout: result.stdout ?? '', stderr: result.stderr};
	}

	return runCli(bad.args, {cwd: dir, ...(bad.stdin === undefined ? {} : {input: bad.stdin})});
}

const results = new Map<string, CliResult>();

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-bad-input-'));
	writeInputs();
	// 50 MB: the seed's text again and again, as a whole book's OCR text would be.
	const seedBytes = Buffer.from(seedText);
	writeFileSync(path.join(dir, 'big.txt'), Buffer.concat(Array.from({length: Math.ceil((50 * 1024 * 1024) / seedBytes.length)}, () => seedBytes)));
});

describe('bad input', () => {
	it.each(badInputs.map((bad) => [bad.input, bad] as const))('%s: one line that says what to do, the right exit code', async (_name, bad) => {
		const result = await runBadInput(bad);
		results.set(bad.input, result);
		expect(result.code).toBe(bad.code);
		expect(result.stderr.trimEnd()).toMatch(bad.message);
		expect(result.stderr).not.toMatch(/internal error/);
		expect(result.stderr).not.toMatch(stackLine);
		// Only the message's own line end: no control character quoted from a file reaches the terminal.
		expect(result.stderr.trimEnd()).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
	});

	it('reads the UTF-16 without a mark as the same text as the UTF-8', () => {
		const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as {summary: {rows: number}};
		expect(report.summary.rows).toBe(107);
	});

	it('compares a printing holding a line of a million characters, reporting that line', () => {
		expect(readFileSync(path.join(dir, 'report.txt'), 'utf8')).toMatch(/^− A 61 {2}missing\n {4}Speech and speech and/m);
	});
});

/** The README's Robustness table, from what the command printed. */
async function robustnessTable(): Promise<string> {
	const cell = (text: string): string => text.replaceAll('|', '\\|');
	const rows: string[] = [];
	for (const bad of badInputs) {
		// eslint-disable-next-line no-await-in-loop -- one command at a time, in the table's order
		const result = results.get(bad.input) ?? (await runBadInput(bad));
		const lines = result.stderr.trimEnd().split('\n').filter(Boolean);
		const said = lines.length === 0 ? 'nothing: it compares them' : lines.map((line) => `\`${cell(line)}\``).join(', then ');
		const redirect = bad.stdoutTo === undefined ? '' : bad.stdoutTo.flags === 'w' ? ` > ${bad.stdoutTo.file}` : ` 1< ${bad.stdoutTo.file}`;
		const piped = bad.args.includes('/dev/stdout') ? ' | cat' : '';
		const command =
			['tocdiff', ...bad.args].join(' ') +
			(bad.stdin === undefined ? '' : ' < /dev/null') +
			(bad.stdinFrom === undefined ? '' : ` < ${bad.stdinFrom}`) +
			redirect +
			piped;
		rows.push(`| ${bad.input} | \`${cell(command)}\` | ${said} | ${result.code} |`);
	}

	return ['| input | command | what tocdiff says | exit |', '|---|---|---|---:|', ...rows].join('\n');
}

// The pseudo-terminal rows need `script`; without it the table cannot be complete.
it.skipIf(!hasScript)('the README Robustness table is what tocdiff prints', async () => {
	const readme = readFileSync(readmeUrl, 'utf8');
	expect(readme).toMatch(/<!-- robustness:start -->\n[\s\S]*<!-- robustness:end -->/);
	const updated = readme.replace(/(<!-- robustness:start -->\n)[\s\S]*?(<!-- robustness:end -->)/, `$1${await robustnessTable()}\n$2`);
	if (process.env['UPDATE_README'] === '1') writeFileSync(readmeUrl, updated);
	expect(readFileSync(readmeUrl, 'utf8'), 'run UPDATE_README=1 npx vitest run test/e2e/bad-input.test.ts to write the table again').toBe(updated);
});
