import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/shared/actor.ts";
import type { TestContext } from "../harness.ts";
import {
  ARTIFACTS,
  browserTestsRunnable,
  type DemoServer,
  eventually,
  startDemoServer,
  waitForExactText,
} from "./demo-server.ts";

const ENVELOPE = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const CAPTURE = {
  unit: "Demo Task Force 7, exploitation cell",
  place: "Raqqa, SY (demo)",
  date: "2018-10-14",
  context: "Personnel file recovered after a raid (fictitious demo data)",
};

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

/**
 * A battlefield record entered in Arabic script by JO (changed once, so one value is history), and
 * the same man entered by FR and by US: the suggestion run pairs those two across countries.
 */
async function seedPersons(t: TestContext) {
  const s = t.services.records;
  const jo = await actor(t, "jo.officer");
  const military = { ...ENVELOPE, sourceType: "military" } as const;
  const battlefield = await s.create(jo, {
    schema: "Person",
    properties: { name: ["أحمد حسن الهاشمي"], birthDate: ["1968"], nationality: ["sy"] },
    envelope: military,
    source: "Captured personnel file 7/2018",
    provenance: { statedBy: "Demo Task Force 7", statedAt: "2018-10-20", capture: CAPTURE },
  });
  await s.update(jo, battlefield.id, {
    properties: {
      name: ["أحمد حسن الهاشمي"],
      birthDate: ["circa 1970"],
      nationality: ["sy"],
      topics: ["crime.terror", "role.ftf"],
      weakAlias: ["Abu Hamza"],
    },
    source: "Captured personnel file 7/2018, second reading",
    provenance: { statedBy: "Demo Task Force 7", statedAt: "2018-11-02", capture: CAPTURE },
  });
  // A group and JO's record of his membership in it: the entity page lists it, both ways.
  const cell = await s.create(jo, {
    schema: "Organization",
    properties: { name: ["Demo Northern Cell"] },
    envelope: ENVELOPE,
    source: "Captured personnel file 7/2018",
  });
  await s.create(jo, {
    schema: "Membership",
    properties: { member: [battlefield.id], organization: [cell.id], role: ["recruiter"] },
    envelope: military,
    source: "Captured personnel file 7/2018",
    provenance: { statedBy: "Demo Task Force 7", statedAt: "2018-11-02", capture: CAPTURE },
  });
  const common = { nationality: ["sy"], passportNumber: ["N0123456"], topics: ["wanted"] };
  await s.create(await actor(t, "fr.officer"), {
    schema: "Person",
    properties: { name: ["Ahmad Hasan AL-HASHIMI"], birthDate: ["1963/1968"], gender: ["male"], ...common },
    envelope: ENVELOPE,
    source: "FR case file 2026-014",
  });
  await s.create(await actor(t, "us.officer"), {
    schema: "Person",
    properties: { name: ["Ahmed Hassan ALHASHIMI"], birthDate: ["1966"], ...common },
    envelope: ENVELOPE,
    source: "US watchlist extract",
  });
  await t.services.resolution.run(await actor(t, "gs.analyst"));
}

