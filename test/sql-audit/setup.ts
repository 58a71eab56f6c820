import { afterAll } from "vitest";
import { type ObservedStatement, sqlObservers } from "../../src/storage/db.ts";
import { allowed } from "./allowlist.ts";
import { issuedByTest, originOf, unguardedReads } from "./rules.ts";

/*
 * Installed for every test file (vitest setupFiles): records each SQL statement the application
 * issues while the file's tests run and fails the file when one reads a guarded table without its
 * guard and is not on the allowlist. Statements that the tests issue themselves are ignored.
 */

const root = process.cwd();
const violations = new Map<string, string>();

const observe = ({ sql, stack }: ObservedStatement) => {
  const unguarded = unguardedReads(sql);
  if (unguarded.length === 0) return;
  const origin = originOf(stack, root);
  if (origin && issuedByTest(origin)) return;
  const left = unguarded.filter((table) => !allowed(origin, table));
  if (left.length === 0) return;
  const where = origin ? `${origin.file}#${origin.fn}` : "<unknown origin>";
  violations.set(`${where} ${left.join(",")}`, sql.replace(/\s+/g, " ").slice(0, 400));
};
sqlObservers.add(observe);

afterAll(() => {
  sqlObservers.delete(observe);
  if (violations.size === 0) return;
  const lines = [...violations].map(([where, sql]) => `  ${where}\n    ${sql}`);
  throw new Error(
    `Reads of guarded tables without the visibility guard (see test/sql-audit/allowlist.ts):\n${lines.join("\n")}`,
  );
});
