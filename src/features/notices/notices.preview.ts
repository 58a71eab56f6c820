import { z } from "zod";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { noticesPolicy } from "./notices.policy.ts";
import { checkCompliance, riskScore } from "./rules/compliance.ts";
import { noticeRequest } from "./rules/notice-request.ts";
import { noticeCatalogue, noticeTypes, subjectKinds } from "./rules/notice-types.ts";

export const previewBody = z.object({ request: noticeRequest }).strict();

export const previewSchema = z
  .object({
    findings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(["block", "risk", "info"]),
        message: z.string(),
        field: z.string().optional(),
      }),
    ),
    riskScore: z.number(),
  })
  .meta({ id: "CompliancePreview" });

export const catalogueSchema = z
  .object({
    items: z.array(
      z.object({
        type: z.enum(noticeTypes),
        colour: z.string(),
        purpose: z.string(),
        action: z.string(),
        subjectKinds: z.array(z.enum(subjectKinds)),
        requiredFields: z.array(z.string()),
        validityYears: z.number().nullable(),
        publicExtract: z.enum(["never", "on_owner_consent", "always"]),
      }),
    ),
  })
  .meta({ id: "NoticeCatalogue" });

/**
 * Live compliance feedback for the request wizard: the same checks that run at submission, on a
 * request that is not saved. Look-alike notices are left out on purpose: they may belong to
 * countries the requester may not see, so the duplicate check runs at submission and is shown to
 * the General Secretariat reviewer only.
 */
export function createCompliancePreview({ clock }: Deps) {
  function previewCompliance(actor: Actor, input: unknown) {
    if (!noticesPolicy.request(actor)) throw new AppError("forbidden", "Your role may not request notices.");
    const { request } = parseOrThrow(previewBody, input, "notice request");
    const findings = checkCompliance(request, {
      requester: actor.country,
      now: clock.now(),
      possibleDuplicates: [],
    });
    return { findings, riskScore: riskScore(findings) };
  }

  /** The notice types with their purpose, action and required fields, so forms never copy them. */
  function catalogue() {
    return {
      items: noticeTypes.map((t) => {
        const spec = noticeCatalogue[t];
        return { ...spec, subjectKinds: [...spec.subjectKinds], requiredFields: [...spec.requiredFields] };
      }),
    };
  }

  return { previewCompliance, catalogue };
}
