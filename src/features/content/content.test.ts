import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { shippedReference } from "../../../test/shared-data.ts";
import { parsePdqHex, pdqHashToWords } from "../../search/pdq/index.ts";
import { bruteForce } from "../../search/pdq-index/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { createContentService } from "./content.service.ts";

// Shipped in reference/pdq/ (README there: source and licence).
const dataDir = shippedReference("pdq");
const lines = (f: string) =>
  readFileSync(path.join(dataDir, f), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const expected = JSON.parse(readFileSync(path.join(dataDir, "expected.json"), "utf8")) as {
  images: { file: string; quality: number; hash: string }[];
};
const bridge = expected.images.find((i) => i.file === "dih/bridge-1-original.jpg")!;
const bridgeBytes = readFileSync(path.join(dataDir, bridge.file));

const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

describe.each(backends)("hash bank over HTTP on %s: import, export, matching", (kind) => {
  let t: TestContext;
  let fr: Record<string, string>;
  let frActor: Actor;
  let bankId: string;
  let otherBankId: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    frActor = await t.user("fr.content", "content_analyst", "FR");
    fr = (await t.login("fr.content")).headers;
    const create = async (name: string) => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/content/banks",
        headers: fr,
        payload: { name, envelope },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    bankId = await create("haystack");
    otherBankId = await create("small");
  });
  afterAll(() => t?.close());

  const importText = (id: string, body: string, query: string, type = "text/plain") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${id}/import?${query}`,
      headers: { ...fr, "content-type": type },
      payload: body,
    });
  const match = (payload: object) =>
    t.app.inject({ method: "POST", url: "/api/v1/content/match", headers: fr, payload });
  const matchImage = (body: Buffer, type = "image/jpeg", url = "/api/v1/content/match/image") =>
    t.app.inject({
      method: "POST",
      url,
      headers: { ...fr, "content-type": type },
      payload: body,
    });
  const entryCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom("hash_entries")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("imports the reference haystack; a re-import changes nothing", async () => {
    const text = readFileSync(path.join(dataDir, "haystack.txt"), "utf8");
    const unique = new Set(lines("haystack.txt")).size;
    const first = await importText(bankId, text, "format=plain&signalType=pdq&labels=propaganda");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ received: 1350, created: unique, updated: 0, unchanged: 0 });
    const feed = await t.deps.db
      .selectFrom("change_feed")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("entity_type", "=", "hash_entry")
      .executeTakeFirstOrThrow();
    expect(Number(feed.n)).toBe(unique);
    const again = await importText(bankId, text, "format=plain&signalType=pdq&labels=propaganda");
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: unique });
  });

  it("the matcher equals brute force for every needle, through the API", async () => {
    const hay = [...new Set(lines("haystack.txt"))];
    const words = new Uint32Array(hay.length * 8);
    for (const [i, h] of hay.entries()) pdqHashToWords(parsePdqHex(h), words, i * 8);
    const ids = hay.map((_, i) => i);
    let total = 0;
    for (const needle of lines("needles.txt")) {
      const want = bruteForce(words, ids, needle, 31).map((m) => `${hay[m.id]}:${m.distance}`);
      const res = await match({ signalType: "pdq", value: needle });
      expect(res.statusCode).toBe(200);
      const got = (res.json().matches as { value: string; distance: number }[]).map(
        (m) => `${m.value}:${m.distance}`,
      );
      expect(got.sort()).toEqual(want.sort());
      total += got.length;
    }
    // Every needle has near-duplicates in the haystack (250 pairs within 31 bits).
    expect(total).toBe(250);
    const audited = await t.deps.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "in", ["content.match.query", "content.match.hit"])
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(100 + total);
  });

  it("rejects a file with bad lines as a whole, naming the lines", async () => {
    const before = await entryCount();
    const good = "a".repeat(64);
    const plain = await importText(
      otherBankId,
      `${good}\nxyz\n${"b".repeat(63)}\n`,
      "format=plain&signalType=pdq",
    );
    expect(plain.statusCode).toBe(400);
    expect(plain.json().errors.map((e: { path: string }) => e.path)).toEqual(["line 2", "line 3"]);
    const csv = await importText(
      otherBankId,
      `signal_type,value,tags\npdq,${good},logo\ntmk,${good},x\nmd5,${"c".repeat(32)},"manifesto attack_footage"\n`,
      "format=csv",
      "text/csv",
    );
    expect(csv.statusCode).toBe(400);
    expect(csv.json().errors).toEqual([
      { path: "line 3", message: expect.stringContaining("unknown signal type") },
    ]);
    const json = await importText(
      otherBankId,
      JSON.stringify({ signals: [{ signal_type: "sha256", value: "d".repeat(32) }] }),
      "format=json",
      "application/json",
    );
    expect(json.statusCode).toBe(400);
    expect(json.json().errors[0].path).toBe("item 1");
    expect((await importText(otherBankId, good, "format=plain")).statusCode).toBe(400);
    expect(await entryCount()).toBe(before);
  });

  it("round-trips CSV and JSON exports: re-importing them changes nothing", async () => {
    const csv = `signal_type,value,quality,tags\npdq,${bridge.hash},100,"attack_footage group:x"\nmd5,${"c".repeat(32)},,manifesto\n`;
    const first = await importText(otherBankId, csv, "format=csv", "text/csv");
    expect(first.json()).toMatchObject({ created: 2, unchanged: 0 });
    for (const format of ["csv", "json", "plain"] as const) {
      const exp = await t.app.inject({
        method: "GET",
        url: `/api/v1/content/banks/${otherBankId}/export?format=${format}${format === "plain" ? "&signalType=pdq" : ""}`,
        headers: fr,
      });
      expect(exp.statusCode).toBe(200);
      const q = format === "plain" ? "format=plain&signalType=pdq" : `format=${format}`;
      const again = await importText(otherBankId, exp.body, q);
      expect(again.json(), format).toMatchObject({ created: 0, updated: 0 });
    }
    const more = await importText(
      otherBankId,
      `md5,${"c".repeat(32)},,logo\n`.replace(/^/, "signal_type,value,quality,tags\n"),
      "format=csv",
      "text/csv",
    );
    expect(more.json()).toMatchObject({ created: 0, updated: 1 });
  });

  it("matches an uploaded image by PDQ and exact digests; a rotated image does not match", async () => {
    const res = await matchImage(bridgeBytes);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.query).toMatchObject({ pdq: bridge.hash, quality: bridge.quality });
    expect(body.matches[0]).toMatchObject({
      value: bridge.hash,
      distance: 0,
      bankName: "small",
      contributedCountry: "FR",
    });
    const rotated = readFileSync(path.join(dataDir, "dih/bridge-2-rotate-90.jpg"));
    expect((await matchImage(rotated)).json().matches).toEqual([]);
    // The hash route takes an image body as well, with the same answer.
    const same = await matchImage(bridgeBytes, "image/jpeg", "/api/v1/content/match?maxDistance=10");
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().matches).toEqual(body.matches);
  });

  it("refuses non-images, truncated and oversized uploads with 4xx, storing nothing", async () => {
    const before = await entryCount();
    expect((await matchImage(Buffer.from("not an image at all"), "image/png")).statusCode).toBe(422);
    expect((await matchImage(bridgeBytes.subarray(0, 3000))).statusCode).toBe(422);
    expect((await matchImage(Buffer.alloc(0))).statusCode).toBe(400);
    expect((await matchImage(Buffer.alloc(21 * 1024 * 1024, 1))).statusCode).toBe(413);
    expect((await matchImage(bridgeBytes, "text/plain")).statusCode).toBe(415);
    const viaMatch = (b: Buffer, type = "image/png") => matchImage(b, type, "/api/v1/content/match");
    expect((await viaMatch(Buffer.from("GIF89a but not really"))).statusCode).toBe(422);
    expect((await viaMatch(Buffer.alloc(21 * 1024 * 1024, 1))).statusCode).toBe(413);
    expect((await viaMatch(Buffer.from("{}"), "application/json")).statusCode).toBe(400);
    expect((await match({ signalType: "pdq", value: "zz" })).statusCode).toBe(400);
    expect((await match({ signalType: "tmk", value: "a".repeat(64) })).statusCode).toBe(400);
    expect(await entryCount()).toBe(before);
  });

  it("stores low-quality PDQ hashes but never matches them; retired entries stop matching", async () => {
    const low = "1".repeat(64);
    const add = await t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${otherBankId}/entries`,
      headers: fr,
      payload: { signalType: "pdq", value: low, quality: 40, labels: ["logo"] },
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toMatchObject({ quality: 40, status: "active" });
    expect((await match({ signalType: "pdq", value: low })).json().matches).toEqual([]);
    expect((await match({ signalType: "pdq", value: bridge.hash, quality: 30 })).json()).toMatchObject({
      matched: false,
      matches: [],
    });
    const hit = await match({ signalType: "md5", value: "C".repeat(32) });
    expect(hit.json().matches).toHaveLength(1);
    const entryId = hit.json().matches[0].entryId;
    const retire = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/content/entries/${entryId}`,
      headers: fr,
      payload: { status: "retired" },
    });
    expect(retire.statusCode).toBe(200);
    expect((await match({ signalType: "md5", value: "c".repeat(32) })).json().matches).toEqual([]);
  });

  it("a second server follows the change feed for writes it did not make", async () => {
    const other = createContentService(t.deps, { feedPollMs: 1000 });
    const md5 = "ab".repeat(16);
    const q = { signalType: "md5", value: md5 } as const;
    expect((await other.matchHash(frActor, q)).matches).toEqual([]);
    const added = await t.services.content.addEntry(frActor, otherBankId, { signalType: "md5", value: md5 });
    t.clock.advance(1500);
    expect((await other.matchHash(frActor, q)).matches.map((m) => m.entryId)).toEqual([added.id]);
    await t.services.content.updateEntry(frActor, added.id, { status: "retired" });
    // Changes stay in the re-read window until settled: re-reading them must not duplicate anything.
    t.clock.advance(1500);
    expect((await other.matchHash(frActor, q)).matches).toEqual([]);
    await t.services.content.updateEntry(frActor, added.id, { status: "active" });
    t.clock.advance(15_000);
    expect((await other.matchHash(frActor, q)).matches).toHaveLength(1);
    t.clock.advance(1500);
    expect((await other.matchHash(frActor, q)).matches).toHaveLength(1);
  });
});
