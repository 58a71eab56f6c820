/**
 * The document's named schemas in name order. Zod's registry yields them in the order their modules
 * were loaded, which is not the same in the CLI that writes docs/openapi.json and in a test that
 * compares it, so the committed contract would flip between two equal forms.
 */
export function sortComponentSchemas<D extends object>(document: D): D {
  const { components } = document as { components?: { schemas?: Record<string, unknown> } };
  if (!components?.schemas) return document;
  const byName = Object.entries(components.schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...document, components: { ...components, schemas: Object.fromEntries(byName) } };
}
