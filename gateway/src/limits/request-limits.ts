import type { RequestHandler, Response } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../../schema/errors';
import { estimateComplexity } from './complexity-limit';
import { documentChecker } from './document-check';
import { type GraphQLEntry, graphqlEntries } from './graphql-entries';
import type { LimitsConfig } from './limits-config';
import { type Refusal, sendRefusal } from './refusal';
import type { ServedSchema } from './served-schema';

/** What the request's operations were estimated to cost together (0 before the estimate, or with no schema yet). */
export function requestCost(res: Response): number {
  return typeof res.locals.graphqlCost === 'number' ? res.locals.graphqlCost : 0;
}

/**
 * The estimate needs valid variables and arguments; when it cannot be made,
 * Apollo refuses the operation before it runs (BAD_USER_INPUT naming the
 * variable, or a validation error), so it costs nothing here.
 */
function costOf(schema: GraphQLSchema, document: DocumentNode, entry: GraphQLEntry): number {
  let costs = remembered.get(schema);
  if (!costs) remembered.set(schema, (costs = new Map()));
  const key = costKey(entry);
  let cost = costs.get(key);
  if (cost === undefined) {
    try {
      cost = estimateComplexity(schema, document, entry.variables, entry.operationName);
    } catch {
      cost = 0;
    }
    if (costs.size >= REMEMBERED_COSTS) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}

/**
 * An operation's cost depends on its text and on the variables that can change it: numbers (a `first`) and
 * booleans (`@include`, `@skip`); the estimator reads nothing else (complexity-limit.ts). An operator's console sends
 * the same few texts with other ids and filters, so each text and page size is estimated once per schema.
 */
const remembered = new WeakMap<GraphQLSchema, Map<string, number>>();
const REMEMBERED_COSTS = 2000;
function costKey(entry: GraphQLEntry): string {
  const shaping = Object.entries(entry.variables ?? {}).filter(([, value]) => value === null || typeof value === 'number' || typeof value === 'boolean');
  return `${entry.operationName ?? ''}\n${JSON.stringify(shaping)}\n${entry.query}`;
}

/**
 * Every operation of the request, a batch's each one, checked before Apollo
 * parses it: the structural limits first, then its estimated cost, then the
 * cost of the whole batch. One operation over a limit refuses the request:
 * none of a batch runs, and `batchIndex` says which one it was.
 */
export function requestLimits(limits: LimitsConfig, schema: ServedSchema): RequestHandler {
  const checkDocument = documentChecker(limits);
  return (req, res, next) => {
    const entries = graphqlEntries(req);
    const at = (i: number) => (entries.length > 1 || Array.isArray(req.body) ? { batchIndex: i } : {});
    const refuse = (refusal: Refusal, i: number) => sendRefusal(res, { ...refusal, details: { ...refusal.details, ...at(i) } });
    const documents: Array<DocumentNode | null> = [];
    for (const [i, entry] of entries.entries()) {
      const verdict = entry.query === undefined ? null : checkDocument(entry.query);
      if (verdict?.kind === 'refused') return refuse(verdict.refusal, i);
      documents.push(verdict?.kind === 'accepted' ? verdict.document : null);
    }
    const served = schema.current;
    if (!served) return next();
    let total = 0;
    for (const [i, document] of documents.entries()) {
      if (!document) continue;
      const complexity = costOf(served, document, entries[i]);
      if (complexity > limits.maxComplexity) {
        const message = `the operation would cost ${complexity}; the limit is ${limits.maxComplexity}`;
        return refuse({ status: 400, code: ErrorCode.QUERY_TOO_COMPLEX, message, details: { complexity, maxComplexity: limits.maxComplexity } }, i);
      }
      total += complexity;
      // the rest of an over-budget batch need not be estimated: one over is enough to refuse it
      if (total > limits.maxBatchComplexity) break;
    }
    if (total > limits.maxBatchComplexity) {
      const message = `the batch would cost more than ${limits.maxBatchComplexity}, the limit for one request (at least ${total})`;
      return sendRefusal(res, { status: 400, code: ErrorCode.BATCH_TOO_COMPLEX, message, details: { complexity: total, maxBatchComplexity: limits.maxBatchComplexity } });
    }
    res.locals.graphqlCost = total;
    next();
  };
}
