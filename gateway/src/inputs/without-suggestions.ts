import type { GraphQLFormattedError } from 'graphql';

/** graphql-js ends a message with its guesses: `… Did you mean "tickets" or "ticket"?` */
const SUGGESTION = / ?Did you mean .+\?$/s;

/** Wraps a formatError so no message, whoever wrote it (validation, variables, a subgraph), suggests a name. */
export function withoutSuggestions(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return SUGGESTION.test(result.message) ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
  };
}
