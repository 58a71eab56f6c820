import { useI18n } from "../../../lib/i18n/index.tsx";
import { useMe } from "../../../lib/session.tsx";
import type { Notice } from "../types.ts";
import { pdfUrl } from "./api.ts";

/**
 * The notice as a file: the PDF bureaus exchange (drawn by the server, audited) and the browser's
 * print of this page (the print stylesheet leaves out navigation, header and buttons). A line that
 * only paper shows says when, by whom, and under which handling code it was printed.
 */
export function NoticeFiles({ notice: n }: { notice: Notice }) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const number = n.noticeNumber ?? t("photos.draftNumber");
  return (
    <>
      <div className="notice-files no-print">
        <a
          className="btn btn-small"
          href={pdfUrl(n.id)}
          download
          aria-label={t("photos.downloadPdfLabel", { number })}
          data-testid="notice-pdf"
        >
          {t("photos.downloadPdf")}
        </a>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => window.print()}
          aria-label={t("photos.printLabel", { number })}
          data-testid="notice-print"
        >
          {t("photos.print")}
        </button>
      </div>
      <p className="print-only print-note" data-testid="notice-print-note">
        {t("photos.printedOn", {
          date: dateTime(new Date().toISOString()),
          user: me.username,
          handling: `${n.envelope.handlingCode} ${t(`handling.${n.envelope.handlingCode}`)}`,
        })}
      </p>
    </>
  );
}
