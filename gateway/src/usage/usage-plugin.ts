import type { HopKeys } from '../../../schema/identity/hop-keys';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { fieldCoordinates } from './operation-coordinates';
import { type OperationUsage, UsageBuffer } from './usage-buffer';
import { MAX_BATCH_OPERATIONS, postUsage, RefusedUsage } from './usage-sender';

export interface UsageRecordingOptions {
  registryUrl: string;
  hopKeys: HopKeys;
  flushMs: number;
  log?: (message: string) => void;
}

/** Front-ends name themselves with Apollo's usual header; the registry shows it next to the operation name. */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';
const ANONYMOUS_OPERATION = '(anonymous)';
const CACHED_DOCUMENTS = 1000;
/** The whole stop has under two seconds: a registry slow to answer costs the last batch, not the clean exit. */
const STOP_FLUSH_TIMEOUT_MS = 1000;

/**
 * Records which schema coordinates each operation uses and sends the counts
 * to the registry every `flushMs` and when the gateway stops, so a schema check
 * can name the clients a breaking change would hurt. Counted when execution
 * starts: an operation refused by validation or the limits used nothing.
 */
export function usageRecording(options: UsageRecordingOptions): ApolloServerPlugin {
  const buffer = new UsageBuffer();
  // the same document is parsed again on every request; its coordinates need working out once per schema
  const cache = new WeakMap<GraphQLSchema, Map<string, string[]>>();
  let flushing: Promise<void> = Promise.resolve();
  let failing = false;

  const sendBatch = async (batch: OperationUsage[], timeoutMs?: number) => {
    try {
      await postUsage(options.registryUrl, options.hopKeys, batch, timeoutMs);
      if (failing) options.log?.('usage reports reach the registry again');
      failing = false;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof RefusedUsage) return options.log?.(`usage batch dropped: ${message}`);
      // kept for the next flush: usage from a registry outage still counts once it is back
      for (const usage of batch) buffer.add(usage);
      if (!failing) options.log?.(`usage not recorded, will retry: ${message}`);
      failing = true;
    }
  };
  const send = async (timeoutMs?: number) => {
    const all = buffer.take();
    for (let start = 0; start < all.length; start += MAX_BATCH_OPERATIONS) await sendBatch(all.slice(start, start + MAX_BATCH_OPERATIONS), timeoutMs);
  };
  const flush = (timeoutMs?: number) => (flushing = flushing.then(() => send(timeoutMs)));

  return {
    async serverWillStart() {
      const timer = setInterval(() => void flush(), options.flushMs);
      timer.unref();
      return {
        async serverWillStop() {
          clearInterval(timer);
          await flush(STOP_FLUSH_TIMEOUT_MS);
        },
      };
    },
    async requestDidStart() {
      return {
        async executionDidStart({ schema, document, operation, operationName, queryHash, request }) {
          let documents = cache.get(schema);
          if (!documents) cache.set(schema, (documents = new Map()));
          const key = `${queryHash}:${operationName ?? ''}`;
          let coordinates = documents.get(key);
          if (!coordinates) {
            coordinates = fieldCoordinates(schema, document, operation);
            if (documents.size >= CACHED_DOCUMENTS) documents.clear();
            documents.set(key, coordinates);
          }
          // cut to the lengths the registry accepts: one long header must not cost the whole batch
          const client = request.http?.headers.get(CLIENT_NAME_HEADER)?.slice(0, 100) || null;
          buffer.add({ name: (operationName ?? ANONYMOUS_OPERATION).slice(0, 150), client, coordinates, count: 1 });
        },
      };
    },
  };
}
