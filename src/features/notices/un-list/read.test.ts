import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_UN_LIST_BYTES } from "./parse.ts";
import { readUnListFile, shippedUnList } from "./read.ts";

describe("reading a UN list file", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-un-read-"));
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };

  it("unpacks the shipped copy to the published list", async () => {
    const xml = await readUnListFile(shippedUnList);
    expect(xml).toHaveLength(2_205_234);
    // The hash reference/un/README.md gives for the published file.
    expect(createHash("sha256").update(xml).digest("hex")).toBe(
      "c6ca69960536d56d714dee1981723cdbeb26b2e8da84537a46696269a3942eb1",
    );
    expect(xml.subarray(0, 38).toString()).toBe("<?xml version='1.0' encoding='UTF-8'?>");
  });

  it("reads plain XML unchanged and gzip by its magic bytes, whatever the name", async () => {
    const xml = Buffer.from("<CONSOLIDATED_LIST/>");
    expect(await readUnListFile(write("plain.xml.gz", xml))).toEqual(xml);
    expect(await readUnListFile(write("packed.xml", gzipSync(xml)))).toEqual(xml);
  });

  it("refuses a corrupt gzip and one that unpacks beyond the size limit", async () => {
    const cut = write("cut.gz", gzipSync(Buffer.from("<CONSOLIDATED_LIST/>")).subarray(0, 15));
    await expect(readUnListFile(cut)).rejects.toMatchObject({ reason: "malformed", code: "unprocessable" });
    const bomb = write("bomb.gz", gzipSync(Buffer.alloc(MAX_UN_LIST_BYTES + 1)));
    expect(readFileSync(bomb).length).toBeLessThan(1024 * 1024);
    await expect(readUnListFile(bomb)).rejects.toMatchObject({ reason: "too_large", code: "unprocessable" });
  });
});
