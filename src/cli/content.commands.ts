import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { hashImage } from "../features/content/content.hashing.ts";
import { systemActor } from "../shared/actor.ts";
import { isAppError } from "../shared/errors.ts";
import { GENERAL_SECRETARIAT } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

/** `fusion hash` (no database needed) and `fusion content ...` (hash bank import and export). */
export function registerContentCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  program
    .command("hash <file>")
    .description("print the PDQ hash, its quality, MD5 and SHA-256 of an image file")
    .option("--json", "one JSON object: {pdq, quality, md5, sha256}")
    .action(async (file: string, o: { json?: boolean }) => {
      try {
        const h = await hashImage(await readFile(file));
        if (o.json) io.out(JSON.stringify({ pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256 }));
        else io.out(`pdq     ${h.pdq}\nquality ${h.quality}\nmd5     ${h.md5}\nsha256  ${h.sha256}`);
        setExit(0);
      } catch (e) {
        const why = isAppError(e)
          ? e.message
          : (e as NodeJS.ErrnoException).code === "ENOENT"
            ? "no such file"
            : String((e as Error).message ?? e);
        io.err(`error: ${file}: ${why}`);
        setExit(1);
      }
    });

  const content = program.command("content").description("the terrorist-content hash banks");
  content
    .command("create-bank <name>")
    .description("create a hash bank owned by the General Secretariat, visible to all members")
    .option("--all-platforms", "share it with every platform partner")
    .action((name: string, o: { allPlatforms?: boolean }) =>
      run(async ({ services }) => {
        const bank = await services.content.createBank(operator(), {
          name,
          envelope: { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" },
          sharedWithAllPlatforms: o.allPlatforms === true,
        });
        io.out(`created bank ${bank.id} (${bank.name})`);
        return 0;
      }),
    );
  content
    .command("import <bank-id> <file>")
    .description("import a hash list into a bank (validated whole first; re-importing changes nothing)")
    .option("--format <format>", "plain (one hash per line), csv or json", "plain")
    .option("--signal-type <type>", "for plain lists: pdq, md5, sha256 or video_md5")
    .option("--labels <labels>", "labels added to every entry, comma-separated")
    .action((bankId: string, file: string, o: { format: string; signalType?: string; labels?: string }) =>
      run(async ({ services }) => {
        const started = performance.now();
        const r = await services.content.importEntries(operator(), bankId, await readFile(file, "utf8"), {
          format: o.format as "plain",
          signalType: o.signalType as "pdq" | undefined,
          labels: o.labels,
        });
        const secs = (performance.now() - started) / 1000;
        io.out(
          `imported ${r.received} hashes in ${secs.toFixed(2)} s: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.duplicatesInFile} duplicate lines`,
        );
        return 0;
      }),
    );
  content
    .command("export <bank-id>")
    .description("print a bank's active entries as a plain list, CSV or JSON")
    .option("--format <format>", "plain, csv or json", "plain")
    .option("--signal-type <type>", "only this signal type")
    .action((bankId: string, o: { format: string; signalType?: string }) =>
      run(async ({ services }) => {
        const text = await services.content.exportEntries(operator(), bankId, {
          format: o.format as "plain",
          signalType: o.signalType as "pdq" | undefined,
          includeRetired: "false",
        });
        io.out(text.trimEnd());
        return 0;
      }),
    );
}

const operator = () => systemActor(GENERAL_SECRETARIAT);
