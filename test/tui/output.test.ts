import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import Output from '../../src/tui/output.js';
// Ink's own frame buffer, which the review screen's bundle replaces: the oracle.
import InkOutput from '../../node_modules/ink/build/output.js';

type Transformer = (line: string, index: number) => string;
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]}
	| {type: 'clip'; clip: {x1: number | undefined; x2: number | undefined; y1: number | undefined; y2: number | undefined}}
	| {type: 'unclip'};

/** The frame each gives for the same size and operations. */
function frames(width: number, height: number, operations: Operation[]) {
	const ours = new Output({width, height});
	const ink = new InkOutput({width, height});
	for (const operation of operations) {
		for (const output of [ours, ink]) {
			if (operation.type === 'write') output.write(operation.x, operation.y, operation.text, {transformers: operation.transformers});
			else if (operation.type === 'clip') output.clip(operation.clip);
			else output.unclip();
		}
	}

	return {ours: ours.get(), ink: ink.get()};
}

const bold = '\u001B[1m';
const dim = '\u001B[2m';
const red = '\u001B[31m';
const normal = '\u001B[22m';
const noColour = '\u001B[39m';
const units = [
	'a',
	'b',
	' ',
	'│',
	'…',
	'Ж',
	'中',
	'😀',
	'e\u0301',
	'\u0301',
	'🇫🇷',
	'\t',
	'\n',
	bold,
	dim,
	normal,
	red,
	noColour,
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[0m',
	'\u001B[m',
	'\u001B[1;31m',
	'\u001B[38;5;208m',
	'\u001B[48;2;1;2;3m',
	'\u001B[49m',
	'\u001B[4m',
	'\u001B[24m',
	'\u001B]8;;https://example.org\u0007',
	'\u001B]8;;\u0007',
	'\u001B',
	'\u009B',
];
const transformers: Transformer[] = [(line) => line.toUpperCase(), (line, index) => `${index}${line}`, (line) => `\u001B[32m${line}\u001B[39m`];

const text = fc.array(fc.constantFrom(...units), {maxLength: 16}).map((parts) => parts.join(''));
const maybe = (value: fc.Arbitrary<number>) => fc.option(value, {nil: undefined});
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			type: fc.constant('write' as const),
			x: fc.integer({min: -3, max: 30}),
			y: fc.integer({min: -2, max: 10}),
			text,
			transformers: fc.subarray(transformers),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			type: fc.constant('clip' as const),
			clip: fc.record({
				x1: maybe(fc.integer({min: -1, max: 25})),
				x2: maybe(fc.integer({min: 0, max: 30})),
				y1: maybe(fc.integer({min: -1, max: 8})),
				y2: maybe(fc.integer({min: 0, max: 10})),
			}),
		}),
	},
	{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);

describe('the review screen’s frame buffer', () => {
	it('gives the frame Ink’s own gives, for any writes, clips and styles', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 24}), fc.integer({min: 0, max: 8}), fc.array(operation, {maxLength: 12}), (width, height, operations) => {
				const {ours, ink} = frames(width, height, operations);
				expect(ours).toEqual(ink);
			}),
			{numRuns: 2000},
		);
	});

	it('gives the same frames as Ink’s when a screen is drawn again and again', () => {
		// Lines and styles are kept from frame to frame: a later frame must not see an earlier one's.
		const rows = (shift: number) =>
			Array.from({length: 12}, (_, row): Operation => ({
				type: 'write',
				x: (row + shift) % 3,
				y: row,
				text: `${row % 2 ? bold : ''}${'中a'.repeat(shift)}│ row ${row}${red}…${noColour}`,
				transformers: [],
			}));
		for (const shift of [0, 1, 2, 0, 1]) {
			const {ours, ink} = frames(40, 12, [{type: 'clip', clip: {x1: 1, x2: 30, y1: 0, y2: 11}}, ...rows(shift), {type: 'unclip'}]);
			expect(ours).toEqual(ink);
			expect(ours.output).toContain('row 3');
		}
	});

	it('forgets its styles between frames once there are many, and still draws each frame right', () => {
		// 4,200 colours, 100 a row: more styles than are kept, all in one frame, then a frame after it.
		const colour = (index: number) => `\u001B[38;2;${index % 256};${index >> 8};7mx`;
		const rows = Array.from({length: 42}, (_, row): Operation => ({
			type: 'write',
			x: 0,
			y: row,
			text: Array.from({length: 100}, (_, column) => colour(row * 100 + column)).join(''),
			transformers: [],
		}));
		for (const width of [100, 10]) {
			const {ours, ink} = frames(width, 42, [...rows, {type: 'write', x: 1, y: 1, text: `${bold}a${normal}`, transformers: []}]);
			expect(ours).toEqual(ink);
		}
	});

	it('keeps a wide character’s second column and cuts clipped wide text as Ink does', () => {
		const {ours, ink} = frames(8, 2, [
			{type: 'clip', clip: {x1: 1, x2: 4, y1: undefined, y2: undefined}},
			{type: 'write', x: 0, y: 0, text: `${red}中文字${noColour}`, transformers: []},
			{type: 'unclip'},
			{type: 'write', x: 5, y: 1, text: '😀x', transformers: []},
		]);
		expect(ours).toEqual(ink);
		expect(ours.output.split('\n')[1]).toBe('     😀x');
	});
});
