import type { Command } from "commander";
import { readUnListFile } from "../features/notices/un-list/read.ts";
import { systemActor } from "../shared/actor.ts";
import { GENERAL_SECRETARIAT } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/** `fusion import un-list FILE` and `fusion notices expire`. */
export function registerNoticesCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  const operator = () => systemActor(GENERAL_SECRETARIAT);

  const importCmd =
    program.commands.find((c) => c.name() === "import") ??
    program.command("import").description("import reference lists");
  importCmd
    .command("un-list <file>")
    .description(
      "create or update INTERPOL-UN Special Notices from the UN Security Council Consolidated List XML, plain or gzip (ISIL/Al-Qaida and Taliban regimes); idempotent",
    )
    .action(async (file: string) => {
      // Read the whole file before opening the database: the parser checks all of it before any write.
      const xml = await readUnListFile(file).catch((e: NodeJS.ErrnoException) => {
        io.err(`error: ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
      });
      if (!xml) return setExit(1);
      await run(async ({ services }) => {
        const r = await services.notices.importUnList(operator(), xml);
        io.out(`UN list of ${r.generatedAt}: ${r.inFile} entries in the file`);
        for (const [regime, n] of Object.entries(r.perRegime).sort())
          io.out(`  ${regime}: ${n.individual} individuals, ${n.entity} entities`);
        io.out(
          `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, ended (delisted) ${r.ended}`,
        );
        io.out(`run time ${(r.ms / 1000).toFixed(1)} s`);
        return 0;
      });
    });

  program
    .command("notices")
    .description("notice maintenance")
    .command("expire")
    .description("expire notices past their valid-until date and list those due within six months")
    .option("--now <iso>", "the date to expire as of (default: now)")
    .action(async (o: { now?: string }) => {
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) {
        io.err("error: --now is not a date");
        return setExit(1);
      }
      await run(async ({ services }) => {
        const r = await services.notices.expireDue(operator(), now);
        io.out(`expired ${r.expired.length}`);
        for (const e of r.expired) io.out(`  ${e.noticeNumber ?? e.id} (${e.owner})`);
        io.out(`due within six months ${r.dueSoon.length}`);
        for (const d of r.dueSoon)
          io.out(`  ${d.noticeNumber ?? d.id} (${d.owner}) valid until ${d.validUntil.slice(0, 10)}`);
        return 0;
      });
    });
}
