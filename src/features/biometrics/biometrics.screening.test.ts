import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";
import { face, finger } from "./biometrics.fixtures.ts";

/*
 * Biometrics at the border: a malformed probe is a 422 naming its field and stores nothing; a probe
 * with no candidate at the threshold stores nothing either; a match stores a screening search for
 * the checking country and tells the frontline only to refer. When that country's bureau decides
 * "potential candidate", a hit reaches the person's owner as a name hit does (inbox, webhook) and
 * the checking country sees it too - unless the person is under a discreet check.
 */

const traveller = { name: "Travelling Person", dateOfBirth: "1980-02-03" };

describe.each(backends)("biometric screening on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let frAdmin: Actor;
  let deBorder: Actor;
  let deBureau: Actor;
  let openId: string;
  let discreetId: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    frAdmin = await t.user("fr.admin", "ncb_admin", "FR");
    deBorder = await t.user("de.border", "border_officer", "DE");
    deBureau = await t.user("de.officer", "ncb_officer", "DE");
    await t.services.screening.hits.setWebhook(frAdmin, {
      url: "https://ncb.example.fr/hits",
      secret: "s".repeat(32),
    });
    const make = async (name: string, seed: number, discreetCheck: boolean) => {
      const p = await t.services.records.create(fr, {
        schema: "Person",
        properties: { name: [name] },
        envelope: envelope("all"),
        source: "Booking",
        discreetCheck,
      });
      await t.services.biometrics.enrolFingerprint(fr, p.id, finger(seed).enrolled, { source: "b" });
      await t.services.biometrics.enrolFaceTemplate(fr, p.id, {
        vector: face(seed, 512).vector,
        model: "gate-cam",
        source: "b",
      });
      return p.id;
    };
    openId = await make("Open Person", 31, false);
    discreetId = await make("Discreet Person", 32, true);
  });
  afterAll(() => t?.close());

  type Probe = Parameters<typeof t.services.biometricSearch.screenBiometrics>[1];
  const base64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
  /** The border check itself, with the traveller's biometrics as a border system sends them. */
  const check = (probe: Probe) =>
    t.services.screening.checks.check(deBorder, {
      ...traveller,
      location: "CDG T2",
      ...(probe.fingerprintTemplate && { fingerprintTemplate: base64(probe.fingerprintTemplate) }),
      ...(probe.facePhoto && { facePhoto: base64(probe.facePhoto) }),
      ...(probe.faceTemplate && { faceTemplate: probe.faceTemplate }),
    });
  const screen = async (probe: Probe) => {
    const r = await check(probe);
    return { status: r.biometric?.status, searchId: r.biometric?.searchId ?? null };
  };

  it("refuses a malformed probe with a 422 naming its field, storing nothing", async () => {
    const before = await t.rowCount("biometric_searches");
    await expect(screen({ fingerprintTemplate: Buffer.from("garbage") })).rejects.toMatchObject({
      status: 422,
      details: { errors: [{ path: "fingerprintTemplate" }] },
    });
    await expect(screen({ faceTemplate: { vector: [1, 2, 3], model: "gate-cam" } })).rejects.toMatchObject({
      status: 422,
      details: { errors: [{ path: "faceTemplate.vector" }] },
    });
    await expect(screen({ facePhoto: Buffer.from("not a photo") })).rejects.toMatchObject({
      status: 422,
      details: { errors: [{ path: "facePhoto" }] },
    });
    expect(await t.rowCount("biometric_searches")).toBe(before);
  });

  it("refuses biometrics that are not base64 with a 400 naming the field, storing nothing", async () => {
    const before = await t.rowCount("biometric_searches");
    await expect(
      t.services.screening.checks.check(deBorder, { ...traveller, facePhoto: "%%% not base64 %%%" }),
    ).rejects.toMatchObject({ status: 400, details: { errors: [{ path: "facePhoto" }] } });
    expect(await t.rowCount("biometric_searches")).toBe(before);
  });

  it("tells the frontline only to refer: never who, nor how close, and it cannot open the search", async () => {
    const r = await check({ fingerprintTemplate: finger(31).probe });
    expect(r.biometric).toMatchObject({
      status: "refer",
      message: expect.stringMatching(/refer to the bureau/),
    });
    const text = JSON.stringify(r);
    for (const secret of [openId, "Open Person", "biometric:fingerprint"]) expect(text).not.toContain(secret);
    await expect(
      t.services.biometricSearch.get(deBorder, r.biometric?.searchId as string),
    ).rejects.toMatchObject({
      status: expect.any(Number),
    });
  });

  it("stores nothing when no candidate reaches the threshold", async () => {
    const before = await t.rowCount("biometric_searches");
    expect(await screen({ fingerprintTemplate: finger(99).probe })).toEqual({
      status: "none",
      searchId: null,
    });
    expect(await screen({ faceTemplate: { vector: face(99, 512).vector, model: "gate-cam" } })).toEqual({
      status: "none",
      searchId: null,
    });
    expect(await t.rowCount("biometric_searches")).toBe(before);
  });

  it("refers a match; the bureau's potential candidate reaches the owner as a hit, once", async () => {
    const r = await screen({ fingerprintTemplate: finger(31).probe });
    expect(r.status).toBe("refer");
    const s = await t.services.biometricSearch.get(deBureau, r.searchId as string);
    expect(s).toMatchObject({
      purpose: "screening",
      reason: "border screening",
      location: "CDG T2",
      traveller,
      country: "DE",
    });
    const chosen = s.candidates.find((c) => c.recordId === openId);
    expect(chosen?.aboveThreshold).toBe(true);
    const hitsBefore = await t.rowCount("screening_hits");
    await t.services.biometricSearch.decide(deBureau, s.id, {
      decision: "potential_candidate",
      candidateId: chosen?.id as string,
    });
    const inbox = await t.services.screening.hits.list(fr, { role: "owner", limit: 50 });
    const hit = inbox.items.find((h) => h.subjectId === openId);
    expect(hit).toMatchObject({
      subjectKind: "person",
      category: "biometric:fingerprint",
      owner: "FR",
      checkedByCountry: "DE",
      location: "CDG T2",
      state: "pending",
    });
    expect(inbox.pending).toBeGreaterThanOrEqual(1);
    const deliveries = await t.deps.db
      .selectFrom("screening_deliveries")
      .selectAll()
      .where("hit_id", "=", hit?.id as string)
      .execute();
    expect(deliveries).toHaveLength(1);
    expect(
      (await t.services.screening.hits.list(deBureau, { role: "checker", limit: 50 })).items.map((h) => h.id),
    ).toContain(hit?.id);
    // Deciding the same candidate again keeps the one hit.
    await t.services.biometricSearch.decide(deBureau, s.id, { decision: "inconclusive" });
    await t.services.biometricSearch.decide(deBureau, s.id, {
      decision: "potential_candidate",
      candidateId: chosen?.id as string,
    });
    expect(await t.rowCount("screening_hits")).toBe(hitsBefore + 1);
  });

  it("keeps a discreet person's hit from the checking country", async () => {
    const r = await screen({ faceTemplate: { vector: face(32, 512).near, model: "gate-cam" } });
    expect(r.status).toBe("refer");
    const s = await t.services.biometricSearch.get(deBureau, r.searchId as string);
    const chosen = s.candidates.find((c) => c.recordId === discreetId);
    await t.services.biometricSearch.decide(deBureau, s.id, {
      decision: "potential_candidate",
      candidateId: chosen?.id as string,
    });
    const owner = await t.services.screening.hits.list(fr, { role: "owner", limit: 50 });
    expect(owner.items.find((h) => h.subjectId === discreetId)).toMatchObject({
      category: "biometric:face",
      discreet: true,
    });
    const checker = await t.services.screening.hits.list(deBureau, { limit: 50 });
    expect(checker.items.map((h) => h.subjectId)).not.toContain(discreetId);
  });
});
