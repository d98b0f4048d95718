import {Box, Text} from 'ink';
import {severities} from '../core/types.js';
import {formatLines} from '../report/findings.js';
import {orphanDecisions, selectedRow, type State} from './state.js';
import {severityColors, severityGlyphs, paint, type Theme} from './theme.js';

/** Props of `Header`. */
export type HeaderProps = {readonly state: State; readonly theme: Theme};

/** `(B pages +4)` for each page offset, which spans many rows and so shows here rather than on one. */
function offsetNote(checks: State['data']['comparison']['checks']): string {
	const offsets = checks.filter((check) => check.kind === 'page-offset');
	return offsets.map((check) => ` (${check.printing} pages ${(check.offset ?? 0) > 0 ? '+' : ''}${check.offset})`).join('');
}

/** Two lines: the input and its printings; counts by severity, progress, position and filter. */
export function Header({state, theme}: HeaderProps) {
	const {comparison, inputName, differing} = state.data;
	const [a, b] = comparison.printings;
	const describe = (printing: typeof a) =>
		printing ? `${printing.id} ${printing.source === inputName ? '' : `${printing.source} `}lines ${formatLines(printing.lines)} (${printing.items.length} items)` : '';
	const split = comparison.split ? ` · split: ${comparison.split.method}` : '';
	const row = selectedRow(state);
	const orphans = orphanDecisions(state).length;
	const done = differing > 0 && state.decided === differing;
	const hidden = state.minSeverity === 'cosmetic' ? '' : ` ≥ ${state.minSeverity}`;
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
						<Text {...paint(theme, severityColors[severity])}>{severityGlyphs[severity]}</Text>
						{` ${comparison.summary.severity[severity]} ${severity}  `}
					</Text>
				))}
				<Text bold {...paint(theme, done ? 'green' : undefined)}>
					{state.decided}/{differing} decided
				</Text>
				{orphans > 0 ? <Text {...paint(theme, 'yellow')}>{` (+${orphans} orphaned)`}</Text> : null}
				{comparison.checks.length > 0 ? <Text {...paint(theme, 'yellow')}>{`  ⚑ ${comparison.checks.length} check${comparison.checks.length === 1 ? '' : 's'}${offsetNote(comparison.checks)}`}</Text> : null}
				<Text>
					{'  '}row {row === undefined ? 0 : row + 1}/{comparison.rows.length} · showing {state.filter === 'all' ? 'all rows' : state.filter === 'differences' ? 'differences' : 'undecided'}
					{hidden}
				</Text>
			</Text>
		</Box>
	);
}
