import { describe, expect, it } from "vitest";
import { latinReading, scriptOf } from "./transliterate.ts";

describe("scripts and Latin readings", () => {
  it("names the script of a name and leaves Latin names alone", () => {
    const cases: [string, string][] = [
      ["أبو بكر", "Arab"],
      ["Абу Бакр", "Cyrl"],
      ["Γιώργος", "Grek"],
      ["שלום", "Hebr"],
      ["ჯონი", "Geor"],
      ["Արամ", "Armn"],
      ["李小龙", "Hani"],
      ["김정은", "Hang"],
      ["Müller", "Latn"],
    ];
    for (const [name, script] of cases) expect(scriptOf(name), name).toBe(script);
    expect(latinReading("Müller")).toBeUndefined();
  });

  it("reads other scripts in Latin letters, as a clean search key", () => {
    expect(latinReading("Абу Бакр")).toBe("Abu Bakr");
    expect(latinReading("Γιώργος")).toBe("Giorgos");
    expect(latinReading("Արամ")).toBe("Aram");
    expect(latinReading("김정은")).toBe("GimJeongEun");
    expect(latinReading("«Абу»")).toBe("Abu");
  });
});
