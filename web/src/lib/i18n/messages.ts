import { ar } from "./ar.ts";
import { biometricsAr } from "./biometrics.ar.ts";
import { biometricsEn } from "./biometrics.en.ts";
import { biometricsEs } from "./biometrics.es.ts";
import { biometricsFr } from "./biometrics.fr.ts";
import { dashboardAr } from "./dashboard.ar.ts";
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardEs } from "./dashboard.es.ts";
import { dashboardFr } from "./dashboard.fr.ts";
import { databasesAr } from "./databases.ar.ts";
import { databasesEn } from "./databases.en.ts";
import { databasesEs } from "./databases.es.ts";
import { databasesFr } from "./databases.fr.ts";
import { deadendsAr } from "./deadends.ar.ts";
import { deadendsEn } from "./deadends.en.ts";
import { deadendsEs } from "./deadends.es.ts";
import { deadendsFr } from "./deadends.fr.ts";
import { type MessageKey as BaseKey, en as baseEn } from "./en.ts";
import { errorsAr } from "./errors.ar.ts";
import { errorsEn } from "./errors.en.ts";
import { errorsEs } from "./errors.es.ts";
import { errorsFr } from "./errors.fr.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { intlAr } from "./intl.ar.ts";
import { intlEn } from "./intl.en.ts";
import { intlEs } from "./intl.es.ts";
import { intlFr } from "./intl.fr.ts";
import { notificationsAr } from "./notifications.ar.ts";
import { notificationsEn } from "./notifications.en.ts";
import { notificationsEs } from "./notifications.es.ts";
import { notificationsFr } from "./notifications.fr.ts";
import { overviewAr } from "./overview.ar.ts";
import { overviewEn } from "./overview.en.ts";
import { overviewEs } from "./overview.es.ts";
import { overviewFr } from "./overview.fr.ts";
import { personsAr } from "./persons.ar.ts";
import { personsEn } from "./persons.en.ts";
import { personsEs } from "./persons.es.ts";
import { personsFr } from "./persons.fr.ts";
import { photosAr } from "./photos.ar.ts";
import { photosEn } from "./photos.en.ts";
import { photosEs } from "./photos.es.ts";
import { photosFr } from "./photos.fr.ts";
import { publicAr } from "./public.ar.ts";
import { publicEn } from "./public.en.ts";
import { publicEs } from "./public.es.ts";
import { publicFr } from "./public.fr.ts";
import { screeningAr } from "./screening.ar.ts";
import { screeningEn } from "./screening.en.ts";
import { screeningEs } from "./screening.es.ts";
import { screeningFr } from "./screening.fr.ts";
import { searchAr } from "./search.ar.ts";
import { searchEn } from "./search.en.ts";
import { searchEs } from "./search.es.ts";
import { searchFr } from "./search.fr.ts";

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
  | keyof typeof biometricsEn
  | keyof typeof intlEn
  | keyof typeof errorsEn
  | keyof typeof dashboardEn
  | keyof typeof notificationsEn
  | keyof typeof searchEn
  | keyof typeof publicEn
  | keyof typeof overviewEn
  | keyof typeof photosEn
  | keyof typeof deadendsEn;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  ...baseEn,
  ...databasesEn,
  ...personsEn,
  ...screeningEn,
  ...biometricsEn,
  ...intlEn,
  ...errorsEn,
  ...dashboardEn,
  ...notificationsEn,
  ...searchEn,
  ...publicEn,
  ...overviewEn,
  ...photosEn,
  ...deadendsEn,
};

export const DICTIONARIES = {
  en,
  fr: {
    ...fr,
    ...databasesFr,
    ...personsFr,
    ...screeningFr,
    ...biometricsFr,
    ...intlFr,
    ...errorsFr,
    ...dashboardFr,
    ...notificationsFr,
    ...searchFr,
    ...publicFr,
    ...overviewFr,
    ...photosFr,
    ...deadendsFr,
  },
  es: {
    ...es,
    ...databasesEs,
    ...personsEs,
    ...screeningEs,
    ...biometricsEs,
    ...intlEs,
    ...errorsEs,
    ...dashboardEs,
    ...notificationsEs,
    ...searchEs,
    ...publicEs,
    ...overviewEs,
    ...photosEs,
    ...deadendsEs,
  },
  ar: {
    ...ar,
    ...databasesAr,
    ...personsAr,
    ...screeningAr,
    ...biometricsAr,
    ...intlAr,
    ...errorsAr,
    ...dashboardAr,
    ...notificationsAr,
    ...searchAr,
    ...publicAr,
    ...overviewAr,
    ...photosAr,
    ...deadendsAr,
  },
} satisfies Record<string, Messages>;
