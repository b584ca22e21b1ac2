import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';

/** What an operation asks for once its fragments are expanded. */
export interface Shape {
  /** Fields deep; introspection fields (`__schema`, `__type`) have their own fixed shape and are not counted. */
  depth: number;
  fields: number;
  aliases: number;
  directives: number;
}

const EMPTY: Shape = { depth: 0, fields: 0, aliases: 0, directives: 0 };
/** A count past this only says "far too many"; it keeps a 2^200 expansion a finite number in the refusal. */
const SATURATED = Number.MAX_SAFE_INTEGER;
const sum = (a: number, b: number) => Math.min(a + b, SATURATED);

function merge(into: Shape, from: Shape, depthOffset: number): void {
  into.depth = Math.max(into.depth, from.depth + depthOffset);
  into.fields = sum(into.fields, from.fields);
  into.aliases = sum(into.aliases, from.aliases);
  into.directives = sum(into.directives, from.directives);
}

/**
 * The shape of every operation of a parsed (not yet validated) document, in
 * one pass over its text: each fragment is measured once and its counts are
 * added wherever it is spread, so a chain of fragments each spreading the next
 * twice costs its length to measure, not 2^length. A fragment that spreads
 * itself (validation refuses it later) counts as empty rather than looping.
 * Keyed by operation name; an unnamed operation is `null`.
 */
export function operationShapes(document: DocumentNode): Map<string | null, Shape> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  const measured = new Map<string, Shape>();
  const measuring = new Set<string>();

  const fragmentShape = (name: string): Shape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(name)) return EMPTY;
    measuring.add(name);
    const shape = selectionsShape(fragment.selectionSet);
    shape.directives = sum(shape.directives, fragment.directives?.length ?? 0);
    measuring.delete(name);
    measured.set(name, shape);
    return shape;
  };

  const selectionsShape = (selectionSet: SelectionSetNode): Shape => {
    const shape = { ...EMPTY };
    for (const selection of selectionSet.selections) {
      shape.directives = sum(shape.directives, selection.directives?.length ?? 0);
      if (selection.kind === 'Field') {
        const below = selection.selectionSet ? selectionsShape(selection.selectionSet) : EMPTY;
        const introspection = selection.name.value.startsWith('__');
        merge(shape, { ...below, depth: introspection ? 0 : below.depth }, introspection ? 0 : 1);
        shape.fields = sum(shape.fields, 1);
        if (selection.alias) shape.aliases = sum(shape.aliases, 1);
      } else if (selection.kind === 'InlineFragment') {
        merge(shape, selectionsShape(selection.selectionSet), 0);
      } else {
        merge(shape, fragmentShape(selection.name.value), 0);
      }
    }
    return shape;
  };

  const shapes = new Map<string | null, Shape>();
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    const shape = selectionsShape(definition.selectionSet);
    const ownDirectives = (definition.directives?.length ?? 0) + (definition.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
    shape.directives = sum(shape.directives, ownDirectives);
    shapes.set(definition.name?.value ?? null, shape);
  }
  return shapes;
}
