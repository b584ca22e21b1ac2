import { TICKET_FIELDS } from './operations';

/**
 * The documents a hostile tester sent to the gateway (issue 10), shared by
 * the e2e tests that show each refused and the attack benchmark that measures
 * what the refusals cost.
 */

/** A chain of fragments, each spreading the next twice: `links` lines of text, 2^links fields once expanded. */
export function fragmentChain(links: number, padding = ''): string {
  const fragments = Array.from({ length: links }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} ${padding} }`);
  return `query Chain { ...F0 }\n${fragments.join('\n')}\nfragment F${links} on Query { departments { code } }`;
}

/** ~70 KB, and full of fields no type has: if it were validated, the answer would list validation errors. */
export const SEVENTY_KB_CHAIN = fragmentChain(1000, 'noSuchField anotherMissingField');

/** Each export returns up to 10,000 audit events as one string. */
export const EXPORT_ALIASES = `{ ${Array.from({ length: 30 }, (_, i) => `e${i}: exportAuditEvents(format: JSON)`).join(' ')} }`;

/** A full 100-ticket page with every department's view: the most expensive thing a console asks. */
export const FULL_PAGE = `{ tickets(first: 100) { totalCount nodes { ${TICKET_FIELDS} } } }`;

export const HEAVY_BATCH = Array.from({ length: 10 }, () => ({ query: FULL_PAGE }));
