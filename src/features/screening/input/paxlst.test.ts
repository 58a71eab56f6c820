import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifest } from "./manifest.ts";

const TODAY = "2026-03-01";
const fixture = (name: string) => readFileSync(path.join("test/fixtures/screening", name), "utf8");
const travellerOf = (m: ReturnType<typeof parseManifest>, i: number) => {
  const r = m.passengers[i]?.result;
  if (!r?.ok) throw new Error(`passenger ${i + 1} was refused: ${JSON.stringify(r)}`);
  return r.traveller;
};

describe("PAXLST manifests", () => {
  const m = parseManifest(fixture("paxlst.edi"), TODAY);

  it("reads every passenger and crew member, in order, with no file problem", () => {
    expect(m.format).toBe("paxlst");
    expect(m.problems).toEqual([]);
    expect(m.passengers.map((p) => [p.position, p.id, p.result.ok])).toEqual([
      [1, "PAX0001", true],
      [2, "XYZ789", true],
      [3, "PAX0003", false],
      [4, "4", true],
    ]);
  });

  it("reads names, sex, date of birth, nationality and documents", () => {
    expect(travellerOf(m, 0)).toMatchObject({
      name: "ANNA MARIA ERIKSSON",
      surname: "ERIKSSON",
      givenNames: "ANNA MARIA",
      sex: "F",
      dateOfBirth: "1974-08-12",
      nationality: "SE",
      documents: [{ number: "L898902C3", country: "SWE", type: "passport", expiryDate: "2030-04-15" }],
    });
  });

  it("un-escapes released characters, reads CCYYMMDD dates, and keeps every document", () => {
    const t = travellerOf(m, 1);
    expect(t).toMatchObject({ surname: "O'BRIEN", givenNames: "PATRICK JOHN", dateOfBirth: "1962-11-03" });
    expect(t.documents).toEqual([
      { number: "PA1234567", country: "IRL", type: "passport", expiryDate: "2028-12-31" },
      { number: "V0099887", country: "USA", type: "visa", expiryDate: "2027-01-01" },
    ]);
  });

  it("reports a broken passenger with each of its faults and goes on", () => {
    const r = m.passengers[2]?.result;
    expect(r?.ok).toBe(false);
    if (r?.ok !== false) return;
    expect(r.problems.map((p) => p.message)).toEqual([
      "DTM+329 (segment 36): the date of birth 900230 is not a real date",
      'nationality "QQQ" is not a country code (ISO alpha-2, alpha-3 or ICAO)',
    ]);
    expect(travellerOf(m, 3)).toMatchObject({ surname: "DUBOIS", documents: [{ type: "travel_document" }] });
  });

  it("reads custom UNA separators and released separators in names", () => {
    const custom = parseManifest(fixture("paxlst-custom-una.edi"), TODAY);
    expect(custom.problems).toEqual([]);
    expect(custom.passengers.map((p) => p.id)).toEqual(["PAX0001", "PAX0009"]);
    expect(travellerOf(custom, 1)).toMatchObject({
      surname: "O'NEIL#SMITH",
      givenNames: "MARY*ANN",
      nationality: "VN",
    });
  });

  it("keeps the complete passengers of a message cut short and says where it was cut", () => {
    const cut = parseManifest(fixture("paxlst-cut-short.edi"), TODAY);
    expect(cut.problems).toEqual([
      {
        code: "truncated",
        message:
          "the PAXLST was cut short after segment 36 (DTM): no UNT and UNZ; 2 complete passenger(s) read",
      },
    ]);
    expect(cut.passengers.map((p) => [p.id, p.result.ok])).toEqual([
      ["PAX0001", true],
      ["XYZ789", true],
      ["3", false],
    ]);
    const last = cut.passengers[2]?.result;
    expect(last?.ok === false && last.problems.at(-1)?.message).toBe(
      "the message was cut short in this passenger's data (NAD at segment 34)",
    );
  });

  it("notices a message cut inside a segment, and one missing only its UNZ", () => {
    const text = fixture("paxlst.edi");
    const inSegment = parseManifest(`${text.slice(0, text.indexOf("UNE+"))}UNE+1`, TODAY);
    expect(inSegment.problems.map((p) => p.code)).toEqual(["truncated"]);
    expect(inSegment.problems[0]?.message).toMatch(/no UNZ/);
    expect(inSegment.passengers).toHaveLength(4);
  });

  it("reports a wrong segment count and a wrong UNZ count", () => {
    const text = fixture("paxlst.edi").replace("UNT+46+", "UNT+45+").replace("UNZ+1+", "UNZ+2+");
    const r = parseManifest(text, TODAY);
    expect(r.problems).toEqual([
      {
        code: "segment_count",
        message: "message MSG001 says it has 45 segments but has 46: segments are missing or extra",
      },
      { code: "envelope", message: "UNZ counts 2, the interchange has 1 functional group(s)" },
    ]);
    expect(r.passengers).toHaveLength(4);
  });

  it("notices a lost segment through the count", () => {
    const text = fixture("paxlst.edi").replace("ATT+2++F'\nDTM+329:740812'\n", "DTM+329:740812'\n");
    expect(parseManifest(text, TODAY).problems.map((p) => p.code)).toEqual(["segment_count"]);
  });

  it("refuses an EDIFACT message that is not a PAXLST", () => {
    const r = parseManifest(
      "UNB+UNOA:4+A+B+260301:1200+1'UNH+1+CUSRES:D:05B:UN'BGM+962'UNT+3+1'UNZ+1+1'",
      TODAY,
    );
    expect(r.problems).toEqual([{ code: "not_paxlst", message: "message 1 is a CUSRES, not a PAXLST" }]);
    expect(r.passengers).toEqual([]);
  });
});
