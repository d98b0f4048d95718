import {Text} from 'ink';
import {useMemo} from 'react';
import type {Decision} from '../core/decisions.js';
import type {Severity} from '../core/types.js';
import {severityRank} from './review-data.js';
import {severityColors, severityBars, type Theme} from './theme.js';

/** What one cell of the strip stands for. */
export type StripCell = {readonly kind: 'none'} | {readonly kind: 'decided'} | {readonly kind: 'open'; readonly severity: Severity};

/** What the strip draws: each row's worst severity and decision, and where the cursor is. */
export type DensityStripProps = {
	/** Each row's most serious open difference; undefined for a row that does not differ. */
	readonly worst: readonly (Severity | undefined)[];
	/** Each row's key, under which its decision is kept. */
	readonly keys: readonly string[];
	readonly decisions: ReadonlyMap<string, Decision>;
	/** The selected row's index, if any. */
	readonly selected: number | undefined;
	/** The terminal's width. */
	readonly columns: number;
	readonly theme: Theme;
};

/**
 * Spread the rows over `width` cells; each cell shows the most serious undecided difference in
 * its rows, `·` when all of its differences are decided, and a rule when it has none.
 */
export function densityCells(
	worst: DensityStripProps['worst'],
	keys: DensityStripProps['keys'],
	decisions: DensityStripProps['decisions'],
	width: number,
): StripCell[] {
	const count = worst.length;
	const cells: StripCell[] = Array.from({length: width}, () => ({kind: 'none'}));
	if (count === 0 || width <= 0) return cells;
	for (let row = 0; row < count; row++) {
		const severity = worst[row];
		if (severity === undefined) continue;
		const cell = Math.min(width - 1, Math.floor((row * width) / count));
		const current = cells[cell]!;
		const key = keys[row];
		if ((key === undefined ? undefined : decisions.get(key))?.verdict === undefined) {
			if (current.kind !== 'open' || severityRank(severity) < severityRank(current.severity)) cells[cell] = {kind: 'open', severity};
		} else if (current.kind === 'none') {
			cells[cell] = {kind: 'decided'};
		}
	}

	return cells;
}

/** One line: where the differences lie through the document, and `◆` where the cursor is. */
export function DensityStrip({worst, keys, decisions, selected, columns, theme}: DensityStripProps) {
	const width = Math.max(1, columns - 6);
	// Recomputed only when the decisions or the width change, not on cursor moves.
	const cells = useMemo(() => densityCells(worst, keys, decisions, width), [worst, keys, decisions, width]);
	const count = worst.length;
	const cursorCell = selected === undefined || count === 0 ? -1 : Math.min(width - 1, Math.floor((selected * width) / count));
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
