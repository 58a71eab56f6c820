import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { shippedReference } from "../../../test/shared-data.ts";
import { md5Hex, sha256Hex } from "../../search/pdq/index.ts";
import { systemActor } from "../../shared/actor.ts";
import { backup, restore } from "../backup/backup.service.ts";

const bridge = readFileSync(shippedReference("pdq", "dih", "bridge-1-original.jpg"));
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

/** A 900x600 JPEG with EXIF (camera make, GPS-like comment) that must not survive into the thumbnail. */
const withExif = () =>
  sharp(bridge)
    .resize(900, 600, { fit: "fill" })
    .withMetadata({ exif: { IFD0: { Make: "SecretCam", ImageDescription: "gps 48.85 2.35" } } })
    .jpeg()
    .toBuffer();

describe.each(backends)("hash entries from images, thumbnails on %s", (kind) => {
  let t: TestContext;
  const headers = new Map<string, Record<string, string>>();
  let platform: Record<string, string>;
  let bankId: string;
  let hiddenBankId: string;
  let image: Buffer;
  let entryIds: number[];

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const admin = systemActor("XG");
    const c = await t.services.clients.create(admin, {
      name: "VideoFR",
      role: "platform_partner",
      country: "FR",
      scopes: ["content:match", "content:referrals"],
    });
    platform = { authorization: `Bearer ${c.token}` };
    for (const [name, role, country] of [
      ["fr.ca", "content_analyst", "FR"],
      ["gs.an", "gs_analyst", "XG"],
      ["us.ca", "content_analyst", "US"],
      ["fr.ncb", "ncb_officer", "FR"],
    ] as const) {
      await t.user(name, role, country);
      headers.set(name, (await t.login(name)).headers);
    }
    const create = async (name: string, extra: object) => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/content/banks",
        headers: headers.get("fr.ca")!,
        payload: { name, envelope, sharedWithAllPlatforms: true, ...extra },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    bankId = await create("images", {});
    hiddenBankId = await create("france only", {
      envelope: { ...envelope, distribution: "only", distributionCountries: ["FR"] },
    });
    image = await withExif();
  });
  afterAll(() => t?.close());

  const upload = (id: string, body: Buffer, who = "fr.ca", type = "image/jpeg", query = "") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${id}/entries/image${query}`,
      headers: { ...(headers.get(who) ?? platform), "content-type": type },
      payload: body,
    });
  const thumb = (id: number, h: Record<string, string>) =>
    t.app.inject({ method: "GET", url: `/api/v1/content/entries/${id}/thumbnail`, headers: h });
  const mediaRows = () => t.deps.db.selectFrom("content_media").selectAll().orderBy("id").execute();

  it("adds pdq, md5 and sha256 entries and keeps only a small, metadata-free thumbnail", async () => {
    const res = await upload(bankId, image, "fr.ca", "image/jpeg", "?labels=propaganda,logo");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.created).toBe(3);
    expect(body.entries.map((e: { signalType: string }) => e.signalType).sort()).toEqual([
      "md5",
      "pdq",
      "sha256",
    ]);
    const byType = Object.fromEntries(
      body.entries.map((e: { signalType: string; value: string }) => [e.signalType, e]),
    );
    expect(byType.md5.value).toBe(md5Hex(image));
    expect(byType.sha256.value).toBe(sha256Hex(image));
    expect(byType.pdq.labels).toEqual(["logo", "propaganda"]);
    entryIds = body.entries.map((e: { id: number }) => e.id);

    const rows = await mediaRows();
    expect(rows).toHaveLength(1);
    const stored = Buffer.from(rows[0]!.thumbnail);
    expect(stored.length).toBeLessThan(image.length / 2);
    expect(stored.includes(image.subarray(0, 2000))).toBe(false);
    expect(stored.includes(Buffer.from("SecretCam"))).toBe(false);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(256);
    expect(meta.exif).toBeUndefined();
    expect(body.thumbnail).toEqual({ mime: "image/webp", width: 256, height: 171 });
  });

  it("is idempotent: the same image again creates nothing and keeps one thumbnail", async () => {
    const res = await upload(bankId, image);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(0);
    expect(await mediaRows()).toHaveLength(1);
    const n = await t.deps.db.selectFrom("hash_entries").select("id").where("bank_id", "=", bankId).execute();
    expect(n).toHaveLength(3);
  });

  it("lists hasThumbnail per entry", async () => {
    await t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${bankId}/entries`,
      headers: headers.get("fr.ca")!,
      payload: { signalType: "md5", value: "0123456789abcdef0123456789abcdef" },
    });
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/content/banks/${bankId}/entries`,
      headers: headers.get("fr.ca")!,
    });
    expect(res.statusCode, res.body).toBe(200);
    const flags = res.json().items.map((e: { id: number; hasThumbnail: boolean }) => [e.id, e.hasThumbnail]);
    expect(flags.filter(([, has]: [number, boolean]) => has).map(([id]: [number]) => id)).toEqual(entryIds);
    expect(flags).toHaveLength(4);
  });

  it("serves the thumbnail to analysts who may see the bank, with no-store and nosniff, audited", async () => {
    for (const who of ["fr.ca", "gs.an", "us.ca"]) {
      const res = await thumb(entryIds[0]!, headers.get(who)!);
      expect(res.statusCode, `${who} ${res.body}`).toBe(200);
      expect(res.headers["content-type"]).toBe("image/webp");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect((await sharp(res.rawPayload).metadata()).format).toBe("webp");
    }
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "record_id"])
      .where("action", "=", "content.thumbnail.read")
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.record_id === String(entryIds[0]))).toBe(true);
  });

  it("never gives the image to platforms, NCB officers, or countries outside the bank's distribution", async () => {
    const hidden = await upload(hiddenBankId, await sharp(image).flop().jpeg().toBuffer());
    expect(hidden.statusCode, hidden.body).toBe(200);
    const hiddenEntry = hidden.json().entries[0].id as number;
    const before = await t.deps.db.selectFrom("audit_log").select("seq").execute();
    for (const [h, status] of [
      [platform, 403],
      [headers.get("fr.ncb")!, 403],
    ] as const) {
      const res = await thumb(entryIds[0]!, h);
      expect(res.statusCode).toBe(status);
      expect(res.headers["content-type"]).toContain("json");
    }
    const outside = await thumb(hiddenEntry, headers.get("us.ca")!);
    expect(outside.statusCode).toBe(404);
    expect(outside.headers["content-type"]).toContain("json");
    expect((await thumb(hiddenEntry, headers.get("fr.ca")!)).statusCode).toBe(200);
    // A platform may not add from images either.
    expect((await upload(bankId, image, "platform")).statusCode).toBe(403);
    const reads = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "content.thumbnail.read")
      .where("seq", ">", Math.max(...before.map((b) => Number(b.seq))))
      .execute();
    expect(reads).toHaveLength(1);
  });

  it("refuses bad, truncated and non-image bodies with 4xx and stores nothing", async () => {
    const entries = async () => (await t.deps.db.selectFrom("hash_entries").select("id").execute()).length;
    const [e0, m0] = [await entries(), (await mediaRows()).length];
    const bad: [Buffer, string, number][] = [
      [Buffer.from("not an image at all"), "image/jpeg", 422],
      [bridge.subarray(0, 600), "image/jpeg", 422],
      [Buffer.alloc(0), "image/png", 400],
      [Buffer.from("{}"), "application/json", 415],
    ];
    for (const [body, type, status] of bad) {
      const res = await upload(bankId, body, "fr.ca", type);
      expect(res.statusCode, `${type} ${res.body}`).toBe(status);
      expect(res.headers["content-type"]).toContain("problem+json");
    }
    expect(await entries()).toBe(e0);
    expect((await mediaRows()).length).toBe(m0);
  });

  it("carries thumbnails through a backup and restore byte for byte", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "fusion-media-")), "b.jsonl.gz");
    await backup(t.deps, file);
    const target = await createTestContext({ kind });
    try {
      await restore(target.deps, file);
      const a = await mediaRows();
      const b = await target.deps.db.selectFrom("content_media").selectAll().orderBy("id").execute();
      expect(b.map((r) => Buffer.from(r.thumbnail).toString("hex"))).toEqual(
        a.map((r) => Buffer.from(r.thumbnail).toString("hex")),
      );
      expect(b.map((r) => r.entry_ids.map(Number))).toEqual(a.map((r) => r.entry_ids.map(Number)));
    } finally {
      await target.close();
    }
  });
});
