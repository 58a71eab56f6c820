import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/shared/actor.ts";
import { chromiumPath } from "../../web/e2e/browser.ts";
import type { TestContext } from "../harness.ts";
import { sharedData, shippedReference } from "../shared-data.ts";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
  waitForExactText,
} from "./demo-server.ts";

/*
 * Biometrics in Chromium: the owning bureau enrols fingerprint templates on a person (a broken file
 * and a missing source refused by label) and retracts one into the history; runs a fingerprint
 * search, reviews the probe's minutiae beside each candidate's, decides twice and reads the history;
 * a face photo is enrolled from a file (a photo with no face refused by label, in French too), and
 * the webcam's capture is sent.
 */

const ENVELOPE = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const templatePath = (name: string) =>
  shippedReference("fingerprints", "formats", name, `${name}-sample.dat`);
const template = (name: string) => readFileSync(templatePath(name));
// Real people's photos: read where they lie, never copied into the repository.
const faces = sharedData("faces");

async function actor(t: TestContext, username: string): Promise<Actor> {
  const u = await t.deps.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return {
    kind: "user",
    id: u.id,
    username,
    role: u.role as Actor["role"],
    country: u.country,
    isSecretariat: u.country === "XG",
    scopes: [],
  };
}

const ids = { fr: "", us: "", face: "" };

/**
 * FR's person, with nothing enrolled yet (the test enrols through the page); a US person distributed
 * to every country, enrolled with another standard's sample, so a search lists two candidates; and FR's
 * person for the face photos.
 */
async function seedPersons(t: TestContext) {
  const fr = await actor(t, "fr.officer");
  const us = await actor(t, "us.officer");
  const records = t.services.records;
  ids.fr = (
    await records.create(fr, {
      schema: "Person",
      properties: { name: ["Lucien MARCHETTI"], birthDate: ["1979-05-02"], nationality: ["fr"] },
      envelope: { ...ENVELOPE, distribution: "all" },
      source: "Booking Marseille 2026/114",
    })
  ).id;
  ids.us = (
    await records.create(us, {
      schema: "Person",
      properties: { name: ["Dale KOWALSKI"], birthDate: ["1975-11-30"], nationality: ["us"] },
      envelope: { ...ENVELOPE, distribution: "all" },
      source: "Booking Newark 2025/88",
    })
  ).id;
  await t.services.biometrics.enrolFingerprint(us, ids.us, template("ansi378v2009"), {
    source: "Booking Newark 2025/88",
  });
  ids.face = (
    await records.create(fr, {
      schema: "Person",
      properties: { name: ["Inès FAURE"], nationality: ["fr"] },
      envelope: { ...ENVELOPE, distribution: "all" },
      source: "Case file FR-2026-31",
    })
  ).id;
}

/** A grey square: a readable image with no face in it. */
const facelessPng = () =>
  sharp({ create: { width: 320, height: 320, channels: 3, background: "#8a8f96" } })
    .png()
    .toBuffer();

