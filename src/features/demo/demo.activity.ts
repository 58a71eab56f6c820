import type { Deps } from "../../deps.ts";
import type { Services } from "../../services.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Role } from "../../shared/roles.ts";
import { redRequest } from "../notices/notices.fixtures.ts";

/*
 * Work in progress, so that each role's dashboard and notification bell has something on it in the
 * demo: notice requests the Secretariat returned and refused (the French bureau), two requests in the
 * review queue (the Secretariat), a diffusion nobody in Paris has opened yet, a trace request to
 * answer, and a removal order awaiting the platform (the French referral unit). Everything goes
 * through the services, so it is audited and notified like real work. Fictitious people only.
 */

const ENVELOPE = {
  distribution: "all" as const,
  distributionCountries: [],
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "judicial" as const,
};

const GS_COUNTRY = "XG";

export async function seedDemoActivity(deps: Deps, services: Services): Promise<void> {
  const as = async (username: string): Promise<Actor> => {
    const u = await deps.db
      .selectFrom("users")
      .select(["id", "username", "role", "country"])
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    const role = u.role as Role;
    return { kind: "user", ...u, role, isSecretariat: u.country === GS_COUNTRY, scopes: [] };
  };
  const [fr, us, gs, content] = [
    await as("fr.officer"),
    await as("us.officer"),
    await as("gs.reviewer"),
    await as("fr.content"),
  ];
  const submitted = async (owner: Actor, family: string, forenames: string) => {
    const n = await services.notices.create(owner, {
      request: redRequest(family, forenames),
      envelope: ENVELOPE,
    });
    await services.notices.transition(owner, n.id, "submit");
    return n.id;
  };

  const returned = await submitted(fr, "VESELKO", "Anton");
  await services.notices.transition(gs, returned, "return_to_owner", {
    reasons: "Please attach the arrest warrant and state the maximum penalty for each offence.",
  });
  const refused = await submitted(fr, "FERRANTE-LUCI", "Dario");
  await services.notices.transition(gs, refused, "refuse", {
    reasons: "The facts described do not establish the subject's participation in the offence.",
  });
  await submitted(fr, "OSTROVA", "Nadia");
  await submitted(us, "WRENFORD", "Caleb");

  await services.diffusions.send(us, {
    kind: "locate",
    recipients: ["FR"],
    title: "Locate: courier seen at Lyon Part-Dieu station",
    body: "We ask the French bureau to locate a courier of a fictitious network, last seen in Lyon.",
    sourceReliability: "B",
    informationAccuracy: 2,
    sourceType: "police",
  });

  const firearm = await services.firearms.create(fr, {
    serialNumber: "FR-WAL-7713",
    make: "Walther",
    model: "PPK",
    calibre: "7.65mm",
    type: "pistol",
    status: "stolen",
    envelope: { ...ENVELOPE, sourceType: "police" },
  });
  const deadline = new Date(deps.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  await services.traces.create(us, {
    firearmId: firearm.id,
    question: "Was this pistol exported to the United States, and to whom?",
    deadline,
  });

  const platform = await deps.db
    .selectFrom("api_clients")
    .select("id")
    .where("role", "=", "platform_partner")
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .executeTakeFirst();
  if (platform)
    await services.referrals.create(content, {
      platformClientId: platform.id,
      url: "https://video.example/watch/demo-recruitment-clip",
      legalBasis: "removal_order",
      note: "Recruitment video of a fictitious group; removal order issued by the French referral unit.",
    });
}
