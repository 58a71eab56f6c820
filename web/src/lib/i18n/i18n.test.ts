import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type ArgUse,
  type Ast,
  argumentNames,
  argumentUses,
  compileMessage,
  EL,
  type Element,
} from "./icu.ts";
import type { Lang } from "./languages.ts";
import { DICTIONARIES, en } from "./messages.ts";

/*
 * Completeness of the four dictionaries: every language has exactly English's keys, every message is
 * valid ICU, translations use English's arguments (plurals stay plurals), Arabic plurals have all six
 * categories, and every key the code asks for exists. Each failure lists every offending key.
 */

const TRANSLATIONS = ["fr", "es", "ar"] as const satisfies readonly Lang[];
const ENGLISH = en as Record<string, string>;
const dict = (lang: Lang): Record<string, string> => DICTIONARIES[lang] as Record<string, string>;

const ARABIC_CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

function parsed(lang: Lang, text: string): Ast | Error {
  try {
    return compileMessage(text, lang).getAst();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Every cardinal plural in a message, with the categories it gives. */
function plurals(ast: Ast): Array<{ name: string; categories: string[] }> {
  const out: Array<{ name: string; categories: string[] }> = [];
  const walk = (els: Element[]) => {
    for (const el of els) {
      if (el.type === EL.plural && el.pluralType !== "ordinal")
        out.push({ name: String(el.value), categories: Object.keys(el.options ?? {}) });
      for (const o of Object.values(el.options ?? {})) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(ast as unknown as Element[]);
  return out;
}

const sorted = (s: Iterable<string>) => [...s].sort();

describe("dictionaries", () => {
  it.each(TRANSLATIONS)("%s has every English key and no other", (lang) => {
    const own = dict(lang);
    const missing = Object.keys(ENGLISH).filter((k) => own[k] === undefined);
    const extra = Object.keys(own).filter((k) => ENGLISH[k] === undefined);
    expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
  });

  it.each(["en", ...TRANSLATIONS] as Lang[])("every %s message is valid ICU", (lang) => {
    const broken = Object.entries(dict(lang))
      .map(([key, text]) => [key, parsed(lang, text)] as const)
      .filter(([, ast]) => ast instanceof Error)
      .map(([key, error]) => `${key}: ${(error as Error).message}`);
    expect(broken).toEqual([]);
  });

  it.each(TRANSLATIONS)("%s uses exactly the arguments English uses, and keeps its plurals", (lang) => {
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(dict(lang))) {
      const source = ENGLISH[key];
      if (source === undefined) continue;
      const theirs = parsed(lang, text);
      const ours = parsed("en", source);
      if (theirs instanceof Error || ours instanceof Error) continue; // reported by the ICU test
      const a = sorted(argumentNames(ours));
      const b = sorted(argumentNames(theirs));
      if (a.join() !== b.join()) wrong.push(`${key}: English {${a.join(", ")}}, ${lang} {${b.join(", ")}}`);
      // A count English inflects must stay a number in the translation (a plural or `{x, number}`).
      const use: ArgUse = argumentUses(theirs);
      for (const p of plurals(ours))
        if (!use.plural.has(p.name) && !use.formatted.has(p.name))
          wrong.push(`${key}: {${p.name}} is a plural in English but plain text in ${lang}`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives every Arabic plural the six categories, and every other plural `other`", () => {
    const wrong: string[] = [];
    for (const lang of ["en", ...TRANSLATIONS] as Lang[]) {
      for (const [key, text] of Object.entries(dict(lang))) {
        const ast = parsed(lang, text);
        if (ast instanceof Error) continue;
        for (const p of plurals(ast)) {
          const need = lang === "ar" ? ARABIC_CATEGORIES : ["one", "other"];
          const lacking = need.filter((c) => !p.categories.includes(c));
          if (lacking.length > 0) wrong.push(`${lang} ${key} {${p.name}}: lacks ${lacking.join(", ")}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes counts as ICU plurals, never as "(s)"', () => {
    const lazy = Object.entries(ENGLISH)
      .filter(([, text]) => /\w\(s\)/.test(text))
      .map(([key]) => key);
    expect(lazy).toEqual([]);
  });
});

// ---- keys used by the code ----

const WEB_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Keys built at run time from a fixed prefix and a value (`t(\`role.${role}\`)`). A new dynamic key
 * needs its prefix here; each prefix must name at least one English key.
 */
const DYNAMIC_PREFIXES = [
  "accuracy.",
  "assetType.",
  "bio.decision.",
  "bio.kind.",
  "bio.purpose.",
  "bio.state.",
  "content.distribution.",
  "content.format.",
  "content.signal.",
  "content.status.",
  "dash.card.",
  "dash.count.",
  "db.env.distribution.",
  "db.import.db.",
  "db.import.format.",
  "db.review.status.",
  "db.review.type.",
  "db.sort.",
  "db.trace.box.",
  "db.trace.status.",
  "diffusionKind.",
  "diffusions.",
  "diffusions.state.",
  "distribution.",
  "documentType.",
  "findings.",
  "handling.",
  "lang.",
  "noticeState.",
  "noticeType.",
  "notif.kind.",
  "objectType.",
  "offenceCategory.",
  "persons.dup.",
  "persons.gender.",
  "persons.judgement.",
  "public.kind.",
  "public.un.quality.",
  "referrals.basis.",
  "referrals.state.",
  "reliability.",
  "review.",
  "role.",
  "scr.docType.",
  "scr.field.",
  "scr.manifest.show.",
  "scr.outcome.",
  "scr.sex.",
  "scr.state.",
  "sex.",
  "sourceType.",
  "subjectKind.",
  "wizard.step.",
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The text of the first argument of each `t(`, `i18n.t(` or `translate(lang, ` call in a source. */
function firstArguments(code: string): string[] {
  const out: string[] = [];
  const call = /(?<![\w$.])(?:i18n\.)?t\(|\btranslate\(\s*[\w.]+\s*,/g;
  for (let m = call.exec(code); m; m = call.exec(code)) {
    let depth = 0;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '"' || c === "'" || c === "`") {
        const end = code.indexOf(c, i + 1);
        i = end < 0 ? code.length : end;
      } else if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) break;
        depth--;
      } else if (c === "," && depth === 0) break;
    }
    out.push(code.slice(start, i));
  }
  return out;
}

describe("keys used in the code", () => {
  const uses = sources(WEB_SRC).flatMap((file) => {
    const rel = path.relative(WEB_SRC, file);
    return firstArguments(readFileSync(file, "utf8")).map((arg) => ({ rel, arg }));
  });

  it("finds the calls it scans (the scan itself works)", () => {
    expect(uses.length).toBeGreaterThan(500);
    expect(uses.some((u) => u.arg.includes('"common.loading"'))).toBe(true);
  });

  it("exist in English", () => {
    const missing = new Set<string>();
    for (const { rel, arg } of uses) {
      for (const [, key] of arg.matchAll(/"([^"\s]+)"/g)) {
        // A literal that is no key (a comparison operand in a ternary) has no dot and is not a key.
        if (key && ENGLISH[key] === undefined && key.includes(".")) missing.add(`${key} (${rel})`);
      }
    }
    expect(sorted(missing)).toEqual([]);
  });

  it("build dynamic keys only from listed prefixes", () => {
    const unlisted = new Set<string>();
    for (const { rel, arg } of uses) {
      for (const [, prefix] of arg.matchAll(/`([^`$]*)\$\{/g)) {
        // `${prefix}.${value}` with no fixed text: such keys are checked with hasOwnText before use.
        if (prefix && !DYNAMIC_PREFIXES.includes(prefix)) unlisted.add(`${prefix} (${rel})`);
      }
    }
    expect(sorted(unlisted)).toEqual([]);
  });

  it("list only prefixes that name English keys", () => {
    const dead = DYNAMIC_PREFIXES.filter((p) => !Object.keys(ENGLISH).some((k) => k.startsWith(p)));
    expect(dead).toEqual([]);
  });
});
