/**
 * The nonces seen in the last `windowMs`, in two generations: a nonce stays
 * known for at least one window and at most two, then is forgotten with its
 * whole generation. A signed hop lives one window, so a replay always finds
 * its nonce; memory follows the traffic of two windows, nothing is reserved
 * up front (a preallocated LRU of 500,000 slots cost ~25 MB per service).
 */
export class NonceWindow {
  private current = new Set<string>();
  private previous = new Set<string>();
  private startedAt: number;

  constructor(private readonly windowMs: number, now = Date.now()) {
    this.startedAt = now;
  }

  /** True the first time a nonce is seen within the window, false for a replay. */
  firstUse(nonce: string, now = Date.now()): boolean {
    if (now - this.startedAt >= this.windowMs) {
      // a long quiet spell forgets both generations: every nonce in them has expired
      this.previous = now - this.startedAt >= 2 * this.windowMs ? new Set() : this.current;
      this.current = new Set();
      this.startedAt = now;
    }
    if (this.current.has(nonce) || this.previous.has(nonce)) return false;
    this.current.add(nonce);
    return true;
  }
}
