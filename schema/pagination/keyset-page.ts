import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../errors';
import type { PageInfo } from './page-info';

/** An item's place in a newest-first list: its time, then its id, so the order is total and pages never overlap. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** What a client asked for: `first`/`after` pages forward (older), `last`/`before` backward (newer). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageRequest {
  direction: 'forward' | 'backward';
  size: number;
  cursor: KeysetPosition | null;
}

/** Checks the Relay arguments once: one direction at a time, a size within bounds, cursors this API gave out. */
export function readPageRequest(args: PageArgs, { defaultSize, maxSize }: { defaultSize: number; maxSize: number }): PageRequest {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) {
    throw new BadInputError('page forward (first/after) or backward (last/before), not both at once', args.first != null ? 'first' : 'after');
  }
  const sizeArg = backward ? 'last' : 'first';
  const size = (backward ? args.last : args.first) ?? defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > maxSize) throw new BadInputError(`${sizeArg} must be between 1 and ${maxSize}`, sizeArg);
  const cursorArg = backward ? 'before' : 'after';
  const cursor = backward ? args.before : args.after;
  return { direction: backward ? 'backward' : 'forward', size, cursor: cursor ? decodeKeysetCursor(cursor, cursorArg) : null };
}

/**
 * Orders `query` for the page and starts it at the cursor: newest first going
 * forward; oldest first going backward (read from the cursor up, then turned
 * round by `pageOf`), so both directions read the same index, one row more
 * than the page to know whether another follows.
 */
export function keysetPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: { at: string; id: string }, request: PageRequest): SelectQueryBuilder<T> {
  const order = request.direction === 'forward' ? 'DESC' : 'ASC';
  const beyond = request.direction === 'forward' ? '<' : '>';
  query.orderBy(columns.at, order).addOrderBy(columns.id, order).limit(request.size + 1);
  const cursor = request.cursor;
  if (cursor) {
    query.andWhere(
      new Brackets((where) =>
        where
          .where(`${columns.at} ${beyond} :cursorAt`, { cursorAt: cursor.at })
          .orWhere(`(${columns.at} = :cursorAt AND ${columns.id} ${beyond} :cursorId)`, { cursorId: cursor.id }),
      ),
    );
  }
  return query;
}

/** The page in list order (newest first) with its edges and PageInfo, from the rows `keysetPage` read. */
export function pageOf<T>(rows: T[], request: PageRequest, positionOf: (row: T) => KeysetPosition): { edges: Array<{ cursor: string; node: T }>; nodes: T[]; pageInfo: PageInfo } {
  const more = rows.length > request.size;
  const read = rows.slice(0, request.size);
  const nodes = request.direction === 'forward' ? read : read.reverse();
  // a cursor is written when it is read: a list that selects `nodes` and `endCursor` needs one, not 50
  const edges = nodes.map((node) => lazyEdge(node, positionOf));
  const fromCursor = request.cursor !== null;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? more : fromCursor,
      hasPreviousPage: request.direction === 'backward' ? more : fromCursor,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
  };
}

function lazyEdge<T>(node: T, positionOf: (row: T) => KeysetPosition): { cursor: string; node: T } {
  let cursor: string | undefined;
  return {
    get cursor() {
      return (cursor ??= encodeKeysetCursor(positionOf(node)));
    },
    node,
  };
}

/** Opaque to clients: base64url of [time, id]. */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

export function decodeKeysetCursor(cursor: string, argument: string): KeysetPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new BadInputError(`${argument} is not a cursor this API gave out`, argument);
  }
}
