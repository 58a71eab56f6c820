import type { notificationsEn } from "./notifications.en.ts";

/** جرس الإشعارات وإعلاناته الفورية ومركز الإشعارات. العربية. */
export const notificationsAr: Record<keyof typeof notificationsEn, string> = {
  "notif.bell.label":
    "{count, plural, zero {الإشعارات، لا شيء غير مقروء} one {الإشعارات، إشعار واحد غير مقروء} two {الإشعارات، إشعاران غير مقروءين} few {الإشعارات، # إشعارات غير مقروءة} many {الإشعارات، # إشعارًا غير مقروء} other {الإشعارات، # إشعار غير مقروء}}",
  "notif.live.new": "إشعار جديد: {text}",
  "notif.live.lost": "جارٍ إعادة الاتصال لتلقي الإشعارات الفورية.",
  "notif.title": "الإشعارات",
  "notif.intro":
    "ما طرأ على نشراتك وتعميماتك وإحالاتك وطلبات التعقب، والتطابقات مع سجلاتك. تُحفظ الإشعارات إلى أن تقرأها.",
  "notif.unreadCount":
    "{count, plural, zero {لا شيء غير مقروء} one {إشعار واحد غير مقروء} two {إشعاران غير مقروءين} few {# إشعارات غير مقروءة} many {# إشعارًا غير مقروء} other {# إشعار غير مقروء}}",
  "notif.filter.label": "عرض",
  "notif.filter.all": "الكل",
  "notif.filter.unread": "غير المقروءة فقط",
  "notif.readAll": "تعليم الكل كمقروء",
  "notif.readAllDone":
    "{count, plural, zero {لم يبقَ شيء لتعليمه.} one {عُلِّم إشعار واحد كمقروء.} two {عُلِّم إشعاران كمقروءين.} few {عُلِّمت # إشعارات كمقروءة.} many {عُلِّم # إشعارًا كمقروء.} other {عُلِّم # إشعار كمقروء.}}",
  "notif.markRead": "تعليم كمقروء: {text}",
  "notif.markReadShort": "تعليم كمقروء",
  "notif.open": "فتح",
  "notif.unread": "غير مقروء",
  "notif.empty": "لا توجد إشعارات بعد.",
  "notif.emptyUnread": "لا شيء غير مقروء.",
  "notif.reasons": "الأسباب: {reasons}",
  "notif.live.status": "مباشر: تظهر الإشعارات الجديدة هنا فور وصولها.",
  "notif.live.reconnecting": "انقطع الاتصال؛ جارٍ إعادة الاتصال…",
  "notif.kind.notice.submitted": "طلب نشرة من {country} بانتظار المراجعة: {notice}",
  "notif.kind.notice.published": "نُشرت نشرتك {notice}.",
  "notif.kind.notice.refused": "رُفض طلب نشرتك {notice}.",
  "notif.kind.notice.returned": "أُعيد إليك طلب نشرتك {notice} لاستكمال المعلومات.",
  "notif.kind.notice.cancelled": "ألغت الأمانة العامة نشرتك {notice}.",
  "notif.kind.notice.suspended": "علّقت الأمانة العامة نشرتك {notice}.",
  "notif.kind.notice.expired": "انتهت صلاحية نشرتك {notice}.",
  "notif.kind.notice.renewal_due": "تنتهي صلاحية نشرتك {notice} في {date}: جدّدها أو اتركها تنتهي.",
  "notif.kind.diffusion.received": "تعميم جديد من {country}: {title}",
  "notif.kind.diffusion.awaiting_review": "تعميم من {country} بانتظار المراجعة: {title}",
  "notif.kind.diffusion.confirmed": "أكدت الأمانة العامة التعميم «{title}».",
  "notif.kind.diffusion.cancelled": "ألغت الأمانة العامة التعميم «{title}».",
  "notif.kind.referral.answered":
    "ردّت {platform} على إحالتك: {outcome, select, removed {أُزيل المحتوى} geo_blocked {حُجب المحتوى في بعض البلدان} refused {رُفضت الإحالة} other {ورد الرد}}.",
  "notif.kind.trace.received": "طلب تعقب جديد من {country}، موعده النهائي {date}.",
  "notif.kind.trace.answered": "ردّ {country} على طلب التعقب الخاص بك.",
  "notif.kind.trace.declined": "اعتذر {country} عن طلب التعقب الخاص بك.",
  "notif.kind.hit.received": "أسفر فحص أجراه {country} عن تطابق مع سجلك {what}.",
  "notif.unnamed": "(بلا اسم)",
};
