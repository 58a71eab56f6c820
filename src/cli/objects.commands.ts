import type { Command } from "commander";
import type { Actor } from "../shared/actor.ts";
import { exportFormats } from "../shared/objects.ts";
import type { CliIo, withServices } from "./context.ts";
import { exportCommandOf, registerExport } from "./export-command.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

const databases = ["firearms", "vehicles", "materials"] as const;
type ObjectDatabase = (typeof databases)[number];

/** `fusion export firearms|vehicles|materials [--format jsonl|csv|ftm] [--as CC]` to standard output. */
export function registerObjectsCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  const exportCmd = exportCommandOf(program);
  for (const name of databases)
    registerExport(exportCmd, io, run, setExit, {
      name,
      description: `export the ${name} the acting country may see (all, for the Secretariat)`,
      formats: exportFormats,
      defaultFormat: "jsonl",
      lines: (services, actor, format) => linesOf(services, name, actor, format),
    });
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
