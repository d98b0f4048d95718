/**
 * The review screen's state as types: what the screen composes from its widgets' slices (the
 * list, the detail pane, the prompt, the export menu, the help) and what the decisions keep. In a
 * file of its own so that the state's parts (screen-state.ts, decision-state.ts, state.ts) import
 * none of each other back.
 */
import type {Decision} from '../core/decisions.js';
import type {Mode} from './actions.js';
import type {DetailState} from './detail-state.js';
import type {ExportMenuState} from './export-menu-state.js';
import type {HelpState} from './help-state.js';
import type {Layout, Size} from './layout.js';
import type {Filter, ListState} from './list-state.js';
import type {PromptState} from './prompt-state.js';
import type {ReviewData} from './review-data.js';

/** A message for the status line. */
export type Status = {readonly kind: 'info' | 'error'; readonly message: string};

/** One undoable change to the decisions. */
export type Change = {
	readonly key: string;
	readonly before: Decision | undefined;
	readonly after: Decision | undefined;
};

/** What one undo takes back: one change, or every decision that accepting suggestions made. */
export type Step = readonly Change[];

/** A save of every decision to another file that the hook should run (`w`). */
export type SaveAsRequest = {readonly id: number; readonly path: string};

/** Everything the review screen shows, as plain readonly data. */
export type State = {
	readonly data: ReviewData;
	/** Every decision, keyed by row key, orphans included, in file order. */
	readonly decisions: ReadonlyMap<string, Decision>;
	/** Undo history, most recent last. */
	readonly history: readonly Step[];
	/** `y` accepts every suggestion at least this sure. @default 0.9 */
	readonly acceptAbove: number;
	/** Bumped on every change to `decisions`; the hook saves when it moves. */
	readonly revision: number;
	/** Differing rows of this comparison that have a verdict. */
	readonly decided: number;
	/**
	 * Decisions whose key matches no row of this comparison, as loaded: decisions only ever change
	 * on rows, so these stay as they are for the whole session.
	 */
	readonly orphans: readonly Decision[];
	/** The entry list widget: the rows it shows, the cursor, the scroll window, the search. */
	readonly list: ListState;
	/** The detail pane widget: whether the selected row's readings show in full. */
	readonly detail: DetailState;
	readonly size: Size;
	readonly layout: Layout;
	readonly mode: Mode;
	/** The prompt widget, while a mode types into it. */
	readonly prompt: PromptState;
	/** The help widget (`?`). */
	readonly help: HelpState;
	/** The export menu widget (`E`): its formats, its highlight, the export asked for. */
	readonly menu: ExportMenuState;
	readonly status: Status | undefined;
	/** Why the last save failed (the file and the reason), until a save succeeds. */
	readonly saveError: string | undefined;
	/**
	 * Rows whose decision changed since the last save that succeeded, by key, with the revision of
	 * their last change: a save of a later revision covers them.
	 */
	readonly unsaved: ReadonlyMap<string, number>;
	/** Where the decisions are saved, as the reviewer named it; changed by a save to another file (`w`). */
	readonly decisionsFile: string;
	readonly saveAsRequest: SaveAsRequest | undefined;
	readonly quitting: boolean;
	/** Set when the reviewer chose to quit although some decisions are not saved. */
	readonly discarding: boolean;
};

/** Options for `initialState`. */
export type InitialOptions = {
	/** Decisions loaded from the sidecar file, orphans included. @default [] */
	readonly decisions?: readonly Decision[];
	/** @default {columns: 120, rows: 40} */
	readonly size?: Size;
	/** Export formats `E` offers. @default [] */
	readonly formats?: readonly string[];
	/** @default 'all' */
	readonly filter?: Filter;
	/** Where the decisions are saved, for the prompt of `w`. @default '' */
	readonly decisionsFile?: string;
	/** A message for the status line as the screen opens. @default none */
	readonly notice?: string;
};
