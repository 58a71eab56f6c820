import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";
import { demoBiometrics, seedDemoBiometrics } from "./demo.biometrics.ts";

/* The demo's fingerprint templates: enrolled by each person's owner, once, in their own standard. */

describe.each(backends)("demo biometrics on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  const persons = new Map<string, { id: string; owner: Actor }>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    us = await t.user("us.officer", "ncb_officer", "US");
    for (const [name, owner] of [
      ["Karim DEMOVIC", fr],
      ["Jonathan SAMPLEMAN", us],
    ] as const) {
      const r = await t.services.records.create(owner, {
        schema: "Person",
        properties: { name: [name] },
        envelope: envelope("all"),
        source: "Demo",
      });
      persons.set(name, { id: r.id, owner });
    }
  });
  afterAll(() => t?.close());

  it("enrols each sample on its person, and nothing twice", async () => {
    expect(await seedDemoBiometrics(t.services, persons)).toBe(demoBiometrics.length);
    expect(await seedDemoBiometrics(t.services, persons)).toBe(0);
    const karim = await t.services.biometrics.list(fr, persons.get("Karim DEMOVIC")?.id ?? "");
    expect(karim.map((x) => x.format)).toEqual(["iso-19794-2-2011"]);
    const jonathan = await t.services.biometrics.list(us, persons.get("Jonathan SAMPLEMAN")?.id ?? "");
    expect(jonathan.map((x) => [x.format, x.source])).toEqual([["ansi-378-2004", "Demo booking US-2023/52"]]);
  });
});
