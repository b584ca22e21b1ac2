import { NonceWindow } from './nonce-window';

describe('the nonces of the last window', () => {
  it('refuses a nonce seen within the window, however the generations turn, and forgets it after two', () => {
    const window = new NonceWindow(60_000, 0);
    expect(window.firstUse('a', 1_000)).toBe(true);
    expect(window.firstUse('a', 59_000)).toBe(false);
    // the next generation starts; 'a' (from the previous one) is still known
    expect(window.firstUse('b', 61_000)).toBe(true);
    expect(window.firstUse('a', 61_500)).toBe(false);
    // a generation later 'a' is gone with its generation: its hop expired long before
    expect(window.firstUse('c', 122_000)).toBe(true);
    expect(window.firstUse('b', 122_500)).toBe(false);
    expect(window.firstUse('a', 123_000)).toBe(true);
  });

  it('forgets everything after a quiet spell of two windows', () => {
    const window = new NonceWindow(60_000, 0);
    window.firstUse('a', 1_000);
    expect(window.firstUse('a', 200_000)).toBe(true);
  });
});
