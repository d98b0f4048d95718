import {Text} from 'ink';
import type {ExportMenuState} from './export-menu-state.js';
import {keyFor} from './keymap.js';
import {paint, selectionGlyph, type Theme} from './theme.js';

/** Props of `ExportMenu`: the menu's own slice, and where a format's report would go. */
export type ExportMenuProps = {
	readonly menu: ExportMenuState;
	readonly theme: Theme;
	readonly exportPath?: ((format: string) => string) | undefined;
};

/** The export menu (`E`): one line per format, the highlighted one marked, and where each would be written. */
export function ExportMenu({menu, theme, exportPath}: ExportMenuProps) {
	return (
		<>
			{menu.formats.map((format, index) => {
				const chosen = index === menu.choice;
				return (
					<Text key={format} wrap="truncate" bold={chosen}>
						<Text {...paint(theme, chosen ? 'cyan' : undefined)}>{chosen ? selectionGlyph : ' '}</Text> {format.padEnd(10)}
						{exportPath ? <Text dimColor>→ {exportPath(format)}</Text> : null}
					</Text>
				);
			})}
			<Text dimColor wrap="truncate">
				{keyFor('export-next', 'export')}/{keyFor('export-previous', 'export')} choose · {keyFor('export-submit', 'export')} writes the report ·{' '}
				{keyFor('export-cancel', 'export')} closes
			</Text>
		</>
	);
}
