import type {Comparison, Row} from '../../src/core/types.js';

const glyph = {same: '=', changed: '~', 'only-a': '-', 'only-b': '+', moved: '>'} as const;

/** A compact text form of an alignment: `= Preface | ~ Chapter One→Chapter 1 | + Index`. */
export function oracle(comparison: Comparison): string {
	return comparison.rows
		.map((row: Row) => {
			const name = (item: Row['a']): string => (item ? [item.label, item.title].filter(Boolean).join(' ') : '');
			const a = name(row.a);
			const b = name(row.b);
			switch (row.status) {
				case 'same': {
					return `= ${a}`;
				}

				case 'changed':
				case 'moved': {
					return `${glyph[row.status]} ${a}→${b}`;
				}

				case 'only-a': {
					return `- ${a}`;
				}

				case 'only-b': {
					return `+ ${b}`;
				}

				case 'only-other': {
					return `+${(row.others ?? []).map((item) => name(item)).join('/')}`;
				}
			}
		})
		.join(' | ');
}
