import bidiModule from "bidi-js";

/*
 * Mixed-direction text for the PDF file. pdfkit shapes each string with fontkit, which joins Arabic
 * letters and lays out a run of right-to-left script backwards, but knows nothing of the Unicode
 * bidirectional algorithm: a line that mixes Arabic and Latin, or Arabic and digits, would come out
 * in the wrong order. So each line is split here into directional runs in visual order (bidi-js,
 * UAX #9), and each run is handed to pdfkit on its own.
 */

// The package's types describe an ES module; Node loads its CommonJS build, whose export is the factory.
const bidiFactory = ((bidiModule as { default?: unknown }).default ??
  bidiModule) as typeof bidiModule.default;
const bidi = bidiFactory();
// Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms):
// fontkit reverses a run that holds one of these itself.
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

export type Run = { text: string; rtl: boolean };
export type Paragraph = { text: string; rtl: boolean; levels: ReturnType<typeof bidi.getEmbeddingLevels> };

/** A paragraph (no line breaks) with its resolved direction. */
export function paragraph(text: string): Paragraph {
  const levels = bidi.getEmbeddingLevels(text, "auto");
  return { text, rtl: ((levels.paragraphs[0]?.level ?? 0) & 1) === 1, levels };
}

/** The runs of the line [start, end) of a paragraph, left to right as they are drawn. */
export function visualRuns(p: Paragraph, start: number, end: number): Run[] {
  if (end <= start) return [];
  const order = Array.from({ length: end - start }, (_, i) => start + i);
  for (const [from = start, to = start] of bidi.getReorderSegments(p.text, p.levels, start, end - 1)) {
    const a = from - start;
    const b = to - start;
    order.splice(a, b - a + 1, ...order.slice(a, b + 1).reverse());
  }
  const mirrored = bidi.getMirroredCharactersMap(p.text, p.levels.levels, start, end - 1);
  const char = (i: number) => mirrored.get(i) ?? p.text[i] ?? "";
  const level = (i: number) => p.levels.levels[i] ?? 0;
  const groups: number[][] = [];
  for (const i of order) {
    const g = groups.at(-1);
    const last = g?.at(-1);
    const step = level(i) & 1 ? -1 : 1;
    if (g && last !== undefined && level(last) === level(i) && i === last + step) g.push(i);
    else groups.push([i]);
  }
  return groups.map((g) => {
    const rtl = (level(g[0] as number) & 1) === 1;
    const visual = g.map(char).join("");
    if (!rtl) return { text: visual, rtl };
    // fontkit lays out a run of right-to-left letters backwards itself: give it the logical order.
    const logical = [...g].reverse().map(char).join("");
    return RTL_LETTER.test(logical) ? { text: logical, rtl } : { text: visual, rtl };
  });
}

/**
 * Greedy line breaking at spaces (a word longer than the line is cut), in logical order: returns
 * the [start, end) of each line, without the spaces at the break.
 */
export function breakLines(text: string, width: number, measure: (s: string) => number): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    while (text[start] === " ") start++;
    if (start >= text.length) break;
    let end = start;
    let lastFit = -1;
    for (let i = start; i <= text.length; i++) {
      if (i < text.length && text[i] !== " ") continue;
      if (measure(text.slice(start, i)) <= width) lastFit = i;
      else break;
    }
    if (lastFit > start) end = lastFit;
    else {
      // One word wider than the line: as many characters as fit (at least one).
      end = start + 1;
      while (end < text.length && measure(text.slice(start, end + 1)) <= width) end++;
    }
    lines.push([start, end]);
    start = end;
  }
  return lines;
}
