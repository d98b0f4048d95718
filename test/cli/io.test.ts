import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {InputError} from '../../src/cli/errors.js';
import {nodeFs, realFile, removeStaleTemporaries, temporaryStem, writeFileAtomic, writeStdout, type AtomicWriteFs} from '../../src/cli/io.js';

let dir: string;
let file: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-io-'));
	file = path.join(dir, 'vol31.txt.tocdiff.json');
});

/** An error as node:fs throws it. */
function fsError(code: string): Error {
	return Object.assign(new Error(`${code}: injected`), {code});
}

/** node:fs, with the calls it makes recorded in order (`fsyncSync <the temporary>`). */
function recordingFs(): {readonly fs: AtomicWriteFs; readonly calls: string[]} {
	const calls: string[] = [];
	const names = new Map<number, string>();
	const name = (fd: number): string => names.get(fd) ?? String(fd);
	const short = (p: string): string => (p === dir ? 'folder' : p === file ? 'file' : path.basename(p).endsWith('.tmp') ? 'temporary' : p);
	const fs: AtomicWriteFs = {
		...nodeFs,
		openSync(p, flags, mode) {
			const fd = nodeFs.openSync(p, flags, mode);
			names.set(fd, short(p));
			calls.push(`open ${short(p)}`);
			return fd;
		},
		writeFileSync(fd, content, encoding) {
			calls.push(`write ${name(fd)}`);
			nodeFs.writeFileSync(fd, content, encoding);
		},
		fsyncSync(fd) {
			calls.push(`fsync ${name(fd)}`);
			nodeFs.fsyncSync(fd);
		},
		closeSync(fd) {
			calls.push(`close ${name(fd)}`);
			nodeFs.closeSync(fd);
		},
		renameSync(from, to) {
			calls.push(`rename ${short(from)} ${short(to)}`);
			nodeFs.renameSync(from, to);
		},
	};
	return {fs, calls};
}

describe('writeFileAtomic (#6)', () => {
	it('writes the file and leaves nothing else in the folder', async () => {
		await writeFileAtomic(file, 'first\n');
		await writeFileAtomic(file, 'second\n');
		expect(readFileSync(file, 'utf8')).toBe('second\n');
		expect(readdirSync(dir)).toEqual([path.basename(file)]);
	});

	it('fsyncs the temporary file before renaming it, then fsyncs the folder', async () => {
		const {fs, calls} = recordingFs();
		await writeFileAtomic(file, 'text\n', fs);
		expect(calls).toEqual([
			'open temporary',
			'write temporary',
			'fsync temporary',
			'close temporary',
			'rename temporary file',
			'open folder',
			'fsync folder',
			'close folder',
		]);
	});

	it.each([
		[
			'creating the temporary file',
			{
				openSync: () => {
					throw fsError('EACCES');
				},
			},
		],
		[
			'writing (the disk fills half-way)',
			{
				writeFileSync(fd: number, content: string) {
					nodeFs.writeFileSync(fd, content.slice(0, 7), 'utf8');
					throw fsError('ENOSPC');
				},
			},
		],
		[
			'fsyncing the file',
			{
				fsyncSync: () => {
					throw fsError('EIO');
				},
			},
		],
		[
			'closing the file',
			{
				closeSync(fd: number) {
					nodeFs.closeSync(fd);
					throw fsError('EIO');
				},
			},
		],
		[
			'renaming',
			{
				renameSync: () => {
					throw fsError('EXDEV');
				},
			},
		],
	] as const)('leaves the old file whole and no temporary file behind when %s fails', async (_step, fault) => {
		writeFileSync(file, 'the old decisions\n');
		const error: unknown = await writeFileAtomic(file, 'the new decisions, longer than the old ones\n', {...nodeFs, ...fault}).catch(
			(error_: unknown) => error_,
		);
		expect((error as Error).message).toContain('injected');
		expect(readFileSync(file, 'utf8')).toBe('the old decisions\n');
		expect(readdirSync(dir)).toEqual([path.basename(file)]);
	});

	it('writes the file where a folder cannot be opened to fsync it (Windows: EISDIR)', async () => {
		const fs: AtomicWriteFs = {
			...nodeFs,
			openSync(p, flags, mode) {
				if (p === dir) throw fsError('EISDIR');
				return nodeFs.openSync(p, flags, mode);
			},
		};
		await writeFileAtomic(file, 'text\n', fs);
		expect(readFileSync(file, 'utf8')).toBe('text\n');
	});

	it('writes the file where the file system cannot fsync a folder (EINVAL)', async () => {
		await writeFileAtomic(file, 'text\n', folderFsyncFailing('EINVAL'));
		expect(readFileSync(file, 'utf8')).toBe('text\n');
		expect(readdirSync(dir)).toEqual([path.basename(file)]);
	});

	it('reports a folder fsync that fails for another reason (EIO)', async () => {
		await expect(writeFileAtomic(file, 'text\n', folderFsyncFailing('EIO'))).rejects.toThrow('EIO');
	});

	it.skipIf(process.platform === 'win32')('keeps the permissions of the file it replaces', async () => {
		writeFileSync(file, 'old\n');
		chmodSync(file, 0o600);
		await writeFileAtomic(file, 'new\n');
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});

	it.skipIf(process.platform === 'win32')('writes through a symbolic link, which stays a link', async () => {
		const real = path.join(dir, 'real.json');
		writeFileSync(real, 'old\n');
		symlinkSync(real, file);
		await writeFileAtomic(file, 'new\n');
		expect(lstatSync(file).isSymbolicLink()).toBe(true);
		expect(readFileSync(real, 'utf8')).toBe('new\n');
	});
});

