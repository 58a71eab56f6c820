import { existsSync, mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTotp } from "../../src/features/auth/credentials.ts";
import { type DemoCredentials, seedDemo } from "../../src/features/demo/demo.seed.ts";
import { hasChromium, launchBrowser } from "../../web/e2e/browser.ts";
import { createTestContext, type TestContext } from "../harness.ts";

// In CI the browser is required (FUSION_BROWSER_TESTS=required); on a developer machine without
// Chromium the suite is skipped with a clear reason rather than failing.
const required = process.env.FUSION_BROWSER_TESTS === "required";
const runnable = hasChromium() && existsSync("web/dist/index.html");
if (required && !runnable) throw new Error("Browser tests are required but Chromium or web/dist is missing");
const ARTIFACTS = "test-artifacts/screenshots";

describe.skipIf(!runnable)("web app shell in Chromium", () => {
  let t: TestContext;
  let browser: Browser;
  let base: string;
  let creds: DemoCredentials;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await createTestContext({ demo: true });
    creds = (await seedDemo(t.deps, t.services)) as DemoCredentials;
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function login(page: Page, username: string) {
    await page.goto(base);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(creds.password);
    await page.getByTestId("login-submit").click();
  }

  it("logs in with TOTP, navigates by role, switches to Arabic (right to left) and logs out", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const reviewer = creds.users.find((u) => u.username === "gs.reviewer");
    await login(page, "gs.reviewer");
    await page.getByTestId("login-totp").fill(currentTotp(reviewer?.totpSecret ?? "", t.clock.now()));
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-box").waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/shell-home-en.png` });

    // A reviewer sees the cross-country overview and records, but not audit or account admin.
    await expect(page.getByTestId("nav-overview").count()).resolves.toBe(1);
    await expect(page.getByTestId("nav-audit").count()).resolves.toBe(0);
    await page.getByTestId("nav-overview").click();
    await page.getByTestId("overview-table").waitFor();
    await expect(page.getByTestId("overview-table").textContent()).resolves.toContain("France");
    await page.screenshot({ path: `${ARTIFACTS}/overview-en.png`, fullPage: false });

    await page.getByTestId("nav-records").click();
    await page.getByTestId("records-table").waitFor();
    await expect(page.getByTestId("records-table").textContent()).resolves.toContain("DEMOVIC");

    await page.getByTestId("lang-select").selectOption("ar");
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await page.screenshot({ path: `${ARTIFACTS}/records-ar.png` });

    // Keyboard: after a fresh load the skip link is the first stop and leads to the main region.
    await page.reload();
    await page.getByTestId("records-table").waitFor();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    expect(focused).toContain("main");

    await page.getByTestId("logout").click();
    await page.getByTestId("login-form").waitFor();
    await page.close();
  });

  it("lets an auditor filter the trail and verify the chain", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, "auditor");
    await page.getByTestId("nav-audit").click();
    await page.getByTestId("audit-table").waitFor();
    await page.getByTestId("audit-verify").click();
    await page.getByTestId("audit-verify-result").waitFor();
    await expect(page.getByTestId("audit-verify-result").textContent()).resolves.toMatch(/intact/i);
    await page.screenshot({ path: `${ARTIFACTS}/audit-en.png` });
    await page.close();
  });

  it("lets the admin reset a second factor and shows the new secret once", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, "admin");
    await page.getByTestId("nav-users").click();
    await page.getByTestId("users-table").waitFor();
    await page.getByTestId("user-reset-totp-gs.reviewer").click();
    await page.getByTestId("user-reset-totp-gs.reviewer-confirm").click();
    await page.getByTestId("issued-secret").waitFor();
    await expect(page.getByTestId("issued-secret").textContent()).resolves.toMatch(/otpauth:\/\//);
    await page.screenshot({ path: `${ARTIFACTS}/users-reset-totp-en.png` });
    await page.close();
  });

  it("lets a person change their own password from the account page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, "jo.officer");
    await page.getByTestId("user-box").waitFor();
    await page.goto(`${base}/#/account`);
    await page.getByTestId("password-current").fill(creds.password);
    await page.getByTestId("password-new").fill("a new passphrase for amman");
    await page.getByTestId("password-repeat").fill("a new passphrase for amman");
    await page.getByTestId("password-submit").click();
    await page.getByText("Password changed").waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/account-password-en.png` });
    await page.getByTestId("logout").click();
    await page.getByTestId("login-username").fill("jo.officer");
    await page.getByTestId("login-password").fill("a new passphrase for amman");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-box").waitFor();
    await page.close();
  });
});
