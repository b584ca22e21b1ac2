import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { buildSchema, type BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { RoleChecker } from '../identity/auth-checker';

/**
 * The federation version every subgraph links. Keep one value for the whole
 * platform: composition accepts mixed versions, but debugging them is misery.
 */
export const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides'];

/** An entity this subgraph resolves by key: its GraphQL name, its class, and how to resolve a reference. */
export interface FederatedEntity {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  type: Function;
  resolveReference(reference: any, context: any): unknown;
}

/**
 * The one place where type-graphql meets Apollo Federation.
 *
 * type-graphql does not know federation directives, so it builds with
 * `skipCheck` and we print the schema *with* the directives set by `@Directive`;
 * `buildSubgraphSchema` then adds `_entities`/`_service`. The reference
 * resolvers are merged into type-graphql's resolver map because type-graphql
 * has no decorator for `__resolveReference`. Entities are added as orphaned
 * types: a department's `Ticket` is returned by no query, and type-graphql 2
 * drops types no query reaches.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'validate'>,
  entities: FederatedEntity[] = [],
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    orphanedTypes: [...(options.orphanedTypes ?? []), ...entities.map((entity) => entity.type)],
    skipCheck: true,
    validate: { forbidUnknownValues: false },
    authChecker: RoleChecker,
    // a refused check is an error the client sees (UNAUTHENTICATED or FORBIDDEN), never a silent null
    authMode: 'error',
  });
  const header = `extend schema @link(url: "${FEDERATION_SPEC}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const typeDefs = parse(`${header}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<any>;
  for (const entity of entities) {
    resolvers[entity.name] = { ...(resolvers[entity.name] as object), __resolveReference: entity.resolveReference } as any;
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
