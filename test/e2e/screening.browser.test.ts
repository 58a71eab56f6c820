import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/shared/actor.ts";
import type { TestContext } from "../harness.ts";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
} from "./demo-server.ts";

/*
 * Border screening in Chromium: a border officer's console (a name check that hits, field errors by
 * label, an MRZ with a broken check digit and what it was read as, a carried stolen firearm), a
 * manifest with live progress, the passengers as read and a broken row, and the owning bureau's inbox
 * where the hit lands live, is confirmed or rejected, with the encounter history.
 */

const ENVELOPE = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const SPECIMEN_LINE_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
// The ICAO specimen's second line with the date of birth changed (740812 -> 740813): its check digit
// (2) and the composite no longer hold.
const BROKEN_LINE_2 = "L898902C36UTO7408132F1204159ZE184226B<<<<<10";
const FIREARM_SERIAL = "BRT-92-77310";

async function actor(t: TestContext, username: string): Promise<Actor> {
  const u = await t.deps.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return {
    kind: "user",
    id: u.id,
    username,
    role: u.role as Actor["role"],
    country: u.country,
    isSecretariat: u.country === "XG",
    scopes: [],
  };
}

/** The US bureau's watchlist: a person distributed to every country, a stolen passport and pistol. */
async function seedWatchlist(t: TestContext) {
  const us = await actor(t, "us.officer");
  await t.services.records.create(us, {
    schema: "Person",
    properties: {
      name: ["Viktor HALVORSEN"],
      birthDate: ["1981-02-17"],
      nationality: ["no"],
      gender: ["male"],
    },
    envelope: { ...ENVELOPE, distribution: "all", handlingCode: "H1" },
    source: "Case file US-2026-114",
  });
  await t.services.documents.create(us, {
    number: "X4471902",
    country: "USA",
    type: "passport",
    status: "stolen",
    envelope: ENVELOPE,
  });
  await t.services.firearms.create(us, {
    serialNumber: FIREARM_SERIAL,
    make: "Beretta",
    model: "92FS",
    type: "pistol",
    status: "stolen",
    envelope: ENVELOPE,
  });
}

/** Made-up passenger names: two syllable words nobody on the watchlist bears. */
function passengerName(i: number): string {
  const a = ["lo", "ma", "ri", "te", "su", "ne", "ka", "vi", "do", "pe"];
  const word = (n: number) =>
    `${a[n % 10]}${a[Math.floor(n / 10) % 10]}${a[Math.floor(n / 100) % 10]}`.replace(/^./, (c) =>
      c.toUpperCase(),
    );
  return `${word(i)} ${word(i + 517)}quist`;
}

/** 450 passengers: Viktor Halvorsen on row 3, a passport on row 4, an impossible date of birth on row 5. */
function manifestCsv(): string {
  const rows = ["id,name,date_of_birth,nationality,sex,document_number,document_country"];
  for (let i = 1; i <= 450; i++) {
    if (i === 3) rows.push("PAX003,Viktor Halvorsen,1981-02-17,NO,M,,");
    else if (i === 4) rows.push(`PAX004,${passengerName(4)},1970-01-01,FR,M,18FR44712,FRA`);
    else if (i === 5) rows.push("PAX005,Jana Broken,1990-02-30,CZ,F,,");
    else rows.push(`PAX${String(i).padStart(3, "0")},${passengerName(i)},1970-01-01,FR,M,,`);
  }
  return `${rows.join("\n")}\n`;
}

