/*
 * A name in another script is shown as written, with the Latin reading the server stored beside it
 * (a record's `readings`, a statement's `latin`). The browser never transliterates: one reading,
 * the one search uses, everywhere.
 */

/** A name as written, direction from its own script, with its Latin reading beside it when it has one. */
export function NameWithReading({ name, latin }: { name: string; latin?: string | null | undefined }) {
  return (
    <span className="name-reading">
      <bdi dir="auto" className="name-original">
        {name}
      </bdi>
      {latin && (
        <>
          {" "}
          <span className="latin" lang="und-Latn" dir="ltr" data-testid="latin-reading">
            ({latin})
          </span>
        </>
      )}
    </span>
  );
}
