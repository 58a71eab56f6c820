import { beforeAll, describe, expect, it } from "vitest";
import { parseUnConsolidatedList, UnListParseError } from "./parse.ts";
import { readUnListFile, shippedUnList } from "./read.ts";
import type { UnConsolidatedList, UnIndividual, UnListed } from "./types.ts";

const refusal = (input: string): UnListParseError => {
  try {
    parseUnConsolidatedList(input);
  } catch (e) {
    if (e instanceof UnListParseError) return e;
    throw e;
  }
  throw new Error("expected the file to be refused");
};

const minimal = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2024-01-02T00:00:00Z">${body}</CONSOLIDATED_LIST>`;

describe("parseUnConsolidatedList on the 2024-09-26 list", () => {
  let list: UnConsolidatedList;
  let all: UnListed[];
  const byRef = (ref: string): UnListed => {
    const r = all.find((x) => x.referenceNumber === ref);
    if (!r) throw new Error(`${ref} not found`);
    return r;
  };
  const individual = (ref: string): UnIndividual => {
    const r = byRef(ref);
    if (r.kind !== "individual") throw new Error(`${ref} is not an individual`);
    return r;
  };

  beforeAll(async () => {
    // The copy shipped in reference/un/ (gzip), so this runs on a fresh clone too.
    list = parseUnConsolidatedList(await readUnListFile(shippedUnList));
    all = [...list.individuals, ...list.entities];
  });

  it("reads the generation date and the record counts", () => {
    expect(list.generatedAt).toBe("2024-09-26T00:00:07.514Z");
    expect(list.individuals).toHaveLength(682);
    expect(list.entities).toHaveLength(193);
    expect(new Set(all.map((r) => r.dataId)).size).toBe(875);
  });

  it("derives the regime from the reference prefix", () => {
    const count = (code: string, kind: UnListed["kind"]) =>
      all.filter((r) => r.regimeCode === code && r.kind === kind).length;
    expect(count("QD", "individual")).toBe(255);
    expect(count("QD", "entity")).toBe(89);
    expect(count("TA", "individual")).toBe(135);
    expect(count("TA", "entity")).toBe(5);
    expect(list.individuals.filter((r) => r.regime === "other")).toHaveLength(292);
    expect(list.entities.filter((r) => r.regime === "other")).toHaveLength(99);
    expect(all.every((r) => r.counterTerrorism === (r.regime !== "other"))).toBe(true);
    expect(byRef("KPi.001").regime).toBe("other");
  });

  it("parses a known individual fully (QDi.006)", () => {
    const r = individual("QDi.006");
    expect(r.names).toEqual({
      first: "AIMAN",
      second: "MUHAMMED",
      third: "RABI",
      fourth: "AL-ZAWAHIRI",
      full: "AIMAN MUHAMMED RABI AL-ZAWAHIRI",
      originalScript: "أيمن محمد ربيع الظواهري",
    });
    expect(r.aliases).toHaveLength(15);
    expect(r.aliases.filter((a) => a.quality === "Good")).toHaveLength(13);
    expect(r.aliases.filter((a) => a.quality === "Low").map((a) => a.name)).toEqual([
      "Abu Fatma",
      "Abu Mohammed",
    ]);
    expect(r.datesOfBirth).toEqual([
      { typeOfDate: "EXACT", precision: "day", approximate: false, date: "1951-06-19", year: 1951 },
    ]);
    expect(r.placesOfBirth).toEqual([{ city: "Giza", country: "Egypt" }]);
    expect(r.nationalities).toEqual(["Egypt"]);
    expect(r.titles).toEqual(["Doctor", "Dr."]);
    expect(r.listedOn).toBe("2001-01-25");
    expect(r.lastDayUpdated).toHaveLength(6);
    // The "[object Object]" note in the source is a serialisation bug and is dropped.
    expect(r.documents).toEqual([
      { type: "Passport", number: "1084010", issuingCountry: "Egypt" },
      { type: "Passport", number: "19820215" },
    ]);
    // Multi-line, indented comments are normalised to single spaces.
    expect(r.comments).toMatch(
      /^Leader of Al-Qaida \(QDe\.004\)\. Former operational and military leader of Egyptian/,
    );
  });

  it("keeps every date of birth and its precision", () => {
    expect(individual("QDi.323").datesOfBirth.map((d) => d.date)).toEqual([
      "1964-06-25",
      "1969-12-05",
      "1965-05-12",
    ]);
    expect(individual("TAi.005").datesOfBirth).toEqual([
      { typeOfDate: "APPROXIMATELY", precision: "year", approximate: true, year: 1961 },
    ]);
    expect(individual("TAi.038").datesOfBirth).toEqual([
      {
        typeOfDate: "BETWEEN",
        precision: "range",
        approximate: true,
        fromYear: 1960,
        toYear: 1962,
        note: "Approximately",
      },
    ]);
    expect(individual("QDi.306").datesOfBirth[0]).toMatchObject({
      precision: "note",
      note: "Between Aug. and Sep. 1977",
    });
    const dobs = list.individuals.flatMap((r) => r.datesOfBirth);
    expect(dobs.filter((d) => d.precision === "range")).toHaveLength(29);
    expect(dobs.filter((d) => d.precision === "day")).toHaveLength(375);
  });

  it("keeps entity names from FIRST_NAME and alias qualities", () => {
    const e = byRef("QDe.014");
    expect(e.kind).toBe("entity");
    expect(e.names.full).toBe("THE ORGANIZATION OF AL-QAIDA IN THE ISLAMIC MAGHREB");
    expect(e.aliases.filter((a) => a.quality === "f.k.a.").map((a) => a.name)).toEqual([
      "Le Groupe Salafiste pour La Prédication et le Combat (GSPC)",
      "Salafist Group For Call and Combat",
    ]);
    const qualities = new Set(all.flatMap((r) => r.aliases.map((a) => a.quality)));
    expect([...qualities].sort()).toEqual(["Good", "Low", "a.k.a.", "f.k.a."]);
    expect(all.reduce((n, r) => n + r.aliases.length, 0)).toBe(2719);
  });

  it("drops placeholders and stray spaces everywhere", () => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(all);
    expect(strings.filter((s) => s === "" || s !== s.trim() || /\s{2,}|\n/.test(s))).toEqual([]);
    expect(strings).not.toContain("[object Object]");
    expect(all.every((r) => /^[A-Z]{2}[ie]\.\d+$/.test(r.referenceNumber))).toBe(true);
  });
});

