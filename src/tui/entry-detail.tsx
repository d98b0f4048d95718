import {Box, Text} from 'ink';
import type {Decision} from '../core/decisions.js';
import type {Check, Difference, Row, Suggestion} from '../core/types.js';
import {formatLines} from '../report/findings.js';
import {placeText} from '../report/place.js';
import {fitSegments, highlightPair, type Segment} from './highlight.js';
import {displayTitle} from './review-data.js';
import {SegmentsText} from './segments-text.js';
import {decisionFor, verdictLabel, detailAsides, orphanDecisions, selectedRow, type State} from './state.js';
import {changeMarkers, severityColors, severityBars, statusColors, statusGlyphs, paint, type Theme} from './theme.js';
import {ExportMenu} from './export-menu.js';

/** Props of `EntryDetail`. */
export type EntryDetailProps = {
	readonly state: State;
	readonly theme: Theme;
	/** Where each export format would be written, shown in the export menu. */
	readonly exportPath?: ((format: string) => string) | undefined;
};

function rule(title: string, columns: number): string {
	const head = `── ${title} `;
	return head + '─'.repeat(Math.max(0, columns - [...head].length));
}

/** Row statuses in words for the detail pane's title. */
const statusWords = {same: 'same', changed: 'changed', 'only-a': 'only in A', 'only-b': 'only in B', moved: 'moved', 'only-other': 'only in'} as const;

/** The detail pane: the selected row in full, or the export menu while it is open. */
export function EntryDetail({state, theme, exportPath}: EntryDetailProps) {
	const {layout} = state;
	if (layout.kind !== 'screen') return null;
	const {columns} = layout.size;
	const content =
		state.mode === 'export' ? (
			<ExportMenu menu={state.menu} theme={theme} exportPath={exportPath} />
		) : state.mode === 'orphans' ? (
			<OrphanList state={state} />
		) : (
			<RowDetail state={state} theme={theme} />
		);
	return (
		<Box flexDirection="column" height={layout.detailLines} overflow="hidden">
			{/* Lines that do not fit are cut off at the bottom: shrunk to fit, Yoga would draw them over each other. */}
			<Box flexDirection="column" flexShrink={0}>
				{state.mode === 'export' ? (
					<Text dimColor wrap="truncate">
						{rule('Export a report', columns)}
					</Text>
				) : null}
				{content}
			</Box>
		</Box>
	);
}

/**
 * The saved decisions that match no row since the input changed, one line each: the readings they
 * were made on, the verdict and the note. They are kept in the decisions file, never dropped.
 */
function OrphanList({state}: {readonly state: State}) {
	const {columns} = state.size;
	const orphans = orphanDecisions(state);
	const quote = (text: string | undefined): string => (text === undefined ? '—' : `“${text.replaceAll(/\s+/g, ' ').trim()}”`);
	return (
		<>
			<Text dimColor wrap="truncate">
				{rule(`${orphans.length} saved decision${orphans.length === 1 ? '' : 's'} matching no row · kept in the decisions file · Esc closes`, columns)}
			</Text>
			{orphans.map((orphan) => (
				<Text key={orphan.key} wrap="truncate">
					{`${
						orphan.verdict === undefined
							? 'a note'
							: verdictLabel(
									orphan.verdict,
									state.data.comparison.printings.map((printing) => printing.id),
								)
					}${orphan.verdict === 'edit' ? ` ${quote(orphan.text)}` : ''}${orphan.note ? ` (${orphan.note})` : ''} on A ${quote(orphan.a)} · B ${quote(orphan.b)}`}
				</Text>
			))}
		</>
	);
}

function withMarkers(segments: readonly Segment[], theme: Theme): Segment[] {
	return segments.map((segment) =>
		segment.changed && !theme.color ? {text: `${changeMarkers[0]}${segment.text}${changeMarkers[1]}`, changed: true} : segment,
	);
}

function Reading({
	row,
	side,
	theme,
	width,
	expanded,
}: {
	readonly row: Row;
	readonly side: 'a' | 'b';
	readonly theme: Theme;
	readonly width: number;
	readonly expanded: boolean;
}) {
	const item = row[side];
	const label = side.toUpperCase();
	const where = item ? `l.${formatLines(item.lines)}` : '';
	if (!item) {
		return (
			<Text wrap="truncate">
				<Text bold>{label}</Text>
				<Text dimColor>
					{' '}
					{'(not in printing '}
					{label})
				</Text>
			</Text>
		);
	}

	const titles = highlightPair(displayTitle(row.a), displayTitle(row.b));
	const pages = highlightPair(row.a?.page ?? '', row.b?.page ?? '');
	const color = side === 'a' ? 'red' : 'green';
	// Line and page in fixed columns first, so they stay in view however long the title is.
	const page = withMarkers(pages[side], theme);
	const pageText = page.map((segment) => segment.text).join('');
	const prefixWidth = 2 + 9 + 10;
	const title = withMarkers(titles[side], theme);
	return (
		<Box>
			<Box width={prefixWidth} flexShrink={0}>
				<Text wrap="truncate">
					<Text bold>{label}</Text>
					<Text dimColor> {where.padEnd(9)}</Text>
					{pageText ? <Text dimColor>p.</Text> : null}
					<SegmentsText segments={page} theme={theme} changeColor={color} />
				</Text>
			</Box>
			<Text wrap={expanded ? 'wrap' : 'truncate'}>
				<SegmentsText
					segments={
						expanded
							? title
							: fitSegments(title, width - prefixWidth, {pad: false, focus: titles.prefix, other: withMarkers(titles[side === 'a' ? 'b' : 'a'], theme)})
					}
					theme={theme}
					changeColor={color}
				/>
			</Text>
		</Box>
	);
}

