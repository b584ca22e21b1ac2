/** How an engine process tells the benchmark it serves: one JSON line on stdout. */
export function announceListening(url: string): void {
  // an exit, not a kill, so that a --cpu-prof profile (npm run bench:gateway -- --profile DIR) is written
  process.once('SIGTERM', () => process.exit(0));
  console.log(JSON.stringify({ listening: url }));
}

export const enginePort = () => Number(process.env.PORT ?? 0);
