/**
 * Which files a batch compares (`--batch DIR|FILE…`): the files named, and in each folder named the
 * files whose names say they hold a contents page (`vol31.txt`, `vol31`, `vol31.alto.xml`,
 * `vol31.pdf`), in name order, with subfolders under `--recursive`; and what a folder held that
 * the batch skipped, counted by kind for the line on standard error.
 */
import type {Dirent, Stats} from 'node:fs';
import {readdir, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import {InputError, reasonOf} from './errors.js';

/**
 * Whether a file in a folder looks like a contents page to compare (`vol31.txt`, `vol31`), or an
 * OCR file or PDF of one (`vol31.alto.xml`, `vol31.hocr`, `vol31.pdf`), but not a report or a
 * corrected copy that tocdiff wrote beside one (`vol31.txt.errata.tei.xml`, `vol31.corrected.xml`).
 */
export function isTextName(name: string): boolean {
	if (/\.(?:xml|hocr|pdf)$/i.test(name)) return !/\.(?:errata|corrected(?:-[ab])?)\.(?:[\w-]+\.)?(?:xml|hocr|pdf)$/i.test(name);
	return (/\.txt$/i.test(name) && !/\.(?:errata\.txt|corrected(?:-[ab])?\.txt|toc\.txt)$/i.test(name)) || !name.includes('.');
}

/** What a folder held that a batch does not compare (other than files whose names say they are no contents page). */
const skippedKinds = ['folder', 'hidden file', 'hidden folder', 'FIFO', 'socket', 'device', 'broken link', 'unreadable folder'] as const;

/** One of `skippedKinds`. */
export type SkippedKind = (typeof skippedKinds)[number];

/** The files a batch compares, and how many entries of each kind its folders held that it skipped. */
export type BatchFiles = {readonly files: readonly string[]; readonly skipped: ReadonlyMap<SkippedKind, number>};

/** Options of `listBatchFiles`. */
export type ListOptions = {
	/** Compare the files of subfolders too (hidden ones excepted). @default false */
	readonly recursive?: boolean;
};

/** What a folder entry is, links followed: undefined for a link to nothing. */
async function kindOf(folder: string, entry: Dirent): Promise<Stats | Dirent | undefined> {
	if (!entry.isSymbolicLink()) return entry;
	try {
		return await stat(path.join(folder, entry.name));
	} catch {
		return undefined;
	}
}

/**
 * The files named: a folder stands for its `.txt` and extensionless files, sorted by name (with
 * `recursive`, its subfolders' too, in place). Hidden files and folders, FIFOs (reading one would
 * wait for ever), sockets, devices, links to nothing and, without `recursive`, subfolders are
 * skipped and counted; sidecars, reports and notes (`SOURCES.md`, `*.errata.html`) are left out
 * without a word, since their names say what they are.
 */
export async function listBatchFiles(inputs: readonly string[], options: ListOptions = {}): Promise<BatchFiles> {
	const files: string[] = [];
	const skipped = new Map<SkippedKind, number>();
	const skip = (kind: SkippedKind): void => {
		skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
	};

	// Real paths of the folders listed, so that a link back up is not followed round for ever.
	const listed = new Set<string>();
	const listFolder = async (folder: string, named: boolean): Promise<void> => {
		let entries: Dirent[];
		try {
			const real = await realpath(folder);
			if (listed.has(real)) return;
			listed.add(real);
			entries = await readdir(folder, {withFileTypes: true});
		} catch (error) {
			if (named) throw new InputError(`cannot list the folder ${folder}: ${reasonOf(error)}; check its permissions`);
			skip('unreadable folder');
			return;
		}

		entries.sort((x, y) => x.name.localeCompare(y.name, 'en', {numeric: true}));
		for (const entry of entries) {
			const full = path.join(folder, entry.name);
			// eslint-disable-next-line no-await-in-loop -- one entry at a time keeps the order
			const kind = await kindOf(folder, entry);
			if (kind === undefined) skip('broken link');
			else if (entry.name.startsWith('.')) skip(kind.isDirectory() ? 'hidden folder' : 'hidden file');
			else if (kind.isDirectory()) {
				// eslint-disable-next-line no-await-in-loop -- depth first, in name order
				if (options.recursive) await listFolder(full, false);
				else skip('folder');
			} else if (kind.isFIFO()) skip('FIFO');
			else if (kind.isSocket()) skip('socket');
			else if (kind.isBlockDevice() || kind.isCharacterDevice()) skip('device');
			// Contents pages: `.txt` files, files with no extension, and OCR files and PDFs.
			else if (isTextName(entry.name)) files.push(full);
		}
	};

	for (const input of inputs) {
		let info;
		try {
			// eslint-disable-next-line no-await-in-loop -- inputs in the order given
			info = await stat(input);
		} catch {
			// A path that cannot be read becomes a failed item with the reader's message.
			files.push(input);
			continue;
		}

		// A file named is compared whatever it is: the user chose it.
		if (info.isDirectory())
			await listFolder(input, true); // eslint-disable-line no-await-in-loop -- inputs in the order given
		else files.push(input);
	}

	return {files, skipped};
}

/** `skipped 3: 1 folder (use --recursive), 1 hidden file, 1 FIFO`, or undefined when nothing was skipped. */
export function skippedLine(skipped: ReadonlyMap<SkippedKind, number>): string | undefined {
	const parts = skippedKinds.flatMap((kind) => {
		const count = skipped.get(kind) ?? 0;
		if (count === 0) return [];
		const name = count === 1 ? kind : `${kind}s`;
		return [`${count} ${name}${kind === 'folder' ? ' (use --recursive)' : ''}`];
	});
	if (parts.length === 0) return undefined;
	const total = [...skipped.values()].reduce((sum, count) => sum + count, 0);
	return `skipped ${total}: ${parts.join(', ')}`;
}
