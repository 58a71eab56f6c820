import type { searchEn } from "./search.en.ts";

export const searchEs: Record<keyof typeof searchEn, string> = {
  "search.notices": "Nombre, alias, referencia de la ONU o número de notificación",
  "search.records": "Nombre, alias, identificador, referencia de la ONU o número de notificación",
  "search.public": "Nombre, alias, referencia de la ONU o número de notificación",
  "search.hint":
    "Las partes del nombre se encuentran en cualquier orden y de forma parcial; una referencia de la ONU (QDi.299) o un número de notificación (2024/12345) debe ser exacto.",
};
