import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { PartnerPicker } from "./partner-picker.tsx";
import { LEGAL_BASES, type LegalBasis, type Partner, type Referral } from "./types.ts";

interface Draft {
  url: string;
  entryId: string;
  legalBasis: LegalBasis;
  deadline: string;
  note: string;
}

/** Refers a URL, a bank entry or both to a platform picked by name from the directory of partners. */
export function CreateReferralForm({
  initialEntryId,
  onCreated,
  onCancel,
}: {
  initialEntryId: string;
  onCreated: (r: Referral) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [partner, setPartner] = useState<Partner | null>(null);
  const [draft, setDraft] = useState<Draft>({
    url: "",
    entryId: initialEntryId,
    legalBasis: "voluntary",
    deadline: "",
    note: "",
  });
  const { pending, error, handler } = useSubmit();
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = handler(async () => {
    const entry = draft.entryId.trim();
    if (!partner) return;
    const body = {
      partnerId: partner.id,
      ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
      ...(entry ? { hashEntryId: Number(entry) } : {}),
      legalBasis: draft.legalBasis,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      ...(draft.legalBasis === "voluntary" && draft.deadline
        ? { deadline: new Date(draft.deadline).toISOString() }
        : {}),
    };
    onCreated(await data(client.POST("/api/v1/content/referrals", { body })));
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="referral-form-heading"
      data-testid="referral-form"
    >
      <h2 id="referral-form-heading">{t("referrals.new")}</h2>
      <ErrorAlert error={error} />
      <PartnerPicker value={partner} onChange={setPartner} />
      <TextField
        label={t("referrals.url")}
        hint={t("referrals.targetHint")}
        type="url"
        dir="ltr"
        maxLength={2000}
        placeholder="https://"
        value={draft.url}
        onChange={set("url")}
        testId="referral-url"
      />
      <TextField
        label={t("referrals.entryId")}
        type="number"
        min={1}
        dir="ltr"
        value={draft.entryId}
        onChange={set("entryId")}
        testId="referral-entry"
      />
      <SelectField
        label={t("referrals.legalBasis")}
        hint={draft.legalBasis === "removal_order" ? t("referrals.removalOrderHint") : undefined}
        value={draft.legalBasis}
        onChange={set("legalBasis")}
        testId="referral-legal-basis"
      >
        {LEGAL_BASES.map((b) => (
          <option key={b} value={b}>
            {t(`referrals.basis.${b}`)}
          </option>
        ))}
      </SelectField>
      {draft.legalBasis === "voluntary" && (
        <TextField
          label={t("referrals.requestedDeadline")}
          hint={t("referrals.requestedDeadlineHint")}
          type="datetime-local"
          value={draft.deadline}
          onChange={set("deadline")}
          testId="referral-deadline"
        />
      )}
      <TextField
        label={t("referrals.note")}
        maxLength={2000}
        value={draft.note}
        onChange={set("note")}
        testId="referral-note"
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || !partner || (!draft.url.trim() && !draft.entryId.trim())}
          data-testid="referral-submit"
        >
          {draft.legalBasis === "removal_order" ? t("referrals.issueOrder") : t("referrals.submit")}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
