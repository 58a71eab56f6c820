/*
 * The visibility audit of SQL: which tables carry the owner's rules, which SQL functions guard them,
 * and how a statement is checked. A read of a guarded table passes when the statement applies a
 * guard to that very table reference (by its alias), or when the code that issued it is on the
 * allowlist with a reason. Writes are not reads: they are checked by the services' tests.
 */

/** Tables whose rows carry an owner and a distribution, with the functions that may guard them. */
export const guardedTables: Record<string, readonly string[]> = {
  records: ["fusion_can_see"],
  notices: ["fusion_notice_readable", "fusion_public_extract"],
  diffusions: ["fusion_can_see"],
  hash_banks: ["fusion_can_see", "fusion_bank_shared_with"],
  content_referrals: ["fusion_referral_in_scope"],
  firearms: ["fusion_can_see"],
  firearm_trace_requests: ["fusion_trace_in_scope"],
  vehicles: ["fusion_can_see"],
  cbrne_materials: ["fusion_can_see"],
  travel_documents: ["fusion_can_see"],
  // A hit is its owner's information on its subject, and the screening country's own check.
  screening_hits: ["fusion_hit_visible"],
  // A biometric search is its searching country's (and the Secretariat's); its candidates are also
  // joined to their persons through the records guard in every read.
  biometric_searches: ["fusion_biometric_search_visible"],
};

/**
 * Tables whose rows belong to a guarded parent and have no envelope of their own: a read must
 * join the parent in the same statement, guarded there.
 */
export const dependentTables: Record<string, string> = {
  record_statements: "records",
  record_photos: "records",
  biometric_templates: "records",
  notice_events: "notices",
  notice_photos: "notices",
  hash_entries: "hash_banks",
  content_media: "hash_banks",
  // A pair of records: read joined to both, each guarded (the rule checks at least one).
  resolution_candidates: "records",
  resolution_judgements: "records",
  biometric_candidates: "biometric_searches",
  biometric_decisions: "biometric_searches",
};

const NOT_AN_ALIAS = new Set(
  "where order group limit offset inner left right full cross natural join on using union for having window lateral returning set values except intersect as".split(
    " ",
  ),
);

export type TableRef = { table: string; alias: string };

/** Every table read in a statement (FROM and JOIN clauses, subqueries included; not DELETE FROM). */
export function tableReads(sqlText: string): TableRef[] {
  const refs: TableRef[] = [];
  const re = /(\bdelete\s+)?\b(from|join)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/gi;
  for (const m of sqlText.matchAll(re)) {
    if (m[1]) continue;
    const table = (m[3] ?? "").toLowerCase();
    const candidate = m[4]?.toLowerCase();
    const alias = candidate && !NOT_AN_ALIAS.has(candidate) ? candidate : table;
    refs.push({ table, alias });
  }
  return refs;
}

const guardApplied = (sqlText: string, guards: readonly string[], alias: string): boolean =>
  guards.some((g) => new RegExp(`\\b${g}\\(\\s*"?${alias}"?\\.`, "i").test(sqlText));

/** The guarded or dependent tables a statement reads without their guard; empty when it is clean. */
export function unguardedReads(sqlText: string): string[] {
  const refs = tableReads(sqlText);
  const bad: string[] = [];
  for (const ref of refs) {
    const guards = guardedTables[ref.table];
    if (guards && !guardApplied(sqlText, guards, ref.alias)) bad.push(ref.table);
    const parent = dependentTables[ref.table];
    if (parent) {
      const parentGuards = guardedTables[parent] ?? [];
      const guardedParent = refs.some(
        (r) => r.table === parent && guardApplied(sqlText, parentGuards, r.alias),
      );
      if (!guardedParent) bad.push(ref.table);
    }
  }
  return [...new Set(bad)];
}

export type Origin = { file: string; fn: string };

/**
 * The code that issued a statement: the first stack frame outside the query builder and the
 * storage layer. Statements issued by test code itself (assertions reading the database) have an
 * origin in test/ or in a *.test.ts file.
 */
export function originOf(stack: string, root: string): Origin | null {
  for (const line of stack.split("\n").slice(1)) {
    const m = /at (?:async )?(?:(\S+) \()?(?:file:\/\/)?([^()\s]+):\d+:\d+\)?$/.exec(line.trim());
    if (!m) continue;
    const file = (m[2] ?? "").startsWith(root) ? (m[2] ?? "").slice(root.length + 1) : (m[2] ?? "");
    if (file.includes("node_modules") || file.startsWith("node:") || file === "src/storage/db.ts") continue;
    if (file.startsWith("src/storage/ambient.ts") || file.startsWith("test/sql-audit/")) continue;
    const fn = (m[1] ?? "<anonymous>").replace(/^(Object|Module)\./, "");
    return { file, fn };
  }
  return null;
}

export const issuedByTest = (o: Origin | null): boolean =>
  o === null || o.file.startsWith("test/") || o.file.endsWith(".test.ts");
