import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { MISSING_ID } from "../../../test/matrix.ts";
import type { Actor } from "../../shared/actor.ts";
import { resolverTimestamp } from "./resolution.format.ts";
import type { JudgementView } from "./resolution.schema.ts";

const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

describe.each(backends)("entity resolution on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let iq: Actor;
  let analyst: Actor;
  let reviewer: Actor;
  const ids = {} as Record<"frHashimi" | "iqHashimi" | "frOther" | "iqKhaled" | "frKhaled", string>;
  const judged: Record<string, JudgementView> = {};

  const person = (actor: Actor, properties: Record<string, string[]>, source: string) =>
    t.services.records.create(actor, { schema: "Person", properties, envelope, source });

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    iq = await t.user("iq.officer", "ncb_officer", "IQ");
    analyst = await t.user("gs.analyst", "gs_analyst", "XG");
    reviewer = await t.user("gs.reviewer", "gs_reviewer", "XG");
    ids.frHashimi = (
      await person(
        fr,
        { name: ["Mohammed Ahmed Al-Hashimi"], birthDate: ["1980-05-01"], passportNumber: ["SY1234567"] },
        "FR file 17",
      )
    ).id;
    ids.iqHashimi = (
      await person(
        iq,
        { name: ["محمد أحمد الهاشمي"], birthDate: ["1980"], passportNumber: ["SY 1234567"] },
        "IQ list",
      )
    ).id;
    ids.frOther = (await person(fr, { name: ["Jean Dupont"], birthDate: ["1950-01-01"] }, "FR file 18")).id;
    ids.iqKhaled = (await person(iq, { name: ["Khaled Haddad"], birthDate: ["1975-03-02"] }, "IQ list")).id;
    ids.frKhaled = (await person(fr, { name: ["Khalid Hadad"], birthDate: ["1975-03-02"] }, "FR file 19")).id;
  });
  afterAll(() => t?.close());

  it("a run suggests the cross-country duplicates with an explanation, and nothing else", async () => {
    const run = await t.services.resolution.run(analyst);
    expect(run).toMatchObject({ status: "done", phase: "done", subjects: 5, candidates: 2 });
    const page = await t.services.resolution.listCandidates(fr, {
      page: 1,
      pageSize: 50,
      crossCountry: true,
    });
    expect(page.total).toBe(2);
    const pairs = page.items.map((c) => [c.left.id, c.right.id].sort().join(" "));
    expect(pairs.sort()).toEqual(
      [[ids.frHashimi, ids.iqHashimi].sort().join(" "), [ids.frKhaled, ids.iqKhaled].sort().join(" ")].sort(),
    );
    const hashimi = page.items.find((c) => c.left.id === ids.frHashimi || c.right.id === ids.frHashimi);
    expect(hashimi?.explanation).toMatchObject({
      birthDate: { result: "same_year", weight: 0.15 },
      documents: { shared: ["SY1234567"], weight: 0.4 },
    });
    expect(hashimi?.score).toBe(1);
  });

  it("'different' removes the pair for good: a re-run does not suggest it again", async () => {
    const j = await t.services.resolution.judge(fr, {
      left: ids.frKhaled,
      right: ids.iqKhaled,
      judgement: "negative",
    });
    expect(j).toMatchObject({
      judgement: "negative",
      canonicalId: null,
      user: "fr.officer",
      userCountry: "FR",
    });
    judged.negative = j;
    expect(
      (await t.services.resolution.listCandidates(fr, { page: 1, pageSize: 50, crossCountry: false })).total,
    ).toBe(1);
    const rerun = await t.services.resolution.run(analyst);
    expect(rerun.candidates).toBe(1);
    const left = await t.services.resolution.listCandidates(iq, {
      page: 1,
      pageSize: 50,
      crossCountry: false,
    });
    expect(left.items.map((c) => c.left.id).sort()).toEqual([[ids.frHashimi, ids.iqHashimi].sort()[0]]);
  });

  it("'same' merges: the merged view unions the values, each with its record and provenance", async () => {
    const j = await t.services.resolution.judge(iq, {
      left: ids.iqHashimi,
      right: ids.frHashimi,
      judgement: "positive",
    });
    expect(j.canonicalId).toMatch(/^NK-[0-9a-f]{32}$/);
    judged.positive = j;
    const merged = await t.services.resolution.entity(fr, ids.iqHashimi);
    expect(merged.id).toBe(j.canonicalId);
    expect(merged.members.map((m) => m.id).sort()).toEqual([ids.frHashimi, ids.iqHashimi].sort());
    expect(merged.properties.birthDate?.map((v) => [v.value, v.provenance.map((p) => p.recordId)])).toEqual(
      expect.arrayContaining([
        ["1980-05-01", [ids.frHashimi]],
        ["1980", [ids.iqHashimi]],
      ]),
    );
    const name = merged.properties.name?.find((v) => v.value === "محمد أحمد الهاشمي");
    expect(name?.provenance).toEqual([
      expect.objectContaining({
        recordId: ids.iqHashimi,
        source: "IQ list",
        statedBy: "IQ",
        sourceType: "police",
      }),
    ]);
    // The same entity by its canonical id, and the pair is no longer suggested.
    expect((await t.services.resolution.entity(iq, j.canonicalId as string)).members).toHaveLength(2);
    expect(
      (await t.services.resolution.listCandidates(fr, { page: 1, pageSize: 50, crossCountry: false })).total,
    ).toBe(0);
  });

  it("exports the judgements literally in nomenklatura's resolver format", async () => {
    const lines: unknown[][] = [];
    for await (const l of t.services.resolution.exportJudgements(reviewer)) lines.push(l);
    const { positive, negative } = judged;
    const [kBig, kSmall] = [ids.frKhaled, ids.iqKhaled].sort().reverse();
    const at = (iso: string) => resolverTimestamp(new Date(iso));
    expect(JSON.stringify(lines[0])).toBe(
      `["${kBig}","${kSmall}","negative",null,"fr.officer","${at(negative?.createdAt as string)}"]`,
    );
    expect(
      lines
        .slice(1)
        .map((l) => JSON.stringify(l))
        .sort(),
    ).toEqual(
      [ids.frHashimi, ids.iqHashimi]
        .map(
          (id) =>
            `["${positive?.canonicalId}","${id}","positive",null,"iq.officer","${at(positive?.createdAt as string)}"]`,
        )
        .sort(),
    );
    expect(resolverTimestamp(new Date("2026-11-03T09:15:00.123Z"))).toBe("2026-11-03T09:15:00.123000+0");
  });

  it("undo splits the merge again and keeps the history; the judgement is audited", async () => {
    const merged = await t.services.resolution.entity(fr, ids.frHashimi);
    const positive = merged.judgements.find((j) => j.judgement === "positive" && j.deletedAt === null);
    const undone = await t.services.resolution.undo(fr, String(positive?.id));
    expect(undone.deletedAt).not.toBeNull();
    const alone = await t.services.resolution.entity(fr, ids.frHashimi);
    expect(alone.id).toBe(ids.frHashimi);
    expect(alone.members.map((m) => m.id)).toEqual([ids.frHashimi]);
    const history = await t.deps.db
      .selectFrom("resolution_judgements")
      .select(["judgement", "deleted_by"])
      .orderBy("id")
      .execute();
    expect(history).toEqual([
      { judgement: "negative", deleted_by: null },
      { judgement: "positive", deleted_by: "fr.officer" },
    ]);
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "in", ["resolution.judge", "resolution.undo"])
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["resolution.judge", "resolution.judge", "resolution.undo"]);
  });

  it("refuses bad input with a 4xx and stores nothing", async () => {
    const before = await t.rowCount("resolution_judgements");
    const headers = (await t.login("fr.officer")).headers;
    const post = (payload: unknown) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/resolution/judgements",
        headers,
        payload: payload as object,
      });
    const same = await post({ left: ids.frOther, right: ids.frOther, judgement: "positive" });
    expect([same.statusCode, same.json().detail ?? same.json().title]).toEqual([400, expect.any(String)]);
    expect((await post({ left: ids.frOther, right: MISSING_ID, judgement: "negative" })).statusCode).toBe(
      404,
    );
    expect((await post({ left: ids.frOther, right: ids.iqKhaled, judgement: "maybe" })).statusCode).toBe(400);
    expect((await post({ left: "x", right: ids.iqKhaled, judgement: "unsure" })).statusCode).toBe(400);
    expect(
      (await post({ left: ids.frOther, right: ids.iqKhaled, judgement: "unsure", extra: 1 })).statusCode,
    ).toBe(400);
    const undo = await t.app.inject({
      method: "POST",
      url: "/api/v1/resolution/judgements/999999/undo",
      headers,
    });
    expect(undo.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/resolution/entities/${MISSING_ID}`, headers }))
        .statusCode,
    ).toBe(404);
    // A bureau officer may not start a run; a reviewer may not judge.
    const run = await t.app.inject({ method: "POST", url: "/api/v1/resolution/runs", headers, payload: {} });
    expect(run.statusCode).toBe(403);
    await expect(
      t.services.resolution.judge(reviewer, { left: ids.frOther, right: ids.iqKhaled, judgement: "unsure" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.rowCount("resolution_judgements")).toBe(before);
  });

  it("refuses a second run while one works, and closes a run whose process died", async () => {
    const db = t.deps.storage.db;
    // A run marked running with a fresh sign of life: another process is working on it.
    const at = t.clock.now();
    const { id } = await db
      .insertInto("resolution_runs")
      .values({ status: "running", phase: "score", started_by: "gs.analyst", started_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(t.services.resolution.run(analyst)).rejects.toMatchObject({ code: "conflict" });
    // Six minutes without progress: the process died; the next run closes it and goes ahead.
    const old = new Date(at.getTime() - 6 * 60_000);
    await db.updateTable("resolution_runs").set({ updated_at: old }).where("id", "=", id).execute();
    expect((await t.services.resolution.run(analyst)).status).toBe("done");
    const closed = await db
      .selectFrom("resolution_runs")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect([closed.status, closed.error]).toEqual(["failed", "interrupted"]);
  });
});
