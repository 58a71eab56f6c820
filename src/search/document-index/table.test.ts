import { describe, expect, it } from "vitest";
import { normaliseDocumentNumber, ocrFold } from "./keys.ts";
import { DocumentNumberTable } from "./table.ts";

describe("DocumentNumberTable", () => {
  it("holds numbers exactly and OCR-tolerantly, and nothing else", () => {
    const t = new DocumentNumberTable();
    t.add("L898902C3");
    t.add("x-12 345");
    expect(t.mayHold("L898902C3")).toBe(true);
    expect(t.mayHold("l898902c3")).toBe(true);
    // A reader that took L for 1 and C stays C: the folded key is the same.
    expect(t.mayHold("1898902C3")).toBe(true);
    expect(t.mayHold("X12345")).toBe(true);
    expect(t.mayHold("X1234S")).toBe(true);
    expect(t.mayHold("X12346")).toBe(false);
    expect(t.mayHold("")).toBe(false);
    expect(t.mayHold("---")).toBe(false);
    expect(t.size).toBe(2);
  });

  it("folds each confusable group the way the database index does", () => {
    expect(ocrFold("OILSBZG")).toBe("0115826");
    expect(ocrFold("AC9")).toBe("AC9");
  });

  it("agrees with a plain set through growth and removals (back-shift deletion keeps runs intact)", () => {
    const t = new DocumentNumberTable(4);
    const held = new Map<string, number>();
    let seed = 7;
    const key = (n: string) => ocrFold(normaliseDocumentNumber(n));
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const numbers = Array.from({ length: 3000 }, (_, i) => `P${(next() % 5000).toString(36)}${i % 7}`);
    for (const n of numbers) {
      t.add(n);
      held.set(key(n), (held.get(key(n)) ?? 0) + 1);
    }
    for (const n of numbers.slice(0, 1500)) {
      expect(t.remove(n)).toBe(true);
      const k = key(n);
      const left = (held.get(k) ?? 0) - 1;
      if (left === 0) held.delete(k);
      else held.set(k, left);
    }
    expect(t.size).toBe(1500);
    for (let i = 0; i < 6000; i++) {
      const probe = `P${i.toString(36)}${i % 7}`;
      expect(t.mayHold(probe)).toBe(held.has(key(probe)));
    }
    expect(t.remove("NEVER-ADDED")).toBe(false);
  });

  it("costs about 10 bytes per document once reserved", () => {
    const t = new DocumentNumberTable();
    t.reserve(100_000);
    for (let i = 0; i < 100_000; i++) t.add(`D${i}`);
    expect(t.memoryBytes() / t.size).toBeLessThan(11);
  });
});
