import { ErrorCode } from '../errors';

interface CodeEntry {
  /** What happened, from the client's side, and what it may do about it. */
  meaning: string;
  /** The fields beside `code` in `extensions`, for clients that branch on more than the code. */
  details: string[];
}

/**
 * Codes Apollo Server itself answers with, before any resolver runs: a client
 * sees them beside ours, so the catalogue names them too.
 */
const APOLLO_CODES = {
  GRAPHQL_PARSE_FAILED: { meaning: 'The document is not valid GraphQL syntax. Fix the operation text.', details: [] },
  GRAPHQL_VALIDATION_FAILED: { meaning: 'The document does not match the schema (an unknown field or argument, or introspection while it is off). Fix the operation.', details: [] },
  BAD_REQUEST: { meaning: 'The HTTP request is not a GraphQL request (no query, a body that is not JSON). Fix the request.', details: [] },
} satisfies Record<string, CodeEntry>;

/**
 * Every `extensions.code` a client of the gateway can receive, published as
 * the `ErrorCode` enum of the client schema. `satisfies Record<ErrorCode, …>`
 * makes a new code in schema/errors.ts fail the type check until it is
 * described here.
 */
export const ERROR_CODES: Record<ErrorCode | keyof typeof APOLLO_CODES, CodeEntry> = {
  ...({
    BAD_USER_INPUT: { meaning: 'An argument or input field is wrong (missing, out of range, malformed). Correct it; retrying unchanged fails again.', details: ['field: the input field at fault, when one is'] },
    NOT_FOUND: { meaning: 'The object asked for does not exist (or is not visible to the caller).', details: ['what: the kind of object', 'key: the id or code asked for'] },
    ILLEGAL_TRANSITION: { meaning: 'The ticket or assignment is in a state from which this step is not allowed. Reload it and offer the steps its status allows.', details: ['currentState: where it stands', 'transition: the step that was tried'] },
    NOT_ASSIGNED: { meaning: "The ticket is not assigned to the caller's department.", details: ['ticketId', 'department'] },
    CONFLICT: { meaning: 'Someone changed the object since it was read (expectedVersion), or the change contradicts what is stored (a reused idempotency key, a rating given twice). Reload and decide again.', details: [] },
    FORBIDDEN: { meaning: "The caller's roles or department do not allow this.", details: [] },
    UNAUTHENTICATED: { meaning: 'No bearer token, or one that is expired, malformed or wrongly signed (HTTP 401). Sign in again.', details: [] },
    UPSTREAM_UNAVAILABLE: { meaning: "A department's service could not be reached or its circuit is open: its fields are null, the rest of the data is there. Retry shortly.", details: ['service: the subgraph', 'retryable: true'] },
    UPSTREAM_TIMEOUT: { meaning: "A department's service did not answer in time: its fields are null, the rest of the data is there. Retry shortly.", details: ['service: the subgraph', 'timeoutMs: the limit it missed', 'retryable: true'] },
    SERVICE_UNAVAILABLE: { meaning: 'A service cannot reach its own database (or the gateway has no supergraph yet). Nothing was changed; retry the same request shortly (HTTP 503 with Retry-After when nothing could be served).', details: ['service', 'dependency: what it cannot reach', 'retryable: true'] },
    QUERY_TOO_DEEP: { meaning: 'The operation nests fields deeper than the gateway allows.', details: ['depth', 'maxDepth', 'batchIndex: in a batch'] },
    TOO_MANY_ALIASES: { meaning: 'The operation uses more aliases than the gateway allows.', details: ['aliases', 'maxAliases', 'batchIndex: in a batch'] },
    QUERY_TOO_COMPLEX: { meaning: 'The estimated cost of the operation (lists count their page size) is over the limit. Ask for smaller pages or fewer fields.', details: ['complexity', 'maxComplexity', 'batchIndex: the entry of a batch, in a batch'] },
    TOO_MANY_TOKENS: { meaning: 'The document is longer than the gateway parses.', details: ['maxTokens', 'batchIndex: in a batch'] },
    TOO_MANY_DIRECTIVES: { meaning: 'The operation uses more directives than the gateway allows.', details: ['directives', 'maxDirectives', 'batchIndex: in a batch'] },
    TOO_MANY_FIELDS: { meaning: 'The operation selects more fields (fragments expanded) than the gateway allows.', details: ['fields', 'maxFields', 'batchIndex: in a batch'] },
    BATCH_TOO_LARGE: { meaning: 'A batched request holds more operations than the gateway allows.', details: [] },
    BATCH_TOO_COMPLEX: { meaning: 'The summed cost of a batch is over the limit.', details: ['complexity', 'maxBatchComplexity'] },
    RATE_LIMITED: { meaning: 'Too many requests, or too much cost, from one caller or address in a while (HTTP 429 with Retry-After). Wait and retry.', details: ['limit: which limit', 'retryAfterMs: when to try again'] },
    PAYLOAD_TOO_LARGE: { meaning: 'The request body is larger than the gateway accepts (HTTP 413).', details: [] },
    INTERNAL_SERVER_ERROR: { meaning: 'Something failed that the client cannot fix; it is logged with the request id. Quote extensions.requestId (on the response) when reporting it.', details: [] },
  } satisfies Record<ErrorCode, CodeEntry>),
  ...APOLLO_CODES,
};

/** The catalogue as GraphQL SDL: each value's description says what it means and which detail fields it carries. */
export function errorCodeEnumSdl(): string {
  const values = Object.entries(ERROR_CODES).map(([code, { meaning, details }]) => {
    const carries = details.length ? ` Carries ${details.map((detail) => `\`${detail}\``).join(', ')}.` : ' Carries no detail fields.';
    return `  """${(meaning + carries).replace(/"""/g, '\\"""')}"""\n  ${code}`;
  });
  return `"""\nEvery \`extensions.code\` the API answers with. Not the type of any field: a client compares \`errors[].extensions.code\` against it.\n"""\nenum ErrorCode {\n${values.join('\n\n')}\n}\n`;
}