/** node:fs whose fsync of the folder fails with `code`. */
function folderFsyncFailing(code: string): AtomicWriteFs {
	let folderFd: number | undefined;
	return {
		...nodeFs,
		openSync(p, flags, mode) {
			const fd = nodeFs.openSync(p, flags, mode);
			if (p === dir) folderFd = fd;
			return fd;
		},
		fsyncSync(fd) {
			if (fd === folderFd) throw fsError(code);
			nodeFs.fsyncSync(fd);
		},
	};
}

describe('writeFileAtomic into a named pipe (#6)', () => {
	it('writes into the pipe instead of replacing it with a plain file', async () => {
		const fifo = path.join(dir, 'errata.fifo');
		if (spawnSync('mkfifo', [fifo]).status !== 0) return;
		const reader = spawn('cat', [fifo]);
		let received = '';
		reader.stdout.on('data', (chunk: Buffer) => {
			received += chunk.toString('utf8');
		});
		await writeFileAtomic(fifo, 'report\n');
		await new Promise((resolve) => {
			reader.on('close', resolve);
		});
		expect(received).toBe('report\n');
		expect(lstatSync(fifo).isFIFO()).toBe(true);
	});
});

describe('temporary files', () => {
	it('keeps a temporary name under 255 bytes beside a valid name of 250 bytes, and tells two such names apart', () => {
		const long = `${'Ж'.repeat(122)}.md`;
		const other = `${'Ж'.repeat(122)}.mx`;
		expect(Buffer.byteLength(long)).toBe(247);
		expect(Buffer.byteLength(`.${temporaryStem(long)}.${'z'.repeat(16)}.tmp`)).toBeLessThanOrEqual(255);
		expect(temporaryStem(long)).not.toBe(temporaryStem(other));
		expect(temporaryStem('vol31.txt.tocdiff.json')).toBe('vol31.txt.tocdiff.json');
	});

	it('writes a file of a 250-byte name', async () => {
		const long = path.join(dir, `${'Ж'.repeat(122)}.md`);
		await writeFileAtomic(long, 'text\n');
		expect(readFileSync(long, 'utf8')).toBe('text\n');
		expect(readdirSync(dir)).toEqual([path.basename(long)]);
	});

	it('removes the temporary files a killed write left of one file, and no other file', () => {
		const names = [
			path.basename(file),
			`.${path.basename(file)}.k3j2h1abcdefgh.tmp`, // as a kill -9 mid-save leaves it
			`.${path.basename(file)}.1f3kq0z8w2.tmp`,
			`.other.json.k3j2h1abcdefgh.tmp`, // another file's
			`${path.basename(file)}.tmp`, // not a temporary name
			`.${path.basename(file)}.lock.tmp`, // nor this: not a unique part
		];
		for (const name of names) writeFileSync(path.join(dir, name), 'x');
		expect(removeStaleTemporaries(file)).toBe(2);
		expect(readdirSync(dir).sort()).toEqual([names[0], names[3], names[4], names[5]].sort());
	});

	it('removes them beside the real file when the decisions file is a symbolic link', () => {
		mkdirSync(path.join(dir, 'store'));
		const real = path.join(dir, 'store', 'real.json');
		symlinkSync(real, file);
		writeFileSync(path.join(dir, 'store', '.real.json.abc123def4.tmp'), 'x');
		expect(removeStaleTemporaries(file)).toBe(1);
		expect(readdirSync(path.join(dir, 'store'))).toEqual([]);
	});
});

describe('realFile', () => {
	it('follows a link to a file not written yet, and a write through it creates that file', async () => {
		mkdirSync(path.join(dir, 'store'));
		const real = path.join(dir, 'store', 'real.json');
		symlinkSync('store/real.json', file);
		expect(realFile(file)).toBe(realpathSync(path.join(dir, 'store')) + '/real.json');
		await writeFileAtomic(file, 'saved\n');
		expect(lstatSync(file).isSymbolicLink()).toBe(true);
		expect(readFileSync(real, 'utf8')).toBe('saved\n');
	});

	it('follows a linked folder, and names a file that does not exist by its real folder', () => {
		mkdirSync(path.join(dir, 'real'));
		symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
		expect(realFile(path.join(dir, 'linked', 'x.json'))).toBe(path.join(realpathSync(dir), 'real', 'x.json'));
	});
});

describe('writeStdout', () => {
	it.each([
		['EIO', /^cannot write to standard output: an input\/output error \(the device or terminal is gone\); write the report to a file with -o PATH$/],
		['ENOSPC', /^cannot write to standard output: the disk is full; free some space, or write the report to a file with -o PATH$/],
		['EBADF', /^cannot write to standard output: it is not open for writing; write the report to a file with -o PATH$/],
	])('turns %s into one line of an InputError (exit 3)', (code, message) => {
		const failing = () => {
			throw fsError(code);
		};
		expect(() => {
			writeStdout('report', failing);
		}).toThrow(InputError);
		expect(() => {
			writeStdout('report', failing);
		}).toThrow(message);
	});
});
