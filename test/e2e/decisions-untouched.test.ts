import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli, samplePath} from './run-cli.js';

// A decisions file that tocdiff cannot read holds a reviewer's hours all the same: every path that
// reads it reports it in one line and leaves it byte for byte as it was (#6). The review screen's
// own paths are in review.test.ts, under a terminal.
const badFiles = [
	['truncated', '{\n  "schema": "tocdiff-decisions/1",\n  "decisions": [\n    {\n      "key": "g8gq', /is not valid JSON/],
	['empty', '', /is not valid JSON/],
	['foreign', '{"name": "tocdiff", "version": "0.1.0"}\n', /not a tocdiff decisions file/],
	['binary', '\u0000\u0001\u0002PK\u0003\u0004', /is not valid JSON/],
	// Hand-edited, or written by another program: an `edit` with no reading would become "delete"
	// in the errata while `--format toc` kept the line.
	[
		'hand-edited',
		'{"schema": "tocdiff-decisions/1", "decisions": [{"key": "k1", "verdict": "a"}, {"key": "k2", "verdict": "edit", "a": "TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFERENCE, JULY 1, 1920\\t181"}]}\n',
		/: decision 2 \(on “TELEPHONE MESSAGE TO THE PRESIDIUM OF THE ALL-RUSSIA FOOD CONFER…”\) has the verdict "edit" but no "text" \(the corrected reading\); fix it, or move it aside to start afresh$/m,
	],
] as const;

const paths = [
	['a report on standard output', (file: string) => [file, '--format', 'json']],
	['a report written with -o', (file: string) => [file, '--format', 'markdown', '-o', path.join(path.dirname(file), 'errata.md')]],
	['the text report in a pipe', (file: string) => [file]],
	['a batch of reports', (file: string) => ['--batch', path.dirname(file), '--format', 'json']],
] as const;

describe.each(paths)('%s with a bad decisions file (#6)', (_path, argv) => {
	it.each(badFiles)('reports a %s file in one line and leaves it untouched', (_kind, content, message) => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-untouched-'));
		mkdirSync(path.join(dir, 'volumes'));
		const file = path.join(dir, 'volumes', 'vol31.txt');
		copyFileSync(samplePath('lenin-cw31-two-printings.txt'), file);
		const decisions = `${file}.tocdiff.json`;
		writeFileSync(decisions, content);
		const before = readFileSync(decisions);

		const {code, stdout, stderr} = runCli(argv(file));
		expect(code).toBe(3);
		if (argv(file)[0] === '--batch') {
			// A batch reports each file's failure in its place and goes on.
			expect((JSON.parse(stdout) as Array<{error?: string}>)[0]?.error).toMatch(message);
		} else {
			expect(stdout).toBe('');
			expect(stderr).toMatch(message);
			expect(stderr).toContain(`tocdiff: ${decisions}: `);
			expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		}

		expect(readFileSync(decisions)).toEqual(before);
		expect(readdirSync(path.dirname(file)).sort()).toEqual(['vol31.txt', 'vol31.txt.tocdiff.json']);
	});
});
