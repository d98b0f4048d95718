/**
 * The review screen's hook: the reducer, the one `useInput`, terminal resizes, and the effects
 * the reducer asks for (saving decisions after each change, writing an export, quitting).
 */
import {useApp, useInput, useStdout, type Key} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import {matchDecisions, type Decision, type DecisionMatch} from '../core/decisions.js';
import type {Comparison} from '../core/types.js';
import {keyToAction, splitKeys} from './keymap.js';
import type {Size} from './layout.js';
import {prepareReview} from './review-data.js';
import {decisionList, initialState, keyMode, reducer, type Action, type Filter, type State} from './state.js';

/** Turns a comparison and the decisions into a report's text (a promise of it when the writer loads on first use). */
export type Exporter = (comparison: Comparison, decisions: DecisionMatch) => string | Promise<string>;

/** The I/O the screen needs, injected by the CLI (the TUI does no file I/O of its own). */
export type ReviewEffects = {
	/**
	 * Persist every decision, orphans included; called after each change, one call at a time. A
	 * rejection's message says which file and why (`vol31.txt.tocdiff.json: the disk is full`).
	 */
	readonly saveDecisions: (decisions: readonly Decision[]) => Promise<void>;
	/**
	 * Save every decision to another file (`w`) and make it the file later saves go to; resolves to
	 * the path as shown. Absent: `w` says it cannot.
	 */
	readonly saveDecisionsTo?: (file: string, decisions: readonly Decision[]) => Promise<string>;
	/** Export formats offered by `E`, by name, in menu order. */
	readonly exporters: Readonly<Record<string, Exporter>>;
	/** Write a report; resolves to the path written. */
	readonly writeExport: (format: string, content: string) => Promise<string>;
};

/**
 * Lets the owner of the screen end a session from outside, on a signal or a crash: `useReview`
 * fills in `flush`, which waits until every decision made is written (the write in progress, then
 * the one waiting; once more if a save had failed, as the space may be back) and resolves to the
 * final state. It keeps working after the screen has unmounted.
 */
export type ReviewSession = {flush?: () => Promise<State>};

/** Options of `useReview`. */
export type UseReviewOptions = {
	readonly comparison: Comparison;
	readonly inputName: string;
	/** @default [] */
	readonly initialDecisions?: readonly Decision[] | undefined;
	readonly effects: ReviewEffects;
	/** A fixed size (tests); by default the terminal's, following resizes. */
	readonly size?: Size | undefined;
	/** @default 'all' */
	readonly initialFilter?: Filter | undefined;
	/** Where the decisions are saved, as the reviewer named it (the prompt of `w` starts from it). @default '' */
	readonly decisionsFile?: string | undefined;
	/** A message for the status line as the screen opens. @default none */
	readonly notice?: string | undefined;
	/** Called with the final state once the decisions are saved, just before the app exits. */
	readonly onQuit?: ((state: State) => void) | undefined;
	/** Filled in with a way to save and finish from outside (see `ReviewSession`). */
	readonly session?: ReviewSession | undefined;
};

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Writes lists of decisions one at a time, in order; a list waiting behind a write is replaced by a newer one. */
type SaveQueue = {
	/**
	 * Write `decisions` once the write in progress ends; `settled` hears how it went (a failure's
	 * message, or undefined), unless a newer list replaced this one first.
	 */
	readonly push: (decisions: readonly Decision[], settled: Settled) => void;
	/** Resolves when nothing is being written or waiting. */
	readonly idle: () => Promise<void>;
};

/** Hears how a save went: a failure's message, or undefined. */
type Settled = (failure: string | undefined) => void;

function createSaveQueue(save: (decisions: readonly Decision[]) => Promise<void>): SaveQueue {
	let waiting: {readonly decisions: readonly Decision[]; readonly settled: Settled} | undefined;
	let running: Promise<void> | undefined;
	const drain = async (): Promise<void> => {
		while (waiting) {
			const {decisions, settled} = waiting;
			waiting = undefined;
			let failure: string | undefined;
			try {
				// eslint-disable-next-line no-await-in-loop -- writes must not overlap
				await save(decisions);
			} catch (error) {
				failure = messageOf(error);
			}

			settled(failure);
		}

		running = undefined;
	};

	return {
		push(decisions, settled) {
			waiting = {decisions, settled};
			// The first write starts now, in this task: its synchronous part is done on return.
			running ??= drain();
		},
		async idle() {
			while (running) {
				// eslint-disable-next-line no-await-in-loop -- a write may queue another
				await running;
			}
		},
	};
}

