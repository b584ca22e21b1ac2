import type { ApolloServerPlugin } from '@apollo/server';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../../../schema/errors';
import { limitError } from './limit-error';

/** A short list (a ticket's assignments, the poles near it) is costed as this many items. */
const SHORT_LIST = 5;

/**
 * A paginated field costs its children once per item it may return (`first`,
 * or 20 by default); an unpaginated list, SHORT_LIST times; the `nodes` and
 * `edges` of a page are already counted by the page.
 */
const listEstimator: ComplexityEstimator = ({ args, childComplexity, field, type }) => {
  const returns = String(field.type);
  if (returns.includes('Connection')) return 1 + (typeof args.first === 'number' ? args.first : 20) * Math.max(childComplexity, 1);
  if (!returns.startsWith('[')) return undefined;
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  return 1 + SHORT_LIST * Math.max(childComplexity, 1);
};

/**
 * Refuses operations whose estimated cost exceeds `maxComplexity`
 * (QUERY_TOO_COMPLEX). A plugin, not a validation rule, because the cost
 * depends on variables such as `first`.
 */
export function complexityLimit(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: operationName ?? undefined,
            variables: request.variables,
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw limitError(ErrorCode.QUERY_TOO_COMPLEX, `the operation would cost ${complexity}; the limit is ${maxComplexity}`, { complexity, maxComplexity });
          }
        },
      };
    },
  };
}
