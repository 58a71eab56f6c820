import { useI18n } from "../../../lib/i18n/index.tsx";
import { fingerText } from "./texts.ts";
import type { Minutia, MinutiaeView } from "./types.ts";

/*
 * A fingerprint's minutiae as a plot, the way an examiner marks them: each minutia where it lies on
 * the image, with a tick in its ridge direction. Endings are hollow circles and bifurcations filled
 * squares (other kinds a diamond), so the two stay apart without relying on colour.
 */

const RAD = Math.PI / 180;

function Marker({ m, r }: { m: Minutia; r: number }) {
  // The standards measure the angle counter-clockwise from the x axis, with y growing downwards.
  const tip = { x: m.x + 2.6 * r * Math.cos(m.angle * RAD), y: m.y - 2.6 * r * Math.sin(m.angle * RAD) };
  const tick = <line x1={m.x} y1={m.y} x2={tip.x} y2={tip.y} className="tick" />;
  if (m.type === "ending")
    return (
      <g className="minutia ending" data-type="ending">
        {tick}
        <circle cx={m.x} cy={m.y} r={r} />
      </g>
    );
  if (m.type === "bifurcation")
    return (
      <g className="minutia bifurcation" data-type="bifurcation">
        {tick}
        <rect x={m.x - r} y={m.y - r} width={2 * r} height={2 * r} />
      </g>
    );
  return (
    <g className="minutia other" data-type="other">
      {tick}
      <polygon points={`${m.x},${m.y - r} ${m.x + r},${m.y} ${m.x},${m.y + r} ${m.x - r},${m.y}`} />
    </g>
  );
}

/** A part of the image, in its pixels. */
export interface Extent {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the images that holds the minutiae of all these views, with a margin: plots drawn with
 * one extent share their scale and place, so the probe and a candidate compare point for point, and
 * a print that fills a corner of a large frame is not drawn tiny.
 */
export function extentOf(views: readonly MinutiaeView[]): Extent | null {
  const all = views.flatMap((v) => v.minutiae);
  if (all.length === 0) return null;
  const xs = all.map((m) => m.x);
  const ys = all.map((m) => m.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(16, 0.1 * Math.max(x1 - x0, y1 - y0));
  const x = Math.max(0, x0 - pad);
  const y = Math.max(0, y0 - pad);
  return { x, y, width: x1 + pad - x, height: y1 + pad - y };
}

/** One finger's view: its minutiae where they lie, within `extent` (the whole frame without one). */
export function MinutiaePlot({
  view,
  label,
  testId,
  extent,
}: {
  view: MinutiaeView;
  label: string;
  testId: string;
  extent?: Extent | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const frame = {
    x: 0,
    y: 0,
    width: Math.max(view.width, ...view.minutiae.map((m) => m.x + 1), 1),
    height: Math.max(view.height, ...view.minutiae.map((m) => m.y + 1), 1),
  };
  const box = extent ?? frame;
  const r = Math.max(box.width, box.height) / 70;
  const endings = view.minutiae.filter((m) => m.type === "ending").length;
  const bifurcations = view.minutiae.filter((m) => m.type === "bifurcation").length;
  const summary = t("bio.plot.summary", {
    finger: fingerText(i18n, view.position),
    n: view.minutiae.length,
    endings,
    bifurcations,
  });
  return (
    <figure className="minutiae-figure" data-testid={testId}>
      <svg
        className="minutiae-plot"
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label={`${label}: ${summary}`}
      >
        <rect x={box.x} y={box.y} width={box.width} height={box.height} className="frame" />
        {view.minutiae.map((m, i) => (
          // Minutiae have no identity of their own; their order in the template is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Marker key={i} m={m} r={r} />
        ))}
      </svg>
      <figcaption>
        <strong>{label}</strong> · {summary}
      </figcaption>
    </figure>
  );
}

/** The legend shared by every plot on the page. */
export function MinutiaeLegend() {
  const { t } = useI18n();
  return (
    <ul className="minutiae-legend" aria-label={t("bio.plot.legend")}>
      <li>
        <svg viewBox="-8 -8 16 16" aria-hidden="true" className="minutiae-plot">
          <g className="minutia ending">
            <circle cx={0} cy={0} r={4} />
          </g>
        </svg>{" "}
        {t("bio.plot.ending")}
      </li>
      <li>
        <svg viewBox="-8 -8 16 16" aria-hidden="true" className="minutiae-plot">
          <g className="minutia bifurcation">
            <rect x={-4} y={-4} width={8} height={8} />
          </g>
        </svg>{" "}
        {t("bio.plot.bifurcation")}
      </li>
      <li>
        <svg viewBox="-8 -8 16 16" aria-hidden="true" className="minutiae-plot">
          <g className="minutia other">
            <polygon points="0,-4 4,0 0,4 -4,0" />
          </g>
        </svg>{" "}
        {t("bio.plot.other")}
      </li>
      <li>{t("bio.plot.tick")}</li>
    </ul>
  );
}
