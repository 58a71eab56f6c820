import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { shippedReference } from "../../../test/shared-data.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";

/*
 * Fingerprint templates on persons: the owner enrols any standard's template, whoever sees the
 * person sees the list, another country sees nothing, and a malformed template stores nothing.
 */

const sample = (name: string) =>
  readFileSync(shippedReference("fingerprints", "formats", name, `${name}-sample.dat`));

describe.each(backends)("biometric templates on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let ke: Actor;
  let personId: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    us = await t.user("us.officer", "ncb_officer", "US");
    ke = await t.user("ke.officer", "ncb_officer", "KE");
    const person = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Printed Person"] },
      envelope: envelope("only", ["US"]),
      source: "Booking 2026/1",
    });
    personId = person.id;
  });
  afterAll(() => t?.close());

  it.each(["iso19794p2v2005", "iso19794p2v2011", "ansi378v2004", "ansi378v2009", "ansi378v2009am1"])(
    "enrols a %s template, told apart by its structure, once",
    async (name) => {
      const s = t.services.biometrics;
      const first = await s.enrolFingerprint(fr, personId, sample(name), { source: "Booking 2026/1" });
      expect(first.created).toBe(true);
      const again = await s.enrolFingerprint(fr, personId, sample(name), { source: "Booking 2026/1" });
      expect(again.created).toBe(false);
      const sha = createHash("sha256").update(sample(name)).digest("hex");
      const made = first.templates.find((x) => x.sha256 === sha);
      expect(made?.modality).toBe("fingerprint");
      expect(made?.format.replaceAll("-", "")).toContain(name.slice(0, 3));
      expect(made?.minutiae).toBeGreaterThan(0);
    },
  );

  it("shows the templates to a country inside the distribution, and nothing to one outside", async () => {
    expect((await t.services.biometrics.list(us, personId)).length).toBe(5);
    await expect(t.services.biometrics.list(ke, personId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a truncated or foreign template, or another country's enrolment, storing nothing", async () => {
    const before = await t.rowCount("biometric_templates");
    const audit = await t.rowCount("audit_log");
    const full = sample("iso19794p2v2005");
    for (const bytes of [
      full.subarray(0, full.length - 7),
      Buffer.from("not a template at all"),
      Buffer.alloc(0),
    ])
      await expect(
        t.services.biometrics.enrolFingerprint(fr, personId, bytes, { source: "x" }),
      ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      t.services.biometrics.enrolFingerprint(us, personId, full, { source: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.rowCount("biometric_templates")).toBe(before);
    expect(await t.rowCount("audit_log")).toBe(audit);
  });

  it("retracts a template as history, over HTTP too", async () => {
    const { headers } = await t.login("fr.officer");
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/records/${personId}/biometrics`,
      headers,
    });
    const id = list.json().items[0].id as string;
    const res = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/records/${personId}/biometrics/${id}`,
      headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((x: { id: string }) => x.id === id).retractedAt).not.toBeNull();
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/v1/records/${personId}/fingerprints?source=Booking`,
      headers: { ...headers, "content-type": "application/octet-stream" },
      payload: Buffer.from([1, 2, 3]),
    });
    expect(upload.statusCode).toBe(422);
  });
});
