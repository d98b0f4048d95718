/**
 * What can end the process while the review screen is open, other than the user quitting: a
 * signal, or an error nothing caught. Heard here, so that the screen can save and give the
 * terminal back before the process ends (#6).
 */

/** The signals that stop a review: an interrupt sent with `kill`, a polite stop, a closed terminal. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** One of `stopSignals`. */
export type StopSignal = (typeof stopSignals)[number];

/** The first thing that interrupted a review. */
export type Interruption = {readonly kind: 'signal'; readonly signal: StopSignal} | {readonly kind: 'crash'; readonly error: unknown};

/** Where signals and uncaught errors are heard: `process`, or an EventEmitter in tests. */
export type ProcessEvents = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

/**
 * Listen for the first interruption. While listening, Node's own reactions (exiting at once on a
 * signal, printing an uncaught error and exiting) are replaced by this: later interruptions are
 * ignored until `dispose`, which gives them back.
 */
export function watchInterruptions(events: ProcessEvents): {readonly next: Promise<Interruption>; readonly dispose: () => void} {
	let settle: (interruption: Interruption) => void = () => undefined;
	const next = new Promise<Interruption>((resolve) => {
		settle = resolve;
	});
	const listeners: Array<readonly [string, (value: unknown) => void]> = [
		...stopSignals.map((signal) => [signal, () => settle({kind: 'signal', signal})] as const),
		['uncaughtException', (error) => settle({kind: 'crash', error})],
		['unhandledRejection', (reason) => settle({kind: 'crash', error: reason})],
	];
	for (const [event, listener] of listeners) events.on(event, listener);
	return {
		next,
		dispose() {
			for (const [event, listener] of listeners) events.off(event, listener);
		},
	};
}
