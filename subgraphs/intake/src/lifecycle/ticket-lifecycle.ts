import { TicketStatus as S } from '../../../../schema/enums';
import { IllegalTransitionError } from '../../../../schema/errors';

/**
 * The ticket's state table: the one place that says which transition may
 * happen from which state, and where it leads. `to: null` means the result
 * depends on the departments' assignments (see ticket-rollup.ts) or on the
 * callback's answer.
 */
export const TICKET_TRANSITIONS = {
  answer: { from: [S.RECEIVED], to: S.ANSWERED },
  dispatch: { from: [S.RECEIVED, S.DISPATCHED, S.RETURNED, S.REOPENED], to: S.DISPATCHED },
  callback: { from: [S.RESULT_REPORTED], to: null },
  closeWithExplanation: { from: [S.RESULT_REPORTED, S.REOPENED], to: S.CLOSED },
  supervise: { from: [S.RECEIVED, S.DISPATCHED, S.RETURNED, S.RESULT_REPORTED, S.REOPENED], to: null },
  archive: { from: [S.ANSWERED, S.CLOSED], to: S.ARCHIVED },
  // 并单: a repeat leaves the queues and follows its primary (to RESULT_REPORTED with the primary's result, see
  // follow-primary.ts); a wrong merge is undone until the repeat's citizen was called back, and the ticket handled anew
  merge: { from: [S.RECEIVED, S.DISPATCHED, S.RETURNED, S.RESULT_REPORTED, S.REOPENED], to: S.MERGED },
  unmerge: { from: [S.MERGED, S.RESULT_REPORTED], to: S.RECEIVED },
} as const satisfies Record<string, { from: readonly S[]; to: S | null }>;

export type TicketTransition = keyof typeof TICKET_TRANSITIONS;

/** Refuses a transition the table does not allow from `current`, naming both. */
export function assertTicketTransition(current: S, transition: TicketTransition, label: string): void {
  if (!(TICKET_TRANSITIONS[transition].from as readonly S[]).includes(current)) {
    throw new IllegalTransitionError(label, current, transition);
  }
}
