import {
  coerceInputValue,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isNonNullType,
  type OperationDefinitionNode,
  typeFromAST,
  validate,
  valueFromAST,
  ValuesOfCorrectTypeRule,
} from 'graphql';
import { ErrorCode } from '../../../schema/errors';
import { withPlatformScalars } from './platform-scalars';

/** HTTP 400, as GraphQL over HTTP prescribes when variables cannot be coerced: nothing was executed. */
function badInput(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions, http: { status: 400 } } });
}

/**
 * The operation's variables coerced to their declared types (defaults filled
 * in), or a BAD_USER_INPUT naming the variable and where in it the value is
 * wrong. Before this the cost estimate met the raw values first and threw an
 * uncoded error: HTTP 500 for a misspelt enum.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  const typed = withPlatformScalars(schema);
  const coerced: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const variable = definition.variable.name.value;
    // validation has already refused a variable whose type is not an input type
    const type = typeFromAST(typed, definition.type as never) as GraphQLInputType;
    if (!Object.prototype.hasOwnProperty.call(inputs, variable)) {
      if (definition.defaultValue) coerced[variable] = valueFromAST(definition.defaultValue, type);
      else if (isNonNullType(type)) throw badInput(`Variable "$${variable}" of required type "${type}" was not provided.`, { variable });
      continue;
    }
    const failures: GraphQLError[] = [];
    const value = coerceInputValue(inputs[variable], type, (path, _invalid, error) => {
      const field = [variable, ...path].join('.');
      failures.push(badInput(`Variable "$${variable}" got an invalid value at "${field}": ${error.message}`, { variable, ...(path.length ? { field } : {}) }));
    });
    if (failures.length) throw failures[0];
    coerced[variable] = value;
  }
  return coerced;
}

/** What checkLiterals found per supergraph and document: the message of the wrong literal, or null. */
const literalChecks = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, string | null>>();

/**
 * Literal arguments of the platform scalars (`createdFrom: "yesterday"`), which the supergraph's validation lets
 * through. The answer depends on the document and the schema alone, and Apollo hands over the same parsed document
 * for the same text (its document cache), so each is checked once: the check was 2-5 % of the gateway's CPU.
 */
export function checkLiterals(schema: GraphQLSchema, document: DocumentNode): void {
  let checked = literalChecks.get(schema);
  if (!checked) literalChecks.set(schema, (checked = new WeakMap()));
  let message = checked.get(document);
  if (message === undefined) {
    const [error] = validate(withPlatformScalars(schema), document, [ValuesOfCorrectTypeRule], { maxErrors: 1 });
    message = error ? error.message : null;
    checked.set(document, message);
  }
  if (message !== null) throw badInput(message, {});
}
