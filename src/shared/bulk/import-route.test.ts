import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { IMPORT_BODY_LIMIT } from "./import-route.ts";

/*
 * The import route's two answers: the plain JSON report, and with `Accept: application/x-ndjson`
 * progress lines after each batch then the report line. Documents, since their batches are 1000 rows.
 */

type Line = { type: string; [k: string]: unknown };
const ndjson = (body: string): Line[] =>
  body
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

// 12,000 good FR passports, with one bad row (an unknown status) on line 1502 (the header is line 1).
function documentsCsv(): string {
  const rows = ["number,country,type,status"];
  for (let i = 0; i < 12000; i++) {
    if (i === 1500) rows.push("ZZ9999,FRA,passport,misplaced");
    rows.push(`RT${String(i).padStart(6, "0")},FRA,passport,stolen`);
  }
  return `${rows.join("\n")}\n`;
}

describe.each(backends)("the import route's streamed progress on %s", (kind) => {
  let t: TestContext;
  let h: Record<string, string>;
  const csv = documentsCsv();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    await t.user("fr.officer", "ncb_officer", "FR");
    h = (await t.login("fr.officer")).headers;
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: string, headers: Record<string, string>) =>
    t.app.inject({ method: "POST", url, headers: { ...h, ...headers }, payload });

  it("streams a progress line per batch, then the report with the rejects", async () => {
    const res = await post("/api/v1/documents/import", csv, {
      "content-type": "text/csv",
      accept: "application/x-ndjson",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/x-ndjson");
    const lines = ndjson(res.body);
    const report = lines.at(-1) as Line;
    expect(report.type).toBe("report");
    expect([report.rows, report.accepted, report.rejected, report.created]).toEqual([12001, 12000, 1, 12000]);
    expect(report.rejects).toEqual([
      {
        line: 1502,
        reason: 'status: Invalid option: expected one of "stolen"|"lost"|"revoked"|"invalidated"',
        raw: "ZZ9999,FRA,passport,misplaced",
      },
    ]);
    // One progress line per stored batch (the batch size is the import's), all before the report.
    const progress = lines.slice(0, -1);
    expect(progress.map((p) => p.type)).toEqual(Array(report.batches).fill("progress"));
    expect(progress.length).toBeGreaterThan(1);
    const rows = progress.map((p) => p.rows as number);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.at(-1)).toBe(12001);
    expect(progress.at(-1)?.rejected).toBe(1);
    // Bytes are read in 64 KiB slices of the body and end at the whole body; then nothing is left.
    expect(progress.every((p) => p.totalBytes === 348057)).toBe(true);
    expect(Buffer.byteLength(csv)).toBe(348057);
    expect(progress.at(-1)?.bytes).toBe(348057);
    expect(progress.at(-1)?.etaSeconds).toBe(0);
    expect(progress.every((p) => (p.rowsPerSecond as number) > 0)).toBe(true);
    expect(await t.rowCount("travel_documents")).toBe(12000);
  });

  it("keeps the plain JSON answer for other clients (the re-run changes nothing)", async () => {
    for (const accept of [undefined, "application/json", "application/json, application/x-ndjson"]) {
      const res = await post("/api/v1/documents/import", csv, {
        "content-type": "text/csv",
        ...(accept ? { accept } : {}),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      const report = res.json();
      expect([report.rows, report.created, report.updated, report.unchanged, report.rejected]).toEqual([
        12001, 0, 0, 12000, 1,
      ]);
      expect(report.rejects.map((r: { line: number }) => r.line)).toEqual([1502]);
    }
    expect(await t.rowCount("travel_documents")).toBe(12000);
  });

  it("streams the persons import too (JSON Lines, one batch)", async () => {
    const body = [
      '{"reference":"RT-1","name":"Stream Person","aliases":"","date_of_birth":"1980","nationality":"FR","sex":"M"}',
      '{"reference":"RT-2","name":"Bad Date","aliases":"","date_of_birth":"1985-02-30","nationality":"FR","sex":"F"}',
    ].join("\n");
    const res = await post("/api/v1/records/import?format=jsonl", body, {
      "content-type": "application/x-ndjson",
      accept: "application/x-ndjson",
    });
    expect(res.statusCode).toBe(200);
    const lines = ndjson(res.body);
    expect(lines.map((l) => l.type)).toEqual(["progress", "report"]);
    expect([lines[0]?.rows, lines[0]?.rejected]).toEqual([2, 1]);
    expect(lines[1]?.created).toBe(1);
    expect(((lines[1]?.rejects ?? []) as { line: number }[]).map((r) => r.line)).toEqual([2]);
  });

  it("answers a refusal before the first batch as a problem with its status, storing nothing", async () => {
    const before = await t.rowCount("travel_documents");
    const missing = await post("/api/v1/documents/import", "number,country,type\nRT1,FRA,passport\n", {
      "content-type": "text/csv",
      accept: "application/x-ndjson",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json().detail).toBe("The CSV header lacks the columns: status.");

    await t.user("fr.border", "border_officer", "FR");
    const border = (await t.login("fr.border")).headers;
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/documents/import",
      headers: { ...border, "content-type": "text/csv", accept: "application/x-ndjson" },
      payload: "number,country,type,status\nRT1,FRA,passport,stolen\n",
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("forbidden");

    // A file of bad rows only still streams: no batch, so no progress line, just the report.
    const allBad = await post("/api/v1/documents/import", "number,country,type,status\n,FRA,passport,x\n", {
      "content-type": "text/csv",
      accept: "application/x-ndjson",
    });
    expect(allBad.statusCode).toBe(200);
    const lines = ndjson(allBad.body);
    expect(lines.map((l) => [l.type, l.rows, l.rejected])).toEqual([["report", 1, 1]]);
    expect(await t.rowCount("travel_documents")).toBe(before);
  });

  it("refuses a file over the import limit with 413 before reading a row", async () => {
    const before = await t.rowCount("travel_documents");
    const row = "RT000001,FRA,passport,stolen\n";
    const big = `number,country,type,status\n${row.repeat(Math.ceil((IMPORT_BODY_LIMIT + 1) / row.length))}`;
    const res = await post("/api/v1/documents/import", big, { "content-type": "text/csv" });
    expect(res.statusCode).toBe(413);
    expect(await t.rowCount("travel_documents")).toBe(before);
  });
});
