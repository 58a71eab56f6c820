import { describe, expect, it } from "vitest";
import { readEdifact } from "./edifact.ts";

describe("readEdifact", () => {
  it("splits segments, elements and components with the default separators", () => {
    const r = readEdifact("UNB+UNOA:4+A:ZZ'\r\nNAD+FL+++DOE:JOHN'\n");
    expect(r.segments).toEqual([
      {
        tag: "UNB",
        elements: [
          ["UNOA", "4"],
          ["A", "ZZ"],
        ],
        index: 1,
      },
      { tag: "NAD", elements: [["FL"], [""], [""], ["DOE", "JOHN"]], index: 2 },
    ]);
    expect(r.unterminated).toBeNull();
  });

  it("honours the release character before every separator and itself", () => {
    const r = readEdifact("NAD+FL+++O?'BRIEN?:X?+Y??:ANN'");
    expect(r.segments[0]?.elements[3]).toEqual(["O'BRIEN:X+Y?", "ANN"]);
  });

  it("reads the separators from UNA", () => {
    const r = readEdifact("UNA*#.! ~UNB#UNOA*4~NAD#FL###N!~A!#B*C~");
    expect(r.separators).toEqual({ component: "*", element: "#", decimal: ".", release: "!", segment: "~" });
    expect(r.segments.map((s) => s.tag)).toEqual(["UNB", "NAD"]);
    expect(r.segments[1]?.elements[3]).toEqual(["N~A#B", "C"]);
  });

  it("treats a space as 'no release character'", () => {
    const r = readEdifact("UNA:+.  'NAD+FL+++A?B'");
    expect(r.separators.release).toBeNull();
    expect(r.segments[0]?.elements[3]).toEqual(["A?B"]);
  });

  it("returns the text after the last terminator when a segment is cut short", () => {
    expect(readEdifact("UNB+X'UNH+1+PAX").unterminated).toBe("UNH+1+PAX");
    expect(readEdifact("UNB+X'NAD+FL+++O?'BR").unterminated).toBe("NAD+FL+++O?'BR");
    expect(readEdifact("UNB+X'\n  \n").unterminated).toBeNull();
  });
});
