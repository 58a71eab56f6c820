import { RenewalBadge, StateBadge, TypeBadge } from "../parts.tsx";
import type { Notice } from "../types.ts";
import { noticeTitle } from "./notice-title.ts";

/** The notice's title, with its type, state and (once published) number. */
export function NoticeHeader({ notice: n }: { notice: Notice }) {
  return (
    <div className="page-head">
      <h1 id="notice-title">
        <bdi>{noticeTitle(n)}</bdi>
      </h1>
      <p className="notice-badges">
        <TypeBadge type={n.type} /> <StateBadge state={n.state} /> <RenewalBadge notice={n} />{" "}
        {n.noticeNumber && (
          <code data-testid="notice-number" dir="ltr">
            {n.noticeNumber}
          </code>
        )}
      </p>
    </div>
  );
}
