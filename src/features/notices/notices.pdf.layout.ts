import { createRequire } from "node:module";
import { breakLines, paragraph, visualRuns } from "./notices.pdf.text.ts";

/*
 * The page flow of the PDF file: text set line by line (each line's runs in bidi order, aligned to
 * the paragraph's own direction), headings kept with what follows them, a new page when the next
 * line would cross the bottom margin. Every text is set in DejaVu Sans (npm package
 * dejavu-fonts-ttf), one font that covers Latin, Greek, Cyrillic, Hebrew and Arabic, embedded as a
 * subset so any name prints as written.
 */

const require = createRequire(import.meta.url);
export const FONT_REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
export const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export type Doc = PDFKit.PDFDocument;
export type Style = { font: "regular" | "bold"; size: number; color?: string };
export type Box = { left: number; right: number; top: number; bottom: number };

/**
 * pdfkit shapes a string word by word (and caches each word) unless features are named; a run of
 * right-to-left words must be shaped whole for fontkit to put its words in order. No feature is
 * added: the script's defaults (Arabic joining forms, ligatures, kerning) still apply.
 */
const WHOLE = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
const INK = "#1a1f29";
const MUTED = "#4b5563";

export class Flow {
  y: number;
  /** Where text stops on the right while something (the photos) sits beside it. */
  right: number;

  constructor(
    readonly doc: Doc,
    readonly box: Box,
  ) {
    this.y = box.top;
    this.right = box.right;
  }

  private use(style: Style) {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? INK);
  }

  /** Starts a new page when `height` does not fit below the current line. */
  ensure(height: number) {
    if (this.y + height <= this.box.bottom) return;
    this.doc.addPage();
    this.y = this.box.top;
    this.right = this.box.right;
  }

  /** The width of a run, shaped whole (see WHOLE). */
  private width(text: string) {
    return this.doc.widthOfString(text, WHOLE);
  }

  /** One line of text drawn at `y` between `left` and `right`, aligned to its direction. */
  private line(p: ReturnType<typeof paragraph>, range: [number, number], left: number, right: number) {
    const runs = visualRuns(p, range[0], range[1]);
    const width = runs.reduce((w, r) => w + this.width(r.text), 0);
    let x = p.rtl ? right - width : left;
    for (const r of runs) {
      this.doc.text(r.text, x, this.y, { ...WHOLE, lineBreak: false });
      x += this.width(r.text);
    }
  }

  /** The lines `text` takes in this width, for measuring before drawing. */
  lines(text: string, style: Style, width: number) {
    this.use(style);
    return text.split(/\r?\n/).flatMap((t) => {
      const p = paragraph(t);
      const ranges = breakLines(t, width, (s) => this.width(s));
      return (ranges.length > 0 ? ranges : [[0, 0] as [number, number]]).map((r) => ({ p, r }));
    });
  }

  lineHeight(style: Style) {
    return style.size * 1.35;
  }

  /** A block of text from `left` (the flow's left by default) to the flow's right edge. */
  text(text: string, style: Style, left = this.box.left) {
    const h = this.lineHeight(style);
    for (const l of this.lines(text, style, this.right - left)) {
      this.ensure(h);
      this.use(style);
      this.line(l.p, l.r, left, this.right);
      this.y += h;
    }
  }

  heading(text: string, colour: string) {
    // A heading never ends a page: it keeps at least two lines of what follows with it.
    this.ensure(48);
    this.y += 6;
    this.text(text, { font: "bold", size: 11, color: colour });
    this.doc
      .moveTo(this.box.left, this.y)
      .lineTo(this.right, this.y)
      .lineWidth(0.6)
      .strokeColor(colour)
      .stroke();
    this.y += 5;
  }

  /** A label and its value side by side; the value may wrap and may be written right to left. */
  field(label: string, value: string, labelWidth = 130) {
    const labelStyle: Style = { font: "bold", size: 8.5, color: MUTED };
    const valueStyle: Style = { font: "regular", size: 9.5 };
    const left = this.box.left + labelWidth;
    const lines = this.lines(value, valueStyle, this.right - left);
    const h = this.lineHeight(valueStyle);
    this.ensure(h * Math.min(lines.length, 2));
    this.use(labelStyle);
    const labelLines = this.lines(label, labelStyle, labelWidth - 8);
    const top = this.y;
    for (const [i, l] of labelLines.entries()) {
      this.use(labelStyle);
      this.y = top + 1 + i * this.lineHeight(labelStyle);
      this.line(l.p, l.r, this.box.left, left - 8);
    }
    this.y = top;
    for (const l of lines) {
      this.ensure(h);
      this.use(valueStyle);
      this.line(l.p, l.r, left, this.right);
      this.y += h;
    }
    this.y = Math.max(this.y, top + labelLines.length * this.lineHeight(labelStyle)) + 2;
  }
}
