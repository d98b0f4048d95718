import {Box, Text} from 'ink';
import {fitText} from './columns.js';
import {DensityStrip} from './density-strip.js';
import {EntryDetail} from './entry-detail.js';
import {EntryList} from './entry-list.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {keyFor} from './keymap.js';
import {minColumns, minRows, wideTitleWidth} from './layout.js';
import type {State} from './state.js';
import {SaveAlert, StatusBar} from './status-bar.js';
import {themeFromEnv, type Theme} from './theme.js';
import {useReview, type UseReviewOptions} from './use-review.js';

/** Props of `ReviewScreen`. */
export type ReviewScreenProps = {
	readonly state: State;
	readonly theme: Theme;
	/** Where each export format would be written, shown in the export menu. */
	readonly exportPath?: ((format: string) => string) | undefined;
};

function ColumnRule({state}: {readonly state: State}) {
	const {layout} = state;
	if (layout.kind !== 'screen') return null;
	const [a, b] = state.data.comparison.printings;
	const {columns} = layout.size;
	if (layout.wide) {
		const titleWidth = wideTitleWidth(columns);
		const left = fitText(`    A ${a?.source ?? ''}`, titleWidth + 4);
		const right = fitText(`B ${b?.source ?? ''}`, titleWidth);
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

/** The whole review screen for a state: a pure function of its props. */
export function ReviewScreen({state, theme, exportPath}: ReviewScreenProps) {
	const {size, layout} = state;
	if (layout.kind === 'too-small') {
		// Nothing else shows, so nothing else may be done: only quitting, or a larger terminal.
		const count = state.unsaved.size;
		const unsaved =
			state.saveError === undefined || count === 0 ? '' : ` ⚠ ${count === 1 ? '1 decision is' : `${count} decisions are`} not saved (${state.saveError}).`;
		const quit =
			state.mode === 'confirm-quit'
				? `press ${keyFor('quit', 'too-small')} again to quit and lose ${count === 1 ? 'it' : 'them'}`
				: `press ${keyFor('quit', 'too-small')} to quit`;
		return (
			<Box width={size.columns}>
				<Text wrap="wrap">
					tocdiff needs a terminal of at least {minColumns}×{minRows}; this one is {size.columns}×{size.rows}.{unsaved} Widen it, or {quit}.
				</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1} overflow="hidden">
			<Header state={state} theme={theme} />
			{state.mode === 'help' ? (
				<HelpOverlay help={state.help} size={state.size} theme={theme} />
			) : (
				<>
					<ColumnRule state={state} />
					<EntryList state={state} theme={theme} />
					<DensityStrip state={state} theme={theme} />
					<EntryDetail state={state} theme={theme} exportPath={exportPath} />
				</>
			)}
			<Box flexGrow={1} />
			<SaveAlert state={state} theme={theme} />
			<StatusBar state={state} theme={theme} />
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
