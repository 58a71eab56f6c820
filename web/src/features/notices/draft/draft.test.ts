import { describe, expect, it } from "vitest";
import { type DraftStorage, draftKey, draftStore, forgetDraftsOf } from "../../../lib/drafts.ts";
import type { CatalogueEntry } from "../types.ts";
import { emptyAsset, emptyDraft, emptyOffence, withType } from "./defaults.ts";
import { fromRequest } from "./from-request.ts";
import { a, joined, o, s } from "./read.ts";
import { requestPath, stepOfField } from "./steps.ts";
import { acceptNoticeDraft, hasContent } from "./stored.ts";
import { toEnvelope, toRequest } from "./to-request.ts";
import type { NoticeDraft } from "./types.ts";
import { missingFields } from "./validation.ts";

/** A red notice's catalogue entry as the server describes it (GET /notices/catalogue). */
const RED: CatalogueEntry = {
  type: "red",
  colour: "red",
  purpose: "arrest",
  action: "arrest",
  subjectKinds: ["person"],
  requiredFields: [
    "title",
    "summary",
    "charges",
    "subject.familyName",
    "subject.forenames",
    "subject.sex",
    "subject.dateOfBirth",
    "offences",
    "arrestWarrant",
  ],
  validityYears: 5,
  publicExtract: "on_owner_consent",
};
const ORANGE: CatalogueEntry = {
  ...RED,
  type: "orange",
  subjectKinds: ["person", "entity", "object", "event"],
  requiredFields: ["title", "summary", "threat.description", "threat.imminence"],
  publicExtract: "never",
};

/** A red notice request filled in as an officer would. */
function filledRed(): NoticeDraft {
  const d = withType(emptyDraft("fr"), "red", RED);
  d.person = {
    ...d.person,
    familyName: "  DUPONT ",
    forenames: "Jean",
    sex: "M",
    aliases: "Johnny, J.D.;  ",
    dobPrecision: "year",
    dobYear: "1985",
    nationalities: "fr de",
    heightCm: "180.7",
    docNumber: "X123",
    docCountry: "fr",
  };
  d.title = { text: " Recherché ", translations: { en: "Wanted", fr: "ignored", es: "", ar: "  " } };
  d.summary.text = "Faits";
  d.charges.text = "Meurtre";
  d.offences = [
    {
      ...emptyOffence(),
      description: "Meurtre",
      category: "homicide",
      maxPenaltyMonths: "360",
      country: "fr",
    },
  ];
  d.warrant = { issuingAuthority: "Juge", issuedOn: "2024-05-10", reference: "", kind: "arrest_warrant" };
  d.envelope = {
    ...d.envelope,
    distribution: "except",
    countries: "ke, ug",
    handlingCode: "H3",
    handlingNote: " note ",
  };
  return d;
}

describe("reading what the server stored (read.ts)", () => {
  it("reads strings and numbers as text, everything else as empty", () => {
    expect([s("a"), s(3), s(null), s({}), s(undefined)]).toEqual(["a", "3", "", "", ""]);
    expect([o({ x: 1 }), o([1]), o(null), o("x")]).toEqual([{ x: 1 }, {}, {}, {}]);
    expect([a([1]), a({}), a("x")]).toEqual([[1], [], []]);
    expect(joined(["FR", 2, null])).toBe("FR, 2, ");
    expect(joined(["a", "b"], "; ")).toBe("a; b");
  });
});

