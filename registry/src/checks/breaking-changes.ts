import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { apiSchemaOf } from '../supergraph/api-schema';

export interface SchemaBreak {
  message: string;
  path: string | null;
}

/** The BREAKING changes between two supergraphs' API schemas; dangerous and safe ones are not the registry's business. */
export async function findBreakingChanges(currentSupergraphSdl: string, candidateSupergraphSdl: string): Promise<SchemaBreak[]> {
  const changes = await diff(apiSchemaOf(currentSupergraphSdl), apiSchemaOf(candidateSupergraphSdl));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ message: change.message, path: change.path ?? null }));
}
