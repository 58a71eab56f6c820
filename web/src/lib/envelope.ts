/** The owner's rules every record carries (the envelope). */
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
