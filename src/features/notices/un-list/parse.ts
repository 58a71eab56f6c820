import { XMLParser, XMLValidator } from "fast-xml-parser";
import { UnListParseError } from "./errors.ts";
import { toEntity, toIndividual, type XmlNode } from "./records.ts";
import type { UnConsolidatedList, UnEntity, UnIndividual } from "./types.ts";

export { UnListParseError, type UnListParseReason } from "./errors.ts";
export type { UnConsolidatedList } from "./types.ts";

/** The real list is about 2 MB; anything far larger is not the list and is refused before parsing. */
export const MAX_UN_LIST_BYTES = 64 * 1024 * 1024;

// Tags that may repeat. Forcing arrays means a record with one alias has the same shape as one with ten.
const repeated = new Set([
  "INDIVIDUAL",
  "ENTITY",
  "VALUE",
  "INDIVIDUAL_ALIAS",
  "ENTITY_ALIAS",
  "INDIVIDUAL_ADDRESS",
  "ENTITY_ADDRESS",
  "INDIVIDUAL_DATE_OF_BIRTH",
  "INDIVIDUAL_PLACE_OF_BIRTH",
  "INDIVIDUAL_DOCUMENT",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  ignoreDeclaration: true,
  // Keep every value a string: document numbers such as "0012345" must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five predefined XML entities (&amp; ...) remain: declarations are refused below.
  processEntities: true,
  htmlEntities: false,
  isArray: (tagName) => repeated.has(tagName),
});

const decode = (input: string | Uint8Array): string => {
  const text = typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

/**
 * Refuse any DTD. A DOCTYPE is the only way to declare entities, so refusing it closes both
 * entity-expansion bombs and external entities (file or network reads), whatever the parser
 * would do with them. The UN list never carries a DTD.
 */
const refuseDeclarations = (xml: string): void => {
  const m = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.exec(xml);
  if (m) {
    throw new UnListParseError(
      "doctype",
      `The file declares <!${m[1]}>; DTDs and entity declarations are refused`,
    );
  }
};

const asNode = (v: unknown): XmlNode | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as XmlNode) : undefined;

const listOf = (v: unknown): XmlNode[] =>
  Array.isArray(v) ? v.map(asNode).filter((n): n is XmlNode => n !== undefined) : [];

/**
 * Parse the UN Security Council Consolidated List XML into typed individuals and entities.
 * Throws UnListParseError for a DTD, a malformed document or a document that is not the list.
 */
export function parseUnConsolidatedList(input: string | Uint8Array): UnConsolidatedList {
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_UN_LIST_BYTES) {
    throw new UnListParseError("too_large", `The file is ${size} bytes; the limit is ${MAX_UN_LIST_BYTES}`);
  }
  const xml = decode(input);
  refuseDeclarations(xml);

  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new UnListParseError("malformed", `Malformed XML at line ${line}, column ${col}: ${msg}`, {
      line,
      col,
    });
  }

  const doc = asNode(parser.parse(xml));
  const root = asNode(doc?.CONSOLIDATED_LIST);
  const rootNames = doc ? Object.keys(doc) : [];
  if (!root || rootNames.length !== 1) {
    throw new UnListParseError(
      "not_consolidated_list",
      `The root element is ${rootNames.join(", ") || "missing"}, not CONSOLIDATED_LIST`,
    );
  }
  const generatedAt = root["@_dateGenerated"];
  if (typeof generatedAt !== "string" || Number.isNaN(Date.parse(generatedAt))) {
    throw new UnListParseError("not_consolidated_list", "CONSOLIDATED_LIST has no valid dateGenerated");
  }

  const individuals: UnIndividual[] = listOf(asNode(root.INDIVIDUALS)?.INDIVIDUAL).map(toIndividual);
  const entities: UnEntity[] = listOf(asNode(root.ENTITIES)?.ENTITY).map(toEntity);
  return { generatedAt, individuals, entities };
}
