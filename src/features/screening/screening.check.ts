import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import type { MrzResult } from "./input/mrz.ts";
import {
  type Traveller,
  type TravellerInput,
  type TravellerIssue,
  validateTraveller,
} from "./input/traveller.ts";
import {
  type BiometricScreening,
  NO_MATCH_MESSAGE,
  REFER_MESSAGE,
  readBiometricProbe,
} from "./screening.biometrics.ts";
import { screeningPolicy } from "./screening.policy.ts";
import type { CheckRequest, CheckResultView } from "./screening.schema.ts";
import type { ScreeningService } from "./screening.service.ts";

/*
 * The two single-traveller questions: an officer's check (name, dates, documents, MRZ: everything
 * the country may see) and a carrier's (one document: board or do not board, nothing more).
 */

const EMPTY_TRAVELLER: Traveller = {
  name: null,
  surname: null,
  givenNames: null,
  dateOfBirth: null,
  nationality: null,
  sex: null,
  documents: [],
  mrz: null,
};
const isEmpty = (fields: Record<string, unknown>) =>
  Object.values(fields).every((v) => v === undefined || (typeof v === "string" && v.trim() === ""));

export const invalid = (problems: readonly TravellerIssue[], message = "The traveller cannot be screened.") =>
  new AppError("validation_failed", message, {
    errors: problems.map((p) => ({ path: p.field, message: p.message })),
  });

/** What the officer needs of the zone: which check digits held and whether the document expired. */
export const mrzSummary = (m: MrzResult | null) =>
  m && {
    format: m.format,
    read: {
      documentType: m.documentType,
      issuingState: m.issuingState,
      documentNumber: m.documentNumber,
      surname: m.surname,
      givenNames: m.givenNames,
      nationality: m.nationality,
      dateOfBirth: m.dateOfBirth,
      sex: m.sex,
      expiryDate: m.expiryDate,
    },
    valid: m.valid,
    expired: m.expired,
    checks: m.checks.map((c) => ({ field: c.field, valid: c.valid })),
    problems: m.problems,
  };

/** The traveller's facts as the audit row keeps them (who was checked, by what). */
export const querySummary = (input: TravellerInput) =>
  Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => typeof v === "string" && v !== "")
      .map(([k, v]) => [k, String(v).slice(0, 300)]),
  );

export function createChecks(service: ScreeningService, screenBiometrics: BiometricScreening) {
  return {
    async check(actor: Actor, body: CheckRequest): Promise<CheckResultView> {
      service.ensureScreen(actor);
      const { location, firearmSerialNumber, vehicleVin, vehiclePlate, ...rest } = body;
      const { fingerprintTemplate, facePhoto, faceTemplate, ...fields } = rest;
      const objects = { firearmSerialNumber, vehicleVin, vehiclePlate };
      const carries = Object.values(objects).some((x) => x !== undefined && x.trim() !== "");
      const biometrics = readBiometricProbe({ fingerprintTemplate, facePhoto, faceTemplate });
      if (biometrics.problems.length > 0) throw invalid(biometrics.problems);
      const ctx = service.context(location);
      const v = validateTraveller(fields, ctx.today);
      // A vehicle, a firearm or biometrics alone is a check too: the traveller's fields may be empty.
      if (!v.ok && !((carries || biometrics.probe) && isEmpty(fields))) throw invalid(v.problems);
      const traveller = v.ok ? v.traveller : EMPTY_TRAVELLER;
      // Before the names: a probe that cannot be read is refused before anything is stored.
      const bio = biometrics.probe
        ? await screenBiometrics(actor, biometrics.probe, querySummary(fields), location ?? null)
        : null;
      const entry = { position: 1, id: "1", traveller, ...(carries ? { objects } : {}) };
      const results = await service.screenAll(actor, [entry], ctx, {
        action: "screening.check",
        detail: { query: querySummary({ ...fields, ...objects }) },
      });
      const r = results.get(1);
      if (!r) throw new AppError("internal", "The traveller was not screened.");
      return {
        ...r,
        mrz: mrzSummary(traveller.mrz),
        warnings: v.ok ? v.warnings : [],
        biometric: bio && {
          status: bio.status,
          message: bio.status === "refer" ? REFER_MESSAGE : NO_MATCH_MESSAGE,
          searchId: bio.searchId,
        },
      };
    },

    async carrierCheck(
      actor: Actor,
      body: { documentNumber: string; documentType: string; issuingCountry: string },
    ): Promise<{ decision: "board" | "do_not_board" }> {
      if (!screeningPolicy.carrierCheck(actor))
        throw new AppError("forbidden", "Your role may not check documents for boarding.");
      const ctx = service.context();
      const v = validateTraveller(
        {
          documentNumber: body.documentNumber,
          documentType: body.documentType,
          documentCountry: body.issuingCountry,
        },
        ctx.today,
      );
      if (!v.ok) throw invalid(v.problems, "The document cannot be checked.");
      // Only the reported documents decide boarding: a carrier learns nothing of persons.
      const results = await service.screenAll(
        actor,
        [{ position: 1, id: "1", traveller: v.traveller }],
        ctx,
        { action: "screening.carrier_check", detail: { query: querySummary(body) } },
        undefined,
        new Set(["document"]),
      );
      return { decision: results.get(1)?.hit ? "do_not_board" : "board" };
    },
  };
}
