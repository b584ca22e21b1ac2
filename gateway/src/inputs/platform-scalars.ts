import { MapperKind, mapSchema } from '@graphql-tools/utils';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/**
 * The custom scalars the subgraphs define (type-graphql's `Date` is
 * graphql-scalars' DateTimeISO). A supergraph knows only their names and lets
 * any value through, so a bad one reached a subgraph and came back as an
 * internal error; with these the gateway refuses it itself.
 */
const PLATFORM_SCALARS: Record<string, GraphQLScalarType> = { DateTimeISO: GraphQLDateTimeISO };

const withScalars = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** The supergraph's API schema with the platform scalars' own parsing; built once per supergraph. */
export function withPlatformScalars(schema: GraphQLSchema): GraphQLSchema {
  let mapped = withScalars.get(schema);
  if (!mapped) {
    mapped = mapSchema(schema, { [MapperKind.SCALAR_TYPE]: (type) => PLATFORM_SCALARS[type.name] ?? type });
    withScalars.set(schema, mapped);
  }
  return mapped;
}
