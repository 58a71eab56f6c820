import { describe, expect, it } from "vitest";
import { MAX_QUERY_WORDS, parseNameQuery } from "./name-query.ts";

describe("reading a search query", () => {
  it("reads notice numbers written either way", () => {
    expect(parseNameQuery(" 2024/12345 ")).toEqual({
      raw: "2024/12345",
      words: [],
      noticeNumber: "2024/12345",
    });
    expect(parseNameQuery("2024-12345").noticeNumber).toBe("2024/12345");
    expect(parseNameQuery("2024-123").noticeNumber).toBeUndefined();
  });

  it("reads UN references in the UN's spelling, whatever the case or padding", () => {
    for (const q of ["QDi.299", "qdi.299", "QDi 299", "qdi299"])
      expect(parseNameQuery(q).unReference).toBe("QDi.299");
    expect(parseNameQuery("TAi.6").unReference).toBe("TAi.006");
    expect(parseNameQuery("QDe.115").unReference).toBe("QDe.115");
    expect(parseNameQuery("QDx.115").unReference).toBeUndefined();
  });

  it("splits names into words, without punctuation, keeping scripts and accents for the database", () => {
    expect(parseNameQuery("BAGHDADI, Abu Bakr").words).toEqual(["baghdadi", "abu", "bakr"]);
    expect(parseNameQuery("Ibrahim ‘Awwad al-Badri").words).toEqual(["ibrahim", "awwad", "badri"]);
    expect(parseNameQuery("Abu Du’a, Samarra'i").words).toEqual(["abu", "dua", "samarrai"]);
    expect(parseNameQuery("Müller-Lüdenscheidt").words).toEqual(["müller", "lüdenscheidt"]);
    expect(parseNameQuery("أبو بكر البغدادي").words).toEqual(["أبو", "بكر", "البغدادي"]);
  });

  it("lets articles and initials be missing, unless the query is nothing else", () => {
    expect(parseNameQuery("Abu Bakr al-Baghdadi").words).toEqual(["abu", "bakr", "baghdadi"]);
    expect(parseNameQuery("Z. B. Tahiri").words).toEqual(["tahiri"]);
    expect(parseNameQuery("van der").words).toEqual(["van", "der"]);
  });

  it("drops repeated words and bounds the number of words", () => {
    expect(parseNameQuery("ibrahim awwad ibrahim").words).toEqual(["ibrahim", "awwad"]);
    const long = Array.from({ length: 20 }, (_, i) => `name${i}`).join(" ");
    expect(parseNameQuery(long).words).toHaveLength(MAX_QUERY_WORDS);
  });
});
