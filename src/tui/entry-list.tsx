import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Decision} from '../core/decisions.js';
import type {Row, Severity, Suggestion, TocItem} from '../core/types.js';
import {columns} from './columns.js';
import {keyFor} from './keymap.js';
import {fitSegments, type Segment} from './highlight.js';
import {wideTitleWidth} from './layout.js';
import {displayTitle, shownHighlights} from './review-data.js';
import {SegmentsText} from './segments-text.js';
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

/** A row in the list's window, with what the list shows beside its readings. */
export type ShownRow = {
	/** The row's index in the comparison. */
	readonly index: number;
	readonly row: Row;
	/** The most serious open difference; undefined for a row that does not differ. */
	readonly severity: Severity | undefined;
	readonly decision: Decision | undefined;
	/** Whether the row's decision (or its removal) is not saved yet: a save failed. */
	readonly unsaved: boolean;
	/** The row's suggestion, shown as `A?` or `B?` until the row is decided. */
	readonly suggestion: Suggestion | undefined;
};

/** Props of `EntryList`: the rows in its window, which is selected, and its room. */
export type EntryListProps = {
	/** The rows on screen, top first; none when the filter shows none. */
	readonly rows: readonly ShownRow[];
	/** The selected row's index. */
	readonly selected: number | undefined;
	/** A and B side by side, one line a row, rather than stacked. */
	readonly wide: boolean;
	/** Lines the list has. */
	readonly height: number;
	/** The terminal's width. */
	readonly columns: number;
	readonly theme: Theme;
};

/** The aligned list: only the rows in the scroll window are given (10,000 rows stay fast). */
export function EntryList({rows, selected, wide, height, columns, theme}: EntryListProps) {
	const lines = rows.map(({index, ...shown}) => {
		const props = {...shown, selected: index === selected, theme, columns};
		return wide ? <WideRow key={index} {...props} /> : <StackedRow key={index} {...props} />;
	});
	if (rows.length === 0) {
		lines.push(
			<Text key="empty" dimColor>
				{'  '}No rows to show under this filter. {keyFor('cycle-filter')} changes the filter, {keyFor('cycle-severity')} the lowest severity shown.
			</Text>,
		);
	}

	return (
		<Box flexDirection="column" height={height} overflow="hidden">
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
	const {titles, pages} = shownHighlights(row);
	// A row only further printings have shows their item in B's column, named (`C: …`) (#16).
	const further = row.status === 'only-other' && side === 'b' ? (row.others ?? []).find((other) => other !== null) : undefined;
	if (further) return furtherSegments(row, further, width, theme);
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

/** The B column of a row only further printings have: the first one's reading, named by its printing (`C: …`, as compare names them). */
function furtherSegments(row: Row, item: TocItem, width: number, theme: Theme): {title: Segment[]; page: Segment[]} {
	const id = String.fromCodePoint(67 + (row.others ?? []).indexOf(item));
	const page = fitSegments([{text: item.page ?? '', changed: true}], pageWidth, theme.color ? {pad: false} : {markers: changeMarkers, pad: false});
	const used = page.reduce((sum, run) => sum + columns(run.text), 0);
	return {
		title: fitSegments(
			[
				{text: `${id}: `, changed: false},
				{text: displayTitle(item), changed: true},
			],
			width,
			theme.color ? {} : {markers: changeMarkers},
		),
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
