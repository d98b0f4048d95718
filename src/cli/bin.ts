/**
 * The `tocdiff` command: run `main` on the process's arguments and set the exit code. The
 * launcher (`launch.ts`) calls `start`; this module is the entry of the `dist/cli.cjs` bundle.
 */
import {nodeIo, writeStderr} from './io.js';
import {main} from './main.js';

/** Run the command; resolves when it has finished and `process.exitCode` is set. */
export async function start(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
	try {
		process.exitCode = await main(argv, nodeIo);
	} catch (error) {
		// Only bugs reach here: expected failures are one-line messages from `main`.
		writeStderr('tocdiff: internal error; please report it with the text below\n');
		writeStderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 70;
	}
}
