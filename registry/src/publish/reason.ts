import { BadInputError } from '../../../schema/errors';

/** Rollbacks and removals always say why: the history is read when something broke. */
export function requireReason(reason: string): string {
  if (!reason.trim()) throw new BadInputError('say why (reason)', 'reason');
  return reason.trim();
}

/** A publish may give a reason; a forced one must, since it breaks someone's recorded operations. */
export function publishReason(reason: string | null | undefined, force: boolean | null | undefined): string | null {
  const trimmed = reason?.trim() || null;
  if (force && !trimmed) throw new BadInputError('a forced publish needs a reason (--reason "…")', 'reason');
  return trimmed;
}
