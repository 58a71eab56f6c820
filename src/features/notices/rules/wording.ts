import type { Finding } from "./findings.ts";
import { findTerms, type KeywordGroup } from "./keywords.ts";
import type { NoticeRequest, Offence, OffenceCategory } from "./notice-request.ts";

/**
 * Checks on what the request is about and how it is worded: ordinary-law crime only (RPD Art. 83)
 * and neutrality (Constitution Art. 3). A category chosen by the requester is a fact and can block;
 * a keyword in free text is a risk for the reviewer, quoting the matched term.
 */

type ExcludedGroup = "behavioural_or_cultural" | "family_or_private" | "administrative" | "private_dispute";
type Article3Group = "political" | "military" | "religious" | "racial";

const excluded: Record<ExcludedGroup, string> = {
  behavioural_or_cultural: "an offence against behavioural or cultural norms",
  family_or_private: "a family or private matter",
  administrative: "a breach of administrative law or regulations",
  private_dispute: "a private dispute (admissible only if it facilitates serious or organised crime)",
};
const excludedGroups = Object.keys(excluded) as ExcludedGroup[];
const article3Groups: readonly Article3Group[] = ["political", "military", "religious", "racial"];

const isExcluded = (c: OffenceCategory): c is ExcludedGroup => c in excluded;
const isArticle3 = (c: OffenceCategory): c is Article3Group =>
  (article3Groups as readonly string[]).includes(c);

const offencesOf = (r: NoticeRequest): readonly Offence[] => ("offences" in r ? r.offences : []);

type Localised = { text: string; translations?: Partial<Record<string, string>> | undefined };

/** Every free text of the request with its path, translations included (a term may hide in one). */
const texts = (r: NoticeRequest): [string, string][] => {
  const out: [string, string][] = [];
  const add = (name: string, t: Localised) => {
    out.push([`${name}.text`, t.text]);
    for (const [lang, tr] of Object.entries(t.translations ?? {}))
      if (tr) out.push([`${name}.translations.${lang}`, tr]);
  };
  add("title", r.title);
  add("summary", r.summary);
  if (r.type === "red") add("charges", r.charges);
  offencesOf(r).forEach((o, i) => {
    out.push(
      [`offences.${i}.description`, o.description],
      [`offences.${i}.legalProvision`, o.legalProvision],
    );
  });
  return out;
};

const scan = <G extends KeywordGroup>(
  r: NoticeRequest,
  groups: readonly G[],
  make: (g: G, quoted: string, field: string) => Finding,
) =>
  texts(r).flatMap(([field, text]) =>
    groups.flatMap((g) => {
      const terms = findTerms(text, g);
      return terms.length > 0 ? [make(g, terms.map((t) => `"${t}"`).join(", "), field)] : [];
    }),
  );

/** Serious ordinary-law crime only. Excluded categories block a Red Notice and are a risk elsewhere. */
export const ordinaryLaw = (r: NoticeRequest): Finding[] => {
  const categories = offencesOf(r).flatMap((o, i): Finding[] =>
    isExcluded(o.category)
      ? [
          {
            code: "excluded_offence",
            severity: r.type === "red" ? "block" : "risk",
            field: `offences.${i}.category`,
            message: `Offence ${i + 1} is ${excluded[o.category]}, not a serious ordinary-law crime`,
          },
        ]
      : [],
  );
  const wording = scan(r, excludedGroups, (g, quoted, field) => ({
    code: `excluded_wording_${g}`,
    severity: "risk",
    field,
    message: `The wording suggests ${excluded[g]}: ${quoted}`,
  }));
  return [...categories, ...wording];
};

/** Article 3: the Organization must not intervene in matters of a political, military, religious or racial character. */
export const neutrality = (r: NoticeRequest): Finding[] => {
  const categories = offencesOf(r).flatMap((o, i): Finding[] =>
    isArticle3(o.category)
      ? [
          {
            code: "article3_offence",
            severity: "block",
            field: `offences.${i}.category`,
            message: `Offence ${i + 1} is of a ${o.category} character (Article 3 of the Constitution)`,
          },
        ]
      : [],
  );
  const wording = scan(r, article3Groups, (g, quoted, field) => ({
    code: `article3_${g}`,
    severity: "risk",
    field,
    message: `Possible ${g} character (Article 3): ${quoted}; weigh it against the ordinary-law elements`,
  }));
  return [...categories, ...wording];
};
