import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";

/*
 * A flight at a time over HTTP: every format told from its content, one result per passenger,
 * unreadable rows reported one by one, progress streamed, and a file that is no manifest refused
 * whole with nothing stored.
 */

const fixture = (name: string) => readFileSync(`test/fixtures/screening/${name}`);

describe.each(backends)("manifest screening over HTTP on %s", (kind) => {
  let t: TestContext;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const fr = await t.user("fr.officer", "ncb_officer", "FR");
    await t.services.documents.create(fr, {
      number: "12AB34567",
      country: "FRA",
      type: "passport",
      status: "stolen",
    });
    await t.user("us.border", "border_officer", "US");
    headers = (await t.login("us.border")).headers;
  });
  afterAll(() => t?.close());

  const post = (body: Buffer | string, contentType: string, accept = "application/json") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/screening/manifest?location=JFK%20T4",
      headers: { ...headers, "content-type": contentType, accept },
      payload: body,
    });

  it("reads a CSV manifest, screening the readable rows and reporting each broken one", async () => {
    const res = await post(fixture("manifest-broken.csv"), "text/csv");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.format).toBe("csv");
    const first = body.passengers[0];
    expect(first).toMatchObject({ id: "B001", problems: [] });
    expect(first.result.hits[0]).toMatchObject({ kind: "document", category: "stolen", match: true });
    const broken = body.passengers.filter((p: { result: unknown }) => p.result === null);
    expect(broken.length).toBeGreaterThan(0);
    for (const p of broken) expect(p.problems.length).toBeGreaterThan(0);
    expect(body.summary.unreadable).toBe(broken.length);
  });

  it("tells JSON, JSON Lines and PAXLST apart by content, whatever the content type says", async () => {
    for (const [file, format] of [
      ["manifest.json", "json"],
      ["manifest.jsonl", "jsonl"],
      ["paxlst.edi", "paxlst"],
    ] as const) {
      const res = await post(fixture(file), "text/plain");
      expect(res.statusCode, `${file}: ${res.body}`).toBe(200);
      expect(res.json().format).toBe(format);
      expect(res.json().passengers.length).toBeGreaterThan(1);
    }
    const pax = (await post(fixture("paxlst.edi"), "application/edifact")).json();
    expect(pax.passengers[0].id).toBe("PAX0001");
  });

  it("screens what arrived of a PAXLST message cut short, and says it was cut short", async () => {
    const res = await post(fixture("paxlst-cut-short.edi"), "text/plain");
    expect(res.statusCode).toBe(200);
    expect(res.json().problems.length).toBeGreaterThan(0);
  });

  it("streams progress lines and then the result", async () => {
    const res = await post(fixture("manifest.csv"), "text/csv", "application/x-ndjson");
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.at(-1).type).toBe("result");
    expect(lines.some((l: { type: string }) => l.type === "progress")).toBe(true);
  });

  it("refuses a file that is no manifest, storing and auditing nothing", async () => {
    const hits = await t.rowCount("screening_hits");
    const audit = await t.rowCount("audit_log");
    for (const body of [
      fixture("manifest-no-header.csv"),
      Buffer.from([0, 159, 146, 150, 0, 1]),
      Buffer.from(""),
    ]) {
      const res = await post(body, "text/csv");
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(await t.rowCount("screening_hits")).toBe(hits);
    expect(await t.rowCount("audit_log")).toBe(audit);
  });

  it("refuses a manifest over 100,000 passengers with 413, screening none of it", async () => {
    const audit = await t.rowCount("audit_log");
    const rows = ["id,name,date_of_birth,nationality,sex,document_number,document_country"];
    for (let i = 0; i <= 100_000; i++) rows.push(`P${i},Pax ${i},1980,GB,M,,`);
    const res = await post(rows.join("\n"), "text/csv");
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/100[,.]?000/);
    expect(await t.rowCount("audit_log")).toBe(audit);
  });
});
