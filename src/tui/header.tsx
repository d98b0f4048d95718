import {Box, Text} from 'ink';
import {severities, type Check, type Comparison, type Severity} from '../core/types.js';
import {describeSplit, formatLines} from '../report/findings.js';
import {columns as displayWidth} from './columns.js';
import {keyFor} from './keymap.js';
import type {Filter} from './list-state.js';
import {severityColors, severityBars, unsavedGlyph, paint, type Theme} from './theme.js';

/** Props of `Header`: what it says of the comparison, the decisions and the list, and no more. */
export type HeaderProps = {
	/** The input as the user named it (a path, or `-`). */
	readonly inputName: string;
	/** The printings, how they were found in one file, and the checks (page offsets show here). */
	readonly comparison: Pick<Comparison, 'printings' | 'split' | 'checks'>;
	/** How many rows the comparison has. */
	readonly rows: number;
	/** How many rows differ, and so wait for a decision. */
	readonly differing: number;
	/** The open differences by severity. */
	readonly open: Readonly<Record<Severity, number>>;
	/** How many of the rows that differ have a verdict. */
	readonly decided: number;
	/** Decisions that a failed save left unsaved; 0 while saves succeed. */
	readonly notSaved: number;
	/** Saved decisions that match no row. */
	readonly orphans: number;
	/** The selected row's index, if any. */
	readonly row: number | undefined;
	readonly filter: Filter;
	/** The least serious severity the list shows. */
	readonly minSeverity: Severity;
	/** The terminal's width. */
	readonly columns: number;
	readonly theme: Theme;
};

/** `(B pages +4)` for each page offset, which spans many rows and so shows here rather than on one. */
function offsetNote(checks: readonly Check[]): string {
	const offsets = checks.filter((check) => check.kind === 'page-offset');
	return offsets.map((check) => ` (${check.printing} pages ${(check.offset ?? 0) > 0 ? '+' : ''}${check.offset})`).join('');
}

const filterWords: Readonly<Record<Filter, string>> = {all: 'all rows', differences: 'differences', undecided: 'undecided'};

/**
 * Two lines: the input and its printings; then the open differences by severity, how many of the
 * rows that differ are decided, the position and filter, and the checks. Where that is too wide,
 * the severities show as glyph and count alone (the map and the list use the same glyphs).
 */
export function Header(props: HeaderProps) {
	const {inputName, comparison, rows, differing, open, theme} = props;
	const [a, b] = comparison.printings;
	const describe = (printing: typeof a) =>
		printing
			? `${printing.id} ${printing.source === inputName ? '' : `${printing.source} `}lines ${formatLines(printing.lines)} (${printing.items.length} items)`
			: '';
	const split = comparison.split ? ` · ${describeSplit(comparison.split, true)}` : '';
	const done = differing > 0 && props.decided === differing;
	const hidden = props.minSeverity === 'cosmetic' ? '' : ` ≥ ${props.minSeverity}`;
	// A failed save leaves decisions on screen that are not on disk: the count says so.
	const notSaved = props.notSaved > 0 ? ` (${props.notSaved} not saved ${unsavedGlyph})` : '';
	const decided = `${props.decided}/${differing} rows decided${notSaved}`;
	const orphaned = props.orphans > 0 ? ` (+${props.orphans} orphaned: ${keyFor('orphans-open')} lists)` : '';
	const where = `  row ${props.row === undefined ? 0 : props.row + 1}/${rows} · ${filterWords[props.filter]}${hidden}`;
	const count = comparison.checks.length;
	const checks = count > 0 ? `  ⚑ ${count} check${count === 1 ? '' : 's'}${offsetNote(comparison.checks)}` : '';
	// What follows each severity's glyph: its count, and its name where there is room.
	const counted = (severity: Severity, words: boolean) => ` ${open[severity]}${words ? ` ${severity}` : ''}  `;
	const line = severities.map((severity) => severityBars[severity] + counted(severity, true)).join('') + decided + orphaned + where + checks;
	const words = displayWidth(line) <= props.columns;
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
						{counted(severity, words)}
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
