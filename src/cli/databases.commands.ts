import { statSync } from "node:fs";
import type { Command } from "commander";
import type { BulkFormat } from "../shared/bulk/bulk-import.ts";
import { exportFormats } from "../shared/objects.ts";
import type { CliIo, withServices } from "./context.ts";
import { exportCommandOf, registerExport } from "./export-command.ts";
import { actingAs, runFileImport } from "./import-file.ts";
import { registerPersonsExport, registerPersonsImport } from "./persons.commands.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

function formatOf(file: string, given: string | undefined): BulkFormat | string {
  const f = given ?? (/\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : /\.csv$/i.test(file) ? "csv" : undefined);
  if (f === "csv" || f === "jsonl") return f;
  return given ? `--format ${given}: expected csv or jsonl` : `${file}: say --format csv or jsonl`;
}

/** What `fusion import NAME FILE --as CC` reads, by database (the help text). */
const importable = {
  documents:
    "stolen and lost travel documents issued by the acting country (CSV number,country,type,status[,event_date,reported_date,blank] or JSON Lines)",
  firearms:
    "firearms (CSV serial_number,make,type,status[,model,calibre,country_of_manufacture,event_date] or JSON Lines)",
  vehicles:
    "vehicles (CSV make,status and vin or plate with plate_country[,model,colour,event_date] or JSON Lines)",
  materials:
    "CBRNE materials (CSV category,description,identifier,country,event_date,status[,quantity,unit,place] or JSON Lines)",
} as const;
type Importable = keyof typeof importable;
type ImportFlags = { as: string; format?: string; rejects?: string };

/** `fusion import documents|firearms|vehicles|materials FILE --as CC` and `fusion export documents`. */
export function registerDatabasesCommands(
  program: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  const importCmd =
    program.commands.find((c) => c.name() === "import") ??
    program.command("import").description("import reference lists and police databases");
  for (const [name, what] of Object.entries(importable))
    importCmd
      .command(`${name} <file>`)
      .description(
        `import ${what}; idempotent (upsert by the natural key), resumable after a crash; the acting country owns the rows`,
      )
      .requiredOption("--as <country>", `the acting country, owner of the ${name} (ISO alpha-2)`)
      .option("--format <format>", "csv or jsonl (default: from the file's extension)")
      .option("--rejects <file>", "where bad rows go, as JSON Lines (default: FILE.rejects.jsonl)")
      .action((file: string, o: ImportFlags) => importFile(name as Importable, file, o));

  async function importFile(name: Importable, file: string, o: ImportFlags) {
    const actor = actingAs(o.as);
    const format = formatOf(file, o.format);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      io.err(`error: ${file}: no such file`);
      return setExit(1);
    }
    if (typeof actor === "string" || (format !== "csv" && format !== "jsonl")) {
      io.err(`error: ${typeof actor === "string" ? actor : format}`);
      return setExit(1);
    }
    await runFileImport(io, run, {
      file,
      size,
      rejects: o.rejects,
      start: (services, source, each) => services[name].importStream(actor, source, { format, ...each }),
    });
  }

  registerPersonsImport(importCmd, io, run, setExit);

  const exportCmd = exportCommandOf(program);
  registerExport(exportCmd, io, run, setExit, {
    name: "documents",
    description: "export the travel documents the acting country may see (all, for the Secretariat)",
    formats: exportFormats,
    defaultFormat: "jsonl",
    lines: (services, actor, format) => services.documents.exportLines(actor, format),
  });
  registerPersonsExport(exportCmd, io, run, setExit);
}
