import { GATEWAY_IDENTITY } from '../../../schema/identity/roles';
import { signIdentity } from '../../../schema/identity/signed-identity';
import type { OperationUsage } from './usage-buffer';

/** The registry refuses larger batches whole. */
export const MAX_BATCH_OPERATIONS = 500;

/** The registry refused the batch's content: sending it again would be refused again. */
export class RefusedUsage extends Error {}

/** Sends one batch (at most MAX_BATCH_OPERATIONS), signed as the gateway over the exact body; throws unless it was recorded. */
export async function postUsage(registryUrl: string, signingSecret: string, operations: OperationUsage[], timeoutMs = 3000): Promise<number> {
  const body = JSON.stringify({ operations });
  const response = await fetch(`${registryUrl}/usage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signIdentity(GATEWAY_IDENTITY, signingSecret, body) },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 400 || response.status === 413) throw new RefusedUsage(`POST /usage refused the batch: ${await response.text()}`);
  if (!response.ok) throw new Error(`POST /usage answered HTTP ${response.status}`);
  return ((await response.json()) as { recorded?: number }).recorded ?? 0;
}
