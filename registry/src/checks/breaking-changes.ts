import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { apiSchemaOf } from '../supergraph/api-schema';

export interface SchemaBreak {
  message: string;
  path: string | null;
}

/**
 * The changes between two supergraphs' API schemas: the BREAKING ones, which
 * the usage check weighs, and the rest (dangerous or safe), which a successful
 * check lists so a reviewer sees everything that changes.
 */
export async function findSchemaChanges(currentSupergraphSdl: string, candidateSupergraphSdl: string): Promise<{ breaking: SchemaBreak[]; other: string[] }> {
  const changes = await diff(apiSchemaOf(currentSupergraphSdl), apiSchemaOf(candidateSupergraphSdl));
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const other = changes.filter((change) => change.criticality.level !== CriticalityLevel.Breaking);
  return {
    breaking: breaking.map((change) => ({ message: change.message, path: change.path ?? null })),
    other: other.map((change) => `${change.criticality.level === CriticalityLevel.Dangerous ? 'dangerous' : 'safe'}: ${change.message}`),
  };
}
