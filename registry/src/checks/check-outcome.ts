/** What one of the small pre-publish checks found (cosmo style): success, or a reason a person can act on. */
export type CheckOutcome = { kind: 'success' } | { kind: 'failure'; reason: string };

export const success: CheckOutcome = { kind: 'success' };
export const failure = (reason: string): CheckOutcome => ({ kind: 'failure', reason });
export const reasonsOf = (outcomes: CheckOutcome[]): string[] => outcomes.flatMap((outcome) => (outcome.kind === 'failure' ? [outcome.reason] : []));
