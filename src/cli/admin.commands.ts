import { type Command, Option } from "commander";
import { buildApp } from "../app.ts";
import { createCheckpointWriter } from "../features/audit/audit.checkpoint.ts";
import { backup, restore } from "../features/backup/backup.service.ts";
import { formatDemoCredentials, seedDemo } from "../features/demo/demo.seed.ts";
import { serve } from "../main.ts";
import { systemActor } from "../shared/actor.ts";
import { GENERAL_SECRETARIAT } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";
import { OPENAPI_FILE, WEB_SCHEMA_FILE, writeContract } from "./contract.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/** Operator commands: serving, schema, demo data, audit verification, backup and restore. */
export function registerAdminCommands(program: Command, io: CliIo, run: Run, _env: NodeJS.ProcessEnv): void {
  program
    .command("serve")
    .description("migrate, seed demo data in demo mode, and serve the API and web app")
    .addOption(
      new Option(
        "--role <role>",
        "all: the whole system; screening: a node that only screens, following the change feed",
      )
        .choices(["all", "screening"])
        .default("all"),
    )
    .action((o: { role: "all" | "screening" }) => serve(o.role));

  program
    .command("migrate")
    .description("apply pending database migrations and reference data")
    .action(() =>
      run(async ({ deps }) => {
        io.out(`database migrated (${deps.storage.kind})`);
        return 0;
      }),
    );

  program
    .command("seed-demo")
    .description("seed the demo accounts, API clients and records (once) and print the credentials")
    .action(() =>
      run(async ({ deps, services, config }) => {
        const creds = await seedDemo(deps, services);
        io.out(
          creds
            ? formatDemoCredentials(creds, `http://localhost:${config.port}`)
            : "the demo is seeded already (its credentials file is missing)",
        );
        return 0;
      }),
    );

  const audit = program.command("audit").description("the audit trail");
  audit
    .command("verify")
    .description("recompute the hash chain and check it against the signed checkpoints")
    .action(() =>
      run(async ({ services }) => {
        const r = await services.audit.verify(systemActor(GENERAL_SECRETARIAT));
        for (const p of r.problems) io.err(p.message);
        if (!r.ok) return 3;
        io.out(`audit chain intact: ${r.checked} rows verified`);
        const c = r.checkpoint;
        if (c)
          io.out(
            `signed checkpoints agree: ${r.checkpointsChecked} checked, the latest vouches for seq ${c.seq} (${c.count} rows) at ${c.at}, key ${c.keyId}`,
          );
        for (const n of r.notices) io.out(n);
        return 0;
      }),
    );
  audit
    .command("checkpoint")
    .description("sign the chain head now and write the checkpoint (the server does this on its own)")
    .action(() =>
      run(async ({ deps }) => {
        const log = (line: (s: string) => void) => (_: object, msg: string) => line(msg);
        const writer = createCheckpointWriter(deps, {
          info: log(io.out),
          warn: log(io.err),
          error: log(io.err),
        });
        const c = await writer.write();
        io.out(
          c
            ? `checkpoint appended to ${deps.config.auditCheckpointFile}`
            : "nothing to sign: the trail is empty",
        );
        return 0;
      }),
    );

  program
    .command("backup <file>")
    .description("write a logical backup of the whole database (gzip JSON lines; one snapshot, audited)")
    .action((file: string) =>
      run(async ({ deps }) => {
        const counts = await backup(deps, file, {
          actor: systemActor(GENERAL_SECRETARIAT),
          onProgress: (t, n) => io.out(`  ${t}: ${n} rows`),
        });
        io.out(`backup written to ${file} (${Object.values(counts).reduce((a, b) => a + b, 0)} rows)`);
        return 0;
      }),
    );

  program
    .command("restore <file>")
    .description(
      "restore a backup into an empty database (a new data directory or an empty PostgreSQL database)",
    )
    .action((file: string) =>
      run(async ({ deps }) => {
        const counts = await restore(deps, file, {
          actor: systemActor(GENERAL_SECRETARIAT),
          onProgress: (t, n) => io.out(`  ${t}: ${n} rows`),
        });
        io.out(`restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}`);
        return 0;
      }),
    );

  program
    .command("openapi")
    .description("write the OpenAPI document generated from the routes")
    .option("--out <file>", "output file", OPENAPI_FILE)
    .option("--web-out <file>", "the web app's generated API types ('' to skip)", WEB_SCHEMA_FILE)
    .action((o: { out: string; webOut: string }) =>
      run(async ({ deps }) => {
        const app = await buildApp(deps);
        await app.ready();
        const swagger = app.swagger();
        await app.close();
        for (const file of await writeContract(swagger, { openapi: o.out, webSchema: o.webOut || undefined }))
          io.out(`wrote ${file}`);
        return 0;
      }),
    );
}
