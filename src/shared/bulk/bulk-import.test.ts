import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type BatchResult, bulkImport, type Reject } from "./bulk-import.ts";

const schema = z.object({ key: z.string().regex(/^k\d+$/), note: z.string().optional() });
// A row of a key alone gets its empty note cell here.
const csv = (rows: string[]) => [
  `key,note\n${rows.map((r) => (r.includes(",") ? r : `${r},`)).join("\n")}\n`,
];
const tick = () => new Promise((r) => setTimeout(r, 5));

function options(writeBatch: (rows: z.output<typeof schema>[]) => Promise<BatchResult>) {
  const rejects: Reject[] = [];
  return {
    rejects,
    o: {
      format: "csv" as const,
      schema,
      requiredColumns: ["key"],
      keyOf: (v: z.output<typeof schema>) => v.key,
      onReject: (r: Reject) => {
        rejects.push(r);
      },
      batchSize: 2,
      writeBatch: (rows: z.output<typeof schema>[]) => writeBatch(rows),
    },
  };
}

describe("bulkImport", () => {
  it("writes batches one at a time, in file order, a repeated key closing its batch", async () => {
    const written: string[][] = [];
    let inFlight = 0;
    let most = 0;
    const { o } = options(async (rows) => {
      most = Math.max(most, ++inFlight);
      await tick();
      written.push(rows.map((r) => r.key));
      inFlight--;
      return { created: rows.length, updated: 0, unchanged: 0 };
    });
    const report = await bulkImport(csv(["k1", "k2", "k3", "k1", "k4"]), o);
    // k1 again closes its batch: the later row is written after the earlier one.
    expect(written).toEqual([["k1", "k2"], ["k3", "k1"], ["k4"]]);
    expect(most).toBe(1);
    expect(report).toMatchObject({ rows: 5, accepted: 5, created: 5, batches: 3 });
  });

  it("fails the import when a batch cannot be written, after the batches before it", async () => {
    let calls = 0;
    const { o } = options(async (rows) => {
      await tick();
      if (++calls === 2) throw new Error("disk full");
      return { created: rows.length, updated: 0, unchanged: 0 };
    });
    await expect(bulkImport(csv(["k1", "k2", "k3", "k4", "k5", "k6"]), o)).rejects.toThrow("disk full");
    expect(calls).toBe(2);
  });

  it("reads quoted cells and rejects a broken quote on its own line only", async () => {
    const stored: z.output<typeof schema>[] = [];
    const { o, rejects } = options(async (rows) => {
      stored.push(...rows);
      return { created: rows.length, updated: 0, unchanged: 0 };
    });
    await bulkImport(csv(['k1,"a, b"', 'k2,"broken', "k3,plain", "k4,x,y"]), o);
    expect(stored).toEqual([
      { key: "k1", note: "a, b" },
      { key: "k3", note: "plain" },
    ]);
    expect(rejects.map((r) => [r.line, r.reason.split(":")[0]])).toEqual([
      [3, "broken CSV"],
      [5, "3 fields where the header has 2"],
    ]);
  });
});
