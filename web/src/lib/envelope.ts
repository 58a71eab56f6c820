import type { Schema } from "./api/schema.ts";

/** The owner's rules every record carries (the envelope), as the contract names them. */
export type Envelope = Schema<"Envelope">;
export type HandlingCode = Envelope["handlingCode"];
export type Reliability = Envelope["sourceReliability"];
/** The contract sends an integer; the server accepts only 1 to 4, the grades the labels name. */
export type Accuracy = Extract<Envelope["informationAccuracy"], number> & (1 | 2 | 3 | 4);
export type SourceType = Envelope["sourceType"];
