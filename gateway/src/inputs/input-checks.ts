import type { ApolloServerPlugin } from '@apollo/server';
import { checkLiterals, coerceVariables } from './input-values';

/**
 * Refuses wrong variables and platform-scalar literals with BAD_USER_INPUT
 * naming them, before the gateway plans the operation. A plugin, not
 * validation rules: Apollo Server replaces the code of every validation error
 * with GRAPHQL_VALIDATION_FAILED. The abuse limits ran before Apollo parsed
 * (limits/cheap-refusals.ts).
 */
export function inputChecks(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return;
          coerceVariables(schema, operation, request.variables);
          checkLiterals(schema, document);
        },
      };
    },
  };
}
