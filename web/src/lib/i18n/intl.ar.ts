import type { intlEn } from "./intl.en.ts";

export const intlAr: Record<keyof typeof intlEn, string> = {
  "pager.statusAtLeast":
    "الصفحة {page} من {pages} على الأقل · {total, plural, zero {لا نتائج} one {نتيجة واحدة} two {نتيجتان على الأقل} few {# نتائج على الأقل} many {# نتيجة على الأقل} other {# نتيجة على الأقل}}",
  "country.XG": "الأمانة العامة للإنتربول",
  "country.XU": "الأمم المتحدة",
  "country.XI": "المحكمة الجنائية الدولية",
  "country.XR": "الآلية الدولية لتصريف الأعمال المتبقية للمحكمتين الجنائيتين",
};
