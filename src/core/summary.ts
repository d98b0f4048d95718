/** Counts over the rows of a comparison. */
import type {DifferenceKind, Row, RowStatus, Severity, Summary} from './types.js';

/**
 * Count rows by status and differences by kind and severity; the rows that differ (those with an
 * open difference, `Row.open`) and their open differences by severity and kind.
 */
export function summarize(rows: readonly Row[]): Summary {
	const status: Record<RowStatus, number> = {same: 0, changed: 0, 'only-a': 0, 'only-b': 0, moved: 0, 'only-other': 0};
	const kinds: Partial<Record<DifferenceKind, number>> = {};
	const severity: Record<Severity, number> = {substantive: 0, minor: 0, cosmetic: 0};
	const open = {severity: {substantive: 0, minor: 0, cosmetic: 0} as Record<Severity, number>, kinds: {} as Partial<Record<DifferenceKind, number>>};
	let explained = 0;
	let differing = 0;
	for (const row of rows) {
		status[row.status]++;
		if (row.open.length > 0) differing++;
		for (const d of row.open) {
			open.kinds[d.kind] = (open.kinds[d.kind] ?? 0) + 1;
			open.severity[d.severity]++;
		}

		for (const d of row.differences) {
			kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
			severity[d.severity]++;
			if (d.explainedBy !== undefined) explained++;
		}
	}

	// Rows only a further printing has are counted where there are some: two printings' counts stay as they were.
	const {'only-other': onlyOther, ...paired} = status;
	return {
		rows: rows.length,
		status: onlyOther > 0 ? {...paired, 'only-other': onlyOther} : paired,
		kinds,
		severity,
		differing,
		open,
		...(explained > 0 ? {explained} : {}),
	};
}
