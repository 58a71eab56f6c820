import { SelectField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { useCatalogue } from "../../catalogue.ts";
import type { SubjectKind } from "../../types.ts";
import { PersonFields } from "./person-fields.tsx";
import type { StepProps } from "./shared.tsx";
import { EntityFields, EventFields, ModusOperandiFields, ObjectFields } from "./subject-kinds.tsx";

/** Step 2: the subject, of one of the kinds the notice type allows. */
export function SubjectStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const kinds = useCatalogue()(draft.type)?.subjectKinds ?? (["person"] as const);
  return (
    <>
      {kinds.length > 1 && (
        <SelectField
          label={t("wizard.subjectKind")}
          value={draft.subjectKind}
          onChange={(e) => update({ subjectKind: e.target.value as SubjectKind })}
          testId="wizard-subject-kind"
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`subjectKind.${k}`)}
            </option>
          ))}
        </SelectField>
      )}
      {draft.subjectKind === "person" && <PersonFields draft={draft} update={update} />}
      {draft.subjectKind === "entity" && <EntityFields draft={draft} update={update} />}
      {draft.subjectKind === "object" && <ObjectFields draft={draft} update={update} />}
      {draft.subjectKind === "event" && <EventFields draft={draft} update={update} />}
      {draft.subjectKind === "modus_operandi" && <ModusOperandiFields draft={draft} update={update} />}
    </>
  );
}
