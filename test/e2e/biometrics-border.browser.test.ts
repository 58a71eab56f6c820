import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoBiometrics } from "../../src/features/demo/demo.biometrics.ts";
import { shippedReference } from "../shared-data.ts";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
  waitForExactText,
} from "./demo-server.ts";

/*
 * A fingerprint at the border, end to end in Chromium: the French border post checks a traveller with
 * a template, and is told only to refer (never who, which record, or how close); the French bureau
 * finds the screening search, compares the minutiae and decides "potential candidate"; the owning
 * bureau (US) then has a biometric hit in its inbox. A template that cannot be read is refused under
 * its label and stores nothing.
 */

// The demo enrols this sample on the US person; the same bytes as probe score far above the threshold.
const enrolled = demoBiometrics.find((d) => d.person === "Jonathan SAMPLEMAN");
if (!enrolled) throw new Error("The demo no longer enrols a fingerprint on Jonathan SAMPLEMAN");
const PERSON = enrolled.person;
const SAMPLE = enrolled.sample;
const templatePath = shippedReference("fingerprints", "formats", SAMPLE, `${SAMPLE}-sample.dat`);
// A made-up traveller nobody on a watchlist bears: the name screening has nothing to add.
const TRAVELLER = "Tomasz WIERZBICKI";
const LOCATION = "CDG Terminal 2E, booth 9";

/** What the page shows a reader, and everything written into it (attributes, hidden text). */
const everything = (p: Page) =>
  p.evaluate(() => `${document.body.innerText}\n${document.documentElement.outerHTML}`);

