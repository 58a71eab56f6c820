import { describe, expect, it } from "vitest";
import { ALPHA2_CODES, alpha2OfNumeric } from "./iso-countries.ts";

describe("ISO 3166-1 codes", () => {
  it("maps numeric codes to the alpha-2 codes the server uses", () => {
    expect(alpha2OfNumeric("250")).toBe("FR");
    expect(alpha2OfNumeric(4)).toBe("AF");
    expect(alpha2OfNumeric("004")).toBe("AF");
    expect(alpha2OfNumeric("368")).toBe("IQ");
    expect(alpha2OfNumeric(undefined, "Kosovo")).toBe("XK");
    expect(alpha2OfNumeric(undefined, "Somaliland")).toBeUndefined();
    expect(alpha2OfNumeric("999")).toBeUndefined();
  });

  it("lists every alpha-2 code once", () => {
    expect(ALPHA2_CODES).toHaveLength(new Set(ALPHA2_CODES).size);
    expect(ALPHA2_CODES.length).toBeGreaterThanOrEqual(249);
    for (const code of ["FR", "IQ", "KE", "US", "SY"]) expect(ALPHA2_CODES).toContain(code);
  });
});
