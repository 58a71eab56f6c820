import type { Kysely } from "kysely";
import { visibleTo } from "../../shared/envelope/envelope.sql.ts";
import { normalizeIdentifier } from "../../shared/objects.ts";
import { servedToScreening } from "../../shared/review.sql.ts";
import type { Database } from "../../storage/schema.ts";
import type { Candidate } from "./screening.candidates.ts";

/*
 * A firearm or a vehicle the traveller carries or drives, when the officer gives its serial number,
 * VIN or plate: one indexed read each (these checks are rare beside name and document checks, so
 * they are not held in memory), through the asker's visibility guard and the review rule.
 */

type Viewer = { country: string; isSecretariat: boolean };
type Db = Kysely<Database>;

export type ObjectQuery = { firearmSerialNumber?: string; vehicleVin?: string; vehiclePlate?: string };

/** Statuses that still concern a border: a seized firearm or a recovered vehicle does not. */
const FIREARM_SERVED = ["lost", "stolen", "illicitly_trafficked", "smuggled"] as const;
const VEHICLE_SERVED = ["stolen", "wanted"] as const;

export async function objectCandidates(
  db: Db,
  viewer: Viewer,
  q: ObjectQuery,
  today: string,
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const serial = q.firearmSerialNumber ? normalizeIdentifier(q.firearmSerialNumber) : "";
  if (serial) {
    const rows = await db
      .selectFrom("firearms as f")
      .select(["f.id", "f.serial_normalized", "f.make", "f.model", "f.type", "f.status", "f.owner"])
      .where("f.serial_normalized", "=", serial)
      .where("f.status", "in", FIREARM_SERVED)
      .where(visibleTo(viewer, "f"))
      .where(servedToScreening("f", today))
      .limit(20)
      .execute();
    for (const f of rows)
      out.push({
        kind: "firearm",
        sourceId: f.id,
        owner: f.owner,
        discreet: false,
        category: f.status,
        score: 1,
        match: true,
        explanation: {
          firearm: {
            serialNumber: "exact",
            given: serial,
            make: f.make,
            model: f.model,
            type: f.type,
            status: f.status,
          },
          summary: `Firearm ${f.make}${f.model ? ` ${f.model}` : ""} serial ${f.serial_normalized} is reported ${f.status.replaceAll("_", " ")}.`,
        },
      });
  }
  const vin = q.vehicleVin ? normalizeIdentifier(q.vehicleVin) : "";
  const plate = q.vehiclePlate ? normalizeIdentifier(q.vehiclePlate) : "";
  if (vin || plate) {
    const rows = await db
      .selectFrom("vehicles as v")
      .select([
        "v.id",
        "v.vin",
        "v.plate_normalized",
        "v.plate_country",
        "v.make",
        "v.model",
        "v.status",
        "v.owner",
      ])
      .where((eb) =>
        eb.or([
          ...(vin ? [eb("v.vin", "=", vin)] : []),
          ...(plate ? [eb("v.plate_normalized", "=", plate)] : []),
        ]),
      )
      .where("v.status", "in", VEHICLE_SERVED)
      .where(visibleTo(viewer, "v"))
      .where(servedToScreening("v", today))
      .limit(20)
      .execute();
    for (const v of rows) {
      const by = vin && v.vin === vin ? "vin" : "plate";
      out.push({
        kind: "vehicle",
        sourceId: v.id,
        owner: v.owner,
        discreet: false,
        category: v.status,
        score: by === "vin" ? 1 : 0.9,
        match: true,
        explanation: {
          vehicle: {
            matchedBy: by,
            vin: v.vin,
            plate: v.plate_normalized,
            plateCountry: v.plate_country,
            make: v.make,
            model: v.model,
            status: v.status,
          },
          summary: `Vehicle ${v.make}${v.model ? ` ${v.model}` : ""} (${by === "vin" ? `VIN ${v.vin}` : `plate ${v.plate_normalized}`}) is reported ${v.status}.`,
        },
      });
    }
  }
  return out;
}

export async function firearmsShown(db: Db, viewer: Viewer, ids: string[]) {
  if (!ids.length) return new Map<string, { reference: string; caption: string }>();
  const rows = await db
    .selectFrom("firearms as f")
    .select(["f.id", "f.serial_number", "f.make", "f.model", "f.type", "f.status"])
    .where("f.id", "in", ids)
    .where(visibleTo(viewer, "f"))
    .execute();
  return new Map(
    rows.map((f) => [
      f.id,
      {
        reference: f.serial_number,
        caption: `${f.make}${f.model ? ` ${f.model}` : ""} ${f.type}, reported ${f.status.replaceAll("_", " ")}`,
      },
    ]),
  );
}

export async function vehiclesShown(db: Db, viewer: Viewer, ids: string[]) {
  if (!ids.length) return new Map<string, { reference: string; caption: string }>();
  const rows = await db
    .selectFrom("vehicles as v")
    .select(["v.id", "v.vin", "v.plate", "v.make", "v.model", "v.status"])
    .where("v.id", "in", ids)
    .where(visibleTo(viewer, "v"))
    .execute();
  return new Map(
    rows.map((v) => [
      v.id,
      {
        reference: v.vin ?? v.plate ?? v.id,
        caption: `${v.make}${v.model ? ` ${v.model}` : ""}, reported ${v.status}`,
      },
    ]),
  );
}