describe.skipIf(!browserTestsRunnable())("a fingerprint at the border, in Chromium", () => {
  let server: DemoServer;
  // Filled by the border check: the screening search the bureau decides.
  let searchId = "";
  const open = () => server.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  async function signedIn(username: string, path: string): Promise<Page> {
    const p = await open();
    await server.login(p, username);
    await p.goto(`${server.base}/#${path}`);
    return p;
  }

  async function borderConsole(): Promise<Page> {
    const p = await signedIn("fr.border", "/screening");
    await p.getByTestId("screening-form").waitFor();
    await p.getByTestId("mode-form").check();
    await p.getByTestId("field-name").fill(TRAVELLER);
    await p.getByTestId("field-location").fill(LOCATION);
    // Folded away until asked for.
    expect(await p.getByTestId("field-fingerprintTemplate").isVisible()).toBe(false);
    await p.getByTestId("biometrics-toggle").click();
    return p;
  }

  /** The person's record, its reference and the candidate's scores: none may reach the border post. */
  async function candidateFacts(id: string) {
    return server.t.deps.db
      .selectFrom("biometric_candidates as c")
      .innerJoin("records as r", "r.id", "c.record_id")
      .select(["c.score", "c.above_threshold", "r.id", "r.caption", "r.reference", "r.owner"])
      .where("c.search_id", "=", id)
      .orderBy("c.rank")
      .execute();
  }

  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(() => server?.close());

  it("the border post is told to refer, and learns neither who, which record, nor how close", async () => {
    const p = await borderConsole();
    await p.getByTestId("field-fingerprintTemplate").setInputFiles(templatePath);
    const answered = p.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/api/v1/screening/check"),
    );
    await p.getByTestId("check-submit").click();
    const response = await answered;
    expect(response.status()).toBe(200);
    // The template went as base64 inside the JSON, byte for byte.
    const sent = response.request().postDataJSON() as Record<string, unknown>;
    expect(sent.fingerprintTemplate).toBe(readFileSync(templatePath).toString("base64"));
    const body = (await response.json()) as { biometric: { status: string; searchId: string | null } };
    expect(body.biometric.status).toBe("refer");
    searchId = body.biometric.searchId ?? "";
    expect(searchId).toMatch(/^[0-9a-f-]{36}$/);

    const outcome = p.getByTestId("biometric-outcome");
    await outcome.waitFor();
    expect(await outcome.getAttribute("data-status")).toBe("refer");
    expect(await outcome.textContent()).toContain("Possible biometric match: refer to the bureau.");
    // The name screening found nothing: the referral is the only thing to act on.
    expect(await p.getByTestId("match-card").count()).toBe(0);

    // What the search holds: the enrolled person on top, far above the threshold.
    const facts = await candidateFacts(searchId);
    const top = facts[0];
    expect(top?.caption).toBe(PERSON);
    expect(top?.owner).toBe("US");
    expect(top?.above_threshold).toBe(true);
    // None of it is in the answer, nor anywhere on the page.
    const answer = JSON.stringify(body);
    const page = await everything(p);
    for (const f of facts) {
      const secrets = [f.caption, f.id, ...(f.reference ? [f.reference] : [])];
      for (const s of secrets) {
        expect(answer).not.toContain(s);
        expect(page).not.toContain(s);
      }
      // The score as stored and as a reader would see it written (three decimals).
      expect(answer).not.toContain(String(f.score));
      expect(page).not.toContain(String(f.score));
      expect(page).not.toContain(f.score.toFixed(3));
    }
    expect(page).not.toContain("SAMPLEMAN");
    await shot(p, "biometrics-border-refer-en");

    // In Arabic: the same referral, mirrored, and still nothing about the candidate.
    await p.getByTestId("lang-select").selectOption("ar");
    await eventually(() => p.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await eventually(() => outcome.textContent()).toContain("تطابق بيومتري محتمل: أحِل المسافر إلى المكتب.");
    expect(await outcome.getAttribute("data-status")).toBe("refer");
    const arabic = await everything(p);
    for (const f of facts) {
      expect(arabic).not.toContain(f.caption);
      expect(arabic).not.toContain(f.score.toFixed(3));
    }
    await shot(p, "biometrics-border-refer-ar");
    await p.close();
  });

  it("the checking country's bureau finds the screening search, compares and decides potential candidate", async () => {
    expect(searchId).not.toBe("");
    const p = await signedIn("fr.officer", "/");
    await p.getByTestId("nav-biometrics").click();
    await p.getByTestId("bio-searches-table").waitFor();
    expect(await p.getByTestId("nav-biometrics").getAttribute("aria-current")).toBe("page");
    // Pending is the default view; the border's search is listed as a screening one.
    await eventually(() => p.getByTestId("bio-pending-count").textContent()).toBe("1 awaiting a decision");
    await p.getByTestId("bio-filter-purpose").selectOption("screening");
    const row = p.getByTestId("bio-search-row");
    await eventually(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-state")).toBe("pending");
    const text = await row.textContent();
    expect(text).toContain("border screening");
    expect(text).toContain(LOCATION);
    expect(text).toContain("(France)");
    await shot(p, "biometrics-border-searches-en");

    await row.getByTestId("bio-search-link").click();
    await p.getByTestId("candidates-table").waitFor();
    expect(p.url()).toContain(`#/biometrics/searches/${searchId}`);
    expect(await p.getByTestId("search-state").textContent()).toBe("Awaiting decision");
    // The bureau reads who was checked, where, and the candidates the border post was not told.
    const facts = await p.getByTestId("search-facts").textContent();
    expect(facts).toContain(TRAVELLER);
    expect(facts).toContain(LOCATION);
    const best = p.getByTestId("candidate-row").first();
    expect(await best.getAttribute("data-rank")).toBe("1");
    expect(await best.getAttribute("data-above")).toBe("true");
    expect(await best.textContent()).toContain(PERSON);

    // Side by side: the probe's minutiae beside the candidate's, the same template on both sides.
    await eventually(() => p.getByTestId("compare-which").textContent()).toContain(PERSON);
    const probePlot = p.getByTestId("probe-plot").first();
    const candidatePlot = p.getByTestId("candidate-plot").first();
    await probePlot.waitFor();
    await candidatePlot.waitFor();
    const minutiae = await probePlot.locator(".minutia").count();
    expect(minutiae).toBeGreaterThan(0);
    expect(await candidatePlot.locator(".minutia").count()).toBe(minutiae);

    await p.getByTestId("decision-candidate").selectOption({ label: `#1 ${PERSON}` });
    await p.getByTestId("decision-note").fill("Core, delta and 14 corresponding minutiae checked.");
    await p.getByTestId("decide-potential_candidate").click();
    await p.getByTestId("decide-potential_candidate-confirm").click();
    await waitForExactText(p.getByTestId("decision-done"), "Decision recorded: Potential candidate.");
    await eventually(() => p.getByTestId("search-state").textContent()).toBe("Decided");
    const history = p.getByTestId("history-item");
    await eventually(() => history.count()).toBe(1);
    expect(await history.getAttribute("data-decision")).toBe("potential_candidate");
    expect(await history.getAttribute("aria-current")).toBe("true");
    const entry = await history.textContent();
    expect(entry).toContain(`#1 ${PERSON}`);
    expect(entry).toContain("Core, delta and 14 corresponding minutiae checked.");
    expect(await p.getByTestId("candidate-chosen").count()).toBe(1);
    await shot(p, "biometrics-border-decided-en");

    // The search form belongs to the same navigation item as the list.
    await p.goto(`${server.base}/#/biometrics`);
    await p.getByTestId("bio-search-form").waitFor();
    expect(await p.getByTestId("nav-biometrics").getAttribute("aria-current")).toBe("page");
    await p.close();
  });

  it("the owning bureau has the biometric hit in its inbox", async () => {
    const p = await signedIn("us.officer", "/");
    await p.getByTestId("nav-screeningHits").click();
    await p.getByTestId("hits-table").waitFor();
    const hit = p.locator("[data-testid=hit-row]", { hasText: TRAVELLER });
    await eventually(() => hit.count()).toBe(1);
    expect(await hit.getAttribute("data-state")).toBe("pending");
    expect(await hit.textContent()).toContain(LOCATION);
    expect(await hit.textContent()).toContain("FR");
    // The stored hit names how it was found: a fingerprint, decided at the bureau.
    const stored = await server.t.deps.db
      .selectFrom("screening_hits")
      .select(["category", "subject_kind", "checked_by_country"])
      .where("subject_kind", "=", "person")
      .where("category", "like", "biometric:%")
      .execute();
    expect(stored).toEqual([
      { category: "biometric:fingerprint", subject_kind: "person", checked_by_country: "FR" },
    ]);
    expect(await hit.getByTestId("hit-kind").textContent()).toMatch(/^Persons database · .*[Ff]ingerprint/);
    await shot(p, "biometrics-border-hit-inbox-en");

    await hit.getByTestId("hit-link").click();
    await p.getByTestId("hit-record").waitFor();
    // The hit is on the person the bureau chose; the owner opens its own record from here.
    const person = await server.t.deps.db
      .selectFrom("records")
      .select("id")
      .where("caption", "=", PERSON)
      .executeTakeFirstOrThrow();
    expect(await p.getByTestId("hit-open-record").getAttribute("href")).toContain(person.id);
    expect(await p.getByTestId("hit-location").textContent()).toBe(LOCATION);
    await shot(p, "biometrics-border-hit-en");
    await p.close();
  });

  it("an unreadable template is refused under its label, and nothing is stored", async () => {
    // Every search of the country, so that one stored by the refused check would show as a new row.
    const bureau = await signedIn("fr.officer", "/biometrics/searches?state=all");
    await bureau.getByTestId("bio-pending-count").waitFor();
    const pendingBefore = await bureau.getByTestId("bio-pending-count").textContent();
    const rowsBefore = await bureau.getByTestId("bio-search-row").count();
    const db = server.t.deps.db;
    const count = async (table: "biometric_searches" | "screening_hits") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const stored = { searches: await count("biometric_searches"), hits: await count("screening_hits") };

    const p = await borderConsole();
    // The sample with its last bytes cut off: the header promises more than the file holds.
    const full = readFileSync(templatePath);
    await p.getByTestId("field-fingerprintTemplate").setInputFiles({
      name: "booth9-capture.ist",
      mimeType: "application/octet-stream",
      buffer: full.subarray(0, full.length - 9),
    });
    const answered = p.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/api/v1/screening/check"),
    );
    await p.getByTestId("check-submit").click();
    expect((await answered).status()).toBe(422);
    await eventually(() => p.getByTestId("field-error-fingerprintTemplate").textContent()).toMatch(
      /^Fingerprint template \(ISO\/IEC 19794-2 or ANSI 378\): /,
    );
    // The message sits in the field's own block, under its label, and the control points to it.
    const field = p.locator(".field", { has: p.getByTestId("field-fingerprintTemplate") });
    expect(await field.getByTestId("field-error-fingerprintTemplate").count()).toBe(1);
    expect(await p.getByTestId("field-fingerprintTemplate").getAttribute("aria-invalid")).toBe("true");
    expect(await p.getByTestId("form-errors").textContent()).toContain("Correct the fields below.");
    expect(await p.getByTestId("screening-result").count()).toBe(0);
    expect(await p.getByTestId("biometric-outcome").count()).toBe(0);
    await shot(p, "biometrics-border-unreadable-en");
    await p.close();

    expect(await count("biometric_searches")).toBe(stored.searches);
    expect(await count("screening_hits")).toBe(stored.hits);
    await bureau.reload();
    await bureau.getByTestId("bio-pending-count").waitFor();
    expect(await bureau.getByTestId("bio-pending-count").textContent()).toBe(pendingBefore);
    expect(await bureau.getByTestId("bio-search-row").count()).toBe(rowsBefore);
    await bureau.close();
  });
});
