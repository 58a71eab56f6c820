import { describe, expect, it } from "vitest";
import { issuedByTest, originOf, tableReads, unguardedReads } from "./rules.ts";

/** The checker itself must be able to fail: each case names what it must catch or let through. */
describe("the SQL visibility audit", () => {
  const guard = (alias: string) =>
    `fusion_can_see("${alias}".owner, "${alias}".distribution, "${alias}".distribution_countries, $1, $2)`;

  it("finds every table read, with its alias, and not a DELETE's target", () => {
    expect(
      tableReads('select * from "records" as "r" inner join "notices" as "n" on "n"."id" = "r"."x"'),
    ).toEqual([
      { table: "records", alias: "r" },
      { table: "notices", alias: "n" },
    ]);
    expect(tableReads("SELECT 1 FROM notices AS subject_notice WHERE x")).toEqual([
      { table: "notices", alias: "subject_notice" },
    ]);
    expect(tableReads('select id from "records" where "id" = $1')).toEqual([
      { table: "records", alias: "records" },
    ]);
    expect(tableReads('delete from "records" where "id" = $1')).toEqual([]);
  });

  it("flags a read of a guarded table without its guard", () => {
    expect(unguardedReads('select * from "records" where "id" = $1')).toEqual(["records"]);
    expect(unguardedReads('select * from "diffusions" as "d"')).toEqual(["diffusions"]);
  });

  it("flags a guard applied to another table reference than the one read", () => {
    const sql = `select * from "records" as "r" join "records" as "other" on true where ${guard("r")}`;
    expect(unguardedReads(sql)).toEqual(["records"]);
  });

  it("flags the wrong guard function for a table", () => {
    expect(unguardedReads(`select * from "notices" as "n" where ${guard("n")}`)).toEqual(["notices"]);
  });

  it("passes a read guarded on its own alias", () => {
    expect(unguardedReads(`select * from "records" as "r" where ${guard("r")}`)).toEqual([]);
    expect(
      unguardedReads(
        'select * from "notices" as "n" where fusion_notice_readable("n".owner, "n".state, true, "n".distribution, "n".distribution_countries, $1, $2)',
      ),
    ).toEqual([]);
  });

  it("flags a dependent table read without its guarded parent, and passes it with one", () => {
    expect(unguardedReads('select * from "hash_entries" where "bank_id" = $1')).toEqual(["hash_entries"]);
    expect(
      unguardedReads(
        `select "e".* from "hash_entries" as "e" inner join "hash_banks" as "b" on "b"."id" = "e"."bank_id"`,
      ),
    ).toEqual(["hash_entries", "hash_banks"]);
    expect(
      unguardedReads(
        `select "e".* from "hash_entries" as "e" inner join "hash_banks" as "b" on "b"."id" = "e"."bank_id" where ${guard("b")}`,
      ),
    ).toEqual([]);
  });

  it("ignores tables that carry no owner's rules", () => {
    expect(unguardedReads('select * from "countries"')).toEqual([]);
  });

  it("tells the application's statements from the tests' own", () => {
    const root = "/repo";
    const app = [
      "Error",
      "    at Object.transformQuery (/repo/src/storage/db.ts:60:5)",
      "    at SelectQueryBuilder.execute (/repo/node_modules/kysely/dist/x.js:1:1)",
      "    at Module.findVisible (/repo/src/features/records/records.repo.ts:30:6)",
      "    at get (/repo/src/features/records/records.service.ts:90:1)",
    ].join("\n");
    expect(originOf(app, root)).toEqual({ file: "src/features/records/records.repo.ts", fn: "findVisible" });
    expect(issuedByTest(originOf(app, root))).toBe(false);
    const test = ["Error", "    at /repo/src/features/records/records.access.test.ts:12:3"].join("\n");
    expect(issuedByTest(originOf(test, root))).toBe(true);
  });
});
