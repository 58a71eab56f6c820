import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "../../web/src/lib/i18n/messages.ts";
import { checkAndShoot, LANGS, type Lang, switchLanguage } from "./a11y.ts";
import { browserTestsRunnable, type DemoServer, startDemoServer } from "./demo-server.ts";
import { apiLogin, seedWork } from "./languages.seed.ts";
import {
  documentLanguage,
  englishLeaks,
  knowServerCountries,
  locate,
  normalise,
  overflow,
  pageText,
  rawKeys,
} from "./languages.sweep.ts";

/**
 * The language sweep: every page of each demo role's navigation, and the first row of each list, in
 * the four languages, with axe-core on each; then the public pages and the officer's home at phone
 * width. Problems are collected and reported together, so that one run names all of them.
 */

const ROLES = [
  { username: "fr.officer", short: "officer" },
  { username: "gs.reviewer", short: "reviewer" },
  { username: "fr.content", short: "content" },
  { username: "auditor", short: "auditor" },
  { username: "admin", short: "admin" },
  { username: "fr.border", short: "border" },
] as const;

const PHONE = { width: 390, height: 844 };

type Target = { name: string; hash: string };

/** Moves to a page of the hash router and waits until it has a heading and nothing is loading. */
async function go(page: Page, hash: string): Promise<string[]> {
  await page.evaluate((h) => {
    window.location.hash = h;
    window.scrollTo(0, 0);
  }, hash);
  return settle(page);
}

async function settle(page: Page): Promise<string[]> {
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await frame();
  const ready = () =>
    page.waitForFunction(
      () =>
        document.querySelector("#main h1") !== null &&
        document.querySelector('#main .loading, #main [aria-busy="true"]') === null,
      null,
      { timeout: 20_000 },
    );
  try {
    await ready();
    await frame(); // a page may start a second request after its first answer
    await ready();
  } catch {
    return ["the page never settled (no heading, or still loading)"];
  }
  return [];
}

