import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../lib/api/client.ts";
import type { CatalogueEntry, NoticeType } from "./types.ts";

/**
 * The server's catalogue of notice types (GET /notices/catalogue): which subjects each type may
 * describe, which fields a request must hold, whether the owner may consent to a public extract.
 * The wizard reads these from here, never from a copy. It changes only with a release, so it is
 * fetched once a session and kept apart from the answers that changes refetch.
 */
export function useCatalogue(): (type: NoticeType | "") => CatalogueEntry | undefined {
  const { data: catalogue } = useQuery({
    queryKey: ["catalogue", "notices"],
    queryFn: ({ signal }) => data(client.GET("/api/v1/notices/catalogue", { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (type) => (type ? catalogue?.items.find((entry) => entry.type === type) : undefined);
}
