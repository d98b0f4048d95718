/**
 * Faults for the end-to-end tests that root cannot sidestep: a small tmpfs filled to the last
 * byte (ENOSPC), and a folder made immutable (EPERM, for root too). Each helper says why it cannot
 * be had here (no root, no tmpfs, a file system without the attribute), for the test to skip with.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {samplePath, type TerminalSession} from './run-cli.js';

const cleanups: Array<() => void> = [];

/** Undo what the helpers set up (unmount, make mutable again), last first: for `afterEach`. */
export function cleanUp(): void {
	for (const cleanup of cleanups.splice(0).reverse()) cleanup();
}

/** A fresh folder holding a copy of the seed as `vol31.txt`. */
export function seedFolder(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tocdiff-faults-'));
	copyFileSync(samplePath('lenin-cw31-two-printings.txt'), path.join(dir, 'vol31.txt'));
	return dir;
}

/** Mount a tmpfs of `size` at `dir` (unmounted after the test); the reason it cannot be, if so. */
export function mountSmallDisk(dir: string, size: string): string | undefined {
	mkdirSync(dir, {recursive: true});
	const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], {encoding: 'utf8'});
	if (mounted.status !== 0) return `cannot mount a small tmpfs here (${(mounted.stderr || mounted.error?.message || 'mount failed').trim()}); it takes root`;
	cleanups.push(() => spawnSync('umount', ['-l', dir]));
	return undefined;
}

/** Fill the file system of `dir` to the last byte; returns a function that frees it again. */
export function fill(dir: string): () => void {
	const filler = path.join(dir, 'filler');
	try {
		writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
	}

	return () => {
		rmSync(filler, {force: true});
	};
}

/** Make `dir` immutable (no file may be created, removed or renamed in it, by root either); the reason it cannot be, if so. */
export function freeze(dir: string): string | undefined {
	const frozen = spawnSync('chattr', ['+i', dir], {encoding: 'utf8'});
	if (frozen.status !== 0)
		return `cannot set the immutable attribute here (${(frozen.stderr || frozen.error?.message || 'chattr failed').trim()}); it takes root and a file system that has it`;
	cleanups.push(() => spawnSync('chattr', ['-i', dir]));
	return undefined;
}

/** What the terminal showed, without its escape sequences (bold, cursor moves). */
export function plain(output: string): string {
	return output.replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '');
}

/** Wait until `text` shows, escape sequences aside; fail with the end of what showed. */
export async function waitForPlain(session: TerminalSession, text: string, timeout = 15_000): Promise<void> {
	const started = Date.now();
	while (!plain(session.output()).includes(text)) {
		if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${JSON.stringify(text)}; last output:\n${plain(session.output()).slice(-1500)}`);
		// eslint-disable-next-line no-await-in-loop -- polling
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
