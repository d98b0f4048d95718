import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {judgeRun, type Outcome} from '../../src/soak/judge.js';

const seedJson = readFileSync(new URL('../fixtures/expected/seed.json', import.meta.url), 'utf8');
const ok: Outcome = {code: 0, stdout: '', stderr: '', timedOut: false};

describe('judgeRun', () => {
	it.each<[string, Outcome, boolean]>([
		['a clean success', ok, false],
		['a valid JSON report', {...ok, json: seedJson}, false],
		['a one-line failure', {...ok, code: 3, stderr: 'tocdiff: a.txt is empty; give a file that holds a contents page\n'}, false],
		['exit 1 with --exit-code', {...ok, code: 1}, true],
	])('passes %s', (_name, outcome, exitCode) => {
		expect(judgeRun({exitCode}, outcome)).toEqual([]);
	});

	it.each<[string, Outcome, string]>([
		['a hang', {...ok, code: null, timedOut: true}, 'hang'],
		['exit 70', {...ok, code: 70, stderr: 'tocdiff: internal error; please report it with the text below\nTypeError: x\n'}, 'crash'],
		['a stack trace', {...ok, code: 3, stderr: 'TypeError: x is undefined\n    at parseLine (file:///dist/tocdiff.js:1:2345)\n'}, 'crash'],
		['a signal', {...ok, code: null}, 'crash'],
		['a failure over two lines', {...ok, code: 3, stderr: 'tocdiff: bad\nmore\n'}, 'message'],
		['a failure without the program name', {...ok, code: 2, stderr: 'bad option\n'}, 'message'],
		['exit 1 without --exit-code', {...ok, code: 1}, 'exit-code'],
		['noise on standard error after a success', {...ok, stderr: 'warning: x\n'}, 'stderr-noise'],
		['a report that is not JSON', {...ok, json: '{"schema": '}, 'invalid-json'],
		['a report that breaks the schema', {...ok, json: seedJson.replace('"status": "same"', '"status": "alike"')}, 'invalid-json'],
	])('finds %s', (_name, outcome, kind) => {
		expect(judgeRun({exitCode: false}, outcome).map((f) => f.kind)).toContain(kind);
	});

	it('finds an exit code other than the one the case must give', () => {
		expect(judgeRun({exitCode: false, code: 2}, {...ok, code: 3, stderr: 'tocdiff: x\n'}).map((f) => f.kind)).toEqual(['exit-code']);
	});
});
