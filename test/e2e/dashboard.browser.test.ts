import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAndShoot, LANGS, switchLanguage } from "./a11y.ts";
import { browserTestsRunnable, type DemoServer, eventually, startDemoServer } from "./demo-server.ts";

/*
 * The dashboard and the live notifications, on the demo data: a bureau officer and the Secretariat's
 * reviewer each see what needs them, in the four languages; when the reviewer publishes a notice,
 * the owning officer's bell rises at once, without a reload, and the notification centre shows it.
 */

describe.skipIf(!browserTestsRunnable())("dashboard and live notifications in Chromium", () => {
  let server: DemoServer;
  const open = (width = 1280) => server.browser.newPage({ viewport: { width, height: 900 } });
  const login = (page: Page, username: string) => server.login(page, username);
  const bellCount = async (page: Page) =>
    Number(await page.getByTestId("notification-bell").getAttribute("data-unread"));
  const count = async (page: Page, card: string) =>
    Number(await page.getByTestId(`dash-card-${card}`).getAttribute("data-count"));

  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(() => server?.close());

  it("shows a bureau officer what needs the bureau, with notifications kept, in every language", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.getByTestId("dash-card-noticesReturned").waitFor();
    // The demo left a returned and a refused request, an unread diffusion and a trace request in Paris.
    expect(await count(p, "noticesReturned")).toBeGreaterThanOrEqual(1);
    expect(await count(p, "noticesRefused")).toBeGreaterThanOrEqual(1);
    expect(await count(p, "diffusionsUnread")).toBeGreaterThanOrEqual(1);
    expect(await count(p, "tracesOpen")).toBeGreaterThanOrEqual(1);
    await eventually(() => bellCount(p)).toBeGreaterThanOrEqual(4);
    await eventually(() => p.getByTestId("notification-bell").getAttribute("aria-label")).toMatch(
      /^Notifications, \d+ unread$/,
    );
    const returned = p.getByTestId("dash-card-noticesReturned");
    await eventually(() => returned.textContent()).toContain("VESELKO");
    await eventually(() => returned.textContent()).toMatch(/waiting for/);

    for (const lang of LANGS) {
      await p.goto(`${server.base}/#/`);
      await switchLanguage(p, lang);
      await p.getByTestId("dash-card-tracesOpen").waitFor();
      await checkAndShoot(p, "dashboard-bureau", lang);
      await p.getByTestId("notification-bell").click();
      await p.getByTestId("notifications-list").waitFor();
      await eventually(() => p.getByTestId("notifications-list").textContent()).toContain("VESELKO");
      await checkAndShoot(p, "notifications-centre", lang);
    }
    await switchLanguage(p, "en");

    // An item opens its record: the unread diffusion, which then leaves the bureau's dashboard.
    await p.goto(`${server.base}/#/`);
    const unread = await count(p, "diffusionsUnread");
    await p.getByTestId("dash-card-diffusionsUnread").getByRole("link").first().click();
    await p.getByTestId("diffusion-review-state").waitFor();
    await p.goto(`${server.base}/#/`);
    await eventually(() => count(p, "diffusionsUnread")).toBe(unread - 1);
    await p.close();
  });

  it("shows the Secretariat its review queue with waiting times, in every language", async () => {
    const p = await open();
    await login(p, "gs.reviewer");
    const queue = p.getByTestId("dash-card-reviewQueue");
    await queue.waitFor();
    expect(await count(p, "reviewQueue")).toBeGreaterThanOrEqual(2);
    expect(await count(p, "diffusionsUnreviewed")).toBeGreaterThanOrEqual(1);
    await eventually(() => queue.textContent()).toContain("OSTROVA");
    await eventually(() => queue.textContent()).toMatch(/waiting for/);
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await eventually(() => p.locator("html").getAttribute("lang")).toBe(lang);
      await checkAndShoot(p, "dashboard-secretariat", lang);
    }
    await switchLanguage(p, "en");
    // The card's full list is one link away.
    await p.getByTestId("dash-see-all-reviewQueue").click();
    await p.getByTestId("review-table").waitFor();
    await p.close();
  });

  it("raises the owner's bell live when the reviewer publishes, and the centre shows it", async () => {
    const officer = await open();
    await login(officer, "fr.officer");
    await officer.getByTestId("dashboard").waitFor();
    await eventually(() =>
      officer.getByTestId("notification-bell").getAttribute("data-unread"),
    ).not.toBeNull();
    const before = await bellCount(officer);

    const reviewer = await open();
    await login(reviewer, "gs.reviewer");
    const item = reviewer.getByTestId("dash-card-reviewQueue").getByRole("link", { name: /OSTROVA/ });
    await item.click();
    await reviewer.getByTestId("review-decision").waitFor();
    await reviewer.getByTestId("review-publish").click();
    await reviewer.getByTestId("review-publish-confirm").click();
    await reviewer.getByTestId("notice-action-done").waitFor();

    // No reload: the stream brings it.
    await eventually(() => bellCount(officer)).toBe(before + 1);
    await eventually(() => officer.getByTestId("notification-bell").getAttribute("aria-label")).toBe(
      `Notifications, ${before + 1} unread`,
    );
    await eventually(() => officer.getByTestId("notification-live").textContent()).toMatch(
      /New notification: .*OSTROVA.* was published/,
    );
    await checkAndShoot(officer, "notification-live", "en");

    await officer.getByTestId("notification-bell").click();
    const first = officer.getByTestId("notifications-list").locator("li").first();
    await eventually(() => first.textContent()).toMatch(/OSTROVA.*was published/);
    expect(await first.getAttribute("data-read")).toBe("false");
    await first.getByRole("button", { name: /Mark as read: .*OSTROVA/ }).click();
    await eventually(() => first.getAttribute("data-read")).toBe("true");
    await eventually(() => bellCount(officer)).toBe(before);
    // Mark all read: the bell empties.
    await officer.getByTestId("notifications-read-all").click();
    await officer.getByTestId("notifications-read-all-done").waitFor();
    await eventually(() => bellCount(officer)).toBe(0);
    await eventually(() => officer.getByTestId("notification-bell").getAttribute("aria-label")).toBe(
      "Notifications, none unread",
    );
    await officer.close();
    await reviewer.close();
  });

  it("keeps the officer's home usable at phone width", async () => {
    const p = await open(390);
    await login(p, "fr.officer");
    await p.getByTestId("dash-card-noticesReturned").waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkAndShoot(p, "dashboard-phone", "en");
    await p.close();
  });
});
