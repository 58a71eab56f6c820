import { useI18n } from "../../lib/i18n/index.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Diffusion } from "./types.ts";

/** Up to this many recipients are named; beyond, the rest are counted ("and 4 others"). */
const NAMED = 4;

/** Whose eyes read a diffusion: its sender, one of its recipients, or the Secretariat's reviewer. */
export type Reader = "sender" | "recipient" | "reviewer";

export function readerOf(d: Diffusion, me: { role: string; country: { code: string } }): Reader {
  if (d.sender === me.country.code) return "sender";
  return me.role === "gs_reviewer" ? "reviewer" : "recipient";
}

/**
 * The sentence that tells this reader what the diffusion is to them: "You sent this to Spain and
 * Italy." for the sender, "France sent you this diffusion." for a recipient, and "France sent this to
 * all member countries; awaiting your review." for the General Secretariat's reviewer.
 */
export function Addressing({ diffusion: d, short = false }: { diffusion: Diffusion; short?: boolean }) {
  const { t, country, lang } = useI18n();
  const me = useMe();
  const reader = readerOf(d, me);
  const sender = country(d.sender);
  const codes = d.recipients === "all" ? [] : d.recipients;
  const others = codes.filter((c) => c !== me.country.code);
  const named = codes.slice(0, NAMED).map((c) => country(c));
  const listed = new Intl.ListFormat(lang, { type: "conjunction" }).format(
    codes.length > NAMED ? [...named, t("deadends.diffusion.more", { count: codes.length - NAMED })] : named,
  );
  const to = d.recipients === "all" || codes.length === 0 ? t("deadends.diffusion.allMembers") : listed;
  let text: string;
  if (reader === "sender")
    text = t(short ? "deadends.diffusion.sentShort" : "deadends.diffusion.sent", { to });
  else if (reader === "reviewer")
    text = t(
      d.reviewState === "unreviewed"
        ? short
          ? "deadends.diffusion.toReviewShort"
          : "deadends.diffusion.toReview"
        : "deadends.diffusion.reviewed",
      { sender, to },
    );
  else if (short) text = t("deadends.diffusion.receivedShort", { sender });
  else if (d.recipients === "all") text = t("deadends.diffusion.receivedAll", { sender });
  else text = t("deadends.diffusion.received", { sender, others: others.length });
  return (
    <span className="addressing" data-testid="diffusion-addressing" data-reader={reader}>
      {text}
    </span>
  );
}
