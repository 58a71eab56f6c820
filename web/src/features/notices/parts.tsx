import { hasOwnText, type MessageKey, useI18n, type Vars } from "../../lib/i18n/index.tsx";
import { fieldLabel as labelOfField, plainLabel } from "../../lib/problems.ts";
import {
  type Finding,
  type Notice,
  type NoticeState,
  type NoticeType,
  SEVERITIES,
  type Severity,
} from "./types.ts";

export function TypeBadge({ type }: { type: NoticeType }) {
  const { t } = useI18n();
  return (
    <span className={`notice-type notice-type-${type}`} data-testid="notice-type">
      <span className="swatch" aria-hidden="true" />
      {t(`noticeType.${type}`)}
    </span>
  );
}

export function StateBadge({ state }: { state: NoticeState }) {
  const { t } = useI18n();
  return (
    <span className={`badge state-${state}`} data-testid="notice-state">
      {t(`noticeState.${state}`)}
    </span>
  );
}

/** "Renewal due" with the valid-until date, on a live notice that expires within six months. */
export function RenewalBadge({ notice: n }: { notice: Pick<Notice, "renewalDue" | "validUntil"> }) {
  const { t, date } = useI18n();
  if (!n.renewalDue) return null;
  return (
    <span className="badge renewal-due" data-testid="notice-renewal-due">
      {n.validUntil ? t("notices.renewalDueUntil", { date: date(n.validUntil) }) : t("notices.renewalDue")}
    </span>
  );
}

/** A finding's translated headline when its code is known; the server's message is English. */
function findingTitle(t: (k: MessageKey) => string, f: Finding): string | null {
  const code = f.code.replace(/^(excluded_wording|article3)_.+$/, "$1_wording");
  const key = `finding.${code}`;
  return hasOwnText("en", key) ? t(key as MessageKey) : null;
}

/** Findings grouped by severity: what blocks publication, what the reviewer must weigh, what is noted. */
export function FindingsPanel({
  findings,
  heading,
  local = false,
  testId = "findings",
  onField,
}: {
  findings: Finding[];
  heading: string;
  /** Findings computed in the browser (required fields) rather than by the server. */
  local?: boolean;
  testId?: string;
  /** Makes each finding's field a link (in the wizard: to the step that has it). */
  onField?: (path: string) => void;
}) {
  const { t, num } = useI18n();
  return (
    <section className="panel findings" aria-label={heading} data-testid={testId}>
      <h2>{heading}</h2>
      {findings.length === 0 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          {t("findings.none")}
        </p>
      ) : (
        SEVERITIES.map((severity) => {
          const group = findings.filter((f) => f.severity === severity);
          if (group.length === 0) return null;
          return (
            <div
              key={severity}
              className={`finding-group finding-${severity}`}
              data-testid={`${testId}-${severity}`}
            >
              <h3>
                <SeverityBadge severity={severity} /> {t(`findings.${severity}Help`)} ({num(group.length)})
              </h3>
              <ul>
                {group.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings may repeat a code; the list is fixed
                  <li key={`${f.code}-${f.field ?? ""}-${i}`}>
                    {local && f.field ? (
                      t("findings.missing", { field: fieldLabel(t, f.field) })
                    ) : (
                      <>
                        {findingTitle(t, f) && <strong>{findingTitle(t, f)} </strong>}
                        <bdi lang="en" dir="ltr">
                          {f.message}
                        </bdi>
                        {f.field && <FindingField path={f.field} onField={onField} testId={testId} />}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return <span className={`badge severity-${severity}`}>{t(`findings.${severity}`)}</span>;
}

/** The label of a field of the request ("offences.0.category" → "Category"), never its path. */
export function fieldLabel(t: (k: MessageKey, vars?: Vars) => string, path: string): string {
  return plainLabel(`request.${path}`, { t }) ?? labelOfField(`request.${path}`, { t });
}

/** The field a finding is about, by its label: a link to it where the page can go there. */
function FindingField({
  path,
  onField,
  testId,
}: {
  path: string;
  onField: ((path: string) => void) | undefined;
  testId: string;
}) {
  const { t } = useI18n();
  // With the list item it is in: "Offence 2: Category".
  const label = labelOfField(`request.${path}`, { t });
  return (
    <>
      {" "}
      {onField ? (
        <button
          type="button"
          className="btn-link"
          onClick={() => onField(path)}
          data-testid={`${testId}-field`}
          data-field={path}
        >
          {label}
        </button>
      ) : (
        <span className="muted">({label})</span>
      )}
    </>
  );
}

/** Counts per severity, for tables: "2 block · 1 risk". */
export function Flags({ findings }: { findings: Finding[] }) {
  const { t, num } = useI18n();
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  if (counts.length === 0) return <span className="muted">{t("findings.noFlags")}</span>;
  return (
    <span className="flags" data-testid="flags">
      {counts.map(([s, n]) => (
        <span key={s} className={`badge severity-${s}`} title={t(`findings.${s}Help`)}>
          {t(`findings.${s}`)} {num(n)}
        </span>
      ))}
    </span>
  );
}
