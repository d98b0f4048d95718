/**
 * The command line: `parseCliArgs(argv)` turns arguments into a typed `CliArgs`, or throws a
 * `UsageError` that says what is wrong and what to do.
 */
import {parseArgs} from 'node:util';
import {printingLetters, type PrintingLetter} from '../core/decisions.js';
import {formats} from '../report/index.js';
import {parseShard, type Shard} from './batch-shelf.js';
import {codeOf, UsageError} from './errors.js';
import {toFile} from './output.js';

/** What the user asked for. */
export type CliArgs = {
	readonly files: readonly string[];
	/** The export format; absent means the review screen on a terminal, else `text`. */
	readonly format?: string;
	readonly output?: string;
	/** Where the second printing (and each after it) starts in a one-file input. */
	readonly splitAt?: readonly number[];
	/** How many printings a one-file input holds, when detection stays ambiguous. */
	readonly printings?: number;
	readonly exitCode: boolean;
	readonly noTui: boolean;
	readonly decisions?: string;
	/** The printing the corrected contents page rebuilds and the errata number by (`--base c`, or `--base 3`). */
	readonly base: PrintingLetter;
	/** Compare many files (or folders of them), each holding both printings, in parallel. */
	readonly batch: boolean;
	/** Worker threads for `batch`; absent means one per CPU core. */
	readonly jobs?: number;
	/** With `batch`, compare the files of subfolders too. */
	readonly recursive: boolean;
	/** With `batch --format jsonl -o FILE`, skip the inputs whose lines FILE already holds, and add the others. */
	readonly resume: boolean;
	/** With `batch`, take only this share of the inputs (sorted by name). */
	readonly shard?: Shard;
	/** With `batch`, read more inputs from this list, one path a line (`-`: standard input). */
	readonly filesFrom?: string;
	/** The pages of a PDF to read, from 1, inclusive (`--pages 5-9`). */
	readonly pages?: readonly [number, number];
	/** A folder to look for the scans' page images in, besides the OCR files' own folders. */
	readonly images?: string;
	readonly help: boolean;
	readonly version: boolean;
};

/** The help text, written for people. */
export const helpText = `tocdiff: compare two printings of a book's table of contents

Usage
  tocdiff FILE                 one file holding two printings, one after the other
  tocdiff FILE_A FILE_B        one printing in each file ("-" reads standard input)
                               each FILE plain text, ALTO, PAGE XML, hOCR or a PDF
  tocdiff FILE_A FILE_B FILE_C one printing in each; C (and more) show their readings
                               on each row and vote in the suggestions
  tocdiff --batch DIR|FILE...  many files, each holding two printings, in parallel
  tocdiff --batch --files-from LIST  the same, the files listed one a line in LIST

On a terminal tocdiff opens the review screen; in a pipe, under CI (the CI
variable set), or with --format or --no-tui, it prints a report.

Options
  -f, --format FORMAT   ${formats.map((f) => f.name).join(', ')} (default: text);
                        with --batch also jsonl
  -o, --output PATH     write the report to PATH instead of standard output
                        (without --format, a .json/.md/.csv/.html/.xml name picks it)
      --split-at LINE   the second printing starts at LINE (overrides detection);
                        LINE,LINE,… for a third printing and more
      --printings N     the file holds N printings: take the N−1 best places
                        where one starts (--split-at still overrides)
      --decisions PATH  review decisions file (default: FILE.tocdiff.json)
      --base a|b|c…     the printing that --format toc (alto, page, hocr) rebuilds
                        and whose lines the errata give: a letter, or its number
                        (3 or c for the third printing; default: a)
      --pages N-M       read pages N to M of a PDF (its contents pages)
      --images DIR      look for the scans' page images in DIR too (for the HTML
                        report's crops of each line)
      --exit-code       exit 1 when the printings differ, as git diff --exit-code
      --no-tui          print the text report even on a terminal
      --batch           compare every file named, and the .txt (or extensionless) files
                        in each folder named; prints a summary table (and, with
                        --format, the reports: json gives one array, csv one table;
                        html, tei and toc are written beside each file)
      --recursive       with --batch, the files of subfolders too (hidden ones excepted)
      --files-from PATH with --batch, compare the files listed in PATH too, one a line
                        (blank lines ignored; - reads the list from standard input)
      --shard K/N       with --batch, only every N-th file (sorted by name) from the
                        K-th, K counted from 0: shards 0/N to N-1/N cover all once
      --format jsonl    with --batch, one report a line as each file finishes (in the
                        order they finish), with "source"; a failed file is
                        {"source", "error"}
      --resume          with --batch --format jsonl -o FILE: keep the lines FILE holds,
                        skip their files, add the rest (a torn last line is redone)
      --jobs N          worker threads for --batch (default: one per CPU core;
                        at most two per core, and one per file)
  -h, --help            show this help
  -v, --version         show the version

Formats
${formats.map((f) => `  ${f.name.padEnd(10)}${f.description}`).join('\n')}

Exit codes
  0  success (with --exit-code: the printings agree)
  1  the printings differ (only with --exit-code)
  2  usage error
  3  an input cannot be read or compared (with --batch: any file failed)

Examples
  tocdiff vol31.txt
  tocdiff scan-1.txt scan-2.txt --format json > report.json
  tocdiff vol31.txt --split-at 123 --format text --exit-code
  tocdiff a.alto.xml b.alto.xml --format alto -o a.corrected.xml
  tocdiff book.pdf edition-2.pdf --pages 5-9 --format html -o report.html
  ocr-tool page.png | tocdiff - edition-2.txt --no-tui
  tocdiff --batch volumes/ --format json > reports.json
  find shelf -name '*.txt' | tocdiff --batch --files-from - --shard 0/4 \\
    --format jsonl -o shard-0.jsonl --resume
`;

