import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorCodes, fieldErrorCodes } from "../../../src/shared/errors.ts";
import { ApiError } from "./api/problem.ts";
import { FIELD_LABELS, ITEM_LABELS } from "./field-labels.ts";
import type { Lang, MessageKey } from "./i18n/index.tsx";
import { hasOwnText, translate } from "./i18n/translate.ts";
import {
  FIELD_SENTENCES,
  fieldLabel,
  fieldSentence,
  fieldSentences,
  formPath,
  isStale,
  PROBLEM_SENTENCES,
  problemSentence,
  type Translator,
} from "./problems.ts";

const LANGS: Lang[] = ["en", "fr", "es", "ar"];
const i18n = (lang: Lang): Translator => ({ lang, t: (key, vars) => translate(lang, key, vars) });
/** Sentences without the bidi isolation marks that values get in right-to-left messages. */
const plain = (s: string): string => s.replace(/[\u2068\u2069]/g, "");

const problem = (status: number, code: string, errors?: unknown[]) =>
  new ApiError(status, {
    status,
    code,
    title: "t",
    detail: "English detail from the server",
    type: "x",
    errors,
  });

describe("problem sentences", () => {
  it("every problem code the server can answer has its own sentence in every language", () => {
    const missing: string[] = [];
    for (const code of Object.keys(errorCodes)) {
      const key = PROBLEM_SENTENCES[code as keyof typeof PROBLEM_SENTENCES];
      if (!key) missing.push(`${code}: no sentence`);
      else for (const lang of LANGS) if (!hasOwnText(lang, key)) missing.push(`${code}: no ${lang} text`);
    }
    expect(missing).toEqual([]);
  });

  it("every reason a field can be refused for has its own sentence in every language", () => {
    const missing: string[] = [];
    for (const code of fieldErrorCodes) {
      const key = FIELD_SENTENCES[code];
      if (!key) missing.push(`${code}: no sentence`);
      else for (const lang of LANGS) if (!hasOwnText(lang, key)) missing.push(`${code}: no ${lang} text`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(FIELD_SENTENCES).sort()).toEqual([...fieldErrorCodes].sort());
  });

  it("speaks the reader's language and never repeats the server's detail", () => {
    const stale = problem(409, "stale");
    expect(isStale(stale)).toBe(true);
    expect(isStale(problem(409, "conflict"))).toBe(false);
    const texts = LANGS.map((lang) => problemSentence(stale, i18n(lang)));
    expect(new Set(texts).size).toBe(4);
    expect(texts[0]).toMatch(/^Someone else changed this/);
    for (const t of texts) expect(t).not.toContain("English detail");
    expect(problemSentence(problem(418, "teapot"), i18n("en"))).toBe("Something went wrong. Try again.");
    expect(problemSentence(problem(502, "bad_gateway"), i18n("fr"))).toBe(
      translate("fr", "problem.internal"),
    );
    expect(problemSentence(new TypeError("Failed to fetch"), i18n("es"))).toBe(
      translate("es", "problem.network"),
    );
  });
});

describe("field sentences", () => {
  const penalty = { path: "body.request.offences.0.maxPenaltyMonths", message: "x", code: "not_integer" };

  it("names a field inside a list item by the item and the form's label", () => {
    expect(fieldSentence(penalty, i18n("en")).sentence).toBe(
      "Offence 1: Maximum penalty (months) must be a whole number.",
    );
    expect(fieldSentence({ ...penalty, path: "body.request.offences.2.category" }, i18n("en")).label).toBe(
      "Offence 3: Category",
    );
    expect(fieldSentence(penalty, i18n("fr")).sentence).toBe(
      "« Infraction 1 – Peine maximale encourue (mois) » doit être un nombre entier.",
    );
    expect(plain(fieldSentence(penalty, i18n("ar")).sentence)).toBe(
      "يجب أن يكون «العقوبة القصوى (بالأشهر) في الجريمة 1» عددًا صحيحًا.",
    );
    expect(fieldSentence(penalty, i18n("es")).sentence).toBe(
      "«Delito 1: Pena máxima prevista (meses)» debe ser un número entero.",
    );
  });

  it("keeps where the field is for the form, without the request part", () => {
    const s = fieldSentence(penalty, i18n("en"));
    expect([s.path, s.field]).toEqual([
      "request.offences.0.maxPenaltyMonths",
      "request.offences.0.maxPenaltyMonths",
    ]);
    // A value inside a list field belongs to the field ("properties.name.0" is the name field).
    expect(fieldSentence({ path: "body.properties.name.0", code: "bad_text" }, i18n("en")).field).toBe(
      "properties.name",
    );
    expect(formPath("querystring.q")).toBe("q");
    expect(formPath("request.body.foundOn")).toBe("request.body.foundOn");
    expect(formPath("body.request.body.foundOn")).toBe("request.body.foundOn");
  });

  it("gives bounds with the language's plural forms", () => {
    const long = { path: "body.title", code: "too_long", limit: 200, message: "x" };
    expect(fieldSentence(long, i18n("en")).sentence).toBe("Title must be at most 200 characters long.");
    expect(fieldSentence({ ...long, limit: 1 }, i18n("en")).sentence).toBe(
      "Title must be at most 1 character long.",
    );
    expect(plain(fieldSentence({ ...long, limit: 2 }, i18n("ar")).sentence)).toContain("حرفين");
    expect(fieldSentence({ path: "body.recipients", code: "required" }, i18n("en")).sentence).toBe(
      "Recipients is required.",
    );
  });

  it("never shows a path or the server's words for a coded error, in any language", () => {
    const codes = fieldErrorCodes.filter((c) => c !== "invalid");
    for (const lang of LANGS)
      for (const code of codes) {
        const s = fieldSentence(
          {
            path: "body.request.subject.physicalDescription.heightCm",
            code,
            limit: 3,
            message: "Too big: raw",
          },
          i18n(lang),
        ).sentence;
        expect(s).not.toMatch(/body|heightCm|physicalDescription|raw|\{|\}/);
      }
  });

  it("names an unknown path neutrally, never by the path", () => {
    for (const lang of LANGS) {
      const s = fieldSentence({ path: "body.zzUnknown.deep.0", code: "required" }, i18n(lang));
      expect(s.label).toBe(translate(lang, "label.unknownField"));
      expect(s.sentence).not.toContain("zzUnknown");
    }
  });

  it("names a translation by its field and language", () => {
    expect(fieldLabel("body.request.summary.translations.ar", i18n("en"))).toBe(
      "Summary of facts (Arabic translation)",
    );
    expect(fieldLabel("request.title.translations.en", i18n("fr"))).toBe("Titre (traduction en anglais)");
  });

  it("a rule of the field's own is said as the server wrote it in English, framed in other languages", () => {
    const vin = { path: "body.vin", message: "check digit (position 9) is X, expected 1." };
    expect(fieldSentence(vin, i18n("en")).sentence).toBe("VIN: check digit (position 9) is X, expected 1.");
    const fr = fieldSentence(vin, i18n("fr")).sentence;
    expect(fr).toMatch(/^« .+ » : valeur refusée/);
    expect(fieldSentence({ path: "body.vin" }, i18n("es")).sentence).toBe(
      `«${translate("es", "db.field.vin")}» no es válido.`,
    );
  });

  it("a form's own labels win over the shared ones", () => {
    const s = fieldSentence({ path: "body.number", code: "required" }, i18n("en"), {
      number: "wizard.docNumber" as MessageKey,
    });
    expect(s.sentence).toBe("Document number is required.");
  });

  it("reads the field errors of a problem, and nothing from other errors", () => {
    const e = problem(400, "validation_failed", [
      penalty,
      { path: "body.request.subject.sex", code: "invalid_option", message: "Invalid option" },
      "not an object",
      { path: "body", code: "bad_text", message: "contains a NUL" },
    ]);
    expect(fieldSentences(e, i18n("en")).map((f) => f.sentence)).toEqual([
      "Offence 1: Maximum penalty (months) must be a whole number.",
      "Sex: choose one of the options offered.",
    ]);
    expect(fieldSentences(new Error("x"), i18n("en"))).toEqual([]);
    expect(fieldSentences(problem(404, "not_found"), i18n("en"))).toEqual([]);
  });
});

/** The request bodies of the forms (docs/openapi.json): every field they send has a label. */
const FORM_OPERATIONS = [
  "login",
  "enableTotp",
  "changePassword",
  "createUser",
  "createClient",
  "createRecord",
  "updateRecord",
  "judgeResolutionPair",
  "revalidateRecord",
  "createNotice",
  "updateNotice",
  "previewNoticeCompliance",
  "submitNotice",
  "refuseNotice",
  "suspendNotice",
  "addNoticeAddendum",
  "createDiffusion",
  "reviewDiffusion",
  "createDocument",
  "updateDocumentStatus",
  "createFirearm",
  "updateFirearm",
  "createTraceRequest",
  "replyTraceRequest",
  "declineTraceRequest",
  "createVehicle",
  "updateVehicle",
  "createMaterial",
  "updateMaterial",
  "createBank",
  "updateBank",
  "addBankEntry",
  "updateBankEntry",
  "createReferral",
  "recordReferralOutcome",
];

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

function bodyPaths(): { paths: Map<string, string>; operations: Set<string> } {
  const doc = JSON.parse(readFileSync(new URL("../../../docs/openapi.json", import.meta.url), "utf8"));
  const schemas: Record<string, JsonSchema> = doc.components.schemas;
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? resolve(schemas[s.$ref.split("/").at(-1) ?? ""] ?? {}) : s;
  const out = new Map<string, string>();
  const operations = new Set<string>();
  const walk = (raw: JsonSchema, prefix: string, op: string, depth: number): void => {
    const s = resolve(raw);
    if (depth > 12) return;
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
      walk(alt, prefix, op, depth + 1);
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      const p = prefix ? `${prefix}.${name}` : name;
      out.set(p, op);
      walk(sub, p, op, depth + 1);
    }
    if (s.items) walk(s.items, `${prefix}.0`, op, depth + 1);
  };
  for (const methods of Object.values(doc.paths) as Record<
    string,
    { operationId?: string; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
  >[])
    for (const op of Object.values(methods))
      if (op.operationId && FORM_OPERATIONS.includes(op.operationId)) {
        const schema = op.requestBody?.content?.["application/json"]?.schema;
        if (schema) walk(schema, "", op.operationId, 0);
        if (schema) operations.add(op.operationId);
      }
  return { paths: out, operations };
}

describe("the label registry", () => {
  it("labels every field every form sends", () => {
    const { paths, operations } = bodyPaths();
    expect(paths.size).toBeGreaterThan(200);
    expect(FORM_OPERATIONS.filter((op) => !operations.has(op))).toEqual([]);
    const unknown = translate("en", "label.unknownField");
    const unlabelled = [...paths].filter(([p]) => fieldLabel(`body.${p}`, i18n("en")).includes(unknown));
    expect(unlabelled.map(([p, op]) => `${op}: ${p}`)).toEqual([]);
  });

  it("uses only keys that every language translates", () => {
    const keys = [...Object.values(FIELD_LABELS), ...Object.values(ITEM_LABELS)];
    const missing = keys.flatMap((k) => LANGS.filter((l) => !hasOwnText(l, k)).map((l) => `${k} (${l})`));
    expect([...new Set(missing)]).toEqual([]);
  });
});
