import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";

const envelope = (distribution: "all" | "only", countries: string[] = []) => ({
  distribution,
  distributionCountries: countries,
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
});

/** A 2000 x 1500 photo with EXIF (camera and GPS-like comment), as a phone would send it. */
const photoWithExif = () =>
  sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: 120, g: 90, b: 60 } } })
    .withExif({ IFD0: { Make: "PhoneCo", ImageDescription: "taken at 48.85N 2.35E" } })
    .jpeg()
    .toBuffer();

describe.each(backends)("face photos of persons on %s", (kind) => {
  let t: TestContext;
  let recordId: string;
  let heads: Record<string, Record<string, string>>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const fr: Actor = await t.user("fr.photo", "ncb_officer", "FR");
    await t.user("us.photo", "ncb_officer", "US");
    await t.user("ke.photo", "ncb_officer", "KE");
    const r = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Photo SUBJECT"] },
      envelope: envelope("only", ["US"]),
      source: "FR case file",
    });
    recordId = r.id;
    heads = {
      FR: (await t.login("fr.photo")).headers,
      US: (await t.login("us.photo")).headers,
      KE: (await t.login("ke.photo")).headers,
    };
  });
  afterAll(() => t?.close());

  const upload = async (who: string, body: Buffer, type = "image/jpeg", id = recordId) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/records/${id}/photos?source=${encodeURIComponent("FR arrest photo 2024")}`,
      headers: { ...heads[who], "content-type": type },
      payload: body,
    });
  const get = (who: string, path: string) =>
    t.app.inject({ method: "GET", url: `/api/v1/records/${recordId}${path}`, headers: heads[who] });

  it("stores a re-encoded JPEG of at most 1024 px with no metadata, once per content", async () => {
    const original = await photoWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload("FR", original);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toBe(true);
    expect(body.photos).toHaveLength(1);
    expect(body.photos[0]).toMatchObject({
      width: 1024,
      height: 768,
      source: "FR arrest photo 2024",
      statedBy: "FR",
    });
    const again = await upload("FR", original);
    expect(again.json().created).toBe(false);
    expect(await t.rowCount("record_photos")).toBe(1);

    const open = await get("US", `/photos/${body.photos[0].id}`);
    expect(open.statusCode).toBe(200);
    expect(open.headers["content-type"]).toBe("image/jpeg");
    const meta = await sharp(open.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 1024, 768, undefined]);
  });

  it("gives a country outside the distribution nothing: no list, no photo, no hint", async () => {
    const [photo] = (await get("FR", "/photos")).json().items;
    const list = await get("KE", "/photos");
    const open = await get("KE", `/photos/${photo.id}`);
    expect([list.statusCode, open.statusCode]).toEqual([404, 404]);
    // The same answer as for a record that does not exist.
    const none = await t.app.inject({
      method: "GET",
      url: "/api/v1/records/00000000-0000-4000-8000-000000000000/photos",
      headers: heads.KE,
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toBe(list.json().detail);
    expect((await upload("KE", await photoWithExif())).statusCode).toBe(404);
  });

  it("refuses what is not a usable photo, and lets only the owner add or retract", async () => {
    const before = await t.rowCount("record_photos");
    expect((await upload("FR", Buffer.from("GIF89a not really an image"))).statusCode).toBe(422);
    const tiny = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#888" } })
      .png()
      .toBuffer();
    const small = await upload("FR", tiny, "image/png");
    expect(small.statusCode).toBe(422);
    expect(small.json().detail).toContain("at least 32 pixels");
    expect((await upload("US", await photoWithExif())).statusCode).toBe(403);
    expect(await t.rowCount("record_photos")).toBe(before);

    const [photo] = (await get("FR", "/photos")).json().items;
    const byUs = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/records/${recordId}/photos/${photo.id}`,
      headers: heads.US,
    });
    expect(byUs.statusCode).toBe(403);
    const retract = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/records/${recordId}/photos/${photo.id}`,
      headers: heads.FR,
    });
    expect(retract.statusCode).toBe(204);
    expect((await get("US", `/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await get("FR", "/photos")).json().items[0].retractedAt).not.toBeNull();
  });
});