const options = {
	format: {type: 'string', short: 'f'},
	output: {type: 'string', short: 'o'},
	'split-at': {type: 'string'},
	printings: {type: 'string'},
	decisions: {type: 'string'},
	base: {type: 'string'},
	pages: {type: 'string'},
	images: {type: 'string'},
	'exit-code': {type: 'boolean'},
	'no-tui': {type: 'boolean'},
	batch: {type: 'boolean'},
	jobs: {type: 'string'},
	recursive: {type: 'boolean'},
	resume: {type: 'boolean'},
	shard: {type: 'string'},
	'files-from': {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/** The format a file name asks for by its extension, if any (`.json`, `.md`, `.csv`, `.html`, `.xml`). */
export function formatOfPath(file: string | undefined): string | undefined {
	const extension = /\.([a-z]+)$/i.exec(file ?? '')?.[1]?.toLowerCase();
	const byExtension: Readonly<Record<string, string>> = {
		json: 'json',
		jsonl: 'jsonl',
		md: 'markdown',
		markdown: 'markdown',
		csv: 'csv',
		html: 'html',
		htm: 'html',
		xml: 'tei',
		tei: 'tei',
	};
	return extension === undefined ? undefined : byExtension[extension];
}

/** What is wrong with a value of an option that takes a whole number. */
const numberMessages: Readonly<Record<string, (value: string) => string>> = {
	'--split-at': (value) => `--split-at takes a line number (1 or more; for three printings or more, one for each after the first, as 48,94), not "${value}"`,
	'--printings': (value) => `--printings takes how many printings one file holds (2 or more), not "${value}"`,
	'--jobs': (value) => `--jobs takes a number of worker threads (1 or more), not "${value}"`,
	'--pages': (value) => `--pages takes a page or a range of a PDF's pages (5, or 5-9), not "${value}"`,
};

/**
 * The printing `--base` names: its letter (`c`, any case) or its number (`3`, as the review
 * screen's keys number them), the first nine. Whether the input has that many printings is told
 * once it is compared.
 */
function baseOf(value: string): PrintingLetter {
	const lower = value.trim().toLowerCase();
	const letter = /^[1-9]$/.test(lower) ? printingLetters[Number(lower) - 1] : printingLetters.find((each) => each === lower);
	if (letter === undefined) throw new UsageError(`--base takes a printing: a, b, c … or its number, 1, 2, 3 …; not "${value}"`);
	return letter;
}

/** Parse the arguments after `node tocdiff`. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
	let parsed;
	try {
		parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true});
	} catch (error) {
		// node:util's messages name the option; say it in our words, in one line.
		const message = error instanceof Error ? error.message : String(error);
		const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? 'an option';
		switch (codeOf(error)) {
			case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
				throw new UsageError(`unknown option ${option}; run tocdiff --help for the options (a file name starting with - goes after --)`);
			}

			case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
				// A value that starts with a dash (`--split-at -5`) reads as another option: say what is wrong with it.
				const value = argv[argv.indexOf(option) + 1];
				const long = option.startsWith('--')
					? option
					: `--${Object.entries(options).find(([, spec]) => 'short' in spec && `-${spec.short}` === option)?.[0] ?? option.slice(1)}`;
				if (/ambiguous/.test(message) && value !== undefined)
					throw new UsageError(numberMessages[long]?.(value) ?? `${long} takes a value, not "${value}"; write ${long}=${value} if that is the value`);
				throw new UsageError(`${option} needs a value; run tocdiff --help for the options`);
			}

			default: {
				throw new UsageError(`${message.split('\n')[0]!.replace(/\.$/, '')}; run tocdiff --help for the options`);
			}
		}
	}

	const {values, positionals} = parsed;
	const help = values.help === true;
	const version = values.version === true;
	const batch = values.batch === true;
	if (batch && !help && !version) {
		if (positionals.length === 0 && values['files-from'] === undefined)
			throw new UsageError('--batch needs a folder or files; run tocdiff --batch DIR, or tocdiff --batch --files-from LIST');
		if (positionals.includes('-')) throw new UsageError('--batch reads files, not standard input ("-")');
		if (values['split-at'] !== undefined) throw new UsageError("--split-at is for one file; --batch finds each file's printings itself");
	} else if (!help && !version) {
		if (positionals.length === 0) throw new UsageError('no input file; run tocdiff FILE (two printings in one file) or tocdiff FILE_A FILE_B');
		if (positionals.length > 26) throw new UsageError(`expected at most 26 input files (printings A to Z), got ${positionals.length}; run tocdiff --help`);
		if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
	}

	// `-o errata.md` without `--format` means markdown: the file name says what the user wants.
	const format = values.format ?? formatOfPath(values.output);
	// JSON Lines is the batch's own: one report a line, as each file finishes (issue 17).
	if (format === 'jsonl') {
		if (!batch && !help && !version) throw new UsageError('--format jsonl is for --batch (one report a line); for one comparison use --format json');
	} else if (format !== undefined && !formats.some((f) => f.name === format)) {
		throw new UsageError(`unknown format "${format}"; use one of: ${formats.map((f) => f.name).join(', ')}`);
	}

	let splitAt: number[] | undefined;
	if (values['split-at'] !== undefined) {
		const given = values['split-at'];
		splitAt = given.split(',').map(Number);
		if (!/^\d+(?:,\d+)*$/.test(given) || splitAt.some((line) => line < 1)) throw new UsageError(numberMessages['--split-at']!(given));

		if (positionals.length >= 2 && !batch) throw new UsageError('--split-at is for one file holding both printings; with two files or more, drop it');
	}

	let printings: number | undefined;
	if (values.printings !== undefined) {
		printings = Number(values.printings);
		if (!/^\d+$/.test(values.printings) || printings < 2 || printings > 26) throw new UsageError(numberMessages['--printings']!(values.printings));
		if (positionals.length >= 2 && !batch)
			throw new UsageError('--printings is for one file holding them all; with two files or more, each file is one printing: drop it');
	}

	let jobs: number | undefined;
	if (values.jobs !== undefined) {
		jobs = Number(values.jobs);
		if (!/^\d+$/.test(values.jobs) || jobs < 1) throw new UsageError(numberMessages['--jobs']!(values.jobs));
		if (!batch) throw new UsageError('--jobs is for --batch; add --batch, or drop --jobs');
	}

	const recursive = values.recursive === true;
	if (recursive && !batch && !help && !version) throw new UsageError('--recursive is for --batch; add --batch, or drop --recursive');

	const batchOnly = (name: string): void => {
		if (!batch && !help && !version) throw new UsageError(`--${name} is for --batch; add --batch, or drop --${name}`);
	};

	let shard: Shard | undefined;
	if (values.shard !== undefined) {
		batchOnly('shard');
		const parsedShard = parseShard(values.shard);
		if ('message' in parsedShard) throw new UsageError(parsedShard.message);
		shard = parsedShard;
	}

	if (values['files-from'] !== undefined) {
		batchOnly('files-from');
		if (values['files-from'] === '') throw new UsageError('--files-from needs a path; use - to read the list from standard input');
	}

	const resume = values.resume === true;
	if (resume) {
		batchOnly('resume');
		if (batch && (format !== 'jsonl' || !toFile(values.output)))
			throw new UsageError('--resume reads the lines already written: use it with --format jsonl -o FILE');
	}

	let pages: [number, number] | undefined;
	if (values.pages !== undefined) {
		const match = /^(\d+)(?:-(\d+))?$/u.exec(values.pages);
		const from = Number(match?.[1]);
		const to = Number(match?.[2] ?? match?.[1]);
		if (!match || from < 1 || to < from) throw new UsageError(numberMessages['--pages']!(values.pages));
		pages = [from, to];
	}

	if (values.images === '') throw new UsageError('--images needs a folder; give the folder that holds the page images');

	const base = baseOf(values.base ?? 'a');
	if (values.output === '') throw new UsageError('--output needs a path; use - for standard output');

	return {
		files: positionals,
		...(format === undefined ? {} : {format}),
		...(values.output === undefined ? {} : {output: values.output}),
		...(splitAt === undefined ? {} : {splitAt}),
		...(printings === undefined ? {} : {printings}),
		exitCode: values['exit-code'] === true,
		noTui: values['no-tui'] === true,
		...(values.decisions === undefined ? {} : {decisions: values.decisions}),
		base,
		batch,
		...(jobs === undefined ? {} : {jobs}),
		recursive,
		resume,
		...(shard === undefined ? {} : {shard}),
		...(values['files-from'] === undefined ? {} : {filesFrom: values['files-from']}),
		...(pages === undefined ? {} : {pages}),
		...(values.images === undefined ? {} : {images: values.images}),
		help,
		version,
	};
}
