/** The detail pane reduces its own slice (#14), and says how tall what it shows would like to be. */
import {describe, expect, it} from 'vitest';
import {detailAsides, detailWanted, reduceDetail, type RowDetail} from '../../src/tui/detail-state.js';
import {exportMenuOf} from '../../src/tui/export-menu-state.js';
import {rowDetailOf, seedComparison} from './fixtures.js';

function rowDetail(index: number, expanded: boolean): RowDetail {
	return rowDetailOf(seedComparison().rows, index, expanded);
}

describe('the detail pane', () => {
	it('folds and unfolds', () => {
		expect(reduceDetail({expanded: false}, {type: 'toggle-expand'})).toEqual({expanded: true});
		expect(reduceDetail({expanded: true}, {type: 'toggle-expand'})).toEqual({expanded: false});
	});

	it('wants its standard height for a folded row, or no row', () => {
		expect(detailWanted(rowDetail(6, false), 100)).toBe(0);
		expect(detailWanted({kind: 'no-row'}, 100)).toBe(0);
	});

	it('wants room for the whole export menu and the whole list of orphaned decisions', () => {
		expect(detailWanted({kind: 'export', menu: exportMenuOf(['text', 'json', 'csv'])}, 100)).toBe(5);
		expect(detailWanted({kind: 'orphans', orphans: [{key: 'gone', verdict: 'a'}, {key: 'lost'}], ids: ['A', 'B']}, 100)).toBe(3);
	});

	it('wants every line of an unfolded row: rule and decision, both readings, each difference, and more when narrow', () => {
		const detail = rowDetail(6, true);
		const lines = 2 + 1 + 1 + detail.row.differences.length + detailAsides(detail.row, []);
		expect(detailWanted(detail, 200)).toBe(lines);
		expect(detailWanted(detail, 60)).toBeGreaterThan(lines);
	});

	it('counts a note and a long correction below the decision', () => {
		const plain = detailWanted(rowDetail(6, true), 200);
		const noted = detailWanted({...rowDetail(6, true), decision: {key: 'k', verdict: 'edit', text: 'a correction', note: 'checked'}}, 200);
		expect(noted).toBe(plain + 2);
	});
});