/** Where the readings are on the scans, for printings read from OCR files: `on the scan: A p. 3, line tl_27 · B p. 2, line line_5`. */
function ScanPlace({row}: {readonly row: Row}) {
	const parts = (['a', 'b'] as const).flatMap((side) => {
		const text = placeText(row[side]);
		return text === undefined ? [] : [`${side.toUpperCase()} ${text}`];
	});
	if (parts.length === 0) return null;
	return (
		<Text wrap="truncate" dimColor>
			{'on the scan: '}
			{parts.join(' · ')}
		</Text>
	);
}

/** A suggestion in a few characters: `A? 0.90`, or `even`. */
function suggestionMark(suggestion: Suggestion): string {
	return suggestion.reading === null ? 'even' : `${suggestion.reading.toUpperCase()}? ${suggestion.confidence.toFixed(2)}`;
}

/** A further printing's reading of the row (three scans of one page), on one line. */
function OtherReading({id, item}: {readonly id: string; readonly item: Row['a']}) {
	const prefix = `${id} ${item ? `l.${formatLines(item.lines)}` : ''}`.padEnd(11);
	return (
		<Text wrap="truncate">
			<Text bold>{prefix.slice(0, 1)}</Text>
			<Text dimColor>{prefix.slice(1)}</Text>
			{item ? (
				<Text>
					<Text dimColor>{item.page === undefined ? '         ' : `p.${item.page}`.padEnd(9)} </Text>
					{displayTitle(item)}
				</Text>
			) : (
				<Text dimColor>(not in printing {id})</Text>
			)}
		</Text>
	);
}

/** A check on the row's lines: `⚑ A numbering: “II.” between “П.” and “IV.” should be III`. */
function CheckLine({check, theme}: {readonly check: Check; readonly theme: Theme}) {
	return (
		<Text wrap="truncate">
			<Text {...paint(theme, 'yellow')}>
				⚑ {check.printing} {check.kind}
			</Text>
			: {check.message}
		</Text>
	);
}

function DifferenceLine({difference, theme}: {readonly difference: Difference; readonly theme: Theme}) {
	// A difference on a whole item quotes the item: keep it to a few lines.
	const quote = (text: string) => (text === '' ? '(nothing)' : `“${text.length > 300 ? `${text.slice(0, 300)}…` : text}”`);
	return (
		<Text wrap="truncate">
			{'  '}
			<Text {...paint(theme, severityColors[difference.severity])}>{severityBars[difference.severity]}</Text>
			{` ${difference.severity.padEnd(11)} ${difference.kind.padEnd(11)} `}
			{difference.suggestion ? <Text {...paint(theme, 'cyan')}>{`${suggestionMark(difference.suggestion).padEnd(8)} `}</Text> : null}
			{difference.explainedBy === undefined ? null : <Text dimColor>offset{'   '}</Text>}
			{difference.a === '' && difference.b === '' ? (
				// An item only further printings have: A and B both read nothing there (#16).
				<Text dimColor>(neither A nor B has it)</Text>
			) : (
				<>
					<Text {...paint(theme, 'red')}>{quote(difference.a)}</Text>
					{' → '}
					<Text {...paint(theme, 'green')}>{quote(difference.b)}</Text>
				</>
			)}
		</Text>
	);
}

/**
 * What the evidence says about the whole row: the reading `y` would accept and why, or why there
 * is none (even evidence, or differences that point both ways).
 */
function SuggestionLine({
	row,
	suggestion,
	theme,
	expanded,
}: {
	readonly row: Row;
	readonly suggestion: Suggestion | undefined;
	readonly theme: Theme;
	readonly expanded: boolean;
}) {
	const wrap = expanded ? 'wrap' : 'truncate';
	if (suggestion?.reading) {
		return (
			<Text wrap={wrap}>
				<Text {...paint(theme, 'cyan')}>
					suggests {suggestion.reading.toUpperCase()} is right ({suggestion.confidence.toFixed(2)})
				</Text>
				<Text dimColor>: {suggestion.why}</Text>
			</Text>
		);
	}

	const reasons = [...new Set(row.differences.flatMap((difference) => (difference.suggestion?.reading === null ? [difference.suggestion.why] : [])))];
	return (
		<Text wrap={wrap} dimColor>
			no suggestion for the row: {reasons.length > 0 ? reasons.join('; ') : 'its differences point to different printings'}
		</Text>
	);
}

