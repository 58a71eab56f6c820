import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, redRequest } from "../../src/features/notices/notices.fixtures.ts";
import { readUnListFile, shippedUnList } from "../../src/features/notices/un-list/read.ts";
import { type Actor, systemActor } from "../../src/shared/actor.ts";
import type { Role } from "../../src/shared/roles.ts";
import type { TestContext } from "../harness.ts";
import { checkAndShoot, LANGS, switchLanguage } from "./a11y.ts";
import { browserTestsRunnable, type DemoServer, eventually, startDemoServer } from "./demo-server.ts";

/*
 * The searches of the lists, the public pages and the Secretariat's world map, in Chromium and in
 * the four languages: a person is found on the notices and records pages by the name reversed, by
 * part of it, by an alias, by the UN reference and by the notice number; the public detail page
 * shows the UN's whole entry with country names; the public lists filter by sex, age and wanted-by
 * country, also at phone width; the overview's map names each country with its counts and filters
 * the table.
 */

// Three real entries of the UN list shipped with the demo: a year of birth, an approximate one and
// a range; names in Arabic script, aliases of good and low quality, documents.
const UN_REFS = ["QDi.299", "QDi.250", "QDi.314"];
const SAMARRAI = "ALI AL-BADRI AL-SAMARRAI";
/** Text without the bidi isolation marks that messages put around values. */
const plain = (text: string | null) => (text ?? "").replace(/[\u2068\u2069]/g, "");

async function unExtract(): Promise<string> {
  const xml = (await readUnListFile(shippedUnList)).toString("utf8");
  const generated = /dateGenerated="([^"]+)"/.exec(xml)?.[1] ?? "2024-09-26T00:00:00Z";
  const kept = (xml.match(/<INDIVIDUAL>[\s\S]*?<\/INDIVIDUAL>/g) ?? []).filter((b) =>
    UN_REFS.some((r) => b.includes(`<REFERENCE_NUMBER>${r}</REFERENCE_NUMBER>`)),
  );
  expect(kept).toHaveLength(UN_REFS.length);
  return `<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="${generated}"><INDIVIDUALS>${kept.join("")}</INDIVIDUALS><ENTITIES></ENTITIES></CONSOLIDATED_LIST>`;
}

async function actorOf(t: TestContext, username: string): Promise<Actor> {
  const u = await t.deps.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return {
    kind: "user",
    id: u.id,
    username,
    role: u.role as Role,
    country: u.country,
    isSecretariat: u.country === "XG",
    scopes: [],
  };
}

/** Two public Red Notices to filter: a man born 1985 wanted by France, a woman born 1999 by the US. */
async function seedPublicRedNotices(t: TestContext) {
  const gs = await actorOf(t, "gs.reviewer");
  const publish = async (owner: Actor, request: unknown) => {
    const n = await t.services.notices.create(owner, {
      request: request as never,
      envelope: envelope(),
      publicExtract: true,
    });
    await t.services.notices.transition(owner, n.id, "submit");
    await t.services.notices.transition(gs, n.id, "start_review");
    await t.services.notices.transition(gs, n.id, "publish");
  };
  await publish(await actorOf(t, "fr.officer"), redRequest("MARCHETTI", "Paolo"));
  const woman = redRequest("HOLLOWAY", "Jane");
  await publish(await actorOf(t, "us.officer"), {
    ...woman,
    subject: {
      ...woman.subject,
      sex: "F",
      nationalities: ["US"],
      dateOfBirth: { precision: "year", year: 1999 },
    },
    offences: woman.offences.map((o) => ({ ...o, country: "US" })),
  });
}

