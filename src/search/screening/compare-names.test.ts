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

  it("grades a conflicting part: a likely misspelling of one length, not a stem with another ending", () => {
    expect(score("Mark Cooney", "Mark Carney")).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(score("Raúl Castillo", "Raúl Castro")).toBeLessThan(MATCH_THRESHOLD);
    expect(score("Anthony Albano", "Anthony Albanese")).toBeLessThan(MATCH_THRESHOLD);
    // Joined names differ by what follows Abd: Abd al-Hamid is not Abd al-Ghani.
    expect(score("ABDUL GHAFAR QURISHI ABDUL HAMID", "ABDUL GHAFAR QURISHI ABDUL GHANI")).toBeLessThan(0.7);
  });

  it("reads Korean and Chinese readings by romanisation convention, not by consonants", () => {
    expect(score("강명철", "KANG MYONG CHOL")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("이명박", "Lee Myung-bak")).toBeGreaterThan(MATCH_THRESHOLD);
    // 이 is a family name, not an initial; Sangho is not Song.
    expect(score("상호 이", "CHOE SONG IL")).toBeLessThan(0.6);
    expect(score("バラク・オバマ", "Barack Obama")).toBeGreaterThan(MATCH_THRESHOLD);
  });

  it("reads Arabic script as other Latin conventions write it", () => {
    expect(score("عبد الحكيم مراد", "ABDUL HAKIM MURAD")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("محمد لكحل", "MOHAMED LAKHAL")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("عمر محمد قدير", "AMOR MOHAMED GHEDEIR")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("فرناندو بيريز", "Fernando Pérez")).toBeGreaterThan(MATCH_THRESHOLD);
    // عمر reads "mr": Omar, not a title.
    expect(score("عمر سبعاوي", "OMAR SABAWI")).toBeGreaterThan(MATCH_THRESHOLD);
  });

  it("knows acronyms, Baltic endings, misspelt and cut legal forms, Roman series numbers", () => {
    expect(score("JC Juncker", "Jean-Claude Juncker")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("N.N.", "Nursultan Nazarbayev")).toBeLessThan(MATCH_THRESHOLD);
    expect(score("PLA", "People's Liberation Army", "Organization")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("Sergejs Lavrovs", "Sergey Lavrov")).toBeGreaterThan(MATCH_THRESHOLD);
    expect(score("Siemens Aktiengeselschaft", "Siemens AG", "Company")).toBe(1);
    expect(score("MISSILES CORPORATION JOINT STOCK COMPAN", "Missiles Corporation JSC", "Company")).toBe(1);
    expect(score("First Bank Int'l", "First International Bank", "Company")).toBe(1);
    expect(score("KKR Asian Fund III L.P.", "KKR Asian Fund IV L.P.", "Company")).toBeCloseTo(0.85, 2);
    expect(score("faberlic", "FABERLIC EUROPE Sp. z o.o.", "Company")).toBeGreaterThan(MATCH_THRESHOLD);
  });
});
