import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope } from "../../src/features/notices/notices.fixtures.ts";
import { checkAndShoot, LANGS, switchLanguage } from "./a11y.ts";
import { browserTestsRunnable, type DemoServer, eventually, startDemoServer } from "./demo-server.ts";
import { apiLogin } from "./languages.seed.ts";

/*
 * The places that used to need a UUID nobody could see: the platform operator keeps the directory of
 * platform partners by name; an auditor filters the trail by a person's name and takes it away as
 * CSV; a referral unit changes the status of a batch of a bank's entries at once. Each page in the
 * four languages, with axe-core and a screenshot.
 */

describe.skipIf(!browserTestsRunnable())("partners, the audit trail and bulk changes in Chromium", () => {
  let server: DemoServer;
  let bankId: string;
  const open = () => server.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const go = (p: Page, hash: string) => p.goto(`${server.base}/#${hash}`);

  beforeAll(async () => {
    server = await startDemoServer();
    // A bank of France's referral unit with a page of entries to change together.
    const headers = await apiLogin(server, "fr.content");
    const bank = await server.t.app.inject({
      method: "POST",
      url: "/api/v1/content/banks",
      headers,
      payload: { name: "Recruitment videos", envelope: envelope("all") },
    });
    bankId = bank.json().id;
    for (const c of "0123") {
      const res = await server.t.app.inject({
        method: "POST",
        url: `/api/v1/content/banks/${bankId}/entries`,
        headers,
        payload: { signalType: "md5", value: c.repeat(32), labels: ["recruitment"] },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(() => server?.close());

  it("keeps the directory of platform partners by name, in every language", async () => {
    const p = await open();
    await server.login(p, "admin");
    await go(p, "/partners");
    await p.getByTestId("partners-table").waitFor();
    await p.getByTestId("partner-new").click();
    await p.getByTestId("partner-name").fill("Clipshare");
    await p.getByTestId("partner-legal-name").fill("Clipshare Media B.V.");
    await p.getByTestId("partner-country").selectOption("NL");
    await p.getByTestId("partner-endpoint").fill("http://clipshare.example/referrals");
    await p.getByTestId("partner-save").click();
    // A plain-http endpoint is refused, by its label, and nothing is lost from the form.
    await eventually(() => p.getByTestId("error-alert").textContent()).toMatch(/Referral endpoint/i);
    expect(await p.getByTestId("partner-name").inputValue()).toBe("Clipshare");
    await p.getByTestId("partner-endpoint").fill("https://clipshare.example/referrals");
    await p.getByTestId("partner-save").click();
    await eventually(() => p.getByTestId("partner-saved").textContent()).toContain("Clipshare");

    // Found from part of its legal name, whatever the case; then retired.
    await p.getByTestId("partners-q").fill("MEDIA b");
    await p.getByTestId("partners-search").click();
    await eventually(() => p.locator('[data-testid^="partner-row-"]').count()).toBe(1);
    await p.getByTestId("partner-toggle-Clipshare").click();
    await eventually(() => p.getByTestId("partner-saved").textContent()).toContain("Clipshare");
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await checkAndShoot(p, "deadends-partners", lang);
    }
    await switchLanguage(p, "en");
    await p.close();
  });

  it("filters the audit trail by a person's name and exports it as CSV, in every language", async () => {
    const p = await open();
    await server.login(p, "auditor");
    await go(p, "/audit");
    await p.getByTestId("audit-user").fill("FR.OFFICER");
    await p.getByTestId("audit-apply").click();
    const table = p.locator("table.data tbody tr");
    await eventually(() => table.count()).toBeGreaterThan(0);
    const actors = await p.locator("table.data tbody tr td:nth-child(3)").allTextContents();
    expect(
      actors.every((a) => a.includes("fr.officer")),
      actors.join(" | "),
    ).toBe(true);
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await checkAndShoot(p, "deadends-audit", lang);
    }
    await switchLanguage(p, "en");

    // The export carries the same filter: what is on the screen is what is in the file.
    const href = (await p.getByTestId("audit-export").getAttribute("href")) ?? "";
    expect(href).toContain("username=FR.OFFICER");
    const res = await p.request.get(new URL(href, server.base).toString());
    expect(res.status()).toBe(200);
    const rows = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.actor_username))).toEqual(new Set(["fr.officer"]));
    await p.close();
  });

  it("changes the status of a page of hash entries at once, with the reason, in every language", async () => {
    const p = await open();
    await server.login(p, "fr.content");
    await go(p, `/content/banks/${bankId}`);
    await p.getByTestId("entries-table").waitFor();
    await p.getByTestId("entries-select-all").check();
    await eventually(() => p.getByTestId("bulk-selected").textContent()).toContain("4");
    await p.getByTestId("bulk-status-select").selectOption("disputed");
    await p.getByTestId("bulk-reason").fill("Footage of a film, not of an attack");
    // The button says what it will do, to how many.
    expect(await p.getByTestId("bulk-apply").textContent()).toMatch(/4 entries.*[Dd]isputed/);
    await p.getByTestId("bulk-apply").click();
    await eventually(() => p.getByTestId("bulk-done").textContent()).toMatch(/^4 entries changed/);
    const statuses = await server.t.deps.db
      .selectFrom("hash_entries")
      .select("status")
      .where("bank_id", "=", bankId)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(["disputed", "disputed", "disputed", "disputed"]);
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await p.getByTestId("entries-select-all").check();
      await checkAndShoot(p, "deadends-bulk-status", lang);
      await p.getByTestId("entries-select-all").uncheck();
    }
    await switchLanguage(p, "en");
    await p.close();
  });
});
