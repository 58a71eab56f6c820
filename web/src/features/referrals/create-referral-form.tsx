import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { api } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { LEGAL_BASES, type LegalBasis, type Referral } from "./types.ts";

const OTHER = "other";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface KnownPlatform {
  id: string;
  name: string;
}

interface Draft {
  platform: string;
  platformId: string;
  url: string;
  entryId: string;
  legalBasis: LegalBasis;
  deadline: string;
  note: string;
}

/**
 * Refers a URL, a bank entry or both to a platform. The API offers no list of platforms to a referral
 * unit, so known platforms come from earlier referrals and any other is entered by its client ID.
 */
export function CreateReferralForm({
  platforms,
  initialEntryId,
  onCreated,
  onCancel,
}: {
  platforms: KnownPlatform[];
  initialEntryId: string;
  onCreated: (r: Referral) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>({
    platform: platforms[0]?.id ?? OTHER,
    platformId: "",
    url: "",
    entryId: initialEntryId,
    legalBasis: "voluntary",
    deadline: "",
    note: "",
  });
  const { pending, error, handler } = useSubmit();
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const platformClientId = draft.platform === OTHER ? draft.platformId.trim() : draft.platform;
  const badId = draft.platform === OTHER && draft.platformId.trim() !== "" && !UUID_RE.test(platformClientId);

  const submit = handler(async () => {
    const entry = draft.entryId.trim();
    const body = {
      platformClientId,
      ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
      ...(entry ? { hashEntryId: Number(entry) } : {}),
      legalBasis: draft.legalBasis,
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      ...(draft.legalBasis === "voluntary" && draft.deadline
        ? { deadline: new Date(draft.deadline).toISOString() }
        : {}),
    };
    onCreated(await api<Referral>("/content/referrals", { method: "POST", body }));
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
      <SelectField
        label={t("referrals.platform")}
        value={draft.platform}
        onChange={set("platform")}
        testId="referral-platform"
      >
        {platforms.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value={OTHER}>{t("referrals.otherPlatform")}</option>
      </SelectField>
      {draft.platform === OTHER && (
        <TextField
          label={t("referrals.platformId")}
          hint={badId ? t("referrals.platformIdInvalid") : t("referrals.platformIdHint")}
          required
          dir="ltr"
          autoComplete="off"
          aria-invalid={badId ? true : undefined}
          value={draft.platformId}
          onChange={set("platformId")}
          testId="referral-platform-id"
        />
      )}
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
          disabled={pending || !platformClientId || badId || (!draft.url.trim() && !draft.entryId.trim())}
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
