/** The screen's views draw from narrow props (#14): each is rendered here with only what it draws, and no `State`. */
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {densityCells} from '../../src/tui/density-strip.js';
import {EntryDetail} from '../../src/tui/entry-detail.js';
import {EntryList} from '../../src/tui/entry-list.js';
import {Header} from '../../src/tui/header.js';
import {StatusBar} from '../../src/tui/status-bar.js';
import {compare} from '../../src/core/compare.js';
import {rowDetailOf, seedComparison} from './fixtures.js';

const plain = {color: false} as const;
const mounted: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

function frameOf(element: React.JSX.Element): string {
	const instance = render(element);
	mounted.push(instance);
	return instance.lastFrame() ?? '';
}

describe('views of narrow props', () => {
	it('the header counts what it is given, and names the filter and the least severity shown', () => {
		const header = {
			inputName: 'vol31.txt',
			comparison: seedComparison(),
			rows: 12,
			differing: 7,
			open: {substantive: 4, minor: 2, cosmetic: 1},
			decided: 2,
			notSaved: 0,
			orphans: 0,
			row: 4,
			filter: 'undecided',
			minSeverity: 'minor',
			columns: 100,
			theme: plain,
		} as const;
		const frame = frameOf(<Header {...header} />);
		expect(frame).toContain('█ 4 substantive  ▄ 2 minor  ▁ 1 cosmetic  2/7 rows decided  row 5/12 · undecided ≥ minor');
		const troubled = frameOf(<Header {...header} notSaved={1} orphans={3} />);
		expect(troubled).toContain('█ 4  ▄ 2  ▁ 1  2/7 rows decided (1 not saved *) (+3 orphaned: o lists)');
	});

	it('the list says so when its filter shows no row', () => {
		expect(frameOf(<EntryList rows={[]} selected={undefined} wide height={3} columns={120} theme={plain} />)).toContain(
			'No rows to show under this filter. Tab changes the filter, s the lowest severity shown.',
		);
	});

	it('the list marks the selected row with the glyph, side by side', () => {
		const {rows} = seedComparison();
		const shown = [0, 1].map((index) => ({index, row: rows[index]!, severity: undefined, decision: undefined, unsaved: false, suggestion: undefined}));
		const lines = frameOf(<EntryList rows={shown} selected={1} wide height={2} columns={120} theme={plain} />).split('\n');
		expect(lines[0]!.startsWith(' ')).toBe(true);
		expect(lines[1]!.startsWith('›')).toBe(true);
	});

	it('the list and the detail pane show a page left in a title as the page the differences read (#18)', () => {
		const a = [
			'THE FIRST THING . . . . . 300',
			'TO THE POOR PEASANTS OF THE UKRAINE . . . . . 314',
			'ON PROLETARIAN CULTURE . . . . . 316',
			'A LAST SPEECH . . . . . 320',
			'',
		].join('\n');
		const b = ['THE FIRST THING . . 300', 'TO THE POOR PEASANTS OF THE UKRAINE 4', 'ON PROLETARIAN CULTURE . . 316', 'A LAST SPEECH . . 320', ''].join('\n');
		const {rows} = compare([
			{name: 'a.txt', text: a},
			{name: 'b.txt', text: b},
		]);
		const index = rows.findIndex((row) => row.differences.some((d) => d.kind === 'page'));
		const row = rows[index]!;
		// As parsed, B's page stayed in its title; the differences read it as the page.
		expect([row.b?.title, row.b?.page]).toEqual(['TO THE POOR PEASANTS OF THE UKRAINE 4', undefined]);
		const shown = [{index, row, severity: undefined, decision: undefined, unsaved: false, suggestion: undefined}];
		const line = frameOf(<EntryList rows={shown} selected={0} wide height={1} columns={100} theme={plain} />);
		expect(line).toMatch(/UKRAINE +⟨314⟩ │ TO THE POOR PEASANTS OF THE UKRAINE +⟨4⟩/);
		const detail = frameOf(<EntryDetail content={rowDetailOf(rows, index)} height={8} columns={100} theme={plain} />);
		expect(detail).toMatch(/^B l\.2 +p\.⟨4⟩ +TO THE POOR PEASANTS OF THE UKRAINE$/m);
	});

	it('the detail pane draws what it is told to show', () => {
		expect(frameOf(<EntryDetail content={{kind: 'no-row'}} height={4} columns={80} theme={plain} />)).toContain('── no row selected ──');
		const orphans = frameOf(
			<EntryDetail
				content={{kind: 'orphans', orphans: [{key: 'k', verdict: 'a', a: 'Old\t1', b: 'Older\t1'}], ids: ['A', 'B']}}
				height={4}
				columns={100}
				theme={plain}
			/>,
		);
		expect(orphans).toContain('1 saved decision matching no row · kept in the decisions file · Esc closes');
		expect(orphans).toContain('printing A is right on A “Old 1” · B “Older 1”');
	});

	it('the export menu marks the chosen format and names its keys from the key table', () => {
		const frame = frameOf(
			<EntryDetail content={{kind: 'export', menu: {formats: ['text', 'json'], choice: 1, request: undefined}}} height={5} columns={80} theme={plain} />,
		);
		expect(frame).toContain('› json');
		expect(frame).toContain('↓/↑ choose · Enter writes the report · Esc closes');
	});

	it('the status bar asks before losing decisions, and shows an open prompt with its caret', () => {
		const prompt = {value: '', caret: 0};
		expect(frameOf(<StatusBar mode="confirm-quit" prompt={prompt} status={undefined} unsaved={2} columns={120} theme={plain} />)).toContain(
			'⚠ Quit and lose 2 decisions not saved? q quits · w saves them to another file · Esc goes back',
		);
		expect(frameOf(<StatusBar mode="note" prompt={{value: 'seen', caret: 2}} status={undefined} unsaved={0} columns={120} theme={plain} />)).toContain(
			'Note: se▏en  Enter accept · Esc cancel',
		);
		expect(frameOf(<StatusBar mode="help" prompt={prompt} status={undefined} unsaved={0} columns={120} theme={plain} />)).toContain(
			'↓/↑ scroll · ? or Esc closes help',
		);
	});

	it('the map shows each stretch of rows by its worst undecided difference, and · once all are decided', () => {
		const worst = ['minor', undefined, 'substantive', 'cosmetic'] as const;
		const keys = ['r0', 'r1', 'r2', 'r3'];
		expect(densityCells(worst, keys, new Map(), 2)).toEqual([
			{kind: 'open', severity: 'minor'},
			{kind: 'open', severity: 'substantive'},
		]);
		const decided = new Map([['r0', {key: 'r0', verdict: 'a' as const}]]);
		expect(densityCells(worst, keys, decided, 2)[0]).toEqual({kind: 'decided'});
	});
});
