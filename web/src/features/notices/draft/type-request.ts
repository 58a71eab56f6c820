import { compact, int, list, num, type Obj, str } from "../../../lib/form-parse.ts";
import type { NoticeDraft } from "./types.ts";

/** The request's parts that only some notice types have, from the wizard's draft. */

export function offences(d: NoticeDraft): Obj[] {
  return d.offences.map((o) => ({
    description: str(o.description),
    category: o.category || undefined,
    legalProvision: str(o.legalProvision),
    maxPenaltyMonths: o.life ? null : int(o.maxPenaltyMonths),
    committedOn: str(o.committedOn),
    country: str(o.country.toUpperCase()),
    sentence:
      d.purpose === "sentence" && int(o.sentenceImposed) !== undefined
        ? compact({ imposedMonths: int(o.sentenceImposed), remainingMonths: int(o.sentenceRemaining) })
        : undefined,
  }));
}

/** The red notice's warrant, left out until one of its identifying fields is given. */
export function arrestWarrant(d: NoticeDraft): Obj | undefined {
  return str(d.warrant.issuingAuthority) || str(d.warrant.issuedOn) || str(d.warrant.reference)
    ? {
        issuingAuthority: str(d.warrant.issuingAuthority),
        issuedOn: str(d.warrant.issuedOn),
        reference: str(d.warrant.reference),
        kind: d.warrant.kind,
      }
    : undefined;
}

export function missing(d: NoticeDraft): Obj {
  return (
    compact({
      since: str(d.missing.since),
      lastSeenPlace: str(d.missing.lastSeenPlace),
      circumstances: str(d.missing.circumstances),
    }) ?? {}
  );
}

export function body(d: NoticeDraft): Obj {
  return (
    compact({
      foundOn: str(d.body.foundOn),
      foundPlace: str(d.body.foundPlace),
      foundCountry: str(d.body.foundCountry.toUpperCase()),
      estimatedAgeFrom: int(d.body.ageFrom),
      estimatedAgeTo: int(d.body.ageTo),
      causeOfDeath: str(d.body.cause),
    }) ?? {}
  );
}

export function threat(d: NoticeDraft): Obj {
  return (
    compact({ description: str(d.threat.description), imminence: d.threat.imminence || undefined }) ?? {}
  );
}

export function modusOperandi(d: NoticeDraft): Obj {
  return {
    ...(str(d.mo.description) ? { description: d.mo.description.trim() } : {}),
    concealmentMethods: list(d.mo.concealment),
  };
}

export function assets(d: NoticeDraft): Obj[] {
  return d.assets.map((a) => ({
    assetType: a.assetType || undefined,
    description: str(a.description),
    identifier: str(a.identifier),
    country: str(a.country.toUpperCase()),
    estimatedValueEur: num(a.value),
  }));
}
