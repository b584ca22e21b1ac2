import { useCallback, useEffect, useState } from 'react';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { ApiError, request } from './graphql-client';

export interface QueryState<R> {
  data: R | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Runs a query when the page shows and whenever its variables change; reload() after a mutation. */
export function useQuery<R, V>(document: DocumentTypeDecoration<R, V> & { toString(): string }, variables: V, skip = false): QueryState<R> {
  const [state, setState] = useState<{ data: R | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !skip });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    request(document, JSON.parse(key) as V).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error: error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK'), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [document, key, round, skip]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
