import ftm from "@alephdata/followthemoney";

/*
 * The FollowTheMoney model, as the maintained library ships it: which schemata exist and which
 * properties each has (its own and inherited). The library is CommonJS, so it is imported whole.
 * Every lookup goes through a Map or an own-property check: a name such as `constructor` or
 * `__proto__` must read as unknown, never as something inherited from Object.prototype.
 */
const model = new ftm.Model(ftm.defaultModel);

/** What FtM lacks, added in its style (DESIGN.md §3): schema -> its properties. */
const extraSchemata: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    "Firearm",
    new Set([
      "name",
      "serialNumber",
      "make",
      "model",
      "calibre",
      "weaponType",
      "country",
      "status",
      "date",
      "notes",
      "summary",
    ]),
  ],
  [
    // Explosives, precursors, chemical agents, radiological and nuclear sources (the CBRNE database).
    "CbrneMaterial",
    new Set([
      "name",
      "category",
      "description",
      "identifier",
      "amount",
      "unit",
      "address",
      "country",
      "status",
      "date",
      "notes",
    ]),
  ],
]);

/**
 * Properties this library version lacks, by the schema that carries them (and every schema derived
 * from it): the UN list's reference number (later FtM versions have it), and what a stolen vehicle
 * record says beyond FtM's Vehicle.
 */
const extraProperties: ReadonlyMap<string, readonly string[]> = new Map([
  ["LegalEntity", ["unscId"]],
  // The stolen vehicles database: the VIN, colour, status and the date of the theft or loss.
  ["Vehicle", ["vin", "colour", "status", "date"]],
]);

type FtmSchema = InstanceType<typeof ftm.Schema>;

function ftmSchema(name: string): FtmSchema | undefined {
  return Object.hasOwn(model.schemata, name) ? model.schemata[name] : undefined;
}

/** Whether FtM (or our extension) knows the schema. */
export function isKnownSchema(name: string): boolean {
  return ftmSchema(name) !== undefined || extraSchemata.has(name);
}

/** Whether `schema` is `parent` or derives from it (a Person is a LegalEntity). */
export function schemaIsA(schema: string, parent: string): boolean {
  return ftmSchema(schema)?.isA(parent) ?? false;
}

export function hasProperty(schema: string, prop: string): boolean {
  const extra = extraSchemata.get(schema);
  if (extra) return extra.has(prop);
  const s = ftmSchema(schema);
  if (!s) return false;
  if (s.getProperties().has(prop)) return true;
  for (const [parent, props] of extraProperties) if (s.isA(parent) && props.includes(prop)) return true;
  return false;
}

/** The FtM type of a property (`date`, `country`, `name`...), or undefined for our extensions. */
export function propertyType(schema: string, prop: string): string | undefined {
  return ftmSchema(schema)?.getProperties().get(prop)?.type.name;
}

/** The problems of a set of properties for a schema, one per unknown property, by name. */
export function unknownProperties(schema: string, properties: Record<string, unknown>): string[] {
  return Object.keys(properties)
    .filter((p) => !hasProperty(schema, p))
    .map((p) => `${schema} has no property "${p}"`);
}

/**
 * The properties that name another entity (FtM type `entity`: Membership.member, Family.relative,
 * Passport.holder...), by schema, for the schemata the store holds. `proof` (a source document) and
 * `addressEntity` are left out: they are not links between persons, groups and objects.
 */
export function linkProperties(schemata: readonly string[]): [schema: string, prop: string][] {
  const out: [string, string][] = [];
  for (const name of schemata) {
    const s = ftmSchema(name);
    if (!s) continue;
    for (const p of s.getProperties().values())
      if (p.type.name === "entity" && !p.stub && p.name !== "proof" && p.name !== "addressEntity")
        out.push([name, p.name]);
  }
  return out;
}
