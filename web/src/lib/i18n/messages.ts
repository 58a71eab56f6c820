import { ar } from "./ar.ts";
import { biometricsAr } from "./biometrics.ar.ts";
import { biometricsEn } from "./biometrics.en.ts";
import { biometricsEs } from "./biometrics.es.ts";
import { biometricsFr } from "./biometrics.fr.ts";
import { databasesAr } from "./databases.ar.ts";
import { databasesEn } from "./databases.en.ts";
import { databasesEs } from "./databases.es.ts";
import { databasesFr } from "./databases.fr.ts";
import { type MessageKey as BaseKey, en as baseEn } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { personsAr } from "./persons.ar.ts";
import { personsEn } from "./persons.en.ts";
import { personsEs } from "./persons.es.ts";
import { personsFr } from "./persons.fr.ts";
import { screeningAr } from "./screening.ar.ts";
import { screeningEn } from "./screening.en.ts";
import { screeningEs } from "./screening.es.ts";
import { screeningFr } from "./screening.fr.ts";

/**
 * Every dictionary, assembled. Each area keeps its texts in `<area>.<lang>.ts`: the English file is
 * the reference, and the others are typed `Record<keyof typeof <area>En, string>` so that a missing
 * key fails the type check (and the completeness test).
 */
export type MessageKey =
  | BaseKey
  | keyof typeof databasesEn
  | keyof typeof personsEn
  | keyof typeof screeningEn
  | keyof typeof biometricsEn;
export type Messages = Record<MessageKey, string>;

export const en: Messages = { ...baseEn, ...databasesEn, ...personsEn, ...screeningEn, ...biometricsEn };

export const DICTIONARIES = {
  en,
  fr: { ...fr, ...databasesFr, ...personsFr, ...screeningFr, ...biometricsFr },
  es: { ...es, ...databasesEs, ...personsEs, ...screeningEs, ...biometricsEs },
  ar: { ...ar, ...databasesAr, ...personsAr, ...screeningAr, ...biometricsAr },
} satisfies Record<string, Partial<Messages>>;
