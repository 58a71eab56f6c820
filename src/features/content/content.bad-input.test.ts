import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { buildProgram } from "../../cli/program.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { writeSignals } from "./content.import.ts";

const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const H1 = "0123456789abcdef0123456789abcdef";
const H2 = "fedcba9876543210fedcba9876543210";
const EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4899b6fb92427ae41e4649b934ca495991b7852b855";
const CSV_HEAD = "signal_type,value,tags\n";
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

/**
 * Hash imports refuse malformed CSV, text that cannot be stored, prototype keys and the digests of
 * an empty file, naming the line or item; a refused import stores no entry and writes no audit row.
 */
describe.each(backends)("hash bank imports refuse bad input on %s", (kind) => {
  let t: TestContext;
  let fr: Record<string, string>;
  let actor: Actor;
  let bankId: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    actor = await t.user("fr.badinput", "content_analyst", "FR");
    fr = (await t.login("fr.badinput")).headers;
    bankId = (await t.services.content.createBank(actor, { name: "bad input", envelope })).id;
  });
  afterAll(() => t?.close());

  const rows = (table: "hash_entries" | "audit_log") => t.rowCount(table);
  const importBody = (body: string | Buffer, query: string, type: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${bankId}/import?${query}`,
      headers: { ...fr, "content-type": type },
      payload: body,
    });
  const csv = (body: string | Buffer) => importBody(body, "format=csv", "text/csv");
  const json = (body: string | Buffer) => importBody(body, "format=json", "application/json");
  const plain = (body: string | Buffer, type = "md5") =>
    importBody(body, `format=plain&signalType=${type}`, "text/plain");
  const addEntry = (payload: object) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${bankId}/entries`,
      headers: fr,
      payload,
    });

  type Res = { statusCode: number; body: string; headers: Record<string, unknown> };
  const cases: [string, () => Promise<Res>, string, string, RegExp][] = [
    // CSV read by csv-parse: the hand-written reader stored H1 with H2's line as labels.
    [
      "a quote inside a CSV field",
      () => csv(`${CSV_HEAD}md5,${H1},a"b\nmd5,${H2},c\n`),
      "validation_failed",
      "line 2",
      /quote/,
    ],
    [
      "an unclosed CSV quote",
      () => csv(`${CSV_HEAD}md5,${H1},x\nmd5,${H2},"c\n`),
      "validation_failed",
      "line 3",
      /quote/,
    ],
    [
      "text after a closing quote",
      () => csv(`${CSV_HEAD}md5,${H1},"a"b\n`),
      "validation_failed",
      "line 2",
      /closing quote/,
    ],
    [
      "more CSV fields than the header",
      () => csv(`${CSV_HEAD}md5,${H1},x\nmd5,${H2},a,b\n`),
      "validation_failed",
      "line 3",
      /more fields/,
    ],
    // Invalid UTF-8 and NUL bytes, even where the import ignores the text (a comment, an extra field).
    [
      "invalid UTF-8 in a comment",
      () => plain(bytes("# caf", [0xff], `\n${H1}\n`)),
      "bad_request",
      "body",
      /UTF-8/,
    ],
    [
      "invalid UTF-8 in an ignored JSON field",
      () => json(bytes(`[{"signal_type":"md5","value":"${H1}","note":"`, [0xc3], '"}]')),
      "bad_request",
      "body",
      /UTF-8/,
    ],
    ["a NUL byte in a comment", () => plain(bytes("# a", [0], `b\n${H1}\n`)), "bad_request", "body", /NUL/],
    [
      "an escaped NUL in an ignored JSON field",
      () => json(`[{"signal_type":"md5","value":"${H1}","note":"a\\u0000"}]`),
      "validation_failed",
      "item 1.note",
      /NUL/,
    ],
    [
      "a lone surrogate in JSON tags",
      () => json(`[{"signal_type":"md5","value":"${H1}","tags":["\\udfff"]}]`),
      "validation_failed",
      "item 1.tags.0",
      /surrogate/,
    ],
    // Prototype keys at any depth of a JSON import.
    [
      "__proto__ in an item",
      () => json(`{"signals":[{"signal_type":"md5","value":"${H1}","__proto__":{"labels":["x"]}}]}`),
      "validation_failed",
      "item 1.__proto__",
      /not allowed/,
    ],
    [
      "__proto__ around the list",
      () => json(`{"__proto__":{"admin":true},"signals":[{"signal_type":"md5","value":"${H1}"}]}`),
      "validation_failed",
      "file.__proto__",
      /not allowed/,
    ],
    [
      "constructor in an item",
      () =>
        json(
          `[{"signal_type":"md5","value":"${H1}"},{"signal_type":"md5","value":"${H2}","constructor":{}}]`,
        ),
      "validation_failed",
      "item 2.constructor",
      /not allowed/,
    ],
    [
      "prototype deep in an item",
      () => json(`[{"signal_type":"md5","value":"${H1}","x":[{"prototype":1}]}]`),
      "validation_failed",
      "item 1.x.0.prototype",
      /not allowed/,
    ],
    // The digests of an empty file, in every format and through the single-entry API.
    [
      "the empty MD5 in a plain list",
      () => plain(`${H1}\n${EMPTY_MD5}\n`),
      "validation_failed",
      "line 2",
      /empty file/,
    ],
    [
      "the empty SHA-256 in CSV",
      () => csv(`${CSV_HEAD}sha256,${EMPTY_SHA256.toUpperCase()},x\n`),
      "validation_failed",
      "line 2",
      /empty file/,
    ],
    [
      "the empty MD5 as a video_md5 in JSON",
      () => json(`[{"signal_type":"video_md5","value":"${EMPTY_MD5}"}]`),
      "validation_failed",
      "item 1",
      /empty file/,
    ],
    [
      "the empty MD5 as one entry",
      () => addEntry({ signalType: "md5", value: EMPTY_MD5 }),
      "validation_failed",
      "body.value",
      /empty file/,
    ],
    [
      "the empty SHA-256 as one entry",
      () => addEntry({ signalType: "sha256", value: ` ${EMPTY_SHA256.toUpperCase()} ` }),
      "validation_failed",
      "body.value",
      /empty file/,
    ],
  ];

  it.each(cases)("%s: 400 naming where, nothing stored", async (_name, send, code, where, message) => {
    const before = [await rows("hash_entries"), await rows("audit_log")];
    const res = await send();
    expect(res.statusCode, res.body).toBe(400);
    expect(String(res.headers["content-type"])).toContain("application/problem+json");
    const body = JSON.parse(res.body) as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe(code);
    const errors = body.errors;
    expect(errors.map((e) => e.path)).toContain(where);
    expect(errors.find((e) => e.path === where)?.message).toMatch(message);
    expect(res.body).not.toMatch(/CsvError|at .*\.[jt]s:\d+|node_modules|invalid byte sequence/);
    expect([await rows("hash_entries"), await rows("audit_log")]).toEqual(before);
  });

  it("refuses unstorable text handed to the service directly (the CLI's path)", async () => {
    const before = [await rows("hash_entries"), await rows("audit_log")];
    for (const text of [`# \ud800\n${H1}\n`, `${H1}\n# a\u0000\n`]) {
      const err = await t.services.content
        .importEntries(actor, bankId, text, {
          format: "plain",
          signalType: "md5",
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details?.errors).toEqual([
        { path: text.startsWith("#") ? "line 1" : "line 2", message: expect.stringMatching(/NUL|surrogate/) },
      ]);
    }
    expect([await rows("hash_entries"), await rows("audit_log")]).toEqual(before);
  });

  it("refuses the empty digests at the write itself, for any caller that skipped validation", async () => {
    const before = await rows("hash_entries");
    const signal = { line: 1, signalType: "sha256" as const, value: EMPTY_SHA256, quality: null, labels: [] };
    const write = writeSignals(t.deps.db, actor, bankId, [signal], null, t.clock.now());
    await expect(write).rejects.toThrow(/empty file/);
    expect(await rows("hash_entries")).toBe(before);
  });

  it("reads well-formed CSV: quoted commas, doubled quotes in ignored columns, CRLF and a line break in quotes", async () => {
    // A bank of its own: the refused imports above must not decide what this one finds.
    const own = (await t.services.content.createBank(actor, { name: "well-formed", envelope })).id;
    const body = `signal_type,value,tags,note\r\nmd5,${H1},"a,b","say ""hi"""\r\nmd5,${H2},"c\r\nd",x\r\n`;
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${own}/import?format=csv`,
      headers: { ...fr, "content-type": "text/csv" },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, created: 2 });
    const list = await t.app.inject({
      method: "GET",
      url: `/api/v1/content/banks/${own}/entries`,
      headers: fr,
    });
    const items = list.json().items as { value: string; labels: string[] }[];
    expect(items).toHaveLength(2);
    expect(Object.fromEntries(items.map((e) => [e.value, e.labels]))).toEqual({
      [H1]: ["a", "b"],
      [H2]: ["c", "d"],
    });
  });
});

describe("fusion content import refuses the digests of an empty file", () => {
  it("exits 1 naming the line, and imports nothing", async () => {
    const env = {
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-")),
      FUSION_DEMO: "true",
      LOG_LEVEL: "silent",
    };
    const fusion = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      let code = 0;
      const program = buildProgram(
        { out: (l) => out.push(l), err: (l) => err.push(l) },
        (c) => (code = c),
        env,
      );
      await program.parseAsync(["node", "fusion", ...args]);
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    const bank = await fusion("content", "create-bank", "cli bad input");
    expect(bank.code, bank.err).toBe(0);
    const id = /created bank ([0-9a-f-]+)/.exec(bank.out)?.[1] ?? "";
    const file = path.join(env.DATA_DIR, "list.txt");
    writeFileSync(file, `${H1}\n${EMPTY_MD5}\n`);
    const r = await fusion("content", "import", id, file, "--signal-type", "md5");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error \(validation_failed\): .*\n {2}line 2: this is the md5 of an empty file/);
    expect((await fusion("content", "export", id)).out).toBe("");
  });
});
