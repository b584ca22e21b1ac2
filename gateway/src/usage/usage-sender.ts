import { GATEWAY_IDENTITY } from '../../../schema/identity/roles';
import type { HopKeys } from '../../../schema/identity/hop-keys';
import { signIdentity } from '../../../schema/identity/signed-identity';
import { REGISTRY_SERVICE } from '../../../schema/identity/roles';
import type { OperationUsage } from './usage-buffer';

/** The registry refuses larger batches whole. */
export const MAX_BATCH_OPERATIONS = 500;

/** The registry refused the batch's content: sending it again would be refused again. */
export class RefusedUsage extends Error {}

/** Sends one batch (at most MAX_BATCH_OPERATIONS), signed as the gateway over the exact body; throws unless it was recorded. */
export async function postUsage(registryUrl: string, hopKeys: HopKeys, operations: OperationUsage[], timeoutMs = 3000): Promise<number> {
  const body = JSON.stringify({ operations });
  const response = await fetch(`${registryUrl}/usage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signIdentity(GATEWAY_IDENTITY, hopKeys, REGISTRY_SERVICE, { query: body })) },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 400 || response.status === 413) throw new RefusedUsage(`POST /usage refused the batch: ${await response.text()}`);
  if (!response.ok) throw new Error(`POST /usage answered HTTP ${response.status}`);
  return ((await response.json()) as { recorded?: number }).recorded ?? 0;
}
