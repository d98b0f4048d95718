import {describe, expect, it} from 'vitest';
import {lastWord, pairedMark, trailing} from '../../src/core/chars.js';

describe('trailing', () => {
	it('is the run at the end that the one-character pattern matches, as /[…]+$/ finds it', () => {
		for (const text of ['camps..', 'camps', '', '...', 'a.b;;', '. . x', ';x;']) {
			expect(trailing(text, /[.,;:]/)).toBe(/[.,;:]+$/.exec(text)?.[0] ?? '');
		}
	});
});

describe('lastWord', () => {
	it('is the word after the last space, trailing spaces aside, as /(\\S+)\\s*$/ finds it', () => {
		for (const text of ['JULY 19', 'No.  18 \t', 'one', '', '   ', 'a b\u00a0c ', 'x\n']) {
			expect(lastWord(text)).toBe(/(\S+)\s*$/.exec(text)?.[1] ?? '');
		}
	});
});

describe('pairedMark', () => {
	it.each([
		['»', 'Le « Temps ', '', true],
		['»', 'comment? . ', '', false],
		[')', 'Le Petit Poucet (suite', '', true],
		[')', 'Foo (a) bar', '', false],
		['"', 'The "Left', '', true],
		['"', 'The "Left" Wing ', '', false],
		['«', 'Le ', ' Temps »', true],
		['«', '558-568 ', '', false],
		['.', 'Title ', '', false],
	])('reads %j after %j (before %j) as paired: %s', (mark, before, after, paired) => {
		expect(pairedMark(mark, before, after)).toBe(paired);
	});
});