describe("parseUnConsolidatedList refusals", () => {
  it("refuses entity declarations (billion laughs)", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>
      <CONSOLIDATED_LIST dateGenerated="2024-01-01T00:00:00Z"><INDIVIDUALS/>&b;</CONSOLIDATED_LIST>`;
    expect(refusal(bomb).reason).toBe("doctype");
  });

  it("refuses external entities", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST SYSTEM "file:///etc/passwd">${minimal("")}`;
    const e = refusal(xxe);
    expect(e.reason).toBe("doctype");
    expect(e.code).toBe("unprocessable");
    expect(e.message).toMatch(/DOCTYPE/);
  });

  it("refuses a truncated file", async () => {
    const real = (await readUnListFile(shippedUnList)).toString("utf8");
    expect(refusal(real.slice(0, Math.floor(real.length / 2))).reason).toBe("malformed");
  });

  it("refuses XML that is not the consolidated list", () => {
    expect(refusal(`<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>`).reason).toBe(
      "not_consolidated_list",
    );
    expect(refusal("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>").reason).toBe(
      "not_consolidated_list",
    );
    expect(refusal("not xml at all").reason).toBe("malformed");
  });

  it("refuses a record without a reference number", () => {
    const e = refusal(
      minimal(
        "<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>",
      ),
    );
    expect(e.reason).toBe("invalid_record");
  });

  it("accepts an empty list and decodes the predefined entities", () => {
    expect(parseUnConsolidatedList(minimal("<INDIVIDUALS/><ENTITIES/>"))).toEqual({
      generatedAt: "2024-01-02T00:00:00Z",
      individuals: [],
      entities: [],
    });
    const one = parseUnConsolidatedList(
      minimal(
        "<ENTITIES><ENTITY><DATAID>7</DATAID><FIRST_NAME> A &amp; B  </FIRST_NAME><REFERENCE_NUMBER>TAe.001 </REFERENCE_NUMBER><ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS></ENTITY></ENTITIES>",
      ),
    );
    expect(one.entities[0]).toMatchObject({
      names: { full: "A & B" },
      referenceNumber: "TAe.001",
      aliases: [],
    });
  });
});