function DecisionLine({
	decision,
	differs,
	expanded,
	theme,
	ids,
}: {
	readonly decision: Decision | undefined;
	readonly differs: boolean;
	readonly expanded: boolean;
	readonly theme: Theme;
	/** The printings' ids (A, B, C …): with more than two, the number keys choose the further ones. */
	readonly ids: readonly string[];
}) {
	if (decision?.verdict === undefined) {
		const further = ids.slice(2, 9).map((id, k) => ` · ${k + 3}: ${id} is right`);
		return (
			<Text wrap="truncate" dimColor={!differs}>
				{differs ? <Text {...paint(theme, 'yellow')}>undecided</Text> : <Text>identical</Text>}
				<Text dimColor>
					{differs ? ` — a: A is right · b: B is right${further.join('')} · e: correct it · x: not an error · c: note` : ' — c adds a note, e a correction'}
				</Text>
			</Text>
		);
	}

	return (
		<Text wrap={expanded ? 'wrap' : 'truncate'}>
			<Text {...paint(theme, 'cyan')}>✓ {verdictLabel(decision.verdict, ids)}</Text>
			{decision.verdict === 'edit' && decision.text !== undefined ? <Text>: “{decision.text}”</Text> : null}
		</Text>
	);
}

function RowDetail({state, theme}: {readonly state: State; readonly theme: Theme}) {
	const {layout} = state;
	if (layout.kind !== 'screen') return null;
	const {columns} = layout.size;
	const index = selectedRow(state);
	if (index === undefined) return <Text dimColor>{rule('no row selected', columns)}</Text>;
	const row = state.data.comparison.rows[index]!;
	const decision = decisionFor(state, index);
	const differs = state.data.worst[index] !== undefined;
	const ids = state.data.comparison.printings.map((printing) => printing.id);
	const similarity =
		row.status === 'only-a' || row.status === 'only-b' || row.status === 'only-other'
			? ''
			: ` · similarity ${(Math.floor(row.similarity * 100) / 100).toFixed(2)}`;
	// A row only further printings have names them: `only in C`.
	const holders = row.status === 'only-other' ? ` ${(row.others ?? []).flatMap((item, k) => (item === null ? [] : [ids[k + 2] ?? '?'])).join(' and ')}` : '';
	const title = `row ${index + 1} of ${state.data.comparison.rows.length} · ${statusWords[row.status]}${holders}${similarity}${state.expanded ? ' · Enter folds' : ''}`;
	const suggested = row.differences.some((difference) => difference.suggestion !== undefined);
	const others = row.others ?? [];
	const checks = state.data.checks[index] ?? [];
	// Room for differences: the pane less its rule, the two readings, the decision line, the asides (further readings, checks, suggestion) and a note.
	const room = layout.detailLines - 4 - detailAsides(state, index) - (decision?.note ? 1 : 0);
	// Where not all fit, the last line that fits says how many more there are (when one fits at all).
	const shown = state.expanded || row.differences.length <= room ? row.differences : row.differences.slice(0, Math.max(0, room - 1));
	const more = room > 0 ? row.differences.length - shown.length : 0;
	return (
		<>
			<Text wrap="truncate">
				<Text dimColor>── </Text>
				<Text {...paint(theme, statusColors[row.status])}>{statusGlyphs[row.status]}</Text>
				<Text dimColor> {rule(title, columns - 5).slice(3)}</Text>
			</Text>
			<Reading row={row} side="a" theme={theme} width={columns} expanded={state.expanded} />
			<Reading row={row} side="b" theme={theme} width={columns} expanded={state.expanded} />
			<ScanPlace row={row} />
			{others.map((item, k) => (
				<OtherReading key={k} id={state.data.comparison.printings[k + 2]?.id ?? '?'} item={item} />
			))}
			{checks.map((check) => (
				<CheckLine key={`${check.printing} ${check.lines[0]} ${check.message}`} check={check} theme={theme} />
			))}
			{shown.map((difference, position) => (
				<DifferenceLine key={position} difference={difference} theme={theme} />
			))}
			{more > 0 ? (
				<Text dimColor wrap="truncate">
					{'  '}… {more} more (Enter shows all)
				</Text>
			) : null}
			{suggested ? <SuggestionLine row={row} suggestion={state.data.suggestions[index]} theme={theme} expanded={state.expanded} /> : null}
			<DecisionLine decision={decision} differs={differs} expanded={state.expanded} theme={theme} ids={ids} />
			{decision?.note ? (
				<Text wrap={state.expanded ? 'wrap' : 'truncate'}>
					<Text dimColor>note: </Text>
					{decision.note}
				</Text>
			) : null}
		</>
	);
}
