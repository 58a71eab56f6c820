import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { auditCsvColumns, neutralise } from "./audit.csv.ts";

/*
 * The audit trail as an auditor works it: people to filter by, found from part of their name; the
 * trail filtered by a user name whatever its case; the filtered trail as CSV, which is itself
 * audited and can never run a formula in a spreadsheet. Only auditors (and the operator) read it.
 */
describe("the audit trail's filters and CSV export", () => {
  let t: TestContext;
  let auditor: Record<string, string>;
  let officer: Record<string, string>;

  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: "GET", url, headers });

  beforeAll(async () => {
    t = await createTestContext();
    await t.user("fr.officer", "ncb_officer", "FR");
    await t.user("de.officer", "ncb_officer", "DE");
    await t.user("audit.one", "auditor", "XG");
    officer = (await t.login("fr.officer")).headers;
    await t.login("de.officer");
    // A failed login records the name as typed: here, one a spreadsheet would take for a formula.
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "=HYPERLINK(1)", password: "wrong password" },
    });
    auditor = (await t.login("audit.one")).headers;
  });
  afterAll(() => t.close());

  it("finds the people to filter by from any part of a name", async () => {
    const res = await get("/api/v1/audit/actors?q=OFFIC", auditor);
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as { username: string; kind: string; country: string }[]).map(
      (a) => `${a.kind}:${a.username}:${a.country}`,
    );
    expect(names.sort()).toEqual(["user:de.officer:DE", "user:fr.officer:FR"]);
  });

  it("filters the trail by user name, whatever its case", async () => {
    const res = await get("/api/v1/audit?username=FR.Officer", auditor);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { actorUsername: string; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.actorUsername))).toEqual(new Set(["fr.officer"]));
  });

  it("exports the filtered trail as CSV in chain order, and records the export", async () => {
    const before = await t.rowCount("audit_log");
    const res = await get("/api/v1/audit/export?username=fr.officer", auditor);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    // A byte-order mark first, so that a spreadsheet reads the names as UTF-8.
    expect(res.body.startsWith("\ufeff")).toBe(true);
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...auditCsvColumns]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.actor_username))).toEqual(new Set(["fr.officer"]));
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // The export is one more entry of the trail, naming the filter it used.
    expect(await t.rowCount("audit_log")).toBe(before + 1);
    const last = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "actor_username", "detail"])
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: "audit.export", actor_username: "audit.one" });
    expect(JSON.stringify(last.detail)).toContain("fr.officer");
  });

  it("never writes a cell a spreadsheet would run as a formula", async () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"].map(neutralise)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ]);
    expect(neutralise("fr.officer")).toBe("fr.officer");
    const res = await get("/api/v1/audit/export?action=auth.login_failed", auditor);
    expect(res.statusCode).toBe(200);
    const cells = (parse(res.body, { columns: true, bom: true }) as Record<string, string>[]).flatMap((r) =>
      Object.values(r),
    );
    expect(cells.some((c) => c.includes("HYPERLINK"))).toBe(true);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it("is for auditors only, and refuses a malformed filter without recording an export", async () => {
    for (const url of ["/api/v1/audit/export", "/api/v1/audit/actors?q=fr", "/api/v1/audit?username=fr"])
      expect((await get(url, officer)).statusCode, url).toBe(403);
    const before = await t.rowCount("audit_log");
    for (const q of ["country=France", "from=yesterday", "username=", "unknown=1", "action=DROP%20TABLE"])
      expect((await get(`/api/v1/audit/export?${q}`, auditor)).statusCode, q).toBe(400);
    expect(await t.rowCount("audit_log")).toBe(before);
  });
});
