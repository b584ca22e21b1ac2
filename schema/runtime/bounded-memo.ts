/**
 * `compute`'s answers remembered for up to `limit` keys, for hot paths that see the same few keys again and again
 * (the planner's query texts, a signer's key id). When full it forgets them all at once: cheaper than an LRU's
 * bookkeeping, and the few hot keys come back at once.
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const remembered = new Map<K, V>();
  return (key) => {
    let value = remembered.get(key);
    if (value === undefined) {
      value = compute(key);
      if (remembered.size >= limit) remembered.clear();
      remembered.set(key, value);
    }
    return value;
  };
}
