/**
 * Whether an operation that selected `coordinate` (`Type.field`) is hit by a
 * change at graphql-inspector's `path`: the field itself, its whole type
 * (`SupplyZone`), or one of its arguments (`Query.tickets.first`).
 */
export function changeHits(path: string, coordinate: string): boolean {
  return coordinate === path || coordinate.startsWith(`${path}.`) || path.startsWith(`${coordinate}.`);
}

/** The coordinates worth asking the database about for a path, and the type prefix when the path is a whole type. */
export function lookupKeys(path: string): { exact: string[]; typePrefix: string | null } {
  const segments = path.split('.');
  if (segments.length === 1) return { exact: [], typePrefix: `${path}.` };
  return { exact: [segments.slice(0, 2).join('.')], typePrefix: null };
}