/** Run the review screen's state machine; returns the state to draw. */
export function useReview(options: UseReviewOptions): State {
	const {stdout} = useStdout();
	const {exit} = useApp();
	const [state, draw] = useState(() =>
		initialState(prepareReview(options.comparison, options.inputName), {
			decisions: options.initialDecisions ?? [],
			size: options.size ?? {columns: stdout.columns || 80, rows: stdout.rows || 24},
			formats: Object.keys(options.effects.exporters),
			filter: options.initialFilter ?? 'all',
			decisionsFile: options.decisionsFile ?? '',
			...(options.notice === undefined ? {} : {notice: options.notice}),
		}),
	);

	// The state with every action applied the moment it is dispatched, which React then draws (a
	// task later, maybe: it batches updates). The next key's mode, the save of a decision and the
	// flush on a signal cannot wait for the drawing, so they read it here; each action runs the
	// reducer once.
	const stateRef = useRef(state);
	const effectsRef = useRef(options.effects);
	effectsRef.current = options.effects;
	const [saves] = useState(() => createSaveQueue(async (decisions) => effectsRef.current.saveDecisions(decisions)));
	// Save every decision as the state now holds them; the outcome comes back as an action.
	const saveNow = useCallback(
		(dispatch: (action: Action) => void): void => {
			const {revision} = stateRef.current;
			saves.push(decisionList(stateRef.current), (failure) => {
				dispatch(failure === undefined ? {type: 'save-done', revision} : {type: 'save-failed', message: failure});
			});
		},
		[saves],
	);
	// Every action passes here. A change of decisions is saved at once, before it is drawn, and the
	// CLI's save is synchronous underneath: a decision on screen is on disk, and a kill loses at
	// most the decision being made (#6). After a failed save, the next change saves them all again.
	const dispatch = useCallback(
		(action: Action): void => {
			const before = stateRef.current;
			const after = reducer(before, action);
			stateRef.current = after;
			draw(after);
			if (after.revision !== before.revision) saveNow(dispatch);
		},
		[saveNow],
	);

	const handleInput = useCallback(
		(input: string, key: Key) => {
			const action = keyToAction(input, key, keyMode(stateRef.current));
			if (action) {
				dispatch(action);
				return;
			}

			// Keys typed faster than a frame (or sent by a macro) arrive as one chunk, `nb`: take
			// them one by one, each in the mode the one before it left, as the terminal sent them.
			if (input.length > 1 && !key.ctrl && !key.meta) {
				for (const one of splitKeys(input)) {
					const each = keyToAction(one.input, one.key, keyMode(stateRef.current));
					if (each) dispatch(each);
				}
			}
		},
		[dispatch],
	);
	useInput(handleInput);

	// Follow the terminal's size unless a size was given.
	const fixedSize = options.size;
	useEffect(() => {
		if (fixedSize) {
			dispatch({type: 'resize', size: fixedSize});
			return;
		}

		const onResize = () => {
			dispatch({type: 'resize', size: {columns: stdout.columns || 80, rows: stdout.rows || 24}});
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
		// `dispatch` keeps its identity for the screen's life (its inputs are a ref and the save queue).
	}, [stdout, fixedSize, dispatch]);

	// No cleanup: after a crash has unmounted the screen, its owner still flushes through this.
	const session = options.session;
	useLayoutEffect(() => {
		if (!session) return;
		session.flush = async () => {
			await saves.idle();
			// A save failed: the space or the permission may be back, so try once more before the end.
			if (stateRef.current.unsaved.size > 0) {
				saveNow(dispatch);
				await saves.idle();
			}

			return stateRef.current;
		};
	}, [session, saves, saveNow, dispatch]);

	// Save every decision to another file on request (`w`), once no save to the old one is under way.
	const saveAs = state.saveAsRequest;
	useEffect(() => {
		if (!saveAs) return;
		void (async () => {
			await saves.idle();
			const {revision} = stateRef.current;
			const saveTo = effectsRef.current.saveDecisionsTo;
			try {
				if (!saveTo) throw new Error('saving to another file is not available here');
				const written = await saveTo(saveAs.path, decisionList(stateRef.current));
				dispatch({type: 'save-as-done', path: written, revision});
				// Decisions made while it was written go to the new file too.
				if (stateRef.current.revision !== revision) saveNow(dispatch);
			} catch (error) {
				dispatch({type: 'save-as-failed', message: `Could not save the decisions to ${saveAs.path}: ${messageOf(error)}`});
			}
		})();
		// eslint-disable-next-line react-hooks/exhaustive-deps -- a new request id is the trigger
	}, [saveAs?.id]);

	// Export on request.
	const exporting = useRef<Promise<void> | undefined>(undefined);
	const request = state.menu.request;
	useEffect(() => {
		if (!request) return;
		const {comparison} = stateRef.current.data;
		const decisions = decisionList(stateRef.current);
		exporting.current = (async () => {
			try {
				const exporter = effectsRef.current.exporters[request.format];
				if (!exporter) throw new Error(`Unknown export format "${request.format}".`);
				const content = await exporter(comparison, matchDecisions(comparison.rows, decisions));
				const path = await effectsRef.current.writeExport(request.format, content);
				dispatch({type: 'export-done', format: request.format, path});
			} catch (error) {
				dispatch({type: 'export-failed', message: `Could not export ${request.format}: ${messageOf(error)}`});
			}
		})();
		// eslint-disable-next-line react-hooks/exhaustive-deps -- a new request id is the trigger
	}, [request?.id]);

	// Quit once pending writes are done, so that no decision is lost; if the last of them failed,
	// ask first (unless the reviewer already chose to lose them).
	const onQuit = options.onQuit;
	useEffect(() => {
		if (!state.quitting) return;
		void (async () => {
			await exporting.current;
			await saves.idle();
			const last = stateRef.current;
			if (!last.discarding && last.saveError !== undefined && last.unsaved.size > 0) {
				dispatch({type: 'quit-blocked'});
				return;
			}

			onQuit?.(last);
			exit();
		})();
		// eslint-disable-next-line react-hooks/exhaustive-deps -- each time quitting is asked for
	}, [state.quitting]);

	return state;
}
