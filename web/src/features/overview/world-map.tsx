import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";
import { type CountryShape, loadCountryShapes, MAP_HEIGHT, MAP_WIDTH } from "./world-geometry.ts";

export interface MapCount {
  code: string;
  notices: number;
  diffusions: number;
}

/** Five classes: none, then four steps up to the largest count. */
const CLASSES = 5;

/** The lower bound of each class above "none": 1, then quarters of the largest count. */
export function classBounds(max: number): number[] {
  if (max <= 0) return [];
  const bounds = [1, Math.ceil(max / 4), Math.ceil(max / 2), Math.ceil((3 * max) / 4)];
  return [...new Set(bounds.map((b) => Math.max(1, b)))].sort((a, b) => a - b);
}

const classOf = (total: number, bounds: number[]): number => {
  let c = 0;
  bounds.forEach((b, i) => {
    if (total >= b) c = i + 1;
  });
  return Math.min(c, CLASSES - 1);
};

let shapesOnce: Promise<CountryShape[]> | undefined;

/**
 * A choropleth of notices and diffusions per country beside the overview's table (which stays the
 * accessible equivalent). The map is one tab stop: the arrow keys move between countries in the
 * order of their names, Enter or Space shows the country alone in the table, Escape shows all.
 */
export function WorldMap({
  counts,
  selected,
  onSelect,
}: {
  counts: MapCount[];
  selected: string | null;
  onSelect: (code: string | null) => void;
}) {
  const { t, num, country, lang } = useI18n();
  const [shapes, setShapes] = useState<CountryShape[] | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);
  const refs = useRef(new Map<string, SVGPathElement>());
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    let live = true;
    shapesOnce ??= loadCountryShapes();
    shapesOnce.then((s) => live && setShapes(s)).catch(() => live && setShapes([]));
    return () => {
      live = false;
    };
  }, []);

  const byCode = useMemo(() => new Map(counts.map((c) => [c.code, c])), [counts]);
  const max = Math.max(0, ...counts.map((c) => c.notices + c.diffusions));
  const bounds = classBounds(max);
  // Keyboard order: by name in the reader's language. Only the countries the table lists can be
  // chosen; the other shapes (territories such as the French Southern Lands) are drawn as the land
  // they are, but choosing one would empty the table.
  const ordered = useMemo(
    () =>
      (shapes ?? [])
        .filter((s) => byCode.has(s.code))
        .map((s) => ({ ...s, name: country(s.code) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    [shapes, byCode, country, lang],
  );
  const others = useMemo(() => (shapes ?? []).filter((s) => !byCode.has(s.code)), [shapes, byCode]);
  const tabStop = active ?? selected ?? ordered[0]?.code ?? null;

  const label = (code: string, name: string) => {
    const c = byCode.get(code);
    return t("overview.map.country", {
      country: name,
      notices: c?.notices ?? 0,
      diffusions: c?.diffusions ?? 0,
    });
  };

  const move = (e: KeyboardEvent, index: number) => {
    const keys: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: ordered.length - 1,
    };
    const code = ordered[index]?.code;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (code) onSelect(code === selected ? null : code);
      return;
    }
    if (e.key === "Escape") return onSelect(null);
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = ordered[(to + ordered.length) % ordered.length];
    if (!next) return;
    setActive(next.code);
    refs.current.get(next.code)?.focus();
  };

  const shown = pointed ?? active;
  const shownName = shown ? country(shown) : null;
  const highlight = [selected, shown].filter((c): c is string => !!c);

  return (
    <figure className="world-map" data-testid="overview-map">
      <figcaption id={titleId}>{t("overview.map.title")}</figcaption>
      <p id={hintId} className="hint">
        {t("overview.map.label")}
      </p>
      {shapes === null ? (
        <p className="muted">{t("overview.map.loading")}</p>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: the countries of an SVG map cannot be a <fieldset>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={hintId}
          onMouseLeave={() => setPointed(null)}
        >
          {/* Shapes with no role or name: assistive technology passes over them. */}
          {others.map((s) => (
            <path key={s.code} d={s.d} className="map-land map-c0" />
          ))}
          {ordered.map((s, i) => {
            const c = byCode.get(s.code);
            const total = (c?.notices ?? 0) + (c?.diffusions ?? 0);
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
              <path
                key={s.code}
                ref={(el) => {
                  if (el) refs.current.set(s.code, el);
                  else refs.current.delete(s.code);
                }}
                d={s.d}
                className={`map-country map-c${classOf(total, bounds)}`}
                role="button"
                tabIndex={s.code === tabStop ? 0 : -1}
                aria-label={label(s.code, s.name)}
                aria-pressed={s.code === selected}
                data-testid={`map-country-${s.code}`}
                onClick={() => onSelect(s.code === selected ? null : s.code)}
                onKeyDown={(e) => move(e, i)}
                onFocus={() => setActive(s.code)}
                onMouseEnter={() => setPointed(s.code)}
              />
            );
          })}
          {highlight.map((code) => {
            const s = ordered.find((o) => o.code === code);
            return s ? <path key={`hl-${code}`} d={s.d} className="map-highlight" /> : null;
          })}
        </svg>
      )}
      <p className="map-status" data-testid="overview-map-status">
        {shown && shownName ? label(shown, shownName) : "\u00a0"}
      </p>
      <div className="map-legend" data-testid="overview-map-legend">
        <span className="map-legend-title">{t("overview.map.legend")}</span>
        <ul>
          <li>
            <span className="map-swatch map-c0" aria-hidden="true" />
            {t("overview.map.none")}
          </li>
          {bounds.map((from, i) => {
            const next = bounds[i + 1];
            const to = next === undefined ? max : next - 1;
            return (
              <li key={from}>
                <span className={`map-swatch map-c${i + 1}`} aria-hidden="true" />
                {from === to ? num(from) : t("overview.map.range", { from: num(from), to: num(to) })}
              </li>
            );
          })}
        </ul>
      </div>
    </figure>
  );
}
