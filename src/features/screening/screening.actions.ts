import { internationalEntities, memberCountry } from "../../storage/seed/countries.ts";
import { type NoticeType, noticeCatalogue } from "../notices/rules/notice-types.ts";

/*
 * What the officer at the border is told to do, and whom to call. The action follows the kind of
 * record hit (a notice's type, a diffusion's kind, a stolen document) - never its file. A discreet
 * check tells the officer nothing but to let the traveller go on; the owner learns of the sighting.
 */

export const DISCREET_ACTION =
  "No action. Let the traveller continue as any other; do not question them about this check or tell them of it.";

const diffusionActions: Record<string, string> = {
  arrest:
    "Detain the person if national law allows and contact the National Central Bureau that sent the diffusion at once; an arrest diffusion asks for provisional arrest.",
  locate:
    "Note where and when the person was seen and report it to the National Central Bureau that sent the diffusion.",
  information: "Report the encounter to the National Central Bureau that sent the diffusion.",
  warning:
    "Take the warning into account: the person may be dangerous. Report the encounter to the National Central Bureau that sent the diffusion.",
};

const documentActions: Record<string, string> = {
  stolen:
    "The document is reported stolen: do not accept it; retain it if national law allows and contact the issuing country's National Central Bureau.",
  lost: "The document is reported lost: do not accept it; verify the holder's identity and contact the issuing country's National Central Bureau.",
  revoked:
    "The document has been revoked: do not accept it; retain it if national law allows and contact the issuing country's National Central Bureau.",
  invalidated:
    "The document has been invalidated: do not accept it; contact the issuing country's National Central Bureau.",
};

const objectActions = {
  firearm:
    "The firearm is reported lost, stolen or trafficked: seize it if national law allows, and contact the owning National Central Bureau to trace it.",
  vehicle:
    "The vehicle is reported stolen or wanted: stop it if national law allows and contact the owning National Central Bureau.",
};

const PERSON_ACTION =
  "The person is recorded in the police databases: verify the traveller's identity and contact the owning National Central Bureau before any further step.";

export type ActionKind = "notice" | "diffusion" | "person" | "document" | "firearm" | "vehicle";

/** The instruction for a hit on a record of `kind` and `category` (notice type, diffusion kind, document status). */
export function actionFor(kind: ActionKind, category: string, discreet: boolean): string {
  if (discreet) return DISCREET_ACTION;
  if (kind === "notice") return noticeCatalogue[category as NoticeType]?.action ?? PERSON_ACTION;
  if (kind === "diffusion") return diffusionActions[category] ?? PERSON_ACTION;
  if (kind === "document") return documentActions[category] ?? documentActions.invalidated ?? PERSON_ACTION;
  if (kind === "firearm" || kind === "vehicle") return objectActions[kind];
  return PERSON_ACTION;
}

/** The body to contact about a hit on a record owned by `owner`. */
export function contactFor(owner: string): { country: string; name: string } {
  const entity = internationalEntities.find((e) => e.code === owner);
  if (entity) return { country: owner, name: entity.name };
  const name = memberCountry(owner)?.name ?? owner;
  return { country: owner, name: `National Central Bureau of ${name}` };
}

/** Gravity, for the traveller's overall action: the first hit decides, most severe first. */
export function severity(kind: ActionKind, category: string, discreet: boolean): number {
  if (discreet) return 0;
  if (kind === "notice" && (category === "red" || category === "un_special")) return 5;
  if (kind === "diffusion" && category === "arrest") return 5;
  if (kind === "document" || kind === "firearm" || kind === "vehicle") return 4;
  if (kind === "notice" && category === "orange") return 4;
  return 3;
}
