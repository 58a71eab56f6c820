import { describe, expect, it } from "vitest";
import { type ComplianceContext, checkCompliance, type Finding, riskScore } from "./compliance.ts";
import { findTerms } from "./keywords.ts";
import { type NoticeRequest, type NoticeRequestInput, noticeRequest } from "./notice-request.ts";

const text = (t: string, language: "en" | "fr" | "es" | "ar" = "en") => ({ language, text: t });
const ctx: ComplianceContext = { requester: "FR", now: new Date("2026-03-01T00:00:00Z") };

type RedInput = Extract<NoticeRequestInput, { type: "red" }>;
const murder = {
  description: "Murder of a shopkeeper",
  category: "homicide",
  legalProvision: "Art. 221-1 CP",
  maxPenaltyMonths: 360,
} as const;

const red = (patch: Partial<RedInput> = {}, subject: Record<string, unknown> = {}): NoticeRequest =>
  noticeRequest.parse({
    type: "red",
    title: text("Wanted for murder"),
    summary: text("The subject shot a shopkeeper during a robbery in Lyon on 3 May 2024."),
    charges: text("Murder"),
    purpose: "prosecution",
    offences: [murder],
    arrestWarrant: {
      issuingAuthority: "Investigating judge, Lyon",
      issuedOn: "2024-05-10",
      reference: "2024/123",
    },
    ...patch,
    subject: {
      kind: "person",
      familyName: "DUPONT",
      forenames: "Jean",
      sex: "M",
      dateOfBirth: { precision: "date", date: "1985-04-12" },
      nationalities: ["FR"],
      facePhotos: ["photo-1"],
      ...subject,
    },
  });

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const find = (fs: Finding[], code: string) => fs.find((f) => f.code === code);

describe("checkCompliance: Red Notice minimum criteria", () => {
  it("finds nothing on a complete, ordinary request", () => {
    expect(checkCompliance(red(), ctx)).toEqual([]);
  });

  it("blocks a missing identity field with its path", () => {
    const fs = checkCompliance(red({}, { familyName: undefined, dateOfBirth: undefined }), ctx);
    expect(fs.filter((f) => f.code === "missing_field").map((f) => f.field)).toEqual([
      "subject.dateOfBirth",
      "subject.familyName",
    ]);
    expect(fs.every((f) => f.severity === "block")).toBe(true);
  });

  it("accepts a year of birth but not an unknown sex", () => {
    expect(checkCompliance(red({}, { dateOfBirth: { precision: "year", year: 1985 } }), ctx)).toEqual([]);
    expect(codes(checkCompliance(red({}, { sex: "U" }), ctx))).toEqual(["sex_unknown"]);
  });

  it("needs at least one identifier beyond the name", () => {
    const bare = red({}, { facePhotos: [] });
    expect(find(checkCompliance(bare, ctx), "insufficient_identifiers")?.severity).toBe("block");
    for (const extra of [
      { fingerprints: ["fp-1"] },
      { physicalDescription: { heightCm: 180 } },
      { dnaProfile: "dna-1" },
      { identityDocuments: [{ type: "passport", number: "12AB34567", issuingCountry: "FR" }] },
    ]) {
      expect(
        codes(checkCompliance(red({}, { facePhotos: [], ...extra }), ctx)),
        JSON.stringify(extra),
      ).toEqual([]);
    }
    expect(codes(checkCompliance(red({}, { facePhotos: [], physicalDescription: {} }), ctx))).toContain(
      "insufficient_identifiers",
    );
  });

  it("needs an arrest warrant or judicial decision, dated in the past", () => {
    expect(find(checkCompliance(red({ arrestWarrant: undefined }), ctx), "missing_field")?.field).toBe(
      "arrestWarrant",
    );
    const future = red({
      arrestWarrant: {
        issuingAuthority: "Court",
        issuedOn: "2026-04-01",
        reference: "x",
        kind: "judicial_decision",
      },
    });
    expect(find(checkCompliance(future, ctx), "warrant_date_in_future")?.message).toMatch(
      /judicial decision is dated 2026-04-01/,
    );
  });

  it("applies the two-year threshold for prosecution", () => {
    const minor = {
      ...murder,
      description: "Theft",
      category: "robbery_theft" as const,
      maxPenaltyMonths: 12,
    };
    expect(find(checkCompliance(red({ offences: [minor] }), ctx), "penalty_below_threshold")?.severity).toBe(
      "block",
    );
    expect(codes(checkCompliance(red({ offences: [{ ...minor, maxPenaltyMonths: 24 }] }), ctx))).toEqual([]);
    expect(codes(checkCompliance(red({ offences: [{ ...minor, maxPenaltyMonths: null }] }), ctx))).toEqual(
      [],
    );
    // A lesser offence may ride with a qualifying one: information only.
    const both = checkCompliance(red({ offences: [murder, minor] }), ctx);
    expect(both).toEqual([
      expect.objectContaining({
        code: "offence_below_threshold",
        severity: "info",
        field: "offences.1.maxPenaltyMonths",
      }),
    ]);
  });

  it("applies the six-month threshold for a sentence", () => {
    const served = (imposedMonths: number, remainingMonths?: number) =>
      red({ purpose: "sentence", offences: [{ ...murder, sentence: { imposedMonths, remainingMonths } }] });
    expect(codes(checkCompliance(red({ purpose: "sentence" }), ctx))).toEqual(["sentence_missing"]);
    expect(codes(checkCompliance(served(4), ctx))).toEqual(["sentence_below_threshold"]);
    expect(codes(checkCompliance(served(4, 4), ctx))).toEqual(["sentence_below_threshold"]);
    expect(codes(checkCompliance(served(6), ctx))).toEqual([]);
    expect(codes(checkCompliance(served(120, 60), ctx))).toEqual([]);
    expect(find(checkCompliance(served(120, 2), ctx), "remaining_sentence_short")?.severity).toBe("risk");
  });

  it("requires the generic fields of other types too", () => {
    const yellow = noticeRequest.parse({
      type: "yellow",
      title: text("Missing child"),
      summary: text("s"),
      subject: { kind: "person", sex: "F" },
      missing: {},
    });
    expect(checkCompliance(yellow, ctx).map((f) => f.field)).toEqual([
      "missing.circumstances",
      "missing.since",
    ]);
    const silver = noticeRequest.parse({
      type: "silver",
      title: text("t"),
      summary: text("s"),
      subject: { kind: "entity", name: "ACME Ltd" },
    });
    expect(checkCompliance(silver, ctx).map((f) => f.field)).toEqual(["assets", "offences"]);
  });
});

