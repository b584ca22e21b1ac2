import { type DocumentNode, GraphQLError, Lexer, parse, Source, TokenKind } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../../../schema/errors';
import { operationShapes, type Shape } from './document-shape';
import type { LimitsConfig } from './limits-config';
import type { Refusal } from './refusal';

/** A document within the limits, parsed; or why it is refused; or `unparsed`: a syntax error, which Apollo reports in its own words. */
export type DocumentVerdict = { kind: 'accepted'; document: DocumentNode } | { kind: 'refused'; refusal: Refusal } | { kind: 'unparsed' };

/**
 * Verdicts remembered, by the length of their texts: a console sends a few
 * dozen documents of under 1 KB over and over (1 MB holds ~1,500 of them); a
 * bomb sent again is refused from here too. A parsed document takes ~10 times
 * its text, so the cache stays within a few tens of MB.
 */
const CACHE = { maxSize: 1024 * 1024, maxEntrySize: 64 * 1024, sizeCalculation: (_verdict: DocumentVerdict, text: string) => text.length + 1 };

function refused(code: Refusal['code'], message: string, details: Record<string, unknown>): DocumentVerdict {
  return { kind: 'refused', refusal: { status: 400, code, message, details } };
}

function overLimit(shape: Shape, limits: LimitsConfig): DocumentVerdict | null {
  const { depth, aliases, directives, fields } = shape;
  if (depth > limits.maxDepth) {
    return refused(ErrorCode.QUERY_TOO_DEEP, `the operation is ${depth} fields deep; the limit is ${limits.maxDepth}`, { depth, maxDepth: limits.maxDepth });
  }
  if (aliases > limits.maxAliases) {
    return refused(ErrorCode.TOO_MANY_ALIASES, `the operation uses ${aliases} aliases; the limit is ${limits.maxAliases}`, { aliases, maxAliases: limits.maxAliases });
  }
  if (directives > limits.maxDirectives) {
    return refused(ErrorCode.TOO_MANY_DIRECTIVES, `the operation uses ${directives} directives; the limit is ${limits.maxDirectives}`, {
      directives,
      maxDirectives: limits.maxDirectives,
    });
  }
  if (fields > limits.maxFields) {
    return refused(ErrorCode.TOO_MANY_FIELDS, `the operation selects ${fields} fields once its fragments are expanded; the limit is ${limits.maxFields}`, {
      fields,
      maxFields: limits.maxFields,
    });
  }
  return null;
}

/**
 * The structural limits, checked on the text before Apollo parses and
 * validates it: the parser stops at `maxTokens`, and one linear pass measures
 * depth, aliases, directives and expanded fields of every operation (validation
 * of a 70 KB fragment chain took 0.46 s of gateway CPU; this refuses it in
 * well under a millisecond). Verdicts are remembered by text, so a console's
 * repeated queries, and a bomb sent again, cost one lookup.
 */
export function documentChecker(limits: LimitsConfig): (text: string) => DocumentVerdict {
  const verdicts = new LRUCache<string, DocumentVerdict>(CACHE);
  return (text) => {
    const known = verdicts.get(text);
    if (known) return known;
    const verdict = judge(text, limits);
    // a syntax error is Apollo's to report, and costs it no more than it cost here
    if (verdict.kind !== 'unparsed') verdicts.set(text, verdict);
    return verdict;
  };
}

/**
 * Whether the text holds more than `max` tokens, counted by the lexer alone
 * (a quarter of what parsing that far costs). Every token is at least one
 * character, so a text shorter than `max` is not even lexed. A lexical error
 * is left to the parser to report.
 */
function holdsMoreTokens(text: string, max: number): boolean {
  if (text.length <= max) return false;
  try {
    const lexer = new Lexer(new Source(text));
    for (let count = 0; count <= max; count += 1) if (lexer.advance().kind === TokenKind.EOF) return false;
    return true;
  } catch {
    return false;
  }
}

function judge(text: string, limits: LimitsConfig): DocumentVerdict {
  const tooManyTokens = refused(ErrorCode.TOO_MANY_TOKENS, `the document holds more than ${limits.maxTokens} tokens`, { maxTokens: limits.maxTokens });
  if (holdsMoreTokens(text, limits.maxTokens)) return tooManyTokens;
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    // the parser counts as the lexer does; kept in case they ever differ (graphql 16: "…more that N tokens. Parsing aborted.")
    if (error instanceof GraphQLError && /tokens\. Parsing aborted/.test(error.message)) return tooManyTokens;
    return { kind: 'unparsed' };
  }
  for (const shape of operationShapes(document).values()) {
    const refusal = overLimit(shape, limits);
    if (refusal) return refusal;
  }
  return { kind: 'accepted', document };
}
