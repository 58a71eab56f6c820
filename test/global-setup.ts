import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createStorage } from "../src/storage/db.ts";
import { migrate } from "../src/storage/migrate.ts";
import { seedReferenceData } from "../src/storage/seed/reference.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one template database per back end before the tests. Creating and migrating PGlite
 * takes seconds, so every test file clones the template instead (a data-directory dump for PGlite,
 * CREATE DATABASE ... TEMPLATE on a PostgreSQL server).
 */
export default async function setup(project: TestProject) {
  const storage = await createStorage({ kind: "pglite" });
  await migrate(storage);
  await seedReferenceData(storage);
  const dump = (await storage.pglite!.dumpDataDir("none")) as Blob;
  const file = path.join(os.tmpdir(), `fusion-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await storage.close();
  project.provide("pgliteTemplate", file);

  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide("postgresTemplate", null);
    return;
  }
  const template = `fusion_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const tplStorage = await createStorage({ kind: "postgres", url: withDatabase(url, template), poolSize: 1 });
  await migrate(tplStorage);
  await seedReferenceData(tplStorage);
  await tplStorage.close();
  project.provide("postgresTemplate", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
