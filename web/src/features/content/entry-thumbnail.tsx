import { useId, useRef, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/fields.tsx";
import { API_BASE, ApiError, api, withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { Role } from "../../lib/roles.ts";
import { segment } from "../../lib/router.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { MAX_IMAGE_BYTES } from "./types.ts";

/** Only these roles may see content itself; the server refuses everyone else (403) as well. */
const CONTENT_ROLES: readonly Role[] = ["content_analyst", "gs_analyst"];
export const seesContent = (role: Role) => CONTENT_ROLES.includes(role);

/**
 * A thumbnail of terrorist content, blurred until the analyst explicitly reveals it (and blurred again
 * with Hide), so nobody is exposed to the material by merely opening a bank.
 */
export function EntryThumbnail({ entryId }: { entryId: number }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(false);
  const [failed, setFailed] = useState(false);
  if (failed) return <span className="muted">{t("content.thumbUnavailable")}</span>;
  return (
    <div className="thumb" data-testid={`thumb-${entryId}`}>
      <img
        src={`${API_BASE}/content/entries/${entryId}/thumbnail`}
        alt={t("content.thumbAlt", { id: entryId })}
        className={revealed ? "thumb-img" : "thumb-img thumb-blurred"}
        data-revealed={revealed ? "true" : "false"}
        loading="lazy"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
        data-testid={`thumb-img-${entryId}`}
      />
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={revealed}
        aria-label={t(revealed ? "content.thumbHideLabel" : "content.thumbRevealLabel", { id: entryId })}
        onClick={() => setRevealed((r) => !r)}
        data-testid={`thumb-toggle-${entryId}`}
      >
        {t(revealed ? "content.thumbHide" : "content.thumbReveal")}
      </button>
    </div>
  );
}

type ImageEntryResult = { created: number; quality: number; entries: { id: number }[] };

const IMAGE_ERRORS: Record<
  string,
  "content.imageUnreadable" | "content.imageTooLarge" | "content.imageUnsupported"
> = {
  unprocessable: "content.imageUnreadable",
  bad_request: "content.imageUnreadable",
  payload_too_large: "content.imageTooLarge",
  unsupported_media_type: "content.imageUnsupported",
};

/** Adds the PDQ, MD5 and SHA-256 of an image; the server keeps a thumbnail, never the file. */
export function AddFromImageForm({ bankId, onAdded }: { bankId: string; onAdded: () => void }) {
  const { t, num } = useI18n();
  const fileId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [labels, setLabels] = useState("");
  const [localError, setLocalError] = useState("");
  const [done, setDone] = useState<ImageEntryResult | null>(null);
  const { pending, error, handler } = useSubmit();

  const choose = (f: File | null) => {
    setFile(f);
    setDone(null);
    setLocalError("");
    if (f?.type && !f.type.startsWith("image/")) setLocalError(t("content.notImage", { type: f.type }));
    else if (f && f.size > MAX_IMAGE_BYTES)
      setLocalError(t("content.tooBig", { size: num(Math.round(f.size / 1024 / 1024)), max: num(20) }));
  };

  const submit = handler(async () => {
    if (!file) return;
    setDone(null);
    try {
      const r = await api<ImageEntryResult>(
        withQuery(`/content/banks/${segment(bankId)}/entries/image`, { labels: labels.trim() || undefined }),
        { method: "POST", raw: { body: file, contentType: file.type || "application/octet-stream" } },
      );
      setDone(r);
      setFile(null);
      if (fileRef.current) fileRef.current.value = "";
      onAdded();
    } catch (e) {
      const key = e instanceof ApiError ? IMAGE_ERRORS[e.code] : undefined;
      if (key) setLocalError(t(key));
      else throw e;
    }
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="add-image-heading"
      data-testid="add-image-form"
    >
      <h2 id="add-image-heading">{t("content.addFromImage")}</h2>
      <p className="hint">{t("content.addFromImageHint")}</p>
      <div className="field">
        <label htmlFor={fileId}>{t("content.imageFile")}</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept="image/*"
          aria-describedby={hintId}
          aria-invalid={localError ? true : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          data-testid="add-image-file"
        />
        <small id={hintId} className="hint">
          {t("content.imageHint")}
        </small>
      </div>
      <TextField
        label={t("content.labels")}
        hint={t("content.labelsHint")}
        dir="ltr"
        value={labels}
        onChange={(e) => setLabels(e.target.value)}
        testId="add-image-labels"
      />
      {localError && (
        <p className="alert alert-error" role="alert" data-testid="add-image-error">
          {localError}
        </p>
      )}
      <ErrorAlert error={error} />
      <div role="status" className="status-line">
        {done && (
          <p className="alert alert-success" data-testid="add-image-result">
            {t("content.addedFromImage", { created: done.created, total: done.entries.length })}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || !file || localError !== ""}
          data-testid="add-image-submit"
        >
          {t("content.add")}
        </button>
      </div>
    </form>
  );
}
