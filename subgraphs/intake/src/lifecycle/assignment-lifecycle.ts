import { AssignmentStatus as S } from '../../../../schema/enums';
import { IllegalTransitionError } from '../../../../schema/errors';

/** The assignment's state table: one department's part of a ticket, from dispatch to result. */
export const ASSIGNMENT_TRANSITIONS = {
  accept: { from: [S.PENDING], to: S.ACCEPTED },
  return: { from: [S.PENDING], to: S.RETURNED },
  start: { from: [S.ACCEPTED], to: S.IN_PROGRESS },
  requestExtension: { from: [S.ACCEPTED, S.IN_PROGRESS], to: S.EXTENSION_REQUESTED },
  grantExtension: { from: [S.EXTENSION_REQUESTED], to: S.IN_PROGRESS },
  refuseExtension: { from: [S.EXTENSION_REQUESTED], to: S.IN_PROGRESS },
  reportResult: { from: [S.ACCEPTED, S.IN_PROGRESS], to: S.RESULT_REPORTED },
  urge: { from: [S.PENDING, S.ACCEPTED, S.IN_PROGRESS, S.EXTENSION_REQUESTED, S.OBJECTED], to: null },
  // 派单异议: the department disputes the dispatch; a supervisor upholds it (returned, to re-dispatch) or not (it must handle it)
  object: { from: [S.PENDING, S.ACCEPTED], to: S.OBJECTED },
  upholdObjection: { from: [S.OBJECTED], to: S.RETURNED },
  refuseObjection: { from: [S.OBJECTED], to: S.ACCEPTED },
} as const satisfies Record<string, { from: readonly S[]; to: S | null }>;

export type AssignmentTransition = keyof typeof ASSIGNMENT_TRANSITIONS;

export function assertAssignmentTransition(current: S, transition: AssignmentTransition, label: string): void {
  if (!(ASSIGNMENT_TRANSITIONS[transition].from as readonly S[]).includes(current)) {
    throw new IllegalTransitionError(label, current, transition);
  }
}
