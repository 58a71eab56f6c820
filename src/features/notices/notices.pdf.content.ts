import type { NoticeRow } from "./notices.repo.ts";
import { dobText } from "./notices.subject.ts";
import type { NoticeRequest, Offence, PersonSubject } from "./rules/notice-request.ts";
import type { NoticeType } from "./rules/notice-types.ts";

/*
 * What the PDF file of a notice says, section by section, as plain data: the renderer
 * (notices.pdf.ts) only lays it out. Labels are in English, the working language of the files
 * bureaus exchange; values are printed as the owner wrote them, in any script.
 */

export type Field = [label: string, value: string];
export type Section = { heading: string; fields: Field[]; paragraphs?: string[] };

/** Each type's name and the colour of its band (as on INTERPOL's notices). */
export const typeStyle: Record<NoticeType, { label: string; colour: string; ink: string }> = {
  red: { label: "Red Notice", colour: "#c8102e", ink: "#ffffff" },
  blue: { label: "Blue Notice", colour: "#1f5fae", ink: "#ffffff" },
  green: { label: "Green Notice", colour: "#2e7d32", ink: "#ffffff" },
  yellow: { label: "Yellow Notice", colour: "#f2c200", ink: "#1a1f29" },
  black: { label: "Black Notice", colour: "#1a1a1a", ink: "#ffffff" },
  orange: { label: "Orange Notice", colour: "#e87722", ink: "#1a1f29" },
  purple: { label: "Purple Notice", colour: "#6a1b9a", ink: "#ffffff" },
  silver: { label: "Silver Notice", colour: "#a7b0b6", ink: "#1a1f29" },
  un_special: { label: "INTERPOL-UN Security Council Special Notice", colour: "#0b5394", ink: "#ffffff" },
};

export const handlingText: Record<string, string> = {
  H0: "Law-enforcement use only",
  H1: "No further dissemination without the owner's consent",
  H2: "No action without the owner's consent",
  H3: "Restriction stated in the handling note",
};

const reliability: Record<string, string> = {
  A: "A - reliable",
  B: "B - mostly reliable",
  C: "C - mostly unreliable",
  X: "X - cannot be assessed",
};
const accuracy: Record<string, string> = {
  "1": "1 - known to be true",
  "2": "2 - known to the source",
  "3": "3 - corroborated",
  "4": "4 - not corroborated",
};
const sexes: Record<string, string> = { M: "Male", F: "Female", U: "Unknown" };
const words = (v: string) => v.replaceAll("_", " ");

/** The one line of rules printed on every page: handling code, and its note for H3. */
export function handlingLine(row: Pick<NoticeRow, "handling_code" | "handling_note">): string {
  const base = `${row.handling_code} - ${handlingText[row.handling_code] ?? ""}`;
  return row.handling_note ? `${base}: ${row.handling_note}` : base;
}

export function distributionText(row: Pick<NoticeRow, "distribution" | "distribution_countries">): string {
  const list = row.distribution_countries.join(", ");
  if (row.distribution === "only") return `Only: ${list}`;
  if (row.distribution === "except") return `All member countries except: ${list}`;
  return "All member countries";
}

/** Keeps the fields that have a value. */
const fields = (...all: [string, string | number | null | undefined][]): Field[] =>
  all
    .filter((f): f is [string, string | number] => f[1] !== undefined && f[1] !== null && f[1] !== "")
    .map(([l, v]) => [l, String(v)]);

function person(s: PersonSubject): Section {
  const looks = s.physicalDescription;
  const place = [s.placeOfBirth?.place, s.placeOfBirth?.country].filter(Boolean).join(", ");
  const docs = s.identityDocuments.map(
    (d) =>
      `${words(d.type)} ${d.number} (${d.issuingCountry})${d.expiresOn ? `, expires ${d.expiresOn}` : ""}`,
  );
  return {
    heading: "Identity particulars",
    fields: fields(
      ["Family name", s.familyName],
      ["Forenames", s.forenames],
      ["Name in original script", s.nameOriginalScript],
      ["Aliases", s.aliases.join("; ")],
      ["Sex", sexes[s.sex]],
      ["Date of birth", dobText(s.dateOfBirth)],
      ["Place of birth", place],
      ["Nationality", s.nationalities.join(", ")],
      ["Height", looks?.heightCm ? `${looks.heightCm} cm` : null],
      ["Weight", looks?.weightKg ? `${looks.weightKg} kg` : null],
      ["Eyes", looks?.eyeColour],
      ["Hair", looks?.hairColour],
      ["Distinguishing marks", looks?.distinguishingMarks],
      ["Identity documents", docs.join("; ")],
    ),
  };
}

