import bidiModule from "bidi-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countryName } from "./countries.ts";
import { formatDate, formatDateTime, formatInstant } from "./dates.ts";
import { FSI, formatMessage, PDI } from "./icu.ts";
import { translate } from "./translate.ts";

// bidi-js is CommonJS: Node's default import is its factory, whatever its type declarations say.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/** What a reader sees, left to right, of a line laid out in a right-to-left paragraph (UAX #9). */
function visualRtl(text: string): string {
  const levels = bidi.getEmbeddingLevels(text, "rtl");
  return bidi.getReorderedString(text, levels).replace(/[\u2066-\u2069]/g, "");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ICU messages", () => {
  it("chooses English plural forms", () => {
    expect(translate("en", "referrals.count", { count: 1 })).toBe("1 referral");
    expect(translate("en", "referrals.count", { count: 2 })).toBe("2 referrals");
    expect(translate("en", "referrals.count", { count: 12345 })).toBe("12,345 referrals");
  });

  it("chooses each of the six Arabic plural categories", () => {
    const forms = [0, 1, 2, 3, 11, 100].map((count) => translate("ar", "referrals.count", { count }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[1]).toBe("إحالة واحدة");
    expect(forms[2]).toBe("إحالتان");
    expect(forms[3]).toBe("3 إحالات"); // few: Latin digits, as the shell shows numbers
    expect(forms[4]).toBe("11 إحالة");
  });

  it("formats `{n, number}` in the reader's locale but leaves a plain `{n}` as given", () => {
    expect(translate("fr", "content.matchCount", { count: 2 })).toContain("2");
    expect(translate("en", "bio.review.titleFingerprint", { seq: 12345 })).toBe("Fingerprint search #12345");
  });

  it("keeps a message that does not parse from breaking the screen: English, logged once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const english = "Hello {name}";
    expect(formatMessage("fr", "test.broken", "Bonjour {name", english, { name: "Ana" })).toBe("Hello Ana");
    expect(formatMessage("fr", "test.broken", "Bonjour {name", english, { name: "Ana" })).toBe("Hello Ana");
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("survives a missing value", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(formatMessage("en", "test.missing", "{count, plural, one {# x} other {# xs}}", "", {})).toContain(
      "count",
    );
  });

  it("reads `<` as text, not as a tag", () => {
    expect(formatMessage("en", "test.lt", "a < b and <b>c</b>", "", {})).toBe("a < b and <b>c</b>");
  });
});

describe("mixed-direction text", () => {
  const range = "1963–1968";

  it("keeps a year range in order inside an Arabic sentence", () => {
    const isolated = translate("ar", "persons.dob.about", { date: range });
    expect(isolated).toContain(`${FSI}${range}${PDI}`);
    expect(visualRtl(isolated)).toContain(range);
    // Without the isolates the same sentence shows the range backwards: the test can fail.
    const bare = isolated.replace(/[\u2068\u2069]/g, "");
    expect(visualRtl(bare)).not.toContain(range);
    expect(visualRtl(bare)).toContain("1968–1963");
  });

  it("keeps an identifier and a Latin name in order inside an Arabic sentence", () => {
    const text = translate("ar", "persons.recordedAt", { when: "2024/0042-1" });
    expect(visualRtl(text)).toContain("2024/0042-1");
    const named = formatMessage("ar", "test.name", "سجل {name} رقم {id}", "", {
      name: "AL-NASSER, Omar 2",
      id: "A-12/2024",
    });
    expect(visualRtl(named)).toContain("AL-NASSER, Omar 2");
    expect(visualRtl(named)).toContain("A-12/2024");
  });

  it("isolates values in left-to-right languages only when they hold right-to-left letters", () => {
    expect(formatMessage("en", "test.x", "By {name}", "", { name: "Smith" })).toBe("By Smith");
    expect(formatMessage("en", "test.x", "By {name}", "", { name: "عمر" })).toBe(`By ${FSI}عمر${PDI}`);
  });
});

describe("dates: one format per language", () => {
  const day = "2024-05-12";

  it("writes a calendar date with the month's name in every language", () => {
    expect(formatDate("en", day)).toBe("12 May 2024");
    expect(formatDate("fr", day)).toBe("12 mai 2024");
    expect(formatDate("es", day)).toBe("12 may 2024");
    expect(formatDate("ar", day)).toBe("12 مايو 2024");
  });

  it("keeps partial dates at their precision and never moves the day", () => {
    expect(formatDate("en", "2024-05")).toBe("May 2024");
    expect(formatDate("en", "1963")).toBe("1963");
    expect(formatDateTime("en", day)).toBe("12 May 2024");
  });

  it("uses the same date in the date-time and instant formats, on a 24-hour clock", () => {
    const at = "2024-05-12T15:04:05Z";
    const dt = formatDateTime("en", at);
    expect(dt).toMatch(/^\d{1,2} May 2024, \d{2}:\d{2}$/);
    expect(formatInstant("en", at)).toMatch(/^\d{1,2} May 2024, \d{2}:\d{2}:05$/);
    expect(formatDate("en", at)).toBe(dt.split(",")[0]);
  });

  it("shows what it cannot read as it is", () => {
    expect(formatDate("en", "not a date")).toBe("not a date");
    expect(formatDate("en", null)).toBe("");
  });
});

describe("country names", () => {
  it("come from Intl in the reader's language", () => {
    expect(countryName("en", "DE")).toBe("Germany");
    expect(countryName("fr", "de")).toBe("Allemagne");
    expect(countryName("es", "FR")).toBe("Francia");
    expect(countryName("ar", "FR")).toBe("فرنسا");
  });

  it("name international entities from the dictionary, and fall back to the server's name", () => {
    expect(countryName("en", "XG")).toBe("INTERPOL General Secretariat");
    expect(countryName("ar", "XU")).toBe("الأمم المتحدة");
    expect(countryName("fr", "XZ", "Somewhere")).toBe("Somewhere");
    expect(countryName("fr", "XZ")).toBe("XZ");
  });
});
