import { statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { personsExportFormats } from "../features/records/persons.export.ts";
import type { PersonsImportFormat } from "../features/records/persons.import.schema.ts";
import type { CliIo, withServices } from "./context.ts";
import { registerExport } from "./export-command.ts";
import { actingAs, runFileImport } from "./import-file.ts";

type Run = (fn: Parameters<typeof withServices>[1]) => Promise<void>;

function formatOf(file: string, given: string | undefined): PersonsImportFormat | string {
  const f =
    given ??
    (/\.ftm(\.json)?$/i.test(file)
      ? "ftm"
      : /\.(jsonl|ndjson)$/i.test(file)
        ? "jsonl"
        : /\.csv$/i.test(file)
          ? "csv"
          : undefined);
  if (f === "csv" || f === "jsonl" || f === "ftm") return f;
  return given ? `--format ${given}: expected csv, jsonl or ftm` : `${file}: say --format csv, jsonl or ftm`;
}

/** `fusion import persons FILE --as CC [--format csv|jsonl|ftm] [--rejects FILE]`. */
export function registerPersonsImport(
  importCmd: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
): void {
  importCmd
    .command("persons <file>")
    .description(
      "import persons owned by the acting country: CSV reference,name,aliases,date_of_birth,nationality,sex, JSON Lines of the same fields, or FtM entities (Person, Organization, LegalEntity); idempotent by reference, resumable after a crash",
    )
    .requiredOption("--as <country>", "the acting country, owner of the records (ISO alpha-2)")
    .option("--format <format>", "csv, jsonl or ftm (default: from the file's extension)")
    .option("--rejects <file>", "where bad rows go, as JSON Lines (default: FILE.rejects.jsonl)")
    .action(async (file: string, o: { as: string; format?: string; rejects?: string }) => {
      const actor = actingAs(o.as);
      const format = formatOf(file, o.format);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        io.err(`error: ${file}: no such file`);
        return setExit(1);
      }
      if (typeof actor === "string" || (format !== "csv" && format !== "jsonl" && format !== "ftm")) {
        io.err(`error: ${typeof actor === "string" ? actor : format}`);
        return setExit(1);
      }
      await runFileImport(io, run, {
        file,
        size,
        rejects: o.rejects,
        start: (services, source, each) =>
          services.records.importStream(actor, source, { format, fileName: path.basename(file), ...each }),
      });
    });
}

/** `fusion export persons [--format ftm|jsonl|csv] [--as CC]`: what the acting country may see. */
export function registerPersonsExport(
  exportCmd: Command,
  io: CliIo,
  run: Run,
  setExit: (code: number) => void,
) {
  registerExport(exportCmd, io, run, setExit, {
    name: "persons",
    description:
      "export the persons and groups the acting country may see (all, for the Secretariat): FtM entities, or the import's flat rows as JSON Lines or CSV",
    formats: personsExportFormats,
    defaultFormat: "ftm",
    lines: (services, actor, format) => services.records.exportLines(actor, {}, format),
  });
}
