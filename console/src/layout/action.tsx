import { useState } from 'react';
import { ApiError } from '../api/graphql-client';

/** A button's mutation: busy while it runs, its error (with the stable code) shown beside it, then `done`. */
export function useAction(done: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      done();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(String(caught), 'NETWORK'));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}

export function ErrorNote({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      <code>{error.code}</code> {error.message}
    </p>
  );
}
