/**
 * The truth of a printing's OCR text, from what was drawn.
 *
 * Lines: every non-blank line of Tesseract's text is one `ocr_line` of its hOCR (checked), whose
 * box is mapped back through the scan (resize, rotation) onto the drawn page; the drawn line whose
 * band holds the box's centre is the line it reads. This is exact where text similarity is not
 * (`Initiation of candidate` is drawn three times), and it handles what Tesseract does to lines:
 * a drawn line read as two OCR lines gives both the same truth, a dropped line maps nothing, a
 * line of specks maps to null. The mapping is then checked against the text: an OCR line that
 * another drawn line nearby reads much better is counted as a disagreement in the report.
 *
 * Fields: for each entry, the OCR text of its lines is aligned character by character with the
 * clean drawn text (label, title, page; leaders left out), where a wildcard between title and
 * page, at each line's end and at the start takes any run of characters cheaply: the leader
 * garbage and the specks. Each OCR character then takes the field of the drawn character it is
 * aligned with; what the wildcards took belongs to no field.
 */
import {distance} from 'fastest-levenshtein';

const entities = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'"};

function decode(text) {
	return text.replaceAll(/&(amp|lt|gt|quot|apos|#39|#x([\da-f]+)|#(\d+));/giu, (whole, name, hex, dec) => {
		if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
		if (dec) return String.fromCodePoint(Number(dec));
		return entities[name] ?? whole;
	});
}

/** The text lines of an hOCR page: `[{bbox: [x0, y0, x1, y1], text}]` in reading order. */
export function hocrLines(hocr) {
	const lines = [];
	const linePattern =
		/<span class='ocr_(?:line|header|caption|textfloat)' id='[^']*' title="bbox (\d+) (\d+) (\d+) (\d+)[^"]*">([\s\S]*?)<\/span>\s*(?=<span class='ocr_(?:line|header|caption|textfloat)'|<\/p>)/gu;
	for (const match of hocr.matchAll(linePattern)) {
		const words = [...match[5].matchAll(/<span class='ocrx_word'[^>]*title='bbox (\d+) (\d+) (\d+) (\d+)[^']*'[^>]*>([\s\S]*?)<\/span>/gu)].map((word) => ({
			bbox: word.slice(1, 5).map(Number),
			text: decode(word[5].replaceAll(/<[^>]+>/gu, '')),
		}));
		lines.push({bbox: match.slice(1, 5).map(Number), words, text: words.map((word) => word.text).join(' ')});
	}

	return lines;
}

/** Tesseract's text of one image, without its form feed and trailing blank lines. */
export function pageText(text) {
	return text.replaceAll('\f', '').replace(/\s+$/u, '');
}

/** Map an image point of the scan back to CSS pixels of the drawn page. */
export function toDrawn([x, y], scan, cleanSize) {
	const r = scan.dpi / scan.renderDpi;
	const s = scan.renderDpi / 96;
	const [cx, cy] = [cleanSize[0] / 2, cleanSize[1] / 2];
	const [px, py] = [x / r - cx, y / r - cy];
	// ImageMagick's SRT turns clockwise by the angle (y down); undo it.
	const a = (-scan.rotation * Math.PI) / 180;
	const [qx, qy] = [px * Math.cos(a) - py * Math.sin(a), px * Math.sin(a) + py * Math.cos(a)];
	return [(qx + cx) / s, (qy + cy) / s];
}

/** The reading of a line's drawn text, fields marked: `[{field, text}]`, leaders left out. */
export function drawnSegments(line) {
	const segments = [];
	for (const part of line.parts) {
		if (part.field === 'leader' || part.text === '') continue;
		if (segments.length > 0) segments.push({field: 'sep', text: ' '});
		segments.push({field: part.field === 'furniture' || part.field === 'front' ? 'text' : part.field, text: part.text});
	}

	return segments;
}

/** Plain drawn text of a line, as a reader would type it. */
export function drawnText(line) {
	return drawnSegments(line)
		.map((segment) => segment.text)
		.join('')
		.replaceAll(/\s+/gu, ' ')
		.trim();
}

