/**
 * What OCR misreads as what, in one table that the classifier and the alignment key both read: a
 * word that differs from another only by these pairs is a recognition error (`classify.ts`), and the
 * groups of letters marked `key` are folded to one reading in the key that alignment compares
 * (`normalize.ts`), so that `Refonnation` still pairs with `Reformation`. The alignment key's
 * single-character folds (look-alike letters and digits written as one canonical character) are
 * in `normalize.ts`: they go one way only, in an order where no fold feeds another.
 */

/** One misreading: `a` is read as `b` (or the reverse); `key` when the alignment key folds `a` to `b`. */
export type Misreading = {readonly a: string; readonly b: string; readonly key?: true};

/** The pairs OCR confuses, letter groups first; the classifier folds them in this order. */
export const misreadings: readonly Misreading[] = [
	{a: 'rn', b: 'm', key: true},
	// `form` read `fonn`, as in scans of old print (`Infonnation`, `Refonnation`).
	{a: 'rm', b: 'nn', key: true},
	{a: 'cl', b: 'd', key: true},
	{a: 'vv', b: 'w', key: true},
	{a: 'ii', b: 'n', key: true},
	{a: 'ii', b: 'u'},
	{a: 'li', b: 'h', key: true},
	{a: 'ln', b: 'h'},
	{a: 'in', b: 'm'},
	{a: 'ri', b: 'n'},
	{a: 'l', b: '1'},
	{a: 'l', b: 'I'},
	{a: 'I', b: '1'},
	{a: 'l', b: 'i'},
	{a: 'i', b: '1'},
	{a: 'l', b: '|'},
	{a: 'l', b: '!'},
	{a: 'O', b: '0'},
	{a: 'o', b: '0'},
	{a: 'S', b: '5'},
	{a: 'B', b: '8'},
	{a: 'Z', b: '2'},
	{a: 'e', b: 'c'},
	{a: 'e', b: 'o'},
	{a: 'c', b: 'o'},
	{a: 'h', b: 'b'},
	{a: 'u', b: 'n'},
	{a: 'u', b: 'v'},
	{a: 'a', b: 'o'},
	{a: 'f', b: 't'},
	{a: 't', b: 'l'},
	{a: 'i', b: 'j'},
	{a: 'E', b: 'F'},
	{a: 'C', b: 'G'},
	{a: 'O', b: 'Q'},
	{a: 'O', b: 'D'},
	{a: 'и', b: 'н'},
	{a: 'ш', b: 'щ'},
	{a: 'ц', b: 'щ'},
	{a: 'е', b: 'с'},
	{a: 'п', b: 'н'},
	{a: 'ь', b: 'ъ'},
	{a: 'З', b: '3'},
	{a: 'б', b: '6'},
	{a: 'О', b: '0'},
];
