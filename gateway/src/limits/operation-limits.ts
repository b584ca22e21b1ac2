import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../../schema/errors';
import { checkLiterals, coerceVariables } from '../inputs/input-values';
import { countAliases } from './alias-limit';
import { estimateComplexity } from './complexity-limit';
import { operationDepth } from './depth-limit';
import { limitError } from './limit-error';
import type { LimitsConfig } from './limits-config';

/**
 * Refuses an operation that is too deep, uses too many aliases or would cost
 * too much, before the gateway plans it, each with its own code. A plugin, not
 * validation rules: Apollo Server replaces the code of every validation error
 * with GRAPHQL_VALIDATION_FAILED, and the cost depends on variables.
 */
export function operationLimits(limits: LimitsConfig): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, operationName }) {
          if (!operation) return;
          // the cost depends on variables: refuse wrong ones with BAD_USER_INPUT before they are counted
          const variables = coerceVariables(schema, operation, request.variables);
          checkLiterals(schema, document);
          const depth = operationDepth(document, operation);
          if (depth > limits.maxDepth) {
            throw limitError(ErrorCode.QUERY_TOO_DEEP, `the operation is ${depth} fields deep; the limit is ${limits.maxDepth}`, { depth, maxDepth: limits.maxDepth });
          }
          const aliases = countAliases(document);
          if (aliases > limits.maxAliases) {
            throw limitError(ErrorCode.TOO_MANY_ALIASES, `the document uses ${aliases} aliases; the limit is ${limits.maxAliases}`, { aliases, maxAliases: limits.maxAliases });
          }
          const complexity = estimateComplexity(schema, document, variables, operationName ?? undefined);
          if (complexity > limits.maxComplexity) {
            throw limitError(ErrorCode.QUERY_TOO_COMPLEX, `the operation would cost ${complexity}; the limit is ${limits.maxComplexity}`, {
              complexity,
              maxComplexity: limits.maxComplexity,
            });
          }
        },
      };
    },
  };
}
