import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { isProduction } from '../config/env';
import type { Identity } from './roles';
import { UnauthenticatedError } from './signed-identity';

/**
 * A department's CI reads its own subgraph's schema (`rover subgraph introspect
 * --header "Authorization: Bearer …"`, `npm run subgraph -- check --introspect`)
 * with a token that opens `_service { sdl }` and nothing else, on that subgraph
 * alone: holding it, nobody can act as anyone.
 */
export const DEVELOPMENT_SCHEMA_READ_TOKEN = 'hotline-development-schema-read-token';
export const SCHEMA_READER: Identity = { id: 'schema-reader', roles: [] };

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * SCHEMA_READ_TOKEN_SHA256: the hex SHA-256 of each token this subgraph accepts
 * (comma-separated, for rotation); the subgraph keeps hashes, the CI the token.
 * Outside production the development token works too.
 */
export function readSchemaReadTokens(env = process.env): Buffer[] {
  const hashes = (env.SCHEMA_READ_TOKEN_SHA256 ?? '').split(',').map((hash) => hash.trim()).filter(Boolean);
  for (const hash of hashes) {
    if (!/^[0-9a-f]{64}$/i.test(hash)) throw new Error('SCHEMA_READ_TOKEN_SHA256 must list hex SHA-256 digests (64 characters each)');
  }
  const accepted = hashes.map((hash) => Buffer.from(hash, 'hex'));
  const development = sha256(DEVELOPMENT_SCHEMA_READ_TOKEN);
  if (isProduction(env) && accepted.some((hash) => hash.equals(development))) {
    throw new Error('SCHEMA_READ_TOKEN_SHA256 lists the development schema-read token published in this repository');
  }
  return isProduction(env) ? accepted : [...accepted, development];
}

/** Only `_service { sdl }` (and `__typename`), in one query without variables. */
function readsSdlOnly(query: string): boolean {
  let document;
  try {
    document = parse(query, { maxTokens: 50 });
  } catch {
    return false;
  }
  const only = (set: SelectionSetNode | undefined, allowed: Record<string, (inner?: SelectionSetNode) => boolean>) =>
    Boolean(set) && set!.selections.every((selection) => selection.kind === Kind.FIELD && !selection.alias && selection.name.value in allowed && allowed[selection.name.value](selection.selectionSet));
  const [operation, ...rest] = document.definitions;
  return (
    rest.length === 0 &&
    operation.kind === Kind.OPERATION_DEFINITION &&
    operation.operation === 'query' &&
    !operation.variableDefinitions?.length &&
    only(operation.selectionSet, { __typename: (inner) => !inner, _service: (inner) => only(inner, { sdl: (leaf) => !leaf, __typename: (leaf) => !leaf }) })
  );
}

/**
 * The schema reader, when the request carries an accepted schema-read token
 * and asks for the SDL alone; null when it carries no bearer token at all.
 */
export function schemaReaderFrom(headers: IncomingHttpHeaders, query: string, accepted: Buffer[]): Identity | null {
  const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
  if (!bearer) return null;
  const given = sha256(bearer);
  if (!accepted.some((hash) => timingSafeEqual(hash, given))) throw new UnauthenticatedError('this subgraph does not accept that token; clients call the gateway', 401);
  if (!readsSdlOnly(query)) throw new UnauthenticatedError('a schema-read token reads `{ _service { sdl } }` and nothing else', 401);
  return SCHEMA_READER;
}
