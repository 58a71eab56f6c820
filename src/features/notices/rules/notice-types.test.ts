import { describe, expect, it } from "vitest";
import { noticeRequest } from "./notice-request.ts";
import { diffusionKinds, noticeCatalogue, noticeTypes, validUntil } from "./notice-types.ts";

const text = (t: string) => ({ language: "en" as const, text: t });

describe("notice catalogue", () => {
  it("describes every notice type with a purpose, an action and subject kinds", () => {
    expect(Object.keys(noticeCatalogue).sort()).toEqual([...noticeTypes].sort());
    for (const t of noticeTypes) {
      const spec = noticeCatalogue[t];
      expect(spec.type).toBe(t);
      expect(spec.purpose.length).toBeGreaterThan(10);
      expect(spec.action.length).toBeGreaterThan(10);
      expect(spec.subjectKinds.length).toBeGreaterThan(0);
      expect(spec.requiredFields).toContain("title");
    }
    expect(diffusionKinds).toEqual(["arrest", "locate", "information", "warning"]);
  });

  it("matches the subject kinds the schemas accept", () => {
    for (const option of noticeRequest.options) {
      const type = option.shape.type.value;
      const subject = option.shape.subject;
      const kinds =
        "options" in subject
          ? subject.options.map((o: { shape: { kind: { value: string } } }) => o.shape.kind.value)
          : [subject.shape.kind.value];
      expect([...kinds].sort(), type).toEqual([...noticeCatalogue[type].subjectKinds].sort());
    }
  });

  it("sets validity and public extracts as in practice", () => {
    expect(validUntil("red", new Date("2024-02-29T00:00:00Z"))?.toISOString()).toBe(
      "2029-03-01T00:00:00.000Z",
    );
    expect(validUntil("un_special", new Date())).toBeNull();
    expect(noticeCatalogue.red.publicExtract).toBe("on_owner_consent");
    expect(noticeCatalogue.yellow.publicExtract).toBe("on_owner_consent");
    expect(noticeCatalogue.un_special.publicExtract).toBe("always");
    expect(noticeCatalogue.blue.publicExtract).toBe("never");
  });
});

describe("noticeRequest schema", () => {
  it("accepts a Red Notice request and fills defaults", () => {
    const r = noticeRequest.parse({
      type: "red",
      title: text("Wanted for murder"),
      summary: text("Shot a police officer in 2023."),
      charges: { language: "fr", text: "Assassinat", translations: { en: "Murder", ar: "قتل عمد" } },
      purpose: "prosecution",
      subject: {
        kind: "person",
        familyName: "DOE",
        forenames: "John",
        sex: "M",
        dateOfBirth: { precision: "year", year: 1980 },
      },
      offences: [
        {
          description: "Murder",
          category: "homicide",
          legalProvision: "Art. 221-3 CP",
          maxPenaltyMonths: null,
        },
      ],
      arrestWarrant: {
        issuingAuthority: "Juge d'instruction, Paris",
        issuedOn: "2024-01-10",
        reference: "W-1",
      },
    });
    expect(r.type === "red" && r.subject.nationalities).toEqual([]);
    expect(r.type === "red" && r.arrestWarrant?.kind).toBe("arrest_warrant");
  });

  it("rejects malformed values", () => {
    const bad = (patch: Record<string, unknown>) =>
      noticeRequest.safeParse({
        type: "blue",
        title: text("t"),
        summary: text("s"),
        subject: { kind: "person", sex: "M", ...patch },
      }).success;
    expect(bad({})).toBe(true);
    expect(bad({ nationalities: ["FRA"] })).toBe(false);
    expect(bad({ sex: "X" })).toBe(false);
    expect(bad({ dateOfBirth: { precision: "range", fromYear: 1990, toYear: 1980 } })).toBe(false);
    expect(bad({ dateOfBirth: { precision: "date", date: "1980-02-30" } })).toBe(false);
    expect(noticeRequest.safeParse({ type: "grey", title: text("t"), summary: text("s") }).success).toBe(
      false,
    );
  });

  it("rejects a subject kind the type does not allow", () => {
    const r = noticeRequest.safeParse({
      type: "red",
      title: text("t"),
      summary: text("s"),
      charges: text("c"),
      purpose: "prosecution",
      subject: { kind: "entity", name: "ACME" },
    });
    expect(r.success).toBe(false);
  });

  it("accepts UN Special, Purple and Silver requests", () => {
    for (const req of [
      {
        type: "un_special",
        unReference: "QDi.006",
        sanctions: ["asset_freeze", "travel_ban"],
        subject: { kind: "entity", name: "X" },
      },
      {
        type: "purple",
        subject: { kind: "modus_operandi", description: "Explosives hidden in printer cartridges" },
        modusOperandi: {},
      },
      {
        type: "silver",
        subject: { kind: "person", sex: "F" },
        assets: [{ assetType: "crypto_wallet", description: "BTC wallet", identifier: "bc1q..." }],
      },
    ]) {
      expect(
        noticeRequest.safeParse({ title: text("t"), summary: text("s"), ...req }).success,
        req.type,
      ).toBe(true);
    }
  });
});
