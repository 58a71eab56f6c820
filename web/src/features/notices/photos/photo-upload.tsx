import { useState } from "react";
import { ErrorAlert, Notice as Status } from "../../../components/alert.tsx";
import { CheckboxField, TextField } from "../../../components/fields.tsx";
import { type MessageKey, useI18n } from "../../../lib/i18n/index.tsx";
import { type PhotoAdded, uploadPhoto } from "./api.ts";
import { photoErrorKey } from "./upload-errors.ts";

/**
 * Choosing a face photo sends it at once: the server checks it (a readable image, at most 10 MB, one
 * face) and says why when it refuses, in the reader's language. `target` names the notice, and may
 * first save it (the wizard's draft).
 */
export function PhotoUpload({
  target,
  canPublish,
  onAdded,
  testId = "photo-upload",
}: {
  target: () => Promise<string>;
  /** Offer the owner's consent to show the photo on the public extract. */
  canPublish: boolean;
  onAdded: (added: PhotoAdded) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<MessageKey | null>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      const added = await uploadPhoto(await target(), file, shown);
      setDone(added.created ? "photos.added" : "photos.alreadyThere");
      onAdded(added);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reason = photoErrorKey(error);
  return (
    <div className="photo-upload" data-testid={testId}>
      <TextField
        label={t("photos.file")}
        hint={t("photos.fileHint")}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        disabled={busy}
        onChange={(e) => {
          const field = e.currentTarget;
          // Cleared once sent, so that choosing the same file again sends it again.
          void send(field.files?.[0]).finally(() => {
            field.value = "";
          });
        }}
        testId={`${testId}-file`}
      />
      {canPublish && (
        <CheckboxField
          label={t("photos.publicOnUpload")}
          checked={shown}
          onChange={(e) => setShown(e.target.checked)}
          testId={`${testId}-public`}
        />
      )}
      {busy && (
        <p className="hint" role="status" data-testid={`${testId}-busy`}>
          {t("photos.uploading")}
        </p>
      )}
      {reason ? (
        <div className="alert alert-error" role="alert" data-testid={`${testId}-error`}>
          <p>{t(reason)}</p>
        </div>
      ) : (
        <ErrorAlert error={error} />
      )}
      {done && (
        <Status kind="success">
          <span data-testid={`${testId}-done`}>{t(done)}</span>
        </Status>
      )}
    </div>
  );
}
