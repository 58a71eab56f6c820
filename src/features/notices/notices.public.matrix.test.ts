import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { getAs, type H, wordOf } from "../../../test/matrix.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { envelope, redRequest, unListXml, yellowRequest } from "./notices.fixtures.ts";
import { envelopeFor, expireAll, type Made, type Mode, type Reachable, reach } from "./notices.reach.ts";

/**
 * The public API (/notices/v1) shows a notice only when it is published now, distributed to all,
 * and its owner consented to the public extract (UN Special Notices always). The table below says,
 * literally, which fixture notice appears; each row is checked in its list (and the list's total),
 * by name and free text, in its detail and in its images. The second table says which requests for
 * a public extract are refused when made: consent cannot widen a restricted distribution.
 */
type Kind = "red" | "yellow" | "un/persons" | "un/entities";

// biome-ignore format: the table is read as a table
const table: readonly [key: string, kind: Kind, shown: boolean][] = [
  ["FR published all consent",          "red",         true],
  ["FR published all no-consent",       "red",         false],
  // Consent asked for with a restricted distribution: refused, or at least never shown.
  ["FR published only US consent",      "red",         false],
  ["FR published except US consent",    "red",         false],
  ["FR published only US no-consent",   "red",         false],
  ["FR draft all consent",              "red",         false],
  ["FR submitted all consent",          "red",         false],
  ["FR under_review all consent",       "red",         false],
  ["FR refused all consent",            "red",         false],
  ["FR suspended all consent",          "red",         false],
  ["FR withdrawn all consent",          "red",         false],
  ["FR cancelled all consent",          "red",         false],
  ["FR expired all consent",            "red",         false],
  ["FR yellow published all consent",   "yellow",      true],
  ["UN person listed",                  "un/persons",  true],
  ["UN entity listed",                  "un/entities", true],
  ["UN person delisted",                "un/persons",  false],
];

/** "FR published only US consent" -> state published, mode "only US", consent asked. */
function parse(key: string): { state: Reachable; mode: Mode; consent: boolean } {
  const words = key.split(" ");
  const state = words[1] as Reachable;
  return { state, mode: words.slice(2, -1).join(" ") as Mode, consent: words.at(-1) === "consent" };
}

