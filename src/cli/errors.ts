/** Expected failures, each with the exit code `main` returns for it. */

/** Exit codes, as documented in the README. */
export const exitCodes = {success: 0, differences: 1, usage: 2, input: 3} as const;

/** The command line was wrong: unknown flag, missing file name, bad value. Exit 2. */
export class UsageError extends Error {
	override name = 'UsageError';
	readonly exitCode = exitCodes.usage;
}

/** An input could not be read or compared. Exit 3. */
export class InputError extends Error {
	override name = 'InputError';
	readonly exitCode = exitCodes.input;
}
