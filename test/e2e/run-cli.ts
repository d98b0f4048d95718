import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {openTerminal as openInTerminal, type Terminal} from '../../src/bench/terminal.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {bin: {tocdiff: string}};

/**
 * The built command, as package.json's `bin` names it; `TOCDIFF_E2E_CLI` runs the end-to-end
 * tests on another build instead (an earlier commit's, to see a test fail before its fix).
 */
export const cliPath = process.env['TOCDIFF_E2E_CLI'] ?? fileURLToPath(new URL(pkg.bin.tocdiff, new URL('../../', import.meta.url)));

/** Where the samples are. */
export const samplePath = (name: string): string => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));

export type CliResult = {readonly code: number | null; readonly stdout: string; readonly stderr: string};

/** Run the built CLI with arguments, standard input and extra environment. */
export function runCli(
	args: readonly string[],
	options: {input?: string | Uint8Array; env?: Record<string, string | undefined>; cwd?: string; cli?: string} = {},
): CliResult {
	const given: Record<string, string | undefined> = {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env};
	const env = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
	const result = spawnSync(process.execPath, [options.cli ?? cliPath, ...args], {
		cwd: options.cwd ?? root,
		input: options.input ?? '',
		env: env,
		encoding: 'utf8',
		timeout: 30_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

export {hasScript} from '../../src/bench/terminal.js';

/** The built command running in a pseudo-terminal (src/bench/terminal.ts): output, keys, exit code. */
export type TerminalSession = Terminal;

/**
 * Run the built command in a pseudo-terminal of `columns` × `lines` (120 × 40 unless given), as
 * in a user's terminal, without colour unless `env` asks: a CI service's variables (which this
 * suite may run under) would make tocdiff print its report instead of opening the screen, so they
 * are left out unless `env` sets them.
 */
export function openTerminal(
	args: readonly string[],
	options: {cwd: string; columns?: number; lines?: number; env?: Record<string, string>; cli?: string},
): TerminalSession {
	return openInTerminal([process.execPath, options.cli ?? cliPath, ...args], {
		cwd: options.cwd,
		columns: options.columns ?? 120,
		rows: options.lines ?? 40,
		env: {NO_COLOR: '1', ...options.env},
	});
}
