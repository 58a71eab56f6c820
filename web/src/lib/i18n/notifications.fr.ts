import type { notificationsEn } from "./notifications.en.ts";

/** La cloche des notifications, ses annonces en direct et le centre de notifications. Français. */
export const notificationsFr: Record<keyof typeof notificationsEn, string> = {
  "notif.bell.label":
    "{count, plural, =0 {Notifications, aucune non lue} one {Notifications, # non lue} other {Notifications, # non lues}}",
  "notif.live.new": "Nouvelle notification : {text}",
  "notif.live.lost": "Les notifications en direct se reconnectent.",
  "notif.title": "Notifications",
  "notif.intro":
    "Ce qui est arrivé à vos notices, diffusions, signalements et demandes de traçage, et les concordances sur vos fiches. Elles sont conservées jusqu'à ce que vous les lisiez.",
  "notif.unreadCount":
    "{count, plural, =0 {Rien de non lu} one {# notification non lue} other {# notifications non lues}}",
  "notif.filter.label": "Afficher",
  "notif.filter.all": "Toutes",
  "notif.filter.unread": "Non lues seulement",
  "notif.readAll": "Tout marquer comme lu",
  "notif.readAllDone":
    "{count, plural, =0 {Il ne restait rien à marquer.} one {# notification marquée comme lue.} other {# notifications marquées comme lues.}}",
  "notif.markRead": "Marquer comme lue : {text}",
  "notif.markReadShort": "Marquer comme lue",
  "notif.open": "Ouvrir",
  "notif.unread": "Non lue",
  "notif.empty": "Aucune notification pour l'instant.",
  "notif.emptyUnread": "Rien de non lu.",
  "notif.reasons": "Motifs : {reasons}",
  "notif.live.status": "En direct : les nouvelles notifications apparaissent ici dès leur arrivée.",
  "notif.live.reconnecting": "Connexion perdue ; reconnexion…",
  "notif.kind.notice.submitted": "Une demande de notice de {country} attend l'examen : {notice}",
  "notif.kind.notice.published": "Votre notice {notice} a été publiée.",
  "notif.kind.notice.refused": "Votre demande de notice {notice} a été refusée.",
  "notif.kind.notice.returned":
    "Votre demande de notice {notice} vous a été renvoyée pour complément d'information.",
  "notif.kind.notice.cancelled": "Votre notice {notice} a été annulée par le Secrétariat général.",
  "notif.kind.notice.suspended": "Votre notice {notice} a été suspendue par le Secrétariat général.",
  "notif.kind.notice.expired": "Votre notice {notice} a expiré.",
  "notif.kind.notice.renewal_due":
    "Votre notice {notice} expire le {date} : renouvelez-la ou laissez-la expirer.",
  "notif.kind.diffusion.received": "Nouvelle diffusion de {country} : {title}",
  "notif.kind.diffusion.awaiting_review": "Une diffusion de {country} attend l'examen : {title}",
  "notif.kind.diffusion.confirmed": "Le Secrétariat général a confirmé la diffusion « {title} ».",
  "notif.kind.diffusion.cancelled": "Le Secrétariat général a annulé la diffusion « {title} ».",
  "notif.kind.referral.answered":
    "{platform} a répondu à votre signalement : {outcome, select, removed {contenu retiré} geo_blocked {contenu bloqué dans certains pays} refused {signalement refusé} other {réponse reçue}}.",
  "notif.kind.trace.received": "Nouvelle demande de traçage de {country}, à traiter avant le {date}.",
  "notif.kind.trace.answered": "{country} a répondu à votre demande de traçage.",
  "notif.kind.trace.declined": "{country} a décliné votre demande de traçage.",
  "notif.kind.hit.received":
    "Un contrôle effectué par {country} a produit une concordance sur votre fiche {what}.",
  "notif.unnamed": "(sans nom)",
};
