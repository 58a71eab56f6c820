import { useEffect, useState } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";
import { isFinished, type Referral } from "./types.ts";

/** "1 h 05 min" / "42 min 10 s": precise enough for a one-hour removal order. */
function duration(ms: number, t: ReturnType<typeof useI18n>["t"]): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return t("referrals.durationDays", { d: days, h: hours });
  if (hours > 0) return t("referrals.durationHours", { h: hours, m: String(minutes).padStart(2, "0") });
  return t("referrals.durationMinutes", { m: minutes, s: String(seconds).padStart(2, "0") });
}

/** Ticks every second while an unresolved deadline is under a day away; otherwise every minute. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [active]);
  return now;
}

export function Deadline({ referral }: { referral: Referral }) {
  const { t, dateTime } = useI18n();
  const finished = isFinished(referral.state);
  const now = useNow(referral.deadline !== null && !finished);
  if (!referral.deadline) return <span className="muted">{t("referrals.noDeadline")}</span>;
  const left = new Date(referral.deadline).getTime() - now;
  // The server decides what is overdue; the countdown only shows how long is left.
  const overdue = referral.overdue || (!finished && left < 0);
  const soon = !overdue && !finished && left < 15 * 60 * 1000;
  return (
    <span className="deadline">
      <time dateTime={referral.deadline}>{dateTime(referral.deadline)}</time>
      {!finished && (
        <span
          className={`countdown${overdue ? " countdown-overdue" : soon ? " countdown-soon" : ""}`}
          data-testid="countdown"
        >
          {left >= 0
            ? t("referrals.timeLeft", { time: duration(left, t) })
            : t("referrals.overdueBy", { time: duration(left, t) })}
        </span>
      )}
      {overdue && (
        <span className="badge badge-overdue" data-testid="overdue-badge">
          {t("referrals.overdue")}
        </span>
      )}
    </span>
  );
}
