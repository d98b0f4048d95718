#!/usr/bin/env node
/** The `tocdiff` command. */
import {nodeIo} from './io.js';
import {main} from './main.js';

// A reader that stops early (`tocdiff … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

try {
	process.exitCode = await main(process.argv.slice(2), nodeIo);
} catch (error) {
	// Only bugs reach here: expected failures are one-line messages from `main`.
	process.stderr.write('tocdiff: internal error; please report it with the text below\n');
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 70;
}
