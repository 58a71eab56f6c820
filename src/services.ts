import type { Deps } from "./deps.ts";
import { createAuditService } from "./features/audit/audit.service.ts";
import { createAuthService } from "./features/auth/auth.service.ts";
import { createBiometricSearchService } from "./features/biometrics/biometrics.service.ts";
import { createClientsService } from "./features/clients/clients.service.ts";
import { createContentService } from "./features/content/content.service.ts";
import { createCountriesService } from "./features/countries/countries.service.ts";
import { createDashboardService } from "./features/dashboard/dashboard.service.ts";
import { createDiffusionsService } from "./features/diffusions/diffusions.service.ts";
import { createDocumentsService } from "./features/documents/documents.service.ts";
import { createFirearmsService } from "./features/firearms/firearms.service.ts";
import { createTracesService } from "./features/firearms/traces.service.ts";
import { createMaterialsService } from "./features/materials/materials.service.ts";
import { createNoticesService } from "./features/notices/notices.service.ts";
import { createNotificationsService } from "./features/notifications/notifications.service.ts";
import { createBiometricsService } from "./features/records/records.biometrics.ts";
import { createRecordsService } from "./features/records/records.service.ts";
import { createPartnersService } from "./features/referrals/partners.service.ts";
import { createReferralsService } from "./features/referrals/referrals.service.ts";
import { createResolutionService } from "./features/resolution/resolution.service.ts";
import { createReviewService } from "./features/review/review.service.ts";
import { createChecks } from "./features/screening/screening.check.ts";
import { createHits } from "./features/screening/screening.hits.ts";
import { createScreeningService } from "./features/screening/screening.service.ts";
import { createWebhookDeliverer } from "./features/screening/screening.webhooks.ts";
import { createUsersService } from "./features/users/users.service.ts";
import { createVehiclesService } from "./features/vehicles/vehicles.service.ts";

/** Every feature service, built from the same dependencies. HTTP routes and the CLI both use this. */
export function createServices(deps: Deps) {
  const content = createContentService(deps);
  const records = createRecordsService(deps);
  // Told of acts by the services where they happen, in the same transaction.
  const notifications = createNotificationsService(deps);
  const { notifier } = notifications;
  const screening = createScreeningService(deps, notifier);
  const biometricSearch = createBiometricSearchService(deps);
  const partners = createPartnersService(deps);
  return {
    auth: createAuthService(deps),
    audit: createAuditService(deps),
    users: createUsersService(deps),
    clients: createClientsService(deps),
    countries: createCountriesService(deps),
    records,
    biometrics: createBiometricsService(deps),
    biometricSearch,
    notices: createNoticesService(deps, records, notifier),
    diffusions: createDiffusionsService(deps, notifier),
    documents: createDocumentsService(deps),
    firearms: createFirearmsService(deps),
    traces: createTracesService(deps, notifier),
    vehicles: createVehiclesService(deps),
    materials: createMaterialsService(deps),
    content,
    partners,
    referrals: createReferralsService(deps, content, notifier, partners),
    notifications,
    dashboard: createDashboardService(deps),
    review: createReviewService(deps),
    resolution: createResolutionService(deps, records),
    screening: {
      service: screening,
      checks: createChecks(screening, biometricSearch.screenBiometrics),
      hits: createHits(deps),
      webhooks: createWebhookDeliverer(deps),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
