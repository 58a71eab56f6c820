import { readFileSync } from "node:fs";
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

const ENVELOPE = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

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

/** Travel documents, a firearm of each bureau, a vehicle and a material; one document due for review. */
async function seedObjects(t: TestContext) {
  const fr = await actor(t, "fr.officer");
  const us = await actor(t, "us.officer");
  const s = t.services;
  for (const [number, status] of [
    ["17FV00001", "stolen"],
    ["17FV00002", "lost"],
    ["09AB12345", "stolen"],
  ] as const)
    await s.documents.create(fr, { number, country: "FRA", type: "passport", status, envelope: ENVELOPE });
  // The server's clock is 2026-06-01: a review date in July falls in the four-month warning window.
  await s.documents.create(fr, {
    number: "DUE000001",
    country: "FRA",
    type: "id_card",
    status: "lost",
    envelope: { ...ENVELOPE, reviewAt: "2026-07-15" },
  });
  await s.firearms.create(us, {
    serialNumber: "US-GLK-4471",
    make: "Glock",
    model: "19",
    calibre: "9mm",
    type: "pistol",
    status: "stolen",
    eventDate: "2026-03-02",
    envelope: ENVELOPE,
  });
  await s.firearms.create(fr, {
    serialNumber: "FR-MAS-0091",
    make: "MAS",
    type: "rifle",
    status: "seized",
    envelope: ENVELOPE,
  });
  await s.materials.create(fr, {
    category: "radiological_source",
    description: "Cs-137 sealed source, industrial gauge",
    identifier: "CS-2231",
    quantity: 3.7,
    unit: "GBq",
    country: "FR",
    eventDate: "2026-04-20",
    status: "stolen",
    envelope: ENVELOPE,
  });
}

/** 6,001 document rows for FR, one with an unknown status on line 1502 (the header is line 1). */
function importCsv(): string {
  const rows = ["number,country,type,status"];
  for (let i = 0; i < 6000; i++) {
    if (i === 1500) rows.push("BAD000001,FRA,passport,misplaced");
    rows.push(`IMP${String(i).padStart(6, "0")},FRA,passport,stolen`);
  }
  return `${rows.join("\n")}\n`;
}

