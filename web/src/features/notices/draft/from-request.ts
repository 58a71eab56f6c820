import type { HandlingCode, Reliability } from "../../../lib/envelope.ts";
import type { Obj } from "../../../lib/form-parse.ts";
import { LANGUAGES, type NoticeLanguage, type RequestableType } from "../types.ts";
import { emptyDraft, noTranslations } from "./defaults.ts";
import { a, joined, o, s } from "./read.ts";
import { subjectFrom } from "./subject-from-request.ts";
import type { AssetDraft, EnvelopeDraft, NoticeDraft, OffenceDraft, TextDraft } from "./types.ts";

/** Reading a saved request back into the form. */

function textFrom(v: unknown): TextDraft {
  const t = o(v);
  const translations = noTranslations();
  for (const [k, val] of Object.entries(o(t.translations)))
    if ((LANGUAGES as readonly string[]).includes(k)) translations[k as NoticeLanguage] = s(val);
  return { text: s(t.text), translations };
}

function offenceFrom(x: unknown): OffenceDraft {
  const off = o(x);
  const sentence = o(off.sentence);
  return {
    description: s(off.description),
    category: s(off.category),
    legalProvision: s(off.legalProvision),
    maxPenaltyMonths: s(off.maxPenaltyMonths),
    // A null maximum penalty is a life sentence; an absent one is simply not given.
    life: off.maxPenaltyMonths === null,
    committedOn: s(off.committedOn),
    country: s(off.country),
    sentenceImposed: s(sentence.imposedMonths),
    sentenceRemaining: s(sentence.remainingMonths),
  };
}

function assetFrom(x: unknown): AssetDraft {
  const as = o(x);
  return {
    assetType: s(as.assetType),
    description: s(as.description),
    identifier: s(as.identifier),
    country: s(as.country),
    value: s(as.estimatedValueEur),
  };
}

/** The fields only some types have: warrant (red), missing (yellow), body (black), threat, modus operandi. */
function typeFieldsFrom(r: Obj): Pick<NoticeDraft, "warrant" | "missing" | "body" | "threat" | "mo"> {
  const w = o(r.arrestWarrant);
  const m = o(r.missing);
  const b = o(r.body);
  const th = o(r.threat);
  const mo = o(r.modusOperandi);
  return {
    warrant: {
      issuingAuthority: s(w.issuingAuthority),
      issuedOn: s(w.issuedOn),
      reference: s(w.reference),
      kind: s(w.kind) || "arrest_warrant",
    },
    missing: {
      since: s(m.since),
      lastSeenPlace: s(m.lastSeenPlace),
      circumstances: s(m.circumstances),
      unable: r.unableToIdentifySelf === true,
    },
    body: {
      foundOn: s(b.foundOn),
      foundPlace: s(b.foundPlace),
      foundCountry: s(b.foundCountry),
      ageFrom: s(b.estimatedAgeFrom),
      ageTo: s(b.estimatedAgeTo),
      cause: s(b.causeOfDeath),
    },
    threat: { description: s(th.description), imminence: s(th.imminence) },
    mo: { description: s(mo.description), concealment: joined(mo.concealmentMethods) },
  };
}

function envelopeFrom(e: Obj): EnvelopeDraft {
  return {
    distribution: (s(e.distribution) as EnvelopeDraft["distribution"]) || "all",
    countries: joined(e.distributionCountries),
    handlingCode: (s(e.handlingCode) as HandlingCode) || "H0",
    handlingNote: s(e.handlingNote),
    sourceReliability: (s(e.sourceReliability) as Reliability) || "B",
    informationAccuracy: (s(e.informationAccuracy) as EnvelopeDraft["informationAccuracy"]) || "2",
    sourceType: s(e.sourceType) || "judicial",
  };
}

/** A saved request (GET /notices/:id) as a wizard draft, to continue editing it. */
export function fromRequest(
  request: Obj,
  envelope: Obj,
  publicExtract: boolean,
  fallback: NoticeLanguage,
): NoticeDraft {
  const r = request;
  const title = o(r.title);
  const language = (LANGUAGES as readonly string[]).includes(s(title.language))
    ? s(title.language)
    : fallback;
  // Spread over the empty draft, so the fields keep its order and the kinds not chosen its defaults.
  return {
    ...emptyDraft(fallback),
    type: s(r.type) as RequestableType,
    language: language as NoticeLanguage,
    ...subjectFrom(o(r.subject)),
    purpose: s(r.purpose) === "sentence" ? "sentence" : "prosecution",
    offences: a(r.offences).map(offenceFrom),
    ...typeFieldsFrom(r),
    assets: a(r.assets).map(assetFrom),
    title: textFrom(r.title),
    summary: textFrom(r.summary),
    charges: textFrom(r.charges),
    envelope: envelopeFrom(envelope),
    publicExtract,
  };
}
