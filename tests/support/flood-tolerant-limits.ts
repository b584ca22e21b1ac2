/**
 * Rate limits the test stacks run with. Every suite sends its requests from
 * one address, some of them as fast as the gateway answers; the city's
 * defaults would refuse them. tests/e2e/security-rate-limits.test.ts starts a
 * gateway with small limits to show the refusals.
 */
export const FLOOD_TOLERANT_LIMITS: NodeJS.ProcessEnv = {
  RATE_LIMIT_IP_REQUESTS: '1000000',
  RATE_LIMIT_COST: '1000000000',
};
