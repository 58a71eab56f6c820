import { describe, expect, it, vi } from "vitest";
import { sharedData, sharedDataRequired } from "./shared-data.ts";

describe("reference data beside the checkout", () => {
  const missing = "no-such-reference-set";

  it("outside CI, a missing folder is unavailable, said once in one line, with a note for the suite", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const d = sharedData(missing, {});
    sharedData(missing, {});
    expect(warn.mock.calls).toEqual([
      ["skipped: tests that need ../shared/data/no-such-reference-set (missing beside the checkout)"],
    ]);
    warn.mockRestore();
    expect(d.available).toBe(false);
    expect(d.path.endsWith("/shared/data/no-such-reference-set")).toBe(true);
    expect(d.note).toBe("(skipped: ../shared/data/no-such-reference-set is missing)");
  });

  it("in CI, a missing folder fails instead of skipping", () => {
    for (const env of [{ CI: "true" }, { FUSION_REQUIRE_SHARED_DATA: "true" }])
      expect(() => sharedData(missing, env)).toThrow(
        /^\.\.\/shared\/data\/no-such-reference-set is missing: the reference data is required in CI/,
      );
    expect(sharedDataRequired({ CI: "false" })).toBe(false);
    expect(sharedDataRequired({})).toBe(false);
  });
});
