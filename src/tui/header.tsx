import {Box, Text} from 'ink';
import {severities, type Severity} from '../core/types.js';
import {describeSplit, formatLines} from '../report/findings.js';
import {columns} from './columns.js';
import {keyFor} from './keymap.js';
import {orphanDecisions, selectedRow, type State} from './state.js';
import {severityColors, severityBars, unsavedGlyph, paint, type Theme} from './theme.js';

/** Props of `Header`. */
export type HeaderProps = {readonly state: State; readonly theme: Theme};

/** `(B pages +4)` for each page offset, which spans many rows and so shows here rather than on one. */
function offsetNote(checks: State['data']['comparison']['checks']): string {
	const offsets = checks.filter((check) => check.kind === 'page-offset');
	return offsets.map((check) => ` (${check.printing} pages ${(check.offset ?? 0) > 0 ? '+' : ''}${check.offset})`).join('');
}

/**
 * Two lines: the input and its printings; then the open differences by severity, how many of the
 * rows that differ are decided, the position and filter, and the checks. Where that is too wide,
 * the severities show as glyph and count alone (the map and the list use the same glyphs).
 */
export function Header({state, theme}: HeaderProps) {
	const {comparison, inputName, differing, open} = state.data;
	const [a, b] = comparison.printings;
	const describe = (printing: typeof a) =>
		printing
			? `${printing.id} ${printing.source === inputName ? '' : `${printing.source} `}lines ${formatLines(printing.lines)} (${printing.items.length} items)`
			: '';
	const split = comparison.split ? ` · ${describeSplit(comparison.split, true)}` : '';
	const row = selectedRow(state);
	const orphans = orphanDecisions(state).length;
	const done = differing > 0 && state.decided === differing;
	const hidden = state.list.minSeverity === 'cosmetic' ? '' : ` ≥ ${state.list.minSeverity}`;
	// A failed save leaves decisions on screen that are not on disk: the count says so.
	const notSaved = state.unsaved.size > 0 && state.saveError !== undefined ? ` (${state.unsaved.size} not saved ${unsavedGlyph})` : '';
	const decided = `${state.decided}/${differing} rows decided${notSaved}`;
	const orphaned = orphans > 0 ? ` (+${orphans} orphaned: ${keyFor('orphans-open')} lists)` : '';
	const where = `  row ${row === undefined ? 0 : row + 1}/${comparison.rows.length} · ${state.list.filter === 'all' ? 'all rows' : state.list.filter === 'differences' ? 'differences' : 'undecided'}${hidden}`;
	const checks =
		comparison.checks.length > 0 ? `  ⚑ ${comparison.checks.length} check${comparison.checks.length === 1 ? '' : 's'}${offsetNote(comparison.checks)}` : '';
	// What follows each severity's glyph: its count, and its name where there is room.
	const count = (severity: Severity, words: boolean) => ` ${open[severity]}${words ? ` ${severity}` : ''}  `;
	const words =
		columns(severities.map((severity) => severityBars[severity] + count(severity, true)).join('') + decided + orphaned + where + checks) <= state.size.columns;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text bold {...paint(theme, 'cyan')}>
					tocdiff
				</Text>
				<Text>
					{' '}
					{inputName} · {describe(a)} · {describe(b)}
					{split}
				</Text>
			</Text>
			<Text wrap="truncate">
				{severities.map((severity) => (
					<Text key={severity}>
						<Text {...paint(theme, severityColors[severity])}>{severityBars[severity]}</Text>
						{count(severity, words)}
					</Text>
				))}
				<Text bold {...paint(theme, notSaved ? 'red' : done ? 'green' : undefined)}>
					{decided}
				</Text>
				{orphaned ? <Text {...paint(theme, 'yellow')}>{orphaned}</Text> : null}
				<Text>{where}</Text>
				{checks ? <Text {...paint(theme, 'yellow')}>{checks}</Text> : null}
			</Text>
		</Box>
	);
}
