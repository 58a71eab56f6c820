import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, redRequest } from "../../src/features/notices/notices.fixtures.ts";
import { drawnFace, noFace } from "../../src/features/notices/notices.photos.fixtures.ts";
import type { Actor } from "../../src/shared/actor.ts";
import { translate } from "../../web/src/lib/i18n/translate.ts";
import { checkAndShoot, LANGS, type Lang, switchLanguage } from "./a11y.ts";
import { browserTestsRunnable, type DemoServer, eventually, startDemoServer } from "./demo-server.ts";

/*
 * Photos and printing in Chromium, in the four languages: a face photo chosen in the notice wizard
 * (a picture with no face refused first, in the reader's language), shown on the notice page, the
 * notice downloaded as a PDF file, the page printed without navigation, header or buttons, and a
 * consented photo on the public extract. The faces are drawn (notices.photos.fixtures.ts): no photo
 * of a real person appears in a screenshot.
 */

describe.skipIf(!browserTestsRunnable())("photos, PDF and printing in Chromium", () => {
  let server: DemoServer;
  let publicPath = "";

  beforeAll(async () => {
    server = await startDemoServer();
    // A published Red Notice with a public extract and one photo its owner consented to show.
    const t = server.t;
    const fr: Actor = await t.user("fr.photographer", "ncb_officer", "FR");
    const gs: Actor = await t.user("gs.photo.reviewer", "gs_reviewer", "XG");
    const n = await t.services.notices.create(fr, {
      request: redRequest("OSTROVSKY", "Ilya"),
      envelope: envelope(),
      publicExtract: true,
    });
    await t.services.notices.addPhoto(fr, n.id, await drawnFace(3), { public: "true" });
    await t.services.notices.transition(fr, n.id, "submit");
    await t.services.notices.transition(gs, n.id, "start_review");
    const p = await t.services.notices.transition(gs, n.id, "publish");
    publicPath = `/public/notices/red/${(p.noticeNumber as string).replace("/", "-")}`;
  });
  afterAll(() => server?.close());

  const next = (page: Page) => page.getByTestId("wizard-next").click();

  /** The wizard up to its review step: a Red Notice with a public extract. */
  async function fillRedNotice(page: Page, familyName: string) {
    await page.goto(`${server.base}/#/notices/new`);
    await page.getByTestId("wizard-type-red").check();
    await next(page);
    await page.getByTestId("wizard-family-name").fill(familyName);
    await page.getByTestId("wizard-forenames").fill("Marek");
    await page.getByTestId("wizard-sex").selectOption("M");
    await page.getByTestId("wizard-nationalities").fill("PL");
    await page.getByTestId("wizard-dob-precision").selectOption("date");
    await page.getByTestId("wizard-dob").fill("1981-09-14");
    await page.getByTestId("wizard-height").fill("178");
    await next(page);
    await page.getByTestId("wizard-offence-0-description").fill("Armed robbery of a bank in Lille");
    await page.getByTestId("wizard-offence-0-category").selectOption("robbery_theft");
    await page.getByTestId("wizard-offence-0-law").fill("Art. 311-8 Code pénal");
    await page.getByTestId("wizard-offence-0-penalty").fill("360");
    await page.getByTestId("wizard-warrant-authority").fill("Investigating judge, Lille");
    await page.getByTestId("wizard-warrant-date").fill("2025-12-01");
    await page.getByTestId("wizard-warrant-reference").fill("JI-2025/0977");
    await next(page);
    await page.getByTestId("wizard-language").selectOption("en");
    await page.getByTestId("wizard-title").fill(`Wanted for armed robbery: Marek ${familyName}`);
    await page.getByTestId("wizard-summary").fill("The subject robbed a bank in Lille with a handgun.");
    await page.getByTestId("wizard-charges").fill("Armed robbery");
    await next(page);
    await page.getByTestId("wizard-public-extract").check();
    await next(page);
    await page.getByTestId("wizard-photos").waitFor();
  }

  /** Submits the request; answers the confirmation when the wizard asks for one. */
  async function submit(page: Page) {
    await page.getByTestId("wizard-submit").click();
    const confirm = page.getByTestId("wizard-submit-confirm");
    await page
      .locator('[data-testid="notice-submitted"], [data-testid="wizard-submit-confirm"]')
      .first()
      .waitFor();
    if (await confirm.isVisible()) await confirm.click();
    await page.getByTestId("notice-submitted").waitFor();
  }

  const imageLoaded = (page: Page, testId: string) =>
    eventually(() =>
      page
        .getByTestId(testId)
        .first()
        .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    ).toBe(true);

  it.each(LANGS)(
    "adds a face photo in the wizard, shows it, downloads the PDF and prints cleanly (%s)",
    async (lang: Lang) => {
      const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await server.login(page, "fr.officer");
      await switchLanguage(page, lang);
      const familyName = `NOWAK${lang.toUpperCase()}`;
      await fillRedNotice(page, familyName);

      // A picture with no face is refused, saying why in the reader's language; nothing is attached.
      const upload = page.getByTestId("wizard-photo-upload-file");
      await upload.setInputFiles({ name: "field.png", mimeType: "image/png", buffer: await noFace() });
      await eventually(() => page.getByTestId("wizard-photo-upload-error").textContent()).toBe(
        translate(lang, "photos.error.noFace"),
      );
      expect(await page.getByTestId("wizard-photo").count()).toBe(0);

      // A face photo, shown on the public extract with the owner's consent.
      await page.getByTestId("wizard-photo-upload-public").check();
      await upload.setInputFiles({ name: "face.jpg", mimeType: "image/jpeg", buffer: await drawnFace(0) });
      await page.getByTestId("wizard-photo-upload-done").waitFor();
      await page.getByTestId("wizard-photo").first().waitFor();
      await checkAndShoot(page, "photos-wizard", lang);

      await submit(page);
      await page.getByTestId("notice-photo").first().waitFor();
      await imageLoaded(page, "notice-photo-img");
      await page.getByTestId("notice-photo-public").waitFor();
      expect(await page.getByTestId("notice-photo").count()).toBe(1);
      await checkAndShoot(page, "photos-notice", lang);

      // The PDF file: the browser downloads it with the session; it is a PDF.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("notice-pdf").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^notice-red-draft-[0-9a-f]{8}\.pdf$/);
      const pdf = readFileSync(await download.path());
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

      // Printed: no navigation, header, language switcher or buttons; the notice and its photo stay.
      await page.emulateMedia({ media: "print" });
      for (const hidden of [".app-nav", ".app-header", ".app-footer", '[data-testid="lang-select"]'])
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      expect(await page.getByTestId("notice-pdf").isVisible()).toBe(false);
      expect(await page.getByTestId("notice-print").isVisible()).toBe(false);
      expect(await page.locator("main button:visible").count()).toBe(0);
      expect(await page.getByTestId("notice-photo-img").isVisible()).toBe(true);
      expect(await page.getByTestId("notice-print-note").isVisible()).toBe(true);
      // Without the navigation column, the notice starts at the page's edge.
      const main = await page.locator("main").boundingBox();
      expect(main?.x).toBeLessThan(20);
      await checkAndShoot(page, "photos-print", lang);
      await page.emulateMedia({ media: "screen" });
      expect(await page.locator(".app-nav").isVisible()).toBe(true);
      await page.close();
    },
  );

  it.each(LANGS)("shows the consented photo on the public extract (%s)", async (lang: Lang) => {
    const page = await server.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.base}/#${publicPath}`);
    await switchLanguage(page, lang);
    await page.getByTestId("public-detail").waitFor();
    await imageLoaded(page, "public-photo");
    expect(await page.getByTestId("public-photo").getAttribute("alt")).toContain("Ilya");
    await checkAndShoot(page, "photos-public", lang);
    await page.close();
  });
});
