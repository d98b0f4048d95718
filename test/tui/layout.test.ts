import {describe, expect, it} from 'vitest';
import {wrappedLines} from '../../src/tui/layout.js';

describe('wrappedLines', () => {
	it('counts terminal columns, so that an unfolded Chinese title gets the lines it needs', () => {
		expect(wrappedLines('Preface', 20)).toBe(1);
		expect(wrappedLines('a'.repeat(41), 20)).toBe(3);
		expect(wrappedLines('第一章'.repeat(10), 20)).toBe(3);
		expect(wrappedLines('e\u0301'.repeat(20), 20)).toBe(1);
		expect(wrappedLines('anything', 0)).toBe(1);
	});
});
