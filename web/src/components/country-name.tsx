import { useI18n } from "../lib/i18n/index.tsx";

/**
 * A country (or international entity) by name in the reader's language, from its code. The code stays
 * in the title, or beside the name with `withCode` where officers compare codes (envelopes, owners).
 * `fallback` is the name the server sent, shown when the code is no region Intl or the dictionary knows.
 */
export function CountryName({
  code,
  fallback,
  withCode,
  testId,
}: {
  code: string | null | undefined;
  fallback?: string | null;
  withCode?: boolean;
  testId?: string;
}) {
  const { country } = useI18n();
  if (!code)
    return fallback ? (
      <bdi dir="auto" data-testid={testId}>
        {fallback}
      </bdi>
    ) : null;
  const upper = code.toUpperCase();
  const name = country(code, fallback);
  return (
    <bdi dir="auto" title={upper} data-testid={testId}>
      {name}
      {withCode && name !== code && (
        <>
          {" "}
          (<bdi dir="ltr">{upper}</bdi>)
        </>
      )}
    </bdi>
  );
}

/** Several countries by name, in the reader's language and list punctuation. */
export function CountryList({ codes, withCode }: { codes: readonly string[]; withCode?: boolean }) {
  const { lang } = useI18n();
  const separator = lang === "ar" ? "، " : ", ";
  return (
    <>
      {codes.map((c, i) => (
        <span key={c}>
          {i > 0 && separator}
          <CountryName code={c} withCode={withCode} />
        </span>
      ))}
    </>
  );
}
