/** Helpers for ink-testing-library frames. */

/** Let Ink subscribe to input before the first key (a write straight after render was racy). */
export async function tick(ms = 0): Promise<void> {
	await new Promise((resolve) => {
		setTimeout(resolve, ms);
	});
}

/** Poll until the last frame satisfies `accept`; on timeout, throw with that frame. */
export async function frameMatching(lastFrame: () => string | undefined, accept: (frame: string) => boolean, timeout = 3000): Promise<string> {
	const started = Date.now();
	for (;;) {
		const frame = lastFrame() ?? '';
		if (accept(frame)) return frame;
		if (Date.now() - started > timeout) throw new Error(`No matching frame within ${timeout} ms. Last frame:\n${frame}`);
		// eslint-disable-next-line no-await-in-loop -- polling
		await tick(5);
	}
}

/** Key sequences as a terminal sends them. */
export const keys = {
	down: '\u001B[B',
	up: '\u001B[A',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
} as const;
