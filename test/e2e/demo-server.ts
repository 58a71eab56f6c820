import { existsSync, mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { currentTotp } from "../../src/features/auth/credentials.ts";
import { type DemoCredentials, seedDemo } from "../../src/features/demo/demo.seed.ts";
import { hasChromium, launchBrowser } from "../../web/e2e/browser.ts";
import { createTestContext, type TestContext } from "../harness.ts";

export const ARTIFACTS = "test-artifacts/screenshots";

/**
 * Whether the browser suites can run. In CI they are required (FUSION_BROWSER_TESTS=required) and a
 * missing Chromium or web build fails the run; on a developer machine without Chromium they skip.
 */
export function browserTestsRunnable(): boolean {
  const runnable = hasChromium() && existsSync("web/dist/index.html");
  if (process.env.FUSION_BROWSER_TESTS === "required" && !runnable) {
    throw new Error("Browser tests are required but Chromium or web/dist is missing");
  }
  return runnable;
}

export type DemoServer = {
  t: TestContext;
  creds: DemoCredentials;
  base: string;
  browser: Browser;
  /** Logs in through the login page, answering the TOTP step for accounts that have one. */
  login(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
};

type Hooks = {
  beforeSeed?: (t: TestContext) => Promise<void>;
  afterSeed?: (t: TestContext) => Promise<void>;
};

/** A demo-seeded server on a free loopback port, and Chromium to drive it. */
export async function startDemoServer(hooks: Hooks = {}): Promise<DemoServer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const t = await createTestContext({ demo: true });
  await hooks.beforeSeed?.(t);
  const creds = (await seedDemo(t.deps, t.services)) as DemoCredentials;
  await hooks.afterSeed?.(t);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const addr = t.app.server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const browser = await launchBrowser();

  async function login(page: Page, username: string, password = creds.password) {
    await page.goto(base);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(password);
    await page.getByTestId("login-submit").click();
    const secret = creds.users.find((u) => u.username === username)?.totpSecret;
    if (secret) {
      // A code is accepted once: each login answers with the next period's code.
      t.clock.advance(30_000);
      await page.getByTestId("login-totp").fill(currentTotp(secret, t.clock.now()));
      await page.getByTestId("login-submit").click();
    }
    await page.getByTestId("user-box").waitFor();
  }

  return {
    t,
    creds,
    base,
    browser,
    login,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * Waits until the element shows exactly this text. Reading textContent once races with re-renders
 * after an action; this waits for the page to settle on the expected state instead.
 */
export async function waitForExactText(locator: Locator, text: string): Promise<void> {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
  await locator.filter({ hasText: exact }).first().waitFor();
}

/**
 * An assertion on what the page shows, retried until it holds: `await eventually(() =>
 * el.textContent()).toContain("x")`. A value read once races with the re-render that follows an
 * action; this reads again until the page settles on the expected state (or fails with the last value
 * read). The limit only bounds a wait for a state that never comes; it asserts nothing about speed.
 */
export const eventually = <T>(read: () => Promise<T>) =>
  expect.poll(read, { timeout: 30_000, interval: 100 });
