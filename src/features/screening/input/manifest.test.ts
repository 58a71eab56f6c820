import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, MAX_MANIFEST_BYTES, MAX_MANIFEST_ROWS, parseManifest } from "./manifest.ts";

const TODAY = "2026-03-01";
const fixture = (name: string) => readFileSync(path.join("test/fixtures/screening", name));
const HEADER = "id,name,date_of_birth,nationality,sex,document_number,document_country";
const summary = (m: ReturnType<typeof parseManifest>) =>
  m.passengers.map((p) => [
    p.position,
    p.id,
    p.result.ok ? "ok" : p.result.problems.map((x) => x.message).join(" | "),
  ]);

describe("CSV manifests", () => {
  it("reads the sample", () => {
    const m = parseManifest(fixture("manifest.csv"), TODAY);
    expect(m.format).toBe("csv");
    expect(m.problems).toEqual([]);
    expect(m.passengers.map((p) => p.id)).toEqual(["P001", "P002", "P003", "P004", "P005"]);
    const p3 = m.passengers[2]?.result;
    expect(p3?.ok && p3.traveller).toMatchObject({
      name: "Jörg Müller",
      nationality: "DE",
      sex: "M",
      documents: [{ number: "C01X00T47", country: "D" }],
    });
    const p5 = m.passengers[4]?.result;
    expect(p5?.ok && p5.traveller.documents[0]?.number).toBe("7512345678");
  });

  it("reports broken rows one by one and reads the rest", () => {
    const m = parseManifest(fixture("manifest-broken.csv"), TODAY);
    expect(m.problems).toEqual([]);
    expect(summary(m)).toEqual([
      [1, "B001", "ok"],
      [2, "B002", "dateOfBirth 1990-02-30 is not a real date"],
      [3, "B003", 'nationality "ZZ" is not a country code (ISO alpha-2, alpha-3 or ICAO)'],
      [4, "B004", "the row has 9 fields, the header 7"],
      [5, "B005", "give at least a name, a document number with its issuing country, or an MRZ"],
      [6, "B006", "ok"],
      [7, "7", "line 8: a quoted field is never closed"],
      [8, "B008", "ok"],
    ]);
  });

  it("says clearly when the header is missing", () => {
    const m = parseManifest(fixture("manifest-no-header.csv"), TODAY);
    expect(m.passengers).toEqual([]);
    expect(m.problems[0]?.code).toBe("missing_header");
    expect(m.problems[0]?.message).toMatch(/^the first line must be the header id,name,date_of_birth/);
    expect(parseManifest("id,date_of_birth\n1,1990\n", TODAY).problems[0]?.message).toBe(
      "the header has no name, document_number or mrz column",
    );
  });

  it("takes columns in any order, other spellings, ';' delimiters, CRLF and a BOM, and ignores extra columns", () => {
    const text =
      "\uFEFFSeat;Nationality;Full Name;DOB;Passport Number;Issuing Country;id\r\n12A;fr;Marie Curie;1967-11-07;12ab34567;FR;X1\r\n";
    const m = parseManifest(text, TODAY);
    expect(m.problems).toEqual([]);
    const r = m.passengers[0]?.result;
    expect(m.passengers[0]?.id).toBe("X1");
    expect(r?.ok && r.traveller).toMatchObject({
      name: "Marie Curie",
      nationality: "FR",
      dateOfBirth: "1967-11-07",
      documents: [{ number: "12AB34567", country: "FRA" }],
    });
  });

  it("numbers rows without an id by position and warns about a repeated id", () => {
    const m = parseManifest("name,id\nA B,\nC D,7\nE F,7\n", TODAY);
    expect(m.passengers.map((p) => p.id)).toEqual(["1", "7", "7"]);
    const third = m.passengers[2]?.result;
    expect(third?.ok && third.warnings).toEqual([{ field: "id", message: "id 7 is also passenger 2's" }]);
  });

  it("reads 100,000 rows, each one right", () => {
    const nationalities = ["FR", "DEU", "gb", "SAU"];
    const lines = [HEADER];
    for (let i = 0; i < MAX_MANIFEST_ROWS; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      lines.push(
        `T${i},Traveller ${i} Name,1980-02-${day},${nationalities[i % 4]},${i % 2 ? "M" : "F"},DOC${i},FRA`,
      );
    }
    const m = parseManifest(lines.join("\n"), TODAY);
    expect(m.problems).toEqual([]);
    expect(m.passengers).toHaveLength(MAX_MANIFEST_ROWS);
    const expected = ["FR", "DE", "GB", "SA"];
    for (const [i, p] of m.passengers.entries()) {
      if (!p.result.ok || p.id !== `T${i}` || p.position !== i + 1)
        throw new Error(`row ${i + 1} is wrong: ${JSON.stringify(p)}`);
      const t = p.result.traveller;
      if (
        t.name !== `Traveller ${i} Name` ||
        t.nationality !== expected[i % 4] ||
        t.documents[0]?.number !== `DOC${i}`
      )
        throw new Error(`row ${i + 1} read as ${JSON.stringify(t)}`);
    }
  });

  it("refuses more rows than the cap", () => {
    const m = parseManifest(
      [HEADER, ...Array.from({ length: MAX_MANIFEST_ROWS + 1 }, () => "x,A B,,,,,")].join("\n"),
      TODAY,
    );
    expect(m.passengers).toEqual([]);
    expect(m.problems).toEqual([
      {
        code: "too_many_rows",
        message: "the manifest has 100001 passengers; at most 100000 are screened at once",
      },
    ]);
  });
});

