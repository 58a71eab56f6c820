import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { shippedReference } from "../../../test/shared-data.ts";
import { buildProgram } from "../../cli/program.ts";
import { hasFfmpeg } from "../../search/vpdq/index.ts";
import { resolveTools } from "../../search/vpdq/tools.ts";
import { systemActor } from "../../shared/actor.ts";
import { withSavedUpload } from "./content.video.ts";

const execFileAsync = promisify(execFile);
// In CI nothing is skipped for a missing dependency: there these tests run (and fail without ffmpeg).
const skip = !(await hasFfmpeg()) && process.env.CI !== "true";
const bridge = shippedReference("pdq", "dih", "bridge-1-original.jpg");
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

async function fusion(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = buildProgram({ out: (l) => out.push(l), err: (l) => err.push(l) }, (c) => (code = c), {});
  await program.parseAsync(["node", "fusion", ...args]);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs `fn` with FFMPEG_PATH pointing nowhere, as on a server without ffmpeg. */
async function withoutFfmpeg<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.FFMPEG_PATH;
  process.env.FFMPEG_PATH = "/nonexistent/ffmpeg";
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.FFMPEG_PATH;
    else process.env.FFMPEG_PATH = saved;
  }
}

describe("saving a video upload", () => {
  it("refuses more bytes than the limit and leaves no temporary file", async () => {
    const before = (await readdir(os.tmpdir())).filter((f) => f.startsWith("fusion-video-"));
    const body = Readable.from([Buffer.alloc(6), Buffer.alloc(6)]);
    const err = await withSavedUpload(body, 10, async () => "used").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "payload_too_large" });
    let mode = 0;
    expect(
      await withSavedUpload(Readable.from([Buffer.from("abc")]), 10, async (s) => {
        mode = (await stat(s.file)).mode & 0o777;
        return s.md5;
      }),
    ).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(mode).toBe(0o600);
    const after = (await readdir(os.tmpdir())).filter((f) => f.startsWith("fusion-video-"));
    expect(after.sort()).toEqual(before.sort());
  });
});

