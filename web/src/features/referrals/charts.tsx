import { type ReactNode, useId } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";

/**
 * Hand-written SVG charts. Each is an image with a title and description for assistive technology,
 * followed by the same numbers as a table. In a right-to-left language time runs from right to left.
 */
export interface Series {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
}

interface ChartProps {
  title: string;
  desc: string;
  categories: string[];
  series: Series[];
  /** Shown in the table's header and after tooltip values. */
  unit?: string;
  testId?: string;
}

const W = 520;
const H = 250;
const PAD = { start: 44, end: 12, top: 12, bottom: 36 };
const PLOT_W = W - PAD.start - PAD.end;
const PLOT_H = H - PAD.top - PAD.bottom;

/** A round upper bound and a tick step (1, 2 or 5 times a power of ten) giving about four ticks. */
function scale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 4;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
  const stepInt = max < 4 ? 1 : step;
  return { top: Math.ceil(max / stepInt) * stepInt, step: stepInt };
}

function useAxes(categories: string[], max: number) {
  const { num, lang } = useI18n();
  const rtl = lang === "ar";
  const { top, step } = scale(max);
  const band = PLOT_W / Math.max(1, categories.length);
  /** Centre of category i, mirrored in right-to-left. */
  const x = (i: number) => {
    const ltr = PAD.start + band * (i + 0.5);
    return rtl ? W - ltr : ltr;
  };
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(v);
  // Label at most about ten categories so the dates stay legible.
  const every = Math.max(1, Math.ceil(categories.length / 8));
  const axisX = rtl ? W - PAD.start : PAD.start;
  const grid = (
    <g className="chart-axis">
      {ticks.map((v) => (
        <g key={v}>
          <line
            x1={rtl ? PAD.end : PAD.start}
            x2={rtl ? W - PAD.start : W - PAD.end}
            y1={y(v)}
            y2={y(v)}
            className="chart-grid"
          />
          <text x={rtl ? axisX + 6 : axisX - 6} y={y(v) + 4} textAnchor={rtl ? "start" : "end"}>
            {num(v)}
          </text>
        </g>
      ))}
      {categories.map((c, i) =>
        i % every === 0 ? (
          <text key={c} x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle">
            {c}
          </text>
        ) : null,
      )}
    </g>
  );
  return { x, y, band, grid, rtl };
}

function Frame({
  title,
  desc,
  testId,
  children,
  legend,
  table,
}: {
  title: string;
  desc: string;
  testId?: string;
  children: ReactNode;
  legend: Series[];
  table: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-caption">{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
      <ul className="chart-legend">
        {legend.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            <bdi>{s.label}</bdi>
          </li>
        ))}
      </ul>
      <details className="chart-data">
        <summary>{t("charts.showTable")}</summary>
        {table}
      </details>
    </figure>
  );
}

function DataTable({ title, categories, series, unit }: ChartProps) {
  const { t, num } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("charts.period")}</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                <bdi>{s.label}</bdi>
                {unit ? ` (${unit})` : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((c, i) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {series.map((s) => {
                const v = s.values[i];
                return (
                  <td key={s.key} className="num">
                    {v === null || v === undefined ? "—" : num(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Bars stacked per category (e.g. referrals per day, split by state). */
export function StackedBarChart(props: ChartProps) {
  const { num } = useI18n();
  const { categories, series } = props;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const { x, y, band, grid } = useAxes(categories, Math.max(0, ...totals));
  const barW = Math.max(2, Math.min(40, band * 0.7));
  return (
    <Frame {...props} legend={series} table={<DataTable {...props} />}>
      {grid}
      {categories.map((c, i) => {
        let base = 0;
        return (
          <g key={c}>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              if (v <= 0) return null;
              const y0 = y(base);
              base += v;
              const y1 = y(base);
              return (
                <rect
                  key={s.key}
                  x={x(i) - barW / 2}
                  y={y1}
                  width={barW}
                  height={Math.max(0, y0 - y1)}
                  fill={s.color}
                >
                  <title>{`${c} · ${s.label}: ${num(v)}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </Frame>
  );
}

/** One line per series; a missing value breaks the line. */
export function LineChart(props: ChartProps) {
  const { num } = useI18n();
  const { categories, series, unit } = props;
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const { x, y, grid } = useAxes(categories, max);
  return (
    <Frame {...props} legend={series} table={<DataTable {...props} />}>
      {grid}
      {series.map((s) => {
        const segments: string[][] = [[]];
        s.values.forEach((v, i) => {
          if (v === null) segments.push([]);
          else segments[segments.length - 1]?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
        });
        return (
          <g key={s.key}>
            {segments
              .filter((pts) => pts.length > 1)
              .map((pts) => (
                <polyline key={pts[0]} points={pts.join(" ")} fill="none" stroke={s.color} strokeWidth={2} />
              ))}
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={categories[i]} cx={x(i)} cy={y(v)} r={3.5} fill={s.color}>
                  <title>{`${categories[i]} · ${s.label}: ${num(v)}${unit ? ` ${unit}` : ""}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
    </Frame>
  );
}
