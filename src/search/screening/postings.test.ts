import { describe, expect, it } from "vitest";
import { Postings } from "./postings.ts";

const ids = (p: Postings, list: number) => {
  const out: number[] = [];
  p.forEach(list, (id) => out.push(id));
  return out.sort((a, b) => a - b);
};

describe("Postings", () => {
  it("keeps many lists in one pool through growth, removal and compaction", () => {
    const p = new Postings();
    const expected = new Map<number, number[]>();
    for (let round = 0; round < 40; round++)
      for (let list = 0; list < 3000; list += 1 + (round % 3)) {
        p.add(list, round * 10_000 + list);
        expected.set(list, [...(expected.get(list) ?? []), round * 10_000 + list]);
      }
    for (const [list, want] of expected) {
      expect(p.count(list)).toBe(want.length);
      expect(ids(p, list)).toEqual(want);
    }
    p.remove(6, 6);
    p.remove(6, 123);
    expect(ids(p, 6)).toEqual((expected.get(6) as number[]).slice(1));
    expect(p.count(999_999)).toBe(0);
    expect(p.memoryBytes()).toBeGreaterThan(0);
  });
});
