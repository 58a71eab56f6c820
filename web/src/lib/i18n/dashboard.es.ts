import type { dashboardEn } from "./dashboard.en.ts";

/** El panel de la página de inicio: lo que espera a cada función. Español. */
export const dashboardEs: Record<keyof typeof dashboardEn, string> = {
  "dash.title": "Lo que le espera ahora",
  "dash.intro":
    "Los recuentos, y los elementos que más tiempo llevan esperando o que vencen antes. Cada uno abre su registro.",
  "dash.allClear": "Nada le espera por ahora.",
  "dash.noCards": "Su función no tiene colas que seguir aquí; sus secciones figuran más abajo.",
  "dash.updated": "Actualizado {time}",
  "dash.refresh": "Actualizar el panel",
  "dash.seeAll": "Ver todo: {card}",
  "dash.more": "{count, plural, one {y # más} other {y # más}}",
  "dash.oldest": "Los que más esperan",
  "dash.card.noticesReturned": "Notificaciones que le han sido devueltas",
  "dash.count.noticesReturned":
    "{count, plural, =0 {Ninguna por completar} one {# solicitud por completar y reenviar} other {# solicitudes por completar y reenviar}}",
  "dash.card.noticesRefused": "Solicitudes de notificación rechazadas (últimos 30 días)",
  "dash.count.noticesRefused": "{count, plural, =0 {Ningún rechazo} one {# rechazo} other {# rechazos}}",
  "dash.card.diffusionsUnread": "Difusiones recibidas sin leer",
  "dash.count.diffusionsUnread":
    "{count, plural, =0 {Todas leídas} one {# difusión que nadie de su oficina ha abierto} other {# difusiones que nadie de su oficina ha abierto}}",
  "dash.card.noticesRenewal": "Notificaciones por renovar",
  "dash.count.noticesRenewal":
    "{count, plural, =0 {Ninguna por vencer} one {# notificación caduca en los próximos seis meses} other {# notificaciones caducan en los próximos seis meses}}",
  "dash.card.tracesOpen": "Solicitudes de rastreo por responder",
  "dash.count.tracesOpen":
    "{count, plural, =0 {Ninguna abierta} one {# solicitud abierta} other {# solicitudes abiertas}}",
  "dash.card.hitsPending": "Coincidencias con sus registros por decidir",
  "dash.count.hitsPending":
    "{count, plural, =0 {Ninguna pendiente} one {# coincidencia espera su decisión} other {# coincidencias esperan su decisión}}",
  "dash.card.reviewQueue": "Cola de revisión",
  "dash.count.reviewQueue":
    "{count, plural, =0 {Cola vacía} one {# solicitud espera revisión} other {# solicitudes esperan revisión}}",
  "dash.card.diffusionsUnreviewed": "Difusiones pendientes de revisión",
  "dash.count.diffusionsUnreviewed":
    "{count, plural, =0 {Ninguna pendiente} one {# difusión aún sin revisar} other {# difusiones aún sin revisar}}",
  "dash.card.referralsOverdue": "Remisiones fuera de plazo",
  "dash.count.referralsOverdue":
    "{count, plural, =0 {Ninguna vencida} one {# remisión vencida} other {# remisiones vencidas}}",
  "dash.card.referralsAwaiting": "Remisiones a la espera de la respuesta de la plataforma",
  "dash.count.referralsAwaiting":
    "{count, plural, =0 {Ninguna en espera} one {# remisión espera respuesta} other {# remisiones esperan respuesta}}",
  "dash.waiting": "esperando desde hace {duration}",
  "dash.ago": "hace {duration}",
  "dash.dueIn": "vence en {duration}",
  "dash.overdueBy": "vencida hace {duration}",
  "dash.expiresIn": "caduca en {duration} ({date})",
  "dash.lessThanMinute": "menos de un minuto",
  "dash.from": "de {country}",
  "dash.by": "control de {country}",
  "dash.untitled": "(sin título)",
};
