import { useState } from "react";
import { Notice as Status } from "../../components/alert.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { ReasonsAction } from "../../components/reasons-action.tsx";
import { DataState } from "../../components/states.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { Addressing } from "./addressing.tsx";
import { Recipients, ReviewStateBadge } from "./diffusions-page.tsx";
import type { Diffusion } from "./types.ts";

export function DiffusionDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi<Diffusion>(`/diffusions/${segment(id)}`);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/diffusions">{t("diffusions.back")}</Link>
      </p>
      <DataState {...state}>
        {(d) => <DiffusionView diffusion={d} onReviewed={state.reload} onReload={state.reload} />}
      </DataState>
    </>
  );
}

function DiffusionView({
  diffusion: d,
  onReviewed,
  onReload,
}: {
  diffusion: Diffusion;
  onReviewed: () => void;
  /** Loads the diffusion again when a review was refused because another reviewer acted first. */
  onReload: () => void;
}) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [done, setDone] = useState(false);
  const review = (decision: "confirm" | "cancel") => async (reasons: string) => {
    await data(
      client.POST("/api/v1/diffusions/{id}/review", {
        params: { path: { id: d.id } },
        // The version read: a diffusion another reviewer decided meanwhile is refused, not reviewed twice.
        body: { decision, reasons, expectedVersion: d.version },
      }),
    );
    setDone(true);
    onReviewed();
  };
  return (
    <article aria-labelledby="diffusion-title">
      <h1 id="diffusion-title">
        <bdi>{d.title}</bdi>
      </h1>
      <p className="lead">
        <Addressing diffusion={d} />
      </p>
      {!d.reviewed && (
        <div
          className="alert alert-warning unreviewed-banner"
          role="note"
          data-testid="diffusion-unreviewed-banner"
        >
          <strong>{t("diffusions.unreviewedTitle")}</strong> {t("diffusions.unreviewedBody")}
        </div>
      )}
      {d.reviewState === "cancelled" && (
        <div className="alert alert-error" role="note" data-testid="diffusion-cancelled-banner">
          <strong>{t("diffusions.cancelledTitle")}</strong> {t("diffusions.cancelledBody")}
        </div>
      )}
      {done && (
        <Status kind="success">
          <span data-testid="diffusion-reviewed">{t("diffusions.reviewDone")}</span>
        </Status>
      )}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="diffusion-facts">
          <h2 id="diffusion-facts">{t("notices.facts")}</h2>
          <dl className="kv">
            <dt>{t("diffusions.kind")}</dt>
            <dd>{t(`diffusionKind.${d.kind}`)}</dd>
            <dt>{t("diffusions.sender")}</dt>
            <dd>
              <CountryName code={d.sender} withCode />
            </dd>
            <dt>{t("diffusions.recipients")}</dt>
            <dd>
              <Recipients diffusion={d} />
            </dd>
            <dt>{t("records.handling")}</dt>
            <dd>
              {d.handlingCode} — {t(`handling.${d.handlingCode}`)}
              {d.handlingNote && (
                <>
                  {" "}
                  (<bdi>{d.handlingNote}</bdi>)
                </>
              )}
            </dd>
            {d.reference && (
              <>
                <dt>{t("diffusions.reference")}</dt>
                <dd>
                  <bdi>{d.reference}</bdi>
                </dd>
              </>
            )}
            <dt>{t("diffusions.sentAt")}</dt>
            <dd>{dateTime(d.createdAt)}</dd>
            <dt>{t("diffusions.review")}</dt>
            <dd>
              <ReviewStateBadge diffusion={d} /> {d.reviewedAt && dateTime(d.reviewedAt)}
            </dd>
            {d.reviewReasons && (
              <>
                <dt>{t("notices.reasons")}</dt>
                <dd>
                  <bdi>{d.reviewReasons}</bdi>
                </dd>
              </>
            )}
          </dl>
        </section>
        <section className="panel" aria-labelledby="diffusion-body">
          <h2 id="diffusion-body">{t("diffusions.body")}</h2>
          <p className="pre" dir="auto" data-testid="diffusion-body">
            {d.body}
          </p>
        </section>
      </div>
      {me.role === "gs_reviewer" && d.reviewState === "unreviewed" && (
        <section className="panel" aria-labelledby="diffusion-review-heading" data-testid="diffusion-review">
          <h2 id="diffusion-review-heading">{t("diffusions.gsReview")}</h2>
          <p className="muted">{t("diffusions.gsReviewHint")}</p>
          <div className="form-actions">
            <ReasonsAction
              label={t("diffusions.confirm")}
              required
              testId="diffusion-confirm"
              confirm={{
                title: t("confirm.confirmDiffusion.title"),
                body: <p>{t("confirm.confirmDiffusion.body")}</p>,
                action: t("confirm.confirmDiffusion.action"),
              }}
              onReload={onReload}
              onSubmit={review("confirm")}
            />
            <ReasonsAction
              label={t("diffusions.cancel")}
              required
              danger
              testId="diffusion-cancel"
              confirm={{
                title: t("confirm.cancelDiffusion.title"),
                body: <p>{t("confirm.cancelDiffusion.body")}</p>,
                action: t("confirm.cancelDiffusion.action"),
              }}
              onReload={onReload}
              onSubmit={review("cancel")}
            />
          </div>
        </section>
      )}
    </article>
  );
}
