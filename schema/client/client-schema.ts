import path from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { errorCodeEnumSdl } from './error-code-catalogue';

/** The published file front-end teams generate their types from; tests/e2e/client-schema.test.ts keeps it current. */
export const CLIENT_SCHEMA_FILE = path.resolve(__dirname, 'client-schema.graphql');

/**
 * What a client of the gateway sees of a supergraph: the API schema, without
 * the join__/link__ machinery and the _entities/_service fields that only the
 * gateway talks to subgraphs with. Printed by federation's own printer, so
 * types come sorted and a diff of the file shows the change, not a reshuffle.
 * The `ErrorCode` catalogue follows: no field returns it, so no subgraph
 * declares it, but code generators give clients its values.
 */
export function clientSchemaSdl(supergraphSdl: string): string {
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema())}\n\n${errorCodeEnumSdl()}`;
}
