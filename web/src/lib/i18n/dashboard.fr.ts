import type { dashboardEn } from "./dashboard.en.ts";

/** Le tableau de bord de la page d'accueil : ce qui attend chaque rôle. Français. */
export const dashboardFr: Record<keyof typeof dashboardEn, string> = {
  "dash.title": "Ce qui vous attend",
  "dash.intro":
    "Les décomptes, et les éléments qui attendent depuis le plus longtemps ou arrivent à échéance en premier. Chacun ouvre sa fiche.",
  "dash.allClear": "Rien ne vous attend pour l'instant.",
  "dash.noCards": "Votre rôle n'a pas de file à suivre ici ; vos rubriques sont listées ci-dessous.",
  "dash.updated": "Mis à jour {time}",
  "dash.refresh": "Actualiser le tableau de bord",
  "dash.seeAll": "Tout voir : {card}",
  "dash.more": "{count, plural, one {et # autre} other {et # autres}}",
  "dash.oldest": "En attente depuis le plus longtemps",
  "dash.card.noticesReturned": "Notices qui vous ont été renvoyées",
  "dash.count.noticesReturned":
    "{count, plural, =0 {Aucune à compléter} one {# demande à compléter et à soumettre à nouveau} other {# demandes à compléter et à soumettre à nouveau}}",
  "dash.card.noticesRefused": "Demandes de notice refusées (30 derniers jours)",
  "dash.count.noticesRefused": "{count, plural, =0 {Aucun refus} one {# refus} other {# refus}}",
  "dash.card.diffusionsUnread": "Diffusions reçues non lues",
  "dash.count.diffusionsUnread":
    "{count, plural, =0 {Toutes lues} one {# diffusion que personne de votre bureau n'a ouverte} other {# diffusions que personne de votre bureau n'a ouvertes}}",
  "dash.card.noticesRenewal": "Notices à renouveler",
  "dash.count.noticesRenewal":
    "{count, plural, =0 {Aucune à échéance} one {# notice expire dans les six mois} other {# notices expirent dans les six mois}}",
  "dash.card.tracesOpen": "Demandes de traçage à traiter",
  "dash.count.tracesOpen":
    "{count, plural, =0 {Aucune en cours} one {# demande en cours} other {# demandes en cours}}",
  "dash.card.hitsPending": "Concordances sur vos fiches à trancher",
  "dash.count.hitsPending":
    "{count, plural, =0 {Aucune en attente} one {# concordance attend votre décision} other {# concordances attendent votre décision}}",
  "dash.card.reviewQueue": "File d'examen",
  "dash.count.reviewQueue":
    "{count, plural, =0 {File vide} one {# demande attend l'examen} other {# demandes attendent l'examen}}",
  "dash.card.diffusionsUnreviewed": "Diffusions en attente d'examen",
  "dash.count.diffusionsUnreviewed":
    "{count, plural, =0 {Aucune en attente} one {# diffusion pas encore examinée} other {# diffusions pas encore examinées}}",
  "dash.card.referralsOverdue": "Signalements hors délai",
  "dash.count.referralsOverdue":
    "{count, plural, =0 {Aucun en retard} one {# signalement en retard} other {# signalements en retard}}",
  "dash.card.referralsAwaiting": "Signalements en attente de la réponse de la plateforme",
  "dash.count.referralsAwaiting":
    "{count, plural, =0 {Aucun en attente} one {# signalement attend une réponse} other {# signalements attendent une réponse}}",
  "dash.waiting": "en attente depuis {duration}",
  "dash.ago": "il y a {duration}",
  "dash.dueIn": "échéance dans {duration}",
  "dash.overdueBy": "en retard de {duration}",
  "dash.expiresIn": "expire dans {duration} ({date})",
  "dash.lessThanMinute": "moins d'une minute",
  "dash.from": "de {country}",
  "dash.by": "contrôle par {country}",
  "dash.untitled": "(sans titre)",
};
