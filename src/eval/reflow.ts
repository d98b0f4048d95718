/**
 * The `reflow` family: the same entries wrapped differently. Each printing wraps long titles at its
 * own measure (one near 60 characters, the other near 40; continuation lines indented), and a case
 * may add what OCR and page layout do to wrapped entries: a blank line inside one, the first half of
 * one lost in one printing, one whose continuation (with the page) is lost so that its first line
 * stands without a page, and year headings (`1915`) before indented titles, as in the marxists.org
 * listing of Lenin's Collected Works vol. 19 (`/work/shared/corpus/lenin-cw19-en-marxists.txt`).
 *
 * Truth: a rewrapped entry is still one item and its pair may differ in `whitespace` only; a lost
 * half is a `words` difference (and a lost page a `page` difference) in a pair that still holds; a
 * year heading is an item of its own in both printings.
 */
import {itemOrder, linesOfItem, type Draft, type DraftLine, type DraftPair} from './draft.js';
import {parseLine, renderLine, type InjectedDifference, type Line} from './noise.js';
import {createRng, hashSeed, type Rng} from './rng.js';

type Side = 'a' | 'b';

/** The entry a run of wrapped lines stands for: the lines joined with single spaces, split into its parts. */
export function logicalLine(texts: readonly string[]): Line {
	const [first = '', ...rest] = texts;
	return parseLine([first.trimEnd(), ...rest.map((text) => text.trim())].join(' '));
}

/**
 * Wrap an entry at `measure` characters between words; continuation lines are indented past the
 * label (at least four spaces); the leader and page stay on the last line.
 *
 * @example
 * wrapLine(parseLine('IV. The Struggle Against Which Enemies\t31'), 20);
 * // ['IV. The Struggle', '      Against Which', '      Enemies\t31']
 */
export function wrapLine(line: Line, measure: number): string[] {
	const head = line.indent + line.label;
	const continuation = line.indent + ' '.repeat(Math.max(4, line.label.length + 2));
	const lines: string[] = [];
	let current = head;
	let start = head;
	for (const word of line.body.split(/ +/u).filter((word) => word !== '')) {
		const joined = current === start ? current + word : `${current} ${word}`;
		if (joined.length > measure && current !== start) {
			lines.push(current);
			start = continuation;
			current = continuation + word;
		} else {
			current = joined;
		}
	}

	lines.push(current + line.gap + line.page);
	return lines;
}

/** Rewrap every item of a side at a measure; the keys of the items whose lines changed. */
function rewrap(lines: readonly DraftLine[], measure: number): {lines: DraftLine[]; changed: Set<string>} {
	const changed = new Set<string>();
	const result: DraftLine[] = [];
	const done = new Set<string>();
	for (const line of lines) {
		if (line.item === undefined) {
			result.push(line);
			continue;
		}

		if (done.has(line.item)) continue;
		done.add(line.item);
		const texts = linesOfItem(lines, line.item).map((k) => lines[k]!.text);
		const logical = logicalLine(texts);
		const wrapped = renderLine(logical).length <= measure ? (texts.length === 1 ? texts : [renderLine(logical)]) : wrapLine(logical, measure);
		if (wrapped.join('\n') !== texts.join('\n')) changed.add(line.item);
		for (const text of wrapped) result.push({text, item: line.item});
	}

	return {lines: result, changed};
}

/** The pairs whose item on `side` has at least `lines` lines and nothing recorded against it yet. */
function cleanWrapped(draft: Draft, side: Side, lines: number, accept: (texts: readonly string[]) => boolean = () => true): DraftPair[] {
	return draft.pairs.filter((pair) => {
		if (pair.differences.length > 0) return false;
		const texts = linesOfItem(draft[side], pair[side]).map((k) => draft[side][k]!.text);
		return texts.length >= lines && accept(texts);
	});
}

function replacePair(draft: Draft, pair: DraftPair, differences: readonly InjectedDifference[]): Draft {
	return {...draft, pairs: draft.pairs.map((p) => (p === pair ? {...p, differences: [...p.differences, ...differences]} : p))};
}

/** A lost-text difference on `side`: the other printing holds the text. */
function lost(kind: InjectedDifference['kind'], side: Side, text: string): InjectedDifference {
	return side === 'b' ? {kind, a: text, b: '', noisy: 'b'} : {kind, a: '', b: text, noisy: 'a'};
}

/** A blank line inside a wrapped entry of one printing (OCR does that). */
export function blankInside(draft: Draft, side: Side, rng: Rng): Draft {
	const candidates = itemOrder(draft[side]).filter((key) => linesOfItem(draft[side], key).length >= 2);
	if (candidates.length === 0) return draft;
	const at = rng.pick(linesOfItem(draft[side], rng.pick(candidates)).slice(1));
	return {...draft, [side]: [...draft[side].slice(0, at), {text: ''}, ...draft[side].slice(at)]};
}

/** The first half of a wrapped, unnumbered entry lost in one printing: a `words` difference. */
export function halfLost(draft: Draft, side: Side, rng: Rng): Draft {
	const candidates = cleanWrapped(draft, side, 2, (texts) => parseLine(texts[0]!).label === '');
	if (candidates.length === 0) return draft;
	const pair = rng.pick(candidates);
	const indexes = linesOfItem(draft[side], pair[side]);
	const dropped = indexes.slice(0, Math.floor(indexes.length / 2));
	const text = dropped.map((k) => draft[side][k]!.text.trim()).join(' ');
	const kept = draft[side].filter((_, k) => !dropped.includes(k));
	return replacePair({...draft, [side]: kept}, pair, [lost('words', side, text)]);
}

