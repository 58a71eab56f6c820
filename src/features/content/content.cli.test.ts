import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../../test/cli-runner.ts";
import { sharedData, shippedReference } from "../../../test/shared-data.ts";

// The bridge photo, the reference hashes and the needles are shipped in reference/pdq/; every
// reference image is only in ../shared/data/pdq.
const dataDir = shippedReference("pdq");
const allImages = sharedData("pdq");
const lines = (f: string) =>
  readFileSync(path.join(dataDir, f), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const expected = JSON.parse(readFileSync(path.join(dataDir, "expected.json"), "utf8")) as {
  images: { file: string; quality: number; hash: string }[];
};
const bridge = expected.images.find((i) => i.file === "dih/bridge-1-original.jpg") ?? expected.images[0]!;
const bridgeBytes = readFileSync(path.join(dataDir, bridge.file));

const fusion = runFusion;

describe("fusion hash and fusion content", () => {
  it("prints exactly the reference PDQ hash and quality, with MD5 and SHA-256, as JSON", async () => {
    const r = await fusion({}, "hash", path.join(dataDir, bridge.file), "--json");
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.out))).toEqual(["pdq", "quality", "md5", "sha256"]);
    expect(JSON.parse(r.out)).toMatchObject({ pdq: bridge.hash, quality: bridge.quality });
    expect(r.out).toMatch(
      /^\{"pdq":"[0-9a-f]{64}","quality":\d+,"md5":"[0-9a-f]{32}","sha256":"[0-9a-f]{64}"\}$/,
    );
  });

  it.skipIf(!allImages.available)(
    `agrees with the reference on the dihedral and bridge-mods images ${allImages.note}`,
    async () => {
      const exact = expected.images.filter((i) => /^(dih|bridge-mods)\//.test(i.file));
      expect(exact).toHaveLength(20);
      for (const img of exact) {
        const r = await fusion({}, "hash", path.join(allImages.path, img.file), "--json");
        expect(JSON.parse(r.out), img.file).toMatchObject({ pdq: img.hash, quality: img.quality });
      }
    },
  );

  it("refuses non-images, truncated images and missing files with exit code 1", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-hash-"));
    writeFileSync(path.join(dir, "truncated.jpg"), bridgeBytes.subarray(0, 2000));
    for (const f of [
      path.join(dataDir, "needles.txt"),
      path.join(dir, "truncated.jpg"),
      path.join(dir, "nope.png"),
    ]) {
      const r = await fusion({}, "hash", f, "--json");
      expect(r.code, f).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/^error: .+: \S/);
    }
  });

  it("creates a bank, imports a list idempotently and exports it", async () => {
    const env = {
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-")),
      FUSION_DEMO: "true",
      LOG_LEVEL: "silent",
    };
    const bank = await fusion(env, "content", "create-bank", "cli bank");
    expect(bank.code, bank.err).toBe(0);
    const id = /created bank ([0-9a-f-]+)/.exec(bank.out)?.[1] ?? "";
    const file = path.join(dataDir, "needles.txt");
    const args = ["content", "import", id, file, "--signal-type", "pdq", "--labels", "logo"];
    expect((await fusion(env, ...args)).out).toMatch(/100 created, 0 updated, 0 unchanged/);
    expect((await fusion(env, ...args)).out).toMatch(/0 created, 0 updated, 100 unchanged/);
    const exported = await fusion(env, "content", "export", id);
    expect(exported.out.split("\n").sort()).toEqual([...lines("needles.txt")].sort());
  });
});
