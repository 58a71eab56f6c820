import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { CountriesService } from "./countries.service.ts";

const countrySchema = z
  .object({
    code: z.string(),
    alpha3: z.string(),
    name: z.string(),
    kind: z.enum(["member", "secretariat", "international"]),
  })
  .meta({ id: "Country" });

export function registerCountriesRoutes(app: ZodApp, countries: CountriesService): void {
  app.get(
    "/api/v1/countries",
    {
      schema: {
        operationId: "listCountries",
        tags: ["countries"],
        summary: "Member countries and international entities",
        response: { 200: z.object({ items: z.array(countrySchema) }) },
      },
    },
    async () => ({ items: await countries.list() }),
  );

  app.get(
    "/api/v1/overview",
    {
      schema: {
        operationId: "getOverview",
        tags: ["countries"],
        summary: "Records, notices, diffusions and accounts per country (General Secretariat)",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                kind: z.string(),
                records: z.number().int(),
                users: z.number().int(),
                /** Notices it requested, as the Secretariat reads them. */
                notices: z.number().int(),
                /** Diffusions it sent. */
                diffusions: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await countries.overview(actorOf(req)) }),
  );
}
