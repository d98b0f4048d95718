import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Decision} from '../core/decisions.js';
import type {Row, Severity, Suggestion, TocItem} from '../core/types.js';
import {columns} from './columns.js';
import {fitSegments, highlightPair, type Segment} from './highlight.js';
import {wideTitleWidth} from './layout.js';
import {displayTitle} from './review-data.js';
import {SegmentsText} from './segments-text.js';
import {decisionFor, isUnsaved, selectedRow, visibleWindow, type State} from './state.js';
import {
	changeMarkers,
	selectionGlyph,
	severityColors,
	severityBars,
	statusColors,
	statusGlyphs,
	unsavedGlyph,
	verdictMarks,
	paint,
	type Theme,
} from './theme.js';

/** Width of a page column, room for `16-17` and for markers when colour is off. */
const pageWidth = 7;

/** Props of `EntryList`. */
export type EntryListProps = {readonly state: State; readonly theme: Theme};

/** The aligned list: only the rows in the scroll window are rendered (10,000 rows stay fast). */
export function EntryList({state, theme}: EntryListProps) {
	const {layout} = state;
	if (layout.kind !== 'screen') return null;
	const {from, to} = visibleWindow(state);
	const selected = selectedRow(state);
	const lines = [];
	for (let position = from; position < to; position++) {
		const index = state.visible[position]!;
		const row = state.data.comparison.rows[index]!;
		const props = {
			row,
			selected: index === selected,
			severity: state.data.worst[index],
			decision: decisionFor(state, index),
			unsaved: isUnsaved(state, index),
			suggestion: state.data.suggestions[index],
			theme,
			columns: layout.size.columns,
		};
		lines.push(layout.wide ? <WideRow key={index} {...props} /> : <StackedRow key={index} {...props} />);
	}

	if (state.visible.length === 0) {
		lines.push(
			<Text key="empty" dimColor>
				{'  '}No rows to show under this filter. Tab changes the filter, s the lowest severity shown.
			</Text>,
		);
	}

	return (
		<Box flexDirection="column" height={layout.listLines} overflow="hidden">
			{lines}
		</Box>
	);
}

type RowProps = {
	readonly row: Row;
	readonly severity: Severity | undefined;
	readonly selected: boolean;
	readonly decision: Decision | undefined;
	/** Whether the row's decision (or its removal) is not saved yet: a save failed. */
	readonly unsaved: boolean;
	/** The row's suggestion, shown as `A?` or `B?` until the row is decided. */
	readonly suggestion: Suggestion | undefined;
	readonly theme: Theme;
	readonly columns: number;
};

function rowSegments(row: Row, side: 'a' | 'b', width: number, theme: Theme): {title: Segment[]; page: Segment[]} {
	const markers = theme.color ? undefined : changeMarkers;
	const titles = highlightPair(displayTitle(row.a), displayTitle(row.b));
	const pages = highlightPair(row.a?.page ?? '', row.b?.page ?? '');
	const item: TocItem | null = row[side];
	if (!item) return {title: [{text: '—'.padEnd(width), changed: false}], page: [{text: ' '.repeat(pageWidth), changed: false}]};
	const page = fitSegments(pages[side], pageWidth, markers ? {markers, pad: false} : {pad: false});
	const used = page.reduce((sum, run) => sum + columns(run.text), 0);
	return {
		// Both sides shift alike around the first difference, so a pair never drifts apart.
		title: fitSegments(titles[side], width, {...(markers ? {markers} : {}), focus: titles.prefix, other: titles[side === 'a' ? 'b' : 'a']}),
		page: [{text: ' '.repeat(Math.max(0, pageWidth - used)), changed: false}, ...page],
	};
}

function Gutter({row, selected, severity, theme}: Pick<RowProps, 'row' | 'selected' | 'severity' | 'theme'>) {
	return (
		<>
			<Text {...paint(theme, selected ? 'cyan' : undefined)}>{selected ? selectionGlyph : ' '}</Text>
			<Text {...paint(theme, statusColors[row.status])}>{statusGlyphs[row.status]}</Text>
			<Text {...paint(theme, severity ? severityColors[severity] : undefined)}>{severity ? severityBars[severity] : ' '}</Text>
			<Text> </Text>
		</>
	);
}

