import { useState } from "react";
import { ErrorAlert } from "../../../components/alert.tsx";
import { ConfirmButton } from "../../../components/confirm-button.tsx";
import { CheckboxField } from "../../../components/fields.tsx";
import { DataState } from "../../../components/states.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { useMe } from "../../../lib/session.tsx";
import { useApi } from "../../../lib/use-api.ts";
import type { Notice } from "../types.ts";
import { type NoticePhoto, photosPath, photoUrl, retractPhoto, setPhotoConsent } from "./api.ts";
import { PhotoUpload } from "./photo-upload.tsx";

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** The subject's names as the request holds them, for the photos' text alternatives. */
export function subjectName(n: Notice): string {
  const s = o(n.request.subject);
  const parts = [s.forenames, s.familyName].filter((v): v is string => typeof v === "string");
  return parts.join(" ") || n.noticeNumber || "";
}

export const isAboutPerson = (n: Notice): boolean => o(n.request.subject).kind === "person";

/**
 * The subject's face photos on the notice page, for whoever reads the notice. The owner adds photos
 * to a draft, gives (draft) or withdraws (any time) consent to show each on the public extract, and
 * retracts them.
 */
export function NoticePhotos({ notice: n }: { notice: Notice }) {
  const { t } = useI18n();
  const me = useMe();
  const person = isAboutPerson(n);
  const state = useApi<{ items: NoticePhoto[] }>(person ? photosPath(n.id) : null);
  const [error, setError] = useState<unknown>(undefined);
  if (!person) return null;
  const owner =
    me.country.code === n.envelope.owner && (me.role === "ncb_officer" || me.role === "ncb_admin");
  const draft = owner && n.allowedActions.includes("edit");
  const name = subjectName(n);
  const act = (action: () => Promise<unknown>) => {
    setError(undefined);
    action()
      .then(() => state.reload())
      .catch(setError);
  };

  const figure = (p: NoticePhoto, i: number) => (
    <li key={p.id} className="photo-item" data-testid="notice-photo" data-photo-id={p.id}>
      <figure>
        <img
          src={photoUrl(n.id, p.id)}
          alt={t("photos.alt", { n: i + 1, name })}
          width={p.width}
          height={p.height}
          data-testid="notice-photo-img"
        />
        {p.public && (
          <figcaption>
            <span className="badge badge-on" data-testid="notice-photo-public">
              {t("photos.publicBadge")}
            </span>
          </figcaption>
        )}
      </figure>
      {owner && (
        <div className="photo-controls no-print">
          {(draft || p.public) && (
            <CheckboxField
              label={t("photos.publicToggle", { n: i + 1 })}
              checked={p.public}
              // Consent is given while the request is a draft; it can be withdrawn at any time.
              disabled={!draft && !p.public}
              onChange={(e) => act(() => setPhotoConsent(n.id, p.id, e.target.checked))}
              testId={`notice-photo-consent-${i + 1}`}
            />
          )}
          <ConfirmButton
            label={t("photos.retract", { n: i + 1 })}
            question={t("photos.retractQuestion", { n: i + 1 })}
            consequence={<p>{t("photos.retractBody")}</p>}
            confirmLabel={t("photos.retractConfirm")}
            danger
            onConfirm={() => act(() => retractPhoto(n.id, p.id))}
            testId={`notice-photo-retract-${i + 1}`}
          />
        </div>
      )}
    </li>
  );

  return (
    <section className="panel notice-photos" aria-labelledby="photos-heading" data-testid="notice-photos">
      <h2 id="photos-heading">{t("photos.heading")}</h2>
      <ErrorAlert error={error} />
      <DataState {...state}>
        {(data) => {
          const live = data.items.filter((p) => p.retractedAt === null);
          const retracted = data.items.length - live.length;
          return (
            <>
              {live.length === 0 ? (
                <p className="muted" data-testid="notice-photos-none">
                  {t("photos.none")}
                </p>
              ) : (
                <ul className="photo-grid">{live.map(figure)}</ul>
              )}
              {retracted > 0 && (
                <p className="hint no-print">{t("photos.retractedCount", { count: retracted })}</p>
              )}
              {owner && n.publicExtract && <p className="hint no-print">{t("photos.publicHint")}</p>}
            </>
          );
        }}
      </DataState>
      {draft && (
        <div className="no-print">
          <h3>{t("photos.add")}</h3>
          <PhotoUpload
            target={async () => n.id}
            canPublish={n.publicExtract}
            onAdded={() => state.reload()}
          />
        </div>
      )}
    </section>
  );
}
