import { DataState } from "../../../components/states.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { useApi } from "../../../lib/use-api.ts";
import { type NoticePhoto, photosPath, photoUrl } from "./api.ts";
import { PhotoUpload } from "./photo-upload.tsx";

/**
 * Face photos in the notice wizard. A photo belongs to a saved request, so choosing one first saves
 * the draft (`save`, the wizard's own), then sends the photo; the server's refusal (not an image,
 * too large, no face) is shown here, and the draft stays as it was typed.
 */
export function WizardPhotos({
  noticeId,
  save,
  canPublish,
  name,
}: {
  noticeId: string | undefined;
  save: () => Promise<string>;
  canPublish: boolean;
  /** The subject's name as typed, for the photos' text alternatives. */
  name: string;
}) {
  const { t } = useI18n();
  const state = useApi<{ items: NoticePhoto[] }>(noticeId ? photosPath(noticeId) : null);
  return (
    <fieldset className="group wizard-photos" data-testid="wizard-photos">
      <legend>{t("photos.wizard.heading")}</legend>
      <p className="hint">{t("photos.wizard.hint")}</p>
      {noticeId && (
        <DataState {...state}>
          {(data) => (
            <ul className="photo-grid photo-grid-small">
              {data.items
                .filter((p) => p.retractedAt === null)
                .map((p, i) => (
                  <li key={p.id} className="photo-item" data-testid="wizard-photo">
                    <img
                      src={photoUrl(noticeId, p.id)}
                      alt={t("photos.alt", { n: i + 1, name })}
                      width={p.width}
                      height={p.height}
                    />
                    {p.public && <span className="badge badge-on">{t("photos.publicBadge")}</span>}
                  </li>
                ))}
            </ul>
          )}
        </DataState>
      )}
      <PhotoUpload
        target={async () => noticeId ?? (await save())}
        canPublish={canPublish}
        onAdded={() => state.reload()}
        testId="wizard-photo-upload"
      />
    </fieldset>
  );
}