describe.skipIf(!browserTestsRunnable())("border screening in Chromium", () => {
  let server: DemoServer;
  const open = () => server.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  async function borderOfficer(): Promise<Page> {
    const p = await open();
    await server.login(p, "fr.border");
    await p.getByTestId("nav-screening").click();
    await p.getByTestId("screening-form").waitFor();
    return p;
  }

  async function checkByFields(p: Page, fields: Record<string, string>) {
    await p.getByTestId("mode-form").check();
    for (const [name, value] of Object.entries(fields)) {
      const field = p.getByTestId(`field-${name}`);
      if (name === "sex" || name === "documentType") await field.selectOption(value);
      else await field.fill(value);
    }
    await p.getByTestId("check-submit").click();
  }

  beforeAll(async () => {
    server = await startDemoServer({ afterSeed: seedWatchlist });
  });
  afterAll(() => server?.close());

  it("a border officer's name and document check hits: the action, whom to call, and why", async () => {
    const p = await borderOfficer();
    // The officer sees the console, not the bureaus' inbox.
    expect(await p.getByTestId("nav-screeningHits").count()).toBe(0);
    await checkByFields(p, {
      name: "Halvorsen Viktr",
      dateOfBirth: "1981-02-17",
      nationality: "NO",
      sex: "M",
      documentNumber: "X4471902",
      documentCountry: "USA",
      documentType: "passport",
      location: "CDG Terminal 2E, booth 14",
    });
    const banner = p.getByTestId("result-banner");
    await banner.waitFor();
    expect(await banner.getAttribute("data-outcome")).toBe("hit");
    expect(await banner.textContent()).toContain("HIT");
    // The stolen passport is the gravest match: its instruction is the one to follow.
    await eventually(() => p.getByTestId("result-action").textContent()).toContain(
      "The document is reported stolen: do not accept it",
    );
    await eventually(() => p.getByTestId("result-contacts").textContent()).toContain(
      "National Central Bureau of United States of America",
    );
    await eventually(() => p.getByTestId("match-card").count()).toBe(2);
    const person = p.locator('[data-testid="match-card"][data-kind="person"]');
    expect(await person.textContent()).toContain("Viktor HALVORSEN");
    const name = await person.getByTestId("explain-name").textContent();
    expect(name).toContain("Strong name match");
    expect(name).toContain("viktr ↔ viktor: a typing error");
    expect(name).toContain("The name parts are in another order.");
    expect(await person.getByTestId("explain-birthDate").textContent()).toContain("The same date");
    expect(await person.getByTestId("explain-nationality").textContent()).toContain("Agrees");
    const document = p.locator('[data-testid="match-card"][data-kind="document"]');
    expect(await document.getByTestId("match-reference").textContent()).toBe("USA X4471902");
    expect(await document.getByTestId("explain-document").textContent()).toContain("Reported stolen.");
    await shot(p, "screening-console-hit-en");

    // The server refuses an impossible date and an unknown country: each is named by its label.
    await p.getByTestId("field-dateOfBirth").fill("1981-02-30");
    await p.getByTestId("field-nationality").fill("QQ");
    await p.getByTestId("check-submit").click();
    await eventually(() => p.getByTestId("field-error-dateOfBirth").textContent()).toBe(
      "Date of birth: 1981-02-30 is not a real date",
    );
    await eventually(() => p.getByTestId("field-error-nationality").textContent()).toContain("Nationality: ");
    expect(await p.getByTestId("form-errors").textContent()).toContain("Correct the fields below.");
    expect(await p.getByTestId("screening-result").count()).toBe(0);
    await shot(p, "screening-console-field-errors-en");
    await p.close();
  });

  it("reads an MRZ and shows which check digit failed and that the document expired", async () => {
    const p = await borderOfficer();
    await p.getByTestId("mode-mrz").check();
    await p.getByTestId("field-mrz").fill(`${SPECIMEN_LINE_1}\n${BROKEN_LINE_2}`);
    await p.getByTestId("field-location").fill("CDG Terminal 2E, booth 14");
    await p.getByTestId("check-submit").click();
    await p.getByTestId("mrz-summary").waitFor();
    expect(await p.getByTestId("result-banner").getAttribute("data-outcome")).toBe("clear");
    expect(await p.getByTestId("mrz-validity").textContent()).toContain("Check digits failed");
    expect(await p.getByTestId("mrz-check-dateOfBirth").getAttribute("data-valid")).toBe("false");
    expect(await p.getByTestId("mrz-check-composite").getAttribute("data-valid")).toBe("false");
    expect(await p.getByTestId("mrz-check-documentNumber").getAttribute("data-valid")).toBe("true");
    // The specimen expired on 2012-04-15.
    expect(await p.getByTestId("mrz-expiry").textContent()).toBe("The document has expired.");
    expect(await p.getByTestId("result-warnings").textContent()).toContain(
      "Machine-readable zone (MRZ): the check digit of the date of birth is 2, the date gives 3",
    );
    // What the zone was read as, dates in the reader's format: the officer holds it against the page.
    const read = (field: string) => p.getByTestId(`mrz-read-${field}`).locator("dd").textContent();
    expect(await read("surname")).toBe("ERIKSSON");
    expect(await read("givenNames")).toBe("ANNA MARIA");
    expect(await read("document")).toBe("Passport UTO L898902C3");
    expect(await read("dateOfBirth")).toBe("13 Aug 1974");
    expect(await read("expiryDate")).toBe("15 Apr 2012");
    await shot(p, "screening-console-mrz-en");

    // The specimen as printed verifies.
    await p
      .getByTestId("field-mrz")
      .fill(`${SPECIMEN_LINE_1}\n${BROKEN_LINE_2.replace("7408132", "7408122")}`);
    await p.getByTestId("check-submit").click();
    await eventually(() => p.getByTestId("mrz-validity").textContent()).toBe("Every check digit is right.");
    await p.close();
  });

  it("finds a carried stolen firearm by its serial alone, in the reader's language", async () => {
    const p = await borderOfficer();
    // Folded away until asked for: most travellers carry neither a firearm nor a vehicle.
    expect(await p.getByTestId("field-firearmSerialNumber").isVisible()).toBe(false);
    await p.getByTestId("objects-toggle").click();
    // Typed as an officer reads it off the weapon: spaces, lower case.
    await p.getByTestId("field-firearmSerialNumber").fill("brt 92 77310");
    await p.getByTestId("field-location").fill("Menton motorway crossing, lane 3");
    await p.getByTestId("check-submit").click();
    await eventually(() => p.getByTestId("result-banner").getAttribute("data-outcome")).toBe("hit");
    const card = p.locator('[data-testid="match-card"][data-kind="firearm"]');
    await card.waitFor();
    expect(await p.getByTestId("match-card").count()).toBe(1);
    expect(await card.getByTestId("match-reference").textContent()).toBe(FIREARM_SERIAL);
    expect(await card.locator(".badge").textContent()).toBe("Firearm · stolen");
    expect(await p.getByTestId("result-action").textContent()).toContain(
      "The firearm is reported lost, stolen or trafficked: seize it",
    );
    const why = await card.getByTestId("explain-firearm").textContent();
    expect(why).toContain("The serial number is the same.");
    expect(why).toContain("Listed as: Beretta 92FS, Pistol");
    expect(why).toContain("The firearm is reported stolen.");
    await shot(p, "screening-console-firearm-en");

    // French: the kind, the status (agreeing with "arme") and the instruction are the app's own.
    await p.getByTestId("lang-select").selectOption("fr");
    await eventually(() => card.locator(".badge").textContent()).toBe("Arme à feu · volée");
    expect(await p.getByTestId("result-action").textContent()).toContain(
      "L'arme est signalée perdue, volée ou objet d'un trafic",
    );
    expect(await card.getByTestId("explain-firearm").textContent()).toContain("L'arme est signalée volée.");
    await shot(p, "screening-console-firearm-fr");
    await p.close();
  });

  it("screens a manifest with live progress; a broken row is reported, hits filtered and opened", async () => {
    const p = await borderOfficer();
    await p.getByTestId("manifest-link").click();
    await p
      .getByTestId("manifest-file")
      .setInputFiles({ name: "af1234.csv", mimeType: "text/csv", buffer: Buffer.from(manifestCsv()) });
    await p.getByTestId("manifest-location").fill("AF1234 Oslo–Paris, CDG 2F");
    await p.getByTestId("manifest-submit").click();
    await p.getByTestId("manifest-results").waitFor({ timeout: 60_000 });
    // Progress lines arrived while the passengers were screened (every 200, then the last).
    const updates = Number(await p.getByTestId("manifest-progress").getAttribute("data-updates"));
    expect(updates).toBeGreaterThanOrEqual(3);
    expect(await p.getByTestId("manifest-progress-count").textContent()).toBe(
      "449 of 449 passengers screened",
    );
    expect(await p.getByTestId("manifest-summary").textContent()).toBe(
      "Passengers: 450; screened: 449; unreadable: 1; hits: 1.",
    );
    // Each passenger as read: name, date of birth in the reader's format, document.
    const row4 = p.locator('[data-testid="manifest-row"][data-id="PAX004"]');
    expect(await row4.getByTestId("manifest-name").textContent()).toBe(passengerName(4));
    expect(await row4.getByTestId("manifest-dob").textContent()).toBe("1 Jan 1970");
    expect(await row4.getByTestId("manifest-document").textContent()).toBe("18FR44712");
    const row3 = p.locator('[data-testid="manifest-row"][data-id="PAX003"]');
    expect(await row3.getByTestId("manifest-name").textContent()).toBe("Viktor Halvorsen");
    expect(await row3.getByTestId("manifest-dob").textContent()).toBe("17 Feb 1981");
    expect(await row3.getByTestId("manifest-document").textContent()).toBe("—");
    // The unreadable row has no passenger as read; its reason stands in the detail column.
    const row5 = p.locator('[data-testid="manifest-row"][data-id="PAX005"]');
    expect(await row5.getByTestId("manifest-name").textContent()).toBe("—");
    // The viewport only: the full page is 450 rows long.
    await p.screenshot({ path: `${ARTIFACTS}/screening-manifest-en.png` });

    await p.getByTestId("manifest-show").selectOption("unreadable");
    await eventually(() => p.getByTestId("manifest-row").count()).toBe(1);
    expect(await p.getByTestId("manifest-row").textContent()).toContain(
      "Date of birth: 1990-02-30 is not a real date",
    );
    await p.getByTestId("manifest-show").selectOption("hit");
    await eventually(() => p.getByTestId("manifest-row").count()).toBe(1);
    expect(await p.getByTestId("manifest-row").getAttribute("data-id")).toBe("PAX003");
    await p.getByTestId("manifest-open").click();
    const detail = p.getByTestId("passenger-detail");
    await detail.waitFor();
    expect(await detail.getByTestId("result-banner").getAttribute("data-outcome")).toBe("hit");
    expect(await detail.getByTestId("result-action").textContent()).toContain(
      "verify the traveller's identity and contact the owning National Central Bureau",
    );
    await shot(p, "screening-manifest-hit-en");
    await p.close();
  });

  it("the owning bureau sees a hit arrive live, rejects it with confirmation, and reads the history", async () => {
    const bureau = await open();
    await server.login(bureau, "us.officer");
    await bureau.getByTestId("nav-screeningHits").click();
    await bureau.getByTestId("hits-table").waitFor();
    await eventually(() => bureau.getByTestId("live-status").getAttribute("data-state")).toBe("open");
    const pendingBefore = await bureau.getByTestId("pending-count").textContent();
    expect(await bureau.getByTestId("arrived-notice").count()).toBe(0);

    // Another session, another country: the border post checks the traveller again.
    const post = await borderOfficer();
    await checkByFields(post, {
      name: "Viktor Halvorsen",
      dateOfBirth: "1981-02-17",
      location: "Nice Côte d'Azur, Terminal 1",
    });
    await eventually(() => post.getByTestId("result-banner").getAttribute("data-outcome")).toBe("hit");

    // No reload: the stream brings it in, with an unobtrusive notice and a "New" row.
    await eventually(() => bureau.getByTestId("arrived-notice").textContent()).toBe(
      "New hit: Viktor Halvorsen, checked by FR.",
    );
    const fresh = bureau.locator('[data-testid="hit-row"].is-new');
    await eventually(() => fresh.count()).toBe(1);
    expect(await fresh.textContent()).toContain("Nice Côte d'Azur, Terminal 1");
    expect(await bureau.getByTestId("pending-count").textContent()).not.toBe(pendingBefore);
    await shot(bureau, "screening-inbox-live-en");

    await fresh.getByTestId("hit-link").click();
    await bureau.getByTestId("hit-record").waitFor();
    expect(await bureau.getByTestId("hit-location").textContent()).toBe("Nice Côte d'Azur, Terminal 1");
    expect(await bureau.getByTestId("hit-traveller").textContent()).toContain("Viktor Halvorsen");
    // The manifest's passenger 3 is the same traveller: both encounters are listed.
    await eventually(() =>
      bureau.getByTestId("encounters-table").locator("tr[data-testid=hit-row]").count(),
    ).toBe(2);
    expect(await bureau.getByTestId("encounters-table").textContent()).toContain("AF1234 Oslo–Paris, CDG 2F");

    await bureau.getByTestId("decision-note").fill("Different man: born in Bergen, checked with NCB Oslo.");
    await bureau.getByTestId("decision-reject").click();
    await eventually(() => bureau.getByTestId("hit-decision").textContent()).toContain(
      "It will not be raised again for this traveller and this record.",
    );
    await shot(bureau, "screening-hit-reject-question-en");
    await bureau.getByTestId("decision-reject-confirm").click();
    await eventually(() => bureau.getByTestId("decision-done").textContent()).toBe(
      "The match is rejected: it will not be raised again for this traveller and this record.",
    );
    await eventually(() => bureau.locator(".page-head [data-testid=hit-state]").textContent()).toBe(
      "Rejected",
    );
    await shot(bureau, "screening-hit-rejected-en");

    // The same traveller at the border again: the rejected match is not raised.
    await post.getByTestId("check-submit").click();
    await eventually(() => post.getByTestId("result-banner").getAttribute("data-outcome")).toBe("clear");
    await post.close();

    // The stolen passport hit of the first check is confirmed.
    await bureau.getByTestId("hit-back").click();
    await bureau.getByTestId("filter-state").selectOption("pending");
    await eventually(() => bureau.evaluate(() => window.location.hash)).toContain("state=pending");
    const passport = bureau.locator("[data-testid=hit-row]", { hasText: "X4471902" }).first();
    await passport.getByTestId("hit-link").click();
    await bureau.getByTestId("decision-confirm").click();
    expect(await bureau.getByTestId("hit-decision").textContent()).toContain(
      "Confirm that this traveller is the subject of your record?",
    );
    await bureau.getByTestId("decision-confirm-confirm").click();
    await eventually(() => bureau.getByTestId("decision-done").textContent()).toBe("The match is confirmed.");
    await eventually(() => bureau.getByTestId("decision-record").textContent()).toContain("Confirmed");
    await shot(bureau, "screening-hit-confirmed-en");
    await bureau.close();
  });

  it("the owning bureau reads the firearm hit with its kind and instruction in French", async () => {
    const bureau = await open();
    await server.login(bureau, "us.officer");
    await bureau.getByTestId("lang-select").selectOption("fr");
    await bureau.getByTestId("nav-screeningHits").click();
    await bureau.getByTestId("hits-table").waitFor();
    const row = bureau.locator("[data-testid=hit-row]", { hasText: FIREARM_SERIAL }).first();
    // The stored hit keeps its category: the status is named, not only the kind.
    await eventually(() => row.getByTestId("hit-kind").textContent()).toBe("Arme à feu · volée");
    expect(await row.getByTestId("hit-link").textContent()).toBe("(aucun nom donné)");
    await row.getByTestId("hit-link").click();
    await bureau.getByTestId("hit-record").waitFor();
    expect(await bureau.getByTestId("hit-record").getByTestId("hit-kind").textContent()).toBe(
      "Arme à feu · volée",
    );
    expect(await bureau.getByTestId("hit-instruction").textContent()).toContain(
      "L'arme est signalée perdue, volée ou objet d'un trafic",
    );
    expect(await bureau.getByTestId("hit-location").textContent()).toBe("Menton motorway crossing, lane 3");
    // The hit is dated by the server's clock (the test's fixed clock), in the reader's format.
    expect(await bureau.getByTestId("hit-seen").textContent()).toContain("1 juin 2026");
    expect(await bureau.getByTestId("hit-open-record").getAttribute("href")).toContain(
      "/databases/firearms/",
    );
    await shot(bureau, "screening-hit-firearm-fr");
    await bureau.close();
  });

  it("speaks Arabic right to left, values kept in their own direction", async () => {
    const p = await borderOfficer();
    await p.getByTestId("lang-select").selectOption("ar");
    await eventually(() => p.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await checkByFields(p, {
      name: "Viktor Halvorsen",
      dateOfBirth: "1981-02-17",
      documentNumber: "X4471902",
      documentCountry: "USA",
      location: "مطار شارل ديغول، المبنى 2",
    });
    await eventually(() => p.getByTestId("result-banner").getAttribute("data-outcome")).toBe("hit");
    expect(await p.getByTestId("result-banner").textContent()).toContain("تطابق");
    expect(await p.getByTestId("result-action").textContent()).toContain("الوثيقة مبلَّغ عن سرقتها");
    const reference = p.locator('[data-kind="document"] [data-testid=match-reference] bdi');
    expect(await reference.getAttribute("dir")).toBe("ltr");
    expect(await reference.textContent()).toBe("USA X4471902");
    await shot(p, "screening-console-hit-ar");
    await p.close();
  });
});
