import type { Identity } from '../../schema/identity/roles';

/** What the gateway knows of a client request while it plans and fans out. */
export interface GatewayContext {
  requestId: string;
  /** Verified from the bearer token; anonymous when there is none. */
  identity: Identity;
}
