import { readString } from '../../../schema/config/env';

/**
 * `CORS_ORIGINS`: the browser front-ends on other origins that may call
 * /graphql, comma-separated (`https://console.city.gov,https://311.city.gov`).
 * Unset, the gateway sends no CORS headers and browsers allow only its own origin.
 */
export function readCorsOrigins(env = process.env): string[] {
  const origins = readString('CORS_ORIGINS', '', env)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    // '*' or a path would let through more than the one front-end meant: an origin is scheme, host and port only
    if (!parsed || parsed.origin !== origin) throw new Error(`CORS_ORIGINS: "${origin}" is not an origin like https://console.example.gov (scheme, host, optional port; no path, no *)`);
  }
  return origins;
}
