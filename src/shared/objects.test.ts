import { describe, expect, it } from "vitest";
import { csvLine } from "./objects.ts";

describe("csvLine", () => {
  it("quotes what needs quoting and defuses text a spreadsheet would run as a formula", () => {
    expect(csvLine(["plain", 'say "hi"', "a,b", "two\nlines", null, undefined, 7])).toBe(
      'plain,"say ""hi""","a,b","two\nlines",,,7\n',
    );
    expect(csvLine(["=HYPERLINK(1)", "+1", "-cmd", "@SUM(A1)", "\tx", "=a,b", -5])).toBe(
      "'=HYPERLINK(1),'+1,'-cmd,'@SUM(A1),'\tx,\"'=a,b\",-5\n",
    );
  });
});