describe.skipIf(!browserTestsRunnable())("persons and groups in Chromium", () => {
  let server: DemoServer;
  const open = () => server.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const login = (p: Page, username: string) => server.login(p, username);

  beforeAll(async () => {
    server = await startDemoServer({ afterSeed: seedPersons });
  });
  afterAll(() => server?.close());

  it("searches persons and opens an entity page with every value's provenance", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.getByTestId("nav-records").click();
    await p.getByTestId("records-q").fill("hashimi");
    await p.getByTestId("records-schema").selectOption("Person");
    await p.getByTestId("records-search").click();
    await eventually(() => p.getByTestId("record-open").allTextContents()).toEqual(
      expect.arrayContaining(["Ahmad Hasan AL-HASHIMI", "Ahmed Hassan ALHASHIMI"]),
    );
    // Sorted by name, Z to A: the order the officer asked for, not the ranking.
    await p.getByTestId("records-sort").selectOption("-caption");
    await p.getByTestId("records-search").click();
    await eventually(() => p.getByTestId("record-open").allTextContents()).toEqual([
      "Ahmed Hassan ALHASHIMI",
      "Ahmad Hasan AL-HASHIMI",
    ]);
    await p.getByTestId("records-sort").selectOption("");
    await eventually(() => p.getByTestId("records-table").textContent()).toContain("between 1963 and 1968");
    await eventually(() => p.getByTestId("records-table").textContent()).toContain("Wanted");

    // The Arabic-script name is found as written, shown with its Latin reading, its date in words.
    await p.getByTestId("records-q").fill("الهاشمي");
    await p.getByTestId("records-search").click();
    await eventually(() => p.getByTestId("record-open").allTextContents()).toEqual([
      "أحمد حسن الهاشمي ('hmd hsn lhshmy)",
    ]);
    await eventually(() => p.getByTestId("records-table").textContent()).toContain("about 1970");
    await eventually(() => p.getByTestId("records-table").textContent()).toContain(
      "Foreign terrorist fighter",
    );
    await p.screenshot({ path: `${ARTIFACTS}/persons-search-en.png` });

    await p.getByTestId("record-open").first().click();
    await p.getByTestId("record-properties").waitFor();
    await eventually(() => p.getByTestId("value-birthDate").textContent()).toContain("about 1970");
    await eventually(() => p.getByTestId("value-name").textContent()).toContain("'hmd hsn lhshmy");
    await eventually(() => p.getByTestId("value-name").textContent()).toContain("Stated on 2 Nov 2018 by");
    await eventually(() => p.getByTestId("capture").first().textContent()).toContain(CAPTURE.unit);
    await eventually(() => p.getByTestId("capture").first().textContent()).toContain("14 Oct 2018");
    await eventually(() => p.getByTestId("record-envelope").textContent()).toContain("JO");
    // The first reading's values were withdrawn by the second: kept as history.
    await eventually(() => p.getByTestId("retracted").textContent()).toContain(
      "Earlier values no longer held: 3",
    );
    // The membership that names him, with the group it names.
    await eventually(() => p.getByTestId("record-links").textContent()).toContain("Demo Northern Cell");
    await eventually(() => p.getByTestId("record-links").textContent()).toContain("Membership");
    await p.getByTestId("retracted").locator("summary").click();
    await eventually(() => p.getByTestId("retracted").textContent()).toContain("1968");
    await p.screenshot({ path: `${ARTIFACTS}/persons-entity-en.png`, fullPage: true });
    await p.close();
  });

  it("enters a person: a server field error is named by its label, then the record is created", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.goto(`${server.base}/#/records`);
    await p.getByTestId("record-new").click();
    await p.getByTestId("form-name").fill("Юсуф Алиев");
    await p.getByTestId("form-alias").fill("Yusuf ALIYEV");
    await p.getByTestId("form-weak-alias").fill("Abu Yusuf");
    await p.getByTestId("form-dob").fill("1985-02-30");
    await p.getByTestId("form-countries").fill("RU");
    await p.getByTestId("form-gender").selectOption("male");
    await p.getByTestId("form-topic-role.ftf").check();
    await p.getByTestId("form-birthPlace").fill("Grozny");
    await p.getByTestId("form-passportNumbers").fill("RU7512345");
    await p.getByTestId("form-height").fill("178 cm");
    await p.getByTestId("form-appearance").fill("Scar above the left eyebrow");
    await p.getByTestId("form-source").fill("FR case file 2026-077");
    await p.getByTestId("form-submit").click();
    await waitForExactText(
      p.getByTestId("field-error-properties.birthDate"),
      "Date of birth: 1985-02-30 is not a real date.",
    );
    await p.screenshot({ path: `${ARTIFACTS}/persons-form-error-en.png`, fullPage: true });

    // A range instead, and battlefield data with its capture.
    await p.getByTestId("form-dob-mode").selectOption("range");
    await p.getByTestId("form-dob-from").fill("1984");
    await p.getByTestId("form-dob-to").fill("1986");
    await p.getByTestId("form-source-type").selectOption("military");
    await p.getByTestId("form-capture-unit").fill(CAPTURE.unit);
    await p.getByTestId("form-capture-place").fill(CAPTURE.place);
    await p.getByTestId("form-capture-date").fill(CAPTURE.date);
    await p.getByTestId("form-capture-context").fill(CAPTURE.context);
    await p.getByTestId("form-submit").click();
    await p.getByTestId("record-properties").waitFor();
    await eventually(() => p.getByTestId("record-title").textContent()).toContain("Юсуф Алиев (Yusuf Aliev)");
    await eventually(() => p.getByTestId("value-birthDate").textContent()).toContain("between 1984 and 1986");
    await eventually(() => p.getByTestId("value-weakAlias").textContent()).toContain("Abu Yusuf");
    await eventually(() => p.getByTestId("value-birthPlace").textContent()).toContain("Grozny");
    await eventually(() => p.getByTestId("value-passportNumber").textContent()).toContain("RU7512345");
    await eventually(() => p.getByTestId("record-properties").textContent()).toContain("Height");
    await eventually(() => p.getByTestId("value-appearance").textContent()).toContain("Scar above");
    await eventually(() => p.getByTestId("capture").first().textContent()).toContain(CAPTURE.place);
    await p.screenshot({ path: `${ARTIFACTS}/persons-created-en.png`, fullPage: true });
    await p.close();
  });

  it("reviews a suggested duplicate side by side, merges, undoes and opens the merged entity", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.getByTestId("nav-duplicates").click();
    const card = p.getByTestId("candidate").filter({ hasText: "Ahmad Hasan AL-HASHIMI" });
    await card.waitFor();
    await eventually(() => card.textContent()).toContain("Ahmed Hassan ALHASHIMI");
    await card.locator("summary").click();
    await eventually(() => card.getByTestId("explain-documents").textContent()).toContain("N0123456");
    await p.screenshot({ path: `${ARTIFACTS}/persons-duplicates-en.png`, fullPage: true });

    await card.getByTestId("candidate-compare").click();
    await p.getByTestId("pair-table").waitFor();
    await eventually(() => p.getByTestId("pair-row-birthDate").getAttribute("class")).toBe("differs");
    await eventually(() => p.getByTestId("pair-row-passportNumber").getAttribute("class")).toBe(null);
    await p.getByTestId("judge-same").click();
    await eventually(() => p.locator(".confirm-question").textContent()).toContain(
      "Merge them into one entity?",
    );
    await p.screenshot({ path: `${ARTIFACTS}/persons-pair-en.png`, fullPage: true });
    await p.getByTestId("judge-same-confirm").click();
    await eventually(() => p.getByTestId("judge-outcome").textContent()).toContain("Merged");

    // Undo the merge, then judge again and open the merged view.
    await p.getByTestId("judge-undo").click();
    await p.getByTestId("judge-undo-confirm").click();
    await eventually(() => p.getByTestId("judge-panel").textContent()).toContain("The judgement was undone.");
    await p.getByTestId("judge-same").click();
    await p.getByTestId("judge-same-confirm").click();
    await p.getByTestId("judge-merged-link").click();
    await p.getByTestId("merged-entity").waitFor();
    await eventually(() => p.getByTestId("merged-members").locator("li").count()).toBe(2);
    await eventually(() => p.getByTestId("merged-values").textContent()).toContain("FR case file 2026-014");
    await eventually(() => p.getByTestId("merged-values").textContent()).toContain("US watchlist extract");
    await eventually(() => p.getByTestId("merged-judgements").textContent()).toContain("undone");
    await p.screenshot({ path: `${ARTIFACTS}/persons-merged-en.png`, fullPage: true });
    await p.close();
  });

  it("shows the entity page in Arabic, right to left", async () => {
    const p = await open();
    await login(p, "fr.officer");
    await p.goto(`${server.base}/#/records?q=${encodeURIComponent("الهاشمي")}`);
    await p.getByTestId("record-open").first().click();
    await p.getByTestId("record-properties").waitFor();
    await p.getByTestId("lang-select").selectOption("ar");
    await eventually(() => p.locator("html").getAttribute("dir")).toBe("rtl");
    await eventually(() => p.getByTestId("value-birthDate").textContent()).toContain("حوالي");
    await eventually(() => p.getByTestId("topics").first().textContent()).toContain("مقاتل إرهابي أجنبي");
    await eventually(() => p.getByTestId("capture").first().textContent()).toContain("ضبط في ساحة المعركة");
    await p.screenshot({ path: `${ARTIFACTS}/persons-entity-ar.png`, fullPage: true });
    await p.close();
  });
});
