import { SelectField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { emptyAsset } from "../../draft/defaults.ts";
import type { AssetDraft } from "../../draft/types.ts";
import { ASSET_TYPES } from "../../types.ts";
import { CountryField, type StepProps } from "./shared.tsx";

/** The assets a silver notice traces, any number of them. */
export function Assets({ draft, update }: StepProps) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<AssetDraft>) =>
    update({ assets: draft.assets.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <section aria-label={t("field.assets")}>
      {draft.assets.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: assets have no identity of their own
        <fieldset key={i} className="group">
          <legend>{t("wizard.assetN", { n: i + 1 })}</legend>
          <div className="form-grid">
            <SelectField
              label={t("wizard.assetType")}
              value={a.assetType}
              onChange={(e) => set(i, { assetType: e.target.value })}
            >
              <option value="">{t("wizard.choose")}</option>
              {ASSET_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`assetType.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("wizard.description")}
              value={a.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
            <TextField
              label={t("wizard.identifier")}
              dir="ltr"
              value={a.identifier}
              onChange={(e) => set(i, { identifier: e.target.value })}
            />
            <CountryField
              label={t("common.country")}
              value={a.country}
              onChange={(v) => set(i, { country: v })}
            />
            <TextField
              label={t("wizard.valueEur")}
              inputMode="decimal"
              dir="ltr"
              value={a.value}
              onChange={(e) => set(i, { value: e.target.value })}
            />
          </div>
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => update({ assets: draft.assets.filter((_, j) => j !== i) })}
          >
            {t("wizard.removeAsset", { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => update({ assets: [...draft.assets, emptyAsset()] })}
      >
        {t("wizard.addAsset")}
      </button>
    </section>
  );
}
