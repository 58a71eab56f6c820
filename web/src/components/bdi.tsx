import type { ReactNode } from "react";

/**
 * A value shown inside text of the other direction (a Latin name, a notice number or "1963–1968" in
 * Arabic) keeps its own order. `dir="ltr"` for identifiers, codes, numbers and date ranges, which are
 * always written left to right; `auto` (the default) for names, which may be in either script.
 */
export function Bdi({
  children,
  dir = "auto",
  className,
  testId,
}: {
  children: ReactNode;
  dir?: "ltr" | "auto";
  className?: string;
  testId?: string;
}) {
  return (
    <bdi dir={dir} className={className} data-testid={testId}>
      {children}
    </bdi>
  );
}
