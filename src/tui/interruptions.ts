/**
 * What can end the process while the review screen is open, other than the user quitting: a
 * signal, or an error nothing caught. Heard here, so that the screen can save and give the
 * terminal back before the process ends (#6).
 */

/** The signals that stop a review: an interrupt sent with `kill`, a polite stop, a closed terminal. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** One of `stopSignals`. */
export type StopSignal = (typeof stopSignals)[number];

/**
 * The first thing that interrupted a review: a signal, the terminal gone under the screen (a
 * tmux session killed, an ssh connection dropped: reads and writes fail, with or without a
 * SIGHUP first), or an error nothing caught.
 */
export type Interruption =
	{readonly kind: 'signal'; readonly signal: StopSignal} | {readonly kind: 'hangup'} | {readonly kind: 'crash'; readonly error: unknown};

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
		...stopSignals.map(
			(signal) =>
				[
					signal,
					() => {
						settle({kind: 'signal', signal});
					},
				] as const,
		),
		[
			'uncaughtException',
			(error) => {
				settle({kind: 'crash', error});
			},
		],
		[
			'unhandledRejection',
			(reason) => {
				settle({kind: 'crash', error: reason});
			},
		],
	];
	for (const [event, listener] of listeners) events.on(event, listener);
	return {
		next,
		dispose() {
			for (const [event, listener] of listeners) events.off(event, listener);
		},
	};
}

/** A stream of the terminal: the screen's input, output or standard error. */
export type TerminalStream = Pick<NodeJS.EventEmitter, 'on'>;

/**
 * Listen for the terminal going away under the screen: an error on its input or output (EIO
 * once the terminal has hung up, EPIPE, ENXIO), or the end of its input. The listeners stay for
 * the rest of the process: a write the screen makes while closing, or Node's own afterwards, must
 * fail quietly rather than as an unhandled `error` event.
 */
export function watchTerminal(streams: readonly TerminalStream[]): {readonly next: Promise<Interruption>; readonly gone: () => boolean} {
	let gone = false;
	let settle: (interruption: Interruption) => void = () => undefined;
	const next = new Promise<Interruption>((resolve) => {
		settle = resolve;
	});
	const hangUp = (): void => {
		gone = true;
		settle({kind: 'hangup'});
	};

	for (const stream of streams) stream.on('error', hangUp);
	// A terminal's input never ends while it is there: its end is the hang-up.
	streams[0]?.on('end', hangUp);
	return {next, gone: () => gone};
}
