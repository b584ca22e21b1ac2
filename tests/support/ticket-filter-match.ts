/** The fields of a listed ticket that `matchesTicketFilter` needs; select them with `LISTED_TICKET_FIELDS`. */
export interface ListedTicket {
  id: string;
  status: string;
  channel: string;
  createdAt: string;
  category: { code: string };
  assignments: { department: { code: string } }[];
}

export const LISTED_TICKET_FIELDS = 'id status channel createdAt category { code } assignments { department { code } }';

/**
 * Whether a ticket belongs in `tickets(filter)`, computed apart from the SQL
 * that lists it, so a test can say which tickets the list must and must not
 * hold. `scopeDepartment` is the caller's own department, which the server
 * applies whatever the filter says. A filter key this does not know throws:
 * the check would otherwise pass by ignoring it.
 */
export function matchesTicketFilter(ticket: ListedTicket, filter: Record<string, unknown> = {}, scopeDepartment?: string): boolean {
  const known = ['status', 'channel', 'categoryCode', 'departmentCode', 'createdFrom', 'createdTo'];
  const unknown = Object.keys(filter).filter((key) => !known.includes(key));
  if (unknown.length) throw new Error(`matchesTicketFilter does not know the filter keys ${unknown.join(', ')}`);
  const department = scopeDepartment ?? (filter.departmentCode as string | undefined);
  const createdAt = Date.parse(ticket.createdAt);
  return (
    (!filter.status || (filter.status as string[]).includes(ticket.status)) &&
    (!filter.channel || (filter.channel as string[]).includes(ticket.channel)) &&
    (!filter.categoryCode || filter.categoryCode === ticket.category.code) &&
    (!department || ticket.assignments.some((assignment) => assignment.department.code === department)) &&
    (!filter.createdFrom || createdAt >= Date.parse(filter.createdFrom as string)) &&
    (!filter.createdTo || createdAt < Date.parse(filter.createdTo as string))
  );
}