describe("checkCompliance: ordinary-law crime only", () => {
  it("blocks excluded categories on a Red Notice and flags them elsewhere", () => {
    const adultery = { ...murder, description: "Adultery", category: "behavioural_or_cultural" as const };
    const fs = checkCompliance(red({ offences: [adultery] }), ctx);
    expect(find(fs, "excluded_offence")).toMatchObject({ severity: "block", field: "offences.0.category" });
    expect(find(fs, "excluded_offence")?.message).toMatch(/behavioural or cultural norms/);
    const blue = noticeRequest.parse({
      type: "blue",
      title: text("t"),
      summary: text("s"),
      subject: { kind: "person", sex: "M" },
      offences: [adultery],
    });
    expect(find(checkCompliance(blue, ctx), "excluded_offence")?.severity).toBe("risk");
  });

  it.each([
    ["family_or_private", "Failure to pay alimony after the divorce", ["alimony", "divorce"]],
    [
      "private_dispute",
      "Issued a bounced cheque to settle a commercial dispute",
      ["bounced cheque", "commercial dispute"],
    ],
    ["administrative", "Visa overstay", ["visa overstay", "overstay"]],
  ])("flags %s wording with the matched terms", (group, description, terms) => {
    const fs = checkCompliance(red({ offences: [{ ...murder, description }] }), ctx);
    const f = find(fs, `excluded_wording_${group}`);
    expect(f).toMatchObject({ severity: "risk", field: "offences.0.description" });
    for (const t of terms) expect(f?.message).toContain(`"${t}"`);
  });

  it("reads French, Spanish and Arabic wording, accents and case aside", () => {
    expect(findTerms("Émission d'un CHÈQUE sans provision", "private_dispute")).toEqual([
      "cheque sans provision",
    ]);
    expect(findTerms("Delito de desacato al Presidente", "political")).toEqual(["desacato"]);
    expect(findTerms("جريمة الردة", "religious")).toEqual(["ردة"]);
    expect(findTerms("إصدار شيك بدون رصيد", "private_dispute")).toEqual(["شيك بدون رصيد"]);
    expect(findTerms("قضية حضانة الأطفال", "family_or_private")).toEqual(["حضانة"]);
  });
});

