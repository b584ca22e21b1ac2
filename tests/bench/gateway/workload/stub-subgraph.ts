import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { type GraphQLSchema, parse } from 'graphql';
import { accounts } from './accounts';
import { inventory } from './inventory';
import { products } from './products';
import { reviews } from './reviews';

/** One subgraph of the public gateway benchmark's workload (accounts, inventory, products, reviews): fixed data. */
export interface StubSubgraph {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<unknown>;
}

export const STUB_SUBGRAPHS: StubSubgraph[] = [accounts, inventory, products, reviews];

export function stubSubgraph(name: string): StubSubgraph {
  const found = STUB_SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!found) throw new Error(`no stub subgraph ${name}; there are ${STUB_SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')}`);
  return found;
}

export function stubSchema(subgraph: StubSubgraph): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers });
}