describe("the draft as a request (to-request.ts)", () => {
  it("trims, upper-cases codes, splits lists, parses numbers and leaves blanks out", () => {
    const r = toRequest(filledRed());
    expect(r).toMatchObject({
      type: "red",
      purpose: "prosecution",
      title: { language: "fr", text: "Recherché", translations: { en: "Wanted" } },
      charges: { language: "fr", text: "Meurtre" },
      arrestWarrant: { issuingAuthority: "Juge", issuedOn: "2024-05-10", kind: "arrest_warrant" },
    });
    const subject = r.subject as Record<string, unknown>;
    expect(subject).toMatchObject({
      kind: "person",
      familyName: "DUPONT",
      aliases: ["Johnny", "J.D."],
      nationalities: ["FR", "DE"],
      dateOfBirth: { precision: "year", year: 1985 },
      physicalDescription: { heightCm: 180 },
      identityDocuments: [{ type: "passport", number: "X123", issuingCountry: "FR" }],
    });
    // Blank fields are absent, not empty strings, so the server's "required" speaks of them.
    expect("nameOriginalScript" in subject && subject.nameOriginalScript !== undefined).toBe(false);
    expect((r.arrestWarrant as Record<string, unknown>).reference).toBeUndefined();
    // The working language's own "translation" is not sent, nor blank ones.
    expect((r.title as { translations: Record<string, string> }).translations).toEqual({ en: "Wanted" });
    expect(r.offences).toEqual([
      {
        description: "Meurtre",
        category: "homicide",
        legalProvision: undefined,
        maxPenaltyMonths: 360,
        committedOn: undefined,
        country: "FR",
        sentence: undefined,
      },
    ]);
  });

  it("sends a life sentence as a null maximum, and a sentence only when enforcing one", () => {
    const d = filledRed();
    d.offences = [{ ...emptyOffence(), life: true, maxPenaltyMonths: "12", sentenceImposed: "24" }];
    expect((toRequest(d).offences as Record<string, unknown>[])[0]).toMatchObject({
      maxPenaltyMonths: null,
      sentence: undefined,
    });
    d.purpose = "sentence";
    d.offences = [
      { ...emptyOffence(), maxPenaltyMonths: "abc", sentenceImposed: "24", sentenceRemaining: "" },
    ];
    const off = (toRequest(d).offences as Record<string, unknown>[])[0];
    expect(off).toMatchObject({ maxPenaltyMonths: undefined, sentence: { imposedMonths: 24 } });
  });

  it("gives each type only its own parts", () => {
    const d = filledRed();
    expect(Object.keys(toRequest({ ...d, type: "orange" })).sort()).toEqual([
      "subject",
      "summary",
      "threat",
      "title",
      "type",
    ]);
    expect(toRequest({ ...d, type: "yellow" })).toMatchObject({ missing: {}, unableToIdentifySelf: false });
    expect(
      toRequest({ ...d, type: "silver", assets: [{ ...emptyAsset(), value: "1.5e3", country: "ch" }] }),
    ).toMatchObject({
      assets: [{ estimatedValueEur: 1500, country: "CH" }],
    });
  });

  it("writes the envelope: countries only when restricted, the note only for H3", () => {
    expect(toEnvelope(filledRed().envelope)).toEqual({
      distribution: "except",
      distributionCountries: ["KE", "UG"],
      handlingCode: "H3",
      handlingNote: "note",
      sourceReliability: "B",
      informationAccuracy: 2,
      sourceType: "judicial",
    });
    const all = toEnvelope({ ...filledRed().envelope, distribution: "all", handlingCode: "H1" });
    expect(all.distributionCountries).toEqual([]);
    expect("handlingNote" in all).toBe(false);
  });
});

describe("a saved request read back (from-request.ts)", () => {
  it("gives the form the officer filled in, whatever the interface language", () => {
    const d = filledRed();
    const back = fromRequest(toRequest(d), toEnvelope(d.envelope), false, "en");
    expect(back.language).toBe("fr");
    expect(back.person).toMatchObject({
      familyName: "DUPONT",
      aliases: "Johnny, J.D.",
      nationalities: "FR, DE",
      dobPrecision: "year",
      dobYear: "1985",
      heightCm: "180",
      docCountry: "FR",
    });
    expect(back.offences).toEqual([{ ...d.offences[0], country: "FR" }]);
    expect(back.envelope).toEqual({ ...d.envelope, countries: "KE, UG", handlingNote: "note" });
    // Converting again gives the same request: nothing is lost or changed on the way.
    expect(toRequest(back)).toEqual(toRequest(d));
  });

  it("reads a damaged or foreign request as an empty draft of the fallback language", () => {
    const back = fromRequest({ type: "blue", title: { language: "xx" }, offences: "no" }, {}, true, "ar");
    expect(back.language).toBe("ar");
    expect(back.offences).toEqual([]);
    expect(back.envelope.distribution).toBe("all");
    expect(back.publicExtract).toBe(true);
    expect(fromRequest({ offences: [{ maxPenaltyMonths: null }] }, {}, false, "en").offences[0]?.life).toBe(
      true,
    );
  });
});

describe("the fields still missing (validation.ts)", () => {
  it("lists the catalogue's required fields the draft leaves empty, and only those", () => {
    const d = withType(emptyDraft("en"), "red", RED);
    expect(missingFields(d, RED).map((f) => f.field)).toEqual([
      "title",
      "summary",
      "charges",
      "subject.familyName",
      "subject.forenames",
      "subject.sex",
      "subject.dateOfBirth",
      "arrestWarrant",
    ]);
    // withType added one offence row, so "offences" is not missing; an empty list would be.
    expect(missingFields({ ...d, offences: [] }, RED).map((f) => f.field)).toContain("offences");
    expect(missingFields(filledRed(), RED)).toEqual([]);
    const blankTitle = filledRed();
    blankTitle.title.text = "   ";
    expect(missingFields(blankTitle, RED)).toEqual([
      { code: "missing_field", severity: "block", field: "title", message: "title" },
    ]);
  });

  it("says nothing without a type or its catalogue entry", () => {
    expect(missingFields(emptyDraft("en"), RED)).toEqual([]);
    expect(missingFields(filledRed(), undefined)).toEqual([]);
  });

  it("switching type keeps what fits and resets what the new type cannot have", () => {
    const d = withType({ ...filledRed(), subjectKind: "person", publicExtract: true }, "orange", ORANGE);
    expect(d.subjectKind).toBe("person");
    expect(d.publicExtract).toBe(false);
    expect(withType({ ...d, subjectKind: "modus_operandi" }, "orange", ORANGE).subjectKind).toBe("person");
  });
});

