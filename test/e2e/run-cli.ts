import {spawn, spawnSync} from 'node:child_process';
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
export function runCli(args: readonly string[], options: {input?: string | Uint8Array; env?: Record<string, string | undefined>; cwd?: string; cli?: string} = {}): CliResult {
	const env: Record<string, string | undefined> = {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env};
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	const result = spawnSync(process.execPath, [options.cli ?? cliPath, ...args], {
		cwd: options.cwd ?? root,
		input: options.input ?? '',
		env: env as NodeJS.ProcessEnv,
		encoding: 'utf8',
		timeout: 30_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Whether util-linux `script` is here to give the built command a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

/** The built command running in a pseudo-terminal. */
export type TerminalSession = {
	/** Everything the terminal has shown so far (`script` merges standard output and error). */
	readonly output: () => string;
	readonly press: (keys: string) => void;
	/** Resolve once `text` is on the terminal; fail after 15 s with what it shows. */
	readonly waitFor: (text: string) => Promise<void>;
	readonly exited: Promise<number | null>;
};

/**
 * Run the built command in a pseudo-terminal, as in a user's terminal: a CI service's variables
 * (which this suite may run under) would make tocdiff print its report instead of opening the
 * screen, so they are left out unless `env` sets them.
 */
export function openTerminal(args: readonly string[], options: {cwd: string; columns?: number; lines?: number; env?: Record<string, string>; cli?: string}): TerminalSession {
	const extra = options.env ?? {};
	const env: NodeJS.ProcessEnv = {...process.env, COLUMNS: String(options.columns ?? 120), LINES: String(options.lines ?? 40), NO_COLOR: '1', ...extra};
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR']) if (!(key in extra)) delete env[key];
	const command = [process.execPath, options.cli ?? cliPath, ...args].map((part) => JSON.stringify(part)).join(' ');
	const child = spawn('script', ['-qfec', command, '/dev/null'], {cwd: options.cwd, env});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString('utf8');
	});
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', resolve);
	});
	return {
		output: () => output,
		press(keys) {
			child.stdin.write(keys);
		},
		async waitFor(text) {
			const started = Date.now();
			while (!output.includes(text)) {
				if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${JSON.stringify(text)}; last output:\n${output.slice(-2000)}`);
				// eslint-disable-next-line no-await-in-loop -- polling the screen
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		},
		exited,
	};
}
