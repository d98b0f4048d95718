import {Text} from 'ink';
import {useMemo} from 'react';
import type {Severity} from '../core/types.js';
import {severityRank} from './review-data.js';
import {decisionFor, selectedRow, type State} from './state.js';
import {severityColors, severityBars, type Theme} from './theme.js';

/** What one cell of the strip stands for. */
export type StripCell = {readonly kind: 'none'} | {readonly kind: 'decided'} | {readonly kind: 'open'; readonly severity: Severity};

/**
 * Spread the rows over `width` cells; each cell shows the most serious undecided difference in
 * its rows, `·` when all of its differences are decided, and a rule when it has none.
 */
export function densityCells(state: State, width: number): StripCell[] {
	const count = state.data.comparison.rows.length;
	const cells: StripCell[] = Array.from({length: width}, () => ({kind: 'none'}));
	if (count === 0 || width <= 0) return cells;
	for (let row = 0; row < count; row++) {
		const severity = state.data.worst[row];
		if (severity === undefined) continue;
		const cell = Math.min(width - 1, Math.floor((row * width) / count));
		const current = cells[cell]!;
		if (decisionFor(state, row)?.verdict === undefined) {
			if (current.kind !== 'open' || severityRank(severity) < severityRank(current.severity)) cells[cell] = {kind: 'open', severity};
		} else if (current.kind === 'none') {
			cells[cell] = {kind: 'decided'};
		}
	}

	return cells;
}

/** Props of `DensityStrip`. */
export type DensityStripProps = {readonly state: State; readonly theme: Theme};

/** One line: where the differences lie through the document, and `◆` where the cursor is. */
export function DensityStrip({state, theme}: DensityStripProps) {
	const width = Math.max(1, state.size.columns - 6);
	// Recomputed only when the decisions or the width change, not on cursor moves.
	// eslint-disable-next-line react-hooks/exhaustive-deps -- state.decisions and data are what the cells read
	const cells = useMemo(() => densityCells(state, width), [state.data, state.decisions, width]);
	const count = state.data.comparison.rows.length;
	const row = selectedRow(state);
	const cursorCell = row === undefined || count === 0 ? -1 : Math.min(width - 1, Math.floor((row * width) / count));
	// Runs of equal cells become one Text each: a handful of nodes instead of one per column.
	const runs: Array<{style: StripCell['kind'] | 'cursor'; severity?: Severity; text: string}> = [];
	for (const [index, cell] of cells.entries()) {
		const style = index === cursorCell ? 'cursor' : cell.kind;
		const severity = cell.kind === 'open' && style !== 'cursor' ? cell.severity : undefined;
		const glyph = style === 'cursor' ? '◆' : cell.kind === 'none' ? '─' : cell.kind === 'decided' ? '·' : severityBars[cell.severity];
		const last = runs.at(-1);
		if (last && last.style === style && last.severity === severity) last.text += glyph;
		else runs.push(severity === undefined ? {style, text: glyph} : {style, severity, text: glyph});
	}

	return (
		<Text wrap="truncate">
			<Text dimColor>map </Text>
			{runs.map((run, index) => {
				const color = !theme.color
					? undefined
					: run.style === 'cursor'
						? 'cyan'
						: run.style === 'decided'
							? 'green'
							: run.severity
								? severityColors[run.severity]
								: undefined;
				return (
					<Text key={index} bold={run.style === 'cursor'} dimColor={run.style === 'none'} {...(color ? {color} : {})}>
						{run.text}
					</Text>
				);
			})}
		</Text>
	);
}
