/**
 * Command-line options for the developer tools (`npm run eval`, `bench`, `soak`, the collation
 * comparison): `parseArgs`, with a mistake told in one line that names the options the tool takes,
 * and the exit code 2, never a stack trace.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
/** What `parseArgs` gives for `options`, strictly and without positionals. */
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{args: string[]; options: T; strict: true; allowPositionals: false}>>;

/** Parse `args` by `options`, strictly; on a mistake, print it in one line and exit with 2. */
export function parseOptions<T extends Options>(tool: string, args: readonly string[], options: T): Parsed<T> {
	try {
		return parseArgs({args: [...args], options, strict: true, allowPositionals: false});
	} catch (error) {
		const message = (error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument.*$/su, '').replace(/\.$/u, '');
		const taken = Object.keys(options)
			.map((name) => `--${name}`)
			.join(', ');
		process.stderr.write(`${tool}: ${message}; it takes ${taken}\n`);
		process.exit(2);
	}
}
