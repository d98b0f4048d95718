/** An `Io` for tests that run `main` in this process, over files held in memory. */
import type {Io} from '../../src/cli/io.js';

/** An `Io` over files held in memory: reads what `files` holds, and collects what is written. */
export function memoryIo(
	files: ReadonlyArray<{readonly name: string; readonly text: string}>,
	overrides: Partial<Io> = {},
): Io & {readonly out: string[]; readonly err: string[]} {
	const out: string[] = [];
	const err: string[] = [];
	const readFile = async (file: string): Promise<Uint8Array> => {
		const found = files.find((each) => each.name === file);
		if (found === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), {code: 'ENOENT'});
		return new TextEncoder().encode(found.text);
	};

	return {
		out,
		err,
		readFile,
		readStdin: async () => new Uint8Array(),
		writeFile: async () => {
			throw new Error('nothing is written to a file here');
		},
		lockDecisions: async () => {
			throw new Error('no review here');
		},
		removeStaleTemporaries: () => 0,
		linkCount: (file) => (files.some((each) => each.name === file) ? 1 : undefined),
		stdout: {write: (text) => out.push(text), isTTY: false},
		stderr: {write: (text) => err.push(text), isTTY: false},
		stdinIsTTY: false,
		env: {},
		version: 'test',
		cwd: '/nowhere',
		...overrides,
	};
}
