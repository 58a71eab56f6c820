import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, redRequest } from "../../src/features/notices/notices.fixtures.ts";
import type { Actor } from "../../src/shared/actor.ts";
import { translate } from "../../web/src/lib/i18n/translate.ts";
import { fieldSentence, type Translator } from "../../web/src/lib/problems.ts";
import { checkAndShoot, LANGS, type Lang, switchLanguage } from "./a11y.ts";
import { browserTestsRunnable, type DemoServer, eventually, startDemoServer } from "./demo-server.ts";

/** What the reader should see, computed by the same mapping the app uses, in their language. */
const i18n = (lang: Lang): Translator => ({ lang, t: (key, vars) => translate(lang, key, vars) });
const plain = (s: string | null): string => (s ?? "").replace(/[\u2068\u2069]/g, "").trim();
/** Text that would betray a raw path or a raw validation message. */
const RAW = /body\.|request\.|offences\.\d|familyName|maxPenalty|Invalid input|expected string|received/;

describe.skipIf(!browserTestsRunnable())(
  "errors people can act on, drafts and confirmations, in Chromium",
  () => {
    let server: DemoServer;
    let colleague: Actor;

    beforeAll(async () => {
      server = await startDemoServer();
      colleague = await server.t.user("fr.colleague", "ncb_officer", "FR");
    });
    afterAll(() => server?.close());

    const focusedTestId = (page: Page) =>
      page.evaluate(() => document.activeElement?.getAttribute("data-testid"));

    async function openWizard(page: Page) {
      await page.getByTestId("nav-notices").click();
      await page.getByTestId("notices-new").click();
      await page.getByTestId("wizard-form").waitFor();
    }

    for (const lang of LANGS) {
      it(`shows labelled sentences, links fields to their steps, keeps the draft and confirms (${lang})`, async () => {
        const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
        await server.login(page, "fr.officer");
        await switchLanguage(page, lang);

        // A half-filled Red Notice request: a name, and an offence whose country is not a code.
        await openWizard(page);
        await page.getByTestId("wizard-type-red").check();
        await page.getByTestId("wizard-next").click();
        const familyName = `HALFWAY-${lang.toUpperCase()}`;
        await page.getByTestId("wizard-family-name").fill(familyName);
        await page.getByTestId("wizard-next").click();
        await page.getByTestId("wizard-offence-0-description").fill("Bombing of a railway station");
        await page.getByTestId("wizard-offence-0").getByLabel(translate(lang, "common.country")).fill("X");

        // Saving it: the server refuses, and each refused field is a sentence naming it by its label.
        await page.getByTestId("wizard-save").click();
        const alert = page.getByTestId("error-alert");
        await alert.waitFor();
        const country = fieldSentence(
          { path: "body.request.offences.0.country", code: "invalid_format" },
          i18n(lang),
        ).sentence;
        const title = fieldSentence({ path: "body.request.title", code: "required" }, i18n(lang)).sentence;
        await eventually(async () =>
          (await alert.getByTestId("error-field").allTextContents()).map(plain),
        ).toEqual(expect.arrayContaining([plain(country), plain(title)]));
        expect(plain(await alert.locator("p").first().textContent())).toBe(
          plain(translate(lang, "problem.validation_failed")),
        );
        expect(await alert.textContent()).not.toMatch(RAW);
        await checkAndShoot(page, "errors-wizard-refused", lang);

        // The compliance panel lists what is missing by label; a link opens the step with the field.
        const precheck = page.getByTestId("wizard-precheck");
        expect(await precheck.textContent()).not.toMatch(RAW);
        await precheck.locator('[data-field="subject.sex"]').click();
        await eventually(() => page.getByTestId("wizard-step-subject").getAttribute("aria-current")).toBe(
          "step",
        );
        await eventually(() => focusedTestId(page)).toBe("wizard-sex");
        await precheck.locator('[data-field="arrestWarrant"]').click();
        await eventually(() => page.getByTestId("wizard-step-details").getAttribute("aria-current")).toBe(
          "step",
        );
        await eventually(() =>
          page.evaluate(() => !!document.activeElement?.closest('[data-testid="wizard-warrant"]')),
        ).toBe(true);
        await checkAndShoot(page, "errors-wizard-compliance-link", lang);

        // Leaving with unsaved work asks first; the draft is kept and offered back on return.
        await page.getByTestId("nav-notices").click();
        const leave = page.getByTestId("unsaved-leave-dialog");
        await leave.waitFor();
        expect(plain(await leave.locator("h2").textContent())).toBe(
          plain(translate(lang, "draft.leave.title")),
        );
        await checkAndShoot(page, "errors-wizard-leave", lang);
        await page.getByTestId("unsaved-leave-confirm").click();
        await page.getByTestId("notices-new").waitFor();
        await openWizard(page);
        await page.getByTestId("draft-offer").waitFor();
        await checkAndShoot(page, "errors-wizard-draft-offer", lang);
        await page.getByTestId("draft-restore").click();
        await page.getByTestId("wizard-step-details").and(page.locator("[aria-current=step]")).waitFor();
        await eventually(() => page.getByTestId("wizard-offence-0-description").inputValue()).toBe(
          "Bombing of a railway station",
        );
        await page.getByTestId("wizard-step-subject").click();
        await eventually(() => page.getByTestId("wizard-family-name").inputValue()).toBe(familyName);

        // A consequential act asks in a dialog that says what will happen: sending a diffusion.
        await page.getByTestId("nav-diffusions").click();
        await page.getByTestId("unsaved-leave-confirm").click();
        await page.getByTestId("diffusions-new").click();
        await page.getByTestId("diffusion-countries").fill("US DE");
        await page.getByTestId("diffusion-title").fill(`Locate a courier (${lang})`);
        await page.getByTestId("diffusion-body-input").fill("Seen at the Gare du Nord on 2 May 2026.");
        await page.getByTestId("diffusion-submit").click();
        const dialog = page.getByTestId("diffusion-submit-dialog");
        await dialog.waitFor();
        expect(plain(await dialog.textContent())).toContain(
          plain(translate(lang, "confirm.sendDiffusion.body", { recipients: "US, DE" })),
        );
        expect(await dialog.getAttribute("aria-labelledby")).toBeTruthy();
        await checkAndShoot(page, "errors-diffusion-confirm", lang);
        // Escape cancels: nothing is sent, the form keeps what was typed.
        await page.keyboard.press("Escape");
        await eventually(() => dialog.isVisible()).toBe(false);
        await eventually(() => focusedTestId(page)).toBe("diffusion-submit");
        expect(await page.getByTestId("diffusion-title").inputValue()).toBe(`Locate a courier (${lang})`);
        await page.getByTestId("diffusion-submit").click();
        await page.getByTestId("diffusion-submit-confirm").click();
        await page.getByTestId("diffusion-body").waitFor();
        await checkAndShoot(page, "errors-diffusion-sent", lang);
        await page.close();
      });

      it(`says so when another user changed the notice meanwhile, and keeps the reasons typed (${lang})`, async () => {
        const { t } = server;
        const created = await t.services.notices.create(colleague, {
          request: redRequest(`STALE${lang.toUpperCase()}`, "Mira"),
          envelope: envelope(),
        });
        const page = await server.browser.newPage({ viewport: { width: 1280, height: 900 } });
        await server.login(page, "fr.officer");
        await switchLanguage(page, lang);
        await page.goto(`${server.base}/#/notices/${created.id}`);
        await page.getByTestId("notice-withdraw").waitFor();

        // The colleague changes the draft while the page is open.
        await t.services.notices.update(colleague, created.id, { publicExtract: false });

        await page.getByTestId("notice-withdraw").click();
        await page.getByTestId("notice-withdraw-reasons").fill("Duplicate of an older request.");
        await page.getByTestId("notice-withdraw-submit").click();
        const dialog = page.getByTestId("notice-withdraw-dialog");
        await dialog.waitFor();
        expect(plain(await dialog.locator("h2").textContent())).toBe(
          plain(translate(lang, "confirm.withdraw.title")),
        );
        await checkAndShoot(page, "errors-stale-confirm", lang);
        await page.getByTestId("notice-withdraw-confirm").click();

        const alert = page.getByTestId("notice-withdraw-form").getByTestId("error-alert");
        await eventually(() => alert.getAttribute("data-code")).toBe("stale");
        expect(plain(await alert.locator("p").first().textContent())).toBe(
          plain(translate(lang, "problem.stale")),
        );
        expect(await page.getByTestId("notice-withdraw-reasons").inputValue()).toBe(
          "Duplicate of an older request.",
        );
        const after = await t.services.notices.get(colleague, created.id);
        expect(after.state).toBe("draft");
        await checkAndShoot(page, "errors-stale-refused", lang);

        // Loading the current version keeps the reasons; acting again now goes through.
        await page.getByTestId("error-reload").click();
        await page.getByTestId("notice-withdraw-submit").click();
        await page.getByTestId("notice-withdraw-confirm").click();
        await page.getByTestId("notice-action-done").waitFor();
        expect((await t.services.notices.get(colleague, created.id)).state).toBe("withdrawn");
        await page.close();
      });
    }
  },
);