describe.skipIf(!browserTestsRunnable())("police object databases in Chromium", () => {
  let server: DemoServer;
  const open = () => server.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const login = (p: Page, username: string) => server.login(p, username);

  beforeAll(async () => {
    server = await startDemoServer({ afterSeed: seedObjects });
  });
  afterAll(() => server?.close());

  it("searches, sorts and opens travel documents; a bad VIN is named by its label", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.getByTestId("nav-databases").click();
    await p.getByTestId("db-table").waitFor();
    await eventually(() => p.getByTestId("db-table").textContent()).toContain("17FV00001");

    // Filter by status, then sort by number (the column header), both kept in the address.
    await p.getByTestId("filter-status").selectOption("stolen");
    await p.getByTestId("db-search").click();
    await eventually(() => p.evaluate(() => window.location.hash)).toContain("status=stolen");
    await p.getByTestId("sort-number").click();
    await eventually(() => p.getByTestId("item-link").allTextContents()).toEqual(["09AB12345", "17FV00001"]);
    await p.screenshot({ path: `${ARTIFACTS}/databases-documents-en.png` });

    await p.getByTestId("item-link").first().click();
    await p.getByTestId("item-fields").waitFor();
    await eventually(() => p.getByTestId("item-fields").textContent()).toContain("Passport");
    await eventually(() => p.getByTestId("item-envelope").textContent()).toContain("FR");
    await p.getByTestId("status-form").waitFor(); // the issuing country changes its status
    await p.screenshot({ path: `${ARTIFACTS}/databases-document-detail-en.png`, fullPage: true });

    // The vehicle form: a North American VIN with a wrong check digit is refused by the server.
    await p.getByTestId("db-tab-vehicles").click();
    await p.getByTestId("item-new").click();
    await p.getByTestId("field-make").fill("Ford");
    await p.getByTestId("field-vin").fill("1M8GDM9AXKP042789");
    await p.getByTestId("item-submit").click();
    await p.getByTestId("field-error-vin").waitFor();
    await eventually(() => p.getByTestId("field-error-vin").textContent()).toContain(
      "VIN: check digit (position 9) is X, expected 1.",
    );
    await p.screenshot({ path: `${ARTIFACTS}/databases-vehicle-form-error-en.png`, fullPage: true });
    await p.getByTestId("field-vin").fill("1M8GDM9A1KP042789");
    await p.getByTestId("item-submit").click();
    await p.getByTestId("item-fields").waitFor();
    await eventually(() => p.getByTestId("item-fields").textContent()).toContain("1M8GDM9A1KP042789");
    await p.close();
  });

  it("sends a trace request to the firearm's owner, who replies from the received list", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.goto(`${server.base}/#/databases/firearms?make=Glock`);
    await p.getByTestId("item-link").first().click();
    await p.getByTestId("trace-question").fill("Where was this pistol sold?");
    await p.getByTestId("trace-deadline").fill("2026-09-30");
    await p.getByTestId("trace-submit").click();
    await p.getByTestId("traces-table").waitFor();
    await eventually(() => p.getByTestId("traces-table").textContent()).toContain(
      "Where was this pistol sold?",
    );
    await p.close();

    const us = await open();
    await login(us, "us.officer");
    await us.goto(`${server.base}/#/databases/traces`);
    await us.getByTestId("trace-answer-text").fill("Sold in Texas in 2019 to a licensed dealer.");
    await us.getByTestId("trace-reply").click();
    await eventually(() => us.getByTestId("traces-table").textContent()).toContain("Answered");
    await us.screenshot({ path: `${ARTIFACTS}/databases-traces-en.png` });
    await us.close();
  });

  it("imports a file with live progress, shows and downloads the rejects", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.getByTestId("nav-imports").click();
    await p.getByTestId("import-database").selectOption("documents");
    await p
      .getByTestId("import-file")
      .setInputFiles({ name: "documents.csv", mimeType: "text/csv", buffer: Buffer.from(importCsv()) });
    await p.getByTestId("import-submit").click();
    await p.getByTestId("import-report").waitFor({ timeout: 60_000 });
    // Progress lines arrived while the import ran (one per stored batch) and were shown.
    const updates = Number(await p.getByTestId("import-report").getAttribute("data-updates"));
    expect(updates).toBeGreaterThan(0);
    await eventually(() => p.getByTestId("progress-rows").textContent()).toBe("6,001");
    await eventually(() => p.getByTestId("progress-share").textContent()).toBe("100%");
    await eventually(() => p.getByTestId("import-report").textContent()).toContain(
      "Rows read: 6,001; accepted: 6,000; rejected: 1.",
    );
    await eventually(() => p.getByTestId("rejects-table").textContent()).toContain("1,502");
    await eventually(() => p.getByTestId("rejects-table").textContent()).toContain(
      'status: Invalid option: expected one of "stolen"|"lost"|"revoked"|"invalidated"',
    );
    await p.screenshot({ path: `${ARTIFACTS}/databases-import-en.png`, fullPage: true });

    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByTestId("rejects-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("rejects.csv");
    const saved = await download.path();
    expect(readFileSync(saved, "utf8")).toBe(
      'line,reason,raw\n1502,"status: Invalid option: expected one of ""stolen""|""lost""|""revoked""|""invalidated""","BAD000001,FRA,passport,misplaced"\n',
    );
    await p.close();
  });

  it("lists what is due for review, re-validates from the list, and reads in Arabic", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.getByTestId("nav-retention").click();
    await p.getByTestId("review-table").waitFor();
    await eventually(() => p.getByTestId("review-table").textContent()).toContain("DUE000001");
    await eventually(() => p.getByTestId("review-report").textContent()).toContain("Travel documents");
    await p.screenshot({ path: `${ARTIFACTS}/databases-review-due-en.png`, fullPage: true });

    const due = p.getByTestId("review-table").locator("tr", { hasText: "DUE000001" });
    await due.getByRole("button").click();
    await p.getByTestId("revalidated").waitFor();
    // Re-validated early, the date moves ten years from the old one (2026-07-15).
    await eventually(() => p.getByTestId("revalidated").textContent()).toContain("15 Jul 2036");
    await eventually(() => due.count()).toBe(0);

    await p.getByTestId("lang-select").selectOption("ar");
    await eventually(() => p.locator("html").getAttribute("dir")).toBe("rtl");
    await p.getByTestId("nav-databases").click();
    await p.getByTestId("db-table").waitFor();
    await eventually(() => p.locator("h1").textContent()).toBe("وثائق السفر");
    await eventually(() => p.getByTestId("db-table").textContent()).toContain("مسروقة");
    await p.screenshot({ path: `${ARTIFACTS}/databases-documents-ar.png` });
    await p.close();
  });
});