describe("JSON and JSON Lines manifests", () => {
  it("reads an object with a passengers list, in both key spellings, with an MRZ", () => {
    const m = parseManifest(fixture("manifest.json"), TODAY);
    expect(m.format).toBe("json");
    expect(summary(m)).toEqual([
      [1, "J1", "ok"],
      [2, "J2", "ok"],
      [3, "3", "dateOfBirth 1990-13-01 is not a real date"],
      [4, "4", "passenger 4 is not an object but string"],
    ]);
    const j2 = m.passengers[1]?.result;
    expect(j2?.ok && j2.traveller).toMatchObject({
      name: "Jörg Müller",
      documents: [{ number: "C01X00T47", country: "D" }],
    });
    expect(j2?.ok && j2.traveller.mrz?.valid).toBe(true);
  });

  it("reads a plain list", () => {
    const m = parseManifest('[{"id":"a","name":"A B"},{"name":"C D"}]', TODAY);
    expect(m.passengers.map((p) => p.id)).toEqual(["a", "2"]);
  });

  it("refuses broken JSON and JSON of the wrong shape as a whole", () => {
    expect(parseManifest('[{"name":"A B"},', TODAY).problems[0]?.code).toBe("invalid_json");
    expect(parseManifest('{\n  "flight": "XY1"\n}', TODAY).problems).toEqual([
      {
        code: "invalid_json",
        message: "a JSON manifest is a list of passengers or an object with a passengers list",
      },
    ]);
  });

  it("reads JSON Lines, reporting a broken line and going on", () => {
    const m = parseManifest(fixture("manifest.jsonl"), TODAY);
    expect(m.format).toBe("jsonl");
    expect(summary(m).map(([pos, id, s]) => [pos, id, String(s).slice(0, 30)])).toEqual([
      [1, "L1", "ok"],
      [2, "L2", "ok"],
      [3, "3", "line 3 is not valid JSON: Expe"],
      [4, "L4", "ok"],
    ]);
  });
});

describe("whole-file problems", () => {
  it("refuses empty, blank and binary content", () => {
    expect(parseManifest("", TODAY).problems).toEqual([{ code: "empty", message: "the manifest is empty" }]);
    expect(parseManifest(" \n\r\n", TODAY).problems[0]?.code).toBe("empty");
    expect(parseManifest(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), TODAY).problems[0]?.code).toBe(
      "binary",
    );
    expect(parseManifest(Buffer.from("\uFEFFid,name\n", "utf16le"), TODAY).problems[0]?.code).toBe("binary");
    expect(parseManifest(`${HEADER}\n`, TODAY).problems).toEqual([
      { code: "empty", message: "the manifest has no passengers" },
    ]);
  });

  it("reads Latin-1 bytes where the file is not UTF-8", () => {
    const m = parseManifest(Buffer.from("id,name\n1,Jos\xe9 Mart\xednez\n", "latin1"), TODAY);
    const r = m.passengers[0]?.result;
    expect(r?.ok && r.traveller.name).toBe("José Martínez");
  });

  it("refuses content over the byte cap", () => {
    const m = parseManifest(Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x61), TODAY);
    expect(m.problems[0]?.code).toBe("too_large");
  });

  it("tells the format from the content", () => {
    expect(detectFormat("  [\n{}]")).toBe("json");
    expect(detectFormat('{\n "passengers": []\n}')).toBe("json");
    expect(detectFormat('{"name":"A"}\n{"name":"B"}')).toBe("jsonl");
    expect(detectFormat("UNA:+.? 'UNB+UNOA:4'")).toBe("paxlst");
    expect(detectFormat("UNB+UNOA:4'")).toBe("paxlst");
    expect(detectFormat("\nUNH+1+PAXLST:D:05B:UN:IATA'")).toBe("paxlst");
    expect(detectFormat("id,name\n")).toBe("csv");
  });

  it("refuses a wrong today, which is the caller's mistake", () => {
    expect(() => parseManifest("id,name\n1,A\n", "2026-02-30")).toThrow(/today must be/);
  });
});
