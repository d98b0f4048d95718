/**
 * The review screen: its views laid out, each given only what it draws (narrowed from the state
 * here, by the `…Props` functions), and `App`, which runs the state machine around them.
 */
import {Box, Text} from 'ink';
import {fitText} from './columns.js';
import {DensityStrip, type DensityStripProps} from './density-strip.js';
import {EntryDetail} from './entry-detail.js';
import {EntryList, type ShownRow} from './entry-list.js';
import {Header, type HeaderProps} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {keyFor} from './keymap.js';
import {minColumns, minRows, wideTitleWidth, type Size} from './layout.js';
import {decisionFor, detailContent, isUnsaved, orphanDecisions, selectedRow, visibleWindow, type State} from './state.js';
import {SaveAlert, StatusBar, type SaveAlertProps, type StatusBarProps} from './status-bar.js';
import {themeFromEnv, type Theme} from './theme.js';
import {useReview, type UseReviewOptions} from './use-review.js';

/** Props of `ReviewScreen`. */
export type ReviewScreenProps = {
	readonly state: State;
	readonly theme: Theme;
	/** Where each export format would be written, shown in the export menu. */
	readonly exportPath?: ((format: string) => string) | undefined;
};

/** What the header draws of the state. */
export function headerProps(state: State): Omit<HeaderProps, 'theme'> {
	const {comparison} = state.data;
	return {
		inputName: state.data.inputName,
		comparison,
		rows: comparison.rows.length,
		differing: state.data.differing,
		open: state.data.open,
		decided: state.decided,
		notSaved: state.saveError === undefined ? 0 : state.unsaved.size,
		orphans: orphanDecisions(state).length,
		row: selectedRow(state),
		filter: state.list.filter,
		minSeverity: state.list.minSeverity,
		columns: state.size.columns,
	};
}

/** The rows in the list's scroll window, with what the list shows beside each. */
export function windowRows(state: State): ShownRow[] {
	const {from, to} = visibleWindow(state);
	return state.list.visible.slice(from, to).map((index) => ({
		index,
		row: state.data.comparison.rows[index]!,
		severity: state.data.worst[index],
		decision: decisionFor(state, index),
		unsaved: isUnsaved(state, index),
		suggestion: state.data.suggestions[index],
	}));
}

function densityProps(state: State): Omit<DensityStripProps, 'theme'> {
	return {worst: state.data.worst, keys: state.data.keys, decisions: state.decisions, selected: selectedRow(state), columns: state.size.columns};
}

function statusProps(state: State): Omit<StatusBarProps, 'theme'> {
	return {mode: state.mode, prompt: state.prompt, status: state.status, unsaved: state.unsaved.size, columns: state.size.columns};
}

function saveAlertProps(state: State): Omit<SaveAlertProps, 'theme'> {
	return {saveError: state.saveError, unsaved: state.unsaved.size, columns: state.size.columns};
}

/** The heads over the list's columns: each printing's source side by side, or which is above which when stacked. */
function ColumnRule({wide, columns, sources}: {readonly wide: boolean; readonly columns: number; readonly sources: readonly string[]}) {
	if (wide) {
		const titleWidth = wideTitleWidth(columns);
		const left = fitText(`    A ${sources[0] ?? ''}`, titleWidth + 4);
		const right = fitText(`B ${sources[1] ?? ''}`, titleWidth);
		return (
			<Text dimColor wrap="truncate">
				{left}
				{'    page │ '}
				{right}
				{'    page'}
			</Text>
		);
	}

	return (
		<Text dimColor wrap="truncate">
			{`    A above, B below ${'─'.repeat(Math.max(0, columns - 34))} page`}
		</Text>
	);
}

/** What shows while the terminal is too small: its size, what is not saved, and how to quit. */
function TooSmall({
	size,
	unsaved,
	saveError,
	confirming,
}: {
	readonly size: Size;
	readonly unsaved: number;
	readonly saveError: string | undefined;
	readonly confirming: boolean;
}) {
	// Nothing else shows, so nothing else may be done: only quitting, or a larger terminal.
	const lost = saveError === undefined || unsaved === 0 ? '' : ` ⚠ ${unsaved === 1 ? '1 decision is' : `${unsaved} decisions are`} not saved (${saveError}).`;
	const quit = confirming
		? `press ${keyFor('quit', 'too-small')} again to quit and lose ${unsaved === 1 ? 'it' : 'them'}`
		: `press ${keyFor('quit', 'too-small')} to quit`;
	return (
		<Box width={size.columns}>
			<Text wrap="wrap">
				tocdiff needs a terminal of at least {minColumns}×{minRows}; this one is {size.columns}×{size.rows}.{lost} Widen it, or {quit}.
			</Text>
		</Box>
	);
}

/** The whole review screen for a state: a pure function of its props. */
export function ReviewScreen({state, theme, exportPath}: ReviewScreenProps) {
	const {size, layout} = state;
	if (layout.kind === 'too-small') {
		return <TooSmall size={size} unsaved={state.unsaved.size} saveError={state.saveError} confirming={state.mode === 'confirm-quit'} />;
	}

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1} overflow="hidden">
			<Header {...headerProps(state)} theme={theme} />
			{state.mode === 'help' ? (
				<HelpOverlay help={state.help} size={size} theme={theme} />
			) : (
				<>
					<ColumnRule wide={layout.wide} columns={size.columns} sources={state.data.comparison.printings.map((printing) => printing.source)} />
					<EntryList rows={windowRows(state)} selected={selectedRow(state)} wide={layout.wide} height={layout.listLines} columns={size.columns} theme={theme} />
					<DensityStrip {...densityProps(state)} theme={theme} />
					<EntryDetail content={detailContent(state)} height={layout.detailLines} columns={size.columns} theme={theme} exportPath={exportPath} />
				</>
			)}
			<Box flexGrow={1} />
			<SaveAlert {...saveAlertProps(state)} theme={theme} />
			<StatusBar {...statusProps(state)} theme={theme} />
		</Box>
	);
}

/** Props of `App`. */
export type AppProps = UseReviewOptions & {
	/** @default colour unless NO_COLOR is set */
	readonly theme?: Theme | undefined;
	readonly exportPath?: ((format: string) => string) | undefined;
};

/** The interactive review screen: state, input and effects around `ReviewScreen`. */
export function App({theme, exportPath, ...options}: AppProps) {
	const state = useReview(options);
	return <ReviewScreen state={state} theme={theme ?? themeFromEnv()} exportPath={exportPath} />;
}
