import {Box, Text} from 'ink';
import {helpHeight, helpLines, type HelpLine} from './help-lines.js';
import type {HelpState} from './help-state.js';
import type {Size} from './layout.js';
import {paint, type Theme} from './theme.js';

/** Props of `HelpOverlay`: the help's own slice and the terminal's size. */
export type HelpOverlayProps = {readonly help: HelpState; readonly size: Size; readonly theme: Theme};

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
export function HelpOverlay({help, size, theme}: HelpOverlayProps) {
	const {columns, rows} = size;
	const lines = helpLines(columns);
	const height = helpHeight(rows);
	const shown = lines.slice(help.top, help.top + height);
	const half = Math.floor((columns - 4) / 2);
	return (
		<Box flexDirection="column" height={height + 1} overflow="hidden">
			<Text bold wrap="truncate">
				Keys{lines.length > height ? ` (${help.top + 1}–${Math.min(lines.length, help.top + height)} of ${lines.length} lines)` : ''}
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
