/**
 * Keyword lists in the four working languages (en, fr, es, ar) that point a reviewer at wording that
 * may make a request inadmissible: Article 3 of the Constitution (political, military, religious or
 * racial character) and the matters excluded from Red Notices (RPD Art. 83). A hit is a flag for a
 * human, never a decision: terrorism cases legitimately mention politics or religion.
 *
 * Matching is accent- and case-insensitive. A Latin term matches whole words; a trailing "*" makes it
 * a prefix ("politic*" = political, politique, político). Arabic terms match as substrings after
 * normalising hamza forms, taa marbuta and alif maqsura, because Arabic attaches prefixes to words.
 */

export type KeywordGroup =
  | "political"
  | "military"
  | "religious"
  | "racial"
  | "behavioural_or_cultural"
  | "family_or_private"
  | "administrative"
  | "private_dispute";

export const keywordLists: Readonly<Record<KeywordGroup, readonly string[]>> = {
  political: [
    // en
    ...["politic*", "opposition party", "opposition leader", "dissident*", "protest*", "demonstration*"],
    ...["insulting the president", "insult to the head of state", "lese majeste", "sedition*", "subversi*"],
    ...["election*", "coup d'etat"],
    // fr
    ...[
      "opposant*",
      "parti d'opposition",
      "manifestation*",
      "offense au chef de l'etat",
      "outrage au president",
    ],
    // es
    ...[
      "opositor*",
      "partido de oposicion",
      "manifestacion*",
      "desacato",
      "injuria al presidente",
      "sedicion",
    ],
    ...["eleccion*", "golpe de estado"],
    // ar
    ...["سياسي", "معارضة", "مظاهرة", "احتجاج", "إهانة الرئيس", "انتخابات", "انقلاب"],
  ],
  military: [
    ...["desertion", "deserter*", "draft evasion", "evading military service", "conscientious objector*"],
    ...["insubordination", "military offence*", "mutiny"],
    ...["deserteur*", "insoumission", "refus de servir", "objecteur de conscience", "mutinerie"],
    ...["desercion", "desertor*", "insumision", "objetor de conciencia", "motin"],
    ...["الفرار من الخدمة العسكرية", "التهرب من التجنيد", "التهرب من الخدمة العسكرية", "عصيان عسكري"],
  ],
  religious: [
    ...[
      "blasphem*",
      "apostasy",
      "apostate*",
      "heresy",
      "heretic*",
      "proselyti*",
      "insulting religion",
      "insult to religion",
    ],
    ...["defamation of religion*", "religious"],
    ...["apostasie", "heresie", "religieu*"],
    ...["blasfemia", "apostasia", "herejia", "proselitismo", "religios*"],
    ...["ردة", "تجديف", "ازدراء الأديان", "زندقة", "الإساءة للدين"],
  ],
  racial: [
    ...["racial*", "racis*", "ethnic*", "tribal"],
    ...["ethnique*"],
    ...["etnic*"],
    ...["عرقي", "عنصري", "قبلي"],
  ],
  behavioural_or_cultural: [
    ...[
      "adultery",
      "homosexual*",
      "sodomy",
      "same-sex",
      "witchcraft",
      "sorcery",
      "indecent dress*",
      "dress code",
    ],
    ...["alcohol consumption", "drinking alcohol", "begging", "cross-dressing"],
    ...["adultere", "homosexualite", "sorcellerie", "tenue indecente", "consommation d'alcool", "mendicite"],
    ...["adulterio", "homosexualidad", "brujeria", "hechiceria", "consumo de alcohol", "mendicidad"],
    ...["الزنا", "اللواط", "المثلية", "السحر", "الشعوذة", "شرب الخمر", "التسول"],
  ],
  family_or_private: [
    ...["child custody", "custody of the child*", "divorce", "alimony", "child support", "family dispute"],
    ...["parental abduction", "inheritance", "dowry"],
    ...["garde d'enfant*", "pension alimentaire", "abandon de famille", "differend familial", "succession"],
    ...["custodia", "divorcio", "pension alimenticia", "herencia", "conflicto familiar"],
    ...["حضانة", "طلاق", "نفقة", "نزاع عائلي", "ميراث"],
  ],
  administrative: [
    ...["traffic offence*", "traffic violation*", "parking", "visa overstay", "overstay*"],
    ...["administrative offence*", "administrative violation*", "regulatory breach*"],
    ...["infraction administrative", "infraction routiere", "sejour irregulier"],
    ...["infraccion administrativa", "infraccion de transito", "estancia irregular"],
    ...["مخالفة إدارية", "مخالفة مرورية", "تجاوز مدة الإقامة"],
  ],
  private_dispute: [
    ...["breach of contract", "debt*", "bounced cheque*", "dishonoured cheque*", "bad cheque*"],
    ...["commercial dispute*", "civil dispute*", "loan default*", "unpaid rent"],
    ...["rupture de contrat", "dette*", "cheque sans provision", "litige commercial", "litige civil"],
    ...["incumplimiento de contrato", "deuda*", "cheque sin fondo*", "litigio comercial", "disputa civil"],
    ...["خرق العقد", "ديون", "شيك بدون رصيد", "نزاع تجاري", "نزاع مدني"],
  ],
};

/** Lower case, no accents or Arabic short vowels, one spelling for hamza forms, taa marbuta, alif maqsura. */
export const normaliseForMatching = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[أإآ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, " ");

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Matcher {
  term: string;
  re: RegExp;
}

const compile = (term: string): Matcher => {
  const prefix = term.endsWith("*");
  const body = normaliseForMatching(prefix ? term.slice(0, -1) : term);
  if (/\p{Script=Arabic}/u.test(body)) return { term, re: new RegExp(escapeRegExp(body), "u") };
  const end = prefix ? "" : "(?![\\p{L}\\p{N}])";
  return { term, re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(body)}${end}`, "u") };
};

const matchers = Object.fromEntries(
  Object.entries(keywordLists).map(([group, terms]) => [group, terms.map(compile)]),
) as Record<KeywordGroup, Matcher[]>;

/** The terms of a group found in a text, as written in the list (with "*" dropped). */
export const findTerms = (text: string, group: KeywordGroup): string[] => {
  const t = normaliseForMatching(text);
  return matchers[group].filter((m) => m.re.test(t)).map((m) => m.term.replace(/\*$/, ""));
};
