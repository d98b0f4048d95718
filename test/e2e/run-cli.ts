import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {bin: {tocdiff: string}};

/** The built command, as package.json's `bin` names it. */
export const cliPath = fileURLToPath(new URL(pkg.bin.tocdiff, new URL('../../', import.meta.url)));

/** Where the samples are. */
export const samplePath = (name: string): string => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));

export type CliResult = {readonly code: number | null; readonly stdout: string; readonly stderr: string};

/** Run the built CLI with arguments, standard input and extra environment. */
export function runCli(args: readonly string[], options: {input?: string | Uint8Array; env?: Record<string, string | undefined>; cwd?: string} = {}): CliResult {
	const env: Record<string, string | undefined> = {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env};
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		cwd: options.cwd ?? root,
		input: options.input ?? '',
		env: env as NodeJS.ProcessEnv,
		encoding: 'utf8',
		timeout: 30_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
