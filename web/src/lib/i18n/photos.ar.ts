import type { photosEn } from "./photos.en.ts";

/** صور الشخص موضوع النشرة، وملف PDF للنشرة، وطباعتها. العربية. */
export const photosAr: Record<keyof typeof photosEn, string> = {
  "photos.heading": "صور الشخص",
  "photos.none": "لا توجد صورة للشخص.",
  "photos.alt": "صورة الوجه {n} لـ {name}",
  "photos.publicBadge": "على المستخرج العلني",
  "photos.publicToggle": "عرض الصورة {n} على المستخرج العلني",
  "photos.publicHint":
    "لا يعرض الموقع العلني إلا الصور المحددة هنا، ولا يعرضها إلا بعد نشر النشرة مع مستخرج علني. ويمكن سحب الموافقة في أي وقت.",
  "photos.retract": "سحب الصورة {n}",
  "photos.retractQuestion": "هل تريد سحب الصورة {n}؟",
  "photos.retractBody": "لن تُعرض بعد ذلك ولن تُطبع ولن تُنشر. وتبقى في سجل النشرة.",
  "photos.retractConfirm": "سحب الصورة",
  "photos.retractedCount":
    "{count, plural, zero {لا توجد صور مسحوبة في السجل.} one {صورة مسحوبة واحدة محفوظة في السجل.} two {صورتان مسحوبتان محفوظتان في السجل.} few {# صور مسحوبة محفوظة في السجل.} many {# صورة مسحوبة محفوظة في السجل.} other {# صورة مسحوبة محفوظة في السجل.}}",
  "photos.add": "إضافة صورة للوجه",
  "photos.file": "صورة وجه الشخص",
  "photos.fileHint":
    "بصيغة JPEG أو PNG أو WebP، بحجم 10 ميغابايت على الأكثر، تُظهر وجه الشخص وحده. وتُحفظ دون بياناتها الوصفية (آلة التصوير، موقع GPS).",
  "photos.publicOnUpload": "عرضها على المستخرج العلني",
  "photos.uploading": "جارٍ التحقق من الصورة…",
  "photos.added": "أُضيفت الصورة.",
  "photos.alreadyThere": "هذه الصورة مرفقة من قبل.",
  "photos.error.notImage": "هذا الملف ليس صورة يمكن قراءتها. اختر صورة بصيغة JPEG أو PNG أو WebP.",
  "photos.error.tooLarge": "هذه الصورة كبيرة جدًا: 10 ميغابايت على الأكثر.",
  "photos.error.type": "هذا النوع من الملفات غير مقبول. اختر صورة بصيغة JPEG أو PNG أو WebP.",
  "photos.error.noFace": "لم يُعثر على أي وجه في هذه الصورة. اختر صورة تُظهر وجه الشخص.",
  "photos.error.severalFaces": "عُثر على عدة وجوه في هذه الصورة. اختر صورة للشخص وحده.",
  "photos.error.tooSmall": "هذه الصورة أصغر من أن تُظهر وجهًا: 32 بكسلًا على الأقل لكل ضلع.",
  "photos.error.notDraft": "لا يمكن إضافة الصور إلا ما دام الطلب مسودة.",
  "photos.error.tooMany": "لا تضم النشرة أكثر من 20 صورة. اسحب صورة أولًا.",
  "photos.wizard.heading": "صور الوجه",
  "photos.wizard.hint": "عند اختيار صورة يُحفظ الطلب أولًا كمسودة، ثم يُتحقق من الصورة وتُرفق به.",
  "photos.downloadPdf": "تنزيل بصيغة PDF",
  "photos.downloadPdfLabel": "تنزيل بصيغة PDF: النشرة {number}",
  "photos.print": "طباعة",
  "photos.printLabel": "طباعة النشرة {number}",
  "photos.printedOn": "طُبعت في {date} بواسطة {user}. المعالجة: {handling}.",
  "photos.draftNumber": "مسودة",
  "photos.publicAlt": "صورة {name}",
};
