import { parse } from 'graphql';
import { type Composition, composeSupergraph, type SubgraphSdl } from '../../../schema/federation/compose-supergraph';

/**
 * Composes the candidate with every other current subgraph (the candidate
 * replaces its own earlier version). An SDL that does not even parse is a
 * composition error too, named after its subgraph, so the caller gets one list.
 */
export function composeWithCandidate(others: SubgraphSdl[], candidate: SubgraphSdl | null): Composition {
  if (candidate) {
    try {
      parse(candidate.sdl);
    } catch (error) {
      return { kind: 'failure', errors: [`[${candidate.name}] ${(error as Error).message}`] };
    }
  }
  const subgraphs = [...others.filter((other) => other.name !== candidate?.name), ...(candidate ? [candidate] : [])];
  if (subgraphs.length === 0) return { kind: 'failure', errors: ['no subgraph would be left to compose'] };
  try {
    return composeSupergraph(subgraphs);
  } catch (error) {
    // composition throws (rather than reports) on a few malformed inputs; the caller still deserves the reason
    return { kind: 'failure', errors: [(error as Error).message] };
  }
}