/** A wrapped entry whose continuation, with the page, is lost in one printing: its first lines stand without a page. */
export function pageLineLost(draft: Draft, side: Side, rng: Rng): Draft {
	const candidates = cleanWrapped(draft, side, 2, (texts) => parseLine(texts.at(-1)!).page !== '');
	if (candidates.length === 0) return draft;
	const pair = rng.pick(candidates);
	const last = linesOfItem(draft[side], pair[side]).at(-1)!;
	const line = parseLine(draft[side][last]!.text);
	const words = (line.label + line.body).trim();
	const differences = [...(words === '' ? [] : [lost('words', side, words)]), lost('page', side, line.page)];
	return replacePair({...draft, [side]: draft[side].filter((_, k) => k !== last)}, pair, differences);
}

/**
 * Year headings (`1915`) in both printings before two or three paired entries, and every entry
 * after the first heading indented by four spaces (a pair whose entries end up indented
 * differently, an entry moved across the heading, may differ in `whitespace`).
 */
export function yearHeadings(draft: Draft, rng: Rng): Draft {
	const orderA = itemOrder(draft.a);
	const orderB = itemOrder(draft.b);
	const partner = new Map(draft.pairs.map((pair) => [pair.a, pair.b]));
	const start = orderA.findIndex((key) => parseLine(draft.a[linesOfItem(draft.a, key).at(-1)!]!.text).page !== '');
	const usable = orderA
		.map((key, k) => ({key, k}))
		.filter(({key, k}) => k > start && partner.has(key) && !draft.pairs.some((p) => p.a === key && p.differences.some((d) => d.kind === 'moved')));
	if (start < 0 || usable.length < 6) return draft;
	const count = rng.int(2, 3);
	const chosen: string[] = [];
	for (let k = 0; k < count; k++) {
		const band = usable.slice(Math.floor((k * usable.length) / count), Math.floor(((k + 1) * usable.length) / count));
		if (band.length > 0) chosen.push(rng.pick(band).key);
	}

	// B must meet the headings in the same order.
	const positionsB = chosen.map((key) => orderB.indexOf(partner.get(key)!));
	if (positionsB.some((position, k) => k > 0 && position <= positionsB[k - 1]!)) return draft;
	let year = rng.int(1890, 1915);
	const years = chosen.map((key) => ({key, text: String(year++)}));
	const insert = (side: Side): DraftLine[] => {
		const result: DraftLine[] = [];
		let indented = false;
		for (const line of draft[side]) {
			const heading = line.item === undefined ? undefined : years.find(({key}) => (side === 'a' ? key : partner.get(key)) === line.item);
			if (heading && result.at(-1)?.item !== line.item) {
				result.push({text: heading.text, item: `${side}y${heading.text}`});
				indented = true;
			}

			result.push(indented && line.item !== undefined ? {...line, text: `    ${line.text}`} : line);
		}

		return result;
	};

	const a = insert('a');
	const b = insert('b');
	const indent = (lines: readonly DraftLine[], key: string): string => /^\s*/u.exec(lines.find((line) => line.item === key)?.text ?? '')![0];
	const pairs = draft.pairs.map((pair) =>
		indent(a, pair.a) === indent(b, pair.b) || pair.optional.includes('whitespace') ? pair : {...pair, optional: [...pair.optional, 'whitespace' as const]},
	);
	return {...draft, a, b, pairs: [...pairs, ...years.map(({text}) => ({a: `ay${text}`, b: `by${text}`, differences: [], optional: []}))]};
}

/**
 * Transform a noisy pair's draft into a reflow case: both printings rewrapped at measures of their
 * own, then, each with even chance, year headings, a lost first half, a lost page line and a blank
 * line inside an entry.
 *
 * @example
 * fromDraft(reflowCase(toDraft(makeNoisyPair(page, 4)), 4));
 */
export function reflowCase(draft: Draft, seed: number): Draft {
	const rng = createRng(hashSeed(`reflow|${draft.name}|${draft.mode}`, seed));
	const wide = rng.int(56, 72);
	const narrow = rng.int(36, 48);
	const [measureA, measureB] = rng.chance(0.5) ? [wide, narrow] : [narrow, wide];
	const a = rewrap(draft.a, measureA);
	const b = rewrap(draft.b, measureB);
	let result: Draft = {
		...draft,
		a: a.lines,
		b: b.lines,
		pairs: draft.pairs.map((pair) =>
			(a.changed.has(pair.a) || b.changed.has(pair.b)) && !pair.optional.includes('whitespace')
				? {...pair, optional: [...pair.optional, 'whitespace' as const]}
				: pair,
		),
	};
	const side = (): Side => (rng.chance(0.5) ? 'a' : 'b');
	if (rng.chance(0.5)) result = yearHeadings(result, rng);
	if (rng.chance(0.5)) result = halfLost(result, side(), rng);
	if (rng.chance(0.5)) result = pageLineLost(result, side(), rng);
	if (rng.chance(0.5)) result = blankInside(result, side(), rng);
	return result;
}
