import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
  waitForExactText,
} from "./demo-server.ts";

describe.skipIf(!browserTestsRunnable())("notices and diffusions in Chromium", () => {
  let server: DemoServer;
  const login = (page: Page, username: string) => server.login(page, username);

  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(() => server?.close());

  async function logout(page: Page) {
    await page.getByTestId("logout").click();
    await page.getByTestId("login-form").waitFor();
  }

  const next = (page: Page) => page.getByTestId("wizard-next").click();

  it("takes a Red Notice from the wizard through review to the public list", async () => {
    const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });

    // 1. fr.officer requests a Red Notice through the wizard.
    await login(page, "fr.officer");
    await page.getByTestId("nav-notices").click();
    await page.getByTestId("notices-new").click();
    await page.getByTestId("wizard-type-red").check();
    await page.screenshot({ path: `${ARTIFACTS}/notice-wizard-type-en.png`, fullPage: true });
    await next(page);

    await page.getByTestId("wizard-family-name").fill("KOVALENKO");
    await page.getByTestId("wizard-forenames").fill("Anton");
    await page.getByTestId("wizard-sex").selectOption("M");
    await page.getByTestId("wizard-nationalities").fill("UA");
    await page.getByTestId("wizard-dob-precision").selectOption("date");
    await page.getByTestId("wizard-dob").fill("1984-03-07");
    await page.getByTestId("wizard-height").fill("182");
    // The local pre-check follows the typing: the subject's required fields are no longer missing.
    await eventually(() => page.getByTestId("wizard-precheck").textContent()).not.toContain("Family name");
    await next(page);

    await page.getByTestId("wizard-offence-0-description").fill("Murder of a shopkeeper in Lyon");
    await page.getByTestId("wizard-offence-0-category").selectOption("homicide");
    await page.getByTestId("wizard-offence-0-law").fill("Art. 221-1 Code pénal");
    await page.getByTestId("wizard-offence-0-penalty").fill("360");
    await page.getByTestId("wizard-warrant-authority").fill("Investigating judge, Lyon");
    await page.getByTestId("wizard-warrant-date").fill("2025-11-02");
    await page.getByTestId("wizard-warrant-reference").fill("JI-2025/0412");
    // Switching the interface language keeps the draft; the form mirrors right to left.
    await page.getByTestId("lang-select").selectOption("ar");
    await page.screenshot({ path: `${ARTIFACTS}/notice-wizard-details-ar.png`, fullPage: true });
    await page.getByTestId("lang-select").selectOption("en");
    await eventually(() => page.getByTestId("wizard-warrant-reference").inputValue()).toBe("JI-2025/0412");
    await next(page);

    await page.getByTestId("wizard-language").selectOption("en");
    await page.getByTestId("wizard-title").fill("Wanted for murder: Anton KOVALENKO");
    // "demonstration" is a keyword of the Article 3 screening: the reviewer gets a risk flag to weigh.
    await page
      .getByTestId("wizard-summary")
      .fill("During a demonstration in Lyon on 3 March 2025 the subject shot a shopkeeper who later died.");
    await page.getByTestId("wizard-charges").fill("Murder");
    await page.getByTestId("wizard-translation-fr").locator("summary").click();
    await page.getByTestId("wizard-charges-fr").fill("Meurtre");
    await next(page);

    await page.getByTestId("wizard-public-extract").check();
    await next(page);
    await eventually(() => page.getByTestId("wizard-precheck-none").count()).toBe(1);
    await waitForExactText(page.getByTestId("wizard-review-public"), "Yes");
    await page.screenshot({ path: `${ARTIFACTS}/notice-wizard-review-en.png`, fullPage: true });
    await page.getByTestId("wizard-submit").click();
    await page.getByTestId("wizard-submit-confirm").click();
    await page.getByTestId("notice-submitted").waitFor();
    await waitForExactText(page.getByTestId("notice-state"), "Submitted");
    await eventually(() => page.getByTestId("notice-findings-risk").textContent()).toMatch(/demonstration/i);
    await page.screenshot({ path: `${ARTIFACTS}/notice-submitted-en.png`, fullPage: true });
    await logout(page);

    // 2. gs.reviewer sees it in the queue with its flags and publishes it.
    await login(page, "gs.reviewer");
    await page.getByTestId("nav-reviewQueue").click();
    await page.getByTestId("review-table").waitFor();
    const row = page.getByTestId("review-table").locator("tr", { hasText: "KOVALENKO" });
    await eventually(() => row.getByTestId("flags").textContent()).toMatch(/Risk/);
    await page.screenshot({ path: `${ARTIFACTS}/review-queue-en.png` });
    await row.getByRole("link").click();
    await page.getByTestId("review-decision").waitFor();
    await page.getByTestId("lang-select").selectOption("ar");
    await eventually(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.screenshot({ path: `${ARTIFACTS}/review-decision-ar.png`, fullPage: true });
    await page.getByTestId("lang-select").selectOption("en");
    await page.getByTestId("review-publish").click();
    await page.getByTestId("review-publish-confirm").click();
    await page.getByTestId("notice-action-done").waitFor();
    await waitForExactText(page.getByTestId("notice-state"), "Published");
    await eventually(() => page.getByTestId("notice-history").textContent()).toContain("Published");
    await page.screenshot({ path: `${ARTIFACTS}/notice-published-en.png`, fullPage: true });
    await logout(page);

    // 3. The owner consented: the public list shows the extract, without any login.
    await page.getByTestId("public-notices-link").click();
    await page.getByTestId("public-nationality").selectOption("UA");
    await page.getByTestId("public-search").click();
    await page.getByTestId("public-item").filter({ hasText: "KOVALENKO" }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/public-list-en.png` });
    await page.getByTestId("public-item").filter({ hasText: "KOVALENKO" }).click();
    await page.getByTestId("public-detail").waitFor();
    await eventually(() => page.getByTestId("public-charges").textContent()).toContain("Murder");
    await page.screenshot({ path: `${ARTIFACTS}/public-detail-en.png` });
    await page.close();
  });

  it("shows the server's compliance findings live in the wizard, before submission", async () => {
    const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, "fr.officer");
    await page.getByTestId("nav-notices").click();
    await page.getByTestId("notices-new").click();
    await page.getByTestId("wizard-type-red").check();
    await next(page);
    // While the request's shape is not yet valid the panel says so quietly, with no alarm.
    await page.locator('[data-testid="wizard-live"][data-state="incomplete"]').waitFor();
    await eventually(() => page.getByTestId("wizard-live-summary").textContent()).toMatch(/^Incomplete/);
    await page.getByTestId("wizard-family-name").fill("MARCHETTI");
    await page.getByTestId("wizard-forenames").fill("Luca");
    await page.getByTestId("wizard-sex").selectOption("M");
    await page.getByTestId("wizard-nationalities").fill("IT");
    await page.getByTestId("wizard-dob-precision").selectOption("date");
    await page.getByTestId("wizard-dob").fill("1979-06-21");
    await next(page);

    // Prosecution for an offence punishable by 12 months only: below the 24-month threshold.
    await page.getByTestId("wizard-offence-0-description").fill("Theft of a bicycle in Turin");
    await page.getByTestId("wizard-offence-0-category").selectOption("robbery_theft");
    await page.getByTestId("wizard-offence-0-law").fill("Art. 624 Codice penale");
    await page.getByTestId("wizard-offence-0-penalty").fill("12");
    await page.getByTestId("wizard-warrant-authority").fill("Investigating judge, Turin");
    await page.getByTestId("wizard-warrant-date").fill("2025-10-14");
    await page.getByTestId("wizard-warrant-reference").fill("GIP-2025/0871");
    await next(page);

    await page.getByTestId("wizard-language").selectOption("en");
    await page.getByTestId("wizard-title").fill("Wanted for theft: Luca MARCHETTI");
    await page
      .getByTestId("wizard-summary")
      .fill("The subject stole a bicycle during a political demonstration of the opposition party in Turin.");
    await page.getByTestId("wizard-charges").fill("Theft");

    // The live panel follows the edits (debounced): a blocking finding and an Article 3 risk.
    const live = page.getByTestId("wizard-live-findings");
    await live.getByTestId("wizard-live-findings-block").waitFor();
    await live.getByTestId("wizard-live-findings-risk").filter({ hasText: "Article 3" }).waitFor();
    await eventually(() => live.getByTestId("wizard-live-findings-block").textContent()).toMatch(
      /Penalty below the threshold/,
    );
    await eventually(() => page.getByTestId("wizard-live-summary").getAttribute("aria-live")).toBe("polite");
    await eventually(() => page.getByTestId("wizard-live-summary").textContent()).toMatch(/[1-9] blocking/);
    await eventually(() => page.getByTestId("wizard-live-risk").textContent()).toMatch(/Risk score: [1-9]/);
    await page.screenshot({ path: `${ARTIFACTS}/notice-wizard-live-compliance-en.png`, fullPage: true });
    await page.close();
  });

  it("delivers a diffusion at once, flagged as not yet reviewed by the General Secretariat", async () => {
    const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, "us.officer");
    await page.getByTestId("nav-diffusions").click();
    await page.getByTestId("diffusions-new").click();
    await page.getByTestId("diffusion-kind-locate").check();
    await page.getByTestId("diffusion-countries").fill("FR");
    await page.getByTestId("diffusion-title").fill("Locate: witness in a firearms trafficking case");
    await page
      .getByTestId("diffusion-body-input")
      .fill("We ask the French bureau to locate a witness believed to live in Marseille.");
    await page.getByTestId("diffusion-submit").click();
    await page.getByTestId("diffusion-submit-confirm").click();
    await page.getByTestId("diffusion-unreviewed-banner").waitFor();
    await logout(page);

    await login(page, "fr.officer");
    await page.getByTestId("nav-diffusions").click();
    await page.getByTestId("diffusions-table").waitFor();
    await page.getByTestId("diffusions-unreviewed-banner").waitFor();
    await eventually(() => page.getByTestId("diffusions-table").textContent()).toContain("witness");
    await page.screenshot({ path: `${ARTIFACTS}/diffusions-inbox-en.png` });
    await page
      .getByTestId("diffusions-table")
      .getByRole("link", { name: /witness/ })
      .click();
    await page.getByTestId("diffusion-unreviewed-banner").waitFor();
    await eventually(() => page.getByTestId("diffusion-unreviewed-banner").textContent()).toContain(
      "Not yet reviewed by the General Secretariat",
    );
    await page.screenshot({ path: `${ARTIFACTS}/diffusion-unreviewed-en.png` });
    await page.getByTestId("lang-select").selectOption("ar");
    await page.screenshot({ path: `${ARTIFACTS}/diffusion-unreviewed-ar.png` });
    await page.getByTestId("lang-select").selectOption("en");
    const address = page.url();
    await logout(page);

    // The General Secretariat checks it afterwards and confirms it, with reasons.
    await login(page, "gs.reviewer");
    await page.goto(address);
    await page.getByTestId("diffusion-confirm").click();
    await page
      .getByTestId("diffusion-confirm-reasons")
      .fill("Ordinary-law case; the request is proportionate.");
    await page.getByTestId("diffusion-confirm-submit").click();
    await page.getByTestId("diffusion-confirm-confirm").click();
    // Wait for the re-rendered state rather than reading it once: the page refreshes after the answer.
    await page
      .getByTestId("diffusion-review-state")
      .filter({ hasText: /^Confirmed$/ })
      .waitFor();
    await page.getByTestId("diffusion-unreviewed-banner").waitFor({ state: "detached" });
    await page.close();
  });

  it("saves a draft, resumes it, and takes it back when the General Secretariat asks for documents", async () => {
    const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, "fr.officer");
    await page.getByTestId("nav-notices").click();
    await page.getByTestId("notices-new").click();
    await page.getByTestId("wizard-type-blue").check();
    await next(page);
    await page.getByTestId("wizard-family-name").fill("OKAFOR");
    await page.getByTestId("wizard-sex").selectOption("F");
    await next(page);
    await next(page);
    await page.getByTestId("wizard-title").fill("Information sought on Grace OKAFOR");
    await page
      .getByTestId("wizard-summary")
      .fill("The subject was seen with a suspect in an armed robbery in Lille.");
    await page.getByTestId("wizard-save").click();
    await page.getByTestId("wizard-saved").waitFor();
    await page.getByTestId("wizard-open-notice").click();
    await waitForExactText(page.getByTestId("notice-state"), "Draft");

    // The draft opens again in the wizard with what was saved, and is submitted from there.
    await page.getByTestId("notice-edit").click();
    await page.getByTestId("wizard-review").waitFor();
    await eventually(() => page.getByTestId("wizard-review").textContent()).toContain("OKAFOR");
    await page.getByTestId("wizard-submit").click();
    await page.getByTestId("wizard-submit-confirm").click();
    await page.getByTestId("notice-submitted").waitFor();
    await logout(page);

    await login(page, "gs.reviewer");
    await page.getByTestId("nav-reviewQueue").click();
    await page.getByTestId("review-table").locator("tr", { hasText: "OKAFOR" }).getByRole("link").click();
    await page.getByTestId("review-return").click();
    await page
      .getByTestId("review-return-reasons")
      .fill("Please send the police report of the Lille robbery.");
    await page.getByTestId("review-return-submit").click();
    await page.getByTestId("review-return-confirm").click();
    // The returned request is the owner's draft again: the reviewer is back on the queue.
    await page.getByTestId("review-returned").waitFor();
    await logout(page);

    // Back with its owner: a draft again, with the reviewer's reasons in the history.
    await login(page, "fr.officer");
    await page.getByTestId("nav-notices").click();
    await page.getByTestId("notices-table").locator("tr", { hasText: "OKAFOR" }).getByRole("link").click();
    await eventually(() => page.getByTestId("notice-returned-banner").textContent()).toContain(
      "police report",
    );
    await eventually(() => page.getByTestId("notice-history").textContent()).toContain("police report");
    await page.getByTestId("notice-edit").waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/notice-returned-en.png`, fullPage: true });
    await page.close();
  });
});
