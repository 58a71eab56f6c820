import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Utf8Check } from "../src/http/text-guard.ts";
import type { AppError } from "../src/shared/errors.ts";
import { createTestContext, type TestContext } from "./harness.ts";

/**
 * Text the database cannot or should not hold (NUL, lone surrogates, invalid UTF-8) and keys that
 * poison prototypes are refused at the HTTP edge with a 4xx problem+json naming the field, and
 * nothing is stored. PostgreSQL rejects NUL in text with an error that used to surface as a 500.
 */
describe("bad text in requests", () => {
  let t: TestContext;
  let fr: Record<string, string>;
  beforeAll(async () => {
    t = await createTestContext();
    await t.user("fr.text", "ncb_officer", "FR");
    fr = (await t.login("fr.text")).headers;
  });
  afterAll(() => t.close());

  const rows = (table: "records" | "audit_log") => t.rowCount(table);
  const post = (payload: string | Buffer) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/records",
      headers: { ...fr, "content-type": "application/json" },
      payload,
    });
  const get = (url: string) => t.app.inject({ method: "GET", url, headers: fr });
  const envelope = '{"sourceReliability":"A","informationAccuracy":1,"sourceType":"police"}';
  /** A record body as JSON text, so that keys like __proto__ and raw escapes reach the server as typed. */
  const record = (properties: string, source = '"s"') =>
    `{"schema":"Person","properties":${properties},"envelope":${envelope},"source":${source}}`;
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

  type Res = { statusCode: number; body: string; headers: Record<string, unknown> };
  const cases: [string, () => Promise<Res>, number, string, string | null][] = [
    [
      "a NUL in a value",
      () => post(record('{"name":["a\\u0000b"]}')),
      400,
      "validation_failed",
      "body.properties.name.0",
    ],
    [
      "a NUL in a key",
      () => post(record('{"na\\u0000me":["x"]}')),
      400,
      "validation_failed",
      "body.properties",
    ],
    [
      "a lone high surrogate",
      () => post(record('{"name":["x"]}', '"\\ud800"')),
      400,
      "validation_failed",
      "body.source",
    ],
    [
      "a lone low surrogate",
      () => post(record('{"name":["\\udc00x"]}')),
      400,
      "validation_failed",
      "body.properties.name.0",
    ],
    [
      "a reversed pair",
      () => post(record('{"name":["\\udc00\\ud800"]}')),
      400,
      "validation_failed",
      "body.properties.name.0",
    ],
    [
      "a lone surrogate in a key",
      () => post(record('{"\\ud83d":["x"]}')),
      400,
      "validation_failed",
      "body.properties",
    ],
    [
      "a __proto__ key",
      () => post(record('{"__proto__":["x"]}')),
      400,
      "validation_failed",
      "body.properties.__proto__",
    ],
    [
      "a top-level __proto__",
      () => post(`{"__proto__":{"admin":true},${record('{"name":["x"]}').slice(1)}`),
      400,
      "validation_failed",
      "body.__proto__",
    ],
    [
      "a constructor key",
      () => post(record('{"constructor":["x"]}')),
      400,
      "validation_failed",
      "body.properties.constructor",
    ],
    [
      "a prototype key",
      () => post(record('{"name":["x"]}', '{"prototype":1}')),
      400,
      "validation_failed",
      "body.source.prototype",
    ],
    [
      "an invalid UTF-8 byte",
      () => post(bytes(record('{"name":["caf'), [0xff], '"]}')),
      400,
      "bad_request",
      "body",
    ],
    [
      "a UTF-8 encoded surrogate",
      () => post(bytes(record('{"name":["'), [0xed, 0xa0, 0x80], '"]}')),
      400,
      "bad_request",
      "body",
    ],
    [
      "a truncated UTF-8 sequence",
      () => post(bytes(record('{"name":["'), [0xc3], '"]}')),
      400,
      "bad_request",
      "body",
    ],
    [
      "an overlong UTF-8 NUL",
      () => post(bytes(record('{"name":["'), [0xc0, 0x80], '"]}')),
      400,
      "bad_request",
      "body",
    ],
    ["a NUL in the query", () => get("/api/v1/records?q=a%00"), 400, "validation_failed", "querystring.q"],
    [
      "a NUL in a repeated query key",
      () => get("/api/v1/records?q=a&q=%00"),
      400,
      "validation_failed",
      "querystring.q.1",
    ],
    ["a NUL in a path parameter", () => get("/api/v1/records/%00"), 400, "validation_failed", "params.id"],
    ["invalid UTF-8 in a path parameter", () => get("/api/v1/records/%FF"), 400, "bad_request", null],
  ];

  it.each(cases)(
    "%s gets a problem+json 4xx and changes nothing",
    async (_name, send, status, code, field) => {
      const before = [await rows("records"), await rows("audit_log")];
      const res = await send();
      expect(res.statusCode, res.body).toBe(status);
      expect(String(res.headers["content-type"])).toContain("application/problem+json");
      const body = JSON.parse(res.body);
      expect(body.code).toBe(code);
      if (field !== null) expect(body.errors.map((e: { path: string }) => e.path)).toContain(field);
      expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules|SELECT |invalid byte sequence|syntax error/i);
      expect([await rows("records"), await rows("audit_log")]).toEqual(before);
    },
  );

  it("answers a text body on a route that takes no text with 415, whatever its bytes", async () => {
    for (const payload of [Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from('{"schema":"Person"}')]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/records",
        headers: { ...fr, "content-type": "text/plain" },
        payload,
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe("unsupported_media_type");
    }
  });

  it("keeps well-formed text: surrogate pairs, U+FFFD typed as such, and ordinary keys", async () => {
    const res = await post(record('{"name":["\\ud83d\\ude00 caf\u00e9 \ufffd"],"alias":["constructor"]}'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().properties.name).toEqual(["\u{1f600} caf\u00e9 \ufffd"]);
    expect(res.json().properties.alias).toEqual(["constructor"]);
  });

  it("leaves binary uploads alone: an image body with NUL and 0xff bytes is not read as text", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match/image",
      headers: { ...fr, "content-type": "image/png" },
      payload: Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x89, 0x50]),
    });
    // Not a text error: the bytes reach the image decoder, which finds no image in them.
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("unprocessable");
  });
});

describe("the streaming body check", () => {
  /** Streams the chunks through the check; the bytes out and the first problem reported. */
  const run = async (chunks: number[][]) => {
    let problem: string | null = null;
    const check = new Utf8Check((err: AppError) => {
      problem ??= err.message;
    });
    const out: Buffer[] = [];
    for await (const c of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(check)) out.push(c as Buffer);
    return { bytes: [...Buffer.concat(out)], problem };
  };

  it("keeps a character split across chunks and passes the bytes through unchanged", async () => {
    // "é" (C3 A9) and U+1F600 (F0 9F 98 80), each cut in two.
    expect(
      await run([
        [0x61, 0xc3],
        [0xa9, 0xf0, 0x9f],
        [0x98, 0x80],
      ]),
    ).toEqual({
      bytes: [0x61, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80],
      problem: null,
    });
  });

  it("reports a sequence cut off at the end, a bad byte in a later chunk, and a NUL", async () => {
    expect((await run([[0x61], [0xc3]])).problem).toBe("The body is not valid UTF-8 text.");
    expect(
      (
        await run([
          [0x61, 0x62],
          [0x63, 0x80],
        ])
      ).problem,
    ).toBe("The body is not valid UTF-8 text.");
    expect((await run([[0x61], [0x00, 0x62]])).problem).toBe("The body contains a NUL byte.");
  });
});
