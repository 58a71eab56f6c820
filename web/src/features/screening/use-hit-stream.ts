import { useEffect, useRef, useState } from "react";
import { HITS_STREAM_URL } from "./api.ts";
import type { StoredHit } from "./types.ts";

export type StreamState = "connecting" | "open" | "lost";

/**
 * Follows the hits stream (server-sent events, event "hit"). The server starts each connection at its
 * newest hit, so `onOpen` runs on every (re)connection: the page reloads its list then, and a hit that
 * landed while the connection was down is not missed. The browser reconnects by itself after a network
 * error; a connection the server refused is opened again after a pause.
 */
const RETRY_MS = 5000;

export function useHitStream(onHit: (hit: StoredHit) => void, onOpen: () => void): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  // The latest callbacks, without reopening the connection when the page re-renders.
  const handlers = useRef({ onHit, onOpen });
  handlers.current = { onHit, onOpen };
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt opens a new connection
  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(HITS_STREAM_URL);
    source.addEventListener("open", () => {
      setState("open");
      handlers.current.onOpen();
    });
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED) return setState("connecting");
      setState("lost");
      retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    });
    source.addEventListener("hit", (e) => {
      try {
        handlers.current.onHit(JSON.parse((e as MessageEvent<string>).data) as StoredHit);
      } catch {
        // a malformed event is skipped; the next list reload shows the hit anyway
      }
    });
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [attempt]);

  return state;
}
