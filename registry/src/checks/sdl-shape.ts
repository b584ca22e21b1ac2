import { type ASTNode, type DefinitionNode, parse, print, visit } from 'graphql';

const named = (node: ASTNode): string => ('name' in node && node.name && typeof node.name === 'object' && 'value' in node.name ? String(node.name.value) : '');
const byKindAndName = (a: ASTNode, b: ASTNode) => `${a.kind}:${named(a)}`.localeCompare(`${b.kind}:${named(b)}`);

/**
 * An SDL reduced to what the gateway plans queries with: descriptions dropped,
 * definitions, fields and enum values in name order, printed again. Two SDLs
 * with the same shape print alike however they were laid out or documented.
 * Throws on an SDL that does not parse.
 */
export function sdlShape(sdl: string): string {
  const stripped = visit(parse(sdl, { noLocation: true }), {
    enter(node) {
      if (!('description' in node) || !node.description) return undefined;
      return { ...node, description: undefined };
    },
    leave(node) {
      const sorted: Record<string, unknown> = {};
      for (const key of ['fields', 'values'] as const) {
        const list = (node as unknown as Record<string, ASTNode[] | undefined>)[key];
        if (Array.isArray(list)) sorted[key] = [...list].sort(byKindAndName);
      }
      return Object.keys(sorted).length ? { ...node, ...sorted } : undefined;
    },
  });
  const definitions = [...stripped.definitions].sort(byKindAndName) as DefinitionNode[];
  return print({ ...stripped, definitions });
}
