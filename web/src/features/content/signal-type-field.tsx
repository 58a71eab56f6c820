import { SelectField } from "../../components/fields.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { SIGNAL_TYPES, type SignalType } from "./types.ts";

/** The signal-type picker shared by the add-entry, check and import forms. */
export function SignalTypeField({
  value,
  onChange,
  testId,
}: {
  value: SignalType;
  onChange: (type: SignalType) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t("content.signalType")}
      value={value}
      onChange={(e) => onChange(e.target.value as SignalType)}
      testId={testId}
    >
      {SIGNAL_TYPES.map((s) => (
        <option key={s} value={s}>
          {t(`content.signal.${s}`)}
        </option>
      ))}
    </SelectField>
  );
}
