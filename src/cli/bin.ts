#!/usr/bin/env node
/** The `tocdiff` command. */
import {setFlagsFromString} from 'node:v8';
import {nodeIo} from './io.js';
import {main} from './main.js';

// A run reads each pattern a few hundred times at most: compiling every regular expression to
// machine code at once is cheaper than interpreting it first and compiling it later (~10 ms of a
// ~60 ms run on the seed; see the start-up figures in the README).
setFlagsFromString('--no-regexp-tier-up');

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
