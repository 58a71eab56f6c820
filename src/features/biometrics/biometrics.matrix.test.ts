import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, type Row, rowsSeenBy } from "../../../test/matrix.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";
import { face, finger } from "./biometrics.fixtures.ts";

/**
 * Who finds whom, written out literally: persons in each distribution mode all carry the same finger
 * and face, so every search matches every one of them, and each country must get exactly the
 * persons it may see - no candidate, no count, no hint of the others - including after an owner
 * narrows a distribution once the search was made.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                 FR     US     KE     XG
  ["FR all",         true,  true,  true,  true],
  ["FR only US",     true,  true,  false, true],
  ["FR except US",   true,  false, true,  true],
  ["KE only US",     false, true,  true,  true],
];

const modes = {
  all: envelope("all"),
  "only US": envelope("only", ["US"]),
  "except US": envelope("except", ["US"]),
} as const;

describe.each(backends)("biometric search visibility on %s", (kind) => {
  let t: TestContext;
  const actors = {} as Record<Viewer, Actor>;
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  const probe = finger(21).probe;
  const faceProbe = face(21, 512).near;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    actors.FR = await t.user("fr.officer", "ncb_officer", "FR");
    actors.US = await t.user("us.officer", "ncb_officer", "US");
    actors.KE = await t.user("ke.officer", "ncb_officer", "KE");
    actors.XG = await t.user("xg.reviewer", "gs_reviewer", "XG");
    for (const [row] of table) {
      const [owner, ...mode] = row.split(" ");
      const name = `Matrix ${row.replace(/ /g, "")} Person`;
      const p = await t.services.records.create(actors[owner as Viewer], {
        schema: "Person",
        properties: { name: [name] },
        envelope: modes[mode.join(" ") as keyof typeof modes],
        source: "Matrix",
      });
      ids[row] = p.id;
      names[row] = name;
      const who = actors[owner as Viewer];
      await t.services.biometrics.enrolFingerprint(who, p.id, finger(21).enrolled, { source: "m" });
      await t.services.biometrics.enrolFaceTemplate(who, p.id, {
        vector: face(21, 512).vector,
        model: "capture-m",
        source: "m",
      });
    }
  });
  afterAll(() => t?.close());

  const search = (v: Viewer, limit = 10) =>
    t.services.biometricSearch.searchFingerprint(actors[v], probe, {
      reason: "Matrix",
      limit: String(limit),
    });

  /** Nothing of a person the viewer may not see, anywhere in what it got. */
  function noHint(v: Viewer, answer: unknown) {
    const text = JSON.stringify(answer);
    for (const [row] of table)
      if (!rowsSeenBy(viewers, table, v).includes(row)) {
        expect(text).not.toContain(ids[row]);
        expect(text).not.toContain(names[row]);
      }
  }

  it.each(viewers)("%s finds exactly the persons it may see, by finger and by face", async (v) => {
    const seen = rowsSeenBy(viewers, table, v)
      .map((r) => ids[r])
      .sort();
    const s = await search(v);
    expect(s.candidates.map((c) => c.recordId).sort()).toEqual(seen);
    expect(s.candidates.map((c) => c.rank)).toEqual(seen.map((_, i) => i + 1));
    noHint(v, s);
    const f = await t.services.biometricSearch.searchFaceTemplate(actors[v], {
      vector: faceProbe,
      model: "capture-m",
      reason: "Matrix",
    });
    expect(f.candidates.map((c) => c.recordId).sort()).toEqual(seen);
    noHint(v, f);
    const list = await t.services.biometricSearch.list(actors[v], { limit: 200 });
    expect(list.items.find((i) => i.id === s.id)?.candidateCount).toBe(seen.length);
    noHint(v, list);
  });

  it.each(cellsOf(viewers, table))(
    "$viewer sees $row's template minutiae: $sees",
    async ({ row, viewer, sees }) => {
      const templates = await t.services.biometrics.list(actors.XG, ids[row] as string);
      const template = templates.find((x) => x.modality === "fingerprint");
      const read = t.services.biometricSearch.templateMinutiae(actors[viewer], template?.id as string);
      if (sees) await expect(read).resolves.toMatchObject({ format: "iso-19794-2-2005" });
      else await expect(read).rejects.toMatchObject({ code: "not_found" });
    },
  );

  it("ranks only what the viewer may see: a hidden person never takes a visible one's place", async () => {
    for (const v of viewers) {
      const s = await search(v, 1);
      expect(s.candidates).toHaveLength(1);
      expect(rowsSeenBy(viewers, table, v).map((r) => ids[r])).toContain(s.candidates[0]?.recordId);
    }
  });

  it("reads a search only in its own country (and the Secretariat)", async () => {
    const s = await search("FR");
    await expect(t.services.biometricSearch.get(actors.US, s.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(t.services.biometricSearch.get(actors.XG, s.id)).resolves.toMatchObject({ id: s.id });
    expect(
      (await t.services.biometricSearch.list(actors.KE, { limit: 200 })).items.map((i) => i.id),
    ).not.toContain(s.id);
  });

  it("hides a candidate whose distribution narrowed after the search: rank, score and count", async () => {
    const before = await search("US");
    const narrowed = ids["FR all"] as string;
    expect(before.candidates.map((c) => c.recordId)).toContain(narrowed);
    await t.services.records.update(actors.FR, narrowed, {
      envelope: envelope("only", ["KE"]),
      source: "Narrowed",
    });
    const after = await t.services.biometricSearch.get(actors.US, before.id);
    expect(after.candidates).toHaveLength(before.candidates.length - 1);
    expect(after.candidates.map((c) => c.rank)).toEqual(after.candidates.map((_, i) => i + 1));
    expect(JSON.stringify(after)).not.toContain(narrowed);
    const listed = (await t.services.biometricSearch.list(actors.US, { limit: 200 })).items.find(
      (i) => i.id === before.id,
    );
    expect(listed?.candidateCount).toBe(before.candidates.length - 1);
    await expect(
      t.services.biometricSearch.decide(actors.US, before.id, {
        decision: "potential_candidate",
        candidateId: before.candidates.find((c) => c.recordId === narrowed)?.id as string,
      }),
    ).rejects.toMatchObject({ code: "unprocessable" });
    // The galleries followed the change: a new search no longer ranks the person for US.
    expect(JSON.stringify(await search("US"))).not.toContain(narrowed);
    expect((await search("KE")).candidates.map((c) => c.recordId)).toContain(narrowed);
  });
});