/** Similarity of an OCR line to a drawn text in [0, 1]: the share of the drawn text's characters found, leaders aside. */
export function similarity(ocrText, drawn) {
	const a = ocrText.replaceAll(/\s+/gu, '');
	const b = drawn.replaceAll(/\s+/gu, '');
	if (b.length === 0) return a.length === 0 ? 1 : 0;
	return Math.max(0, 1 - (distance(a, b) - Math.max(0, a.length - b.length)) / b.length);
}

/** A character's rough width relative to a lower-case letter's. */
function charWeight(ch) {
	if (/[.,:;'’‘`|!il]/u.test(ch)) return 0.35;
	if (/[ftrjI()[\]-]/u.test(ch)) return 0.6;
	if (/[mwMW]/u.test(ch)) return 1.4;
	if (/\p{Lu}|\p{N}/u.test(ch)) return 1.15;
	return 1;
}

/**
 * Where each character of an OCR line sits on the drawn line it reads: 'label', 'title', 'page',
 * 'gap' (between title and page, where the leaders are) or 'outside'. A character's place is
 * estimated from its word's box (the word's width shared evenly among its characters).
 */
function charZones(words, drawn, page, em) {
	const zones = [];
	const boxes = drawn.boxes ?? {};
	const zoneAt = (x) => {
		const within = (box, before, after) => box !== undefined && x >= box[0] - before && x <= box[1] + after;
		if (within(boxes.page, 0.12 * em, 0.12 * em)) return 'page';
		if (within(boxes.label, 0.3 * em, 0.15 * em)) return 'label';
		if (within(boxes.title, 0.3 * em, 0.3 * em)) return 'title';
		if (boxes.page !== undefined && x < boxes.page[0] && x > (boxes.title?.[1] ?? boxes.label?.[1] ?? Number.NEGATIVE_INFINITY)) return 'gap';
		return 'outside';
	};

	words.forEach((word, k) => {
		const [x0, y0, x1, y1] = word.bbox;
		const chars = [...word.text];
		const y = (y0 + y1) / 2;
		if (k > 0) {
			const previous = words[k - 1].bbox;
			zones.push(zoneAt(toDrawn([(previous[2] + x0) / 2, y], page.scan, page.cleanSize)[0]));
		}

		// Share the word's width by rough character widths: `c’estl.........9` is mostly narrow dots.
		const weights = chars.map((ch) => charWeight(ch));
		const total = weights.reduce((sum, w) => sum + w, 0);
		let before = 0;
		chars.forEach((_ch, i) => {
			const x = x0 + ((before + weights[i] / 2) * (x1 - x0)) / total;
			before += weights[i];
			zones.push(zoneAt(toDrawn([x, y], page.scan, page.cleanSize)[0]));
		});
	});
	return zones;
}

/**
 * The truth of each line of one printing's text. `pages[k]` = `{text, hocr, scan, cleanSize,
 * drawn: [line]}`; returns `{texts, truths: LineTruth[], drawnOf, zones, issues}`, one item per
 * line of the printing's text (the pages' texts with a blank line between pages).
 */
export function mapLines(pages, lineHeight, em) {
	const texts = [];
	const truths = [];
	const drawnOf = [];
	const zones = [];
	const issues = [];
	const nothing = () => {
		truths.push(null);
		drawnOf.push(undefined);
		zones.push(undefined);
	};

	pages.forEach((page, pageIndex) => {
		if (pageIndex > 0) {
			// One blank line where Tesseract's form feed was.
			texts.push('');
			nothing();
		}

		const lines = page.text === '' ? [] : page.text.split('\n');
		const boxes = hocrLines(page.hocr);
		let box = 0;
		for (const line of lines) {
			texts.push(line);
			if (line.trim() === '') {
				nothing();
				continue;
			}

			const found = boxes[box++];
			if (found === undefined || found.text !== line) {
				throw new Error(`page ${pageIndex + 1}: text line ${JSON.stringify(line)} is not the hOCR line ${JSON.stringify(found?.text)}`);
			}

			const [x0, y0, x1, y1] = found.bbox;
			const [, cy] = toDrawn([(x0 + x1) / 2, (y0 + y1) / 2], page.scan, page.cleanSize);
			let best;
			let bestDistance = Number.POSITIVE_INFINITY;
			for (const drawn of page.drawn) {
				const height = lineHeight * (drawn.scale ?? 1);
				const d = cy < drawn.top ? drawn.top - cy : cy > drawn.top + height ? cy - drawn.top - height : 0;
				if (d < bestDistance) {
					bestDistance = d;
					best = drawn;
				}
			}

			const hasText = /[\p{L}\p{N}]/u.test(line);
			if (best === undefined || bestDistance > 0.6 * lineHeight || !hasText) {
				nothing();
				if (hasText) issues.push({kind: 'unplaced', line: texts.length, text: line});
				continue;
			}

			truths.push(best.truth);
			drawnOf.push(best);
			zones.push(charZones(found.words, best, page, em));
			// Check: does a neighbouring drawn line read much better?
			const own = similarity(line, drawnText(best));
			const index = page.drawn.indexOf(best);
			for (const other of [page.drawn[index - 1], page.drawn[index + 1]]) {
				if (other && similarity(line, drawnText(other)) > own + 0.3) {
					issues.push({kind: 'disagrees', line: texts.length, text: line, drawn: drawnText(best), better: drawnText(other)});
				}
			}
		}

		if (box !== boxes.length) throw new Error(`page ${pageIndex + 1}: ${boxes.length - box} hOCR lines are not in the text`);
	});
	return {texts, truths, drawnOf, zones, issues};
}

/** The reference of an entry's drawn lines: tokens `{ch, field}` with wildcard tokens `{wild: true}`. */
function reference(drawnLines) {
	const tokens = [{wild: true}];
	drawnLines.forEach((line, k) => {
		if (k > 0) tokens.push({ch: '\n', field: 'sep'});
		const segments = drawnSegments(line);
		segments.forEach((segment, at) => {
			// Between title and page only the wildcard: leaders, spaces, garbage.
			if (segment.field === 'sep' && segments[at + 1]?.field === 'page') return;
			if (segment.field === 'page') tokens.push({wild: true});
			for (const ch of segment.text) tokens.push({ch, field: segment.field});
		});

		tokens.push({wild: true});
	});
	return tokens;
}

const similar = [
	['’', "'"],
	['‘', "'"],
	['“', '"'],
	['”', '"'],
	['—', '-'],
	['–', '-'],
	['«', '"'],
	['»', '"'],
];

function substitutionCost(a, b) {
	if (a === b) return 0;
	if (/\s/u.test(a) && /\s/u.test(b)) return 0;
	if (a.toLowerCase() === b.toLowerCase()) return 0.5;
	if (similar.some(([x, y]) => (a === x && b === y) || (a === y && b === x))) return 0.5;
	return 1;
}

/** What taking an OCR character as leader garbage or noise costs, by where it sits. */
const wildCost = {gap: 0.2, outside: 0.3, title: 0.8, label: 0.8, page: 1.3};

/** Dots, specks and strokes are cheap to take as leaders or noise wherever they sit (`... 149`, `21 °`). */
const isMark = (ch) => /^[\p{P}\p{S}]$/u.test(ch);
const wildCostOf = (ch, zone) => (isMark(ch) ? Math.min(0.2, wildCost[zone]) : wildCost[zone]);

/** What aligning a character that sits in `zone` with a drawn character of `field` adds. */
function zoneCost(zone, field) {
	if (zone === undefined || field === 'sep' || zone === field) return 0;
	if (zone === 'gap' || zone === 'outside') return field === 'title' ? 0.3 : 0.6;
	return 0.6;
}

/**
 * What one printing's OCR reads for one entry: `{label, title, page}`, from the OCR lines mapped
 * to it (`[{text, zones}]`, in the order of the drawn lines they read) and the lines drawn for it.
 */
export function readFields(ocrLines, drawnLines) {
	const ref = reference(drawnLines);
	const chars = [];
	const zoneOf = [];
	ocrLines.forEach((line, k) => {
		if (k > 0) {
			chars.push('\n');
			zoneOf.push('outside');
		}

		const lineChars = [...line.text];
		lineChars.forEach((ch, i) => {
			chars.push(ch);
			zoneOf.push(line.zones?.[i] ?? 'outside');
		});
	});
	const n = ref.length;
	const m = chars.length;
	// cost[i][j]: best cost of aligning ref[0..i) with chars[0..j); move[i][j] how it was reached.
	const cost = Array.from({length: n + 1}, () => new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY));
	const move = Array.from({length: n + 1}, () => new Uint8Array(m + 1));
	cost[0][0] = 0;
	for (let i = 0; i <= n; i++) {
		for (let j = 0; j <= m; j++) {
			if (i === 0 && j === 0) continue;
			let best = Number.POSITIVE_INFINITY;
			let how = 0;
			const token = ref[i - 1];
			if (i > 0 && token.wild) {
				// 1: the wildcard takes nothing more; 2: it takes chars[j-1] too.
				if (cost[i - 1][j] < best) {
					best = cost[i - 1][j];
					how = 1;
				}

				const take = j > 0 ? wildCostOf(chars[j - 1], zoneOf[j - 1]) : 0;
				if (j > 0 && cost[i][j - 1] + take < best) {
					best = cost[i][j - 1] + take;
					how = 2;
				}
			} else {
				if (i > 0 && j > 0) {
					const c = cost[i - 1][j - 1] + substitutionCost(token.ch, chars[j - 1]) + zoneCost(zoneOf[j - 1], token.field);
					if (c < best) {
						best = c;
						how = 3;
					}
				}

				if (i > 0 && cost[i - 1][j] + 1 < best) {
					best = cost[i - 1][j] + 1;
					how = 4;
				}

				if (j > 0 && cost[i][j - 1] + 1 < best) {
					best = cost[i][j - 1] + 1;
					how = 5;
				}
			}

			cost[i][j] = best;
			move[i][j] = how;
		}
	}

	// Walk back: each OCR character gets a field, or none ('wild').
	const fieldOf = new Array(m).fill('wild');
	const insertedAt = new Array(m).fill(-1);
	let i = n;
	let j = m;
	while (i > 0 || j > 0) {
		switch (move[i][j]) {
			case 1: {
				i--;
				break;
			}

			case 2: {
				j--;
				break;
			}

			case 3: {
				fieldOf[j - 1] = ref[i - 1].field;
				i--;
				j--;
				break;
			}

			case 4: {
				i--;
				break;
			}

			case 5: {
				fieldOf[j - 1] = 'inserted';
				insertedAt[j - 1] = i;
				j--;
				break;
			}

			default: {
				throw new Error('alignment walked off its table');
			}
		}
	}

	// An inserted character belongs to the field around it: the previous drawn character's, else the next one's.
	const fieldAt = (index) => (index >= 0 && index < n && ref[index].field !== undefined ? ref[index].field : undefined);
	for (let k = 0; k < m; k++) {
		if (fieldOf[k] !== 'inserted') continue;
		const before = fieldAt(insertedAt[k] - 1);
		const after = fieldAt(insertedAt[k]);
		fieldOf[k] = before === after ? before : before === 'sep' || before === undefined ? after : before;
		if (fieldOf[k] === undefined) fieldOf[k] = 'wild';
	}

	const out = {label: '', title: '', page: ''};
	const last = {label: -2, title: -2, page: -2};
	chars.forEach((ch, k) => {
		const field = fieldOf[k];
		if (field in out) {
			// Characters of one field that the OCR split (a line break, leader garbage between) are joined by a space.
			if (last[field] >= 0 && last[field] < k - 1 && !out[field].endsWith(' ')) out[field] += ' ';
			out[field] += /\s/u.test(ch) ? ' ' : ch;
			last[field] = k;
		}
	});
	for (const field of Object.keys(out)) out[field] = out[field].replaceAll(/\s+/gu, ' ').trim();
	return out;
}

/** Character error rate of titles and pages: `{errors, length}` over entries, against what was drawn. */
export function titlePageErrors(entries, readings) {
	let errors = 0;
	let length = 0;
	entries.forEach((item, index) => {
		const reading = readings[index];
		const drawn = [item.title, item.page ?? ''];
		const read = reading === null ? ['', ''] : [reading.title, reading.page];
		for (let k = 0; k < 2; k++) {
			errors += distance(drawn[k], read[k]);
			length += drawn[k].length;
		}
	});
	return {errors, length};
}
