import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {afterEach, expect, it} from 'vitest';
import {readSource} from '../../src/cli/source.js';
import {compare} from '../../src/core/compare.js';
import {App} from '../../src/tui/app.js';
import type {ReviewEffects} from '../../src/tui/use-review.js';
import {frameMatching, tick} from './helpers.js';

const mounted: Array<ReturnType<typeof render>> = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

it('shows in the detail pane where each reading is on the scan: page and line ids (#15)', async () => {
	const folder = 'test/fixtures/ocr/macdowell-essays-1';
	const load = async (name: string) => readSource(`${folder}/${name}`, readFileSync(`${folder}/${name}`));
	const comparison = compare([await load('a.alto.xml'), await load('b.hocr')]);
	const effects: ReviewEffects = {saveDecisions: async () => undefined, exporters: {}, writeExport: async () => '/tmp/x'};
	const instance = render(
		<App comparison={comparison} inputName="a.alto.xml b.hocr" effects={effects} size={{columns: 120, rows: 40}} theme={{color: false}} />,
	);
	mounted.push(instance);
	await tick();
	// The first row: the title page's first line, on page 1 of each scan.
	expect(await frameMatching(instance.lastFrame, (frame) => frame.includes('on the scan:'))).toContain(
		'on the scan: A p. 1, line line_0 · B p. 1, line line_1_1',
	);
});
