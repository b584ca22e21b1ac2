import { UsageBuffer } from './usage-buffer';

describe('UsageBuffer', () => {
  it('counts the same operation from the same client on one line, and empties on take', () => {
    const buffer = new UsageBuffer();
    const usage = { name: 'Everywhere', client: 'console', coordinates: ['Query.ticket'], count: 1 };
    buffer.add(usage);
    buffer.add(usage);
    buffer.add({ ...usage, client: null });
    expect(buffer.take()).toEqual([{ ...usage, count: 2 }, { ...usage, client: null, count: 1 }]);
    expect(buffer.take()).toEqual([]);
  });

  it('stays bounded, counting what it had to drop', () => {
    const buffer = new UsageBuffer(2);
    for (const name of ['a', 'b', 'c', 'c']) buffer.add({ name, client: null, coordinates: [], count: 1 });
    expect(buffer.take().map((usage) => usage.name)).toEqual(['a', 'b']);
    expect(buffer.dropped).toBe(2);
  });
});
