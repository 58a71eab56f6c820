import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { MISSING_ID } from "../../../test/matrix.ts";
import type { Actor } from "../../shared/actor.ts";

const envelope = (distribution: "all" | "only", countries: string[] = []) => ({
  distribution,
  distributionCountries: countries,
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
});

/*
 * A person FR shares with the US only, a group everyone sees, and FR's membership record linking
 * them (distributed to all). Kenya sees the group and the membership, never the person: not its
 * id in the membership's values or statements, not as a link, not by trying to link to it.
 */
describe.each(backends)("links between records on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let ke: Actor;
  const id = { person: "", group: "", membership: "" };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.links", "ncb_officer", "FR");
    us = await t.user("us.links", "ncb_officer", "US");
    ke = await t.user("ke.links", "ncb_officer", "KE");
    const create = (
      actor: Actor,
      schema: "Person" | "Organization" | "Membership",
      properties: Record<string, string[]>,
      distribution: "all" | "only" = "all",
    ) =>
      t.services.records.create(actor, {
        schema,
        properties,
        envelope: envelope(distribution, distribution === "only" ? ["US"] : []),
        source: "links test",
      });
    id.person = (await create(fr, "Person", { name: ["Hidden MEMBER"] }, "only")).id;
    id.group = (await create(ke, "Organization", { name: ["Example Cell"] })).id;
    id.membership = (
      await create(fr, "Membership", { member: [id.person], organization: [id.group], role: ["financier"] })
    ).id;
  });
  afterAll(() => t?.close());

  it("shows the bureaux that see both ends the link both ways", async () => {
    const person = await t.services.records.linksOf(us, id.person);
    expect(person.outgoing).toEqual([]);
    expect(person.incoming).toEqual([
      {
        prop: "member",
        record: { id: id.membership, schema: "Membership", caption: "Membership", owner: "FR" },
        others: [
          {
            prop: "organization",
            record: { id: id.group, schema: "Organization", caption: "Example Cell", owner: "KE" },
          },
        ],
      },
    ]);
    const membership = await t.services.records.linksOf(us, id.membership);
    expect(membership.outgoing.map((o) => [o.prop, o.record.id])).toEqual([
      ["member", id.person],
      ["organization", id.group],
    ]);
  });

  it("gives a country outside the person's distribution no id, no statement and no link of it", async () => {
    const view = await t.services.records.get(ke, id.membership);
    expect(view.properties).toEqual({ organization: [id.group], role: ["financier"] });
    const history = await t.services.records.history(ke, id.membership);
    expect(history.map((s) => s.prop).sort()).toEqual(["organization", "role"]);
    const listed = await t.services.records.list(ke, { schema: "Membership", page: 1, pageSize: 10 });
    expect(JSON.stringify(listed)).not.toContain(id.person);
    const lines: string[] = [];
    for await (const l of t.services.records.exportLines(ke, {}, "ftm")) lines.push(l);
    expect(lines.join("")).not.toContain(id.person);
    const group = await t.services.records.linksOf(ke, id.group);
    expect(group.incoming).toEqual([
      {
        prop: "organization",
        record: { id: id.membership, schema: "Membership", caption: "Membership", owner: "FR" },
        others: [],
      },
    ]);
    await expect(t.services.records.linksOf(ke, id.person)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a link to a record one may not see exactly as one to no record, storing nothing", async () => {
    const before = await t.rowCount("records");
    const headers = (await t.login("ke.links")).headers;
    const answers: string[][][] = [];
    for (const member of [id.person, MISSING_ID]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/records",
        headers,
        payload: {
          schema: "Membership",
          properties: { member: [member], organization: [id.group] },
          envelope: envelope("all"),
          source: "probe",
        },
      });
      expect(res.statusCode).toBe(400);
      answers.push(
        res
          .json()
          .errors.map((e: { path: string; message: string }) => [e.path, e.message.replace(member, "ID")]),
      );
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual([["properties.member", "no such record: ID"]]);
    expect(await t.rowCount("records")).toBe(before);
    // Over HTTP, the links answer is the same shape.
    const http = await t.app.inject({ method: "GET", url: `/api/v1/records/${id.group}/links`, headers });
    expect(http.statusCode).toBe(200);
    expect(http.json().incoming).toHaveLength(1);
  });
});
