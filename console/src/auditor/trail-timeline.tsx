import { useQuery } from '../api/use-query';
import { TicketTrailDocument } from '../generated/graphql';
import { ErrorNote } from '../layout/action';
import { when } from '../layout/light';

/** The ticket's events from every subgraph in chain order, one line each, coloured by department. */
export function TrailTimeline({ ticketId }: { ticketId: string }) {
  const trail = useQuery(TicketTrailDocument, { ticketId });
  return (
    <>
      <ErrorNote error={trail.error} />
      <ol className="timeline">
        {trail.data?.ticket?.trail.map((event) => (
          <li key={event.id} data-action={event.action} className={`dept-${event.department}`}>
            <span className="seq">#{event.ticketSeq}</span>
            <time>{when(event.occurredAt)}</time>
            <strong>{event.action}</strong>
            <span>
              {event.department} · {event.actorId} ({event.actorRole})
            </span>
            {event.fromState || event.toState ? (
              <span className="states">
                {event.fromState ?? '∅'} → {event.toState ?? '∅'}
              </span>
            ) : null}
            {event.reason && <em>{event.reason}</em>}
            <code title={event.hash}>{event.hash.slice(0, 10)}</code>
          </li>
        ))}
      </ol>
    </>
  );
}
