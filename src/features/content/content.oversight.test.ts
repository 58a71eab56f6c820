import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";

/**
 * The Secretariat sees every hash bank, but a bank distributed only to its owner it sees by its
 * oversight right alone: every audited read of such a bank, its entries and its thumbnails carries
 * `oversight: true`; the same read of a bank open to all, or by the owner, carries `false`.
 */
const env = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const md5Of = (key: string) => createHash("md5").update(key).digest("hex");

/** A small gradient PNG (decodable, so its entries keep a thumbnail); `seed` makes each one differ. */
const picture = (seed: number) => {
  const px = Buffer.alloc(64 * 64 * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * seed) % 256;
  return sharp(px, { raw: { width: 64, height: 64, channels: 3 } })
    .png()
    .toBuffer();
};

describe.each(backends)("oversight flag on hash bank reads on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let gs: Actor;
  const banks = new Map<string, { id: string; entry: number; thumbEntry: number }>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.ca", "content_analyst", "FR");
    gs = await t.user("gs.an", "gs_analyst", "XG");
    const restricted = { ...env, distribution: "only" as const, distributionCountries: ["FR"] };
    for (const [name, envelope, seed] of [
      ["restricted", restricted, 7],
      ["open", env, 11],
    ] as const) {
      const bank = await t.services.content.createBank(fr, { name, envelope });
      const entry = await t.services.content.addEntry(fr, bank.id, { signalType: "md5", value: md5Of(name) });
      const image = await t.services.content.addEntriesFromImage(fr, bank.id, await picture(seed), {});
      banks.set(name, { id: bank.id, entry: entry.id, thumbEntry: image.entries[0]?.id as number });
    }
  });
  afterAll(() => t?.close());

  /** Every audited read of one bank by `actor`. */
  const readAll = async (actor: Actor, name: string) => {
    const b = banks.get(name) as { id: string; entry: number; thumbEntry: number };
    const content = t.services.content;
    await content.getBank(actor, b.id);
    await content.listEntries(actor, b.id, { page: 1, pageSize: 10 });
    await content.exportEntries(actor, b.id, { format: "plain" });
    await content.entryThumbnail(actor, b.thumbEntry);
    await content.updateEntry(actor, b.entry, { labels: ["checked"] });
    const hits = await content.matchHash(actor, { signalType: "md5", value: md5Of(name) });
    expect(hits.matches.map((m) => m.bankId)).toEqual([b.id]);
  };

  /** The audit rows `username` left on bank reads, as [action, bank name, oversight flag]. */
  const flags = async (username: string) => {
    const names = new Map<string, string>();
    for (const [name, b] of banks) {
      for (const id of [b.id, String(b.entry), String(b.thumbEntry)]) names.set(id, name);
    }
    const rows = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "record_id", "detail"])
      .where("actor_username", "=", username)
      .where("action", "in", [
        "hashbank.read",
        "hashbank.entries.search",
        "hashbank.export",
        "content.thumbnail.read",
        "hashbank.entry.update",
        "content.match.hit",
      ])
      .execute();
    return rows
      .map((r) => [r.action, names.get(r.record_id ?? ""), (r.detail as { oversight?: boolean }).oversight])
      .sort((a, b) => String(a).localeCompare(String(b)));
  };

  it("flags the Secretariat's reads of a bank it sees only by oversight, and no other", async () => {
    await readAll(gs, "restricted");
    await readAll(gs, "open");
    expect(await flags("gs.an")).toEqual([
      ["content.match.hit", "open", false],
      ["content.match.hit", "restricted", true],
      ["content.thumbnail.read", "open", false],
      ["content.thumbnail.read", "restricted", true],
      ["hashbank.entries.search", "open", false],
      ["hashbank.entries.search", "restricted", true],
      ["hashbank.entry.update", "open", false],
      ["hashbank.entry.update", "restricted", true],
      ["hashbank.export", "open", false],
      ["hashbank.export", "restricted", true],
      ["hashbank.read", "open", false],
      ["hashbank.read", "restricted", true],
    ]);
  });

  it("never flags the owner's reads of its own restricted bank", async () => {
    await readAll(fr, "restricted");
    expect(await flags("fr.ca")).toEqual([
      ["content.match.hit", "restricted", false],
      ["content.thumbnail.read", "restricted", false],
      ["hashbank.entries.search", "restricted", false],
      ["hashbank.entry.update", "restricted", false],
      ["hashbank.export", "restricted", false],
      ["hashbank.read", "restricted", false],
    ]);
  });

  it("counts the banks a Secretariat list returns by oversight", async () => {
    await t.services.content.listBanks(gs);
    await t.services.content.listBanks(fr);
    const lists = await t.deps.db
      .selectFrom("audit_log")
      .select(["actor_username", "detail"])
      .where("action", "=", "hashbank.list")
      .orderBy("seq")
      .execute();
    expect(lists.map((l) => [l.actor_username, l.detail])).toEqual([
      ["gs.an", { returned: 2, oversight: true, oversightReturned: 1 }],
      ["fr.ca", { returned: 2 }],
    ]);
  });
});
