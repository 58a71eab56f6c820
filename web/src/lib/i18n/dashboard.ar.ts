import type { dashboardEn } from "./dashboard.en.ts";

/** لوحة المتابعة في الصفحة الرئيسية: ما ينتظر كل دور الآن. العربية. */
export const dashboardAr: Record<keyof typeof dashboardEn, string> = {
  "dash.title": "ما ينتظرك الآن",
  "dash.intro": "الأعداد، والعناصر التي طال انتظارها أو يحل موعدها أولًا. يفتح كل عنصر سجله.",
  "dash.allClear": "لا شيء ينتظرك الآن.",
  "dash.noCards": "ليس لدورك قائمة انتظار تتابعها هنا؛ أقسامك مدرجة أدناه.",
  "dash.updated": "حُدِّثت {time}",
  "dash.refresh": "تحديث لوحة المتابعة",
  "dash.seeAll": "عرض الكل: {card}",
  "dash.more":
    "{count, plural, zero {ولا مزيد} one {وعنصر آخر} two {وعنصران آخران} few {و# عناصر أخرى} many {و# عنصرًا آخر} other {و# عنصر آخر}}",
  "dash.oldest": "الأطول انتظارًا",
  "dash.card.noticesReturned": "نشرات أُعيدت إليك",
  "dash.count.noticesReturned":
    "{count, plural, zero {لا طلبات للاستكمال} one {طلب واحد للاستكمال وإعادة التقديم} two {طلبان للاستكمال وإعادة التقديم} few {# طلبات للاستكمال وإعادة التقديم} many {# طلبًا للاستكمال وإعادة التقديم} other {# طلب للاستكمال وإعادة التقديم}}",
  "dash.card.noticesRefused": "طلبات نشرات مرفوضة (آخر 30 يومًا)",
  "dash.count.noticesRefused":
    "{count, plural, zero {لا رفض} one {رفض واحد} two {رفضان} few {# حالات رفض} many {# حالة رفض} other {# حالة رفض}}",
  "dash.card.diffusionsUnread": "تعميمات واردة لم تُقرأ",
  "dash.count.diffusionsUnread":
    "{count, plural, zero {قُرئت كلها} one {تعميم واحد لم يفتحه أحد في مكتبك} two {تعميمان لم يفتحهما أحد في مكتبك} few {# تعميمات لم يفتحها أحد في مكتبك} many {# تعميمًا لم يفتحه أحد في مكتبك} other {# تعميم لم يفتحه أحد في مكتبك}}",
  "dash.card.noticesRenewal": "نشرات مستحقة التجديد",
  "dash.count.noticesRenewal":
    "{count, plural, zero {لا نشرات مستحقة} one {نشرة واحدة تنتهي خلال ستة أشهر} two {نشرتان تنتهيان خلال ستة أشهر} few {# نشرات تنتهي خلال ستة أشهر} many {# نشرةً تنتهي خلال ستة أشهر} other {# نشرة تنتهي خلال ستة أشهر}}",
  "dash.card.tracesOpen": "طلبات تعقب بانتظار ردك",
  "dash.count.tracesOpen":
    "{count, plural, zero {لا طلبات مفتوحة} one {طلب مفتوح واحد} two {طلبان مفتوحان} few {# طلبات مفتوحة} many {# طلبًا مفتوحًا} other {# طلب مفتوح}}",
  "dash.card.hitsPending": "تطابقات مع سجلاتك بانتظار قرارك",
  "dash.count.hitsPending":
    "{count, plural, zero {لا تطابقات معلقة} one {تطابق واحد بانتظار قرارك} two {تطابقان بانتظار قرارك} few {# تطابقات بانتظار قرارك} many {# تطابقًا بانتظار قرارك} other {# تطابق بانتظار قرارك}}",
  "dash.card.reviewQueue": "قائمة المراجعة",
  "dash.count.reviewQueue":
    "{count, plural, zero {القائمة فارغة} one {طلب واحد بانتظار المراجعة} two {طلبان بانتظار المراجعة} few {# طلبات بانتظار المراجعة} many {# طلبًا بانتظار المراجعة} other {# طلب بانتظار المراجعة}}",
  "dash.card.diffusionsUnreviewed": "تعميمات بانتظار المراجعة",
  "dash.count.diffusionsUnreviewed":
    "{count, plural, zero {لا تعميمات منتظرة} one {تعميم واحد لم يُراجَع بعد} two {تعميمان لم يُراجَعا بعد} few {# تعميمات لم تُراجَع بعد} many {# تعميمًا لم يُراجَع بعد} other {# تعميم لم يُراجَع بعد}}",
  "dash.card.referralsOverdue": "إحالات تجاوزت موعدها النهائي",
  "dash.count.referralsOverdue":
    "{count, plural, zero {لا إحالات متأخرة} one {إحالة واحدة متأخرة} two {إحالتان متأخرتان} few {# إحالات متأخرة} many {# إحالةً متأخرة} other {# إحالة متأخرة}}",
  "dash.card.referralsAwaiting": "إحالات بانتظار رد المنصة",
  "dash.count.referralsAwaiting":
    "{count, plural, zero {لا إحالات منتظرة} one {إحالة واحدة بانتظار الرد} two {إحالتان بانتظار الرد} few {# إحالات بانتظار الرد} many {# إحالةً بانتظار الرد} other {# إحالة بانتظار الرد}}",
  "dash.waiting": "بالانتظار منذ {duration}",
  "dash.ago": "منذ {duration}",
  "dash.dueIn": "يحل موعدها بعد {duration}",
  "dash.overdueBy": "متأخرة {duration}",
  "dash.expiresIn": "تنتهي بعد {duration} ({date})",
  "dash.lessThanMinute": "أقل من دقيقة",
  "dash.from": "من {country}",
  "dash.by": "فحص أجراه {country}",
  "dash.untitled": "(بلا عنوان)",
};