describe.skipIf(!browserTestsRunnable())("biometrics in Chromium", () => {
  let server: DemoServer;
  const open = () => server.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  async function officerOn(path: string, username = "fr.officer"): Promise<Page> {
    const p = await open();
    await server.login(p, username);
    await p.goto(`${server.base}/#${path}`);
    return p;
  }

  beforeAll(async () => {
    server = await startDemoServer({ afterSeed: seedPersons });
  });
  afterAll(() => server?.close());

  it("the owner enrols and retracts fingerprint templates; a broken file and a missing source are refused by label", async () => {
    const p = await officerOn(`/records/${ids.fr}`);
    const panel = p.getByTestId("biometrics-panel");
    await panel.waitFor();
    await panel.getByTestId("biometrics-empty").waitFor();

    // A truncated template: refused under the file's label, nothing stored.
    const full = template("iso19794p2v2005");
    await p.getByTestId("enrol-template-file").setInputFiles({
      name: "truncated.dat",
      mimeType: "application/octet-stream",
      buffer: full.subarray(0, full.length - 7),
    });
    await p.getByTestId("enrol-source").fill("Booking Marseille 2026/114");
    await p.getByTestId("enrol-submit").click();
    await eventually(() => p.getByTestId("field-error-file").textContent()).toMatch(
      /^Template file: The fingerprint template cannot be read/,
    );
    expect(await panel.getByTestId("template-row").count()).toBe(0);
    await shot(p, "biometrics-enrol-refused-en");

    // The source is required: the server's refusal is shown under "Source".
    await p.getByTestId("enrol-template-file").setInputFiles(templatePath("iso19794p2v2005"));
    await p.getByTestId("enrol-source").fill("");
    await p.getByTestId("enrol-submit").click();
    await eventually(() => p.getByTestId("field-error-source").textContent()).toMatch(/^Source: /);

    await p.getByTestId("enrol-source").fill("Booking Marseille 2026/114");
    await p.getByTestId("enrol-submit").click();
    await waitForExactText(p.getByTestId("enrol-done"), "Enrolled. The person can now be found by it.");
    const row = panel.getByTestId("template-row");
    await eventually(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-modality")).toBe("fingerprint");
    expect(await row.getByTestId("template-format").textContent()).toBe("ISO/IEC 19794-2:2005");
    expect(await row.getByTestId("template-size").textContent()).toMatch(/^\d+ minutiae$/);
    expect(await row.textContent()).toContain("Booking Marseille 2026/114");
    await shot(p, "biometrics-enrolled-en");

    // A second template, retracted after confirmation: it leaves the list for the history.
    await p.getByTestId("enrol-template-file").setInputFiles(templatePath("ansi378v2009am1"));
    await p.getByTestId("enrol-submit").click();
    await eventually(() => row.count()).toBe(2);
    const second = row.filter({ hasText: "ANSI INCITS 378-2009/AM1" });
    await second.getByTestId("template-retract").click();
    await second.getByTestId("template-retract-confirm").click();
    await eventually(() => panel.getByTestId("biometrics-current").getByTestId("template-row").count()).toBe(
      1,
    );
    const history = panel.getByTestId("biometrics-history");
    expect(await history.locator("summary").textContent()).toBe("Retracted templates (1), kept as history");
    await history.locator("summary").click();
    expect(await history.getByTestId("template-format").textContent()).toBe("ANSI INCITS 378-2009/AM1");
    await shot(p, "biometrics-retracted-en");

    // A person of another country shows its templates, but offers no enrolment or retraction.
    await p.goto(`${server.base}/#/records/${ids.us}`);
    await p.getByTestId("biometrics-current").waitFor();
    expect(await p.getByTestId("enrol-form").count()).toBe(0);
    expect(await p.getByTestId("template-retract").count()).toBe(0);
    await p.close();
  });

  it("runs a fingerprint search, compares the minutiae side by side, decides twice and keeps the history", async () => {
    const p = await officerOn("/");
    await p.getByTestId("nav-biometrics").click();
    await p.getByTestId("bio-new-search").click();
    await p.getByTestId("bio-search-form").waitFor();
    await p.getByTestId("probe-kind-fingerprint").check();
    await p.getByTestId("probe-template-file").setInputFiles(templatePath("iso19794p2v2005"));
    // No reason: refused under the reason's label.
    await p.getByTestId("probe-submit").click();
    await eventually(() => p.getByTestId("field-error-reason").textContent()).toMatch(/^Reason: /);
    await p.getByTestId("probe-reason").fill("Case FR-2026-0412 (burglary series, Marseille)");
    await p.getByTestId("probe-submit").click();

    await p.getByTestId("candidates-table").waitFor();
    expect(p.url()).toMatch(/#\/biometrics\/searches\/[0-9a-f-]{36}$/);
    expect(await p.getByTestId("search-state").textContent()).toBe("Awaiting decision");
    expect(await p.getByTestId("search-reason").textContent()).toBe(
      "Case FR-2026-0412 (burglary series, Marseille)",
    );
    const rows = p.getByTestId("candidate-row");
    await eventually(() => rows.count()).toBeGreaterThanOrEqual(2);
    // The person enrolled with the very same template has the best score, above the threshold.
    const lucien = rows.filter({ hasText: "Lucien MARCHETTI" });
    const best = Math.max(...(await p.getByTestId("candidate-score").allTextContents()).map(Number));
    expect(Number(await lucien.getByTestId("candidate-score").textContent())).toBe(best);
    expect(await lucien.getAttribute("data-above")).toBe("true");
    expect(await lucien.getByTestId("candidate-above").textContent()).toBe("Above threshold");
    const lucienRank = await lucien.getAttribute("data-rank");
    expect(await rows.first().getAttribute("data-rank")).toBe("1");
    expect(await rows.first().getAttribute("data-above")).toBe("true");

    // Sorting by score, lowest first, then back by rank.
    await p.getByTestId("sort-score").click(); // highest first
    await p.getByTestId("sort-score").click(); // lowest first
    const scores = await p.getByTestId("candidate-score").allTextContents();
    const numbers = scores.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(await rows.last().getAttribute("data-rank")).toBe("1");
    await p.getByTestId("sort-rank").click();
    expect(await rows.first().getAttribute("data-rank")).toBe("1");

    // Side by side: the probe's minutiae beside the best candidate's, endings and bifurcations apart.
    const probePlot = p.getByTestId("probe-plot").first();
    const candidatePlot = p.getByTestId("candidate-plot").first();
    await probePlot.waitFor();
    await candidatePlot.waitFor();
    expect(await probePlot.locator('[data-type="ending"]').count()).toBeGreaterThan(0);
    expect(await probePlot.locator('[data-type="bifurcation"]').count()).toBeGreaterThan(0);
    expect(await candidatePlot.locator(".minutia").count()).toBe(await probePlot.locator(".minutia").count());
    expect(await probePlot.locator(".minutia line.tick").count()).toBe(
      await probePlot.locator(".minutia").count(),
    );
    // Each tick points along its minutia's angle (counter-clockwise, y growing downwards).
    const searchId = p.url().split("/").at(-1) ?? "";
    const set = await p.evaluate(
      async (id) => (await fetch(`/api/v1/biometrics/searches/${id}/probe-minutiae`)).json(),
      searchId,
    );
    const m = set.views[0].minutiae[0];
    const tick = probePlot.locator(".minutia line.tick").first();
    const at = async (a: string) => Number(await tick.getAttribute(a));
    const [x1, y1, x2, y2] = [await at("x1"), await at("y1"), await at("x2"), await at("y2")];
    expect([x1, y1]).toEqual([m.x, m.y]);
    const drawn = ((Math.atan2(-(y2 - y1), x2 - x1) * 180) / Math.PI + 360) % 360;
    expect(Math.abs(drawn - m.angle) % 360).toBeLessThan(0.5);
    await shot(p, "biometrics-review-fingerprint-en");

    // Another country's person beside the probe.
    await rows.filter({ hasText: "Dale KOWALSKI" }).getByTestId("candidate-compare").click();
    await eventually(() => p.getByTestId("compare-which").textContent()).toContain("Dale KOWALSKI");
    await p.getByTestId("candidate-plot").first().waitFor();

    // Decide: potential candidate needs a candidate, chosen here from the list.
    await p.getByTestId("decision-candidate").selectOption({ label: `#${lucienRank} Lucien MARCHETTI` });
    await p.getByTestId("decision-note").fill("Same core and delta; 12 corresponding minutiae checked.");
    await p.getByTestId("decide-potential_candidate").click();
    await p.getByTestId("decide-potential_candidate-confirm").click();
    await waitForExactText(p.getByTestId("decision-done"), "Decision recorded: Potential candidate.");
    await eventually(() => p.getByTestId("search-state").textContent()).toBe("Decided");
    await eventually(() => p.getByTestId("history-item").count()).toBe(1);
    expect(await p.getByTestId("candidate-chosen").count()).toBe(1);

    // A later decision supersedes it; both stay, oldest first.
    await p.getByTestId("decide-inconclusive").click();
    await p.getByTestId("decide-inconclusive-confirm").click();
    await eventually(() => p.getByTestId("history-item").count()).toBe(2);
    const history = p.getByTestId("history-item");
    expect(await history.nth(0).getAttribute("data-decision")).toBe("potential_candidate");
    expect(await history.nth(0).textContent()).toContain("Superseded");
    expect(await history.nth(0).textContent()).toContain("Same core and delta");
    expect(await history.nth(1).getAttribute("data-decision")).toBe("inconclusive");
    expect(await history.nth(1).getAttribute("aria-current")).toBe("true");
    await shot(p, "biometrics-review-decided-en");

    // The list: the decided search under "Decided", none left pending.
    await p.getByTestId("review-back").click();
    await p.getByTestId("bio-pending-count").waitFor();
    await eventually(() => p.getByTestId("bio-pending-count").textContent()).toBe("0 awaiting a decision");
    await p.getByTestId("bio-filter-state").selectOption("decided");
    await eventually(() => p.getByTestId("bio-search-row").count()).toBe(1);
    expect(await p.getByTestId("bio-search-row").textContent()).toContain("Case FR-2026-0412");
    await shot(p, "biometrics-searches-en");

    // In Arabic the page mirrors; the plot does not.
    await p.getByTestId("bio-search-link").click();
    await p.getByTestId("lang-select").selectOption("ar");
    await eventually(() => p.locator("html").getAttribute("dir")).toBe("rtl");
    await eventually(() => p.getByTestId("search-state").textContent()).toBe("تم البت فيه");
    await shot(p, "biometrics-review-decided-ar");
    await p.getByTestId("lang-select").selectOption("en");
    const reviewPath = new URL(p.url()).hash.slice(1);
    await p.close();

    // The Secretariat reads every country's searches, but the searching bureau decides.
    const gs = await officerOn(reviewPath, "gs.reviewer");
    await gs.getByTestId("decision-not-yours").waitFor();
    expect(await gs.getByTestId("decision-not-yours").textContent()).toBe(
      "The searching bureau (FR) records the decision on this search.",
    );
    expect(await gs.getByTestId("decide-no_candidate").count()).toBe(0);
    expect(await gs.getByTestId("history-item").count()).toBe(2);
    await gs.close();

    // A border officer has no biometric search in the navigation.
    const border = await officerOn("/", "fr.border");
    await border.getByTestId("nav-screening").waitFor();
    expect(await border.getByTestId("nav-biometrics").count()).toBe(0);
    await border.close();
  });

  it("refuses a photo with no face under the photo's label, in the reader's language", async () => {
    const p = await officerOn(`/records/${ids.face}`);
    await p.getByTestId("enrol-form").waitFor();
    await p.getByTestId("enrol-kind-face").check();
    await p.getByTestId("face-mode-file").check();
    await p
      .getByTestId("face-file")
      .setInputFiles({ name: "grey.png", mimeType: "image/png", buffer: await facelessPng() });
    await p.getByTestId("face-preview").waitFor();
    await p.getByTestId("enrol-source").fill("Case file FR-2026-31");
    await p.getByTestId("enrol-submit").click();
    await eventually(() => p.getByTestId("field-error-file").textContent()).toMatch(
      /^Face photo: .*no face was found/,
    );
    await p.getByTestId("lang-select").selectOption("fr");
    await eventually(() => p.getByTestId("field-error-file").textContent()).toBe(
      "Photo du visage : aucun visage n'a été trouvé dans l'image.",
    );
    await shot(p, "biometrics-face-refused-fr");
    await p.getByTestId("lang-select").selectOption("en");
    expect(await p.getByTestId("template-row").count()).toBe(0);
    await p.close();
  });

  it.skipIf(!faces.available)(
    `enrols a face from a photo file, and a face search shows the probe beside the record photo ${faces.note}`,
    async () => {
      const p = await officerOn(`/records/${ids.face}`);
      await p.getByTestId("enrol-kind-face").check();
      await p.getByTestId("face-file").setInputFiles(path.join(faces.path, "london", "001_neutral.jpg"));
      await p.getByTestId("enrol-source").fill("Case file FR-2026-31");
      await p.getByTestId("enrol-submit").click();
      await waitForExactText(p.getByTestId("enrol-done"), "Enrolled. The person can now be found by it.");
      const row = p.locator('[data-testid="template-row"][data-modality="face"]');
      await row.waitFor();
      expect(await row.getByTestId("template-size").textContent()).toMatch(/^\d+ dimensions$/);
      await shot(p, "biometrics-face-enrolled-en");

      await p.goto(`${server.base}/#/biometrics`);
      await p.getByTestId("probe-kind-face").check();
      await p.getByTestId("face-file").setInputFiles(path.join(faces.path, "london", "001_smiling.jpg"));
      await p.getByTestId("probe-reason").fill("Case FR-2026-0519");
      await p.getByTestId("probe-submit").click();
      await p.getByTestId("candidates-table").waitFor();
      const first = p.getByTestId("candidate-row").first();
      expect(await first.getByTestId("candidate-link").textContent()).toBe("Inès FAURE");
      expect(await first.getAttribute("data-above")).toBe("true");
      // Both faces are shown: the probe as the server re-encoded it, and the record's photo.
      const loaded = (id: string) =>
        p
          .getByTestId(id)
          .evaluate(
            (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
          );
      await eventually(() => loaded("probe-image")).toBe(true);
      await eventually(() => loaded("candidate-photo")).toBe(true);
      await shot(p, "biometrics-review-face-en");
      await p.close();
    },
  );

  describe("the webcam", () => {
    let camera: Browser;
    beforeAll(async () => {
      // Chromium's stand-in camera (a moving test pattern) and an automatic "allow".
      camera = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--use-fake-device-for-media-stream",
          "--use-fake-ui-for-media-stream",
        ],
      });
    });
    afterAll(() => camera?.close());

    it("captures a frame and sends it as a JPEG face search; the server's answer is shown", async () => {
      const p = await camera.newPage({ viewport: { width: 1280, height: 1000 } });
      await server.login(p, "fr.officer");
      await p.goto(`${server.base}/#/biometrics`);
      await p.getByTestId("probe-kind-face").check();
      await p.getByTestId("face-mode-webcam").check();
      await p.getByTestId("webcam-start").click();
      await p.getByTestId("webcam-take").waitFor();
      await eventually(() =>
        p.locator("video").evaluate((v) => (v as HTMLVideoElement).videoWidth),
      ).toBeGreaterThan(0);
      await p.getByTestId("webcam-take").click();
      await p.getByTestId("face-preview").waitFor();
      // The camera is off once the photo is taken.
      expect(await p.getByTestId("webcam").getAttribute("data-state")).toBe("off");
      await p.getByTestId("probe-reason").fill("Case FR-2026-0520 (walk-in)");
      const answered = p.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().includes("/api/v1/biometrics/searches/face?"),
      );
      await p.getByTestId("probe-submit").click();
      const response = await answered;
      expect(response.request().headers()["content-type"]).toBe("image/jpeg");
      // The server decoded the capture as an image and looked for a face in it: the test pattern
      // holds none, and the refusal is shown under the photo's label.
      expect(response.status()).toBe(422);
      await eventually(() => p.getByTestId("field-error-file").textContent()).toMatch(
        /^Face photo: .*no face was found/,
      );
      await shot(p, "biometrics-webcam-refused-en");
      await p.close();
    });
  });
});
