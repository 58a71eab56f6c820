import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { sharedData } from "../../../test/shared-data.ts";
import type { Actor } from "../../shared/actor.ts";
import { face } from "../biometrics/biometrics.fixtures.ts";
import { envelope } from "../notices/notices.fixtures.ts";

/*
 * Face templates on persons: from a capture system's vector (the configured length, 512 by default)
 * or from a photo with exactly one face, kept as a record photo that the template names. Every bad
 * input is refused with a clear 4xx and stores nothing: no template, no photo, no audit row.
 */

const faces = sharedData("faces");
const photo = (...parts: string[]) => readFileSync(path.join(faces.path, ...parts));

describe.each(backends)("face enrolment on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let personId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    us = await t.user("us.officer", "ncb_officer", "US");
    const person = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Faced Person"] },
      envelope: envelope("all"),
      source: "Booking 2026/2",
    });
    personId = person.id;
    ({ headers } = await t.login("fr.officer"));
  });
  afterAll(() => t?.close());

  /** Runs `attempt` and checks that it stored nothing anywhere. */
  async function storesNothing(attempt: () => Promise<unknown>) {
    const before = await Promise.all(
      (["biometric_templates", "record_photos", "audit_log"] as const).map((x) => t.rowCount(x)),
    );
    await attempt();
    const after = await Promise.all(
      (["biometric_templates", "record_photos", "audit_log"] as const).map((x) => t.rowCount(x)),
    );
    expect(after).toEqual(before);
  }

  it("enrols a capture system's 512-value template once, under its model", async () => {
    const { vector } = face(11, 512);
    const body = { vector, model: "capture-x", source: "Live capture" };
    const first = await t.services.biometrics.enrolFaceTemplate(fr, personId, body);
    expect(first.created).toBe(true);
    const made = first.templates.find((x) => x.modality === "face");
    expect(made).toMatchObject({ format: "face:capture-x", dimension: 512, photoId: null, minutiae: null });
    expect((await t.services.biometrics.enrolFaceTemplate(fr, personId, body)).created).toBe(false);
  });

  it("refuses a template of the wrong length, truncated, all zeros or with a bad model: 422", async () => {
    const { vector } = face(12, 512);
    const bad = [
      { vector: vector.slice(0, 128), model: "capture-x", path: "vector" },
      { vector: vector.slice(0, 511), model: "capture-x", path: "vector" },
      { vector: vector.map(() => 0), model: "capture-x", path: "vector" },
      { vector, model: "no spaces allowed", path: "model" },
    ];
    for (const b of bad)
      await storesNothing(() =>
        expect(
          t.services.biometrics.enrolFaceTemplate(fr, personId, {
            vector: b.vector,
            model: b.model,
            source: "x",
          }),
        ).rejects.toMatchObject({ code: "unprocessable", details: { errors: [{ path: b.path }] } }),
      );
  });

  it("refuses a NaN value as not a number, naming the value: 400, nothing stored", async () => {
    const { vector } = face(14, 512);
    const nan = vector.map((v, i) => (i === 9 ? Number.NaN : v));
    await storesNothing(() =>
      expect(
        t.services.biometrics.enrolFaceTemplate(fr, personId, {
          vector: nan,
          model: "capture-x",
          source: "x",
        }),
      ).rejects.toMatchObject({ code: "validation_failed", details: { errors: [{ path: "vector.9" }] } }),
    );
  });

  it("answers a bad template over HTTP with 4xx, and another country's enrolment with 403", async () => {
    const url = `/api/v1/records/${personId}/face-templates`;
    const { vector } = face(13, 512);
    await storesNothing(async () => {
      const short = await t.app.inject({
        method: "POST",
        url,
        headers,
        payload: { vector: [1, 2], model: "m", source: "s" },
      });
      expect(short.statusCode).toBe(422);
      expect(short.json().detail ?? short.body).toMatch(/512/);
      // JSON has no NaN; an overflowing number parses as Infinity and is refused by the schema.
      const huge = await t.app.inject({
        method: "POST",
        url,
        headers: { ...headers, "content-type": "application/json" },
        payload: `{"vector":[1e999${",0.5".repeat(511)}],"model":"m","source":"s"}`,
      });
      expect(huge.statusCode).toBe(400);
      await expect(
        t.services.biometrics.enrolFaceTemplate(us, personId, { vector, model: "m", source: "s" }),
      ).rejects.toMatchObject({ code: "forbidden" });
    });
  });

  it("refuses an undecodable photo, one without a face, and a pixel bomb: 422, nothing stored", async () => {
    const grey = await sharp({ create: { width: 320, height: 320, channels: 3, background: "#808080" } })
      .jpeg()
      .toBuffer();
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#404040" } })
      .png()
      .toBuffer();
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(60_000, 16);
    bomb.writeUInt32BE(60_000, 20);
    for (const [bytes, says] of [
      [Buffer.from("not an image at all"), /decoded/],
      [grey, /no face/],
      [bomb, /over the limit/],
    ] as const)
      await storesNothing(() =>
        expect(
          t.services.biometrics.enrolFacePhoto(fr, personId, bytes, { source: "x" }),
        ).rejects.toMatchObject({
          code: "unprocessable",
          message: expect.stringMatching(says),
        }),
      );
  });

  it("answers a photo over 10 MiB with 413 before reading it", async () => {
    await storesNothing(async () => {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/records/${personId}/faces?source=Booking`,
        headers: { ...headers, "content-type": "image/jpeg" },
        payload: Buffer.alloc(10 * 1024 * 1024 + 1),
      });
      expect(res.statusCode).toBe(413);
    });
  });

  describe.skipIf(!faces.available)(`with the shared face photos ${faces.note}`, () => {
    it("refuses a photo with two faces", async () => {
      await storesNothing(() =>
        expect(
          t.services.biometrics.enrolFacePhoto(fr, personId, photo("two-faces", "001-004.jpg"), {
            source: "x",
          }),
        ).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/2 faces/) }),
      );
    });

    it("enrols one face over HTTP: the photo is a record photo and the template names it", async () => {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/records/${personId}/faces?source=Booking%202026%2F2`,
        headers: { ...headers, "content-type": "image/jpeg" },
        payload: photo("london", "001_neutral.jpg"),
      });
      expect(res.statusCode).toBe(200);
      const made = res.json().templates.find((x: { format: string }) => x.format === "face:face-api");
      expect(made).toMatchObject({ modality: "face", dimension: 128 });
      const photos = await t.services.records.listPhotos(us, personId);
      expect(photos.map((p) => p.id)).toContain(made.photoId);
    });
  });
});
