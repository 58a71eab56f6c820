import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { ALERT_TOPICS, edtfText, isDateProp, isRecordId, topicLabel, valueText } from "./format.ts";
import { NameWithReading } from "./latin.tsx";

/** Topics as labels; terrorism, foreign terrorist fighter, wanted and sanctioned stand out. */
export function TopicBadges({ topics }: { topics: readonly string[] }) {
  const i18n = useI18n();
  if (topics.length === 0) return null;
  return (
    <ul className="topics" data-testid="topics">
      {topics.map((t) => (
        <li key={t}>
          <span className={`badge ${ALERT_TOPICS.has(t) ? "badge-topic-alert" : "badge-topic"}`} title={t}>
            {topicLabel(t, i18n)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A date of birth in words, the stored EDTF beside it for whoever copies it elsewhere. */
export function EdtfDate({ value }: { value: string }) {
  const i18n = useI18n();
  const text = edtfText(value, i18n);
  return (
    <span className="edtf">
      <span>{text}</span>
      {text !== value && (
        <>
          {" "}
          <code className="muted" dir="ltr">
            {value}
          </code>
        </>
      )}
    </span>
  );
}

const NAME_PROPS = new Set(["name", "alias", "weakAlias", "previousName", "firstName", "lastName"]);

/**
 * One value, shown for what it is: a name with its Latin reading, a date in words, a country or topic
 * by its label, another record's id as a link to it; anything else as written (direction from itself).
 */
export function Value({ prop, value, latin }: { prop: string; value: string; latin?: string | null }) {
  const i18n = useI18n();
  if (NAME_PROPS.has(prop)) return <NameWithReading name={value} latin={latin} />;
  if (isDateProp(prop)) return <EdtfDate value={value} />;
  if (prop === "topics") return <TopicBadges topics={[value]} />;
  if (isRecordId(value))
    return (
      <Link to={`/records/${segment(value)}`} data-testid="record-link">
        <code>{value}</code>
      </Link>
    );
  return <bdi dir="auto">{valueText(prop, value, i18n)}</bdi>;
}
