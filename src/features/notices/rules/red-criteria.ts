import type { ComplianceContext, Finding } from "./findings.ts";
import type { NoticeRequest, Offence } from "./notice-request.ts";

/**
 * Red Notice minimum criteria beyond the required fields (RPD Arts. 82-83): penalty thresholds,
 * a valid warrant or judicial decision, and enough identifiers to avoid arresting the wrong person.
 */

/** Prosecution: the offence must carry at least 2 years; a sentence: at least 6 months. */
export const PROSECUTION_MIN_MONTHS = 24;
export const SENTENCE_MIN_MONTHS = 6;

const qualifies = (o: Offence): boolean =>
  o.maxPenaltyMonths === null || o.maxPenaltyMonths >= PROSECUTION_MIN_MONTHS;

const prosecution = (offences: readonly Offence[]): Finding[] => {
  if (offences.length === 0) return []; // reported as a missing field
  if (!offences.some(qualifies)) {
    return [
      {
        code: "penalty_below_threshold",
        severity: "block",
        field: "offences",
        message: `No offence is punishable by at least ${PROSECUTION_MIN_MONTHS} months' deprivation of liberty`,
      },
    ];
  }
  // With one qualifying offence, lesser offences may be listed too: tell the reviewer, do not block.
  return offences.flatMap((o, i) =>
    qualifies(o)
      ? []
      : [
          {
            code: "offence_below_threshold",
            severity: "info" as const,
            field: `offences.${i}.maxPenaltyMonths`,
            message: `Offence ${i + 1} (maximum ${o.maxPenaltyMonths} months) is below the threshold and rides with a qualifying offence`,
          },
        ],
  );
};

const sentence = (offences: readonly Offence[]): Finding[] => {
  const sentences = offences.flatMap((o) => (o.sentence ? [o.sentence] : []));
  const enough = (n: number | undefined) => n !== undefined && n >= SENTENCE_MIN_MONTHS;
  if (sentences.length === 0) {
    return [
      {
        code: "sentence_missing",
        severity: "block",
        field: "offences",
        message: "A person wanted to serve a sentence needs the sentence imposed",
      },
    ];
  }
  if (!sentences.some((s) => enough(s.imposedMonths) || enough(s.remainingMonths))) {
    return [
      {
        code: "sentence_below_threshold",
        severity: "block",
        field: "offences",
        message: `No sentence of at least ${SENTENCE_MIN_MONTHS} months is imposed or remains to be served`,
      },
    ];
  }
  // A long sentence almost served out rarely justifies an arrest abroad: the reviewer weighs it.
  if (sentences.every((s) => s.remainingMonths !== undefined && !enough(s.remainingMonths))) {
    return [
      {
        code: "remaining_sentence_short",
        severity: "risk",
        field: "offences",
        message: `Less than ${SENTENCE_MIN_MONTHS} months of the sentence remain to be served`,
      },
    ];
  }
  return [];
};

const identifiers = (r: Extract<NoticeRequest, { type: "red" }>): Finding[] => {
  const s = r.subject;
  const out: Finding[] = [];
  if (s.sex === "U") {
    out.push({
      code: "sex_unknown",
      severity: "block",
      field: "subject.sex",
      message: "A Red Notice needs the subject's sex",
    });
  }
  const described = Object.values(s.physicalDescription ?? {}).some((v) => v !== undefined);
  const biometric = s.fingerprints.length > 0 || s.facePhotos.length > 0 || s.dnaProfile !== undefined;
  if (!described && !biometric && s.identityDocuments.length === 0) {
    out.push({
      code: "insufficient_identifiers",
      severity: "block",
      field: "subject",
      message:
        "A Red Notice needs at least one of: physical description, fingerprints, face photo, DNA profile or identity document data",
    });
  }
  return out;
};

export const redCriteria = (r: NoticeRequest, ctx: ComplianceContext): Finding[] => {
  if (r.type !== "red") return [];
  const out = r.purpose === "prosecution" ? prosecution(r.offences) : sentence(r.offences);
  const w = r.arrestWarrant;
  if (w && ctx.now && Date.parse(w.issuedOn) > ctx.now.getTime()) {
    out.push({
      code: "warrant_date_in_future",
      severity: "block",
      field: "arrestWarrant.issuedOn",
      message: `The ${w.kind === "arrest_warrant" ? "arrest warrant" : "judicial decision"} is dated ${w.issuedOn}, after today`,
    });
  }
  return [...out, ...identifiers(r)];
};
