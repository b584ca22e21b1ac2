import { generateKeyPairSync } from 'node:crypto';
import type { HopKeys } from '../../../schema/identity/hop-keys';
import { postGraphQL, type GraphQLAnswer } from '../http/signed-graphql';
import { type CheckOutcome, failure, success } from './check-outcome';
import { sdlShape } from './sdl-shape';

const TYPENAME = '{ __typename }';
const SDL_QUERY = '{ _service { sdl } }';

// a subgraph refuses a request it cannot trust before any resolver runs, or as a GraphQL UNAUTHENTICATED error
const refused = (answer: GraphQLAnswer) =>
  answer.status === 401 || Boolean(answer.body?.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED'));

/**
 * Before a publish is applied, the subgraph at its routing URL must be the
 * one that was published: it refuses an unsigned and a wrongly signed request
 * (so nobody but the gateway can reach around the platform's identity), and,
 * asked with the platform's signature, serves the published SDL (so the
 * gateway never plans a query on a field the service does not have).
 */
/** The registry's key id on a key that is not the registry's: what a forger would send. */
const forged = (keys: HopKeys): HopKeys => ({ ...keys, signer: { ...keys.signer, privateKey: generateKeyPairSync('ed25519').privateKey } });

export async function checkServedByService(candidate: { name: string; routingUrl: string; sdl: string }, hopKeys: HopKeys): Promise<CheckOutcome> {
  const at = `${candidate.name} at ${candidate.routingUrl}`;
  try {
    if (!refused(await postGraphQL(candidate.routingUrl, candidate.name, TYPENAME, null))) {
      return failure(`${at} answers unsigned requests; a subgraph must refuse anything not signed with the platform identity (401 or UNAUTHENTICATED)`);
    }
    if (!refused(await postGraphQL(candidate.routingUrl, candidate.name, TYPENAME, forged(hopKeys)))) {
      return failure(`${at} answers requests signed with a forged key; it must verify the platform signature`);
    }
    const answer = await postGraphQL(candidate.routingUrl, candidate.name, SDL_QUERY, hopKeys);
    const served = (answer.body?.data?._service as { sdl?: unknown } | undefined)?.sdl;
    if (typeof served !== 'string') return failure(`${at} did not return its SDL to a signed { _service { sdl } } (HTTP ${answer.status}); is it running?`);
    if (sdlShape(served) !== sdlShape(candidate.sdl)) {
      return failure(`${at} does not serve the published SDL; deploy the service first, then publish what it serves (--introspect)`);
    }
    return success;
  } catch (error) {
    return failure(`${at} could not be probed (${(error as Error).message}); publish once it runs the new version`);
  }
}
