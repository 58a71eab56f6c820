import { describe, expect, it } from "vitest";
import { compareNames } from "./compare-names.ts";
import { MATCH_THRESHOLD } from "./screening-index.ts";

const score = (a: string, b: string, schema?: string) => compareNames(a, b, schema).score;
const how = (a: string, b: string) => compareNames(a, b).explanation.parts.map((p) => p.how);

describe("compareNames", () => {
  it("matches Arabic script against its Latin spellings", () => {
    expect(score("أسامة بن لادن", "Usama bin Ladin")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(how("محمد طاهر أنوري", "Muhammad Taher Anwari")).toEqual([
      "transliterated",
      "transliterated",
      "transliterated",
    ]);
    expect(compareNames("محمد طاهر أنوري", "Muhammad Taher Anwari").explanation.scripts).toEqual({
      query: "Arab",
      listed: "Latn",
    });
  });

  it("matches Cyrillic, Chinese and Korean names to their romanisations", () => {
    expect(score("Володимир Зеленський", "Volodymyr Zelenskyy")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("习近平", "Xi Jinping")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("김정은", "Kim Jong Un")).toBeGreaterThan(0.7);
    // One character apart is another person, though both read alike.
    expect(score("习近朋", "习近平")).toBeLessThan(MATCH_THRESHOLD);
  });

  it("knows spelling variants, nicknames, phonetic spellings and typos", () => {
    expect(how("Mohamad Yousef", "Muhammad Yusuf")).toEqual(["variant", "variant"]);
    expect(how("Ted Doe", "Theodore Doe")).toContain("nickname");
    expect(how("Olaf Scholze", "Olaf Scholz")).toEqual(["exact", "typo"]);
    expect(score("Vladimir Pudin", "Vladimir Putin")).toBeGreaterThan(MATCH_THRESHOLD);
  });

  it("takes order swaps, missing middle names and initials, but not a different name", () => {
    const swapped = compareNames("Kadyrov Ramzan", "Ramzan Kadyrov").explanation;
    expect(swapped.orderSwapped).toBe(true);
    expect(swapped.score).toBe(1);
    const missing = compareNames("Sergey Lavrov", "Sergey Viktorovich Lavrov").explanation;
    expect(missing.missing).toEqual(["viktorovich"]);
    expect(missing.score).toBeGreaterThan(0.95);
    expect(how("J. Smith", "John Smith")).toContain("initial");
    const other = compareNames("Octavian Scholz", "Olaf Scholz").explanation;
    expect(other.conflicting).toEqual([{ query: "octavian", listed: "olaf" }]);
    expect(other.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it("sees the person's own name in a nasab: Salman bin Muhammad is not Muhammad bin Salman", () => {
    const e = compareNames("Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi").explanation;
    expect(e.filiationMismatch).toBe(true);
    expect(e.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it("ignores titles and particles and says so", () => {
    const e = compareNames("Sheikh Isa bin Tarif", "Isa Tarif").explanation;
    expect(e.ignored).toEqual(
      expect.arrayContaining([
        { word: "sheikh", why: "title" },
        { word: "bin", why: "particle" },
      ]),
    );
    expect(e.score).toBe(1);
  });

  it("compares organisations without their legal forms; extra words cost more", () => {
    expect(score("OAO Gazprom", "Gazprom JSC", "Company")).toBe(1);
    expect(score("Deutsche Bank Trust Company", "Deutsche Bank", "Company")).toBeLessThan(MATCH_THRESHOLD);
    expect(score("AT&T Inc.", "AT and T Inc.", "Company")).toBe(1);
  });

  it("a single name part against a full name proves little", () => {
    expect(score("Walijan", "Walijan Abdul Ghafoor Haqqani")).toBeLessThan(MATCH_THRESHOLD);
  });
});
