import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope, redRequest, yellowRequest } from "./notices.fixtures.ts";

const itemKeys = ["_links", "date_of_birth", "entity_id", "forename", "name", "nationalities"];
const detailKeys = new Set([
  ...itemKeys,
  "sex_id",
  "place_of_birth",
  "country_of_birth_id",
  "height",
  "weight",
  "eyes_colors_id",
  "hairs_id",
  "distinguishing_marks",
  "arrest_warrants",
  "date_of_event",
  "place",
  "un_reference",
  "aliases",
]);

describe("public INTERPOL-compatible notices API", () => {
  let t: TestContext;
  let fr: Actor;
  let de: Actor;
  let gs: Actor;
  const published: Record<string, { id: string; number: string }> = {};

  const publish = async (owner: Actor, key: string, request: unknown, consent: boolean) => {
    const n = await t.services.notices.create(owner, {
      request: request as never,
      // A public extract exists only for a notice distributed to all; the others stay restricted.
      envelope: consent ? envelope() : envelope("only", ["US"]),
      publicExtract: consent,
    });
    await t.services.notices.transition(owner, n.id, "submit");
    await t.services.notices.transition(gs, n.id, "start_review");
    const p = await t.services.notices.transition(gs, n.id, "publish");
    published[key] = { id: p.id, number: p.noticeNumber as string };
    return p;
  };
  const get = (url: string) => t.app.inject({ method: "GET", url });
  const publicId = (key: string) => published[key]!.number.replace("/", "-");

  beforeAll(async () => {
    t = await createTestContext();
    fr = await t.user("fr.pub", "ncb_officer", "FR");
    de = await t.user("de.pub", "ncb_officer", "DE");
    gs = await t.user("gs.pub", "gs_reviewer", "XG");
    await publish(fr, "dupont", redRequest("DUPONT", "Jean"), true);
    await publish(fr, "secret", redRequest("SECRETMAN", "Hidden"), false);
    await publish(
      de,
      "mueller",
      {
        ...redRequest("MUELLER", "Anna"),
        subject: {
          ...redRequest().subject,
          familyName: "MUELLER",
          forenames: "Anna",
          sex: "F",
          nationalities: ["DE"],
          dateOfBirth: { precision: "year", year: 1999 },
        },
        offences: [{ ...redRequest().offences[0]!, country: "DE" }],
      },
      true,
    );
    await publish(fr, "martin", yellowRequest("MARTIN", "Lea"), true);
    const draft = await t.services.notices.create(fr, {
      request: redRequest("DRAFTY", "Dan"),
      envelope: envelope(),
      publicExtract: true,
    });
    published.draft = { id: draft.id, number: "" };
  });
  afterAll(() => t?.close());

  it("lists consented published Red Notices in the HAL envelope, without logging in", async () => {
    const res = await get("/notices/v1/red");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.query).toMatchObject({ page: 1, resultPerPage: 20 });
    const names = body._embedded.notices.map((n: { name: string }) => n.name);
    expect(names).toEqual(["DUPONT", "MUELLER"]);
    const first = body._embedded.notices[0];
    expect(Object.keys(first).sort()).toEqual(itemKeys);
    expect(first).toMatchObject({
      entity_id: published.dupont!.number,
      forename: "Jean",
      date_of_birth: "1985/04/12",
      nationalities: ["FR"],
    });
    expect(first._links.self.href).toBe(`/notices/v1/red/${publicId("dupont")}`);
    expect(first._links.images.href).toBe(`/notices/v1/red/${publicId("dupont")}/images`);
    // A thumbnail links a stored photo the owner consented to show (notices.photos.test.ts); none here.
    expect(first._links.thumbnail).toBeUndefined();
    expect(body._links.first.href).toContain("page=1");
    expect(body._links.last.href).toContain("page=1");
  });

  it("never shows a Red Notice without the owner's consent, nor drafts", async () => {
    for (const url of [
      "/notices/v1/red?resultPerPage=160",
      "/notices/v1/red?name=secretman",
      "/notices/v1/red?freeText=hidden",
    ]) {
      const body = (await get(url)).json();
      expect(JSON.stringify(body)).not.toContain("SECRETMAN");
      expect(JSON.stringify(body)).not.toContain("DRAFTY");
    }
    expect((await get(`/notices/v1/red/${publicId("secret")}`)).statusCode).toBe(404);
    expect((await get(`/notices/v1/red/${publicId("secret")}/images`)).statusCode).toBe(404);
    // A Yellow notice is not found under Red, and the reverse.
    expect((await get(`/notices/v1/red/${publicId("martin")}`)).statusCode).toBe(404);
  });

  it("gives the extract fields only: no envelope, internal ids, findings or reasons", async () => {
    const res = await get(`/notices/v1/red/${publicId("dupont")}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    for (const k of Object.keys(d)) expect(detailKeys.has(k), k).toBe(true);
    expect(d).toMatchObject({
      sex_id: "M",
      height: 1.8,
      eyes_colors_id: "brown",
      distinguishing_marks: "scar on left hand",
    });
    expect(d.arrest_warrants).toEqual([
      { issuing_country_id: "FR", charge: "Murder", charge_translation: null },
    ]);
    const raw = res.body;
    for (const secret of [
      published.dupont!.id,
      "judicial",
      "distribution",
      "handling",
      "findings",
      "reasons",
      "Investigating judge",
      "2024/123",
      "photo-1",
      "Art. 221-1",
    ])
      expect(raw).not.toContain(secret);
    const images = (await get(`/notices/v1/red/${publicId("dupont")}/images`)).json();
    // The request's own file references are never pictures: only stored, consented photos are.
    expect(images._embedded.images).toEqual([]);
    const yellow = (await get(`/notices/v1/yellow/${publicId("martin")}`)).json();
    expect(yellow).toMatchObject({ name: "MARTIN", date_of_event: "2026-01-10", place: "Nantes" });
    expect((await get("/notices/v1/red/2026-1")).statusCode).toBe(400);
  });

  it("filters by name, forename, nationality, sex, age, warrant country and free text", async () => {
    const names = async (q: string) => {
      const r = await get(`/notices/v1/red?${q}`);
      if (r.statusCode !== 200) throw new Error(`${q}: ${r.body}`);
      return (r.json()._embedded.notices as { name: string }[]).map((n) => n.name);
    };
    expect(await names("name=dup")).toEqual(["DUPONT"]);
    expect(await names("forename=anna")).toEqual(["MUELLER"]);
    expect(await names("nationality=DE")).toEqual(["MUELLER"]);
    expect(await names("sexId=F")).toEqual(["MUELLER"]);
    expect(await names("ageMin=30")).toEqual(["DUPONT"]);
    expect(await names("ageMax=30")).toEqual(["MUELLER"]);
    expect(await names("arrestWarrantCountryId=FR")).toEqual(["DUPONT"]);
    expect(await names("freeText=jean")).toEqual(["DUPONT"]);
    expect((await get("/notices/v1/red?resultPerPage=500")).statusCode).toBe(400);
    expect((await get("/notices/v1/red?handlingCode=H0")).statusCode).toBe(400);
  });

  it("pages stably while notices are published, with no cap on how far one pages", async () => {
    for (let i = 0; i < 5; i++) await publish(fr, `p${i}`, redRequest(`PAGER${i}`, "Pat"), true);
    const page = async (p: number) => (await get(`/notices/v1/red?resultPerPage=2&page=${p}`)).json();
    const before = [await page(1), await page(2), await page(3)];
    expect(before[0].total).toBe(7);
    expect(before[0]._links.next.href).toContain("page=2");
    expect(before[0]._links.last.href).toContain("page=4");
    await publish(fr, "late", redRequest("LATECOMER", "Lou"), true);
    const after = [await page(1), await page(2), await page(3)];
    expect(after.map((p) => p._embedded.notices)).toEqual(before.map((p) => p._embedded.notices));
    const last = await page(4);
    expect(last._embedded.notices.map((n: { name: string }) => n.name)).toEqual(["PAGER4", "LATECOMER"]);
    expect(last._links.next).toBeUndefined();
  });
});
