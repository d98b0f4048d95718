/**
 * What counts as wrong in one run of the command (issue 6): a crash (exit 70, a signal, a stack
 * trace or "internal error"), a hang, a failure that is not one line on standard error, noise on
 * standard error after a success, and a JSON report that breaks the schema.
 */
import {reportProblems} from './report-schema.js';

/** How a run ended. */
export type Outcome = {
	/** The exit code; null when a signal ended it. */
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	readonly timedOut: boolean;
	/** The report, when the run asked for JSON (from standard output or the --output file). */
	readonly json?: string;
};

/** What the case knows it should get. */
export type Expectation = {
	/** The exit code the case must give, when it is known (2 for a bad option, 3 for binary data). */
	readonly code?: number;
	/** The run passed --exit-code, so that 1 is a success. */
	readonly exitCode: boolean;
};

/**
 * The kinds of finding, for the summary's counts. The fault families (families.ts) add a decision
 * lost, a lock left behind or not keeping a second screen out, and a temporary file left behind.
 */
export type FindingKind = 'crash' | 'hang' | 'message' | 'exit-code' | 'invalid-json' | 'stderr-noise' | 'lost-decision' | 'lock' | 'leftover';

/** One thing wrong with a run. */
export type Finding = {readonly kind: FindingKind; readonly detail: string};

/** A line of a JavaScript stack trace, from any file (`dist/cli.cjs`, a chunk, Node's own). */
export const stackLine = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;

/** The first characters of a text, on one line, for a report. */
export function excerpt(text: string, length = 200): string {
	const flat = text.replaceAll('\n', '⏎');
	return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** Everything wrong with a run; none for a good run. */
export function judgeRun(expectation: Expectation, outcome: Outcome): Finding[] {
	if (outcome.timedOut) return [{kind: 'hang', detail: 'no exit before the time limit'}];
	const findings: Finding[] = [];
	const {code, stderr} = outcome;
	if (code === null || code === 70 || /internal error/i.test(stderr) || stackLine.test(stderr)) {
		findings.push({kind: 'crash', detail: `exit ${code ?? 'by signal'}: ${excerpt(stderr)}`});
		return findings;
	}

	const allowed = expectation.exitCode ? [0, 1, 2, 3] : [0, 2, 3];
	if (!allowed.includes(code) || (expectation.code !== undefined && code !== expectation.code)) {
		findings.push({kind: 'exit-code', detail: `exit ${code}${expectation.code === undefined ? '' : `, expected ${expectation.code}`}: ${excerpt(stderr)}`});
	}

	if (code === 2 || code === 3) {
		const lines = stderr.trimEnd().split('\n');
		if (lines.length !== 1 || !/^tocdiff: \S/.test(lines[0]!)) findings.push({kind: 'message', detail: `not one line: ${excerpt(stderr)}`});
	} else if (stderr !== '') {
		findings.push({kind: 'stderr-noise', detail: excerpt(stderr)});
	}

	if ((code === 0 || code === 1) && outcome.json !== undefined) {
		let report: unknown;
		try {
			report = JSON.parse(outcome.json);
		} catch (error) {
			findings.push({kind: 'invalid-json', detail: `not JSON (${error instanceof Error ? error.message : String(error)}): ${excerpt(outcome.json)}`});
			return findings;
		}

		const problems = reportProblems(report);
		if (problems.length > 0) findings.push({kind: 'invalid-json', detail: problems.slice(0, 5).join('; ')});
	}

	return findings;
}