describe.skipIf(skip)("video hashing and matching", () => {
  let dir = "";
  let t: TestContext;
  let bankId = "";
  const file = (name: string) => path.join(dir, name);
  const videos: Record<string, Buffer> = {};
  const headers: Record<string, Record<string, string>> = {};
  let framePdq = "";
  let fileMd5 = "";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "fusion-video-test-"));
    const ffmpeg = (...args: string[]) =>
      execFileAsync(resolveTools().ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args]);
    const encode = ["-c:v", "mpeg4", "-q:v", "3"];
    await Promise.all([
      ffmpeg("-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25", ...encode, file("a.mp4")),
      ffmpeg("-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=25", "-t", "3", ...encode, file("b.mp4")),
    ]);
    videos.a = await readFile(file("a.mp4"));
    videos.b = await readFile(file("b.mp4"));
    // A video's first bytes followed by garbage: a corrupt upload.
    videos.corrupt = Buffer.concat([videos.a.subarray(0, 2048), Buffer.alloc(4096, 7)]);
    await writeFile(file("notes.mp4"), "not a video\n");

    t = await createTestContext();
    const analyst = await t.user("fr.video", "content_analyst", "FR");
    headers.analyst = (await t.login("fr.video")).headers;
    const client = await t.services.clients.create(systemActor("XG"), {
      name: "VideoPlatform",
      role: "platform_partner",
      country: "FR",
      scopes: ["content:match"],
    });
    headers.platform = { authorization: `Bearer ${client.token}` };
    bankId = (await t.services.content.createBank(analyst, { name: "video frames", envelope })).id;
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const upload = (who: string, body: Buffer, type = "video/mp4") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/content/match/video",
      headers: { ...headers[who], "content-type": type },
      payload: body,
    });

  it("fusion hash prints a video's frames as JSON, whatever the file is called", async () => {
    await writeFile(file("a.bin"), videos.a ?? "");
    const r = await fusion("hash", file("a.bin"), "--json");
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["kind", "durationSeconds", "md5", "sha256", "frames"]);
    expect(j).toMatchObject({ kind: "video", durationSeconds: 3 });
    expect(j.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(j.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      j.frames.map((f: { index: number; timestampSeconds: number }) => [f.index, f.timestampSeconds]),
    ).toEqual([
      [0, 0],
      [25, 1],
      [50, 2],
    ]);
    expect(Object.keys(j.frames[0])).toEqual(["index", "timestampSeconds", "pdq", "quality"]);
    framePdq = j.frames[1].pdq;
    fileMd5 = j.md5;
  });

  it("fusion hash keeps the image output and refuses non-media with exit code 1", async () => {
    const img = await fusion("hash", bridge, "--json");
    expect(img.out).toMatch(
      /^\{"pdq":"[0-9a-f]{64}","quality":\d+,"md5":"[0-9a-f]{32}","sha256":"[0-9a-f]{64}"\}$/,
    );
    const bad = await fusion("hash", file("notes.mp4"), "--json");
    expect([bad.code, bad.out]).toEqual([1, ""]);
    expect(bad.err).toMatch(/neither an image nor a video/);
  });

  it("fusion hash without ffmpeg names the Debian package and exits 1; images still hash", async () => {
    const r = await withoutFfmpeg(() => fusion("hash", file("a.mp4"), "--json"));
    expect([r.code, r.out]).toEqual([1, ""]);
    expect(r.err).toMatch(/install Debian's ffmpeg package/);
    expect((await withoutFfmpeg(() => fusion("hash", bridge, "--json"))).code).toBe(0);
  });

  it("matches a video whose frame hash is in a bank, per frame and in the summary", async () => {
    expect(framePdq).toMatch(/^[0-9a-f]{64}$/);
    const imported = await t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${bankId}/import?format=plain&signalType=pdq&labels=known_clip`,
      headers: { ...headers.analyst, "content-type": "text/plain" },
      payload: `${framePdq}\n`,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const res = await upload("analyst", videos.a ?? Buffer.alloc(0));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.query).toMatchObject({ durationSeconds: 3, bytes: videos.a?.length });
    expect(body.frames).toHaveLength(3);
    expect(body.frames[1].matches[0]).toMatchObject({ value: framePdq, distance: 0, labels: ["known_clip"] });
    expect(body.frames[1].matches[0].contributedCountry).toBe("FR");
    expect(body.summary).toMatchObject({ framesHashed: 3, framesUsable: 3 });
    expect(body.summary.framesMatched).toBeGreaterThanOrEqual(1);
    expect(body.summary.matchPercent).toBeCloseTo((body.summary.framesMatched / 3) * 100, 0);
    expect(body.summary.entries).toEqual([
      expect.objectContaining({ value: framePdq, distance: 0, framesMatched: body.summary.framesMatched }),
    ]);
    expect(body.exactMatches).toEqual([]);
    const audited = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("action", "in", ["content.match.query", "content.match.hit"])
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(["content.match.hit", "content.match.query"]);
  });

  it("matches the file's MD5 exactly, and a different video not at all", async () => {
    const md5 = fileMd5;
    await t.services.content.importEntries(systemActor("XG"), bankId, `${md5}\n`, {
      format: "plain",
      signalType: "md5",
    });
    const a = (await upload("analyst", videos.a ?? Buffer.alloc(0))).json();
    expect(a.exactMatches).toEqual([expect.objectContaining({ signalType: "md5", value: md5, distance: 0 })]);
    const b = await upload("analyst", videos.b ?? Buffer.alloc(0), "video/webm");
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().summary).toMatchObject({ framesMatched: 0, matchPercent: 0, entries: [] });
    expect(b.json().exactMatches).toEqual([]);
  });

  it("shows platforms only banks shared with them, without contributor data", async () => {
    const before = (await upload("platform", videos.a ?? Buffer.alloc(0))).json();
    expect(before.summary).toMatchObject({ framesMatched: 0, entries: [] });
    expect(before.exactMatches).toEqual([]);
    await t.services.content.updateBank(systemActor("XG"), bankId, { sharedWithAllPlatforms: true });
    const after = (await upload("platform", videos.a ?? Buffer.alloc(0))).json();
    expect(after.summary.framesMatched).toBeGreaterThanOrEqual(1);
    expect(after.summary.entries).toHaveLength(2);
    for (const e of after.summary.entries) {
      expect(e).not.toHaveProperty("contributedCountry");
      expect(e).not.toHaveProperty("status");
    }
  });

  it("refuses corrupt and non-video uploads (422), other types (415) and logged-out callers", async () => {
    for (const body of [videos.corrupt, await readFile(bridge), Buffer.from("not a video")]) {
      const res = await upload("analyst", body ?? Buffer.alloc(0));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe("unprocessable");
    }
    expect((await upload("analyst", Buffer.from("{}"), "application/json")).statusCode).toBe(415);
    expect((await upload("analyst", await readFile(bridge), "image/jpeg")).statusCode).toBe(415);
    const huge = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match/video",
      headers: {
        ...headers.analyst,
        "content-type": "video/mp4",
        "content-length": String(201 * 1024 * 1024),
      },
      payload: Buffer.alloc(16),
    });
    expect([huge.statusCode, huge.json().code]).toEqual([413, "payload_too_large"]);
    const anon = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match/video",
      headers: { "content-type": "video/mp4" },
      payload: videos.a,
    });
    expect(anon.statusCode).toBe(401);
  });

  it("answers 503 with a clear problem when the server has no ffmpeg", async () => {
    const res = await withoutFfmpeg(() => upload("analyst", videos.a ?? Buffer.alloc(0)));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: "unavailable" });
    expect(res.json().detail ?? res.json().title).toMatch(/ffmpeg/);
  });
});
