/*
 * A UN/EDIFACT segment reader (ISO 9735 syntax): the UNA service string advice, the release
 * character, and segments split into data elements and components. Hand-written on purpose: the npm
 * `edifact` package is an untyped CommonJS event stream that stops at the first syntax error, while a
 * manifest must keep every passenger before a broken or cut-short segment and say where it broke.
 * Interpreting the segments (PAXLST) is paxlst.ts's job.
 */

export interface Separators {
  component: string;
  element: string;
  decimal: string;
  /** null where the UNA gives a space: no release character. */
  release: string | null;
  segment: string;
}

export interface Segment {
  tag: string;
  /** Data elements after the tag, each a list of components (a simple element has one). */
  elements: string[][];
  /** Position of the segment in the interchange, from 1 (UNA not counted). */
  index: number;
}

export interface EdifactReading {
  separators: Separators;
  segments: Segment[];
  /** Text after the last segment terminator: the interchange was cut short inside a segment. */
  unterminated: string | null;
}

export const DEFAULT_SEPARATORS: Separators = {
  component: ":",
  element: "+",
  decimal: ".",
  release: "?",
  segment: "'",
};

/** The separators from a UNA (9 characters: "UNA" and six service characters), else the defaults. */
function readServiceAdvice(text: string): { separators: Separators; start: number } {
  if (!text.startsWith("UNA") || text.length < 9) return { separators: DEFAULT_SEPARATORS, start: 0 };
  const [component, element, decimal, release, , segment] = text.slice(3, 9) as unknown as string[];
  return {
    separators: {
      component: component as string,
      element: element as string,
      decimal: decimal as string,
      release: release === " " ? null : (release as string),
      segment: segment as string,
    },
    start: 9,
  };
}

export function readEdifact(text: string): EdifactReading {
  const { separators, start } = readServiceAdvice(text);
  const { component, element, release, segment } = separators;
  const segments: Segment[] = [];
  let elements: string[][] = [];
  let components: string[] = [];
  let value = "";
  let begun = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    // Line breaks between segments are common in files; inside a segment they are data.
    if (!begun && (c === "\r" || c === "\n")) continue;
    begun = true;
    if (c === release && i + 1 < text.length) {
      value += text[++i];
    } else if (c === component) {
      components.push(value);
      value = "";
    } else if (c === element) {
      components.push(value);
      elements.push(components);
      components = [];
      value = "";
    } else if (c === segment) {
      components.push(value);
      elements.push(components);
      const [tag = [""], ...rest] = elements;
      segments.push({ tag: (tag[0] ?? "").trim(), elements: rest, index: segments.length + 1 });
      elements = [];
      components = [];
      value = "";
      begun = false;
    } else {
      value += c;
    }
  }
  const rest = begun ? text.slice(lastTerminator(text, separators, start) + 1).trim() : "";
  return { separators, segments, unterminated: rest === "" ? null : rest };
}

function lastTerminator(text: string, { release, segment }: Separators, start: number): number {
  for (let i = text.length - 1; i >= start; i--) {
    if (text[i] !== segment) continue;
    // A terminator preceded by an odd number of release characters is data.
    let n = 0;
    while (release !== null && text[i - 1 - n] === release) n++;
    if (n % 2 === 0) return i;
  }
  return start - 1;
}
