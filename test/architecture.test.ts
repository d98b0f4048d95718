/**
 * The shape of the source tree (#14): no import cycle anywhere, type-only imports included;
 * dependencies point down only (cli → tui → report → core); the path a report takes never
 * loads Ink or React; a file over 400 lines says why, and an eslint-disable comment its reason.
 * Imports are read with the TypeScript compiler's own pre-processor.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every TypeScript file under `folder`, relative to src/ with `/`. */
function sourceFiles(folder: string): string[] {
	return readdirSync(path.join(src, folder), {withFileTypes: true}).flatMap((entry) => {
		const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(relative);
		return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
	});
}

type Edge = {readonly to: string; readonly dynamic: boolean};

const files = sourceFiles('');

/** The file an import of `specifier` from `from` names, or the package name for a bare one. */
function resolve(from: string, specifier: string): string {
	if (!specifier.startsWith('.'))
		return specifier.startsWith('node:')
			? specifier
			: specifier
					.split('/')
					.slice(0, specifier.startsWith('@') ? 2 : 1)
					.join('/');
	const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
	const base = joined.replace(/\.js$/, '');
	return [`${base}.ts`, `${base}.tsx`].find((candidate) => files.includes(candidate)) ?? joined;
}

/** Each file's imports: static (import, export … from, import type) and dynamic (`import()`). */
const graph = new Map<string, Edge[]>(
	files.map((file) => {
		const text = readFileSync(path.join(src, file), 'utf8');
		const {importedFiles} = ts.preProcessFile(text, true, true);
		const edges = importedFiles.map(({fileName, pos}): Edge => {
			// `import('…')` and `typeof import('…')`: loaded when called, or never.
			const before = text.slice(Math.max(0, pos - 8), pos);
			return {to: resolve(file, fileName), dynamic: /import\(\s*['"]?$/.test(before)};
		});
		return [file, edges];
	}),
);

/** Every cycle among the source files, each as the files on it from its first, found depth first. */
function cycles(): string[][] {
	const found: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string): void => {
		state.set(file, 'open');
		stack.push(file);
		for (const {to} of graph.get(file) ?? []) {
			if (!graph.has(to)) continue;
			if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
			else if (state.get(to) === undefined) visit(to);
		}

		stack.pop();
		state.set(file, 'done');
	};

	for (const file of files) if (state.get(file) === undefined) visit(file);
	return found;
}

/** The layer of a file: its first folder. */
const layerOf = (file: string): string => file.split('/')[0]!;

describe('the source tree', () => {
	it('finds the imports it checks', () => {
		expect(graph.get('tui/state.ts')?.some((edge) => edge.to === 'core/types.ts')).toBe(true);
		expect(graph.get('cli/main.ts')?.some((edge) => edge.to === 'cli/batch.ts' && edge.dynamic)).toBe(true);
	});

	it('has no import cycle, type-only imports included', () => {
		expect(cycles().map((cycle) => cycle.join(' → '))).toEqual([]);
	});

	it.each([
		['core', ['core']],
		['report', ['core', 'report']],
		['tui', ['core', 'report', 'tui']],
		['cli', ['core', 'report', 'tui', 'cli']],
	])('lets %s import only from %j', (layer, allowed) => {
		const wrong = files
			.filter((file) => layerOf(file) === layer)
			.flatMap((file) =>
				graph
					.get(file)!
					.filter((edge) => graph.has(edge.to) && !allowed.includes(layerOf(edge.to)))
					.map((edge) => `${file} → ${edge.to}`),
			);
		expect(wrong).toEqual([]);
	});

	it('keeps Ink and React off the path of a report: nothing the command loads at start imports them', () => {
		const reached = new Set<string>();
		const walk = (file: string): void => {
			if (reached.has(file)) return;
			reached.add(file);
			for (const edge of graph.get(file) ?? []) if (!edge.dynamic) walk(edge.to);
		};

		walk('cli/bin.ts');
		expect(reached.has('cli/main.ts')).toBe(true);
		expect([...reached].filter((file) => file === 'ink' || file === 'react' || file.startsWith('tui/'))).toEqual([]);
	});

	it('gives every eslint-disable comment its reason after `--` (#14)', () => {
		const bare = files.flatMap((file) =>
			readFileSync(path.join(src, file), 'utf8')
				.split('\n')
				.flatMap((line, index) =>
					/eslint-disable/.test(line) && !/eslint-disable(?:-next-line|-line)?\s+[\w/@-]+(?:,\s*[\w/@-]+)*\s+--\s+\S/.test(line)
						? [`${file}:${index + 1}`]
						: [],
				),
		);
		expect(bare).toEqual([]);
	});

	it('says in the opening comment of each file over 400 lines why it is long (#14)', () => {
		const unexplained = files.flatMap((file) => {
			const text = readFileSync(path.join(src, file), 'utf8');
			const lines = text.trimEnd().split('\n').length;
			const opening = /\/\*\*[\s\S]*?\*\//.exec(text)?.[0] ?? '';
			return lines > 400 && !/\bLong \(about \d[\d,]* lines\)/.test(opening) ? [`${file}: ${lines} lines`] : [];
		});
		// Split it along a seam, or say why not: `Long (about 450 lines): …` in its opening comment.
		expect(unexplained).toEqual([]);
	});
});
