import type { Command } from "commander";
import { type Actor, systemActor } from "../shared/actor.ts";
import { exportFormats } from "../shared/objects.ts";
import { GENERAL_SECRETARIAT, isInternationalEntity, isMemberCountry } from "../storage/seed/countries.ts";
import type { CliIo, withServices } from "./context.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

const databases = ["firearms", "vehicles", "materials"] as const;
type ObjectDatabase = (typeof databases)[number];

/**
 * The operator reading as a country's bureau (`--as CC`): it sees what that country sees. Without
 * `--as`, as the Secretariat's analysts do (everything; the audit flags it as oversight).
 */
function readerAs(country: string | undefined): Actor | string {
  const cc = (country ?? GENERAL_SECRETARIAT).toUpperCase();
  if (!isMemberCountry(cc) && !isInternationalEntity(cc)) return `--as ${country}: not a member country code`;
  const gs = cc === GENERAL_SECRETARIAT;
  return { ...systemActor(cc), role: gs ? "gs_analyst" : "ncb_admin", isSecretariat: gs };
}

/** `fusion export firearms|vehicles|materials [--format csv|jsonl] [--as CC]` to standard output. */
export function registerObjectsCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  // Another module may have made `export` already (travel documents): add to it.
  const exportCmd =
    program.commands.find((c) => c.name() === "export") ??
    program.command("export").description("export police databases to standard output");
  for (const name of databases) {
    exportCmd
      .command(name)
      .description(`export the ${name} the acting country may see (all, for the Secretariat)`)
      .option("--format <format>", "csv or jsonl", "jsonl")
      .option("--as <country>", "see what this country sees (default: the Secretariat, audited as oversight)")
      .action(async (o: { format: string; as?: string }) => {
        const actor = readerAs(o.as);
        const format = exportFormats.find((f) => f === o.format);
        if (typeof actor === "string" || !format) {
          io.err(
            `error: ${typeof actor === "string" ? actor : `--format ${o.format}: expected csv or jsonl`}`,
          );
          return setExit(1);
        }
        await run(async ({ services }) => {
          for await (const line of linesOf(services, name, actor, format)) io.out(line.replace(/\n$/, ""));
          return 0;
        });
      });
  }
}

function linesOf(
  services: Parameters<Parameters<typeof withServices>[1]>[0]["services"],
  name: ObjectDatabase,
  actor: Actor,
  format: (typeof exportFormats)[number],
): AsyncIterable<string> {
  switch (name) {
    case "firearms":
      return services.firearms.exportAll(actor, {}, format);
    case "vehicles":
      return services.vehicles.exportAll(actor, {}, format);
    case "materials":
      return services.materials.exportAll(actor, {}, format);
  }
}
