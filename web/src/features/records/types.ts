export type HandlingCode = "H0" | "H1" | "H2" | "H3";
export type Reliability = "A" | "B" | "C" | "X";
export type Accuracy = 1 | 2 | 3 | 4;

export interface Envelope {
  owner: string;
  distribution: "all" | "only" | "except";
  distributionCountries: string[];
  handlingCode: HandlingCode;
  handlingNote?: string | null;
  sourceReliability: Reliability;
  informationAccuracy: Accuracy;
  sourceType: string;
  reviewAt: string;
}

export interface IntelRecord {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  envelope: Envelope;
  createdAt: string;
  updatedAt: string;
}

/** FollowTheMoney schemata (plus Firearm) offered in the type filter. */
export const SCHEMATA = [
  "Person",
  "Organization",
  "LegalEntity",
  "Passport",
  "Identification",
  "Address",
  "BankAccount",
  "CryptoWallet",
  "Vehicle",
  "Firearm",
  "Event",
  "Membership",
  "Family",
  "Associate",
  "Ownership",
  "Payment",
  "UnknownLink",
] as const;
