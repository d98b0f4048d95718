/**
 * The export menu widget's state (`E`): the formats it offers, the one highlighted, and the export
 * the screen's hook should run; its actions and reducer. Pure: the hook writes the report.
 */

/** An export the hook should run; `id` tells one request from the next. */
export type ExportRequest = {readonly id: number; readonly format: string};

/** The export menu: the formats offered, the one highlighted, and the last export asked for. */
export type ExportMenuState = {
	readonly formats: readonly string[];
	readonly choice: number;
	readonly request: ExportRequest | undefined;
};

/** What moves the menu's highlight, or picks its format. */
export type ExportMenuAction = {readonly type: 'export-next'} | {readonly type: 'export-previous'} | {readonly type: 'export-submit'};

/** A menu of `formats`, the first highlighted, nothing asked for yet. */
export function exportMenuOf(formats: readonly string[]): ExportMenuState {
	return {formats, choice: 0, request: undefined};
}

/** The menu after an action: the highlight moves round; submitting asks for the highlighted format. */
export function reduceExportMenu(menu: ExportMenuState, action: ExportMenuAction): ExportMenuState {
	const count = Math.max(1, menu.formats.length);
	switch (action.type) {
		case 'export-next': {
			return {...menu, choice: (menu.choice + 1) % count};
		}

		case 'export-previous': {
			return {...menu, choice: (menu.choice + count - 1) % count};
		}

		case 'export-submit': {
			const format = menu.formats[menu.choice];
			return format === undefined ? menu : {...menu, request: {id: (menu.request?.id ?? 0) + 1, format}};
		}
	}
}
