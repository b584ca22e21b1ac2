import { readResilienceConfig, timeoutFor } from './resilience-config';

describe('resilience settings', () => {
  it('gives every subgraph the default timeout unless it has its own, published departments included', () => {
    const config = readResilienceConfig({ SUBGRAPH_TIMEOUT_MS: '4000', WATER_TIMEOUT_MS: '1500', PARKS_TIMEOUT_MS: '2500', INTAKE_TIMEOUT_MS: '' });
    expect([timeoutFor(config, 'water'), timeoutFor(config, 'parks'), timeoutFor(config, 'intake'), timeoutFor(config, 'transit')]).toEqual([1500, 2500, 4000, 4000]);
    expect(readResilienceConfig({})).toEqual({ defaultTimeoutMs: 5000, timeoutMs: {}, circuitFailures: 5, circuitHalfOpenMs: 3000 });
  });

  it('refuses a timeout a signed identity would not outlive, and values that are not whole numbers', () => {
    expect(() => readResilienceConfig({ WATER_TIMEOUT_MS: '60000' })).toThrow(/WATER_TIMEOUT_MS must be below 60000/);
    expect(() => readResilienceConfig({ SUBGRAPH_TIMEOUT_MS: '1.5s' })).toThrow(/SUBGRAPH_TIMEOUT_MS must be a whole number/);
    expect(() => readResilienceConfig({ SUBGRAPH_CIRCUIT_FAILURES: '0' })).toThrow(/SUBGRAPH_CIRCUIT_FAILURES/);
  });
});
