import { isIP } from 'node:net';
import { readString } from '../../../schema/config/env';

/** What Express's `trust proxy` is set to: trust nobody, the nearest N hops, or these addresses and subnets. */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(value: string): boolean {
  if (NAMED_RANGES.has(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length || !isIP(address)) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (isIP(address) === 4 ? 32 : 128));
}

/**
 * `TRUST_PROXY`: which proxies in front of the gateway may say, in
 * X-Forwarded-For, who the client is. Unset: none, and the per-address rate
 * limit counts the proxy as one client. A number trusts that many hops; a
 * comma-separated list trusts those addresses or subnets (`10.0.0.0/8`,
 * `loopback`). `true` is refused: it would let every client name its own address.
 */
export function readTrustProxy(env = process.env): TrustProxy {
  const raw = readString('TRUST_PROXY', 'false', env).trim();
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = entries.find((entry) => !isAddressOrSubnet(entry));
  if (wrong !== undefined || entries.length === 0) {
    throw new Error(`TRUST_PROXY: "${wrong ?? raw}" is not a hop count, an address, a subnet or loopback/linklocal/uniquelocal (true is refused: any client could name its own address)`);
  }
  return entries;
}
