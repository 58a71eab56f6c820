import { useI18n } from "../../../../lib/i18n/index.tsx";
import type { NoticeDraft } from "../../draft/types.ts";
import { TypeBadge } from "../../parts.tsx";
import { LANGUAGES } from "../../types.ts";
import { LANGUAGE_NAMES } from "./shared.tsx";

/** Step 6: a summary of the request before it is saved or submitted. */
export function ReviewStep({ draft }: { draft: NoticeDraft }) {
  const { t } = useI18n();
  const p = draft.person;
  const name =
    draft.subjectKind === "person"
      ? [p.familyName, p.forenames].filter(Boolean).join(", ")
      : draft.subjectKind === "entity"
        ? draft.entity.name
        : "";
  const e = draft.envelope;
  return (
    <dl className="kv" data-testid="wizard-review">
      <dt>{t("notices.type")}</dt>
      <dd>{draft.type && <TypeBadge type={draft.type} />}</dd>
      <dt>{t("wizard.subjectKind")}</dt>
      <dd>{t(`subjectKind.${draft.subjectKind}`)}</dd>
      {name && (
        <>
          <dt>{t("notices.subject")}</dt>
          <dd>
            <bdi>{name}</bdi>
          </dd>
        </>
      )}
      <dt>{t("field.title")}</dt>
      <dd>
        <bdi>{draft.title.text || "—"}</bdi>
      </dd>
      <dt>{t("wizard.language")}</dt>
      <dd>{LANGUAGE_NAMES[draft.language]}</dd>
      <dt>{t("wizard.translations")}</dt>
      <dd>
        {LANGUAGES.filter((l) => l !== draft.language && draft.title.translations[l].trim())
          .map((l) => LANGUAGE_NAMES[l])
          .join(", ") || "—"}
      </dd>
      {draft.type === "red" && (
        <>
          <dt>{t("field.offences")}</dt>
          <dd>{draft.offences.length}</dd>
          <dt>{t("field.arrestWarrant")}</dt>
          <dd>
            <bdi>
              {[draft.warrant.issuingAuthority, draft.warrant.reference].filter(Boolean).join(" · ") || "—"}
            </bdi>
          </dd>
        </>
      )}
      <dt>{t("records.distribution")}</dt>
      <dd>
        {e.distribution === "all"
          ? t("distribution.all")
          : t(`distribution.${e.distribution}`, { countries: e.countries })}
      </dd>
      <dt>{t("records.handling")}</dt>
      <dd>
        {e.handlingCode} — {t(`handling.${e.handlingCode}`)}
      </dd>
      <dt>{t("notices.publicExtract")}</dt>
      <dd data-testid="wizard-review-public">{draft.publicExtract ? t("common.yes") : t("common.no")}</dd>
    </dl>
  );
}
