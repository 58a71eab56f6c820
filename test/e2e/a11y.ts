import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { ARTIFACTS } from "./demo-server.ts";

/** The four working languages of the web app, in the order the browser suites visit them. */
export const LANGS = ["en", "fr", "es", "ar"] as const;
export type Lang = (typeof LANGS)[number];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it stands and fails on any serious or critical violation, naming the
 * rule and the elements. The script is evaluated through the DevTools protocol, so the page's
 * content security policy (which forbids inline scripts) does not need to be relaxed.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (blocking.length > 0) {
    const lines = blocking.map(
      (v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    );
    throw new Error(`Accessibility violations on ${where}:\n${lines.join("\n")}`);
  }
}

/** Switches the interface language with the header's selector (also on the public pages). */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId("lang-select").selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** A screenshot named after the page and the language, with an axe check of the same state. */
export async function checkAndShoot(page: Page, name: string, lang: Lang): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-${lang}.png` });
}