function Mark({decision, unsaved, suggestion, theme}: Pick<RowProps, 'decision' | 'unsaved' | 'suggestion' | 'theme'>) {
	const suggested = suggestion?.reading ? `${suggestion.reading.toUpperCase()}?` : '  ';
	return (
		<Text {...paint(theme, 'cyan')}>
			{unsaved ? (
				<Text bold {...paint(theme, 'red')}>
					{unsavedGlyph}
				</Text>
			) : (
				' '
			)}
			{decision?.verdict ? verdictMarks[decision.verdict] : <Text dimColor>{suggested}</Text>}
			{decision?.note ? '¶' : ' '}
		</Text>
	);
}

/**
 * One row side by side. Memoised, as `StackedRow` (#17): a key press changes the props of two rows
 * at most (the cursor's old and new row), and the others need not render again.
 */
const WideRow = memo(function WideRow({row, severity, selected, decision, unsaved, suggestion, theme, columns}: RowProps) {
	const titleWidth = wideTitleWidth(columns);
	const a = rowSegments(row, 'a', titleWidth, theme);
	const b = rowSegments(row, 'b', titleWidth, theme);
	const dim = theme.color && row.status === 'same' && !selected;
	return (
		<Text wrap="truncate" bold={selected} dimColor={dim}>
			<Gutter row={row} selected={selected} severity={severity} theme={theme} />
			<SegmentsText segments={a.title} theme={theme} changeColor="red" />
			<Text> </Text>
			<SegmentsText segments={a.page} theme={theme} changeColor="red" />
			<Text dimColor>{' │ '}</Text>
			<SegmentsText segments={b.title} theme={theme} changeColor="green" />
			<Text> </Text>
			<SegmentsText segments={b.page} theme={theme} changeColor="green" />
			<Mark decision={decision} unsaved={unsaved} suggestion={suggestion} theme={theme} />
		</Text>
	);
});

/** One row stacked, A above B (memoised, see `WideRow`). */
const StackedRow = memo(function StackedRow({row, severity, selected, decision, unsaved, suggestion, theme, columns}: RowProps) {
	const titleWidth = Math.max(8, columns - 18);
	const dim = theme.color && row.status === 'same' && !selected;
	if (row.status === 'same') {
		const a = rowSegments(row, 'a', titleWidth, theme);
		return (
			<Text wrap="truncate" bold={selected} dimColor={dim}>
				<Gutter row={row} selected={selected} severity={severity} theme={theme} />
				<Text>{'  '}</Text>
				<SegmentsText segments={a.title} theme={theme} changeColor="red" />
				<Text> </Text>
				<SegmentsText segments={a.page} theme={theme} changeColor="red" />
				<Mark decision={decision} unsaved={unsaved} suggestion={suggestion} theme={theme} />
			</Text>
		);
	}

	const a = rowSegments(row, 'a', titleWidth, theme);
	const b = rowSegments(row, 'b', titleWidth, theme);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate" bold={selected}>
				<Gutter row={row} selected={selected} severity={severity} theme={theme} />
				<Text dimColor>A </Text>
				<SegmentsText segments={a.title} theme={theme} changeColor="red" />
				<Text> </Text>
				<SegmentsText segments={a.page} theme={theme} changeColor="red" />
				<Mark decision={decision} unsaved={unsaved} suggestion={suggestion} theme={theme} />
			</Text>
			<Text wrap="truncate" bold={selected}>
				<Text>{'    '}</Text>
				<Text dimColor>B </Text>
				<SegmentsText segments={b.title} theme={theme} changeColor="green" />
				<Text> </Text>
				<SegmentsText segments={b.page} theme={theme} changeColor="green" />
			</Text>
		</Box>
	);
});
