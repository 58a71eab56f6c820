import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a phone, as a named region the keyboard can reach (Tab, then
 * the arrow keys scroll it): axe requires a scrollable region to be focusable.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
