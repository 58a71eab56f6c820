import { describe, expect, it } from "vitest";
import { type MrzResult, mrzCheckDigit, parseMrz } from "./mrz.ts";

const TODAY = "2026-03-01";

// ICAO Doc 9303 specimens (Utopia, Anna Maria Eriksson).
const TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const TD1 = [
  "I<UTOD231458907<<<<<<<<<<<<<<<",
  "7408122F1204159UTO<<<<<<<<<<<6",
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];
const TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
const MRVA = ["VIUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"];
const MRVB = ["VIUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"];

function ok(text: string, today = TODAY): MrzResult {
  const result = parseMrz(text, today);
  if (!result.ok) throw new Error(`expected a result, got ${JSON.stringify(result.problems)}`);
  return result;
}

/** A TD3 zone with correct check digits for the given data. */
function td3(opts: {
  number?: string;
  nat?: string;
  dob?: string;
  sex?: string;
  expiry?: string;
  state?: string;
}) {
  const {
    number = "AB1234567",
    nat = "FRA",
    dob = "900315",
    sex = "M",
    expiry = "300101",
    state = "FRA",
  } = opts;
  const personal = "<".repeat(14);
  const d = (s: string) => String(mrzCheckDigit(s));
  const body = `${number}${d(number)}${nat}${dob}${d(dob)}${sex}${expiry}${d(expiry)}${personal}<`;
  const composite = d(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  const names = `P<${state.padEnd(3, "<")}DUPONT<<JEAN<PIERRE`.padEnd(44, "<");
  return `${names}\n${body}${composite}`;
}

/** Replaces the digit at [line, column] by another digit. */
function breakDigit(lines: string[], line: number, column: number): string {
  return lines
    .map((l, i) =>
      i === line ? l.slice(0, column) + String((Number(l[column]) + 1) % 10) + l.slice(column + 1) : l,
    )
    .join("\n");
}

describe("parseMrz on the ICAO specimens", () => {
  it("reads the TD3 passport", () => {
    const r = ok(TD3.join("\n"));
    expect(r).toMatchObject({
      format: "TD3",
      documentCode: "P",
      documentType: "passport",
      issuingState: "UTO",
      issuingCountry: null,
      documentNumber: "L898902C3",
      surname: "ERIKSSON",
      givenNames: "ANNA MARIA",
      nationality: "UTO",
      nationalityCountry: null,
      dateOfBirth: "1974-08-12",
      expiryDate: "2012-04-15",
      sex: "F",
      optionalData: ["ZE184226B"],
      valid: true,
      expired: true,
      problems: [],
    });
    expect(r.checks.map((c) => [c.field, c.valid])).toEqual([
      ["documentNumber", true],
      ["dateOfBirth", true],
      ["expiryDate", true],
      ["personalNumber", true],
      ["composite", true],
    ]);
  });

  it("reads the TD1 card", () => {
    const r = ok(TD1.join("\n"));
    expect(r).toMatchObject({
      format: "TD1",
      documentType: "id_card",
      documentNumber: "D23145890",
      surname: "ERIKSSON",
    });
    expect(r).toMatchObject({ givenNames: "ANNA MARIA", dateOfBirth: "1974-08-12", valid: true });
    expect(r.checks.map((c) => c.field)).toEqual([
      "documentNumber",
      "dateOfBirth",
      "expiryDate",
      "composite",
    ]);
  });

  it("reads the TD2 card", () => {
    const r = ok(TD2.join("\n"));
    expect(r).toMatchObject({
      format: "TD2",
      documentNumber: "D23145890",
      givenNames: "ANNA MARIA",
      sex: "F",
    });
    expect(r.valid).toBe(true);
    expect(r.checks.map((c) => c.field)).toEqual([
      "documentNumber",
      "dateOfBirth",
      "expiryDate",
      "composite",
    ]);
  });

  it("reads both visas, which carry no composite check digit", () => {
    for (const [lines, format] of [
      [MRVA, "MRV-A"],
      [MRVB, "MRV-B"],
    ] as const) {
      const r = ok(lines.join("\n"));
      expect(r).toMatchObject({
        format,
        documentCode: "VI",
        documentType: "visa",
        documentNumber: "L8988901C",
      });
      expect(r).toMatchObject({
        nationality: "XXX",
        nationalityCountry: null,
        dateOfBirth: "1940-09-07",
        valid: true,
      });
      // 2096 would be more than 20 years ahead, so the expiry is read as 1996.
      expect(r.expiryDate).toBe("1996-12-10");
      expect(r.checks.map((c) => c.field)).toEqual(["documentNumber", "dateOfBirth", "expiryDate"]);
    }
  });

  it("reads a TD1 document number that overflows into the optional data", () => {
    const r = ok(["I<UTOD23145890<1233<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<2", TD1[2]].join("\n"));
    expect(r.documentNumber).toBe("D23145890123");
    expect(r.valid).toBe(true);
    expect(r.optionalData).toEqual([]);
  });
});

describe("parseMrz input tolerance", () => {
  it("accepts lower case, CR/LF, surrounding whitespace and tabs", () => {
    const r = ok(`  \r\n${TD3[0]?.toLowerCase()}\r\n\t${TD3[1]}  \r\n`);
    expect(r).toMatchObject({ format: "TD3", surname: "ERIKSSON", valid: true });
  });

  it("cuts a single run of characters into lines when its length says how", () => {
    expect(ok(TD3.join("")).format).toBe("TD3");
    expect(ok(TD1.join("")).format).toBe("TD1");
    expect(ok(TD2.join("")).format).toBe("TD2");
    expect(ok(MRVB.join("")).format).toBe("MRV-B");
  });
});

describe("parseMrz check digits", () => {
  const cases: Array<[string, string[], number, number, string]> = [
    ["TD3", TD3, 1, 9, "documentNumber"],
    ["TD3", TD3, 1, 19, "dateOfBirth"],
    ["TD3", TD3, 1, 27, "expiryDate"],
    ["TD3", TD3, 1, 42, "personalNumber"],
    ["TD3", TD3, 1, 43, "composite"],
    ["TD1", TD1, 0, 14, "documentNumber"],
    ["TD1", TD1, 1, 6, "dateOfBirth"],
    ["TD1", TD1, 1, 14, "expiryDate"],
    ["TD1", TD1, 1, 29, "composite"],
    ["TD2", TD2, 1, 9, "documentNumber"],
    ["TD2", TD2, 1, 19, "dateOfBirth"],
    ["TD2", TD2, 1, 27, "expiryDate"],
    ["TD2", TD2, 1, 35, "composite"],
    ["MRV-A", MRVA, 1, 9, "documentNumber"],
    ["MRV-A", MRVA, 1, 19, "dateOfBirth"],
    ["MRV-A", MRVA, 1, 27, "expiryDate"],
    ["MRV-B", MRVB, 1, 9, "documentNumber"],
    ["MRV-B", MRVB, 1, 19, "dateOfBirth"],
    ["MRV-B", MRVB, 1, 27, "expiryDate"],
  ];
  it.each(cases)(
    "%s: a wrong %s check digit is reported, and the result kept as unverified",
    (_f, lines, line, col, field) => {
      const printed = (Number(lines[line]?.[col]) + 1) % 10;
      const r = ok(breakDigit(lines, line, col));
      expect(r.valid).toBe(false);
      const check = r.checks.find((c) => c.field === field);
      expect(check).toMatchObject({ digit: String(printed), valid: false });
      const problem = r.problems.find((p) => p.field === field);
      expect(problem?.message).toMatch(
        new RegExp(`check digit .* is ${printed}, the (number|date|zone) gives ${check?.computed}`),
      );
      // The names are still there to be screened.
      expect(r.surname).toBe("ERIKSSON");
    },
  );

  it("words the document number problem for an officer", () => {
    const r = ok(breakDigit(TD3, 1, 9));
    expect(r.problems[0]?.message).toBe("the check digit of the document number is 7, the number gives 6");
  });

  it("reports only the composite when only the composite is wrong", () => {
    const r = ok(breakDigit(TD3, 1, 43));
    expect(r.problems.map((p) => p.field)).toEqual(["composite"]);
  });

  it("notices a changed document number even when its check digit is kept", () => {
    const lines = [TD3[0] as string, (TD3[1] as string).replace("L898902C3", "L898902C4")];
    const r = ok(lines.join("\n"));
    expect(r.problems.map((p) => p.field)).toContain("documentNumber");
    expect(r.valid).toBe(false);
  });

  it("computes the ICAO 7-3-1 digit", () => {
    expect(mrzCheckDigit("L898902C3")).toBe(6);
    expect(mrzCheckDigit("740812")).toBe(2);
    expect(mrzCheckDigit("<<<<<<")).toBe(0);
  });
});

describe("parseMrz dates", () => {
  it("puts a birth year above today's two digits in the 1900s and the rest in the 2000s", () => {
    expect(ok(td3({ dob: "270101" })).dateOfBirth).toBe("1927-01-01");
    expect(ok(td3({ dob: "250101" })).dateOfBirth).toBe("2025-01-01");
    // Same two digits as this year but a later month: not born yet, so a century earlier.
    expect(ok(td3({ dob: "260501" })).dateOfBirth).toBe("1926-05-01");
    expect(ok(td3({ dob: "260201" })).dateOfBirth).toBe("2026-02-01");
  });

  it("reads unknown day and month of birth as a partial date", () => {
    expect(ok(td3({ dob: "74<<<<" })).dateOfBirth).toBe("1974");
    expect(ok(td3({ dob: "7408<<" })).dateOfBirth).toBe("1974-08");
  });

  it("refuses an impossible date of birth and still reads the rest", () => {
    const r = ok(td3({ dob: "900230" }));
    expect(r.dateOfBirth).toBeNull();
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([
      { field: "dateOfBirth", message: "the date of birth 900230 is not a real date" },
    ]);
  });

  it("reads expiry years as 20YY up to 20 years ahead, else 19YY", () => {
    expect(ok(td3({ expiry: "460101" })).expiryDate).toBe("2046-01-01");
    expect(ok(td3({ expiry: "470101" })).expiryDate).toBe("1947-01-01");
  });

  it("flags an expired document and not a valid one", () => {
    expect(ok(td3({ expiry: "260228" })).expired).toBe(true);
    expect(ok(td3({ expiry: "260301" })).expired).toBe(false);
    expect(ok(TD3.join("\n"), "2012-04-15").expired).toBe(false);
    expect(ok(TD3.join("\n"), "2012-04-16").expired).toBe(true);
  });
});

describe("parseMrz fields", () => {
  it("maps ICAO codes to our countries: D is Germany, GBD the United Kingdom", () => {
    const r = ok(td3({ state: "D", nat: "GBD" }));
    expect(r).toMatchObject({
      issuingState: "D",
      issuingCountry: "DE",
      nationality: "GBD",
      nationalityCountry: "GB",
    });
    expect(ok(td3({})).nationalityCountry).toBe("FR");
  });

  it("reads sex M, F and X, and '<' as unspecified", () => {
    expect(ok(td3({ sex: "X" })).sex).toBe("X");
    expect(ok(td3({ sex: "<" })).sex).toBeNull();
    const r = ok(td3({ sex: "Q" }));
    expect(r.problems).toContainEqual({ field: "sex", message: "the sex is Q; an MRZ has M, F, X or <" });
  });

  it("reports digits in the name", () => {
    const lines = ["P<UTOERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TD3[1]];
    const r = ok(lines.join("\n"));
    expect(r.valid).toBe(false);
    expect(r.problems[0]?.field).toBe("name");
  });
});

describe("parseMrz malformed input", () => {
  const problem = (text: string) => {
    const r = parseMrz(text, TODAY);
    if (r.ok) throw new Error("expected a problem");
    expect(r.problems).toHaveLength(1);
    return r.problems[0]?.message;
  };
  it("gives a clear problem, never an exception", () => {
    expect(problem("")).toBe("the MRZ is empty");
    expect(problem(TD3[0] as string)).toMatch(/this one has 1 line\(s\) of 44/);
    expect(problem(`${TD3[0]}\n${TD3[1]?.slice(0, 40)}`)).toMatch(/2 line\(s\) of 44, 40/);
    expect(problem(`${TD3.join("\n")}\n${TD3[1]}`)).toMatch(/3 line\(s\)/);
    expect(problem(`${TD3[0]}\n${TD3[1]?.replace("L", "£")}`)).toBe(
      'line 2 has the character "£" at position 1; an MRZ holds only A-Z, 0-9 and <',
    );
    expect(problem(TD3.join("\n").replace(/^P/, "X"))).toMatch(
      /starts with P \(passport\) or V \(visa\), not X/,
    );
    expect(problem(TD1.join("\n").replace(/^I/, "P"))).toMatch(/TD1 document code starts with A, C or I/);
    expect(problem(TD2.join("\n").replace(/^I/, "P"))).toMatch(/36-character MRZ/);
  });

  it("refuses a 36-character zone with digits in its name area", () => {
    const lines = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<12345<", TD2[1]];
    expect(problem(lines.join("\n"))).toMatch(/name area holds digits/);
  });
});
