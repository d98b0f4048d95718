import {Box, Text} from 'ink';
import {helpHeight, helpLines, type HelpLine} from './help-lines.js';
import type {State} from './state.js';
import {paint, type Theme} from './theme.js';

/** Props of `HelpOverlay`. */
export type HelpOverlayProps = {readonly state: State; readonly theme: Theme};

function Line({line, width, theme}: {readonly line: HelpLine; readonly width: number; readonly theme: Theme}) {
	const text = line.text.padEnd(width);
	return line.kind === 'group' ? (
		<Text bold {...paint(theme, 'cyan')}>
			{text}
		</Text>
	) : (
		<Text>{text}</Text>
	);
}

/** Every key, generated from the key table (the same one the input handler reads). */
export function HelpOverlay({state, theme}: HelpOverlayProps) {
	const {columns, rows} = state.size;
	const lines = helpLines(columns);
	const height = helpHeight(rows);
	const shown = lines.slice(state.helpTop, state.helpTop + height);
	const half = Math.floor((columns - 4) / 2);
	return (
		<Box flexDirection="column" height={height + 1} overflow="hidden">
			<Text bold wrap="truncate">
				Keys{lines.length > height ? ` (${state.helpTop + 1}–${Math.min(lines.length, state.helpTop + height)} of ${lines.length} lines)` : ''}
			</Text>
			{shown.map((row, index) => (
				<Text key={index} wrap="truncate">
					{row.map((line, column) => (
						<Line key={column} line={line} width={row.length > 1 ? half : columns - 2} theme={theme} />
					))}
				</Text>
			))}
		</Box>
	);
}
