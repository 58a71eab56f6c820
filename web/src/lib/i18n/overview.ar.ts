import type { overviewEn } from "./overview.en.ts";

export const overviewAr: Record<keyof typeof overviewEn, string> = {
  "overview.notices": "النشرات",
  "overview.diffusions": "التعميمات",
  "overview.map.title": "النشرات والتعميمات حسب البلد",
  "overview.map.label":
    "خريطة العالم للنشرات والتعميمات حسب البلد الطالب. تنتقل مفاتيح الأسهم بين البلدان، ويعرض مفتاح الإدخال البلد في الجدول.",
  "overview.map.country":
    "{country}: {notices, plural, zero {لا نشرات} one {نشرة واحدة} two {نشرتان} few {# نشرات} many {# نشرة} other {# نشرة}}، {diffusions, plural, zero {لا تعميمات} one {تعميم واحد} two {تعميمان} few {# تعميمات} many {# تعميمًا} other {# تعميم}}",
  "overview.map.legend": "النشرات والتعميمات",
  "overview.map.none": "لا شيء",
  "overview.map.range": "من {from} إلى {to}",
  "overview.map.selected": "لا يعرض الجدول إلا: {country}.",
  "overview.map.clear": "عرض كل البلدان",
  "overview.map.loading": "جارٍ تحميل الخريطة…",
};
