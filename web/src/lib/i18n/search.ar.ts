import type { searchEn } from "./search.en.ts";

export const searchAr: Record<keyof typeof searchEn, string> = {
  "search.notices": "الاسم أو الاسم المستعار أو مرجع الأمم المتحدة أو رقم النشرة",
  "search.records": "الاسم أو الاسم المستعار أو المعرّف أو مرجع الأمم المتحدة أو رقم النشرة",
  "search.public": "الاسم أو الاسم المستعار أو مرجع الأمم المتحدة أو رقم النشرة",
  "search.hint":
    "تُطابَق أجزاء الاسم بأي ترتيب وجزئيًا؛ أما مرجع الأمم المتحدة (QDi.299) أو رقم النشرة (2024/12345) فيجب أن يكون مطابقًا تمامًا.",
};
