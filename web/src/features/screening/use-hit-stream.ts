import { useEffect, useRef, useState } from "react";
import { HITS_STREAM_URL } from "./api.ts";
import type { StoredHit } from "./types.ts";

export type StreamState = "connecting" | "open" | "lost";

/*
 * Follows the hits stream (server-sent events, event "hit", each with the hit's sequence as its id).
 * After a network error the browser reconnects by itself and sends the last id it saw
 * (Last-Event-ID): the server resumes after that hit, so nothing is missed and the list need not be
 * read again. A connection that starts without a position (the first one, one that saw no hit yet,
 * or a new one opened after the server refused the last) begins at the server's newest hit: only
 * then does `onUnplaced` run, so the page reads its list again and a hit that landed meanwhile is
 * not lost. A connection the server refused is opened again after a pause.
 */
const RETRY_MS = 5000;

export function useHitStream(onHit: (hit: StoredHit) => void, onUnplaced: () => void): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  // The latest callbacks, without reopening the connection when the page re-renders.
  const handlers = useRef({ onHit, onUnplaced });
  handlers.current = { onHit, onUnplaced };
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt opens a new connection
  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Whether this connection has seen an id, which the browser then sends when it reconnects.
    let placed = false;
    const source = new EventSource(HITS_STREAM_URL);
    source.addEventListener("open", () => {
      setState("open");
      if (!placed) handlers.current.onUnplaced();
    });
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED) return setState("connecting");
      setState("lost");
      retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    });
    source.addEventListener("hit", (e) => {
      const event = e as MessageEvent<string>;
      if (event.lastEventId) placed = true;
      try {
        handlers.current.onHit(JSON.parse(event.data) as StoredHit);
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
