import { describe, expect, it } from "vitest";
import { READ_BUDGET } from "./candidates.ts";
import { QUALIFIERS_MAX_EFFECT } from "./explanation.ts";
import { ScreeningIndex } from "./screening-index.ts";

/* Enough namesakes that the read budget applies: persons sharing two common parts with the query. */
function namesakes(ix: ScreeningIndex, count: number, birthDate: string) {
  const thirds = ["Omar", "Yusuf", "Bashir", "Said", "Farah", "Aden", "Ismail", "Abdi"];
  for (let id = 0; id < count; id++)
    ix.add(id, { names: [`Ali Hassan ${thirds[id % thirds.length]}`], birthDates: [birthDate] });
}

describe("bounded candidate reading", () => {
  it("still finds the person agreeing on every part among thousands of namesakes", () => {
    const ix = new ScreeningIndex();
    namesakes(ix, READ_BUDGET * 3, "1950");
    ix.add(900_000, { names: ["Ali Hassan Qorane"], birthDates: ["1980-05-05"] });
    // Qorane is a rare part: its short list is read before the long pair lists.
    const [hit] = ix.search({ name: "Ali Hassan Qorane" });
    expect(hit?.id).toBe(900_000);
  });

  it("passes over namesakes whose date of birth conflicts, so the one born then is read", () => {
    const ix = new ScreeningIndex();
    namesakes(ix, READ_BUDGET * 3, "1950-01-01");
    // Added last, so it is at the end of every list it is in.
    ix.add(900_001, { names: ["Ali Hassan Omar"], birthDates: ["1981-07-04"] });
    const [hit] = ix.search({ name: "Ali Hassan Omar", birthDate: "1981-07-04" });
    expect(hit?.id).toBe(900_001);
    expect(hit?.explanation.birthDate.result).toBe("exact");
  });

  it("bounds the qualifiers by what they can add together", () => {
    // Exact date 0.07, nationality 0.02, place of birth 0.02, sex nothing.
    expect(QUALIFIERS_MAX_EFFECT).toBeCloseTo(0.11, 6);
  });
});
