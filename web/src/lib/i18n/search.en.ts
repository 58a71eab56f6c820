/** The search boxes of the lists: what they search, in words. */
export const searchEn = {
  "search.notices": "Name, alias, UN reference or notice number",
  "search.records": "Name, alias, identifier, UN reference or notice number",
  "search.public": "Name, alias, UN reference or notice number",
  "search.hint":
    "Name parts match in any order and in part; a UN reference (QDi.299) or a notice number (2024/12345) matches exactly.",
} as const;
