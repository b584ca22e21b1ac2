import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';

/**
 * The API schema Apollo serves now, for the cost estimate that runs before
 * Apollo sees a request; it follows every new supergraph from the registry.
 */
export class ServedSchema {
  current: GraphQLSchema | null = null;

  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async () => ({
        schemaDidLoadOrUpdate: ({ apiSchema }) => {
          this.current = apiSchema;
        },
      }),
    };
  }
}
