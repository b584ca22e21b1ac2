import type { DataSource } from 'typeorm';
import type { AnchorSettings } from './anchor-settings';
import { writeAnchor } from './write-anchor';

export interface Anchoring {
  /** Writes a last anchor, then stops; never throws (a stop must finish). */
  stop(): Promise<void>;
}

/** Anchors the changed heads now and every `intervalMs`, one run at a time; a failed run is logged and tried next time. */
export function startAnchoring(dataSource: DataSource, settings: AnchorSettings, log: (message: string) => void): Anchoring {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(() =>
      writeAnchor(dataSource, settings).then(
        () => undefined,
        (error: unknown) => log(`anchoring the chain heads to ${settings.file} failed: ${(error as Error).message}`),
      ),
    );
    return running;
  };
  void run();
  const timer = settings.intervalMs > 0 ? setInterval(run, settings.intervalMs).unref() : null;
  return {
    stop: async () => {
      if (timer) clearInterval(timer);
      await run();
    },
  };
}
