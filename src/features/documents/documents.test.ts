import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Reject } from "../../shared/bulk/bulk-import.ts";
import { OCR_FROM, OCR_TO, ocrKey } from "./documents.schema.ts";

const POST = { method: "POST" as const };

describe.each(backends)("travel documents on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let de: Actor;
  let h: Record<string, string>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    de = await t.user("de.officer", "ncb_officer", "DE");
    h = (await t.login("fr.officer")).headers;
  });
  afterAll(() => t?.close());

  const auditCount = async (action: string) =>
    Number(
      (
        await t.deps.storage.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("a country entering another country's document gets 403 and nothing is stored", async () => {
    const before = await t.rowCount("travel_documents");
    const feed = await t.rowCount("change_feed");
    const res = await t.app.inject({
      ...POST,
      url: "/api/v1/documents",
      headers: h,
      payload: { number: "X1234567", country: "USA", type: "passport", status: "stolen" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe("Only the issuing country enters or changes its documents.");
    expect(res.json().errors).toEqual([
      { path: "country", message: "documents issued by USA are entered by US only, not by FR" },
    ]);
    expect(await t.rowCount("travel_documents")).toBe(before);
    expect(await t.rowCount("change_feed")).toBe(feed);
  });

  it("finds a number read with OCR confusions only when asked to tolerate them", async () => {
    await t.services.documents.create(fr, {
      number: "OB-1234 SZ",
      country: "FRA",
      type: "passport",
      status: "stolen",
    });
    const search = async (query: string) =>
      (await t.app.inject({ method: "GET", url: `/api/v1/documents?${query}`, headers: h })).json();
    // As an MRZ reader might give it back: O as 0, S as 5, Z as 2.
    expect((await search("number=0B123452")).total).toBe(0);
    const tolerant = await search("number=0B123452&ocrTolerant=true");
    expect(tolerant.total).toBe(1);
    expect(tolerant.items.map((d: { number: string }) => d.number)).toEqual(["OB-1234 SZ"]);
    // The key folds exactly the characters the database index folds.
    expect(ocrKey("OILSBZGX09")).toBe("0115826X09");
    const folded = await sql<{
      k: string;
    }>`SELECT translate('OILSBZGX09', ${OCR_FROM}, ${OCR_TO}) AS k`.execute(t.deps.db);
    expect(folded.rows[0]?.k).toBe("0115826X09");
  });

  it("enters a document, normalises its number, maps D to Germany, reviews after ten years", async () => {
    const res = await t.app.inject({
      ...POST,
      url: "/api/v1/documents",
      headers: h,
      payload: {
        number: "12ab-34 567",
        country: "fra",
        type: "id_card",
        status: "lost",
        eventDate: "2026-05-01",
      },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect([d.number, d.numberNormalised, d.country, d.blank, d.eventDate]).toEqual([
      "12ab-34 567",
      "12AB34567",
      "FRA",
      false,
      "2026-05-01",
    ]);
    expect(d.envelope.owner).toBe("FR");
    expect(d.envelope.reviewAt).toBe("2036-06-01");
    const german = await t.services.documents.create(de, {
      number: "C01X00T47",
      country: "D",
      type: "passport",
      status: "stolen",
    });
    expect([german.country, german.envelope.owner]).toEqual(["D", "DE"]);
    const again = await t.app.inject({
      ...POST,
      url: "/api/v1/documents",
      headers: h,
      payload: { number: "12AB34567", country: "FRA", type: "id_card", status: "stolen" },
    });
    expect(again.statusCode).toBe(409);
  });

  it("only the issuing country changes a status; each change reaches the change feed", async () => {
    const d = await t.services.documents.create(fr, {
      number: "STAT001",
      country: "FRA",
      type: "visa",
      status: "lost",
    });
    await expect(t.services.documents.updateStatus(de, d.id, { status: "revoked" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const feed = await t.rowCount("change_feed");
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/documents/${d.id}/status`,
      headers: h,
      payload: { status: "stolen", blank: true },
    });
    expect(res.statusCode).toBe(200);
    expect([res.json().status, res.json().blank]).toEqual(["stolen", true]);
    expect(await t.rowCount("change_feed")).toBe(feed + 1);
  });

  const csv = [
    "number,country,type,status,event_date,reported_date,blank",
    "FR0000001,FRA,passport,stolen,2025-01-02,2025-01-03,false",
    "FR0000002,XYZ,passport,stolen,,,",
    "FR0000003,FRA,passport,stolen,2025-02-30,,",
    'FR0000004,FRA,"passport,stolen,,,',
    "FR0000005,FRA,passport,misplaced,,,",
    "US0000006,USA,passport,stolen,,,",
    "FR0000007,FRA,id_card,lost,,,true",
    "",
  ].join("\n");

  it("stores the good rows and rejects the bad ones with their line and reason", async () => {
    const rejects: Reject[] = [];
    const batchesBefore = await auditCount("document.import.batch");
    const r = await t.services.documents.importStream(fr, [csv], {
      format: "csv",
      batchSize: 1,
      onReject: (x) => {
        rejects.push(x);
      },
    });
    expect(r).toMatchObject({
      rows: 7,
      accepted: 2,
      rejected: 5,
      created: 2,
      updated: 0,
      unchanged: 0,
      batches: 2,
    });
    expect(rejects.map((x) => [x.line, x.reason])).toEqual([
      [3, "country: XYZ is not an ICAO issuing state code"],
      [4, "eventDate: Invalid ISO date"],
      [5, expect.stringMatching(/^broken CSV: Quote Not Closed/)],
      [6, 'status: Invalid option: expected one of "stolen"|"lost"|"revoked"|"invalidated"'],
      [7, "country: documents issued by USA are entered by US only, not by FR"],
    ]);
    expect(rejects[2]?.raw).toBe('FR0000004,FRA,"passport,stolen,,,');
    // One audit row per batch.
    expect(await auditCount("document.import.batch")).toBe(batchesBefore + 2);
    const found = await t.services.documents.list(fr, { number: "fr0000007", page: 1, pageSize: 10 });
    expect(found.items.map((d) => [d.type, d.status, d.blank])).toEqual([["id_card", "lost", true]]);
  });

  it("a re-import duplicates nothing and reports the rows unchanged; a changed row is updated", async () => {
    const before = await t.rowCount("travel_documents");
    const again = await t.services.documents.importStream(fr, [csv], { format: "csv", onReject: () => {} });
    expect(again).toMatchObject({ rows: 7, accepted: 2, created: 0, updated: 0, unchanged: 2, rejected: 5 });
    expect(await t.rowCount("travel_documents")).toBe(before);
    const changed = csv.replace("FR0000007,FRA,id_card,lost", "FR0000007,FRA,id_card,stolen");
    const third = await t.services.documents.importStream(fr, [changed], {
      format: "csv",
      onReject: () => {},
    });
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await t.rowCount("travel_documents")).toBe(before);
  });

  it("imports JSON Lines over HTTP and returns the rejects", async () => {
    const body = [
      '{"number":"JL000001","country":"FRA","type":"residence_permit","status":"invalidated","reported_date":"2026-01-01"}',
      "{not json",
      '{"number":"JL000002","country":"FRA","type":"passport","status":"stolen","event_date":"2026-03-01","reported_date":"2026-02-01"}',
      '{"number":"JL000001","country":"FRA","type":"residence_permit","status":"invalidated","reported_date":"2026-01-01"}',
    ].join("\n");
    const res = await t.app.inject({
      ...POST,
      url: "/api/v1/documents/import",
      headers: { ...h, "content-type": "application/x-ndjson" },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect([r.rows, r.created, r.unchanged, r.rejected]).toEqual([4, 1, 1, 2]);
    expect(r.rejects.map((x: Reject) => [x.line, x.reason.split(":")[0]])).toEqual([
      [2, "not JSON"],
      [3, "reportedDate"],
    ]);
  });

  it("refuses a CSV without the required columns before writing anything", async () => {
    const before = await t.rowCount("travel_documents");
    const res = await t.app.inject({
      ...POST,
      url: "/api/v1/documents/import",
      headers: { ...h, "content-type": "text/csv" },
      payload: "number,country,type\nFR9,FRA,passport\n",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe("The CSV header lacks the columns: status.");
    expect(await t.rowCount("travel_documents")).toBe(before);
  });

  it("a reader without a bureau role may not import", async () => {
    const border = await t.user("fr.border", "border_officer", "FR");
    await expect(
      t.services.documents.importStream(border, ["number,country,type,status\n"], {
        format: "csv",
        onReject: () => {},
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
