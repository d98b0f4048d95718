import {Box, Text} from 'ink';
import type {Decision} from '../core/decisions.js';
import type {Check, Difference, Row, Suggestion} from '../core/types.js';
import {formatLines} from '../report/findings.js';
import {placeText} from '../report/place.js';
import {fitSegments, type Segment} from './highlight.js';
import {displayTitle, shownHighlights} from './review-data.js';
import {SegmentsText} from './segments-text.js';
import {detailAsides, type DetailContent, type RowDetail} from './detail-state.js';
import {verdictLabel} from './decision-state.js';
import {changeMarkers, severityColors, severityBars, statusColors, statusGlyphs, paint, type Theme} from './theme.js';
import {ExportMenu} from './export-menu.js';
import {keyFor} from './keymap.js';

/** Props of `EntryDetail`: what the pane shows, and its room. */
export type EntryDetailProps = {
	/** The selected row (or that none is), the export menu, or the orphaned decisions. */
	readonly content: DetailContent;
	/** Lines the pane has, its top rule included. */
	readonly height: number;
	/** The terminal's width. */
	readonly columns: number;
	readonly theme: Theme;
	/** Where each export format would be written, shown in the export menu. */
	readonly exportPath?: ((format: string) => string) | undefined;
};

function rule(title: string, columns: number): string {
	const head = `── ${title} `;
	return head + '─'.repeat(Math.max(0, columns - [...head].length));
}

/**
 * What each key does to an undecided row: `a: A is right · b: B is right · …`, from the key table;
 * with more printings, the number keys too (`3: C is right`).
 */
const decideHints = (ids: readonly string[]): string =>
	[
		`${keyFor('decide-a')}: A is right`,
		`${keyFor('decide-b')}: B is right`,
		...ids.slice(2, 9).map((id, k) => `${k + 3}: ${id} is right`),
		`${keyFor('edit-start')}: correct it`,
		`${keyFor('decide-not-error')}: not an error`,
		`${keyFor('note-start')}: note`,
	].join(' · ');

/** Row statuses in words for the detail pane's title. */
const statusWords = {same: 'same', changed: 'changed', 'only-a': 'only in A', 'only-b': 'only in B', moved: 'moved', 'only-other': 'only in'} as const;

/** The detail pane: the selected row in full, the export menu, or the orphaned decisions. */
export function EntryDetail({content, height, columns, theme, exportPath}: EntryDetailProps) {
	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			{/* Lines that do not fit are cut off at the bottom: shrunk to fit, Yoga would draw them over each other. */}
			<Box flexDirection="column" flexShrink={0}>
				<DetailBody content={content} height={height} columns={columns} theme={theme} exportPath={exportPath} />
			</Box>
		</Box>
	);
}

function DetailBody({content, height, columns, theme, exportPath}: EntryDetailProps) {
	switch (content.kind) {
		case 'export': {
			return (
				<>
					<Text dimColor wrap="truncate">
						{rule('Export a report', columns)}
					</Text>
					<ExportMenu menu={content.menu} theme={theme} exportPath={exportPath} />
				</>
			);
		}

		case 'orphans': {
			return <OrphanList orphans={content.orphans} ids={content.ids} columns={columns} />;
		}

		case 'no-row': {
			return <Text dimColor>{rule('no row selected', columns)}</Text>;
		}

		case 'row': {
			return <RowDetailView detail={content} height={height} columns={columns} theme={theme} />;
		}
	}
}

/** One orphaned decision in a line: its verdict (and correction), its note, and the readings it was made on. */
function orphanLine(orphan: Decision, ids: readonly string[]): string {
	const quote = (text: string | undefined): string => (text === undefined ? '—' : `“${text.replaceAll(/\s+/g, ' ').trim()}”`);
	const verdict = orphan.verdict === undefined ? 'a note' : verdictLabel(orphan.verdict, ids);
	const correction = orphan.verdict === 'edit' ? ` ${quote(orphan.text)}` : '';
	const note = orphan.note ? ` (${orphan.note})` : '';
	return `${verdict}${correction}${note} on A ${quote(orphan.a)} · B ${quote(orphan.b)}`;
}

/**
 * The saved decisions that match no row since the input changed, one line each: the readings they
 * were made on, the verdict and the note. They are kept in the decisions file, never dropped.
 */