function subject(r: NoticeRequest): Section {
  const s = r.subject;
  if (s.kind === "person") return person(s);
  if (s.kind === "entity")
    return {
      heading: "Entity",
      fields: fields(
        ["Name", s.name],
        ["Aliases", s.aliases.join("; ")],
        ["Registered in", s.registrationCountry],
        ["Registration number", s.registrationNumber],
        ["Addresses", s.addresses.map((a) => [a.text, a.country].filter(Boolean).join(", ")).join("; ")],
      ),
    };
  if (s.kind === "object")
    return {
      heading: "Object",
      fields: fields(
        ["Type", words(s.objectType)],
        ["Identifiers", s.identifiers.map((i) => `${i.scheme}: ${i.value}`).join("; ")],
      ),
      paragraphs: [s.description],
    };
  if (s.kind === "event")
    return {
      heading: "Event",
      fields: fields(["Expected on", s.expectedOn], ["Place", s.place], ["Country", s.country]),
      paragraphs: [s.description],
    };
  return { heading: "Modus operandi", fields: [], paragraphs: [s.description] };
}

const penalty = (o: Offence) =>
  o.maxPenaltyMonths === null ? "life imprisonment" : `${o.maxPenaltyMonths} months`;

function offences(list: readonly Offence[]): Section[] {
  return list.map((o, i) => ({
    heading: `Offence ${i + 1}`,
    fields: fields(
      ["Category", words(o.category)],
      ["Legal provision", o.legalProvision],
      ["Maximum penalty", penalty(o)],
      ["Committed on", o.committedOn],
      ["Country", o.country],
      ["Sentence imposed", o.sentence ? `${o.sentence.imposedMonths} months` : null],
      ["Sentence remaining", o.sentence?.remainingMonths ? `${o.sentence.remainingMonths} months` : null],
    ),
    paragraphs: [o.description],
  }));
}

/** What each type adds to the common parts. */
function byType(r: NoticeRequest): Section[] {
  switch (r.type) {
    case "red": {
      const w = r.arrestWarrant;
      const warrant: Section = {
        heading: "Charges and arrest warrant",
        fields: fields(
          ["Purpose", r.purpose === "prosecution" ? "Prosecution" : "To serve a sentence"],
          ["Issuing authority", w?.issuingAuthority],
          ["Issued on", w?.issuedOn],
          ["Reference", w?.reference],
          ["Kind", w ? words(w.kind) : null],
        ),
        paragraphs: [r.charges.text],
      };
      return [warrant, ...offences(r.offences)];
    }
    case "blue":
    case "green":
      return offences(r.offences);
    case "yellow":
      return [
        {
          heading: "Disappearance",
          fields: fields(
            ["Missing since", r.missing.since],
            ["Last seen", r.missing.lastSeenPlace],
            ["Unable to identify themself", r.unableToIdentifySelf ? "Yes" : null],
          ),
          paragraphs: r.missing.circumstances ? [r.missing.circumstances] : [],
        },
      ];
    case "black":
      return [
        {
          heading: "Body found",
          fields: fields(
            ["Found on", r.body.foundOn],
            ["Place", r.body.foundPlace],
            ["Country", r.body.foundCountry],
            [
              "Estimated age",
              r.body.estimatedAgeFrom !== undefined
                ? `${r.body.estimatedAgeFrom}-${r.body.estimatedAgeTo ?? ""}`
                : null,
            ],
            ["Cause of death", r.body.causeOfDeath],
          ),
        },
      ];
    case "orange":
      return [
        {
          heading: "Threat",
          fields: fields(["Imminence", r.threat.imminence]),
          paragraphs: r.threat.description ? [r.threat.description] : [],
        },
      ];
    case "purple":
      return [
        {
          heading: "Modus operandi",
          fields: fields(["Concealment", r.modusOperandi.concealmentMethods.join("; ")]),
          paragraphs: r.modusOperandi.description ? [r.modusOperandi.description] : [],
        },
      ];
    case "silver":
      return [
        ...offences(r.offences),
        {
          heading: "Assets",
          fields: r.assets.map((a, i) => [
            `Asset ${i + 1}`,
            [words(a.assetType), a.description, a.identifier, a.country].filter(Boolean).join(", "),
          ]),
        },
      ];
    case "un_special":
      return [
        {
          heading: "United Nations sanctions",
          fields: fields(["UN reference", r.unReference], ["Sanctions", r.sanctions.map(words).join(", ")]),
        },
      ];
  }
}

/** The notice, section by section, in the order of the printed file. */
export function noticeSections(row: NoticeRow): { title: string; subject: Section; rest: Section[] } {
  const r = row.request as NoticeRequest;
  const addenda = (row.addenda as { text?: { text?: string }; at?: string }[])
    .map((a) => a.text?.text)
    .filter((t): t is string => typeof t === "string");
  const rest: Section[] = [
    { heading: "Summary of facts", fields: [], paragraphs: [r.summary.text] },
    ...byType(r),
    ...(addenda.length > 0 ? [{ heading: "Addenda", fields: [], paragraphs: addenda }] : []),
    {
      heading: "Owner's rules and evaluation",
      fields: fields(
        ["Owner", row.owner],
        ["Distribution", distributionText(row)],
        ["Handling", handlingLine(row)],
        ["Source reliability", reliability[row.source_reliability]],
        ["Information accuracy", accuracy[String(row.information_accuracy)]],
        ["Source", words(row.source_type)],
        ["Review by", row.review_at],
      ),
    },
  ];
  return { title: r.title.text, subject: subject(r), rest };
}
