import { type AnchorHTMLAttributes, useMemo, useSyncExternalStore } from "react";

/**
 * A tiny hash router: routes live in `#/path?query`, so the server needs no fallback route and deep
 * links survive a reload. Hashes that do not start with "#/" are ignored (they are in-page anchors).
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

export type QueryInput = Record<string, string | number | undefined | null>;

function subscribe(callback: () => void): () => void {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

const snapshot = (): string => window.location.hash;

export function parseHash(hash: string): Location {
  const raw = hash.startsWith("#/") ? hash.slice(1) : "/";
  const at = raw.indexOf("?");
  const path = (at === -1 ? raw : raw.slice(0, at)).replace(/\/+$/, "") || "/";
  return { path, query: new URLSearchParams(at === -1 ? "" : raw.slice(at + 1)) };
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, snapshot, () => "");
  return useMemo(() => parseHash(hash), [hash]);
}

export function href(path: string, query?: QueryInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ""}`;
}

export function navigate(path: string, query?: QueryInput, options: { replace?: boolean } = {}): void {
  const target = href(path, query);
  if (options.replace) {
    window.history.replaceState(null, "", target);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else if (window.location.hash !== target) {
    window.location.hash = target;
  }
}

/** Matches "/records/:id" against a path; returns the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const h = have[i] ?? "";
    if (w.startsWith(":")) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  to: string;
  query?: QueryInput;
}

/** Paths are built by callers: encode each dynamic segment with `segment()`. */
export const segment = (value: string): string => encodeURIComponent(value);

export function Link({ to, query, ...rest }: LinkProps) {
  return <a href={href(to, query)} {...rest} />;
}
