import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { backupTables, listDatabaseTables, notBackedUp } from "./backup.tables.ts";

describe("backup coverage", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("every table is either backed up or deliberately left out", async () => {
    const covered = new Set([...backupTables.map((b) => b.name), ...notBackedUp]);
    const missing = (await listDatabaseTables(t.deps.db)).filter((name) => !covered.has(name));
    expect(missing, "add new tables to backup.tables.ts").toEqual([]);
  });
});
