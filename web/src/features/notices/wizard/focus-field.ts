/**
 * Finds a field of the wizard's current step by its path in the request and focuses it: the element
 * marked `data-field`, else the control whose <label> reads the field's label, else the first control
 * of the group (fieldset or labelled section) named by it. A field inside a list item ("offences.1.x")
 * is looked for in that item's group. `labelOf` gives a path's label, or null when it has none.
 */
export function focusField(
  root: HTMLElement | null,
  path: string,
  labelOf: (path: string) => string | null,
): HTMLElement | null {
  if (!root) return null;
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n);
    const found = find(scopeOf(root, prefix, labelOf), prefix.join("."), labelOf);
    if (found) {
      found.focus();
      found.scrollIntoView?.({ block: "center" });
      return found;
    }
  }
  return null;
}

const CONTROL =
  "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";
const text = (el: Element | null | undefined): string => el?.textContent?.trim() ?? "";

/** The list item's group a path lies in (its last index), or the root. */
function scopeOf(root: HTMLElement, parts: string[], labelOf: (p: string) => string | null): HTMLElement {
  for (let i = parts.length - 1; i > 0; i--) {
    if (!/^\d+$/.test(parts[i] ?? "")) continue;
    const listLabel = labelOf(parts.slice(0, i).join("."));
    const list = [...root.querySelectorAll<HTMLElement>("section[aria-label]")].find(
      (s) => s.getAttribute("aria-label") === listLabel,
    );
    const item = list
      ? [...list.querySelectorAll<HTMLElement>(":scope > fieldset")][Number(parts[i])]
      : undefined;
    return item ?? root;
  }
  return root;
}

function find(scope: HTMLElement, path: string, labelOf: (p: string) => string | null): HTMLElement | null {
  const marked = scope.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
  if (marked) return marked;
  const label = labelOf(path);
  if (!label) return null;
  for (const l of scope.querySelectorAll<HTMLLabelElement>("label[for]")) {
    if (text(l) !== label) continue;
    const control = l.ownerDocument.getElementById(l.htmlFor);
    if (control && !(control as HTMLInputElement).disabled) return control;
  }
  for (const legend of scope.querySelectorAll("legend")) {
    if (text(legend) === label) return legend.parentElement?.querySelector<HTMLElement>(CONTROL) ?? null;
  }
  for (const section of scope.querySelectorAll<HTMLElement>("section[aria-label]")) {
    if (section.getAttribute("aria-label") === label) return section.querySelector<HTMLElement>(CONTROL);
  }
  return null;
}
