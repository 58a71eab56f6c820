import { describe, expect, it } from "vitest";
import { jaroWinkler, nameForm, nameSimilarity, skeleton } from "./names.ts";
import { scorePair } from "./score.ts";
import { prepare } from "./subject.ts";
import { suggest } from "./suggest.ts";

const sim = (a: string, b: string) => Math.round(nameSimilarity(nameForm(a), nameForm(b)) * 1000) / 1000;
const person = (id: string, owner: string, properties: Record<string, string[]>) =>
  prepare({ id, owner, schema: "Person", properties });

describe("resolution engine", () => {
  it("computes Jaro-Winkler as published (MARTHA / MARHTA 0.961, DIXON / DICKSONX 0.813)", () => {
    expect(jaroWinkler("martha", "marhta").toFixed(3)).toBe("0.961");
    expect(jaroWinkler("dixon", "dicksonx").toFixed(3)).toBe("0.813");
  });

  it("reads Arabic and Cyrillic names into the same skeletons as their Latin spellings", () => {
    expect(nameForm("محمد أحمد الهاشمي").skeletons).toEqual(["mhmd", "hmd", "hxm"]);
    expect(nameForm("Mohammed Ahmed Al-Hashimi").skeletons).toEqual(["mhmd", "hmd", "hxm"]);
    expect(["Youssef", "Yusuf", "يوسف"].map((n) => nameForm(n).skeletons[0])).toEqual(["sf", "sf", "sf"]);
    expect(skeleton("khalid")).toBe("kld");
    expect(sim("Александр Кадыров", "Aleksandr Kadyrov")).toBe(1);
  });

  it("scores names regardless of order, a dropped middle name and a typo", () => {
    expect(sim("Alexander Kadyrov", "Kadyrov Aleksandr")).toBe(0.95);
    expect(sim("Michael Hugo Wisniewski", "Michael Wisnewski")).toBe(0.914);
    expect(sim("John Smith", "James Brown")).toBe(0.55);
  });

  it("takes a date inside a range or near an approximate year as weak agreement, not a conflict", () => {
    const dob = (a: string, b: string) =>
      scorePair(
        person("a", "FR", { name: ["A B"], birthDate: [a] }),
        person("b", "US", { name: ["A B"], birthDate: [b] }),
      ).explanation.birthDate.result;
    expect(dob("1966", "1963/1968")).toBe("within_range");
    expect(dob("1969-04-02", "1963/1968")).toBe("near_year");
    expect(dob("1975", "1963/1968")).toBe("conflict");
    expect(dob("1972", "1970~")).toBe("within_range");
    expect(dob("1980", "1970~")).toBe("conflict");
    expect(dob("1970-03-04", "1970-04-03")).toBe("same_month");
    expect(person("c", "FR", { name: ["C"], birthDate: ["1963/1965", "1990~"] }).years).toEqual([
      1963, 1964, 1965, 1988, 1989, 1990, 1991, 1992,
    ]);
  });

  it("explains a score per feature", () => {
    const a = person("a", "FR", { name: ["Khaled Haddad"], birthDate: ["1975-03-02"], nationality: ["sy"] });
    const b = person("b", "IQ", { name: ["خالد حداد"], birthDate: ["1975"], passportNumber: ["N 123456"] });
    expect(scorePair(a, b)).toEqual({
      score: 0.702,
      explanation: {
        name: { score: 0.92, left: "khaled haddad", right: "khld hdd" },
        birthDate: { result: "same_year", weight: 0.15 },
        nationality: { result: "missing", weight: 0 },
        identifiers: { shared: [], weight: 0 },
        documents: { shared: [], weight: 0 },
        gender: { result: "missing", weight: 0 },
      },
    });
  });

  it("suggests the pair that shares a passport, skips what it is told to, and nothing else", () => {
    const subjects = [
      person("1", "FR", { name: ["Omar Farah"], birthDate: ["1990-01-01"], passportNumber: ["P1234567"] }),
      person("2", "KE", { name: ["Cumar Faarax"], passportNumber: ["p123-4567"] }),
      person("3", "KE", { name: ["Omar Farah"], birthDate: ["1960-01-01"] }),
      person("4", "SO", { name: ["Omar Farah"], birthDate: ["1990-01-01"] }),
    ];
    const all = suggest(subjects);
    expect(all.suggestions.map((s) => [s.left, s.right, s.score])).toEqual([
      ["1", "2", 0.872],
      ["1", "4", 0.85],
    ]);
    expect(
      suggest(subjects, { skip: (a, b) => a === "1" && b === "4" }).suggestions.map((s) => s.right),
    ).toEqual(["2"]);
  });
});
