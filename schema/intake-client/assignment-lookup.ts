import { ErrorCode, NotAssignedError, NotFoundError, UpstreamUnavailableError } from '../errors';
import type { HopKeys } from '../identity/hop-keys';
import { signIdentity } from '../identity/signed-identity';
import { REQUEST_ID_HEADER, type RequestContext } from '../request-context';

export interface AssignmentRef {
  id: string;
  status: string;
  ticketStatus: string;
}

/** Answers "is this ticket assigned to my department?" for a department subgraph. */
export type AssignmentLookup = (ticketId: string, context: RequestContext) => Promise<AssignmentRef>;

const QUERY = `query AssignmentForDepartment($id: ID!) {
  ticket(id: $id) { id status assignments { id status department { code } } }
}`;

interface TicketReply {
  data?: { ticket: null | { status: string; assignments: { id: string; status: string; department: { code: string } }[] } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The centre's intake subgraph is the source of truth for who a ticket is
 * assigned to, so a department asks it (service to service, same request id)
 * rather than keeping a copy that could drift.
 */
export function intakeAssignmentLookup(
  config: { intakeUrl: () => string; hopKeys: HopKeys },
  department: string,
): AssignmentLookup {
  return async (ticketId, context) => {
    let reply: TicketReply;
    try {
      const response = await fetch(`${config.intakeUrl()}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [REQUEST_ID_HEADER]: context.requestId,
          // the department asks as the caller, showing the gateway's hop, so intake applies the caller's own rights
          ...(await signIdentity(context.actor, config.hopKeys, 'intake', { query: QUERY, variables: { id: ticketId } }, { onBehalfOf: context.hop })),
        },
        body: JSON.stringify({ query: QUERY, variables: { id: ticketId } }),
        signal: AbortSignal.timeout(5000),
      });
      reply = (await response.json()) as TicketReply;
    } catch {
      throw new UpstreamUnavailableError('intake');
    }
    // intake refuses a department the ticket when it is not assigned to it
    if (reply.errors?.some((error) => error.extensions?.code === ErrorCode.FORBIDDEN)) throw new NotAssignedError(ticketId, department);
    if (reply.errors?.length || !reply.data) throw new UpstreamUnavailableError('intake');
    const ticket = reply.data.ticket;
    if (!ticket) throw new NotFoundError('Ticket', ticketId);
    const assignment = ticket.assignments.find((candidate) => candidate.department.code === department);
    if (!assignment) throw new NotAssignedError(ticketId, department);
    return { id: assignment.id, status: assignment.status, ticketStatus: ticket.status };
  };
}
