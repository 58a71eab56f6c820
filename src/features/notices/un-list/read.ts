import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { UnListParseError } from "./errors.ts";
import { MAX_UN_LIST_BYTES } from "./parse.ts";

const gunzipAsync = promisify(gunzip);

/** The copy of the list shipped in the repository (reference/un/README.md): the demo imports it. */
export const shippedUnList = path.resolve(
  import.meta.dirname,
  "../../../../reference/un/un-sc-consolidated-2024-09-26.xml.gz",
);

/**
 * Reads a UN list file, plain XML or gzip-compressed (recognised by its magic bytes, whatever the
 * name). The unpacked size is capped at the parser's limit, so a small gzip bomb cannot fill memory.
 */
export async function readUnListFile(file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return await gunzipAsync(bytes, { maxOutputLength: MAX_UN_LIST_BYTES });
  } catch (e) {
    const tooLarge = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new UnListParseError(
      tooLarge ? "too_large" : "malformed",
      tooLarge
        ? `The unpacked file is larger than ${MAX_UN_LIST_BYTES / 1024 / 1024} MiB`
        : "The gzip file is corrupt",
    );
  }
}
