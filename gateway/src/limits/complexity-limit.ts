import { type DocumentNode, type GraphQLSchema } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** A short list (a ticket's assignments, the poles near it) is costed as this many items. */
const SHORT_LIST = 5;

/**
 * Fields that return a whole export as one string. Costed 1 like any other
 * string, 30 aliases of `exportAuditEvents` were served as 40 MB; an export
 * costs one per row it may hold (the audit subgraph's EXPORT_LIMIT), so one
 * operation holds at most two and a batch five.
 */
const EXPORT_ROWS: Readonly<Record<string, number>> = {
  'Query.exportAuditEvents': 10_000,
  'Query.exportTrail': 10_000,
};

/**
 * How many items a field paginated by `first` may return. A negative `first`
 * (which the subgraph refuses, but only after the gateway has planned and sent
 * the rest of the operation) must not subtract from the cost of its siblings.
 */
const pageSize = (first: unknown, fallback: number) => (typeof first === 'number' ? Math.max(first, 0) : fallback);

/**
 * An export costs its rows; a paginated field costs its children once per item
 * it may return (`first`, or 20 by default); a list with a `first` argument,
 * `first` times; any other list, SHORT_LIST times; the `nodes` and `edges` of a
 * page are already counted by the page.
 */
const listEstimator: ComplexityEstimator = ({ args, childComplexity, field, type }) => {
  const rows = EXPORT_ROWS[`${type.name}.${field.name}`];
  if (rows) return 1 + rows;
  const returns = String(field.type);
  if (returns.includes('Connection')) return 1 + pageSize(args.first, 20) * Math.max(childComplexity, 1);
  if (!returns.startsWith('[')) return undefined;
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  return 1 + pageSize(args.first, SHORT_LIST) * Math.max(childComplexity, 1);
};

/**
 * The estimated cost of an operation; it depends on variables such as `first`. Only numbers (`first`) and booleans
 * (`@include`/`@skip`) may change it: request-limits.ts remembers costs on that promise, so an estimator that reads
 * another kind of argument must change its key too.
 */
export function estimateComplexity(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}
