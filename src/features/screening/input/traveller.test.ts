import { describe, expect, it } from "vitest";
import { type TravellerInput, type TravellerResult, validateTraveller } from "./traveller.ts";

const TODAY = "2026-03-01";
const SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
// A German passport built with correct check digits (D is Germany's ICAO code).
const GERMAN = "P<D<<MUELLER<<JOERG<<<<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<8008150M3101012<<<<<<<<<<<<<<<4";

function accepted(input: TravellerInput) {
  const r: TravellerResult = validateTraveller(input, TODAY);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r;
}
function refused(input: TravellerInput) {
  const r = validateTraveller(input, TODAY);
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

describe("validateTraveller fields", () => {
  it("cleans a full set of fields", () => {
    const r = accepted({
      name: "  Jean   Pierre\tDUPONT ",
      dateOfBirth: "1990-03-15",
      nationality: "fra",
      sex: "male",
      documentNumber: "ab 123-456/7",
      documentCountry: "DE",
      documentType: "Passport",
    });
    expect(r.traveller).toEqual({
      name: "Jean Pierre DUPONT",
      surname: null,
      givenNames: null,
      dateOfBirth: "1990-03-15",
      nationality: "FR",
      sex: "M",
      documents: [{ number: "AB1234567", country: "D", type: "passport", expiryDate: null }],
      mrz: null,
    });
    expect(r.warnings).toEqual([]);
  });

  it("builds the name from surname and given names", () => {
    const r = accepted({ surname: "Eriksson", givenNames: "Anna Maria" });
    expect(r.traveller).toMatchObject({
      name: "Anna Maria Eriksson",
      surname: "Eriksson",
      givenNames: "Anna Maria",
    });
  });

  it("keeps names in any script", () => {
    expect(accepted({ name: "محمد بن سلمان" }).traveller.name).toBe("محمد بن سلمان");
    expect(accepted({ name: "Владимир Иванов" }).traveller.name).toBe("Владимир Иванов");
  });

  it("accepts partial dates of birth and refuses impossible or future ones", () => {
    expect(accepted({ name: "A B", dateOfBirth: "1974-08" }).traveller.dateOfBirth).toBe("1974-08");
    expect(accepted({ name: "A B", dateOfBirth: "1974" }).traveller.dateOfBirth).toBe("1974");
    expect(accepted({ name: "A B", dateOfBirth: "19740812" }).traveller.dateOfBirth).toBe("1974-08-12");
    expect(accepted({ name: "A B", dateOfBirth: "2000-02-29" }).traveller.dateOfBirth).toBe("2000-02-29");
    expect(refused({ name: "A B", dateOfBirth: "1990-02-30" })).toEqual([
      { field: "dateOfBirth", message: "dateOfBirth 1990-02-30 is not a real date" },
    ]);
    expect(refused({ name: "A B", dateOfBirth: "1900-02-29" })[0]?.message).toMatch(/not a real date/);
    expect(refused({ name: "A B", dateOfBirth: "2026-03-02" })[0]?.message).toBe(
      "dateOfBirth 2026-03-02 is in the future",
    );
    expect(refused({ name: "A B", dateOfBirth: "2027" })[0]?.message).toMatch(/in the future/);
    expect(refused({ name: "A B", dateOfBirth: "15/03/1990" })[0]?.message).toMatch(/is not a date/);
    expect(refused({ name: "A B", dateOfBirth: "1850-01-01" })[0]?.message).toMatch(/more than 130 years/);
  });

  it("reads countries as alpha-2, alpha-3 or ICAO codes, including non-members", () => {
    expect(accepted({ name: "A B", nationality: "D" }).traveller.nationality).toBe("DE");
    expect(accepted({ name: "A B", nationality: "GBD" }).traveller.nationality).toBe("GB");
    expect(accepted({ name: "A B", nationality: "PRK" }).traveller.nationality).toBe("KP");
    expect(accepted({ name: "A B", nationality: "RKS" }).traveller.nationality).toBe("XK");
    const doc = (country: string) =>
      accepted({ documentNumber: "X1", documentCountry: country }).traveller.documents[0]?.country;
    expect(doc("DEU")).toBe("D");
    expect(doc("de")).toBe("D");
    expect(doc("FR")).toBe("FRA");
    expect(doc("TW")).toBe("TWN");
  });

  it("accepts stateless and refugee nationalities with a warning", () => {
    const r = accepted({ name: "A B", nationality: "XXA" });
    expect(r.traveller.nationality).toBeNull();
    expect(r.warnings[0]?.field).toBe("nationality");
  });

  it("refuses unknown codes, naming the field", () => {
    expect(refused({ name: "A B", nationality: "ZZ" })).toEqual([
      {
        field: "nationality",
        message: 'nationality "ZZ" is not a country code (ISO alpha-2, alpha-3 or ICAO)',
      },
    ]);
    expect(refused({ documentNumber: "X1", documentCountry: "UTO" })[0]?.field).toBe("documentCountry");
    expect(refused({ documentNumber: "X1", documentCountry: "XXA" })[0]?.field).toBe("documentCountry");
  });

  it("reports every bad field at once", () => {
    const problems = refused({
      name: 42 as unknown as string,
      sex: "Q",
      documentNumber: "AB№12",
      documentType: "card",
    });
    expect(problems.map((p) => p.field)).toEqual(["name", "sex", "documentNumber", "documentType"]);
    expect(problems[0]?.message).toBe('name "42" has no letters');
  });

  it("refuses values of the wrong type", () => {
    expect(refused({ name: ["A"] })[0]).toEqual({ field: "name", message: "name must be text, not a list" });
    expect(refused({ name: "A", sex: { m: 1 } })[0]?.message).toBe("sex must be text, not object");
  });

  it("reads sex in several spellings", () => {
    const sex = (s: string) => accepted({ name: "A B", sex: s }).traveller.sex;
    expect([sex("M"), sex("f"), sex("FEMALE"), sex("x"), sex("U")]).toEqual(["M", "F", "F", "X", null]);
  });

  it("needs a name, a document with its country, or an MRZ", () => {
    expect(refused({})[0]?.field).toBe("traveller");
    expect(refused({ dateOfBirth: "1990", nationality: "FR" })[0]?.field).toBe("traveller");
    expect(refused({ documentNumber: "AB123" })[0]?.field).toBe("traveller");
    expect(accepted({ documentNumber: "AB123", documentCountry: "FRA" }).traveller.name).toBeNull();
    expect(refused({ name: "   " })[0]?.field).toBe("traveller");
  });

  it("warns about a document number without a country, and a country without a number", () => {
    const r = accepted({ name: "A B", documentNumber: "AB1" });
    expect(r.warnings).toEqual([
      {
        field: "documentCountry",
        message: "no issuing country for document AB1: it is matched on the number alone",
      },
    ]);
    expect(accepted({ name: "A B", documentCountry: "FR" }).warnings[0]?.field).toBe("documentNumber");
  });
});

describe("validateTraveller with an MRZ", () => {
  it("takes everything from the MRZ when no field is given", () => {
    const r = accepted({ mrz: GERMAN });
    expect(r.traveller).toMatchObject({
      name: "JOERG MUELLER",
      surname: "MUELLER",
      givenNames: "JOERG",
      dateOfBirth: "1980-08-15",
      nationality: "DE",
      sex: "M",
      documents: [{ number: "C01X00T47", country: "D", type: "passport", expiryDate: "2031-01-01" }],
    });
    expect(r.traveller.mrz?.valid).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("lets fields win and warns where they disagree with the MRZ", () => {
    const r = accepted({
      mrz: GERMAN,
      name: "Jörg Müller",
      dateOfBirth: "1980-08-16",
      nationality: "AT",
      sex: "F",
    });
    expect(r.traveller).toMatchObject({
      name: "Jörg Müller",
      dateOfBirth: "1980-08-16",
      nationality: "AT",
      sex: "F",
    });
    expect(r.warnings.map((w) => w.field)).toEqual(["dateOfBirth", "sex", "nationality"]);
    expect(r.warnings[0]?.message).toBe(
      "dateOfBirth 1980-08-16 differs from the MRZ (1980-08-15); the dateOfBirth given is used",
    );
  });

  it("warns about a name that is not the MRZ's", () => {
    const r = accepted({ mrz: GERMAN, name: "Hans Schmidt" });
    expect(r.warnings.map((w) => w.field)).toEqual(["name"]);
  });

  it("agrees with a year-only date and a matching document, filling the document's gaps", () => {
    const r = accepted({ mrz: GERMAN, dateOfBirth: "1980", documentNumber: "c01x00t47" });
    expect(r.warnings).toEqual([]);
    expect(r.traveller.documents).toEqual([
      { number: "C01X00T47", country: "D", type: "passport", expiryDate: "2031-01-01" },
    ]);
  });

  it("checks both documents when the typed number is not the MRZ's", () => {
    const r = accepted({ mrz: GERMAN, documentNumber: "ZZ999", documentCountry: "FR" });
    expect(r.traveller.documents.map((d) => d.number)).toEqual(["ZZ999", "C01X00T47"]);
    expect(r.warnings.map((w) => w.field)).toContain("documentNumber");
  });

  it("keeps a zone with a wrong check digit, as unverified, with warnings", () => {
    const r = accepted({ mrz: SPECIMEN.replace("L898902C36", "L898902C37") });
    expect(r.traveller.mrz?.valid).toBe(false);
    expect(r.traveller.name).toBe("ANNA MARIA ERIKSSON");
    const messages = r.warnings.map((w) => w.message);
    expect(messages).toContain("mrz: the check digit of the document number is 7, the number gives 6");
    expect(messages).toContain("mrz: the zone does not verify; treat the document as unverified");
    expect(messages).toContain("mrz: the document expired on 2012-04-15");
    expect(messages).toContain("mrz: the nationality UTO is not a known country code");
    // Utopia is no country: the document is checked on its number alone.
    expect(r.traveller.documents[0]).toMatchObject({ number: "L898902C3", country: null });
  });

  it("refuses a malformed zone", () => {
    expect(refused({ name: "A B", mrz: "P<UTO" })).toEqual([
      {
        field: "mrz",
        message:
          "mrz: an MRZ has 3 lines of 30 characters (TD1), 2 of 36 (TD2, MRV-B) or 2 of 44 (TD3, MRV-A); this one has 1 line(s) of 5",
      },
    ]);
    expect(refused({ mrz: "x".repeat(201) })[0]?.message).toBe("mrz is longer than 200 characters");
  });

  it("accepts further documents, as a PAXLST passenger has them", () => {
    const r = accepted({
      name: "A B",
      documentNumber: "P1",
      documentCountry: "FR",
      documents: [{ number: "V-22", country: "USA", type: "visa", expiryDate: "2027-01-01" }],
    });
    expect(r.traveller.documents[1]).toEqual({
      number: "V22",
      country: "USA",
      type: "visa",
      expiryDate: "2027-01-01",
    });
    expect(refused({ name: "A B", documents: [{ number: "V1", country: "QQ" }] })[0]?.field).toBe(
      "documents[0].country",
    );
  });
});
