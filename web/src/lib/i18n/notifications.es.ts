import type { notificationsEn } from "./notifications.en.ts";

/** La campana de notificaciones, sus avisos en directo y el centro de notificaciones. Español. */
export const notificationsEs: Record<keyof typeof notificationsEn, string> = {
  "notif.bell.label":
    "{count, plural, =0 {Notificaciones, ninguna sin leer} one {Notificaciones, # sin leer} other {Notificaciones, # sin leer}}",
  "notif.live.new": "Nueva notificación: {text}",
  "notif.live.lost": "Las notificaciones en directo se están reconectando.",
  "notif.title": "Notificaciones",
  "notif.intro":
    "Lo que ha ocurrido con sus notificaciones internacionales, difusiones, remisiones y solicitudes de rastreo, y las coincidencias con sus registros. Se conservan hasta que las lea.",
  "notif.unreadCount":
    "{count, plural, =0 {Nada sin leer} one {# notificación sin leer} other {# notificaciones sin leer}}",
  "notif.filter.label": "Mostrar",
  "notif.filter.all": "Todas",
  "notif.filter.unread": "Solo sin leer",
  "notif.readAll": "Marcar todo como leído",
  "notif.readAllDone":
    "{count, plural, =0 {No quedaba nada por marcar.} one {# notificación marcada como leída.} other {# notificaciones marcadas como leídas.}}",
  "notif.markRead": "Marcar como leída: {text}",
  "notif.markReadShort": "Marcar como leída",
  "notif.open": "Abrir",
  "notif.unread": "Sin leer",
  "notif.empty": "Todavía no hay notificaciones.",
  "notif.emptyUnread": "Nada sin leer.",
  "notif.reasons": "Motivos: {reasons}",
  "notif.live.status": "En directo: las nuevas notificaciones aparecen aquí en cuanto llegan.",
  "notif.live.reconnecting": "Conexión perdida; reconectando…",
  "notif.kind.notice.submitted": "Una solicitud de notificación de {country} espera revisión: {notice}",
  "notif.kind.notice.published": "Su notificación {notice} ha sido publicada.",
  "notif.kind.notice.refused": "Su solicitud de notificación {notice} ha sido rechazada.",
  "notif.kind.notice.returned":
    "Su solicitud de notificación {notice} le ha sido devuelta para que la complete.",
  "notif.kind.notice.cancelled": "La Secretaría General ha cancelado su notificación {notice}.",
  "notif.kind.notice.suspended": "La Secretaría General ha suspendido su notificación {notice}.",
  "notif.kind.notice.expired": "Su notificación {notice} ha caducado.",
  "notif.kind.notice.renewal_due": "Su notificación {notice} caduca el {date}: renuévela o déjela caducar.",
  "notif.kind.diffusion.received": "Nueva difusión de {country}: {title}",
  "notif.kind.diffusion.awaiting_review": "Una difusión de {country} espera revisión: {title}",
  "notif.kind.diffusion.confirmed": "La Secretaría General ha confirmado la difusión «{title}».",
  "notif.kind.diffusion.cancelled": "La Secretaría General ha cancelado la difusión «{title}».",
  "notif.kind.referral.answered":
    "{platform} ha respondido a su remisión: {outcome, select, removed {contenido retirado} geo_blocked {contenido bloqueado en algunos países} refused {remisión rechazada} other {respuesta recibida}}.",
  "notif.kind.trace.received": "Nueva solicitud de rastreo de {country}, con plazo hasta el {date}.",
  "notif.kind.trace.answered": "{country} ha respondido a su solicitud de rastreo.",
  "notif.kind.trace.declined": "{country} ha declinado su solicitud de rastreo.",
  "notif.kind.hit.received": "Un control de {country} ha dado coincidencia con su registro {what}.",
  "notif.unnamed": "(sin nombre)",
};
