import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { AUTOMATIC_HIT_SCORE } from "../../search/fingerprints/matcher/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";
import { face, finger } from "./biometrics.fixtures.ts";

/*
 * A bureau's 1:N search and the human decision, per modality: the searched person comes first and
 * above the threshold, the search is stored and audited with its reason, and the decisions form an
 * append-only history whose newest is the search's decision.
 */

const faces = sharedData("faces");
const photo = (...parts: string[]) => readFileSync(path.join(faces.path, ...parts));

describe.each(backends)("biometric search and decision on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let usHeaders: Record<string, string>;
  const persons: Record<string, string> = {};
  const templates: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    us = await t.user("us.officer", "ncb_officer", "US");
    await t.user("us.border", "border_officer", "US");
    for (const [name, seed] of [
      ["Anna Printed", 1],
      ["Boris Printed", 2],
      ["Carla Printed", 3],
    ] as const) {
      const p = await t.services.records.create(fr, {
        schema: "Person",
        properties: { name: [name] },
        envelope: envelope("all"),
        source: "Booking 2026/3",
      });
      persons[name] = p.id;
      const enrolled = await t.services.biometrics.enrolFingerprint(fr, p.id, finger(seed).enrolled, {
        source: "b",
      });
      templates[name] = enrolled.templates[0]?.id as string;
      await t.services.biometrics.enrolFaceTemplate(fr, p.id, {
        vector: face(seed, 512).vector,
        model: "capture-x",
        source: "c",
      });
    }
    ({ headers: usHeaders } = await t.login("us.officer"));
  });
  afterAll(() => t?.close());

  it("finds the person from another impression of the finger, first and above the threshold", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/biometrics/searches/fingerprint?reason=Case%20US-2026-17&limit=5",
      headers: { ...usHeaders, "content-type": "application/octet-stream" },
      payload: finger(2).probe,
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      country: "US",
      searchedBy: "us.officer",
      purpose: "search",
      modality: "fingerprint",
      reason: "Case US-2026-17",
      probe: { format: "iso-19794-2-2005", dimension: null, hasImage: false },
      threshold: AUTOMATIC_HIT_SCORE,
      state: "pending",
      decision: null,
      decisions: [],
    });
    expect(s.candidates[0]).toMatchObject({
      rank: 1,
      recordId: persons["Boris Printed"],
      aboveThreshold: true,
      owner: "FR",
      fingers: [2],
    });
    expect(s.candidates.slice(1).every((c: { aboveThreshold: boolean }) => !c.aboveThreshold)).toBe(true);
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "biometric.search")
      .execute();
    expect(JSON.stringify(audit.at(-1)?.detail)).toContain("Case US-2026-17");
  });

  it("refuses a search without a reason, or by a role that may not search, storing nothing", async () => {
    const before = await t.rowCount("biometric_searches");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/biometrics/searches/fingerprint",
      headers: { ...usHeaders, "content-type": "application/octet-stream" },
      payload: finger(2).probe,
    });
    expect(res.statusCode).toBe(400);
    const border = { ...us, username: "us.border", role: "border_officer" as const };
    await expect(
      t.services.biometricSearch.searchFingerprint(border, finger(2).probe, { reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      t.services.biometricSearch.searchFingerprint(us, Buffer.from("not a template"), { reason: "x" }),
    ).rejects.toMatchObject({ code: "unprocessable", details: { errors: [{ path: "template" }] } });
    expect(await t.rowCount("biometric_searches")).toBe(before);
  });

  it("finds a face by a capture system's template of the same model, and refuses another length", async () => {
    const s = await t.services.biometricSearch.searchFaceTemplate(us, {
      vector: face(3, 512).near,
      model: "capture-x",
      reason: "Case 9",
    });
    expect(s.candidates[0]).toMatchObject({ recordId: persons["Carla Printed"], aboveThreshold: true });
    expect(s.candidates.filter((c) => c.aboveThreshold)).toHaveLength(1);
    expect(s.probe).toMatchObject({ format: "face:capture-x", dimension: 512, hasImage: false });
    const other = await t.services.biometricSearch.searchFaceTemplate(us, {
      vector: face(3, 512).near,
      model: "capture-y",
      reason: "Case 9",
    });
    expect(other.candidates).toEqual([]);
    await expect(
      t.services.biometricSearch.searchFaceTemplate(us, {
        vector: face(3, 128).near,
        model: "capture-x",
        reason: "Case 9",
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("keeps every decision as history, the newest being the search's; candidateId only for a candidate", async () => {
    const s = await t.services.biometricSearch.searchFingerprint(us, finger(1).probe, { reason: "Case 4" });
    const top = s.candidates[0]?.id as string;
    const decide = (actor: Actor, body: Parameters<typeof t.services.biometricSearch.decide>[2]) =>
      t.services.biometricSearch.decide(actor, s.id, body);
    await expect(decide(us, { decision: "potential_candidate" })).rejects.toMatchObject({
      code: "unprocessable",
    });
    await expect(decide(us, { decision: "no_candidate", candidateId: top })).rejects.toMatchObject({
      code: "unprocessable",
    });
    await expect(decide(us, { decision: "potential_candidate", candidateId: s.id })).rejects.toMatchObject({
      code: "unprocessable",
    });
    await expect(decide(fr, { decision: "no_candidate" })).rejects.toMatchObject({ code: "not_found" });
    const gs = await t.user("xg.reviewer", "gs_reviewer", "XG");
    await expect(decide(gs, { decision: "no_candidate" })).rejects.toMatchObject({ code: "forbidden" });
    const first = await decide(us, { decision: "potential_candidate", candidateId: top, note: "Same core" });
    expect(first.state).toBe("decided");
    expect(first.decision).toMatchObject({
      decision: "potential_candidate",
      candidateId: top,
      decidedBy: "us.officer",
    });
    const second = await decide(us, { decision: "inconclusive" });
    expect(second.decisions.map((d) => d.decision)).toEqual(["potential_candidate", "inconclusive"]);
    expect(second.decision?.decision).toBe("inconclusive");
    await expect(
      t.deps.db.updateTable("biometric_decisions").set({ note: "changed" }).execute(),
    ).rejects.toThrow(/append-only/);
    const http = await t.app.inject({
      method: "POST",
      url: `/api/v1/biometrics/searches/${s.id}/decisions`,
      headers: usHeaders,
      payload: { decision: "no_candidate", note: "Ridge flow differs" },
    });
    expect(http.statusCode).toBe(200);
    expect(http.json().decisions).toHaveLength(3);
    const listed = await t.app.inject({
      method: "GET",
      url: "/api/v1/biometrics/searches?state=decided&purpose=search",
      headers: usHeaders,
    });
    expect(listed.statusCode).toBe(200);
    const item = listed.json().items.find((i: { id: string }) => i.id === s.id);
    expect(item).toMatchObject({ state: "decided", decision: { decision: "no_candidate" } });
    expect(item.candidateCount).toBe(s.candidates.length);
    expect((await t.services.biometricSearch.list(fr, { limit: 50 })).items).toEqual([]);
  });

  it("shows the probe's and an enrolled template's minutiae; a fingerprint search has no probe image", async () => {
    const s = await t.services.biometricSearch.searchFingerprint(us, finger(3).probe, { reason: "Case 5" });
    const probe = await getJson(`/api/v1/biometrics/searches/${s.id}/probe-minutiae`);
    expect(probe.format).toBe("iso-19794-2-2005");
    expect(probe.views[0].minutiae.length).toBeGreaterThan(20);
    expect(probe.views[0].minutiae[0].angle).toBeGreaterThanOrEqual(0);
    const enrolled = await getJson(`/api/v1/biometrics/templates/${templates["Carla Printed"]}/minutiae`);
    expect(enrolled.views[0].minutiae).toHaveLength(40);
    const image = await t.app.inject({
      method: "GET",
      url: `/api/v1/biometrics/searches/${s.id}/probe-image`,
      headers: usHeaders,
    });
    expect(image.statusCode).toBe(404);
  });

  async function getJson(url: string) {
    const res = await t.app.inject({ method: "GET", url, headers: usHeaders });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  describe.skipIf(!faces.available)(`a face photo search ${faces.note}`, () => {
    it("finds the person from another photo, and keeps the probe photo as a JPEG", async () => {
      const id = persons["Anna Printed"] as string;
      await t.services.biometrics.enrolFacePhoto(fr, id, photo("london", "001_neutral.jpg"), {
        source: "Booking",
      });
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/biometrics/searches/face?reason=Case%2011",
        headers: { ...usHeaders, "content-type": "image/jpeg" },
        payload: photo("london", "001_smiling.jpg"),
      });
      expect(res.statusCode).toBe(200);
      const s = res.json();
      expect(s.candidates[0]).toMatchObject({ recordId: id, aboveThreshold: true });
      expect(s.candidates[0].photoId).toEqual(expect.any(Number));
      const image = await t.app.inject({
        method: "GET",
        url: `/api/v1/biometrics/searches/${s.id}/probe-image`,
        headers: usHeaders,
      });
      expect(image.statusCode).toBe(200);
      expect((await sharp(image.rawPayload).metadata()).format).toBe("jpeg");
    });
  });
});
