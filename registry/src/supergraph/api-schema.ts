import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/**
 * The schema clients see through the gateway: the supergraph without the
 * join/link machinery and without anything @inaccessible. Breaking changes
 * are judged here, not on subgraph SDLs, because a field one subgraph drops
 * may still be served by another. `@apollo/federation-internals` is the
 * library the gateway itself uses for this step (same pinned version as
 * @apollo/composition), so the registry and the gateway agree on the API.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
