import { CountryName } from "../../../components/country-name.tsx";
import { hasOwnText, type MessageKey, useI18n } from "../../../lib/i18n/index.tsx";
import type { NoticeEvent } from "../types.ts";

/** The notice's history: who did what, when, and the state it moved it to. */
export function Timeline({ events }: { events: NoticeEvent[] }) {
  const { t, instant } = useI18n();
  if (events.length === 0) return <p className="muted">{t("common.empty")}</p>;
  return (
    <ol className="timeline" data-testid="notice-history">
      {events.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only, in order
        <li key={i}>
          <time dateTime={e.at}>{instant(e.at)}</time> <strong>{actionLabel(t, e.action)}</strong>{" "}
          <span className="muted">
            <bdi>{e.actor}</bdi> (<CountryName code={e.actorCountry} />, {roleLabel(t, e.actorRole)})
          </span>
          {e.fromState !== e.toState && (
            <span className="transition">
              {" "}
              {e.fromState ? `${stateLabel(t, e.fromState)} → ` : ""}
              {stateLabel(t, e.toState)}
            </span>
          )}
          {e.reasons && (
            <p className="reasons">
              {t("notices.reasons")}: <bdi>{e.reasons}</bdi>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

// Codes the messages do not know (a newer server's) are shown as they are.
type T = (key: MessageKey) => string;
const known = (t: T, key: string, fallback: string): string =>
  hasOwnText("en", key) ? t(key as MessageKey) : fallback;
const actionLabel = (t: T, action: string) => known(t, `noticeEvent.${action}`, action);
const roleLabel = (t: T, role: string) => known(t, `role.${role}`, role);
const stateLabel = (t: T, state: string | null) => (state ? known(t, `noticeState.${state}`, state) : "—");
