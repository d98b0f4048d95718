/**
 * Load pdf.js (`pdfjs-dist`) when an input is a PDF. A seam for the bundle: `dist/cli.cjs` runs as
 * a script compiled with a code cache, which cannot `import()` on Node 20, so there this module is
 * replaced by a `require` of the ES module (Node 20.19 loads ES modules so; scripts/bundle.mjs).
 */
export async function loadPdf(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
	return import('pdfjs-dist/legacy/build/pdf.mjs');
}
