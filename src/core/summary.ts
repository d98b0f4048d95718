/** Counts over the rows of a comparison. */
import type {DifferenceKind, Row, RowStatus, Severity, Summary} from './types.js';

/** Count rows by status and differences by kind and severity. */
export function summarize(rows: readonly Row[]): Summary {
	const status: Record<RowStatus, number> = {same: 0, changed: 0, 'only-a': 0, 'only-b': 0, moved: 0};
	const kinds: Partial<Record<DifferenceKind, number>> = {};
	const severity: Record<Severity, number> = {substantive: 0, minor: 0, cosmetic: 0};
	let explained = 0;
	for (const row of rows) {
		status[row.status]++;
		for (const d of row.differences) {
			kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
			severity[d.severity]++;
			if (d.explainedBy !== undefined) explained++;
		}
	}

	return {rows: rows.length, status, kinds, severity, differing: rows.length - status.same, ...(explained > 0 ? {explained} : {})};
}