function OrphanList({orphans, ids, columns}: {readonly orphans: readonly Decision[]; readonly ids: readonly string[]; readonly columns: number}) {
	const count = `${orphans.length} saved decision${orphans.length === 1 ? '' : 's'}`;
	return (
		<>
			<Text dimColor wrap="truncate">
				{rule(`${count} matching no row · kept in the decisions file · ${keyFor('orphans-close', 'orphans')} closes`, columns)}
			</Text>
			{orphans.map((orphan) => (
				<Text key={orphan.key} wrap="truncate">
					{orphanLine(orphan, ids)}
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

	const {titles, pages} = shownHighlights(row);
	const color = side === 'a' ? 'red' : 'green';
	// Line and page in fixed columns first, so they stay in view however long the title is.
	const page = withMarkers(pages[side], theme);
	const pageText = page.map((segment) => segment.text).join('');
	// `l.219–220 ` keeps a space before its page: a range of lines fills nine columns.
	const prefixWidth = 2 + 10 + 10;
	const title = withMarkers(titles[side], theme);
	return (
		<Box>
			<Box width={prefixWidth} flexShrink={0}>
				<Text wrap="truncate">
					<Text bold>{label}</Text>
					<Text dimColor> {`${where} `.padEnd(10)}</Text>
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
			{difference.explainedBy === undefined ? null : (
				<Text dimColor>
					{difference.explainedBy === 'title-page' ? 'title page' : 'offset'}
					{'   '}
				</Text>
			)}
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
		return (
			<Text wrap="truncate" dimColor={!differs}>
				{differs ? <Text {...paint(theme, 'yellow')}>undecided</Text> : <Text>identical</Text>}
				<Text dimColor>{differs ? ` — ${decideHints(ids)}` : ` — ${keyFor('note-start')} adds a note, ${keyFor('edit-start')} a correction`}</Text>
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

function RowDetailView({
	detail,
	height,
	columns,
	theme,
}: {
	readonly detail: RowDetail;
	readonly height: number;
	readonly columns: number;
	readonly theme: Theme;
}) {
	const {index, row, decision, differs, checks, expanded} = detail;
	const ids = detail.ids;
	const similarity =
		row.status === 'only-a' || row.status === 'only-b' || row.status === 'only-other'
			? ''
			: ` · similarity ${(Math.floor(row.similarity * 100) / 100).toFixed(2)}`;
	// A row only further printings have names them: `only in C`.
	const holders = row.status === 'only-other' ? ` ${(row.others ?? []).flatMap((item, k) => (item === null ? [] : [ids[k + 2] ?? '?'])).join(' and ')}` : '';
	const folds = expanded ? ` · ${keyFor('toggle-expand')} folds` : '';
	const title = `row ${index + 1} of ${detail.count} · ${statusWords[row.status]}${holders}${similarity}${folds}`;
	const suggested = row.differences.some((difference) => difference.suggestion !== undefined);
	const others = row.others ?? [];
	// Room for differences: the pane less its rule, the two readings, the decision line, the asides
	// (further readings, checks, suggestion, place on the scan) and a note.
	const room = height - 4 - detailAsides(row, checks) - (decision?.note ? 1 : 0);
	// Where not all fit, the last line that fits says how many more there are (when one fits at all).
	const shown = expanded || row.differences.length <= room ? row.differences : row.differences.slice(0, Math.max(0, room - 1));
	const more = room > 0 ? row.differences.length - shown.length : 0;
	return (
		<>
			<Text wrap="truncate">
				<Text dimColor>── </Text>
				<Text {...paint(theme, statusColors[row.status])}>{statusGlyphs[row.status]}</Text>
				<Text dimColor> {rule(title, columns - 5).slice(3)}</Text>
			</Text>
			<Reading row={row} side="a" theme={theme} width={columns} expanded={expanded} />
			<Reading row={row} side="b" theme={theme} width={columns} expanded={expanded} />
			<ScanPlace row={row} />
			{others.map((item, k) => (
				<OtherReading key={k} id={detail.otherIds[k] ?? '?'} item={item} />
			))}
			{checks.map((check) => (
				<CheckLine key={`${check.printing} ${check.lines[0]} ${check.message}`} check={check} theme={theme} />
			))}
			{shown.map((difference, position) => (
				<DifferenceLine key={position} difference={difference} theme={theme} />
			))}
			{more > 0 ? (
				<Text dimColor wrap="truncate">
					{'  '}… {more} more ({keyFor('toggle-expand')} shows all)
				</Text>
			) : null}
			{suggested ? <SuggestionLine row={row} suggestion={detail.suggestion} theme={theme} expanded={expanded} /> : null}
			<DecisionLine decision={decision} differs={differs} expanded={expanded} theme={theme} ids={detail.ids} />
			{decision?.note ? (
				<Text wrap={expanded ? 'wrap' : 'truncate'}>
					<Text dimColor>note: </Text>
					{decision.note}
				</Text>
			) : null}
		</>
	);
}
