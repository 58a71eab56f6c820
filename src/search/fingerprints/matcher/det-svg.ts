import { errorRates, type ScoredPairs } from "./error-rates.ts";

/**
 * A DET plot (FNMR against FMR, both on log axes) as a standalone SVG, for the design note. Log
 * axes rather than the normal-deviate scale of the original DET: simpler, and as readable here.
 */
export function detSvg(curves: { label: string; pairs: ScoredPairs }[], caption: string): string {
  const W = 640;
  const H = 480;
  const left = 70;
  const top = 40;
  const right = W - 20;
  const bottom = H - 60;
  const [xMin, xMax, yMin, yMax] = [-4, 0, -3, 0]; // decades
  const sx = (v: number) =>
    left + ((Math.log10(Math.max(v, 10 ** xMin)) - xMin) / (xMax - xMin)) * (right - left);
  const sy = (v: number) =>
    bottom - ((Math.log10(Math.max(v, 10 ** yMin)) - yMin) / (yMax - yMin)) * (bottom - top);
  const colours = ["#1f5fbf", "#c0392b", "#2e8b57", "#8e44ad"];
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img">`,
    "<title>DET curves: false non-match rate against false match rate, per matcher</title>",
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">DET: false non-match rate against false match rate</text>`,
  ];
  for (let d = xMin; d <= xMax; d++) {
    const x = sx(10 ** d);
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#ddd"/>`);
    parts.push(`<text x="${x}" y="${bottom + 16}" text-anchor="middle">${fmtPct(10 ** d)}</text>`);
  }
  for (let d = yMin; d <= yMax; d++) {
    const y = sy(10 ** d);
    parts.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end">${fmtPct(10 ** d)}</text>`);
  }
  parts.push(
    `<line x1="${sx(10 ** xMin)}" y1="${sy(10 ** xMin)}" x2="${sx(1)}" y2="${sy(1)}" stroke="#bbb" stroke-dasharray="4 4"/>`,
  );
  parts.push(
    `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#333"/>`,
  );
  parts.push(
    `<text x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle">false match rate (FMR)</text>`,
  );
  parts.push(
    `<text transform="translate(18 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">false non-match rate (FNMR)</text>`,
  );
  parts.push(
    `<text x="${(left + right) / 2}" y="${H - 8}" text-anchor="middle" fill="#555">${escapeXml(caption)}</text>`,
  );
  curves.forEach((c, i) => {
    const r = errorRates(c.pairs);
    const points = r.curve
      .filter((p) => p.fmr > 0 && p.fnmr > 0)
      .map((p) => `${sx(p.fmr).toFixed(1)},${sy(p.fnmr).toFixed(1)}`);
    const colour = colours[i % colours.length];
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(" ")}"/>`);
    const ly = top + 20 + i * 18;
    parts.push(
      `<line x1="${right - 250}" y1="${ly - 4}" x2="${right - 225}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
    );
    parts.push(
      `<text x="${right - 220}" y="${ly}">${escapeXml(`${c.label}, EER ${(r.eer * 100).toFixed(2)}%`)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

const fmtPct = (v: number) => `${Number((v * 100).toPrecision(1))}%`;
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
