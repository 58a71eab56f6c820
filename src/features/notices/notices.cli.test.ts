import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../../test/cli-runner.ts";
import { unListXml } from "./notices.fixtures.ts";

const fusion = runFusion;

describe("fusion import un-list and fusion notices expire", () => {
  it("imports a list, reports counts per regime, is idempotent, and expires", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-notices-cli-"));
    const env = { DATA_DIR: dir, FUSION_DEMO: "true", LOG_LEVEL: "silent" };
    const list = path.join(dir, "list.xml");
    writeFileSync(
      list,
      unListXml("2024-05-01T00:00:00Z", [
        { ref: "QDi.801", dataId: 8001, names: ["CLI", "TEST", "PERSON"] },
        { ref: "TAe.802", dataId: 8002, names: ["CLI TEST ENTITY"] },
        { ref: "CFi.803", dataId: 8003, names: ["OTHER", "REGIME"] },
      ]),
    );
    const first = await fusion(env, "import", "un-list", list);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain("3 entries in the file");
    expect(first.out).toContain("QD: 1 individuals, 0 entities");
    expect(first.out).toContain("TA: 0 individuals, 1 entities");
    expect(first.out).toContain("created 2, updated 0, unchanged 0, ended (delisted) 0");
    expect(first.out).toMatch(/run time \d+\.\d s/);
    const again = await fusion(env, "import", "un-list", list);
    expect(again.out).toContain("created 0, updated 0, unchanged 2, ended (delisted) 0");
    // The same list gzip-compressed (as shipped in reference/un/) reads the same.
    writeFileSync(`${list}.gz`, gzipSync(readFileSync(list)));
    const gzipped = await fusion(env, "import", "un-list", `${list}.gz`);
    expect(gzipped.out).toContain("created 0, updated 0, unchanged 2, ended (delisted) 0");
    writeFileSync(path.join(dir, "cut.xml.gz"), gzipSync(readFileSync(list)).subarray(0, 40));
    expect(await fusion(env, "import", "un-list", path.join(dir, "cut.xml.gz"))).toMatchObject({
      code: 1,
      err: expect.stringContaining("The gzip file is corrupt"),
    });

    // Refused before the database is opened (hostile files are refused by the service tests).
    const missing = await fusion(env, "import", "un-list", path.join(dir, "nope.xml"));
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining("no such file") });

    // UN Special Notices have no valid-until date: nothing expires, nothing is due.
    const expire = await fusion(env, "notices", "expire", "--now", "2040-01-01T00:00:00Z");
    expect(expire.code, expire.err).toBe(0);
    expect(expire.out).toContain("expired 0");
    expect(expire.out).toContain("due within six months 0");
    expect((await fusion(env, "notices", "expire", "--now", "yesterday")).code).toBe(1);
  });
});
