import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { SubgraphSdl } from './fetch-subgraph-sdl';

export type { SubgraphSdl };

export type Composition = { kind: 'success'; supergraphSdl: string; hints: string[] } | { kind: 'failure'; errors: string[] };

/** Composes subgraph SDLs into the supergraph, reporting every composition error at once. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): Composition {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) return { kind: 'failure', errors: result.errors.map((error) => error.message) };
  return { kind: 'success', supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.definition.code + ': ' + hint.message) };
}