describe("which step has a field (steps.ts)", () => {
  it("sends each field to the step that edits it", () => {
    const cases: [string, string][] = [
      ["subject.familyName", "subject"],
      ["request.subject.dateOfBirth.year", "subject"],
      ["offences.0.maxPenaltyMonths", "details"],
      ["arrestWarrant", "details"],
      ["body.foundOn", "details"],
      ["request.title.translations.fr", "texts"],
      ["charges", "texts"],
      ["envelope.handlingNote", "envelope"],
      ["publicExtract", "envelope"],
      ["request.type", "type"],
      ["somethingElse", "review"],
    ];
    expect(cases.map(([p]) => [p, stepOfField(p)])).toEqual(cases);
    expect(requestPath("request.offences.1")).toBe("offences.1");
    expect(requestPath("envelope.handlingCode")).toBe("envelope.handlingCode");
  });
});

/** An in-memory Storage, failing on demand. */
function memoryStorage(): DraftStorage & { map: Map<string, string>; full: boolean } {
  const map = new Map<string, string>();
  return {
    map,
    full: false,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      if (this.full) throw new DOMException("quota", "QuotaExceededError");
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe("drafts kept on this computer (lib/drafts.ts, stored.ts)", () => {
  it("keeps one draft per user, form and record, and gives it back as it was typed", () => {
    const storage = memoryStorage();
    const store = draftStore(storage, acceptNoticeDraft);
    const mine = draftKey("u1", "notice-wizard");
    const other = draftKey("u2", "notice-wizard");
    const edit = draftKey("u1", "notice-wizard", "n-1");
    expect(new Set([mine, other, edit]).size).toBe(3);
    const d = filledRed();
    expect(
      store.write(mine, { savedAt: "2026-06-01T09:00:00.000Z", data: d, baseVersion: 3, step: "details" }),
    ).toBe(true);
    expect(store.read(mine)).toEqual({
      savedAt: "2026-06-01T09:00:00.000Z",
      data: d,
      baseVersion: 3,
      step: "details",
    });
    expect(store.read(other)).toBeNull();
    expect(store.read(edit)).toBeNull();
    store.clear(mine);
    expect(store.read(mine)).toBeNull();
  });

  it("forgets all of one user's drafts at sign-out, and only theirs", () => {
    const storage = memoryStorage();
    const store = draftStore(storage, acceptNoticeDraft);
    const kept = { savedAt: "2026-06-01T09:00:00.000Z", data: filledRed() };
    const mine = [draftKey("u1", "notice-wizard"), draftKey("u1", "notice-wizard", "n-1")];
    const theirs = draftKey("u10", "notice-wizard");
    for (const key of [...mine, theirs]) store.write(key, kept);
    storage.map.set("unrelated", "1");
    expect(forgetDraftsOf(storage, "u1")).toBe(2);
    expect(mine.map((k) => store.read(k))).toEqual([null, null]);
    expect(store.read(theirs)?.data).toEqual(kept.data);
    expect(storage.map.get("unrelated")).toBe("1");
    expect(forgetDraftsOf(null, "u1")).toBe(0);
  });

  it("drops what is not a draft of this form, and survives a full or missing storage", () => {
    const storage = memoryStorage();
    const store = draftStore(storage, acceptNoticeDraft);
    const key = draftKey("u1", "notice-wizard");
    storage.map.set(key, "{not json");
    expect(store.read(key)).toBeNull();
    storage.map.set(key, JSON.stringify({ savedAt: "x", data: "a string" }));
    expect(store.read(key)).toBeNull();
    expect(storage.map.has(key)).toBe(false);
    storage.full = true;
    expect(store.write(key, { savedAt: "x", data: filledRed() })).toBe(false);
    const none = draftStore(null, acceptNoticeDraft);
    expect([none.read(key), none.write(key, { savedAt: "x", data: filledRed() })]).toEqual([null, false]);
  });

  it("reads an older or damaged draft field by field, keeping defaults and the wizard's choices", () => {
    const d = filledRed();
    const stored = JSON.parse(JSON.stringify(d));
    stored.type = "purple-ish";
    stored.subjectKind = "alien";
    stored.person.familyName = 42;
    stored.person.extra = "dropped";
    stored.offences = [{ description: "Theft", life: "yes" }, "junk"];
    delete stored.envelope;
    const back = acceptNoticeDraft(stored);
    expect(back?.type).toBe("");
    expect(back?.subjectKind).toBe("person");
    expect(back?.person.familyName).toBe("");
    expect(back?.person.forenames).toBe("Jean");
    expect(back?.person).not.toHaveProperty("extra");
    expect(back?.offences).toEqual([{ ...emptyOffence(), description: "Theft" }, emptyOffence()]);
    expect(back?.envelope).toEqual(emptyDraft("fr").envelope);
    expect(back?.language).toBe("fr");
    expect(acceptNoticeDraft(d)).toEqual(d);
    expect(acceptNoticeDraft(null)).toBeNull();
    expect(acceptNoticeDraft([d])).toBeNull();
  });

  it("an untouched form, in any language, holds nothing worth keeping", () => {
    expect(hasContent(emptyDraft("ar"))).toBe(false);
    expect(hasContent({ ...emptyDraft("en"), type: "blue" })).toBe(true);
    expect(hasContent(filledRed())).toBe(true);
  });
});