describe("checkCompliance: neutrality (Article 3)", () => {
  it("blocks an offence of political, military, religious or racial character", () => {
    for (const category of ["political", "military", "religious", "racial"] as const) {
      const fs = checkCompliance(red({ offences: [{ ...murder, category }] }), ctx);
      expect(find(fs, "article3_offence")?.message, category).toContain(category);
    }
  });

  it("flags wording in every text, translations included, quoting the term", () => {
    const fs = checkCompliance(
      red({
        title: text("Wanted"),
        charges: { language: "es", text: "Sedición", translations: { fr: "Désertion en temps de paix" } },
        summary: text("Organised an opposition demonstration; accused of blasphemy."),
      }),
      ctx,
    );
    expect(find(fs, "article3_political")?.field).toBe("charges.text");
    expect(fs.filter((f) => f.code === "article3_political").map((f) => f.field)).toEqual([
      "charges.text",
      "summary.text",
    ]);
    expect(find(fs, "article3_military")).toMatchObject({
      field: "charges.translations.fr",
      severity: "risk",
    });
    expect(find(fs, "article3_military")?.message).toContain('"desertion"');
    expect(find(fs, "article3_religious")?.message).toContain('"blasphem"');
  });

  it("matches whole words unless the term is a prefix", () => {
    expect(findTerms("Politically motivated", "political")).toEqual(["politic"]);
    expect(findTerms("Race-fixing at the racecourse", "racial")).toEqual([]);
    expect(findTerms("He was a deserter", "military")).toEqual(["deserter"]);
    expect(findTerms("desertions", "military")).toEqual([]);
  });

  it("does not scan a UN Special Notice, whose wording is the Security Council's", () => {
    const un = noticeRequest.parse({
      type: "un_special",
      title: text("Religious and political leader of Al-Qaida"),
      summary: text("Listed under resolution 1267"),
      subject: { kind: "person", sex: "M" },
      unReference: "QDi.006",
      sanctions: ["asset_freeze", "travel_ban", "arms_embargo"],
    });
    expect(checkCompliance(un, { requester: "XU" })).toEqual([]);
    expect(codes(checkCompliance(un, { requester: "FR" }))).toEqual(["un_special_requester"]);
  });
});

describe("checkCompliance: requester, protection and duplicates", () => {
  it("blocks a requester that is not a member or international entity", () => {
    expect(codes(checkCompliance(red(), { requester: "KP" }))).toEqual(["requester_not_member"]);
    expect(checkCompliance(red(), { requester: "XI" })).toEqual([]);
  });

  it("blocks a request against a refugee from the country they fled", () => {
    const fs = checkCompliance(red({}, { nationalities: ["FR"] }), {
      ...ctx,
      protection: [{ grantedBy: "DE", kind: "refugee" }],
    });
    expect(fs).toEqual([
      expect.objectContaining({ code: "refugee_protection_against_requester", severity: "block" }),
    ]);
    expect(fs[0]?.message).toMatch(/refugee granted by DE/);
  });

  it("flags other protection for review and notes protection by the requester", () => {
    const other = checkCompliance(red({}, { nationalities: ["IT"] }), {
      ...ctx,
      protection: [{ grantedBy: "DE", kind: "asylum" }],
    });
    expect(other).toEqual([expect.objectContaining({ code: "refugee_protection", severity: "risk" })]);
    const none = checkCompliance(red({}, { nationalities: [] }), {
      ...ctx,
      protection: [{ grantedBy: "DE", kind: "subsidiary_protection" }],
    });
    expect(none[0]?.message).toMatch(/no nationality recorded/);
    const own = checkCompliance(red(), { ...ctx, protection: [{ grantedBy: "FR", kind: "refugee" }] });
    expect(own).toEqual([expect.objectContaining({ code: "protection_status", severity: "info" })]);
  });

  it("reports duplicate candidates by score", () => {
    const fs = checkCompliance(red(), {
      ...ctx,
      possibleDuplicates: [
        { id: "n-1", noticeId: "N-1", type: "red", owner: "FR", status: "published", score: 0.97 },
        { id: "n-2", noticeId: "N-2", type: "blue", owner: "BE", status: "published", score: 0.71 },
      ],
    });
    expect(fs.map((f) => [f.code, f.severity])).toEqual([
      ["possible_duplicate", "risk"],
      ["similar_record", "info"],
    ]);
    expect(fs[0]?.message).toContain("N-1");
  });
});

describe("ordering and riskScore", () => {
  it("sorts blocks before risks before infos", () => {
    const fs = checkCompliance(
      red(
        { offences: [murder, { ...murder, maxPenaltyMonths: 3, description: "Unpaid rent" }] },
        { sex: "U" },
      ),
      {
        ...ctx,
        protection: [{ grantedBy: "DE", kind: "asylum" }],
        possibleDuplicates: [
          { id: "n", noticeId: "N", type: "red", owner: "FR", status: "published", score: 0.5 },
        ],
      },
    );
    const ranks = fs.map((f) => ["block", "risk", "info"].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(fs.map((f) => f.severity))).toEqual(new Set(["block", "risk", "info"]));
  });

  it("ranks blocks over risks, and weighs protection and neutrality above other risks", () => {
    const f = (code: string, severity: Finding["severity"]): Finding => ({ code, severity, message: "" });
    expect(riskScore([])).toBe(0);
    expect(riskScore([f("missing_field", "block")])).toBeGreaterThan(
      riskScore([f("article3_political", "risk"), f("refugee_protection", "risk")]),
    );
    expect(riskScore([f("refugee_protection", "risk")])).toBeGreaterThan(
      riskScore([f("article3_religious", "risk")]),
    );
    expect(riskScore([f("article3_religious", "risk")])).toBeGreaterThan(
      riskScore([f("possible_duplicate", "risk")]),
    );
    expect(riskScore([f("possible_duplicate", "risk")])).toBeGreaterThan(
      riskScore([f("remaining_sentence_short", "risk")]),
    );
    expect(riskScore([f("similar_record", "info")])).toBe(1);
  });
});
