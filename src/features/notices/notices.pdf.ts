import PDFDocument from "pdfkit";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { isOversightRead } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import {
  distributionText,
  handlingLine,
  noticeSections,
  type Section,
  typeStyle,
} from "./notices.pdf.content.ts";
import { type Doc, Flow, FONT_BOLD, FONT_REGULAR } from "./notices.pdf.layout.ts";
import * as photos from "./notices.photos.repo.ts";
import { noticesPolicy } from "./notices.policy.ts";
import * as repo from "./notices.repo.ts";
import type { NoticeType } from "./rules/notice-types.ts";

/*
 * A notice as the PDF file bureaus exchange: on every page a band in the notice type's colour with
 * its name and number, and the owner's handling code; then the subject's photos and identity, the
 * facts, the offences or whatever the type adds, and the owner's rules and evaluation. Reading it
 * is reading the notice: the same access, and an audit row.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 46;
const BAND = 62;
const PHOTO = { width: 132, height: 168, gap: 16 };
/** At most this many photos are printed (the first one large, the others as thumbnails). */
const MAX_PRINTED_PHOTOS = 3;

type PhotoFile = { bytes: Uint8Array };
type Printed = { row: repo.NoticeRow; photos: PhotoFile[]; printedAt: Date; printedFor: string };

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

const numberOf = (row: repo.NoticeRow) => row.notice_number ?? `draft ${row.id.slice(0, 8)}`;

/** The band, the handling line and the footer, drawn on every page once the pages are known. */
function decorate(doc: Doc, p: Printed) {
  const style = typeStyle[p.row.type as NoticeType];
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.rect(0, 0, A4.width, BAND).fill(style.colour);
    doc.font("bold").fontSize(16).fillColor(style.ink);
    doc.text(style.label.toUpperCase(), MARGIN, 16, { lineBreak: false });
    const number = p.row.notice_number ?? `DRAFT (${p.row.state})`;
    doc.fontSize(13).text(number, A4.width - MARGIN - doc.widthOfString(number), 18, { lineBreak: false });
    doc.font("regular").fontSize(8).fillColor(style.ink);
    doc.text(`Owner ${p.row.owner} · ${distributionText(p.row)}`, MARGIN, 40, {
      lineBreak: false,
      width: A4.width - 2 * MARGIN,
      ellipsis: true,
    });
    doc.font("bold").fontSize(8.5).fillColor("#8a1c12");
    doc.text(`Handling ${handlingLine(p.row)}`, MARGIN, BAND + 7, {
      lineBreak: false,
      width: A4.width - 2 * MARGIN,
      ellipsis: true,
    });
    const footer = `${style.label} ${numberOf(p.row)} · ${p.row.handling_code} · printed ${p.printedAt
      .toISOString()
      .slice(0, 16)
      .replace("T", " ")} UTC for ${p.printedFor} · page ${i - range.start + 1} of ${range.count}`;
    doc.font("regular").fontSize(7.5).fillColor("#4b5563");
    doc.text(footer, MARGIN, A4.height - MARGIN + 14, { lineBreak: false });
  }
}

/** Sections shorter than this (in points) start on a new page rather than being cut. */
const KEEP_TOGETHER = 240;

function section(flow: Flow, s: Section, colour: string) {
  const estimate = 30 + s.fields.length * 15;
  if (estimate < KEEP_TOGETHER && (s.paragraphs ?? []).every((p) => p.length < 300)) flow.ensure(estimate);
  flow.heading(s.heading, colour);
  for (const [label, value] of s.fields) flow.field(label, value);
  for (const text of s.paragraphs ?? []) {
    flow.y += 2;
    flow.text(text, { font: "regular", size: 9.5 });
  }
}

/** The first photo large beside the identity, the others as thumbnails under it. */
function drawPhotos(doc: Doc, flow: Flow, files: PhotoFile[]): number {
  if (files.length === 0) return flow.y;
  const x = flow.box.right - PHOTO.width;
  let y = flow.y;
  for (const [i, f] of files.entries()) {
    const w = i === 0 ? PHOTO.width : (PHOTO.width - 8) / 2;
    const h = i === 0 ? PHOTO.height : w * (PHOTO.height / PHOTO.width);
    const left = i === 0 ? x : x + ((i - 1) % 2) * (w + 8);
    doc.image(Buffer.from(f.bytes), left, y, { fit: [w, h], align: "center", valign: "center" });
    doc.rect(left, y, w, h).lineWidth(0.5).strokeColor("#c5cbd3").stroke();
    if (i === 0) y += h + 8;
  }
  const thumbs = Math.ceil((files.length - 1) / 2);
  const thumbHeight = ((PHOTO.width - 8) / 2) * (PHOTO.height / PHOTO.width);
  flow.right = x - PHOTO.gap;
  return y + thumbs * (thumbHeight + 8);
}

export async function renderNoticePdf(p: Printed): Promise<Buffer> {
  const style = typeStyle[p.row.type as NoticeType];
  const number = numberOf(p.row);
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    bufferPages: true,
    info: {
      Title: `${style.label} ${number}`,
      Subject: `${style.label} ${number} (${p.row.handling_code})`,
      Producer: "Fusion",
      Creator: "Fusion",
      CreationDate: p.printedAt,
    },
    lang: "en",
  });
  const done = collect(doc);
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const flow = new Flow(doc, {
    left: MARGIN,
    right: A4.width - MARGIN,
    top: BAND + 28,
    bottom: A4.height - MARGIN - 8,
  });
  const { title, subject, rest } = noticeSections(p.row);
  const heading = style.colour === "#f2c200" || style.colour === "#a7b0b6" ? "#1a1f29" : style.colour;
  flow.text(title, { font: "bold", size: 14 });
  flow.y += 4;
  const photosEnd = drawPhotos(doc, flow, p.photos);
  section(flow, subject, heading);
  flow.y = Math.max(flow.y, photosEnd);
  flow.right = flow.box.right;
  for (const s of rest) section(flow, s, heading);
  decorate(doc, p);
  doc.end();
  return done;
}

export function createNoticePdf({ db, clock }: Deps) {
  /** The PDF file of a notice, for whoever may read the notice; audited as a read. */
  async function noticePdf(actor: Actor, id: string) {
    if (!noticesPolicy.read(actor)) throw new AppError("forbidden", "Your role may not read notices.");
    const found = await inTransaction(db, async (trx) => {
      const row = isUuid(id) ? await repo.findReadable(trx, actor, id) : undefined;
      if (!row) throw new AppError("not_found", "No such notice.");
      const files = await photos.visiblePhotoFiles(trx, actor, id, MAX_PRINTED_PHOTOS);
      await appendAudit(trx, clock, actor, {
        action: "notice.pdf",
        recordType: row.type,
        recordId: id,
        detail: {
          owner: row.owner,
          photos: files.length,
          oversight: isOversightRead(
            {
              owner: row.owner,
              distribution: row.distribution,
              distributionCountries: row.distribution_countries,
            },
            actor,
          ),
        },
      });
      return { row, files };
    });
    // Laid out after the transaction: nothing waits on the database while the file is drawn.
    const pdf = await renderNoticePdf({
      row: found.row,
      photos: found.files,
      printedAt: clock.now(),
      printedFor: `${actor.username} (${actor.country})`,
    });
    const name = (found.row.notice_number ?? `draft-${found.row.id.slice(0, 8)}`).replace("/", "-");
    return { pdf, filename: `notice-${found.row.type}-${name}.pdf` };
  }

  return { noticePdf };
}
