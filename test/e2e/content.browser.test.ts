import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Actor } from "../../src/shared/actor.ts";
import type { TestContext } from "../harness.ts";
import { shippedReference } from "../shared-data.ts";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
  waitForExactText,
} from "./demo-server.ts";

// The reference hashes and images this suite uses are shipped in reference/pdq/.
const PDQ_DIR = shippedReference("pdq");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Expected {
  images: { file: string; quality: number; hash: string }[];
}

describe.skipIf(!browserTestsRunnable())("terrorist-content hash banks and referrals in Chromium", () => {
  let server: DemoServer;
  let platformId: string;
  let platformName: string;
  let bridgeHash: string;

  /** A week of referrals the demo platform has answered, so the board and charts have history. */
  async function seedReferralHistory(t: TestContext) {
    const analyst = await t.deps.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", "fr.content")
      .executeTakeFirstOrThrow();
    const client = await t.deps.db
      .selectFrom("api_clients")
      .selectAll()
      .where("role", "=", "platform_partner")
      .executeTakeFirstOrThrow();
    platformId = client.id;
    const partner = await t.deps.db
      .selectFrom("platform_partners")
      .select("name")
      .where("client_id", "=", client.id)
      .executeTakeFirstOrThrow();
    platformName = partner.name;
    const referrer: Actor = {
      kind: "user",
      id: analyst.id,
      username: analyst.username,
      role: "content_analyst",
      country: "FR",
      isSecretariat: false,
      scopes: [],
    };
    const platform: Actor = {
      kind: "client",
      id: client.id,
      username: client.name,
      role: "platform_partner",
      country: client.country,
      isSecretariat: false,
      scopes: client.scopes,
    };
    const outcomes = ["removed", "refused", "geo_blocked", null] as const;
    for (let day = 6; day >= 1; day--) {
      for (let k = 0; k < (day % 3) + 1; k++) {
        const order = (day + k) % 2 === 0;
        const r = await t.services.referrals.create(referrer, {
          platformClientId: platformId,
          url: `https://video.example/watch/demo-${day}-${k}`,
          legalBasis: order ? "removal_order" : "voluntary",
          note: "Demonstration referral",
        });
        const outcome = outcomes[(day + k) % outcomes.length];
        // Removal orders answered after 40 or 90 minutes: some are on time, some overdue.
        t.clock.advance((order ? (k % 2 === 0 ? 40 : 90) : 300) * MINUTE);
        if (outcome === "refused")
          await t.services.referrals.reportOutcome(platform, r.id, {
            outcome,
            reason: "Not terrorist content under our terms",
          });
        else if (outcome === "geo_blocked")
          await t.services.referrals.reportOutcome(platform, r.id, { outcome, countries: ["FR", "DE"] });
        else if (outcome) await t.services.referrals.reportOutcome(platform, r.id, { outcome });
        else await t.services.referrals.acknowledge(platform, r.id);
      }
      t.clock.advance(DAY - ((day % 3) + 1) * 300 * MINUTE);
    }
  }

  beforeAll(async () => {
    const expected = JSON.parse(readFileSync(path.join(PDQ_DIR, "expected.json"), "utf8")) as Expected;
    bridgeHash = expected.images.find((i) => i.file === "dih/bridge-1-original.jpg")?.hash ?? "";
    server = await startDemoServer({
      // The server's clock starts a week ago and ends at the browser's "now", so countdowns agree.
      beforeSeed: async (t) => t.clock.advance(Date.now() - 7 * DAY - t.clock.now().getTime()),
      afterSeed: async (t) => {
        await seedReferralHistory(t);
        t.clock.advance(Date.now() - t.clock.now().getTime());
      },
    });
  });
  afterAll(() => server?.close());

  const login = (page: Page, username: string) => server.login(page, username);

  it("creates a bank, imports a PDQ hash, matches an image and refers it to a platform", async () => {
    const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, "fr.content");
    // The content analyst's sections; the platform administrator's are not offered.
    await eventually(() => page.getByTestId("nav-referrals").count()).toBe(1);
    await eventually(() => page.getByTestId("nav-users").count()).toBe(0);

    // 1. A new bank, with one hash imported by pasting a plain list.
    await page.getByTestId("nav-contentBanks").click();
    await page.getByTestId("bank-new").click();
    await page.getByTestId("bank-name").fill("Bridge test bank");
    await page.getByTestId("bank-description").fill("Reference images for the browser test");
    // Shared with the platforms: a referral may carry only an entry from a bank shared with its platform.
    await page.getByTestId("bank-share-platforms").check();
    await page.getByTestId("bank-submit").click();
    await page.getByTestId("bank-meta").waitFor();
    await page.getByTestId("import-text").fill(`${bridgeHash}\n`);
    await page.getByTestId("import-labels").fill("attack_footage demo");
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-result").waitFor();
    await eventually(() => page.getByTestId("import-result").textContent()).toMatch(/1 created/);
    await page.getByTestId("entries-table").waitFor();
    const row = page.locator(`[data-value="${bridgeHash}"]`);
    await eventually(() => row.count()).toBe(1);
    // Re-importing the same list changes nothing.
    await page.getByTestId("import-text").fill(bridgeHash);
    await page.getByTestId("import-labels").fill("attack_footage demo");
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-result").filter({ hasText: "1 unchanged" }).waitFor();
    await waitForExactText(page.getByTestId("bank-entry-count"), "1");
    await eventually(() => page.getByTestId("export-csv").getAttribute("href")).toContain("format=csv");
    // The owner's analyst may dispute an entry (and reactivate it).
    await page.locator('[data-testid^="entry-status-select-"]').selectOption("disputed");
    await page.locator('[data-testid^="entry-status-apply-"]').click();
    await page.getByTestId("entries-table").getByText("Disputed", { exact: true }).first().waitFor();
    await page.locator('[data-testid^="entry-status-select-"]').selectOption("active");
    await page.locator('[data-testid^="entry-status-apply-"]').click();
    await page.locator('[data-testid^="entry-status-apply-"]:disabled').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/content-bank-en.png`, fullPage: true });

    // 2. A pasted hash matches exactly; a file that is not an image is refused before it is sent;
    // a modified photo matches by PDQ distance.
    await page.getByTestId("nav-contentCheck").click();
    await page.getByTestId("check-hash").fill(bridgeHash);
    await page.getByTestId("check-hash-submit").click();
    await page.getByTestId("matches-table").waitFor();
    await eventually(() => page.getByTestId("matches-table").textContent()).toContain("Bridge test bank");
    await page.getByTestId("check-file").setInputFiles(path.join(PDQ_DIR, "needles.txt"));
    await page.getByTestId("check-file-error").waitFor();
    await eventually(() => page.getByTestId("check-image-submit").isDisabled()).toBe(true);
    await page.getByTestId("check-file").setInputFiles(path.join(PDQ_DIR, "bridge-mods/square-128x128.jpg"));
    await page.getByTestId("check-image-submit").click();
    await page.getByTestId("matches-table").waitFor();
    await eventually(() => page.getByTestId("match-count").textContent()).toMatch(/1/);
    await eventually(() => page.getByTestId("matches-table").textContent()).toContain("Bridge test bank");
    await eventually(() => page.getByTestId("computed-pdq").getAttribute("data-value")).toMatch(
      /^[0-9a-f]{64}$/,
    );
    await page.screenshot({ path: `${ARTIFACTS}/content-check-en.png`, fullPage: true });

    // 3. Refer the matched entry to the platform as a removal order: due within the hour.
    await page.locator('[data-testid^="refer-match-"]').first().click();
    await page.getByTestId("referral-form").waitFor();
    await eventually(() => page.getByTestId("referral-entry").inputValue()).toMatch(/^\d+$/);
    // The platform is picked by name from the partner directory, from part of its name.
    await page.getByTestId("partner-search").fill(platformName.slice(0, 8).toLowerCase());
    await page.getByTestId(`partner-option-${platformName}`).check();
    await eventually(() => page.getByTestId("partner-chosen").textContent()).toContain(platformName);
    await page.getByTestId("referral-url").fill("https://video.example/watch/bridge-test");
    await page.getByTestId("referral-legal-basis").selectOption("removal_order");
    await page.getByTestId("referral-submit").click();
    await page.getByTestId("referral-created").waitFor();
    const board = page.getByTestId("referral-board");
    await eventually(() => board.textContent()).toContain("https://video.example/watch/bridge-test");
    const newest = page.locator('[data-testid^="referral-row-"]', { hasText: "bridge-test" });
    await eventually(() => newest.getByTestId("countdown").textContent()).toMatch(/min .* left/);
    await eventually(() => page.locator("tr.row-overdue").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/referrals-board-en.png`, fullPage: true });

    // 4. Statistics: charts with a table alternative.
    await page.getByTestId("referrals-stats-link").click();
    await page.getByTestId("chart-referrals").waitFor();
    await eventually(() =>
      page.locator('[data-testid="chart-referrals"] svg[role="img"] > title').count(),
    ).toBe(1);
    await eventually(() => page.locator('[data-testid="chart-referrals"] rect').count()).toBeGreaterThan(0);
    await eventually(() => page.getByTestId("stats-table").textContent()).toContain(platformName);
    await page.screenshot({ path: `${ARTIFACTS}/referrals-stats-en.png`, fullPage: true });

    // 5. Arabic, right to left.
    await page.getByTestId("lang-select").selectOption("ar");
    await eventually(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.screenshot({ path: `${ARTIFACTS}/referrals-stats-ar.png`, fullPage: true });
    await page.getByTestId("nav-referrals").click();
    await page.getByTestId("referral-board").waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/referrals-board-ar.png`, fullPage: true });
    await page.close();
  });

  it("adds entries from an image and shows its thumbnail blurred until revealed", async () => {
    const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, "fr.content");
    await page.getByTestId("nav-contentBanks").click();
    await page.getByTestId("bank-new").click();
    await page.getByTestId("bank-name").fill("Thumbnail test bank");
    await page.getByTestId("bank-submit").click();
    await page.getByTestId("bank-meta").waitFor();
    await page.getByTestId("add-image-file").setInputFiles(path.join(PDQ_DIR, "dih/bridge-1-original.jpg"));
    await page.getByTestId("add-image-labels").fill("propaganda");
    await page.getByTestId("add-image-submit").click();
    await eventually(() => page.getByTestId("add-image-result").textContent()).toMatch(/3 new of 3/);
    await page.getByTestId("entries-table").waitFor();
    const img = page.locator('[data-testid^="thumb-img-"]').first();
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('[data-testid^="thumb-img-"]');
      return el?.complete && el.naturalWidth > 0;
    });
    await eventually(() => page.locator('[data-testid^="thumb-img-"]').count()).toBe(3);
    const blur = () => img.evaluate((el) => getComputedStyle(el).filter);
    const blurPx = async () => Number((await blur()).match(/blur\(([\d.]+)px\)/)?.[1] ?? 0);
    await eventually(blurPx).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${ARTIFACTS}/content-thumbnails-blurred-en.png`, fullPage: true });

    const toggle = page.locator('[data-testid^="thumb-toggle-"]').first();
    await eventually(() => toggle.getAttribute("aria-label")).toMatch(/^Reveal the image of entry \d+$/);
    await toggle.click();
    await eventually(() => toggle.getAttribute("aria-pressed")).toBe("true");
    await eventually(() => blur()).toBe("none");
    await waitForExactText(toggle, "Hide");
    // Only the chosen item is revealed; the others stay blurred.
    const second = page.locator('[data-testid^="thumb-img-"]').nth(1);
    await eventually(() => second.evaluate((el) => getComputedStyle(el).filter)).toMatch(/blur/);
    await page.screenshot({ path: `${ARTIFACTS}/content-thumbnails-revealed-en.png`, fullPage: true });
    // Hide again from the keyboard.
    await toggle.focus();
    await page.keyboard.press("Enter");
    await eventually(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await eventually(() => blur()).toMatch(/blur/);
    await page.close();
  });
});
