import { codes, type Obj, str } from "../../../lib/form-parse.ts";
import { LANGUAGES, type NoticeLanguage } from "../types.ts";
import { subject } from "./subject-request.ts";
import { arrestWarrant, assets, body, missing, modusOperandi, offences, threat } from "./type-request.ts";
import type { EnvelopeDraft, NoticeDraft, TextDraft } from "./types.ts";

/** A text in the draft's language, with the translations given in the other languages. */
function localised(d: TextDraft, language: NoticeLanguage): Obj | undefined {
  const main = str(d.text);
  if (!main) return undefined;
  const translations: Obj = {};
  for (const l of LANGUAGES) {
    const tr = str(d.translations[l]);
    if (l !== language && tr) translations[l] = tr;
  }
  return { language, text: main, ...(Object.keys(translations).length ? { translations } : {}) };
}

/** The request body for POST/PATCH /notices, from the wizard's draft. */
export function toRequest(d: NoticeDraft): Obj {
  const type = d.type || "red";
  const base: Obj = {
    type,
    title: localised(d.title, d.language),
    summary: localised(d.summary, d.language),
    subject: subject(d),
  };
  switch (type) {
    case "red":
      return {
        ...base,
        purpose: d.purpose,
        charges: localised(d.charges, d.language),
        offences: offences(d),
        arrestWarrant: arrestWarrant(d),
      };
    case "blue":
    case "green":
      return { ...base, offences: offences(d) };
    case "yellow":
      return { ...base, missing: missing(d), unableToIdentifySelf: d.missing.unable };
    case "black":
      return { ...base, body: body(d) };
    case "orange":
      return { ...base, threat: threat(d) };
    case "purple":
      return { ...base, modusOperandi: modusOperandi(d) };
    case "silver":
      return { ...base, offences: offences(d), assets: assets(d) };
  }
}

export function toEnvelope(e: EnvelopeDraft): Obj {
  return {
    distribution: e.distribution,
    distributionCountries: e.distribution === "all" ? [] : codes(e.countries),
    handlingCode: e.handlingCode,
    ...(e.handlingCode === "H3" && str(e.handlingNote) ? { handlingNote: e.handlingNote.trim() } : {}),
    sourceReliability: e.sourceReliability,
    informationAccuracy: Number(e.informationAccuracy),
    sourceType: e.sourceType,
  };
}
