/** What the gateway knows of a client request while it plans and fans out. */
export interface GatewayContext {
  requestId: string;
}
