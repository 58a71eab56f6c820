import { afterAll, beforeAll, describe, it } from "vitest";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
} from "./demo-server.ts";

describe.skipIf(!browserTestsRunnable())("web app shell in Chromium", () => {
  let server: DemoServer;
  const page = () => server.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const login = (...args: Parameters<DemoServer["login"]>) => server.login(...args);

  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(() => server?.close());

  it("logs in with TOTP, navigates by role, switches to Arabic (right to left) and logs out", async () => {
    const p = await page();
    await login(p, "gs.reviewer"); // answers the TOTP step with the demo secret
    await p.screenshot({ path: `${ARTIFACTS}/shell-home-en.png` });

    // A reviewer sees the cross-country overview and records, but not audit or account admin.
    await eventually(() => p.getByTestId("nav-overview").count()).toBe(1);
    await eventually(() => p.getByTestId("nav-audit").count()).toBe(0);
    await p.getByTestId("nav-overview").click();
    await p.getByTestId("overview-table").waitFor();
    await eventually(() => p.getByTestId("overview-table").textContent()).toContain("France");
    await p.screenshot({ path: `${ARTIFACTS}/overview-en.png`, fullPage: false });

    await p.getByTestId("nav-records").click();
    await p.getByTestId("records-table").waitFor();
    await eventually(() => p.getByTestId("records-table").textContent()).toContain("DEMOVIC");

    await p.getByTestId("lang-select").selectOption("ar");
    await eventually(() => p.locator("html").getAttribute("dir")).toBe("rtl");
    await p.screenshot({ path: `${ARTIFACTS}/records-ar.png` });

    // Keyboard: after a fresh load the skip link is the first stop and leads to the main region.
    await p.reload();
    await p.getByTestId("records-table").waitFor();
    await p.keyboard.press("Tab");
    await eventually(() => p.evaluate(() => document.activeElement?.getAttribute("href"))).toContain("main");

    await p.getByTestId("logout").click();
    await p.getByTestId("login-form").waitFor();
    await p.close();
  });

  it("lets an auditor filter the trail and verify the chain", async () => {
    const p = await page();
    await login(p, "auditor");
    await p.getByTestId("nav-audit").click();
    await p.getByTestId("audit-table").waitFor();
    await p.getByTestId("audit-verify").click();
    await p.getByTestId("audit-verify-result").waitFor();
    await eventually(() => p.getByTestId("audit-verify-result").textContent()).toMatch(/intact/i);
    await p.screenshot({ path: `${ARTIFACTS}/audit-en.png` });
    await p.close();
  });

  it("lets the admin reset a second factor and shows the new secret once", async () => {
    const p = await page();
    await login(p, "admin");
    await p.getByTestId("nav-users").click();
    await p.getByTestId("users-table").waitFor();
    await p.getByTestId("user-reset-totp-gs.reviewer").click();
    await p.getByTestId("user-reset-totp-gs.reviewer-confirm").click();
    await p.getByTestId("issued-secret").waitFor();
    await eventually(() => p.getByTestId("issued-secret").textContent()).toMatch(/otpauth:\/\//);
    await p.screenshot({ path: `${ARTIFACTS}/users-reset-totp-en.png` });
    await p.close();
  });

  it("lets a person change their own password from the account page", async () => {
    const p = await page();
    await login(p, "jo.officer");
    await p.goto(`${server.base}/#/account`);
    await p.getByTestId("password-current").fill(server.creds.password);
    await p.getByTestId("password-new").fill("a new passphrase for amman");
    await p.getByTestId("password-repeat").fill("a new passphrase for amman");
    await p.getByTestId("password-submit").click();
    await p.getByText("Password changed").waitFor();
    await p.screenshot({ path: `${ARTIFACTS}/account-password-en.png` });
    await p.getByTestId("logout").click();
    await login(p, "jo.officer", "a new passphrase for amman");
    await p.close();
  });
});