describe.skipIf(!browserTestsRunnable())("searches, public pages and the world map in Chromium", () => {
  let server: DemoServer;
  let unNumber = "";
  const open = (width = 1280) => server.browser.newPage({ viewport: { width, height: 900 } });
  const go = (p: Page, hash: string) => p.goto(`${server.base}/#${hash}`);

  beforeAll(async () => {
    server = await startDemoServer({
      afterSeed: async (t) => {
        await t.services.notices.importUnList(systemActor("XG"), await unExtract());
        await seedPublicRedNotices(t);
      },
    });
    const row = await server.t.deps.db
      .selectFrom("un_listings as l")
      .innerJoin("notices as n", "n.id", "l.notice_id")
      .select("n.notice_number")
      .where("l.reference_number", "=", "QDi.299")
      .executeTakeFirstOrThrow();
    unNumber = row.notice_number ?? "";
    expect(unNumber).toMatch(/^\d{4}\/\d{5,}$/);
  });
  afterAll(() => server?.close());

  /**
   * Clicks a country where the pointer really lands on it: the middle of a country's box may be sea
   * (France's box spans French Guiana), so the first point of the shape that is on top is used.
   */
  async function clickCountry(p: Page, code: string) {
    const at = await p.getByTestId(`map-country-${code}`).evaluate((el) => {
      const box = el.getBoundingClientRect();
      for (let i = 1; i < 40; i++)
        for (let j = 1; j < 40; j++) {
          const x = box.left + (box.width * i) / 40;
          const y = box.top + (box.height * j) / 40;
          if (document.elementFromPoint(x, y) === el) return { x, y };
        }
      return null;
    });
    if (!at) throw new Error(`no visible point of ${code} on the map`);
    await p.mouse.click(at.x, at.y);
  }

  /** Types the query in the page's search box and submits it, as an officer would. */
  async function search(p: Page, box: string, button: string, q: string) {
    await p.getByTestId(box).fill(q);
    await p.getByTestId(button).click();
  }

  it("finds a person on the notices and records pages however the name is given", async () => {
    const p = await open();
    await server.login(p, "ke.officer");
    await go(p, "/notices?scope=all");
    // The box says what it searches.
    expect(await p.getByLabel("Name, alias, UN reference or notice number").count()).toBe(1);
    const table = p.getByTestId("notices-table");
    for (const q of [
      "BAGHDADI Abu Bakr",
      "Abu Bakr al-Baghdadi",
      "samarr",
      "أبو دعاء",
      "QDi.299",
      unNumber,
    ]) {
      await p.getByTestId("notices-scope").selectOption("all");
      await search(p, "notices-q", "notices-search", q);
      await eventually(() => table.textContent()).toContain(SAMARRAI);
      await eventually(() => table.locator("tbody tr").count()).toBe(1);
    }
    await search(p, "notices-q", "notices-search", "QDi.250");
    await eventually(() => table.textContent()).toContain("GHEDEIR");

    await go(p, "/records");
    expect(await p.getByLabel("Name, alias, identifier, UN reference or notice number").count()).toBe(1);
    const records = p.getByTestId("records-table");
    for (const q of ["BAGHDADI Abu Bakr", "al-Samarrai Ibrahim", "QDi.299", unNumber]) {
      await search(p, "records-q", "records-search", q);
      await eventually(() => records.textContent()).toContain("AL-SAMARRAI");
    }
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await eventually(() => records.textContent()).toContain("AL-SAMARRAI");
      await checkAndShoot(p, "records-search-un", lang);
      await go(p, `/notices?scope=all&q=${encodeURIComponent("BAGHDADI Abu Bakr")}`);
      await eventually(() => table.textContent()).toContain(SAMARRAI);
      await checkAndShoot(p, "notices-search-reversed", lang);
      await go(p, `/records?q=${encodeURIComponent("QDi.299")}`);
    }
    await switchLanguage(p, "en");
    await p.close();
  });

  it("shows the UN's whole entry on the public detail page, with country names, in every language", async () => {
    const p = await open();
    await go(p, "/public/notices?kind=un-persons");
    for (const q of ["BAGHDADI Abu Bakr", "QDi.299", unNumber.replace("/", "-")]) {
      await search(p, "public-q", "public-search", q);
      await eventually(async () => plain(await p.getByTestId("public-total").textContent())).toBe("1 notice");
      await eventually(() => p.getByTestId("public-list").textContent()).toContain("AL-SAMARRAI");
    }
    await p.getByTestId("public-item").click();
    const un = p.getByTestId("public-un");
    await un.waitFor();
    await eventually(() => p.getByTestId("public-un-original-script").textContent()).toBe(
      "إبراهيم عواد إبراهيم علي البدري السامرائي",
    );
    await eventually(() => un.textContent()).toContain("Listed on");
    await eventually(() => un.textContent()).toContain("5 Oct 2011");
    await eventually(() => p.getByTestId("public-un-summary").textContent()).toContain(
      "Leader of Islamic State",
    );
    const aliases = p.getByTestId("public-un-aliases");
    await eventually(() => aliases.textContent()).toContain("Abu Bakr al-Baghdadi");
    await eventually(() => aliases.textContent()).toContain("Low");
    await eventually(() => p.getByTestId("public-un-documents").textContent()).toContain("0134852");
    const nationality = p.getByTestId("public-un-nationalities");
    const iraq = { en: "Iraq", fr: "Irak", es: "Irak", ar: "العراق" } as const;
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await eventually(() => nationality.textContent()).toBe(iraq[lang]);
      await checkAndShoot(p, "public-un-detail", lang);
    }
    await switchLanguage(p, "en");

    // An approximate date and a range of years, said so.
    for (const [q, dob] of [
      ["QDi.250", "about 1958"],
      ["QDi.314", "between 1977 and 1982"],
    ] as const) {
      await go(p, `/public/notices?kind=un-persons&q=${q}`);
      await p.getByTestId("public-item").click();
      await eventually(async () =>
        (await p.getByTestId("public-un-dob").textContent())?.replace(/[\u2068\u2069]/g, ""),
      ).toBe(dob);
    }
    await p.close();
  });

  it("filters the public lists by sex, age and wanted-by country, in every language and at phone width", async () => {
    for (const width of [1280, 390]) {
      const p = await open(width);
      await go(p, "/public/notices?kind=red");
      const list = p.getByTestId("public-list");
      await eventually(() => list.textContent()).toContain("HOLLOWAY");
      await p.getByTestId("public-sex").selectOption("F");
      await p.getByTestId("public-search").click();
      await eventually(() => list.textContent()).toContain("HOLLOWAY");
      await eventually(() => list.textContent()).not.toContain("MARCHETTI");
      await p.getByTestId("public-clear").click();
      await p.getByTestId("public-wanted-by").selectOption("FR");
      await p.getByTestId("public-age-min").fill("35");
      await p.getByTestId("public-search").click();
      await eventually(() => list.textContent()).toContain("MARCHETTI");
      await eventually(() => list.textContent()).not.toContain("HOLLOWAY");
      await go(p, "/public/notices?kind=red&ageMax=30&q=holloway");
      await eventually(async () => plain(await p.getByTestId("public-total").textContent())).toBe("1 notice");
      for (const lang of LANGS) {
        await switchLanguage(p, lang);
        await list.waitFor();
        await checkAndShoot(p, `public-list-filtered-${width}`, lang);
        // Nothing is cut off or needs scrolling sideways.
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await p.getByTestId("public-item").click();
        await p.getByTestId("public-detail").waitFor();
        await checkAndShoot(p, `public-detail-red-${width}`, lang);
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await p.goBack();
      }
      await switchLanguage(p, "en");
      if (width === 390) {
        await go(p, "/public/notices?kind=un-persons&q=QDi.299");
        await p.getByTestId("public-item").click();
        await p.getByTestId("public-un").waitFor();
        await checkAndShoot(p, "public-un-detail-390", "en");
        expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      await p.close();
    }
  });

  it("maps notices and diffusions by country beside the table, and a country filters the table", async () => {
    const p = await open();
    await server.login(p, "gs.analyst");
    await go(p, "/overview");
    const france = p.getByTestId("map-country-FR");
    await france.waitFor();
    const name = await france.getAttribute("aria-label");
    expect(name).toMatch(/^France: \d+ notices?, \d+ diffusions?$/);
    // The label says what the table says.
    await p.getByTestId("overview-filter").fill("France");
    const row = p.getByTestId("overview-table").locator("tbody tr").first();
    const cells = await row.locator("td").allTextContents();
    const [notices, diffusions] = [Number(cells[2]), Number(cells[3])];
    expect(notices).toBeGreaterThan(0);
    expect(name).toBe(
      `France: ${notices} notice${notices === 1 ? "" : "s"}, ${diffusions} diffusion${diffusions === 1 ? "" : "s"}`,
    );
    await p.getByTestId("overview-filter").fill("");
    expect(await p.getByTestId("overview-map-legend").locator("li").count()).toBeGreaterThan(1);

    // Clicking a country shows it alone in the table; the keyboard does the same.
    await clickCountry(p, "FR");
    await eventually(() => france.getAttribute("aria-pressed")).toBe("true");
    await eventually(() => p.getByTestId("overview-table").locator("tbody tr").count()).toBe(1);
    await eventually(() => p.getByTestId("overview-map-selection").textContent()).toContain("France");
    await p.getByTestId("overview-map-clear").click();
    await eventually(() => p.getByTestId("overview-table").locator("tbody tr").count()).toBeGreaterThan(100);
    await france.focus();
    await p.keyboard.press("ArrowRight");
    const next = await p.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    expect(next).toMatch(/^map-country-[A-Z]{2}$/);
    expect(next).not.toBe("map-country-FR");
    await p.keyboard.press("Enter");
    await eventually(() => p.getByTestId("overview-table").locator("tbody tr").count()).toBe(1);
    await p.keyboard.press("Escape");
    await eventually(() => p.getByTestId("overview-table").locator("tbody tr").count()).toBeGreaterThan(100);

    const pattern = {
      en: /^France: \d+ notices?, \d+ diffusions?$/,
      fr: /^France\s?: \d+ notices?, \d+ diffusions?$/,
      es: /^Francia: \d+ notificaci(ón|ones), \d+ difusi(ón|ones)$/,
      ar: /^فرنسا: .+، .+$/,
    } as const;
    for (const lang of LANGS) {
      await switchLanguage(p, lang);
      await eventually(async () =>
        (await france.getAttribute("aria-label"))?.replace(/[\u2068\u2069]/g, ""),
      ).toMatch(pattern[lang]);
      await clickCountry(p, "FR");
      await eventually(() => p.getByTestId("overview-table").locator("tbody tr").count()).toBe(1);
      await checkAndShoot(p, "overview-map-selected", lang);
      await p.getByTestId("overview-map-clear").click();
      await checkAndShoot(p, "overview-map", lang);
    }
    await switchLanguage(p, "en");
    await p.close();
  });
});
