/*
 * Travel document numbers as screening compares them. A reader of a machine-readable zone, or a
 * tired eye, confuses a few characters; folding each confusable group to one character makes
 * "O123IS" and "0123I5" the same key, so the lookup is OCR-tolerant by construction and the
 * exact-or-tolerant distinction is made afterwards, on the candidates, from the stored number.
 * The same folding as the database's travel_documents_ocr_idx expression (migration 007).
 */

/** Upper-case letters and digits only: how numbers are stored (travel_documents.number_norm). */
export const normaliseDocumentNumber = (value: string): string =>
  value.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** The confusable letters and the digit each folds to: translate(number_norm, OCR_FROM, OCR_TO) in SQL. */
export const OCR_FROM = "OILSBZG";
export const OCR_TO = "0115826";

/** The OCR-folded form of a normalised number (O->0, I/L->1, S->5, B->8, Z->2, G->6). */
export const ocrFold = (normalised: string): string =>
  normalised.replace(/[OILSBZG]/g, (c) => OCR_TO[OCR_FROM.indexOf(c)] ?? c);

/**
 * A 64-bit digest of a folded number as two 32-bit halves (FNV-1a with two different offsets and a
 * final avalanche each). At 100 million documents the chance that an absent number collides with a
 * present one is about 5e-12 per lookup, and every candidate is confirmed against the stored row.
 */
export function digest(folded: string): [hi: number, lo: number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return [avalanche(a ^ folded.length), avalanche(b) || 1];
}

function avalanche(h: number): number {
  let x = h;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
