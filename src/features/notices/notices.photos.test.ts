import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { sharedData } from "../../../test/shared-data.ts";
import type { Actor } from "../../shared/actor.ts";
import { MAX_PHOTO_BYTES } from "../biometrics/biometrics.probe.ts";
import { envelope, redRequest } from "./notices.fixtures.ts";
import { drawnFace, largeFace, noFace, phoneFace, twoFaces } from "./notices.photos.fixtures.ts";

/*
 * Face photos of a notice's subject: what is kept (re-encoded, no metadata, upright, bounded), what
 * is refused (not an image, too large, no face or several: a clear 4xx and nothing stored), who sees
 * them (exactly whoever reads the notice; a country outside the distribution gets nothing) and what
 * the public sees (only photos the owner consented to show, of published public extracts).
 */

const faces = sharedData("faces");
type Headers = Record<string, string>;

describe.each(backends)("notice photos on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let gs: Actor;
  const as: Record<"fr" | "us" | "de", Headers> = { fr: {}, us: {}, de: {} };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.photos", "ncb_officer", "FR");
    await t.user("us.photos", "ncb_officer", "US");
    await t.user("de.photos", "ncb_officer", "DE");
    gs = await t.user("gs.photos", "gs_reviewer", "XG");
    as.fr = (await t.login("fr.photos")).headers;
    as.us = (await t.login("us.photos")).headers;
    as.de = (await t.login("de.photos")).headers;
  });
  afterAll(() => t?.close());

  const draft = async (name: string, opts: { only?: string[]; publicExtract?: boolean } = {}) =>
    t.services.notices.create(fr, {
      request: redRequest(name, "Paul"),
      envelope: opts.only ? envelope("only", opts.only) : envelope(),
      publicExtract: opts.publicExtract ?? false,
    });
  const publish = async (id: string) => {
    await t.services.notices.transition(fr, id, "submit");
    await t.services.notices.transition(gs, id, "start_review");
    return t.services.notices.transition(gs, id, "publish");
  };
  const upload = (id: string, bytes: Buffer, who: Headers, query = "", type = "image/jpeg") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/notices/${id}/photos${query}`,
      headers: { ...who, "content-type": type },
      payload: bytes,
    });
  const get = (url: string, who: Headers = {}) => t.app.inject({ method: "GET", url, headers: who });
  const counts = () => Promise.all([t.rowCount("notice_photos"), t.rowCount("audit_log")]);

  /** Runs `attempt` and checks that it stored nothing: no photo, no audit row. */
  async function storesNothing(attempt: () => Promise<unknown>) {
    const before = await counts();
    await attempt();
    expect(await counts()).toEqual(before);
  }

  it("keeps a phone photo re-encoded: no EXIF, GPS or ICC, upright, at most 1024 px; audited", async () => {
    const n = await draft("STRIPPED");
    const sent = await phoneFace();
    const original = await sharp(sent).metadata();
    expect(original.exif?.toString("latin1")).toContain("TestCam");
    expect(original.icc).toBeDefined();
    expect(original.orientation).toBe(6);

    const res = await upload(n.id, sent, as.fr);
    expect(res.statusCode).toBe(200);
    const added = res.json() as { created: boolean; photo: { id: number; width: number; height: number } };
    expect(added.created).toBe(true);
    expect(added.photo).toMatchObject({ width: 480, height: 600 });

    const file = await get(`/api/v1/notices/${n.id}/photos/${added.photo.id}`, as.fr);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    const kept = await sharp(file.rawPayload).metadata();
    expect(kept).toMatchObject({ format: "jpeg", width: 480, height: 600 });
    expect(kept.exif).toBeUndefined();
    expect(kept.icc).toBeUndefined();
    expect(kept.xmp).toBeUndefined();
    expect(kept.orientation).toBeUndefined();
    expect(file.rawPayload.includes("TestCam")).toBe(false);

    // The same photo again is kept once; a large one is bounded to 1024 px.
    expect((await upload(n.id, sent, as.fr)).json()).toMatchObject({ created: false });
    const big = (await upload(n.id, await largeFace(2000), as.fr)).json() as {
      photo: { width: number; height: number };
    };
    expect(Math.max(big.photo.width, big.photo.height)).toBe(1024);

    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("record_id", "=", n.id)
      .where("action", "like", "notice.photo.%")
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["notice.photo.add", "notice.photo.read", "notice.photo.add"]);
  });

  it("refuses what is not one face, clearly, and stores nothing", async () => {
    const n = await draft("REFUSED");
    await storesNothing(async () => {
      const text = await upload(n.id, Buffer.from("this is not an image at all"), as.fr);
      expect(text.statusCode).toBe(400);
      expect(text.json()).toMatchObject({
        code: "bad_request",
        errors: [{ path: "photo", code: "invalid_format" }],
      });

      const cut = (await drawnFace()).subarray(0, 2000);
      expect((await upload(n.id, cut, as.fr)).statusCode).toBe(400);

      const huge = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0xff);
      const tooLarge = await upload(n.id, huge, as.fr);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ code: "payload_too_large" });

      const none = await upload(n.id, await noFace(), as.fr, "", "image/png");
      expect(none.statusCode).toBe(422);
      expect(none.json()).toMatchObject({
        code: "unprocessable",
        errors: [{ path: "face", code: "required" }],
      });

      const two = await upload(n.id, await twoFaces(), as.fr);
      expect(two.statusCode).toBe(422);
      expect(two.json()).toMatchObject({ errors: [{ path: "face", code: "too_many", limit: 1 }] });

      expect((await upload(n.id, await drawnFace(), as.fr, "", "text/plain")).statusCode).toBe(415);
      expect((await upload(n.id, Buffer.alloc(0), as.fr)).statusCode).toBe(400);
    });
  });

  it.skipIf(!faces.available)(
    `reads real photos: a face is kept, a scene is refused ${faces.note}`,
    async () => {
      const n = await draft("REALPHOTO");
      const face = readFileSync(path.join(faces.path, "london", "001_neutral.jpg"));
      expect((await upload(n.id, face, as.fr)).statusCode).toBe(200);
      await storesNothing(async () => {
        const scene = readFileSync(path.join(faces.path, "no-face", "pen-and-coaster.png"));
        expect((await upload(n.id, scene, as.fr, "", "image/png")).statusCode).toBe(422);
      });
    },
  );

  it("lets only the owner attach photos, and only to a draft", async () => {
    const n = await draft("OWNERONLY");
    const face = await drawnFace(1);
    await storesNothing(async () => {
      // Another country does not even see a draft.
      expect((await upload(n.id, face, as.us)).statusCode).toBe(404);
      await expect(t.services.notices.addPhoto(gs, n.id, face)).rejects.toMatchObject({ code: "forbidden" });
    });
    await t.services.notices.transition(fr, n.id, "submit");
    await storesNothing(async () => {
      const late = await upload(n.id, face, as.fr);
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: "invalid_transition" });
    });
  });

  it("gives a country outside the distribution nothing: no photo, no list, no PDF", async () => {
    const n = await draft("RESTRICTED", { only: ["US"] });
    const added = (await upload(n.id, await drawnFace(2), as.fr)).json() as { photo: { id: number } };
    const p = await publish(n.id);

    // US is in the distribution: it reads the photos and the file.
    const usList = await get(`/api/v1/notices/${n.id}/photos`, as.us);
    expect(usList.statusCode).toBe(200);
    expect((usList.json() as { items: unknown[] }).items).toHaveLength(1);
    expect((await get(`/api/v1/notices/${n.id}/photos/${added.photo.id}`, as.us)).statusCode).toBe(200);
    expect((await get(`/api/v1/notices/${n.id}/pdf`, as.us)).statusCode).toBe(200);

    // DE is not: every door answers as if there were nothing, and its list does not hold the notice.
    await storesNothing(async () => {
      expect((await get(`/api/v1/notices/${n.id}/photos`, as.de)).statusCode).toBe(404);
      expect((await get(`/api/v1/notices/${n.id}/photos/${added.photo.id}`, as.de)).statusCode).toBe(404);
      expect((await get(`/api/v1/notices/${n.id}/pdf`, as.de)).statusCode).toBe(404);
    });
    const deList = (await get("/api/v1/notices?q=RESTRICTED", as.de)).json() as { items: { id: string }[] };
    expect(deList.items.map((i) => i.id)).not.toContain(n.id);
    // A restricted notice is never public, nor its photo.
    const id = (p.noticeNumber as string).replace("/", "-");
    expect((await get(`/notices/v1/red/${id}/images/${added.photo.id}`)).statusCode).toBe(404);
  });

  it("serves the public only the photos the owner consented to show, of published public notices", async () => {
    const n = await draft("PUBLICFACE", { publicExtract: true });
    const shown = (await upload(n.id, await drawnFace(0), as.fr, "?public=true")).json() as {
      photo: { id: number; public: boolean };
    };
    const kept = (await upload(n.id, await drawnFace(3), as.fr)).json() as { photo: { id: number } };
    expect(shown.photo.public).toBe(true);

    const p = await publish(n.id);
    const id = (p.noticeNumber as string).replace("/", "-");
    const picture = (photoId: number) => get(`/notices/v1/red/${id}/images/${photoId}`);

    const images = (await get(`/notices/v1/red/${id}/images`)).json() as {
      _embedded: { images: { picture_id: string; _links: { self: { href: string } } }[] };
    };
    expect(images._embedded.images.map((i) => i.picture_id)).toEqual([String(shown.photo.id)]);
    const detail = (await get(`/notices/v1/red/${id}`)).json() as {
      _links: { thumbnail?: { href: string } };
    };
    expect(detail._links.thumbnail?.href).toBe(`/notices/v1/red/${id}/images/${shown.photo.id}`);

    const ok = await picture(shown.photo.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toBe("image/jpeg");
    expect((await sharp(ok.rawPayload).metadata()).exif).toBeUndefined();
    expect((await picture(kept.photo.id)).statusCode).toBe(404);
    // The right number under another list, or a yellow list, is not the same public notice.
    expect((await get(`/notices/v1/yellow/${id}/images/${shown.photo.id}`)).statusCode).toBe(404);

    // The owner withdraws consent: the public picture is gone at once.
    const withdraw = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/notices/${n.id}/photos/${shown.photo.id}`,
      headers: as.fr,
      payload: { public: false },
    });
    expect(withdraw.statusCode).toBe(200);
    expect((await picture(shown.photo.id)).statusCode).toBe(404);
    // Consent is given only while the request is a draft.
    await expect(
      t.services.notices.setPhotoConsent(fr, n.id, shown.photo.id, { public: true }),
    ).rejects.toMatchObject({ code: "invalid_transition" });
  });

  it("keeps a draft's public photo off the public site until publication", async () => {
    const n = await draft("NOTYET", { publicExtract: true });
    const added = (await upload(n.id, await drawnFace(1), as.fr, "?public=true")).json() as {
      photo: { id: number };
    };
    const list = (await get("/notices/v1/red?name=NOTYET")).json() as { total: number };
    expect(list.total).toBe(0);
    // A draft has no number: no public address names it, and an id is never a public address.
    expect((await get(`/notices/v1/red/${n.id}/images/${added.photo.id}`)).statusCode).toBe(400);
    await expect(t.services.notices.publicPhoto("red", "2026-99999", added.photo.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("retracts a photo: no longer served, listed as history", async () => {
    const n = await draft("RETRACTED");
    const added = (await upload(n.id, await drawnFace(2), as.fr)).json() as { photo: { id: number } };
    const del = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/notices/${n.id}/photos/${added.photo.id}`,
      headers: as.fr,
    });
    expect(del.statusCode).toBe(204);
    expect((await get(`/api/v1/notices/${n.id}/photos/${added.photo.id}`, as.fr)).statusCode).toBe(404);
    const list = (await get(`/api/v1/notices/${n.id}/photos`, as.fr)).json() as {
      items: { id: number; retractedAt: string | null }[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({ id: added.photo.id, retractedAt: expect.any(String) }),
    ]);
  });
});
