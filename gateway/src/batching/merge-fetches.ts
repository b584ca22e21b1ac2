import { type DocumentNode, type FieldNode, type GraphQLFormattedError, Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';
import { boundedMemo } from '../../../schema/runtime/bounded-memo';

/** One fetch the query planner asks of a subgraph. */
export interface PlannedFetch {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}


export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<GraphQLFormattedError>;
  extensions?: Record<string, unknown>;
}

/** The fetches as one operation, and how to give each fetch its own part of the answer. */
export interface MergedFetch {
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
  split(answer: SubgraphAnswer): SubgraphAnswer[];
}

/** Each fetch's names get a prefix of its own (`b0_`, `b1_`…), so variables, fragments and root fields never collide. */
const prefix = (index: number) => `b${index}_`;

/** What one fetch's operation looks like once renamed: its text without the operation line, and its root fields' answer keys. */
interface Renamed {
  variableDefinitions: string[];
  selections: string[];
  fragments: string[];
  /** Answer key in the merged operation → the fetch's own answer key. */
  keys: Array<[string, string]>;
}

/** The planner's fetch texts parsed once each; the executor passes no document unless the planner is told to keep one. */
export const plannedDocument = boundedMemo(1000, (query: string): DocumentNode => parse(query, { noLocation: true }));

/**
 * A planner fetch can be merged when it is one query whose root selection is fields only (the planner's
 * `_entities(representations: …)` and root fields are). Anything else is sent as it is.
 */
export function canMerge(query: string): boolean {
  let document: DocumentNode;
  try {
    document = plannedDocument(query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode[];
  return (
    operations.length === 1 &&
    operations[0].operation === 'query' &&
    !operations[0].directives?.length &&
    operations[0].selectionSet.selections.every((selection) => selection.kind === Kind.FIELD)
  );
}

function rename(query: string, index: number): Renamed {
  const p = prefix(index);
  const renamed = visit(plannedDocument(query), {
    Variable: (node) => ({ ...node, name: { ...node.name, value: p + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: p + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: p + node.name.value } }),
  });
  const operation = renamed.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const keys: Array<[string, string]> = [];
  const selections = (operation.selectionSet.selections as FieldNode[]).map((field) => {
    const key = field.alias?.value ?? field.name.value;
    keys.push([p + key, key]);
    return print({ ...field, alias: { kind: Kind.NAME, value: p + key } });
  });
  return {
    variableDefinitions: (operation.variableDefinitions ?? []).map((definition) => print(definition)),
    selections,
    fragments: renamed.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((definition) => print(definition)),
    keys,
  };
}

interface MergedText {
  query: string;
  /** Per fetch: its root fields' keys in the merged answer and its own. */
  keys: Array<Array<[string, string]>>;
  /** A merged answer key → the fetch it belongs to and that fetch's own key. */
  owners: Map<string, { index: number; key: string }>;
}

/** The planner sends the same few combinations again and again: each is written once. */
const mergedText = boundedMemo(1000, (joined: string): MergedText => {
  const parts = JSON.parse(joined) as string[];
  const renamed = parts.map((query, index) => rename(query, index));
  const variables = renamed.flatMap((part) => part.variableDefinitions);
  const head = `query Batch${variables.length ? `(${variables.join(', ')})` : ''}`;
  const query = `${head} { ${renamed.flatMap((part) => part.selections).join(' ')} }${renamed.flatMap((part) => part.fragments).map((fragment) => `\n${fragment}`).join('')}`;
  const owners = new Map(renamed.flatMap((part, index) => part.keys.map(([merged, key]) => [merged, { index, key }] as const)));
  return { query, keys: renamed.map((part) => part.keys), owners };
});

/**
 * Several fetches to one subgraph, planned side by side for one client operation, as one request: what Hive
 * Gateway calls batched execution. Every fetch keeps its own selection under aliases of its own, so the subgraph
 * resolves exactly what the fetches asked for; an error goes back to the fetch whose field its path starts at,
 * and one that names no fetch's field (a request error) to every fetch, in both cases without `locations`
 * (they point into the merged text, which no fetch sent).
 */
export function mergeFetches(fetches: readonly PlannedFetch[]): MergedFetch {
  const { query, keys, owners } = mergedText(JSON.stringify(fetches.map((fetch) => fetch.query)));
  const variables: Record<string, unknown> = {};
  fetches.forEach((fetch, index) => {
    for (const [name, value] of Object.entries(fetch.variables ?? {})) variables[prefix(index) + name] = value;
  });
  return {
    query,
    operationName: 'Batch',
    variables,
    split(answer) {
      const errors: GraphQLFormattedError[][] = keys.map(() => []);
      for (const { locations: _inTheMergedText, ...error } of answer.errors ?? []) {
        const owner = typeof error.path?.[0] === 'string' ? owners.get(error.path[0]) : undefined;
        if (owner) errors[owner.index].push({ ...error, path: [owner.key, ...error.path!.slice(1)] });
        else for (const mine of errors) mine.push(error);
      }
      return keys.map((fetchKeys, index) => ({
        ...(answer.data === undefined ? {} : { data: answer.data === null ? null : Object.fromEntries(fetchKeys.map(([merged, own]) => [own, answer.data![merged] ?? null])) }),
        ...(errors[index].length ? { errors: errors[index] } : {}),
        ...(answer.extensions ? { extensions: answer.extensions } : {}),
      }));
    },
  };
}