/** Everything the sweep checks on the page as it stands, as sentences. */
async function check(page: Page, shot: string, lang: Lang): Promise<string[]> {
  const problems = await documentLanguage(page, lang);
  const text = await pageText(page, "body");
  problems.push(...rawKeys(text));
  for (const leak of englishLeaks(lang, text))
    problems.push(`English "${leak.text}" (${leak.keys.join(", ")}) at ${await locate(page, leak.text)}`);
  const heading = normalise((await page.locator("#main h1").first().textContent()) ?? "");
  const dict = DICTIONARIES[lang] as Record<string, string>;
  if (heading === dict["forbidden.title"] || heading === dict["notFound.title"])
    problems.push(`a dead end: "${heading}"`);
  for (const alert of await page.getByTestId("error-alert").allTextContents())
    problems.push(`an error on the page: "${normalise(alert)}"`);
  try {
    await checkAndShoot(page, shot, lang);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

/** The first row's link of the list on the page, unless it leads back to a page already swept. */
async function firstRow(page: Page, known: readonly Target[]): Promise<string | null> {
  const hrefs = await page
    .locator('#main tbody a[href^="#/"], #main a[href^="#/public/notices/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const here = await page.evaluate(() => window.location.hash);
  const href = hrefs.find((h) => h !== here && !h.endsWith("/new") && !known.some((k) => k.hash === h));
  return href ?? null;
}

describe.skipIf(!browserTestsRunnable())("every page in four languages (Chromium)", () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startDemoServer();
    await seedWork(server);
    const headers = await apiLogin(server, "fr.officer");
    const countries = await server.t.app.inject({ method: "GET", url: "/api/v1/countries", headers });
    expect(countries.statusCode).toBe(200);
    knowServerCountries((countries.json() as { items: { code: string; name: string }[] }).items);
  });
  afterAll(() => server?.close());

  /**
   * Visits the targets in each language; in the first, also opens the first row of each list and
   * adds that detail page to the targets for the others.
   */
  async function sweep(page: Page, who: string, targets: Target[], opensRows: (t: Target) => boolean) {
    const problems: string[] = [];
    for (const lang of LANGS) {
      await switchLanguage(page, lang);
      for (let i = 0; i < targets.length; i++) {
        const target = targets[i] as Target;
        const where = `${who} ${target.name} (${lang})`;
        const found = await go(page, target.hash);
        found.push(...(await check(page, `lang-${who}-${target.name}`, lang)));
        problems.push(...found.map((p) => `${where}: ${p}`));
        if (lang !== "en" || !opensRows(target)) continue;
        const row = await firstRow(page, targets);
        if (row) targets.push({ name: `${target.name}-row`, hash: row });
      }
    }
    return problems;
  }

  for (const role of ROLES) {
    it(`shows ${role.username}'s pages in English, French, Spanish and Arabic`, async () => {
      const page = await server.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await server.login(page, role.username);
      const nav = await page.locator('nav.app-nav a[data-testid^="nav-"]').evaluateAll((links) =>
        links.map((a) => ({
          name: a.getAttribute("data-testid") ?? "",
          hash: a.getAttribute("href") ?? "",
        })),
      );
      expect(nav.length).toBeGreaterThan(1);
      const targets = nav.map((n) => ({ name: n.name.replace(/^nav-/, ""), hash: n.hash }));
      const problems = await sweep(page, role.short, targets, (t) => !["home", "account"].includes(t.name));
      // Lists that have rows open them: the sweep reaches at least one detail page per role with data.
      if (role.short === "officer" || role.short === "reviewer")
        expect(targets.filter((t) => t.name.endsWith("-row")).length).toBeGreaterThan(2);
      await page.close();
      expect(problems, problems.join("\n")).toEqual([]);
    }, 900_000);
  }

  it("shows the public pages and the sign-in page at phone width in four languages", async () => {
    const page = await server.browser.newPage({ viewport: PHONE });
    await page.goto(`${server.base}/#/public/notices`);
    await settle(page);
    const kinds = await page
      .locator('#main a[data-testid^="public-kind-"]')
      .evaluateAll((links) =>
        links.map((a) => ({ name: a.getAttribute("data-testid") ?? "", hash: a.getAttribute("href") ?? "" })),
      );
    expect(kinds.length).toBeGreaterThan(1);
    const problems: string[] = [];
    const targets: Target[] = kinds.map((k) => ({ name: k.name, hash: k.hash }));
    for (const lang of LANGS) {
      await switchLanguage(page, lang);
      for (let i = 0; i < targets.length; i++) {
        const target = targets[i] as Target;
        const found = await go(page, target.hash);
        found.push(...(await check(page, `lang-phone-${target.name}`, lang)), ...(await overflow(page)));
        problems.push(...found.map((p) => `public ${target.name} (${lang}): ${p}`));
        if (lang !== "en") continue;
        const row = target.name.endsWith("-row") ? null : await firstRow(page, targets);
        if (row) targets.push({ name: `${target.name}-row`, hash: row });
      }
      // The sign-in page (the app's root without a session) is public too.
      await go(page, "#/");
      await page.getByTestId("login-form").waitFor();
      const signIn = [...(await check(page, "lang-phone-sign-in", lang)), ...(await overflow(page))];
      problems.push(...signIn.map((p) => `sign-in (${lang}): ${p}`));
      await go(page, "#/public/notices");
    }
    expect(targets.some((t) => t.name.endsWith("-row"))).toBe(true);
    await page.close();
    expect(problems, problems.join("\n")).toEqual([]);
  }, 600_000);

  it("keeps the officer's home usable at phone width: no sideways scrolling, a menu to navigate", async () => {
    const page = await server.browser.newPage({ viewport: PHONE });
    await server.login(page, "fr.officer");
    const problems: string[] = [];
    for (const lang of LANGS) {
      await switchLanguage(page, lang);
      const found = await go(page, "#/");
      found.push(...(await check(page, "lang-phone-officer-home", lang)), ...(await overflow(page)));
      // The navigation folds behind a menu button that names itself and says whether it is open.
      const toggle = page.getByTestId("nav-toggle");
      if (!(await toggle.isVisible())) found.push("no menu button for the navigation");
      else {
        if ((await toggle.getAttribute("aria-expanded")) !== "false") found.push("the menu starts open");
        await toggle.click();
        await page.getByTestId("nav-notices").waitFor();
        found.push(...(await overflow(page)));
        await page.screenshot({ path: `test-artifacts/screenshots/lang-phone-officer-menu-${lang}.png` });
        await page.getByTestId("nav-notices").click();
        found.push(...(await settle(page)));
        if (await page.getByTestId("nav-notices").isVisible())
          found.push("the menu stays open after a choice");
      }
      problems.push(...found.map((p) => `officer home at 390 px (${lang}): ${p}`));
    }
    await page.close();
    expect(problems, problems.join("\n")).toEqual([]);
  }, 600_000);
});