describe.each(backends)("public notices API matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const made = new Map<string, Pick<Made, "noticeNumber">>();
  let fr: Actor;
  let frHeaders: H;

  /** A red notice; consent with a restricted distribution is refused today, so it falls back. */
  async function red(key: string, gs: Actor) {
    const { state, mode, consent } = parse(key);
    try {
      return await reach(t, { owner: fr, gs }, key, state, mode, consent);
    } catch (e) {
      if (!(consent && mode !== "all" && e instanceof AppError && e.code === "validation_failed")) throw e;
      return reach(t, { owner: fr, gs }, key, state, mode, false);
    }
  }

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.owner", "ncb_officer", "FR");
    const gs = await t.user("gs.rev", "gs_reviewer", "XG");
    const reds = table.filter((r) => r[0].startsWith("FR") && r[1] === "red").map((r) => r[0]);
    const expiring = reds.filter((k) => parse(k).state === "expired");
    for (const key of expiring) made.set(key, await red(key, gs));
    expect(await expireAll(t)).toBe(expiring.length);
    for (const key of reds) if (!made.has(key)) made.set(key, await red(key, gs));

    const y = await t.services.notices.create(fr, {
      request: yellowRequest(wordOf("FR yellow published all consent"), "Lea"),
      envelope: envelope(),
      publicExtract: true,
    });
    await t.services.notices.transition(fr, y.id, "submit");
    await t.services.notices.transition(gs, y.id, "start_review");
    made.set("FR yellow published all consent", await t.services.notices.transition(gs, y.id, "publish"));

    const un = (key: string, ref: string, dataId: number) => ({ ref, dataId, names: [wordOf(key)] });
    const operator = systemActor("XG");
    const listed = [un("UN person listed", "QDi.901", 9001), un("UN entity listed", "QDe.902", 9002)];
    const gone = un("UN person delisted", "QDi.903", 9003);
    await t.services.notices.importUnList(operator, unListXml("2026-01-01T00:00:00Z", [...listed, gone]));
    await t.services.notices.importUnList(operator, unListXml("2026-02-01T00:00:00Z", listed));
    for (const [key, ref] of [
      ["UN person listed", "QDi.901"],
      ["UN entity listed", "QDe.902"],
      ["UN person delisted", "QDi.903"],
    ] as const) {
      const n = await t.deps.db
        .selectFrom("un_listings as l")
        .innerJoin("notices as n", "n.id", "l.notice_id")
        .select("n.notice_number")
        .where("l.reference_number", "=", ref)
        .executeTakeFirstOrThrow();
      made.set(key, { noticeNumber: n.notice_number });
    }
    await t.user("fr.http", "ncb_officer", "FR");
    frHeaders = (await t.login("fr.http")).headers;
  });
  afterAll(() => t?.close());

  it("the table has one row per notice of the fixture", () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...made.keys()].sort());
  });

  it.each(["red", "yellow", "un/persons", "un/entities"] as const)(
    "the %s list counts only what it shows",
    async (k) => {
      const shown = table.filter((r) => r[1] === k && r[2]).map((r) => made.get(r[0])?.noticeNumber);
      const body = (await getAs(t.app, `/notices/v1/${k}?resultPerPage=160`, {})).json();
      expect(body.total).toBe(shown.length);
      expect(body._embedded.notices.map((n: { entity_id: string }) => n.entity_id).sort()).toEqual(
        shown.sort(),
      );
    },
  );

  it.each(table)("%s (%s) is public: %s", async (key, k, shown) => {
    const word = wordOf(key);
    const byName = (await getAs(t.app, `/notices/v1/${k}?name=${word}`, {})).json();
    const byText = (await getAs(t.app, `/notices/v1/${k}?freeText=${word}`, {})).json();
    expect(byName.total, "by name").toBe(shown ? 1 : 0);
    expect(byText.total, "by free text").toBe(shown ? 1 : 0);
    // The answer echoes the query; the word must not be in the notices it lists.
    const listed = JSON.stringify([byName._embedded.notices, byText._embedded.notices]);
    expect(listed.includes(word), "listed").toBe(shown);
    const number = made.get(key)?.noticeNumber;
    if (!number) {
      // Never published: it has no public identifier to ask for.
      expect(shown).toBe(false);
      return;
    }
    const publicId = number.replace("/", "-");
    const detail = await getAs(t.app, `/notices/v1/${k}/${publicId}`, {});
    expect(detail.statusCode, "detail").toBe(shown ? 200 : 404);
    if (k !== "un/entities") {
      const images = await getAs(t.app, `/notices/v1/${k}/${publicId}/images`, {});
      expect(images.statusCode, "images").toBe(shown ? 200 : 404);
    }
  });

  // Asking for a public extract: the status the request gets, by distribution and consent.
  // biome-ignore format: the table is read as a table
  const requests: readonly [mode: Mode, consent: boolean, status: number][] = [
    ["all",       true,  201],
    ["all",       false, 201],
    ["only US",   true,  400],
    ["except US", true,  400],
    ["only US",   false, 201],
    ["except US", false, 201],
  ];

  it.each(requests)("a request distributed to %s with consent %s gets %s", async (mode, consent, status) => {
    const key = `request ${mode} ${consent}`;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/notices",
      headers: frHeaders,
      payload: {
        request: redRequest(wordOf(key), "Max"),
        envelope: envelopeFor(mode),
        publicExtract: consent,
      },
    });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 201) expect(res.json().publicExtract).toBe(consent);
    else expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  // Changing a draft into the contradiction is refused the same way.
  // biome-ignore format: the table is read as a table
  const edits: readonly [from: [Mode, boolean], patch: object, status: number][] = [
    [["all", true],     { envelope: envelopeFor("only US") },                         400],
    [["all", true],     { envelope: envelopeFor("except US") },                       400],
    [["only US", false], { publicExtract: true },                                     400],
    [["all", true],     { envelope: envelopeFor("only US"), publicExtract: false },   200],
    [["only US", false], { envelope: envelopeFor("all"), publicExtract: true },       200],
  ];

  it.each(edits)("a draft (%j) changed by %j gets %s", async ([mode, consent], patch, status) => {
    const draft = await t.app.inject({
      method: "POST",
      url: "/api/v1/notices",
      headers: frHeaders,
      payload: { request: redRequest("EDITED", "Eve"), envelope: envelopeFor(mode), publicExtract: consent },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/notices/${id}`,
      headers: frHeaders,
      payload: patch,
    });
    expect(res.statusCode, res.body).toBe(status);
    const after = (await getAs(t.app, `/api/v1/notices/${id}`, frHeaders)).json();
    if (status !== 200)
      expect(after).toMatchObject({ publicExtract: consent, envelope: { distribution: mode.split(" ")[0] } });
  });
});
