import type { CreateRecordInput } from "../records/records.schema.ts";

/** The demo accounts: one per role, across the Secretariat and a handful of bureaus. */
export const demoUsers = [
  { username: "admin", displayName: "Platform Administrator", role: "admin", country: "XG" },
  {
    username: "gs.reviewer",
    displayName: "Amal Haddad (GS compliance)",
    role: "gs_reviewer",
    country: "XG",
    totp: true,
  },
  {
    username: "gs.analyst",
    displayName: "Lucas Moreau (CT Fusion Centre)",
    role: "gs_analyst",
    country: "XG",
  },
  {
    username: "auditor",
    displayName: "Ingrid Larsen (Data Protection Officer)",
    role: "auditor",
    country: "XG",
  },
  { username: "fr.officer", displayName: "Claire Dubois (NCB Paris)", role: "ncb_officer", country: "FR" },
  { username: "fr.admin", displayName: "Marc Lefèvre (NCB Paris admin)", role: "ncb_admin", country: "FR" },
  {
    username: "fr.border",
    displayName: "Sami Benali (Border police CDG)",
    role: "border_officer",
    country: "FR",
  },
  {
    username: "fr.content",
    displayName: "Julie Martin (Referral unit)",
    role: "content_analyst",
    country: "FR",
  },
  { username: "us.officer", displayName: "Dana Brooks (NCB Washington)", role: "ncb_officer", country: "US" },
  { username: "ke.officer", displayName: "Wanjiru Otieno (NCB Nairobi)", role: "ncb_officer", country: "KE" },
  { username: "jo.officer", displayName: "Omar Khalil (NCB Amman)", role: "ncb_officer", country: "JO" },
] as const;

/** The demo API clients: one per machine role. */
export const demoClients = [
  {
    name: "CDG border control system",
    role: "border_officer",
    country: "FR",
    scopes: ["screening:check", "documents:check"],
  },
  { name: "Demo Airways departure control", role: "carrier", country: "FR", scopes: ["documents:check"] },
  {
    name: "Demo Video Platform trust & safety",
    role: "platform_partner",
    country: "US",
    scopes: ["content:match", "content:referrals"],
  },
] as const;

/** The demo directory of platform partners: one answering through the demo client, two without one. */
export const demoPartners = [
  {
    name: "Demo Video",
    legalName: "Demo Video Platform, Inc.",
    country: "US",
    contactEmail: "referrals@video.example",
    referralEndpoint: "https://video.example/api/referrals",
    terms:
      "Acts on removal orders within one hour; voluntary referrals are assessed under its community rules.",
    client: "Demo Video Platform trust & safety",
    active: true,
  },
  {
    name: "Example Social",
    legalName: "Example Social Networks Ltd",
    country: "IE",
    contactEmail: "le-requests@social.example",
    referralEndpoint: null,
    terms: "Referrals by e-mail only until its API client is set up.",
    client: null,
    active: true,
  },
  {
    name: "Sample Files",
    legalName: "Sample File Hosting GmbH",
    country: "DE",
    contactEmail: "abuse@files.example",
    referralEndpoint: null,
    terms: "Service closed; kept for the history of earlier referrals.",
    client: null,
    active: false,
  },
] as const;

type DemoRecord = { owner: string; input: CreateRecordInput };

/** Fictitious records that show each distribution mode; no real person is named. */
export const demoRecords: DemoRecord[] = [
  {
    owner: "FR",
    input: {
      schema: "Person",
      properties: {
        name: ["Karim DEMOVIC"],
        birthDate: ["1988-04-12"],
        nationality: ["fr"],
        alias: ["Abu Demo"],
      },
      envelope: {
        distribution: "all",
        handlingCode: "H1",
        sourceReliability: "B",
        informationAccuracy: 2,
        sourceType: "police",
      },
      source: "Demo case file FR-2026-001",
    },
  },
  {
    owner: "FR",
    input: {
      schema: "Organization",
      properties: { name: ["Demo Liberation Front"], country: ["fr"] },
      envelope: {
        distribution: "only",
        distributionCountries: ["US", "JO"],
        handlingCode: "H2",
        sourceReliability: "A",
        informationAccuracy: 1,
        sourceType: "judicial",
      },
      source: "Demo judicial decision",
    },
  },
  {
    owner: "US",
    input: {
      schema: "Person",
      properties: { name: ["Jonathan SAMPLEMAN"], birthDate: ["1979"], nationality: ["us"] },
      envelope: {
        distribution: "except",
        distributionCountries: ["KE"],
        handlingCode: "H0",
        sourceReliability: "C",
        informationAccuracy: 3,
        sourceType: "military",
      },
      source: "Demo battlefield collection",
      provenance: {
        statedBy: "Demo Joint Task Force",
        statedAt: "2019-06-02",
        capture: {
          unit: "Demo Joint Task Force, exploitation cell",
          place: "Al-Hol, SY (demo)",
          date: "2019-05-28",
          context: "Registration card recovered during a camp screening (fictitious demo data)",
        },
      },
    },
  },
  {
    owner: "KE",
    input: {
      schema: "Person",
      properties: { name: ["Ahmed EXAMPLO"], birthDate: ["1990-11-02"], nationality: ["ke", "so"] },
      envelope: {
        distribution: "only",
        distributionCountries: ["FR"],
        handlingCode: "H3",
        handlingNote: "Not to be used in court without KE consent",
        sourceReliability: "B",
        informationAccuracy: 2,
        sourceType: "police",
      },
      source: "Demo NCB Nairobi report",
    },
  },
];

/** Fictitious stolen and lost travel documents, so a border check in the demo can hit one. */
export const demoDocuments = [
  { owner: "FR", input: { number: "18DM00427", country: "FRA", type: "passport", status: "lost" } },
  { owner: "FR", input: { number: "DEMO12345", country: "FRA", type: "id_card", status: "invalidated" } },
  { owner: "US", input: { number: "560000123", country: "USA", type: "passport", status: "revoked" } },
] as const;
